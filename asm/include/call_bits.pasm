# Calling-convention argument flags (Parrot's include/parrot/enums.h, enum Call_bits_enum_t).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_ARG_INTVAL 0
.macro_const PARROT_ARG_STRING 1
.macro_const PARROT_ARG_PMC 2
.macro_const PARROT_ARG_FLOATVAL 3
.macro_const PARROT_ARG_TYPE_MASK 15
.macro_const PARROT_ARG_CONSTANT 16
.macro_const PARROT_ARG_FLATTEN 32
.macro_const PARROT_ARG_SLURPY_ARRAY 32
.macro_const PARROT_ARG_OPTIONAL 128
.macro_const PARROT_ARG_OPT_FLAG 256
.macro_const PARROT_ARG_NAME 512
.macro_const PARROT_ARG_LOOKAHEAD 1024
.macro_const PARROT_ARG_INVOCANT 2048
.macro_const PARROT_ARG_CALL_SIG 4096
