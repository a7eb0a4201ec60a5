# Error classes for errorson/errorsoff (Parrot's include/parrot/warnings.h, enum Errors_classes).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_ERRORS_NONE_FLAG 0
.macro_const PARROT_ERRORS_OVERFLOW_FLAG 2
.macro_const PARROT_ERRORS_PARAM_COUNT_FLAG 4
.macro_const PARROT_ERRORS_RESULT_COUNT_FLAG 8
.macro_const PARROT_ERRORS_ALL_FLAG 255
