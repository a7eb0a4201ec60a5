//! TLS faults and TLS options through the real binary (RELIABILITY.md §2 (c): c8, c9 and
//! c5). The plain-TCP guarantees of `net_faults.rs` must hold over TLS too: a reset peer
//! fails what waits on it with the OS text, a peer that stops reading parks only the sender,
//! memory stays bounded, fds return to the baseline. Peers are python3 (`ssl` module, `peers/tls-*.py`) and
//! `openssl s_server`/`s_client` on loopback; certificates are made at run time with rcgen.
//! Every wait is bounded (at most 10 s per line), and timing only ever gets generous bounds.
//!
//! | fault or option | test | RELIABILITY.md |
//! |---|---|---|
//! | a TLS peer that stops reading: backpressure, ticking, bounded memory, every byte in order | `a_tls_send_past_the_high_water_mark_*` | c9 (b3, b5) |
//! | close right behind a queued send: every byte, then close_notify | `a_tls_close_right_after_a_queued_send_*` | c9 (b3) |
//! | the write-queue cap over TLS | `the_tls_write_queue_is_capped_*` | c9 (b5) |
//! | peer reset (`SO_LINGER 0`) under a blocked TLS recv, an async recv, a queued TLS send | `a_reset_tls_peer_*` | c9 (b1) |
//! | TCP end without `close_notify` (truncated) vs with it, blocking and async | `a_tls_stream_cut_*` | c5 |
//! | fd count back to the baseline after good and failed TLS connections | `fds_return_to_the_baseline_after_tls_*` | c9 (I4) |
//! | client certificate required by `openssl s_server -Verify 1`: missing, given | `client_certificates_against_openssl_*` | c8 |
//! | a Kea server with `client_ca` against `openssl s_client` with and without one | `a_kea_server_with_client_ca_*` | c8 |
//! | ALPN: a match against openssl, a mismatch against a Kea (rustls) server | `alpn_*` | c8 |
//!
//! A failure here points at `runtime/src/backend/net/` (the socket backend's TLS buffers)
//! or `runtime/src/backend/net/tls.rs` (the configurations) first.

mod common;
use common::{assert_queue_seen_while_parked, fd_count, peer_port, Proc};
use std::path::PathBuf;

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kea-tls-faults-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_program(tag: &str, text: &str) -> String {
    let p = temp_dir(tag).join(format!("{tag}.pir"));
    std::fs::write(&p, text).expect("write program");
    p.to_string_lossy().into_owned()
}

/// PEM files made with rcgen: a CA; a server certificate for localhost and 127.0.0.1 and a
/// client certificate, both signed by the CA; and a client certificate signed by another CA.
struct Pki {
    dir: PathBuf,
}

impl Pki {
    fn new(tag: &str) -> Pki {
        use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair};
        let dir = temp_dir(&format!("pki-{tag}"));
        let write = |name: &str, text: String| std::fs::write(dir.join(name), text).expect("write pem");
        let ca = |cn: &str| {
            let key = KeyPair::generate().expect("key");
            let mut p = CertificateParams::new(Vec::<String>::new()).expect("params");
            p.distinguished_name.push(DnType::CommonName, cn);
            p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
            (p.self_signed(&key).expect("ca"), key)
        };
        let main = ca("kea test CA");
        let other = ca("kea test other CA");
        write("ca.pem", main.0.pem());
        for (name, sans, eku, issuer) in [
            ("server", vec!["localhost", "127.0.0.1"], ExtendedKeyUsagePurpose::ServerAuth, &main),
            ("client", vec!["kea-client"], ExtendedKeyUsagePurpose::ClientAuth, &main),
            ("stranger", vec!["kea-stranger"], ExtendedKeyUsagePurpose::ClientAuth, &other),
        ] {
            let key = KeyPair::generate().expect("key");
            let mut p = CertificateParams::new(sans.iter().map(|s| s.to_string()).collect::<Vec<_>>()).expect("p");
            p.distinguished_name.push(DnType::CommonName, name);
            p.extended_key_usages = vec![eku];
            let c = p.signed_by(&key, &issuer.0, &issuer.1).expect("sign");
            write(&format!("{name}.pem"), c.pem());
            write(&format!("{name}-key.pem"), key.serialize_pem());
        }
        Pki { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(format!("{name}.pem")).to_string_lossy().into_owned()
    }
}

/// Open sockets in `/proc/PID/fd`.
fn socket_count(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("/proc/PID/fd")
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter(|l| l.to_string_lossy().starts_with("socket:"))
        .count()
}

/// A field of `/proc/PID/status` in KiB (`VmHWM`: the peak resident set).
fn status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc/PID/status");
    let line = status.lines().find(|l| l.starts_with(field)).unwrap_or_else(|| panic!("no {field} in status"));
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a number of kB")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// The python TLS server context every peer here uses: argv[1] cert, argv[2] key.
const PY_TLS: &str = include_str!("peers/tls-common.py");

fn py_tls(body: &str, pki: &Pki, args: &[&str]) -> Proc {
    let mut argv = vec![pki.path("server"), pki.path("server-key")];
    argv.extend(args.iter().map(|a| a.to_string()));
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    Proc::python(&format!("{PY_TLS}{body}"), &argv)
}

/// The client side every Kea program here starts with: argv[1] port, argv[2] CA file.
/// `tls_connect(port, ca)` connects to 127.0.0.1 and runs the handshake for localhost.
const KEA_TLS: &str = include_str!("programs/tls-common.pir");

fn kea_tls(tag: &str, main: &str) -> String {
    write_program(tag, &format!("{KEA_TLS}{main}"))
}

// 1. Backpressure ---------------------------------------------------------------------------

/// argv[3]: how many 1,288,890-byte blocks (the numbers 0..199999 one a line) kea sends.
/// Reads nothing for 1.5 s after the handshake, then everything, and compares.
const SLOW_TLS_READER: &str = include_str!("peers/slow-tls-reader.py");

const TLS_BACKPRESSURE: &str = include_str!("programs/tls-backpressure.pir");

#[test]
fn a_tls_send_past_the_high_water_mark_parks_only_its_task_and_memory_stays_bounded() {
    let pki = Pki::new("backpressure");
    let blocks = "13";
    let total = 1_288_890 * 13;
    let mut peer = py_tls(SLOW_TLS_READER, &pki, &[blocks]);
    let port = peer_port(&mut peer);
    let prog = kea_tls("backpressure", TLS_BACKPRESSURE);
    let ca = pki.path("ca");
    let mut kea = Proc::kea(&prog, &[&port, &ca, blocks]);
    assert_eq!(kea.line("send start "), format!("send start {total}"));
    peer.line("handshake");
    assert_eq!(kea.line("send done "), format!("send done {total}"));
    kea.line("closed");
    let end = peer.line("peer end: ");
    assert_eq!(peer.line("peer got "), format!("peer got {total} bytes in order"), "{}", peer.transcript());
    assert_eq!(end, "peer end: close_notify", "the stream ends with close_notify, not a cut or a reset");
    // The peak resident set: the program's own strings (about 3 x 16 MiB) and the queue, but
    // no TLS copy of the whole queue: rustls holds at most 64 KiB of records at a time.
    let peak_mib = status_kib(kea.pid(), "VmHWM:") / 1024;
    assert!(peak_mib < 200, "peak RSS {peak_mib} MiB for a 16 MiB send");
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    // While the send was parked (the peer read nothing for 1.5 s), the ticker ran and saw the
    // queue: more than the high-water mark queued, or the send would have returned.
    assert_queue_seen_while_parked(&out, total);
}

/// argv[3] as for `SLOW_TLS_READER`. Says `generated` once the text is built, sends it all async,
/// says `queued at close N` and closes (sync) at once, while the peer is not reading yet; then
/// `send result STATE N`.
const TLS_CLOSE_QUEUED: &str = include_str!("programs/tls-close-queued.pir");

/// A close right behind a queued send: close waits until every queued byte, then close_notify,
/// is handed to the OS. close_notify sent at `close` itself overtook the queue, and the peer
/// took it for the end of the stream (the backpressure test above caught that now and then,
/// when a sync send returned with bytes still queued; here the whole send is queued).
#[test]
fn a_tls_close_right_after_a_queued_send_delivers_every_byte_then_close_notify() {
    let pki = Pki::new("close-queued");
    let blocks = "13";
    let total = 1_288_890 * 13;
    let mut peer = py_tls(SLOW_TLS_READER, &pki, &[blocks]);
    let port = peer_port(&mut peer);
    let prog = kea_tls("close-queued", TLS_CLOSE_QUEUED);
    let ca = pki.path("ca");
    let mut kea = Proc::kea(&prog, &[&port, &ca, blocks]);
    // Building the text takes seconds in a debug build on a loaded machine: its own wait.
    kea.line("generated");
    let line = kea.line("queued at close ");
    let queued: u64 = line["queued at close ".len()..].parse().expect("a number");
    assert!(queued > 1 << 20, "{line}: the close must come while most of the send is still queued");
    peer.line("handshake");
    kea.line("closed");
    let end = peer.line("peer end: ");
    assert_eq!(peer.line("peer got "), format!("peer got {total} bytes in order"), "{}", peer.transcript());
    assert_eq!(end, "peer end: close_notify", "the stream ends with close_notify, not a cut or a reset");
    assert_eq!(kea.line("send result "), format!("send result done {total}"), "the send completed with every byte");
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

/// Handshakes, then reads nothing until kea says so on stdin (the peer is killed at the end).
const TLS_NEVER_READS: &str = include_str!("peers/tls-never-reads.py");

const TLS_QUEUE_CAP: &str = include_str!("programs/tls-queue-cap.pir");

/// A write queue has a cap over TLS too: an async send past it fails with ENOBUFS instead of
/// growing memory without bound.
#[test]
fn the_tls_write_queue_is_capped_and_memory_stays_bounded() {
    let pki = Pki::new("queuecap");
    let mut peer = py_tls(TLS_NEVER_READS, &pki, &[]);
    let port = peer_port(&mut peer);
    let prog = kea_tls("queuecap", TLS_QUEUE_CAP);
    let ca = pki.path("ca");
    let mut kea = Proc::kea(&prog, &[&port, &ca]);
    assert_eq!(kea.line("second send: "), "second send: -1");
    kea.line("send failed: No buffer space available(105)");
    let q: u64 = kea.line("queued: ")["queued: ".len()..].parse().expect("a number");
    assert!(q > 0 && q <= 64 << 20, "queued {q}: the first send stays queued, under the cap");
    kea.line("waiting");
    let peak_mib = status_kib(kea.pid(), "VmHWM:") / 1024;
    assert!(peak_mib < 250, "peak RSS {peak_mib} MiB with a 40 MiB queue");
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

// 2. A reset peer ---------------------------------------------------------------------------

/// Accepts three TLS connections (a, b, c), waits for `go` on a, then resets all three:
/// `SO_LINGER {on, 0}` and close (without close_notify) sends RST instead of FIN.
const TLS_RESET_PEER: &str = include_str!("peers/tls-reset.py");

const TLS_RESET: &str = include_str!("programs/tls-reset.pir");

#[test]
fn a_reset_tls_peer_fails_blocked_recv_async_recv_and_queued_send() {
    let pki = Pki::new("reset");
    let mut peer = py_tls(TLS_RESET_PEER, &pki, &[]);
    let port = peer_port(&mut peer);
    let prog = kea_tls("reset", TLS_RESET);
    let ca = pki.path("ca");
    let mut kea = Proc::kea(&prog, &[&port, &ca]);
    kea.line("connected");
    assert_eq!(kea.line("c queued > 0: "), "c queued > 0: 1", "16 MiB cannot all be in the OS at once");
    peer.line("reset");
    let reset = "Connection reset by peer(104)";
    assert_eq!(kea.line("a sync recv: "), format!("a sync recv: recv failed: {reset}"));
    let after = kea.line("a send after reset: ");
    assert_eq!(after, format!("a send after reset: send failed: {reset}"), "the reset sticks, named for the send");
    assert_eq!(kea.line("b async recv state: "), "b async recv state: -1");
    assert_eq!(kea.line("b async recv: "), format!("b async recv: recv failed: {reset}"));
    assert_eq!(kea.line("c async send state: "), "c async send state: -1", "the queued send fails");
    let c = kea.line("c async send: ");
    assert!(
        c == format!("c async send: send failed: {reset}") || c == "c async send: send failed: Broken pipe(32)",
        "{c}"
    );
    kea.line("closed");
    assert_eq!(socket_count(kea.pid()), 0, "sockets left open after close:\n{}", kea.transcript());
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

// 3. Truncation -----------------------------------------------------------------------------

/// Three TLS connections. After `go` on c: a and b get a line, then the TCP connection ends
/// without close_notify (`shutdown` on the raw socket); c gets a line and a clean close
/// (`unwrap` sends close_notify).
const TLS_CUT_PEER: &str = include_str!("peers/tls-cut.py");

/// Reads every connection to its end: a from a task in blocking recvs, b with async recvs,
/// c in blocking recvs.
const TLS_CUT: &str = include_str!("programs/tls-cut.pir");

#[test]
fn a_tls_stream_cut_without_close_notify_is_an_error_and_a_clean_close_is_eof() {
    let pki = Pki::new("cut");
    let mut peer = py_tls(TLS_CUT_PEER, &pki, &[]);
    let port = peer_port(&mut peer);
    let prog = kea_tls("cut", TLS_CUT);
    let ca = pki.path("ca");
    let kea = Proc::kea(&prog, &[&port, &ca]);
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    let truncated = "TLS error: the peer closed the connection without close_notify (truncated)";
    assert_eq!(
        out,
        format!(
            "a got: partial\na: {truncated}\nb async got: partial\nb async: {truncated}\n\
             c got: complete\nc then: 0 bytes, eof 1\nclosed"
        )
    );
    peer.line("cut");
}

// 4. Descriptors ------------------------------------------------------------------------------

/// argv: cert, key, CA. One program, both ends: a server task accepts 30 connections and
/// runs the server side of TLS on each (echoing a line when the handshake works); the client
/// makes 10 good connections, 10 that fail verification (wrong host) and 10 whose handshake
/// the server refuses (the client sends junk). fds are counted before and after.
const TLS_FDS: &str = include_str!("programs/tls-fds.pir");

#[test]
fn fds_return_to_the_baseline_after_tls_connections_good_and_failed() {
    let pki = Pki::new("fds");
    let prog = write_program("fds", TLS_FDS);
    let (cert, key, ca) = (pki.path("server"), pki.path("server-key"), pki.path("ca"));
    let mut kea = Proc::kea(&prog, &[&cert, &key, &ca]);
    kea.line("baseline");
    let base = fd_count(kea.pid());
    kea.say("go");
    assert_eq!(kea.line("server failures "), "server failures 20");
    assert_eq!(kea.line("good "), "good 10 bad 20");
    kea.line("done");
    assert_eq!(fd_count(kea.pid()), base, "fds left behind after 30 TLS connections:\n{}", kea.transcript());
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

// 5. Client certificates and ALPN -------------------------------------------------------------

/// argv: port, CA, then option pairs for `tls` (`cert PATH key PATH alpn LIST`). Connects,
/// runs the handshake, says the negotiated protocol, sends a line and prints the answer; any
/// failure is printed as `error: ...`.
const TLS_CLIENT: &str = include_str!("programs/tls-client.pir");

/// `openssl s_server -rev` (answers each line reversed) on a free port; waits for `ACCEPT`.
fn s_server(pki: &Pki, extra: &[&str]) -> (Proc, String) {
    let port = free_port().to_string();
    let accept = format!("127.0.0.1:{port}");
    let (cert, key) = (pki.path("server"), pki.path("server-key"));
    let mut args = vec!["s_server", "-accept", &accept, "-cert", &cert, "-key", &key, "-rev"];
    args.extend_from_slice(extra);
    let mut p = Proc::openssl(&args);
    p.line("ACCEPT");
    (p, port)
}

fn kea_client(port: &str, pki: &Pki, opts: &[&str]) -> String {
    let prog = write_program("client", TLS_CLIENT);
    let ca = pki.path("ca");
    let mut args = vec![port, ca.as_str()];
    args.extend_from_slice(opts);
    let (code, out) = Proc::kea(&prog, &args).finish();
    assert_eq!(code, 0, "{out}");
    out
}

/// `openssl s_server -Verify 1 -verify_return_error` demands a client certificate signed by
/// `-CAfile` (without `-verify_return_error` it only logs a bad one and goes on). Without one
/// the client's handshake ends (TLS 1.3: the server checks after the client's Finished) and
/// the next read meets the server's `certificate_required` alert; with one the line comes
/// back; with one another CA signed, the server refuses it.
#[test]
fn client_certificates_against_openssl_s_server_verify() {
    let pki = Pki::new("client-cert");
    let ca = pki.path("ca");
    let (server, port) = s_server(&pki, &["-Verify", "1", "-verify_return_error", "-CAfile", &ca]);
    let out = kea_client(&port, &pki, &[]);
    assert_eq!(out, "handshake done\nalpn: ''\nerror: TLS error: received fatal alert: CertificateRequired");
    let (cert, key) = (pki.path("client"), pki.path("client-key"));
    let out = kea_client(&port, &pki, &["cert", &cert, "key", &key]);
    assert_eq!(out, "handshake done\nalpn: ''\ngot: olleh");
    let (cert, key) = (pki.path("stranger"), pki.path("stranger-key"));
    let out = kea_client(&port, &pki, &["cert", &cert, "key", &key]);
    assert!(out.starts_with("handshake done\nalpn: ''\nerror: TLS error: received fatal alert: "), "{out}");
    assert!(out.ends_with("UnknownCA"), "{out}");
    drop(server);
}

#[test]
fn alpn_against_openssl_s_server_gives_the_negotiated_protocol() {
    let pki = Pki::new("alpn");
    let (_server, port) = s_server(&pki, &["-alpn", "h2,http/1.1"]);
    let out = kea_client(&port, &pki, &["alpn", "x-kea,http/1.1"]);
    assert_eq!(out, "handshake done\nalpn: 'http/1.1'\ngot: olleh");
    let out = kea_client(&port, &pki, &[]);
    assert_eq!(out, "handshake done\nalpn: ''\ngot: olleh", "no ALPN offered, none negotiated");
}

/// argv: cert, key, then option pairs for the server's `tls` (`client_ca PATH`, `alpn LIST`).
/// Prints its port; accepts one connection at a time, three in all; for each prints the
/// handshake's outcome and the client's protocol, then echoes a line.
const TLS_SERVER: &str = include_str!("programs/tls-server.pir");

fn kea_server(tag: &str, pki: &Pki, opts: &[&str]) -> (Proc, String) {
    let prog = write_program(tag, TLS_SERVER);
    let (cert, key) = (pki.path("server"), pki.path("server-key"));
    let mut args = vec![cert.as_str(), key.as_str()];
    args.extend_from_slice(opts);
    let mut p = Proc::kea(&prog, &args);
    let port = peer_port(&mut p);
    (p, port)
}

/// `openssl s_client` sending `hello`; its stdout and stderr together.
fn s_client(port: &str, pki: &Pki, extra: &[&str]) -> String {
    let connect = format!("127.0.0.1:{port}");
    let ca = pki.path("ca");
    let mut args = vec!["s_client", "-connect", &connect, "-CAfile", &ca, "-servername", "localhost", "-ign_eof"];
    args.extend_from_slice(extra);
    let mut p = Proc::openssl(&args);
    p.say("hello");
    let (_, out) = p.finish();
    out
}

#[test]
fn a_kea_server_with_client_ca_refuses_a_client_without_a_certificate() {
    let pki = Pki::new("server-client-ca");
    let ca = pki.path("ca");
    let (mut server, port) = kea_server("server-client-ca", &pki, &["client_ca", &ca]);
    let out = s_client(&port, &pki, &[]);
    assert!(out.contains("certificate required"), "openssl hears why:\n{out}");
    assert_eq!(server.line("server: "), "server: TLS error: peer sent no certificates");
    let (cert, key) = (pki.path("client"), pki.path("client-key"));
    let out = s_client(&port, &pki, &["-cert", &cert, "-key", &key]);
    assert!(out.contains("\nhello"), "the line comes back:\n{out}");
    assert_eq!(server.line("server: "), "server: handshake done, alpn ''");
    let (cert, key) = (pki.path("stranger"), pki.path("stranger-key"));
    let out = s_client(&port, &pki, &["-cert", &cert, "-key", &key]);
    assert!(out.contains("alert"), "{out}");
    assert_eq!(server.line("server: "), "server: TLS error: invalid peer certificate: UnknownIssuer");
    let (code, out) = server.finish();
    assert_eq!(code, 0, "{out}");
}

/// A Kea (rustls) server with `alpn` refuses a client whose protocols do not overlap: the
/// client's `tls` fails with the server's `no_application_protocol` alert.
#[test]
fn alpn_mismatch_with_a_kea_server_fails_the_handshake_on_both_sides() {
    let pki = Pki::new("alpn-mismatch");
    let (mut server, port) = kea_server("alpn-mismatch", &pki, &["alpn", "h2,http/1.1"]);
    let out = kea_client(&port, &pki, &["alpn", "x-kea"]);
    assert_eq!(out, "error: TLS error: received fatal alert: NoApplicationProtocol");
    assert_eq!(server.line("server: "), "server: TLS error: peer doesn't support any known protocol");
    let out = kea_client(&port, &pki, &["alpn", "x-kea,http/1.1"]);
    assert_eq!(out, "handshake done\nalpn: 'http/1.1'\ngot: hello");
    assert_eq!(server.line("server: "), "server: handshake done, alpn 'http/1.1'");
    let out = kea_client(&port, &pki, &[]);
    assert_eq!(out, "handshake done\nalpn: ''\ngot: hello", "a client without ALPN is served");
    assert_eq!(server.line("server: "), "server: handshake done, alpn ''");
    let (code, out) = server.finish();
    assert_eq!(code, 0, "{out}");
}
