# A character the target encoding cannot hold throws; nothing is dropped.
    find_encoding I0, "iso-8859-1"
    trans_encoding S0, utf8:"abc\ubabe", I0
    end
