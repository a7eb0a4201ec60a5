//! Number formatting and parsing exactly as Parrot does it (PDD-NOTES §3.6).
//!
//! `print N` uses C's `%.15g`, and the C library spells infinities and NaN `inf`, `-inf`,
//! `nan`, `-nan`; converting an N to a string goes through Parrot's own formatter, which spells
//! them `Inf`, `-Inf`, `NaN`. Both paths live here so the rest of the VM never formats a float
//! by itself.

/// Decimal places past which every `f64` has only zeros: its exact value is a multiple of
/// 2^-1074, which has 1,074 decimal places.
const MAX_PLACES: usize = 1100;
/// Significant digits past which every `f64` has only zeros (its exact value has at most 767).
const MAX_DIGITS: usize = 800;

/// `%.{prec}f` for a finite `x`, as C's printf renders it, for any `prec`: Rust's formatter
/// takes at most 65,535 places, and past [`MAX_PLACES`] the digits are zeros, so they are
/// written as such (linear in `prec`).
pub fn fmt_f(x: f64, prec: usize) -> String {
    let mut s = format!("{:.*}", prec.min(MAX_PLACES), x);
    if prec > MAX_PLACES {
        s.extend(std::iter::repeat_n('0', prec - MAX_PLACES));
    }
    s
}

/// `x` as `d.ddd` and a decimal exponent, with `prec` digits after the point (any `prec`, as
/// [`fmt_f`]).
fn sci(x: f64, prec: usize) -> (String, i32) {
    let s = format!("{:.*e}", prec.min(MAX_DIGITS), x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut m = mant.to_string();
    if prec > MAX_DIGITS {
        m.extend(std::iter::repeat_n('0', prec - MAX_DIGITS));
    }
    (m, exp.parse().unwrap_or(0))
}

/// `%.{prec}g` for a finite `x`, as C's printf renders it.
pub fn fmt_g(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let p = prec.max(1);
    let (mut m, exp) = sci(x, p - 1);
    if exp < -4 || i64::from(exp) >= p as i64 {
        if !alt {
            strip_zeros(&mut m);
        }
        let e = if upper { 'E' } else { 'e' };
        format!("{m}{e}{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs())
    } else {
        let decimals = (p as i64 - 1 - i64::from(exp)).max(0) as usize;
        let mut s = fmt_f(x, decimals);
        if !alt {
            strip_zeros(&mut s);
        }
        s
    }
}

fn strip_zeros(s: &mut String) {
    if s.contains('.') {
        let keep = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(keep);
    }
}

/// `%.{prec}e` for a finite `x`, with C's two-digit exponent.
pub fn fmt_e(x: f64, prec: usize, upper: bool) -> String {
    let (mant, exp) = sci(x, prec);
    let e = if upper { 'E' } else { 'e' };
    format!("{mant}{e}{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs())
}

/// How `print`/`say` render an N register: `%.15g`, with the C library's `inf`/`nan`.
pub fn fmt_print(x: f64) -> String {
    if x.is_nan() {
        return if x.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.into();
    }
    fmt_g(x, 15, false, false)
}

/// How an N becomes a string (`set S, N`, a Float's `get_string`): `%.15g`, `Inf`/`NaN`.
pub fn fmt_str(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-Inf" } else { "Inf" }.into();
    }
    fmt_g(x, 15, false, false)
}

fn skip_space(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// A string's integer value, as Parrot's `str_to_int`: leading white space, an optional sign,
/// then decimal digits; anything after them is ignored, and no digits at all give 0. A value
/// past the I range saturates.
pub fn parse_int(b: &[u8]) -> i64 {
    let b = skip_space(b);
    let (neg, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let mut v: i64 = 0;
    for &c in b.iter().take_while(|c| c.is_ascii_digit()) {
        let d = i64::from(c - b'0');
        v = v.saturating_mul(10).saturating_add(d);
    }
    if neg {
        v.checked_neg().unwrap_or(i64::MIN)
    } else {
        v
    }
}

/// A string's number value: leading white space, then the longest prefix that reads as a
/// decimal float (`1`, `-2.5`, `.5`, `1e3`), or `Inf`/`Infinity`/`NaN` in any case with an
/// optional sign. Nothing readable gives 0.0.
pub fn parse_num(b: &[u8]) -> f64 {
    let b = skip_space(b);
    let (neg, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let lower: Vec<u8> = rest.iter().take(8).map(|c| c.to_ascii_lowercase()).collect();
    if lower.starts_with(b"inf") {
        return if neg { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    if lower.starts_with(b"nan") {
        return f64::NAN;
    }
    let mut i = 0;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < rest.len() && rest[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > s
    };
    let mut any = digits(&mut i);
    if i < rest.len() && rest[i] == b'.' {
        i += 1;
        any |= digits(&mut i);
    }
    if !any {
        return 0.0;
    }
    let mant_end = i;
    if i < rest.len() && (rest[i] == b'e' || rest[i] == b'E') {
        let mut j = i + 1;
        if j < rest.len() && (rest[j] == b'+' || rest[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) {
            i = j;
        }
    }
    let text = std::str::from_utf8(&rest[..i.max(mant_end)]).unwrap_or("0");
    let v: f64 = text.parse().unwrap_or(0.0);
    if neg {
        -v
    } else {
        v
    }
}

/// An N converted to an I: truncated toward zero. NaN, the infinities and values past the
/// range give the minimum integer, which is what Parrot's C cast gives on x86-64
/// (spec/conversions).
pub fn num_to_int(x: f64) -> i64 {
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_g_matches_c() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.5, "1.5"),
            (100.0, "100"),
            (1e15, "1e+15"),
            (1e14, "100000000000000"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.0 / 3.0, "0.333333333333333"),
            (2.0 / 3.0, "0.666666666666667"),
            (-0.0, "-0"),
            (12345678901234567890.0, "1.23456789012346e+19"),
            (-2.5e-7, "-2.5e-07"),
            (1e100, "1e+100"),
            (0.0, "0"),
        ];
        for (x, want) in cases {
            assert_eq!(fmt_print(*x), *want, "{x}");
        }
    }

    /// Any precision, even past what Rust's formatter takes (65,535): exact digits, then
    /// zeros, in linear time and no panic.
    #[test]
    fn huge_precisions() {
        let p = 70_000;
        let f = fmt_f(0.1, p);
        assert_eq!(f.len(), 2 + p);
        assert!(f.starts_with("0.1000000000000000055511151231257827"));
        assert_eq!(f[2..].trim_end_matches('0'), format!("{:.1100}", 0.1)[2..].trim_end_matches('0'));
        let tiny = f64::from_bits(1); // 2^-1074, the smallest subnormal: 1,074 places
        assert_eq!(fmt_f(tiny, p)[..1076], format!("{tiny:.1074}"));
        let e = fmt_e(-1.5, p, true);
        assert!(e.starts_with("-1.5000") && e.ends_with("0E+00") && e.len() == 3 + p + 4);
        assert_eq!(fmt_g(1.0 / 3.0, p, false, false), format!("{:.800}", 1.0 / 3.0).trim_end_matches('0'));
        assert_eq!(fmt_g(2.5, p, false, true).len(), p + 1);
        assert_eq!(fmt_g(1e300, p, false, false), format!("{:.0}", 1e300));
        assert_eq!(fmt_g(1e300, 5, false, false), "1e+300");
        assert_eq!(
            fmt_g(0.0001, p, false, false),
            "0.000100000000000000004792173602385929598312941379845142364501953125"
        );
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_int(b"  42abc"), 42);
        assert_eq!(parse_int(b"-7"), -7);
        assert_eq!(parse_int(b"abc"), 0);
        assert_eq!(parse_int(b"99999999999999999999999"), i64::MAX);
        assert_eq!(parse_num(b"1e3"), 1000.0);
        assert_eq!(parse_num(b" -2.5x"), -2.5);
        assert!(parse_num(b"NaN").is_nan());
        assert_eq!(parse_num(b"-Infinity"), f64::NEG_INFINITY);
        assert_eq!(parse_num(b"1e"), 1.0);
        assert_eq!(parse_num(b"."), 0.0);
    }
}
