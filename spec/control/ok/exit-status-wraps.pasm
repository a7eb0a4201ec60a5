# `exit N` ends the program with the status the OS reports for Parrot's exit(N): N's low 8
# bits. `exit 256` is status 0 (and `exit -1` is 255: runtime/tests/limits.rs).
    say "bye"
    exit 256
