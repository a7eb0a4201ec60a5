# Bytes still buffered at exit are written then; if that fails (here: a full device), no
# request is left to report it to, so Kea names the loss on stderr and the run fails (exit 1).
.sub main :main
    $P0 = open "/dev/full", "w"
    print $P0, "never closed\n"
    say "the program ends normally"
.end
# platforms: unix. Why: /dev/full, the full disk it writes to, is a Unix device file; Windows has none (spec/platforms.rst).
