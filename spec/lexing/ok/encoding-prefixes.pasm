# Encoding prefixes utf8: binary: ascii: iso-8859-1: are accepted; escapes still apply.
    say ascii:"plain"
    say utf8:"caf\u00e9"
    length I0, utf8:"caf\u00e9"
    say I0
    bytelength I0, binary:"ab\x00c"
    say I0
    length I0, iso-8859-1:"caf\xe9"
    say I0
    end
