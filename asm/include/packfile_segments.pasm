# Packfile segment types (Parrot's include/parrot/packfile.h, enum pack_file_types).
# Kea's copy, with Parrot's names and values.
.macro_const PF_DIR_SEG 0
.macro_const PF_UNKNOWN_SEG 1
.macro_const PF_CONST_SEG 2
.macro_const PF_BYTEC_SEG 3
.macro_const PF_DEBUG_SEG 4
.macro_const PF_ANNOTATIONS_SEG 5
.macro_const PF_MAX_SEG 6
