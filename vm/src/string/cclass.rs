//! Character classes: the `cclass.pasm` flags that `is_cclass`, `find_cclass` and
//! `find_not_cclass` test.
//!
//! ## Why rules, not a table
//! Parrot classifies the first 256 code points with a table generated for the
//! `en_US.iso88591` locale (`src/string/encoding/tables.c`). Kea writes the same
//! classification as the rules that table follows ([`latin1`]), and `tests.rs` checks
//! them code point by code point against the classes a Parrot program sees
//! (spec/strings/ok/char-classes.pasm).
//!
//! Above U+00FF Parrot asks ICU, or, built without it, knows whitespace, digits and two line
//! separators and throws `no ICU lib loaded` for the rest. Kea answers every class from
//! Rust's Unicode tables ([`unicode`]), as an ICU-built Parrot does.

/// `A-Z` and the other capitals
pub const UPPERCASE: i64 = 0x0001;
/// `a-z` and the other small letters
pub const LOWERCASE: i64 = 0x0002;
/// letters
pub const ALPHABETIC: i64 = 0x0004;
/// decimal digits
pub const NUMERIC: i64 = 0x0008;
/// `0-9 a-f A-F`
pub const HEXADECIMAL: i64 = 0x0010;
/// space, `\t \n \v \f \r`, NEL, NBSP and the Unicode spaces
pub const WHITESPACE: i64 = 0x0020;
/// anything printable, space included
pub const PRINTING: i64 = 0x0040;
/// anything printable but space
pub const GRAPHICAL: i64 = 0x0080;
/// space and tab
pub const BLANK: i64 = 0x0100;
/// control characters
pub const CONTROL: i64 = 0x0200;
/// printable characters that are not letters, digits or space
pub const PUNCTUATION: i64 = 0x0400;
/// letters and digits
pub const ALPHANUMERIC: i64 = 0x0800;
/// `\n \v \f \r`, NEL, U+2028, U+2029
pub const NEWLINE: i64 = 0x1000;
/// letters, digits and `_`
pub const WORD: i64 = 0x2000;
/// every class
pub const ANY: i64 = 0xffff;

/// The classes of a code point below 256, as ISO-8859-1 in Parrot's table.
pub const fn latin1(c: u8) -> i64 {
    let letter_or_digit = ALPHANUMERIC | WORD | PRINTING | GRAPHICAL;
    let punct = PUNCTUATION | PRINTING | GRAPHICAL;
    match c {
        b'\t' => CONTROL | WHITESPACE | BLANK,
        0x0a..=0x0d | 0x85 => CONTROL | WHITESPACE | NEWLINE,
        0x00..=0x1f | 0x7f..=0x9f => CONTROL,
        b' ' => WHITESPACE | PRINTING | BLANK,
        b'0'..=b'9' => letter_or_digit | NUMERIC | HEXADECIMAL,
        b'A'..=b'F' => letter_or_digit | ALPHABETIC | UPPERCASE | HEXADECIMAL,
        b'a'..=b'f' => letter_or_digit | ALPHABETIC | LOWERCASE | HEXADECIMAL,
        b'G'..=b'Z' | 0xc0..=0xd6 | 0xd8..=0xde => letter_or_digit | ALPHABETIC | UPPERCASE,
        // ª µ º and ß..ÿ (but ÷) are small letters.
        b'g'..=b'z' | 0xaa | 0xb5 | 0xba | 0xdf..=0xf6 | 0xf8..=0xff => letter_or_digit | ALPHABETIC | LOWERCASE,
        b'_' => punct | WORD,
        // The no-break space is whitespace and, in that locale, punctuation too.
        0xa0 => punct | WHITESPACE,
        _ => punct,
    }
}

/// Is a code point from U+0100 up in one of the classes `flags`?
fn unicode(c: char, flags: i64) -> bool {
    let has = |f: i64| flags & f != 0;
    let space = c.is_whitespace();
    let newline = matches!(c, '\u{2028}' | '\u{2029}');
    let alnum = c.is_alphanumeric();
    let printing = !c.is_control();
    (has(UPPERCASE) && c.is_uppercase())
        || (has(LOWERCASE) && c.is_lowercase())
        || (has(ALPHABETIC) && c.is_alphabetic())
        || (has(NUMERIC) && is_decimal_digit(c))
        || (has(WHITESPACE) && space)
        || (has(PRINTING) && printing)
        || (has(GRAPHICAL) && printing && !space)
        || (has(BLANK) && space && !newline)
        || (has(PUNCTUATION) && printing && !space && !alnum)
        || (has(ALPHANUMERIC) && alnum)
        || (has(NEWLINE) && newline)
        || (has(WORD) && alnum)
}

/// The first code point of each block of ten decimal digits above U+00FF that Parrot
/// knows without ICU (Unicode's `Nd` blocks of the scripts it lists).
const DIGIT_ZEROS: [u32; 22] = [
    0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0,
    0x0f20, 0x1040, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1b50, 0xff10,
];

fn is_decimal_digit(c: char) -> bool {
    let c = c as u32;
    DIGIT_ZEROS.iter().any(|&z| (z..z + 10).contains(&c))
}

/// Is the code point `c` in any of the classes `flags`?
pub fn is(flags: i64, c: u32) -> bool {
    match u8::try_from(c) {
        Ok(b) => latin1(b) & flags != 0,
        Err(_) => flags & ANY == ANY || char::from_u32(c).is_some_and(|ch| unicode(ch, flags)),
    }
}
