# sysinfo op selectors (Parrot's include/parrot/interpreter.h, #defines, prefix SYSINFO_).
# Kea's copy, with Parrot's names and values.
.macro_const SYSINFO_PARROT_INTSIZE 16
.macro_const SYSINFO_PARROT_FLOATSIZE 17
.macro_const SYSINFO_PARROT_POINTERSIZE 18
.macro_const SYSINFO_PARROT_OS 30
.macro_const SYSINFO_PARROT_OS_VERSION 31
.macro_const SYSINFO_PARROT_OS_VERSION_NUMBER 32
.macro_const SYSINFO_CPU_ARCH 33
.macro_const SYSINFO_CPU_TYPE 34
.macro_const SYSINFO_PARROT_INTMAX 19
.macro_const SYSINFO_PARROT_INTMIN 20
