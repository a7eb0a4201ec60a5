# Standard file descriptor numbers (Parrot's include/parrot/io.h, #defines).
# Kea's copy, with Parrot's names and values.
.macro_const PIO_STDIN_FILENO 0
.macro_const PIO_STDOUT_FILENO 1
.macro_const PIO_STDERR_FILENO 2
