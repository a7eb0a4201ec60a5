# kea: max_ops=1000
# An infinite loop stops with an error once --max-ops instructions have run.
L:  branch L
