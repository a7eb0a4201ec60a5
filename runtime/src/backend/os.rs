//! The OS facts the VM may ask for at once ([`OsFacts`], `vm/src/host.rs`): the local time
//! zone (`localtime`, `decodelocaltime`), what the OS says of itself (`sysinfo S, I`) and the
//! text of an error number (`err S`). Not a reactor backend: none of these blocks, so the VM
//! calls them as it calls the clock.
//!
//! ## Why `tz-rs` for the zone
//! C's `localtime_r` would need `unsafe` (and `libc` is here only for one start-up call).
//! `tz-rs` is a small pure-Rust copy of it with no dependencies and no `unsafe`: it reads
//! `TZ` values (a POSIX rule such as `EST5EDT,M3.2.0,M11.1.0`, a zone name looked up under
//! `/usr/share/zoneinfo`, `:path`) and `/etc/localtime`, as the C library does.

use kea_vm::host::{LocalZone, OsFacts, SystemInfo};
use std::cell::OnceCell;
use tz::TimeZone;

/// The OS facts for a run. `tz` is the zone to use, as a `TZ` value; `None`: the process's
/// `TZ`, else the system's zone (`/etc/localtime`). The zone is read when first needed.
pub fn facts(tz: Option<String>) -> OsFacts {
    let zone: OnceCell<TimeZone> = OnceCell::new();
    OsFacts { zone: Box::new(move |t| zone_at(zone.get_or_init(|| load_zone(tz.as_deref())), t)), system, strerror }
}

/// The zone `tz` names (a `TZ` value), or the process's. As the C library does, a `TZ` that
/// is set but empty, or names no zone it can read, means UTC.
fn load_zone(tz: Option<&str>) -> TimeZone {
    let env = std::env::var("TZ").ok();
    match tz.or(env.as_deref()) {
        Some("") => TimeZone::utc(),
        Some(name) => TimeZone::from_posix_tz(name).unwrap_or_else(|_| TimeZone::utc()),
        None => TimeZone::local().unwrap_or_else(|_| TimeZone::utc()),
    }
}

/// The offset and daylight-saving flag of `zone` at Unix time `t` (UTC where the zone has
/// no rule for `t`).
fn zone_at(zone: &TimeZone, t: i64) -> LocalZone {
    match zone.find_local_time_type(t) {
        Ok(l) => LocalZone { offset: i64::from(l.ut_offset()), dst: l.is_dst() },
        Err(_) => LocalZone::default(),
    }
}

/// What the OS says of itself: Linux's `uname` fields and CPU model from `/proc`; empty
/// (and `unknown` for the CPU, as Parrot's Configure says) elsewhere.
fn system() -> SystemInfo {
    let read = |p: &str| std::fs::read_to_string(p).map(|s| s.trim_end().to_string()).unwrap_or_default();
    let cpu_type = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string());
    SystemInfo {
        os_version: read("/proc/sys/kernel/version"),
        os_release: read("/proc/sys/kernel/osrelease"),
        cpu_type,
    }
}

/// C's `strerror(n)`: the OS's text for error number `n`, without the ` (os error N)` Rust
/// adds.
fn strerror(n: i64) -> String {
    let Ok(code) = i32::try_from(n) else { return format!("Unknown error {n}") };
    let text = std::io::Error::from_raw_os_error(code).to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posix_rule_gives_offsets_and_summer_time() {
        let z = load_zone(Some("EST5EDT,M3.2.0,M11.1.0"));
        // 2024-01-15 and 2024-07-15, noon UTC.
        assert_eq!(zone_at(&z, 1_705_320_000), LocalZone { offset: -5 * 3600, dst: false });
        assert_eq!(zone_at(&z, 1_721_044_800), LocalZone { offset: -4 * 3600, dst: true });
        let z = load_zone(Some("KEA-5:30"));
        assert_eq!(zone_at(&z, 0), LocalZone { offset: 5 * 3600 + 1800, dst: false });
    }

    #[test]
    fn an_empty_or_unreadable_zone_is_utc() {
        assert_eq!(zone_at(&load_zone(Some("")), 0), LocalZone::default());
        assert_eq!(zone_at(&load_zone(Some("not a zone 9 9")), 0), LocalZone::default());
    }

    #[cfg(unix)]
    #[test]
    fn strerror_gives_the_os_text() {
        assert_eq!(strerror(2), "No such file or directory");
        assert_eq!(strerror(1 << 40), format!("Unknown error {}", 1i64 << 40));
    }
}
