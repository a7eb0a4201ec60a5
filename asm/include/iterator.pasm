# Iterator actions (Parrot's include/parrot/enums.h, enum Iterator_action_t).
# Kea's copy, with Parrot's names and values.
.macro_const ITERATE_FROM_START 0
.macro_const ITERATE_FROM_START_KEYS 1
.macro_const ITERATE_GET_NEXT 2
.macro_const ITERATE_GET_PREV 3
.macro_const ITERATE_FROM_END 4
