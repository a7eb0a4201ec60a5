# Double-quoted one-letter escapes: \a \b \t \n \v \f \r \e \\ \" (shown as their code points).
    ord I0, "\a"
    say I0
    ord I0, "\b"
    say I0
    ord I0, "\t"
    say I0
    ord I0, "\n"
    say I0
    ord I0, "\v"
    say I0
    ord I0, "\f"
    say I0
    ord I0, "\r"
    say I0
    ord I0, "\e"
    say I0
    say "back\\slash \"quoted\""
    end
