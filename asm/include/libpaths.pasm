# Library search path slots (Parrot's include/parrot/library.h, enum enum_lib_paths).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_LIB_PATH_INCLUDE 0
.macro_const PARROT_LIB_PATH_LIBRARY 1
.macro_const PARROT_LIB_PATH_DYNEXT 2
.macro_const PARROT_LIB_PATH_LANG 3
.macro_const PARROT_LIB_DYN_EXTS 4
.macro_const PARROT_LIB_PATH_SIZE 5
