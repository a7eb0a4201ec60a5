# sysinfo: the sizes and range of Parrot's INTVAL and FLOATVAL and of a pointer; a code it
# does not know gives -1 (I) or "" (S). The OS and CPU strings depend on the machine: they
# are only checked to be there.
    .loadlib 'sys_ops'
    .include "sysinfo.pasm"
    sysinfo I0, .SYSINFO_PARROT_INTSIZE
    say I0
    sysinfo I0, .SYSINFO_PARROT_FLOATSIZE
    say I0
    sysinfo I0, .SYSINFO_PARROT_POINTERSIZE
    say I0
    sysinfo I0, .SYSINFO_PARROT_INTMAX
    say I0
    set I1, .SYSINFO_PARROT_INTMIN
    sysinfo I0, I1
    say I0
    sysinfo I0, -1
    say I0
    sysinfo I0, 99
    say I0
    sysinfo S0, 99
    length I0, S0
    say I0
    sysinfo S0, .SYSINFO_PARROT_OS
    sysinfo S1, .SYSINFO_CPU_ARCH
    sysinfo S2, .SYSINFO_CPU_TYPE
    sysinfo S3, .SYSINFO_PARROT_OS_VERSION
    sysinfo S4, .SYSINFO_PARROT_OS_VERSION_NUMBER
    eq S0, "", bad
    eq S1, "", bad
    eq S2, "", bad
    say "names ok"
    end
bad:
    say "an OS or CPU name is empty"
    end
