# Run core ids (Parrot's include/parrot/interpreter.h, enum Parrot_Run_core_t).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_SLOW_CORE 0
.macro_const PARROT_FUNCTION_CORE 0
.macro_const PARROT_FAST_CORE 1
.macro_const PARROT_EXEC_CORE 32
.macro_const PARROT_GC_DEBUG_CORE 64
.macro_const PARROT_DEBUGGER_CORE 128
.macro_const PARROT_PROFILING_CORE 352
.macro_const PARROT_SUBPROF_SUB_CORE 512
.macro_const PARROT_SUBPROF_HLL_CORE 513
.macro_const PARROT_SUBPROF_OPS_CORE 514
