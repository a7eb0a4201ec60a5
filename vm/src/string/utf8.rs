//! Checking bytes that are to become a UTF-8 string, with Parrot's errors
//! (`utf8_partial_scan`, src/string/encoding/utf8.c, and the macros of unicode.h).

use super::invalid_code_point;
use crate::error::{types, Exc};

/// Parrot's `EXCEPTION_MALFORMED_UTF8`.
pub const EXCEPTION_MALFORMED_UTF8: i64 = 9;

/// Are `bytes` well-formed UTF-8 as Parrot takes it? A lead byte is `C2`..`F4`; `E0` and
/// `F0` must not start an overlong form; a sequence cut short by the end is "Unaligned end",
/// a bad byte "Malformed", a surrogate, noncharacter or code point past U+10FFFF an
/// "Invalid character".
pub fn scan(bytes: &[u8]) -> Result<(), Exc> {
    let malformed = |m: &str| Exc::new(EXCEPTION_MALFORMED_UTF8, m.to_string());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if (0xc2..=0xf4).contains(&c) {
            let len = match c {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            if i + len > bytes.len() {
                return Err(malformed("Unaligned end in UTF-8 string"));
            }
            let next = bytes[i + 1];
            if (c == 0xe0 && next < 0xa0) || (c == 0xf0 && next < 0x90) {
                return Err(malformed("Overlong form in UTF-8 string"));
            }
            let mut cp = u32::from(c) & (0x7f >> len);
            for &b in &bytes[i + 1..i + len] {
                if b & 0xc0 != 0x80 {
                    return Err(malformed("Malformed UTF-8 string"));
                }
                cp = (cp << 6) | u32::from(b & 0x3f);
            }
            if invalid_code_point(cp) {
                return Err(Exc::new(types::EXCEPTION_INVALID_CHARACTER, "Invalid character in UTF-8 string"));
            }
            i += len;
        } else if c < 0x80 {
            i += 1;
        } else {
            return Err(malformed("Malformed UTF-8 string"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::scan;

    fn message(b: &[u8]) -> String {
        scan(b).err().map(|e| e.message).unwrap_or_else(|| "valid".into())
    }

    #[test]
    fn parrot_errors() {
        assert_eq!(message(b"A\x80A"), "Malformed UTF-8 string");
        assert_eq!(message(b"A\xc1\xbf"), "Malformed UTF-8 string");
        assert_eq!(message(b"A\xc2A"), "Malformed UTF-8 string");
        assert_eq!(message(b"\xe1\x80"), "Unaligned end in UTF-8 string");
        assert_eq!(message(b"\xe0\x9f\xbf"), "Overlong form in UTF-8 string");
        assert_eq!(message(b"\xed\xa0\x80"), "Invalid character in UTF-8 string");
        assert_eq!(message(b"\xf4\x90\x80\x80"), "Invalid character in UTF-8 string");
        assert_eq!(message("h\u{e9}\u{10fffd}".as_bytes()), "valid");
    }
}
