# dlopen flags for loadlib (Parrot's include/parrot/platform_interface.h, enum Parrot_dlopen_enum).
# Kea's copy, with Parrot's names and values.
.macro_const Parrot_dlopen_global_FLAG 1
