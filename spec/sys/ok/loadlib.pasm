# loadlib: Kea's built-in dynop libraries load as a ParrotLibrary (named without folder or
# extension); any other name gives an Undef, as Parrot gives for a library it cannot find.
    loadlib P0, "sys_ops"
    typeof S0, P0
    say S0
    say P0
    if P0, yes
    say "false"
yes:
    loadlib P1, "dynext/io_ops.so"
    say P1
    new P3, "Integer"
    loadlib P2, "no_such_library", P3
    typeof S0, P2
    say S0
    defined I0, P2
    say I0
    end
