//! System ops: `sysinfo`, the time ops `gmtime localtime decodetime decodelocaltime`, `err`,
//! where the code is (`getfile getline`), libraries (`loadlib`) and NCI (`dlfunc dlvar
//! new_callback`), after Parrot's src/dynoplibs/sys.ops, src/ops/sys.ops,
//! src/dynoplibs/debug.ops and src/ops/core.ops.
//!
//! What the OS knows (the local time zone, its version, error texts) the host answers at
//! once through [`crate::host::OsFacts`]; everything else here is arithmetic. Dates are
//! computed from Unix seconds with the proleptic Gregorian calendar, as C's `gmtime` does.
//!
//! ## Why NCI throws
//! Parrot's `dlfunc` and `dlvar` call into native libraries; Kea runs no native code (it
//! would be `unsafe`, and a task could no longer be parked at any op). The ops exist so a
//! program that names them assembles, and fail with a catchable "NCI is not supported".

use super::flow::Flow;
use super::{ia, sa, Frame, Vm};
use crate::error::{types, Exc, Location};
use crate::host::{IoOp, LocalZone};
use crate::op::{IArg, IReg, PReg, SArg, SReg};
use crate::pmc::{PVal, PmcData};
use crate::request::{Reg, To};
use crate::string::Str;

/// The dynop libraries Kea builds in: `loadlib` gives a ParrotLibrary for these names (their
/// ops are always there) and an Undef for any other, as Parrot does for a library it cannot
/// find (`Parrot_dyn_load_lib`, src/dynext.c).
pub const LIBRARIES: &[&str] = &["bit_ops", "debug_ops", "io_ops", "math_ops", "obscure_ops", "sys_ops", "trans_ops"];

/// `warnings.pasm`: `PARROT_WARNINGS_DYNEXT_FLAG`.
const WARN_DYNEXT: i64 = 8;

/// `sysinfo I, I` (src/dynoplibs/sys.ops): the sizes and range of Parrot's INTVAL and
/// FLOATVAL (Kea's `i64` and `f64`) and of a pointer; -1 for a code it does not know.
pub(super) fn sysinfo_i_i(_: &mut Vm, f: &mut Frame, dst: IReg, what: IArg) -> Flow {
    f.i[dst.0 as usize] = match ia(f, what) {
        16 | 17 => 8,
        18 => std::mem::size_of::<usize>() as i64,
        19 => i64::MAX,
        20 => i64::MIN,
        _ => -1,
    };
    Flow::Next
}

/// `sysinfo S, I`: the OS's name and the CPU's family as Parrot's Configure names them
/// (`linux`, `amd64`; config/auto/arch.pm), the OS's version and release and the CPU's
/// model as the host reads them; "" for a code it does not know.
pub(super) fn sysinfo_s_i(vm: &mut Vm, f: &mut Frame, dst: SReg, what: IArg) -> Flow {
    let s = match ia(f, what) {
        30 => os_name().to_string(),
        31 => (vm.os.system)().os_version,
        32 => (vm.os.system)().os_release,
        33 => cpu_arch().to_string(),
        34 => (vm.os.system)().cpu_type,
        _ => String::new(),
    };
    f.s[dst.0 as usize] = Str::from(s);
    Flow::Next
}

/// The OS's name as Perl's `$^O` gives it, which Parrot's Configure takes.
fn os_name() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "MSWin32",
        os => os,
    }
}

/// The CPU family as Parrot's Configure writes it (config/auto/arch.pm: `x86_64` is `amd64`,
/// `x86` is `i386`, `powerpc` is `ppc`).
fn cpu_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "x86" => "i386",
        "powerpc" | "powerpc64" => "ppc",
        arch => arch,
    }
}

/// A time broken down as C's `struct tm`, with Parrot's month (1-12) and year (2004, not
/// 104): `tm.pasm`'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tm {
    /// 0-60.
    pub sec: i64,
    /// 0-59.
    pub min: i64,
    /// 0-23.
    pub hour: i64,
    /// 1-31.
    pub mday: i64,
    /// 1-12.
    pub mon: i64,
    /// The year.
    pub year: i64,
    /// 0 (Sunday) - 6.
    pub wday: i64,
    /// 0-365.
    pub yday: i64,
    /// 1 when summer time is in effect.
    pub isdst: i64,
}

/// Days from 1970-01-01 to the first of March of the year `y` starts in, and the civil date
/// of day `days` (Howard Hinnant's `civil_from_days`).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Is `y` a leap year?
fn leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Unix time `t` shifted by `zone`, broken down. A time whose year C's `int tm_year` cannot
/// hold fails, as `gmtime` does (EOVERFLOW).
pub fn broken_down(t: i64, zone: LocalZone) -> Result<Tm, Exc> {
    let out_of_range = || Exc::new(types::EXCEPTION_ERR_OVERFLOW, format!("time {t} is out of range"));
    let secs = t.checked_add(zone.offset).ok_or_else(out_of_range)?;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, mon, mday) = civil(days);
    if i32::try_from(year - 1900).is_err() {
        return Err(out_of_range());
    }
    const BEFORE: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = BEFORE[(mon - 1) as usize] + mday - 1 + i64::from(mon > 2 && leap(year));
    Ok(Tm {
        sec: rem % 60,
        min: rem / 60 % 60,
        hour: rem / 3600,
        mday,
        mon,
        year,
        wday: (days + 4).rem_euclid(7),
        yday,
        isdst: i64::from(zone.dst),
    })
}

/// `tm` as Parrot's `gmtime` op gives it: C's `asctime` into a 26-byte buffer, of which it
/// keeps 25 bytes (`Thu Jan  1 00:00:00 1970\n`). A year of five digits loses the newline;
/// one of fewer than four is followed by the buffer's NUL bytes, as in Parrot.
pub fn asctime(tm: &Tm) -> Str {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let text = format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}\n",
        DAYS[tm.wday as usize],
        MONTHS[(tm.mon - 1) as usize],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    );
    let mut bytes = text.into_bytes();
    bytes.resize(25, 0);
    Str::from_vec(bytes, crate::string::Encoding::Ascii)
}

impl Vm {
    /// Unix time `t` broken down in UTC (`local` false) or in the host's zone.
    fn tm(&self, t: i64, local: bool) -> Result<Tm, Exc> {
        let zone = if local { (self.os.zone)(t) } else { LocalZone::default() };
        broken_down(t, zone)
    }

    /// `tm` as the FixedIntegerArray `decodetime` gives (`Parrot_util_tm_to_array`,
    /// src/utils.c).
    fn tm_array(&mut self, tm: &Tm) -> PVal {
        let v = vec![tm.sec, tm.min, tm.hour, tm.mday, tm.mon, tm.year, tm.wday, tm.yday, tm.isdst];
        Some(self.heap.alloc(PmcData::FixedIntegerArray(v)))
    }
}

/// `gmtime S, I`
pub(super) fn gmtime_s_i(vm: &mut Vm, f: &mut Frame, dst: SReg, time: IArg) -> Flow {
    vm.tm(ia(f, time), false).map(|tm| f.s[dst.0 as usize] = asctime(&tm)).into()
}

/// `localtime S, I`: in the host's time zone.
pub(super) fn localtime_s_i(vm: &mut Vm, f: &mut Frame, dst: SReg, time: IArg) -> Flow {
    vm.tm(ia(f, time), true).map(|tm| f.s[dst.0 as usize] = asctime(&tm)).into()
}

/// `decodetime P, I`
pub(super) fn decodetime_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, time: IArg) -> Flow {
    match vm.tm(ia(f, time), false) {
        Ok(tm) => {
            f.p[dst.0 as usize] = vm.tm_array(&tm);
            Flow::Next
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `decodelocaltime P, I`: in the host's time zone.
pub(super) fn decodelocaltime_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, time: IArg) -> Flow {
    match vm.tm(ia(f, time), true) {
        Ok(tm) => {
            f.p[dst.0 as usize] = vm.tm_array(&tm);
            Flow::Next
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `err I`: the number of the last OS error a request failed with (0 before any).
pub(super) fn err_i(vm: &mut Vm, f: &mut Frame, dst: IReg) -> Flow {
    f.i[dst.0 as usize] = vm.errno;
    Flow::Next
}

/// `err S`: the OS's text for the last OS error.
pub(super) fn err_s(vm: &mut Vm, f: &mut Frame, dst: SReg) -> Flow {
    f.s[dst.0 as usize] = Str::from((vm.os.strerror)(vm.errno));
    Flow::Next
}

/// `err S, I`: the OS's text for error number I.
pub(super) fn err_s_i(vm: &mut Vm, f: &mut Frame, dst: SReg, code: IArg) -> Flow {
    f.s[dst.0 as usize] = Str::from((vm.os.strerror)(ia(f, code)));
    Flow::Next
}

/// `getfile S`: the file of the running op, as the program was loaded from it.
pub(super) fn getfile_s(_: &mut Vm, f: &mut Frame, dst: SReg) -> Flow {
    let (file, _) = f.code.location(f.pc);
    f.s[dst.0 as usize] = Str::from(file);
    Flow::Next
}

/// `getline I`: the line of the running op in its file.
pub(super) fn getline_i(_: &mut Vm, f: &mut Frame, dst: IReg) -> Flow {
    let (_, line) = f.code.location(f.pc);
    f.i[dst.0 as usize] = i64::from(line);
    Flow::Next
}

/// The library name in a `loadlib` argument: no folder, no extension (`dynext/sys_ops.so`
/// is `sys_ops`), as `Parrot_split_path_ext` takes it.
fn library_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    }
}

impl Vm {
    /// `loadlib`: a ParrotLibrary for a library Kea builds in, else an Undef, with Parrot's
    /// warning on stderr when the dynext warnings are on.
    fn loadlib(&mut self, f: &mut Frame, dst: PReg, name: SArg) -> Flow {
        let name = sa(f, name);
        let text = name.to_text();
        let stem = library_stem(&text);
        if LIBRARIES.contains(&stem) {
            let lib = self.heap.alloc(PmcData::ParrotLibrary(Str::from(stem)));
            f.p[dst.0 as usize] = Some(lib);
            return Flow::Next;
        }
        f.p[dst.0 as usize] = Some(self.heap.alloc(PmcData::Undef));
        if self.flags.warnings & WARN_DYNEXT == 0 {
            return Flow::Next;
        }
        // Parrot_warn (src/warnings.c): the message, then where the program is.
        let (file, line) = f.code.location(f.pc);
        let sub = f.code.subs[f.sub as usize].name.clone();
        let at = Location { sub, file, line, pc: f.pc };
        let text =
            format!("Couldn't load '{text}': no such library (Kea loads no native code)\ncurrent instr.: {at}\n");
        let data = Str::from(text);
        if self.std_replaced[2] {
            return self.write_replaced(f, 2, data);
        }
        Flow::Leave(self.submit(IoOp::Write { handle: 2, data }, None, To::Reg(Reg::None)))
    }
}

/// `loadlib P, S`
pub(super) fn loadlib_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, name: SArg) -> Flow {
    vm.loadlib(f, dst, name)
}

/// `loadlib P, S, P`: the flags change nothing, Kea opening no native library.
pub(super) fn loadlib_p_s_p(vm: &mut Vm, f: &mut Frame, dst: PReg, name: SArg, _flags: PReg) -> Flow {
    vm.loadlib(f, dst, name)
}

/// The error every NCI op throws.
#[cold]
fn no_nci(op: &str) -> Flow {
    Flow::Raise(Exc::new(types::EXCEPTION_UNIMPLEMENTED, format!("NCI is not supported ({op})")))
}

/// `dlfunc P, P, S, S`: NCI, which Kea does not have.
pub(super) fn dlfunc_p_p_s_s(_: &mut Vm, _: &mut Frame, _: PReg, _: PReg, _: SArg, _: SArg) -> Flow {
    no_nci("dlfunc")
}

/// `dlfunc P, P, S, P`: NCI, which Kea does not have.
pub(super) fn dlfunc_p_p_s_p(_: &mut Vm, _: &mut Frame, _: PReg, _: PReg, _: SArg, _: PReg) -> Flow {
    no_nci("dlfunc")
}

/// `dlvar P, P, S`: NCI, which Kea does not have.
pub(super) fn dlvar_p_p_s(_: &mut Vm, _: &mut Frame, _: PReg, _: PReg, _: SArg) -> Flow {
    no_nci("dlvar")
}

/// `new_callback P, P, P, S`: NCI, which Kea does not have.
pub(super) fn new_callback_p_p_p_s(_: &mut Vm, _: &mut Frame, _: PReg, _: PReg, _: PReg, _: SArg) -> Flow {
    no_nci("new_callback")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(t: i64) -> Tm {
        broken_down(t, LocalZone::default()).expect("in range")
    }

    #[test]
    fn the_epoch_and_leap_days() {
        assert_eq!(asctime(&utc(0)).as_bytes(), b"Thu Jan  1 00:00:00 1970\n");
        // 2000-02-29 12:34:56 UTC, a leap day of a century leap year.
        let tm = utc(951_827_696);
        assert_eq!((tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec), (2000, 2, 29, 12, 34, 56));
        assert_eq!((tm.wday, tm.yday), (2, 59));
        // 1969-12-31 23:59:59, before the epoch.
        let tm = utc(-1);
        assert_eq!((tm.year, tm.mon, tm.mday, tm.wday, tm.yday), (1969, 12, 31, 3, 364));
    }

    #[test]
    fn a_zone_shifts_and_marks_summer_time() {
        let tm = broken_down(0, LocalZone { offset: -5 * 3600, dst: true }).expect("in range");
        assert_eq!((tm.year, tm.mon, tm.mday, tm.hour, tm.isdst), (1969, 12, 31, 19, 1));
    }

    #[test]
    fn asctime_keeps_25_bytes() {
        // Year 10000: the newline is cut.
        assert_eq!(asctime(&utc(253_402_300_800)).as_bytes(), b"Sat Jan  1 00:00:00 10000");
        // Year 999: a NUL fills the 25th byte.
        assert_eq!(asctime(&utc(-30_641_760_000)).as_bytes(), b"Tue Jan  1 00:00:00 999\n\0");
    }

    #[test]
    fn a_year_past_int_fails() {
        assert!(broken_down(i64::MAX, LocalZone::default()).is_err());
        assert!(broken_down(i64::MIN, LocalZone::default()).is_err());
        assert!(broken_down(i64::MAX - 10, LocalZone { offset: 3600, dst: false }).is_err());
    }

    #[test]
    fn library_names_lose_folder_and_extension() {
        assert_eq!(library_stem("dynext/sys_ops.so"), "sys_ops");
        assert_eq!(library_stem("io_ops"), "io_ops");
        assert_eq!(library_stem(".hidden"), ".hidden");
    }
}
