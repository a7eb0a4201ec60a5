# Timer attribute keys (Parrot's include/parrot/scheduler.h, enum parrot_timer_enum_t).
# Kea's copy, with Parrot's names and values.
.macro_const PARROT_TIMER_SEC 0
.macro_const PARROT_TIMER_USEC 1
.macro_const PARROT_TIMER_NSEC 2
.macro_const PARROT_TIMER_REPEAT 3
.macro_const PARROT_TIMER_INTERVAL 4
.macro_const PARROT_TIMER_RUNNING 5
.macro_const PARROT_TIMER_HANDLER 6
.macro_const PARROT_TIMER_MAX 7
.macro_const PARROT_ALARM_TIME 8
.macro_const PARROT_ALARM_TASK 9
