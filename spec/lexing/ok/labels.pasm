# Labels: `NAME:` before an op or alone on a line; names are [A-Za-z_][A-Za-z0-9_]*, case-sensitive.
    branch _start
loop:
    say "lower loop"
    end
_start: say "underscore label"
    branch Loop2
Loop2:
LOOP_3:  say "two labels, one op"
    branch loop
