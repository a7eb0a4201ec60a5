# Exception severities (Parrot's include/parrot/exceptions.h, enum exception_severity; names upper-cased).
# Kea's copy, with Parrot's names and values.
.macro_const EXCEPT_NORMAL 0
.macro_const EXCEPT_WARNING 1
.macro_const EXCEPT_ERROR 2
.macro_const EXCEPT_SEVERE 3
.macro_const EXCEPT_FATAL 4
.macro_const EXCEPT_DOOMED 5
.macro_const EXCEPT_EXIT 6
