# <<'EOS' heredoc: no escapes, like a single-quoted string.
    print <<'END'
raw \t and \n stay
END
    say "after"
    end
