//! The TLS defaults (RELIABILITY.md c11) and the options of `tls` (c8), on the configurations
//! `start` builds. Handshakes run in memory: the two connections trade records through
//! byte buffers, so nothing here touches a socket.

use super::*;
use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair};
use rustls::{Connection, ProtocolVersion};
use std::path::PathBuf;

/// PEM files for one test: two unrelated CAs, a server certificate for localhost and
/// 127.0.0.1 signed by `ca`, and client certificates signed by `ca` and by `other`.
struct Pki {
    dir: PathBuf,
}

impl Pki {
    fn new(tag: &str) -> Pki {
        let dir = std::env::temp_dir().join(format!("kea-tls-unit-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let write = |name: &str, text: String| std::fs::write(dir.join(name), text).expect("write pem");
        let ca = |cn: &str| {
            let key = KeyPair::generate().expect("key");
            let mut p = CertificateParams::new(Vec::<String>::new()).expect("params");
            p.distinguished_name.push(DnType::CommonName, cn);
            p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
            (p.self_signed(&key).expect("ca"), key)
        };
        let leaf = |names: &[&str], eku: ExtendedKeyUsagePurpose, issuer: &(rcgen::Certificate, KeyPair)| {
            let key = KeyPair::generate().expect("key");
            let mut p = CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).expect("p");
            p.extended_key_usages = vec![eku];
            (p.signed_by(&key, &issuer.0, &issuer.1).expect("leaf"), key)
        };
        let main = ca("kea unit CA");
        let other = ca("kea unit other CA");
        write("ca.pem", main.0.pem());
        write("other-ca.pem", other.0.pem());
        for (name, names, eku, issuer) in [
            ("server", &["localhost", "127.0.0.1"][..], ExtendedKeyUsagePurpose::ServerAuth, &main),
            ("client", &["kea client"][..], ExtendedKeyUsagePurpose::ClientAuth, &main),
            ("stranger", &["kea stranger"][..], ExtendedKeyUsagePurpose::ClientAuth, &other),
        ] {
            let (c, k) = leaf(names, eku, issuer);
            write(&format!("{name}.pem"), c.pem());
            write(&format!("{name}-key.pem"), k.serialize_pem());
        }
        Pki { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).to_string_lossy().into_owned()
    }

    fn server_opts(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut o = vec![
            ("server".to_string(), "1".to_string()),
            ("cert".to_string(), self.path("server.pem")),
            ("key".to_string(), self.path("server-key.pem")),
        ];
        o.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        o
    }

    fn client_opts(&self, host: &str, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut o = vec![("host".to_string(), host.to_string()), ("ca".to_string(), self.path("ca.pem"))];
        o.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        o
    }
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Moves every record `from` has to `to`; `to`'s error, if processing them failed.
fn deliver(from: &mut Connection, to: &mut Connection) -> Result<(), rustls::Error> {
    let mut buf = Vec::new();
    while from.wants_write() {
        from.write_tls(&mut buf).expect("write to a Vec");
    }
    let mut rest = &buf[..];
    while !rest.is_empty() {
        to.read_tls(&mut rest).expect("read from a slice");
        to.process_new_packets()?;
    }
    Ok(())
}

/// Runs a handshake to its end; the first failure as `client: ...` or `server: ...`. After
/// a failure the alert it queued is still delivered, as on a socket.
fn handshake(client: &mut Connection, server: &mut Connection) -> Result<(), String> {
    for _ in 0..10 {
        if let Err(e) = deliver(client, server) {
            let _ = deliver(server, client);
            return Err(format!("server: {e}"));
        }
        if let Err(e) = deliver(server, client) {
            let _ = deliver(client, server);
            return Err(format!("client: {e}"));
        }
        if !client.is_handshaking() && !server.is_handshaking() {
            // TLS 1.3: the server checks a client certificate after the client finished.
            deliver(client, server).map_err(|e| format!("server: {e}"))?;
            deliver(server, client).map_err(|e| format!("client: {e}"))?;
            return Ok(());
        }
    }
    Err("the handshake did not finish in 10 rounds".into())
}

fn pair(server: &[(String, String)], client: &[(String, String)]) -> (Connection, Connection, Result<(), String>) {
    let mut s = start(true, server).expect("server config");
    let mut c = start(false, client).expect("client config");
    let r = handshake(&mut c, &mut s);
    (c, s, r)
}

fn opts(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn a_good_handshake_negotiates_tls13_and_sends_sni() {
    let pki = Pki::new("good");
    let (c, s, r) = pair(&pki.server_opts(&[]), &pki.client_opts("localhost", &[]));
    assert_eq!(r, Ok(()));
    assert_eq!(c.protocol_version(), Some(ProtocolVersion::TLSv1_3));
    let Connection::Server(s) = s else { unreachable!("a server connection") };
    assert_eq!(s.server_name(), Some("localhost"), "the host is sent as SNI");
    let cfg = client_config(&pki.client_opts("localhost", &[])).expect("config");
    assert!(cfg.enable_sni);
    assert!(cfg.alpn_protocols.is_empty(), "no ALPN unless asked for");
}

#[test]
fn verification_is_on_by_default_an_unknown_issuer_is_refused() {
    let pki = Pki::new("issuer");
    let client = vec![("host".to_string(), "localhost".to_string()), ("ca".to_string(), pki.path("other-ca.pem"))];
    let (_, _, r) = pair(&pki.server_opts(&[]), &client);
    assert_eq!(r, Err("client: invalid peer certificate: UnknownIssuer".into()));
}

#[test]
fn the_host_name_is_checked_by_default() {
    let pki = Pki::new("host");
    let (_, _, r) = pair(&pki.server_opts(&[]), &pki.client_opts("example.com", &[]));
    let e = r.expect_err("a certificate for localhost does not do for example.com");
    assert!(e.starts_with("client: invalid peer certificate: certificate not valid for name \"example.com\""), "{e}");
    // An IP target is checked against the IP SANs (and sent as no SNI).
    let (_, s, r) = pair(&pki.server_opts(&[]), &pki.client_opts("127.0.0.1", &[]));
    assert_eq!(r, Ok(()));
    let Connection::Server(s) = s else { unreachable!("a server connection") };
    assert_eq!(s.server_name(), None);
    let (_, _, r) = pair(&pki.server_opts(&[]), &pki.client_opts("127.0.0.2", &[]));
    assert!(r.is_err_and(|e| e.contains("certificate not valid for name \"127.0.0.2\"")));
}

/// Only TLS 1.2 and 1.3, AEAD suites: every suite both configurations offer is one of
/// them, and a peer limited to TLS 1.2 still connects (the minimum is 1.2, not 1.3).
#[test]
fn the_minimum_version_is_tls12() {
    let pki = Pki::new("versions");
    let client = client_config(&pki.client_opts("localhost", &[])).expect("client config");
    let server = server_config(&pki.server_opts(&[])).expect("server config");
    for suites in [&client.crypto_provider().cipher_suites, &server.crypto_provider().cipher_suites] {
        assert!(!suites.is_empty());
        for s in suites.iter() {
            let v = s.version().version;
            assert!(v == ProtocolVersion::TLSv1_2 || v == ProtocolVersion::TLSv1_3, "{s:?}");
        }
    }
    // A TLS 1.2-only rustls server, and a TLS 1.2-only rustls client.
    let tls12 = rustls::ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS12])
        .expect("tls12")
        .with_no_client_auth()
        .with_single_cert(
            load_certs(&pki.path("server.pem"), "certificate").expect("chain"),
            load_key(&pki.path("server-key.pem")).expect("key"),
        )
        .expect("tls12 server");
    let mut s = Connection::Server(rustls::ServerConnection::new(Arc::new(tls12)).expect("server"));
    let mut c = start(false, &pki.client_opts("localhost", &[])).expect("client");
    assert_eq!(handshake(&mut c, &mut s), Ok(()));
    assert_eq!(c.protocol_version(), Some(ProtocolVersion::TLSv1_2));
    let tls12 = rustls::ClientConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS12])
        .expect("tls12")
        .with_root_certificates(load_roots(&pki.path("ca.pem"), "CA").expect("roots"))
        .with_no_client_auth();
    let name = ServerName::try_from("localhost").expect("name");
    let mut c = Connection::Client(rustls::ClientConnection::new(Arc::new(tls12), name).expect("client"));
    let mut s = start(true, &pki.server_opts(&[])).expect("server");
    assert_eq!(handshake(&mut c, &mut s), Ok(()));
    assert_eq!(s.protocol_version(), Some(ProtocolVersion::TLSv1_2));
}

/// No option turns verification off: an unknown key is an error, not ignored.
#[test]
fn unknown_and_misplaced_options_are_errors() {
    let e = start(false, &opts(&[("host", "localhost"), ("verify", "0")])).map(|_| ()).unwrap_err();
    assert!(e.starts_with("tls: unknown option 'verify' (a client takes server, host, ca, cert, key"), "{e}");
    let e = start(false, &opts(&[("host", "localhost"), ("insecure", "1")])).map(|_| ()).unwrap_err();
    assert!(e.starts_with("tls: unknown option 'insecure'"), "{e}");
    let e = start(false, &opts(&[("host", "localhost"), ("client_ca", "x")])).map(|_| ()).unwrap_err();
    assert_eq!(e, "tls: 'client_ca' is not an option of a client");
    let e = start(true, &opts(&[("server", "1"), ("host", "localhost")])).map(|_| ()).unwrap_err();
    assert_eq!(e, "tls: 'host' is not an option of a server");
    let e = start(true, &opts(&[("server", "1")])).map(|_| ()).unwrap_err();
    assert_eq!(e, "tls: a server needs 'cert' and 'key' (PEM files)");
    let e = start(false, &opts(&[("ca", "x")])).map(|_| ()).unwrap_err();
    assert!(e.starts_with("tls: a client needs the server's 'host' name"), "{e}");
}

#[test]
fn bad_option_values_are_errors() {
    let pki = Pki::new("values");
    let e = start(false, &pki.client_opts("localhost", &[("alpn", "h2,,x")])).map(|_| ()).unwrap_err();
    assert_eq!(e, "tls: bad 'alpn' list 'h2,,x': each protocol name takes 1 to 255 bytes");
    let cert = pki.path("client.pem");
    let e = start(false, &pki.client_opts("localhost", &[("cert", &cert)])).map(|_| ()).unwrap_err();
    assert_eq!(e, "tls: a client certificate needs both 'cert' and 'key' (PEM files)");
    let key = pki.path("server-key.pem");
    let e = start(false, &pki.client_opts("localhost", &[("cert", &cert), ("key", &key)])).map(|_| ()).unwrap_err();
    assert!(e.starts_with("tls: certificate and key do not work together"), "{e}");
    let missing = pki.path("missing.pem");
    let e = start(true, &pki.server_opts(&[("client_ca", &missing)])).map(|_| ()).unwrap_err();
    assert!(e.starts_with(&format!("tls: cannot read client_ca file '{missing}'")), "{e}");
    let e = start(false, &pki.client_opts("not a name!", &[])).map(|_| ()).unwrap_err();
    assert!(e.starts_with("tls: bad host name 'not a name!'"), "{e}");
}

#[test]
fn a_server_with_client_ca_requires_a_client_certificate_it_signed() {
    let pki = Pki::new("client-ca");
    let ca = pki.path("ca.pem");
    let server = pki.server_opts(&[("client_ca", &ca)]);
    // None: the client finishes (TLS 1.3), the server refuses and says why.
    let (mut c, _, r) = pair(&server, &pki.client_opts("localhost", &[]));
    assert_eq!(r, Err("server: peer sent no certificates".into()));
    let e = c.process_new_packets().map(|_| ()).unwrap_err();
    assert_eq!(e.to_string(), "received fatal alert: CertificateRequired");
    // One the CA signed.
    let (cert, key) = (pki.path("client.pem"), pki.path("client-key.pem"));
    let (_, s, r) = pair(&server, &pki.client_opts("localhost", &[("cert", &cert), ("key", &key)]));
    assert_eq!(r, Ok(()));
    let chain = s.peer_certificates().expect("the client's certificate");
    assert_eq!(chain.len(), 1);
    // One another CA signed.
    let (cert, key) = (pki.path("stranger.pem"), pki.path("stranger-key.pem"));
    let (_, _, r) = pair(&server, &pki.client_opts("localhost", &[("cert", &cert), ("key", &key)]));
    assert_eq!(r, Err("server: invalid peer certificate: UnknownIssuer".into()));
    // A server without client_ca asks for none, so a client certificate is simply not sent.
    let (cert, key) = (pki.path("client.pem"), pki.path("client-key.pem"));
    let (_, s, r) = pair(&pki.server_opts(&[]), &pki.client_opts("localhost", &[("cert", &cert), ("key", &key)]));
    assert_eq!(r, Ok(()));
    assert!(s.peer_certificates().is_none());
}

#[test]
fn alpn_picks_the_servers_first_match_and_a_mismatch_fails() {
    let pki = Pki::new("alpn");
    let server = pki.server_opts(&[("alpn", "h2, http/1.1")]);
    let (c, s, r) = pair(&server, &pki.client_opts("localhost", &[("alpn", "http/1.1,h2")]));
    assert_eq!(r, Ok(()));
    assert_eq!((alpn(&c), alpn(&s)), ("h2".to_string(), "h2".to_string()));
    let (c, s, r) = pair(&server, &pki.client_opts("localhost", &[("alpn", "x-kea,http/1.1")]));
    assert_eq!(r, Ok(()));
    assert_eq!((alpn(&c), alpn(&s)), ("http/1.1".to_string(), "http/1.1".to_string()));
    // Nothing in common: the server refuses, the client hears why.
    let (mut c, _, r) = pair(&server, &pki.client_opts("localhost", &[("alpn", "x-kea")]));
    assert_eq!(r, Err("server: peer doesn't support any known protocol".into()));
    let e = c.process_new_packets().map(|_| ()).unwrap_err();
    assert_eq!(e.to_string(), "received fatal alert: NoApplicationProtocol");
    // Either side without ALPN: the handshake succeeds with no protocol.
    let (c, s, r) = pair(&server, &pki.client_opts("localhost", &[]));
    assert_eq!(r, Ok(()));
    assert_eq!((alpn(&c), alpn(&s)), (String::new(), String::new()));
    let (c, _, r) = pair(&pki.server_opts(&[]), &pki.client_opts("localhost", &[("alpn", "h2")]));
    assert_eq!(r, Ok(()));
    assert_eq!(alpn(&c), "");
}
