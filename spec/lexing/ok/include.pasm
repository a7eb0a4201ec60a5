# .include reads a file next to the including one; its constants and macros are then in scope.
.include 'include-consts.inc'
    say .FROM_INCLUDE
    .shout("included macro")
    end
