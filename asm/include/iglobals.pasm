# Interpreter globals indices (Parrot's include/parrot/interpreter.h, enum iglobals_enum).
# Kea's copy, with Parrot's names and values.
.macro_const IGLOBALS_CLASSNAME_HASH 0
.macro_const IGLOBALS_COMPREG_HASH 1
.macro_const IGLOBALS_ARGV_LIST 2
.macro_const IGLOBALS_NCI_FUNCS 3
.macro_const IGLOBALS_NCI_FB_CB 4
.macro_const IGLOBALS_NCI_FB_UD 5
.macro_const IGLOBALS_INTERPRETER 6
.macro_const IGLOBALS_DYN_LIBS 7
.macro_const IGLOBALS_CONFIG_HASH 8
.macro_const IGLOBALS_LIB_PATHS 9
.macro_const IGLOBALS_PBC_LIBS 10
.macro_const IGLOBALS_EXECUTABLE 11
.macro_const IGLOBALS_LOADED_PBCS 12
.macro_const IGLOBALS_SIZE 13
