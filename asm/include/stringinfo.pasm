# stringinfo op selectors (Parrot's include/parrot/string.h, #defines).
# Kea's copy, with Parrot's names and values.
.macro_const STRINGINFO_HEADER 1
.macro_const STRINGINFO_STRSTART 2
.macro_const STRINGINFO_BUFLEN 3
.macro_const STRINGINFO_FLAGS 4
.macro_const STRINGINFO_BUFUSED 5
.macro_const STRINGINFO_STRLEN 6
