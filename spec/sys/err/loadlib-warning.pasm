# With the dynext warnings on, loadlib of a library it cannot find says so on stderr (as
# Parrot_warn) and goes on; dlfunc then throws NCI's error, uncaught.
    .include "warnings.pasm"
    warningson .PARROT_WARNINGS_DYNEXT_FLAG
    loadlib P0, "no_such_library"
    say "went on"
    dlfunc P1, P0, "f", "v"
    end
