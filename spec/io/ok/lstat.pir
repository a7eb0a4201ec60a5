# lstat is stat of a link itself (stat follows links); EXISTS never fails, CREATETIME,
# BACKUPTIME and codes Parrot does not know are -1 (src/platform/generic/file.c).
.include 'stat.pasm'
.sub main :main
    $I0 = lstat 'spec', .STAT_ISDIR
    say $I0
    $I0 = lstat 'spec/io.rst', .STAT_ISREG
    say $I0
    $I0 = lstat 'spec/io.rst', .STAT_ISLNK
    say $I0
    $I0 = lstat 'spec/no such file', .STAT_EXISTS
    say $I0
    $I0 = stat 'spec/io.rst', .STAT_CREATETIME
    say $I0
    $I0 = stat 'spec/io.rst', .STAT_BACKUPTIME
    say $I0
    $I0 = stat 'spec/io.rst', 99
    say $I0
    null $P1
    $P0 = lstat 'spec', .STAT_ISDIR, $P1
    wait $P0
    $I0 = $P0.'return'()
    say $I0
.end
