# A ByteBuffer holds bytes: set from a string, indexed by byte, made into a string of an
# encoding by get_string, which checks them as that encoding (utf8: Parrot's scan).
.sub main :main
    $P0 = new 'ByteBuffer'
    $P0 = binary:"\xC3\xA9t\xC3\xA9"
    $I0 = elements $P0
    say $I0
    $I0 = $P0[1]
    say $I0
    $S0 = $P0.'get_string'('utf8')
    $I0 = length $S0
    say $I0
    $I1 = encoding $S0
    $S1 = encodingname $I1
    say $S1
    $S0 = $P0.'get_string'('iso-8859-1')
    $I0 = length $S0
    say $I0
    $S0 = $P0.'get_string_as'(utf8:"")
    $I1 = encoding $S0
    $S1 = encodingname $I1
    say $S1
.end
