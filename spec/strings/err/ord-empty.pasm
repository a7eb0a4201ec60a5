# ord of an empty string throws.
    ord I0, ""
    say I0
    end
