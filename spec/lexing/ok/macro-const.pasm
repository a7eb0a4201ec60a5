# .macro_const NAME value defines a constant used as .NAME
.macro_const ANSWER 42
.macro_const GREETING "hi there"
    say .ANSWER
    say .GREETING
    set I0, .ANSWER
    add I0, 1
    say I0
    end
