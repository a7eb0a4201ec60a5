# .pcc_sub :main marks the entry point even when it is not the first sub.
.pcc_sub helper:
    say "helper not run"
    returncc
.pcc_sub :main main:
    say "main runs first"
    end
