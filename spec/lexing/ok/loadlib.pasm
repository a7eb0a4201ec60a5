# .loadlib 'lib' is accepted and does nothing: every op is always present.
.loadlib 'io_ops'
.loadlib 'trans_ops'
    printerr ""
    say "loaded"
    end
