//! TLS configurations for sockets (rustls with the `ring` provider, which builds with only a
//! C compiler: no cmake, no Go, no system OpenSSL).
//!
//! `tls(opts)` takes its options as key/value text (`vm/src/interp/net.rs` turns the program's
//! Hash into pairs). The keys, by side; any other key is an error:
//!
//! | key | side | meaning |
//! |---|---|---|
//! | `server` | both | `1`: this end is the server |
//! | `host` | client | the server's name: verified against its certificate, sent as SNI |
//! | `ca` | client | a PEM file of roots to trust instead of the system's |
//! | `cert`, `key` | both | PEM certificate chain and private key: the server's own (required), or the client's certificate for a server that asks for one |
//! | `client_ca` | server | a PEM file of roots: every client must present a certificate one of them signed |
//! | `alpn` | both | application protocols, comma-separated, in order of preference |
//! | `timeout` | both | seconds the handshake may take (the socket backend's business, `net/mod.rs`) |
//!
//! TLS 1.2 and 1.3 only, with rustls's default (AEAD, forward-secret) suites. Configurations
//! are built once per set of options and shared by every connection that uses them.
//!
//! ## Why there is no way to turn verification off
//!
//! A client always verifies the server's chain against its roots and the certificate against
//! `host`, and always sends `host` as SNI (when it is a name rather than an IP). A test that
//! needs a private server names its CA with `ca`, which costs one file and keeps the check.
//! An unknown key is an error rather than ignored, so `verify: 0` or a misspelt `client_ca`
//! cannot leave a program believing it changed what is checked (`tls/tests.rs` pins the
//! defaults).
//!
//! ## Why a refused client certificate shows up after the handshake
//!
//! In TLS 1.3 the client's handshake ends when it sends its Finished; the server checks the
//! client's certificate after that. So a client whose certificate is missing or refused
//! completes `tls` and meets the server's alert (`TLS error: received fatal alert:
//! CertificateRequired`) on its next read; the server's `tls` fails at once (`TLS error: peer
//! sent no certificates`).

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

#[cfg(test)]
mod tests;

thread_local! {
    /// Built configurations, by side and the option values they were built from.
    static CLIENTS: RefCell<HashMap<String, Arc<rustls::ClientConfig>>> = RefCell::new(HashMap::new());
    static SERVERS: RefCell<HashMap<String, Arc<rustls::ServerConfig>>> = RefCell::new(HashMap::new());
}

/// The keys each side takes.
const CLIENT_KEYS: &[&str] = &["server", "host", "ca", "cert", "key", "alpn", "timeout"];
const SERVER_KEYS: &[&str] = &["server", "cert", "key", "client_ca", "alpn", "timeout"];

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn opt<'a>(opts: &'a [(String, String)], key: &str) -> Option<&'a str> {
    opts.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// A cache key for a configuration built from these option values.
fn cache_key(values: &[Option<&str>]) -> String {
    values.iter().map(|v| v.map_or_else(|| "\u{1}".to_string(), str::to_string)).collect::<Vec<_>>().join("\0")
}

/// Every certificate in a PEM file (`what` names the option, for messages).
fn load_certs(path: &str, what: &str) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("tls: cannot read {what} file '{path}': {e}"))?
        .collect::<Result<_, _>>()
        .map_err(|e| format!("tls: bad certificate in '{path}': {e}"))?;
    if certs.is_empty() {
        return Err(format!("tls: no certificate in '{path}'"));
    }
    Ok(certs)
}

fn load_key(path: &str) -> Result<PrivateKeyDer<'static>, String> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| format!("tls: cannot read key file '{path}': {e}"))
}

/// The roots in a PEM file (`what` names the option).
fn load_roots(path: &str, what: &str) -> Result<rustls::RootCertStore, String> {
    let mut roots = rustls::RootCertStore::empty();
    for c in load_certs(path, what)? {
        roots.add(c).map_err(|e| format!("tls: bad CA certificate in '{path}': {e}"))?;
    }
    Ok(roots)
}

/// `alpn` text (`h2,http/1.1`) as the protocol list rustls takes.
fn alpn_list(text: Option<&str>) -> Result<Vec<Vec<u8>>, String> {
    let Some(text) = text else { return Ok(Vec::new()) };
    text.split(',')
        .map(|p| {
            let p = p.trim();
            if p.is_empty() || p.len() > 255 {
                Err(format!("tls: bad 'alpn' list '{text}': each protocol name takes 1 to 255 bytes"))
            } else {
                Ok(p.as_bytes().to_vec())
            }
        })
        .collect()
}

/// Fails on a key this side does not take.
fn check_keys(server: bool, opts: &[(String, String)]) -> Result<(), String> {
    let (known, side, other) =
        if server { (SERVER_KEYS, "server", CLIENT_KEYS) } else { (CLIENT_KEYS, "client", SERVER_KEYS) };
    for (k, _) in opts {
        if known.contains(&k.as_str()) {
            continue;
        }
        return Err(if other.contains(&k.as_str()) {
            format!("tls: '{k}' is not an option of a {side}")
        } else {
            format!("tls: unknown option '{k}' (a {side} takes {})", known.join(", "))
        });
    }
    Ok(())
}

fn client_config(opts: &[(String, String)]) -> Result<Arc<rustls::ClientConfig>, String> {
    let (ca, cert, key, alpn) = (opt(opts, "ca"), opt(opts, "cert"), opt(opts, "key"), opt(opts, "alpn"));
    let ck = cache_key(&[ca, cert, key, alpn]);
    if let Some(c) = CLIENTS.with(|m| m.borrow().get(&ck).cloned()) {
        return Ok(c);
    }
    let roots = match ca {
        Some(path) => load_roots(path, "CA")?,
        None => {
            let mut roots = rustls::RootCertStore::empty();
            for c in rustls_native_certs::load_native_certs().certs {
                // A system root rustls cannot use is skipped, as browsers do.
                let _ = roots.add(c);
            }
            roots
        }
    };
    if roots.is_empty() {
        return Err("tls: no trusted root certificates (give a CA file with 'ca')".into());
    }
    let protocols = alpn_list(alpn)?;
    let builder = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("tls: {e}"))?
        .with_root_certificates(roots);
    let mut cfg = match (cert, key) {
        (None, None) => builder.with_no_client_auth(),
        (Some(cert), Some(key)) => builder
            .with_client_auth_cert(load_certs(cert, "certificate")?, load_key(key)?)
            .map_err(|e| format!("tls: certificate and key do not work together: {e}"))?,
        _ => return Err("tls: a client certificate needs both 'cert' and 'key' (PEM files)".into()),
    };
    cfg.alpn_protocols = protocols;
    let cfg = Arc::new(cfg);
    CLIENTS.with(|m| m.borrow_mut().insert(ck, cfg.clone()));
    Ok(cfg)
}

fn server_config(opts: &[(String, String)]) -> Result<Arc<rustls::ServerConfig>, String> {
    let (Some(cert), Some(key)) = (opt(opts, "cert"), opt(opts, "key")) else {
        return Err("tls: a server needs 'cert' and 'key' (PEM files)".into());
    };
    let (client_ca, alpn) = (opt(opts, "client_ca"), opt(opts, "alpn"));
    let ck = cache_key(&[Some(cert), Some(key), client_ca, alpn]);
    if let Some(c) = SERVERS.with(|m| m.borrow().get(&ck).cloned()) {
        return Ok(c);
    }
    let chain = load_certs(cert, "certificate")?;
    let pk = load_key(key)?;
    let protocols = alpn_list(alpn)?;
    let builder = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("tls: {e}"))?;
    let builder = match client_ca {
        None => builder.with_no_client_auth(),
        Some(path) => {
            let roots = Arc::new(load_roots(path, "client_ca")?);
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(roots, provider())
                .build()
                .map_err(|e| format!("tls: cannot use 'client_ca' file '{path}': {e}"))?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let mut cfg = builder
        .with_single_cert(chain, pk)
        .map_err(|e| format!("tls: certificate and key do not work together: {e}"))?;
    cfg.alpn_protocols = protocols;
    let cfg = Arc::new(cfg);
    SERVERS.with(|m| m.borrow_mut().insert(ck, cfg.clone()));
    Ok(cfg)
}

/// A new TLS connection state for one socket.
pub fn start(server: bool, opts: &[(String, String)]) -> Result<rustls::Connection, String> {
    check_keys(server, opts)?;
    if server {
        let cfg = server_config(opts)?;
        let c = rustls::ServerConnection::new(cfg).map_err(|e| format!("tls: {e}"))?;
        Ok(rustls::Connection::Server(c))
    } else {
        let Some(host) = opt(opts, "host") else {
            return Err("tls: a client needs the server's 'host' name (it is verified and sent as SNI)".into());
        };
        let name = ServerName::try_from(host.to_string()).map_err(|e| format!("tls: bad host name '{host}': {e}"))?;
        let cfg = client_config(opts)?;
        let c = rustls::ClientConnection::new(cfg, name).map_err(|e| format!("tls: {e}"))?;
        Ok(rustls::Connection::Client(c))
    }
}

/// The application protocol the handshake agreed on (`alpn`), or "" when none was.
pub fn alpn(conn: &rustls::Connection) -> String {
    conn.alpn_protocol().map(|p| String::from_utf8_lossy(p).into_owned()).unwrap_or_default()
}
