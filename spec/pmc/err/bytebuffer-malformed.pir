# Bytes that are not UTF-8 fail get_string('utf8') with Parrot's message.
.sub main :main
    $P0 = new 'ByteBuffer'
    $P0 = binary:"\x41\xE0\x9F\xBF"
    $S0 = $P0.'get_string'('utf8')
.end
