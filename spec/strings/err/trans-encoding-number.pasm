# An encoding number no encoding has throws.
    trans_encoding S0, "foo", -1
    end
