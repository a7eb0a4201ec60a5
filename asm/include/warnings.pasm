# Warning classes for warningson/warningsoff (Parrot's include/parrot/warnings.h, enum Warnings_classes).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_WARNINGS_ALL_FLAG 255
.macro_const PARROT_WARNINGS_NONE_FLAG 0
.macro_const PARROT_WARNINGS_UNDEF_FLAG 1
.macro_const PARROT_WARNINGS_IO_FLAG 2
.macro_const PARROT_WARNINGS_PLATFORM_FLAG 4
.macro_const PARROT_WARNINGS_DYNEXT_FLAG 8
.macro_const PARROT_WARNINGS_DEPRECATED_FLAG 16
.macro_const PARROT_WARNINGS_EXPERIMENTAL_FLAG 32
