# A negative offset or count is an error, not a huge unsigned number.
    .include "cclass.pasm"
    find_cclass I0, .CCLASS_WORD, "abc", -1, 2
    end
