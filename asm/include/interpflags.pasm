# Interpreter flags (Parrot's include/parrot/interpreter.h, enum Parrot_Interp_flag).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_NO_FLAGS 0
.macro_const PARROT_BOUNDS_FLAG 4
.macro_const PARROT_PROFILE_FLAG 8
.macro_const PARROT_GC_DEBUG_FLAG 16
.macro_const PARROT_EXTERN_CODE_FLAG 256
.macro_const PARROT_DESTROY_FLAG 512
.macro_const PARROT_IS_THREAD 4096
.macro_const PARROT_THR_FLAG_NEW_PMC 8192
.macro_const PARROT_THR_THREAD_POOL 16384
