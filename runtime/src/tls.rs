//! TLS configurations for sockets (rustls with the `ring` provider, which builds with only a
//! C compiler: no cmake, no Go, no system OpenSSL).
//!
//! Client: the server certificate is verified against the system roots (or a CA file the
//! program names with `ca`), the host name is checked and sent as SNI. Server: certificate
//! chain and key from PEM files (`cert`, `key`). TLS 1.2 and 1.3 only. Configurations are
//! built once per set of options and shared by every connection that uses them.

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

thread_local! {
    static CLIENTS: RefCell<HashMap<String, Arc<rustls::ClientConfig>>> = RefCell::new(HashMap::new());
    static SERVERS: RefCell<HashMap<(String, String), Arc<rustls::ServerConfig>>> = RefCell::new(HashMap::new());
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn opt<'a>(opts: &'a [(String, String)], key: &str) -> Option<&'a str> {
    opts.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn client_config(ca: Option<&str>) -> Result<Arc<rustls::ClientConfig>, String> {
    let key = ca.unwrap_or("").to_string();
    if let Some(c) = CLIENTS.with(|m| m.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let mut roots = rustls::RootCertStore::empty();
    match ca {
        Some(path) => {
            let certs =
                CertificateDer::pem_file_iter(path).map_err(|e| format!("tls: cannot read CA file '{path}': {e}"))?;
            for c in certs {
                let c = c.map_err(|e| format!("tls: bad certificate in '{path}': {e}"))?;
                roots.add(c).map_err(|e| format!("tls: bad CA certificate in '{path}': {e}"))?;
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            for c in found.certs {
                // A system root rustls cannot use is skipped, as browsers do.
                let _ = roots.add(c);
            }
        }
    }
    if roots.is_empty() {
        return Err("tls: no trusted root certificates (give a CA file with 'ca')".into());
    }
    let cfg = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("tls: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let cfg = Arc::new(cfg);
    CLIENTS.with(|m| m.borrow_mut().insert(key, cfg.clone()));
    Ok(cfg)
}

fn server_config(cert: &str, key: &str) -> Result<Arc<rustls::ServerConfig>, String> {
    let k = (cert.to_string(), key.to_string());
    if let Some(c) = SERVERS.with(|m| m.borrow().get(&k).cloned()) {
        return Ok(c);
    }
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| format!("tls: cannot read certificate file '{cert}': {e}"))?
        .collect::<Result<_, _>>()
        .map_err(|e| format!("tls: bad certificate in '{cert}': {e}"))?;
    if chain.is_empty() {
        return Err(format!("tls: no certificate in '{cert}'"));
    }
    let pk = PrivateKeyDer::from_pem_file(key).map_err(|e| format!("tls: cannot read key file '{key}': {e}"))?;
    let cfg = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("tls: {e}"))?
        .with_no_client_auth()
        .with_single_cert(chain, pk)
        .map_err(|e| format!("tls: certificate and key do not work together: {e}"))?;
    let cfg = Arc::new(cfg);
    SERVERS.with(|m| m.borrow_mut().insert(k, cfg.clone()));
    Ok(cfg)
}

/// A new TLS connection state for one socket.
pub fn start(server: bool, opts: &[(String, String)]) -> Result<rustls::Connection, String> {
    if server {
        let (Some(cert), Some(key)) = (opt(opts, "cert"), opt(opts, "key")) else {
            return Err("tls: a server needs 'cert' and 'key' (PEM files)".into());
        };
        let cfg = server_config(cert, key)?;
        let c = rustls::ServerConnection::new(cfg).map_err(|e| format!("tls: {e}"))?;
        Ok(rustls::Connection::Server(c))
    } else {
        let Some(host) = opt(opts, "host") else {
            return Err("tls: a client needs the server's 'host' name (it is verified and sent as SNI)".into());
        };
        let name = ServerName::try_from(host.to_string()).map_err(|e| format!("tls: bad host name '{host}': {e}"))?;
        let cfg = client_config(opt(opts, "ca"))?;
        let c = rustls::ClientConnection::new(cfg, name).map_err(|e| format!("tls: {e}"))?;
        Ok(rustls::Connection::Client(c))
    }
}
