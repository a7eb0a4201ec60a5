# Packfile annotation key types (Parrot's include/parrot/packfile.h, enum pf_ann_key_type_t).
# Kea's copy, with Parrot's names and values.
# Parrot marks this enum with gen_from_def (which only reads #define lines), so
# Parrot's generated file defines no constants at all. The C values are
# PF_ANNOTATION_KEY_TYPE_INT 1, PF_ANNOTATION_KEY_TYPE_STR 2, PF_ANNOTATION_KEY_TYPE_PMC 3;
# they are deliberately not defined here, to match Parrot.
