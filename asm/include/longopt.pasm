# Long option flags (Parrot's include/parrot/longopt.h, enum OPTION_flags; names upper-cased).
# Kea's copy, with Parrot's names and values.
.macro_const OPTION_REQUIRED_FLAG 1
.macro_const OPTION_OPTIONAL_FLAG 2
