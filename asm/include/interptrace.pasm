# Interpreter trace flags (Parrot's include/parrot/interpreter.h, enum Parrot_trace_flags).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_NO_TRACE 0
.macro_const PARROT_TRACE_OPS_FLAG 1
.macro_const PARROT_TRACE_FIND_METH_FLAG 2
.macro_const PARROT_TRACE_SUB_CALL_FLAG 4
.macro_const PARROT_TRACE_CORO_STATE_FLAG 8
.macro_const PARROT_TRACE_OPS_PMC_FLAG 16
.macro_const PARROT_TRACE_ARRAY_STATE_FLAG 32
.macro_const PARROT_ALL_TRACE_FLAGS 65535
