# Kea ships Parrot's constant files; .include finds them when no file of that name is nearby.
.include 'except_types.pasm'
.include 'except_severity.pasm'
.include 'stat.pasm'
    say .EXCEPTION_DIV_BY_ZERO
    say .EXCEPT_ERROR
    say .STAT_FILESIZE
    end
