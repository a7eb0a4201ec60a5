# <<"EOS" heredoc: lines up to the terminator, escapes honoured, final newline kept.
    set S0, <<"EOS"
first\tline
second "line"
EOS
    print S0
    length I0, S0
    say I0
    end
