# Hash key types (Parrot's include/parrot/hash.h, enum Hash_key_type).
# Kea's copy, with Parrot's names and values.
.macro_const Hash_key_type_int 0
.macro_const Hash_key_type_cstring 1
.macro_const Hash_key_type_STRING 2
.macro_const Hash_key_type_PMC 3
.macro_const Hash_key_type_ptr 4
.macro_const Hash_key_type_PMC_ptr 5
.macro_const Hash_key_type_STRING_enc 6
