# struct tm field indices for decodetime/decodelocaltime (Parrot's src/utils.c, enum tm_struct_enum).
# Kea's copy, with Parrot's names and values.
.macro_const TM_SEC 0
.macro_const TM_MIN 1
.macro_const TM_HOUR 2
.macro_const TM_MDAY 3
.macro_const TM_MON 4
.macro_const TM_YEAR 5
.macro_const TM_WDAY 6
.macro_const TM_YDAY 7
.macro_const TM_ISDST 8
