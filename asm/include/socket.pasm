# Socket families, types and protocols (Parrot's include/parrot/io.h, Socket_* enums).
# Kea's copy, with Parrot's names and values.
.macro_const PIO_PF_LOCAL 0
.macro_const PIO_PF_UNIX 1
.macro_const PIO_PF_INET 2
.macro_const PIO_PF_INET6 3
.macro_const PIO_PF_MAX 4
.macro_const PIO_SOCK_PACKET 0
.macro_const PIO_SOCK_STREAM 1
.macro_const PIO_SOCK_DGRAM 2
.macro_const PIO_SOCK_RAW 3
.macro_const PIO_SOCK_RDM 4
.macro_const PIO_SOCK_SEQPACKET 5
.macro_const PIO_SOCK_MAX 6
.macro_const PIO_PROTO_TCP 6
.macro_const PIO_PROTO_UDP 17
