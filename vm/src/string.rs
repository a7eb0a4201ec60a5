//! Kea's string value: an immutable byte string with an encoding tag.
//!
//! ## Why bytes plus a tag
//! Parrot strings carry an encoding; data read from a handle is binary until the handle says
//! otherwise, and an all-ASCII literal is `ascii` unless written `utf8:"..."`. Keeping the
//! bytes and the tag lets `print` write exactly what was read, while `length`, `substr` and
//! friends count code points in every encoding.
//!
//! ## Why the wide encodings are held as UTF-8
//! Parrot has seven encodings (numbered as [`Encoding::number`] says): three of one byte a
//! character (`ascii`, `iso-8859-1`, `binary`) and four Unicode ones (`utf8`, `utf16`, `ucs2`,
//! `ucs4`). Kea keeps the bytes of the one-byte encodings as they are, and the text of every
//! Unicode encoding as UTF-8: the tag still says which one the program asked for, and
//! [`Str::byte_length`] and [`Str::encoded`] give the bytes that encoding would take. So
//! every op that walks characters has two cases, not seven, and a `utf16` string equals,
//! hashes and sorts like its `utf8` twin without a conversion.
//!
//! ## Equality across encodings
//! Two strings are equal when their code points are (`iso-8859-1:"\xe4" == utf8:"\xe4"`), as
//! in Parrot. Strings of the same family compare their bytes; mixed pairs compare their UTF-8
//! forms ([`Str::canonical`]), which is also what [`Hash`] hashes, so a Hash finds a key
//! whatever encoding it is looked up in (spec/strings, "Encodings").

use crate::error::{types, Exc};
use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

pub mod cclass;
pub mod utf8;

/// Max bytes of one string; larger results raise an exception instead of exhausting memory.
pub const MAX_STRING: usize = 1 << 30;

/// The encoding tag of a [`Str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Parrot's STRINGNULL: behaves as empty, but `isnull` sees it.
    Null,
    /// 7-bit ASCII (the default for literals).
    Ascii,
    /// UTF-8; `length` counts code points.
    Utf8,
    /// ISO-8859-1, one byte a character.
    Latin1,
    /// Raw bytes, one a character.
    Binary,
    /// UTF-16: two bytes a character, four for one beyond U+FFFF (held as UTF-8).
    Utf16,
    /// UCS-2: two bytes a character, U+FFFF at most (held as UTF-8).
    Ucs2,
    /// UCS-4: four bytes a character (held as UTF-8).
    Ucs4,
}

impl Encoding {
    /// Every encoding, in Parrot's numbering (`find_encoding`, `encodingname`).
    pub const ALL: [Encoding; 7] = [
        Encoding::Ascii,
        Encoding::Latin1,
        Encoding::Binary,
        Encoding::Utf8,
        Encoding::Utf16,
        Encoding::Ucs2,
        Encoding::Ucs4,
    ];

    /// Parrot's name for the encoding.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Null => "null",
            Encoding::Ascii => "ascii",
            Encoding::Utf8 => "utf8",
            Encoding::Latin1 => "iso-8859-1",
            Encoding::Binary => "binary",
            Encoding::Utf16 => "utf16",
            Encoding::Ucs2 => "ucs2",
            Encoding::Ucs4 => "ucs4",
        }
    }
    /// The encoding named by a literal prefix, `find_encoding` or the `encoding` method: a
    /// registered name, or one of Parrot's old aliases (`unicode`, `platform`, `fixed_8`).
    pub fn from_name(name: &str) -> Option<Encoding> {
        Some(match name {
            "ascii" | "fixed_8" => Encoding::Ascii,
            "utf8" | "unicode" | "platform" => Encoding::Utf8,
            "iso-8859-1" => Encoding::Latin1,
            "binary" => Encoding::Binary,
            "utf16" => Encoding::Utf16,
            "ucs2" => Encoding::Ucs2,
            "ucs4" => Encoding::Ucs4,
            _ => return None,
        })
    }
    /// Parrot's number for the encoding (the order it registers them in); the null string
    /// counts as the empty ASCII string it behaves as.
    pub fn number(self) -> i64 {
        match self {
            Encoding::Null | Encoding::Ascii => 0,
            Encoding::Latin1 => 1,
            Encoding::Binary => 2,
            Encoding::Utf8 => 3,
            Encoding::Utf16 => 4,
            Encoding::Ucs2 => 5,
            Encoding::Ucs4 => 6,
        }
    }
    /// The encoding with Parrot's number `n`.
    pub fn from_number(n: i64) -> Option<Encoding> {
        usize::try_from(n).ok().and_then(|i| Encoding::ALL.get(i).copied())
    }
    /// Is it one of the Unicode encodings (held as UTF-8)?
    pub fn is_unicode(self) -> bool {
        matches!(self, Encoding::Utf8 | Encoding::Utf16 | Encoding::Ucs2 | Encoding::Ucs4)
    }
    /// Is it one byte a character (ASCII, ISO-8859-1, binary)?
    pub fn is_fixed8(self) -> bool {
        matches!(self, Encoding::Null | Encoding::Ascii | Encoding::Latin1 | Encoding::Binary)
    }
    /// Do two strings in these encodings compare by their bytes? (UTF-8 text sorts by code
    /// point, and so do one-byte characters; ASCII is both.)
    fn same_family(a: Encoding, b: Encoding) -> bool {
        let text = |e: Encoding| e.is_unicode() || matches!(e, Encoding::Null | Encoding::Ascii);
        (text(a) && text(b)) || (a.is_fixed8() && b.is_fixed8())
    }
    /// The largest code point the encoding holds.
    fn max_code_point(self) -> u32 {
        match self {
            Encoding::Null | Encoding::Ascii => 0x7f,
            Encoding::Latin1 | Encoding::Binary => 0xff,
            Encoding::Ucs2 => 0xffff,
            Encoding::Utf8 | Encoding::Utf16 | Encoding::Ucs4 => 0x10ffff,
        }
    }
}

/// Is `c` a code point the Unicode encodings refuse: a surrogate, a noncharacter
/// (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF) or beyond U+10FFFF (Parrot's `UNICODE_IS_INVALID`)?
pub fn invalid_code_point(c: u32) -> bool {
    (0xd800..=0xdfff).contains(&c) || (0xfdd0..=0xfdef).contains(&c) || c & 0xfffe == 0xfffe || c > 0x10ffff
}

/// An immutable string: shared bytes plus an encoding tag. Cloning is a reference-count bump.
///
/// ## Why `Rc<Vec<u8>>`
/// Everyone who can see a string sees it unchanged. But appending to a string that nobody else
/// holds (`$S0 .= "x"` in a loop) may grow its buffer in place ([`Str::append`]), so a loop
/// of appends is linear rather than quadratic (bench/strings).
#[derive(Clone)]
pub struct Str {
    bytes: Rc<Vec<u8>>,
    enc: Encoding,
}

/// Large byte buffers given back by the collector, for IO reads to fill again: a program
/// that reads 1 MiB chunks in a loop reuses the same memory instead of faulting in fresh
/// pages for every read (bench/aio). Bounded in count and size.
static BUFFERS: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());
/// Buffers kept at most.
const POOL_COUNT: usize = 16;
/// The smallest and largest buffer worth keeping.
const POOL_MIN: usize = 64 * 1024;
const POOL_MAX: usize = 8 << 20;

/// An empty buffer with room for at least `n` bytes, from the pool when it has one.
pub fn take_buffer(n: usize) -> Vec<u8> {
    if n >= POOL_MIN {
        if let Ok(mut pool) = BUFFERS.lock() {
            if let Some(i) = pool.iter().position(|b| b.capacity() >= n) {
                let mut b = pool.swap_remove(i);
                b.clear();
                return b;
            }
        }
    }
    Vec::with_capacity(n)
}

/// Gives a buffer back to the pool (dropped if the pool is full or it is too small or big).
pub fn give_buffer(v: Vec<u8>) {
    if !(POOL_MIN..=POOL_MAX).contains(&v.capacity()) {
        return;
    }
    if let Ok(mut pool) = BUFFERS.lock() {
        if pool.len() < POOL_COUNT {
            pool.push(v);
        }
    }
}

thread_local! {
    static EMPTY: Rc<Vec<u8>> = Rc::new(Vec::new());
}

impl Str {
    /// The null string.
    pub fn null() -> Str {
        Str { bytes: EMPTY.with(Rc::clone), enc: Encoding::Null }
    }
    /// The empty (non-null) ASCII string.
    pub fn empty() -> Str {
        Str { bytes: EMPTY.with(Rc::clone), enc: Encoding::Ascii }
    }
    /// A string from bytes with the given encoding (for a Unicode encoding, UTF-8 bytes).
    pub fn from_bytes(bytes: &[u8], enc: Encoding) -> Str {
        if bytes.is_empty() && enc != Encoding::Null {
            return Str { enc, ..Str::empty() };
        }
        Str { bytes: Rc::new(bytes.to_vec()), enc }
    }
    /// A string from owned bytes (for a Unicode encoding, UTF-8 bytes).
    pub fn from_vec(bytes: Vec<u8>, enc: Encoding) -> Str {
        Str { bytes: Rc::new(bytes), enc }
    }
    /// Gives a large buffer that nothing else shares back to the IO pool.
    pub fn recycle(self) {
        if self.bytes.capacity() >= POOL_MIN {
            if let Ok(v) = Rc::try_unwrap(self.bytes) {
                give_buffer(v);
            }
        }
    }
    /// `self := self . other`, in place when this is the only reference to the bytes and
    /// `other` needs no conversion.
    pub fn append(&mut self, other: &Str) {
        if other.is_empty() && !self.is_null() {
            return;
        }
        let enc = Str::concat_encoding(self, other);
        if enc != self.enc && !self.bytes_fit(enc) {
            *self = self.concat(other);
            return;
        }
        match Rc::get_mut(&mut self.bytes) {
            Some(v) => other.push_as(enc, v),
            None => {
                *self = self.concat(other);
                return;
            }
        }
        self.enc = enc;
    }
    /// Are this string's bytes already right for a string in `enc`? (Unicode encodings
    /// share the UTF-8 form, and ASCII bytes are right everywhere.)
    fn bytes_fit(&self, enc: Encoding) -> bool {
        self.enc == enc
            || (self.enc.is_unicode() && enc.is_unicode())
            || (self.enc.is_fixed8() && enc.is_fixed8())
            || self.bytes.is_ascii()
    }
    /// Appends this string's characters to `out`, a buffer of a string in `enc`.
    fn push_as(&self, enc: Encoding, out: &mut Vec<u8>) {
        if self.bytes_fit(enc) || !enc.is_unicode() {
            out.extend_from_slice(&self.bytes);
        } else {
            // One-byte characters into UTF-8.
            for &b in self.bytes.iter() {
                let mut buf = [0u8; 4];
                out.extend_from_slice(char::from(b).encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    /// An ASCII string if `s` is ASCII, UTF-8 otherwise.
    pub fn from_text(s: &str) -> Str {
        let enc = if s.is_ascii() { Encoding::Ascii } else { Encoding::Utf8 };
        Str::from_bytes(s.as_bytes(), enc)
    }
    /// The bytes as Kea holds them: UTF-8 for the Unicode encodings.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
    /// The text as UTF-8 bytes, whatever the encoding: what equality and hashing compare
    /// between strings of different families.
    pub fn canonical(&self) -> Cow<'_, [u8]> {
        if self.enc.is_unicode() || self.bytes.is_ascii() {
            Cow::Borrowed(&self.bytes)
        } else {
            let mut v = Vec::with_capacity(self.bytes.len() * 2);
            self.push_as(Encoding::Utf8, &mut v);
            Cow::Owned(v)
        }
    }
    /// The bytes the string takes in its encoding: what Parrot's `bytelength` counts and a
    /// handle with no encoding of its own writes. UTF-16, UCS-2 and UCS-4 are in this
    /// machine's byte order, as Parrot keeps them.
    pub fn encoded(&self) -> Cow<'_, [u8]> {
        match self.enc {
            Encoding::Utf16 | Encoding::Ucs2 => {
                let mut v = Vec::with_capacity(self.bytes.len() * 2);
                for c in self.text_chars() {
                    let mut buf = [0u16; 2];
                    for u in c.encode_utf16(&mut buf) {
                        v.extend_from_slice(&u.to_ne_bytes());
                    }
                }
                Cow::Owned(v)
            }
            Encoding::Ucs4 => Cow::Owned(self.text_chars().flat_map(|c| (c as u32).to_ne_bytes()).collect()),
            _ => Cow::Borrowed(&self.bytes),
        }
    }
    /// Parrot's `bytelength`: the size of [`Str::encoded`].
    pub fn byte_length(&self) -> usize {
        match self.enc {
            Encoding::Utf16 => self.text_chars().map(|c| c.len_utf16() * 2).sum(),
            Encoding::Ucs2 => self.char_len() * 2,
            Encoding::Ucs4 => self.char_len() * 4,
            _ => self.bytes.len(),
        }
    }
    /// The characters of a Unicode string (invalid UTF-8, which only a handle read can
    /// bring, decodes as U+FFFD).
    fn text_chars(&self) -> impl Iterator<Item = char> + '_ {
        let s: Cow<'_, str> = String::from_utf8_lossy(&self.bytes);
        s.chars().collect::<Vec<_>>().into_iter()
    }
    /// Whether both are the very same string (Parrot's `issame` on S registers compares
    /// `STRING *` pointers): a copy of a register is, an equal string built apart is not.
    pub fn same(&self, other: &Str) -> bool {
        Rc::ptr_eq(&self.bytes, &other.bytes) && self.enc == other.enc
    }
    /// The encoding tag.
    pub fn encoding(&self) -> Encoding {
        self.enc
    }
    /// Is this Parrot's null string?
    pub fn is_null(&self) -> bool {
        self.enc == Encoding::Null
    }
    /// Is it empty (or null)?
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    /// The same bytes with another tag.
    pub fn with_encoding(&self, enc: Encoding) -> Str {
        Str { bytes: self.bytes.clone(), enc }
    }
    fn is_unicode(&self) -> bool {
        self.enc.is_unicode()
    }
    /// The text, decoding invalid UTF-8 lossily and other encodings byte by byte.
    pub fn to_text(&self) -> String {
        if self.is_unicode() || self.bytes.is_ascii() {
            String::from_utf8_lossy(&self.bytes).into_owned()
        } else {
            self.bytes.iter().map(|&b| b as char).collect()
        }
    }
    /// The characters as code points.
    pub fn chars(&self) -> Vec<u32> {
        if self.is_unicode() {
            String::from_utf8_lossy(&self.bytes).chars().map(|c| c as u32).collect()
        } else {
            self.bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }
    /// Length in characters (code points in every encoding).
    pub fn char_len(&self) -> usize {
        if self.is_unicode() {
            match std::str::from_utf8(&self.bytes) {
                Ok(s) => s.chars().count(),
                Err(_) => String::from_utf8_lossy(&self.bytes).chars().count(),
            }
        } else {
            self.bytes.len()
        }
    }
    /// Byte offset of character `idx` (`idx <= char_len`).
    fn byte_offset(&self, idx: usize) -> usize {
        if !self.is_unicode() {
            return idx.min(self.bytes.len());
        }
        let mut count = 0;
        for (i, &b) in self.bytes.iter().enumerate() {
            if b & 0xC0 != 0x80 {
                if count == idx {
                    return i;
                }
                count += 1;
            }
        }
        self.bytes.len()
    }
    /// The characters `start..start+len` (clamped to the end of the string).
    pub fn substring(&self, start: usize, len: usize) -> Str {
        let b0 = self.byte_offset(start);
        let b1 = if self.is_unicode() {
            self.byte_offset(start.saturating_add(len))
        } else {
            start.saturating_add(len).min(self.bytes.len())
        };
        Str::from_bytes(&self.bytes[b0..b1.max(b0)], self.content_encoding())
    }
    /// The encoding to give a string derived from this one.
    fn content_encoding(&self) -> Encoding {
        if self.enc == Encoding::Null {
            Encoding::Ascii
        } else {
            self.enc
        }
    }
    /// The encoding of `a . b`, as Parrot's `Parrot_str_concat` picks it: the same encoding
    /// stays; of two one-byte encodings the wider wins (ascii < iso-8859-1 < binary); a UTF-8
    /// string of ASCII characters joins an ASCII one as ASCII; anything else is upgraded to
    /// ucs4 if either side is, else to utf16 if either side is utf16 or ucs2, else to utf8.
    pub fn concat_encoding(a: &Str, b: &Str) -> Encoding {
        use Encoding::*;
        match (a.enc, b.enc) {
            (Null, Null) => Ascii,
            (Null, x) | (x, Null) => x,
            (x, y) if x == y => x,
            (x, y) if x.is_fixed8() && y.is_fixed8() => match (x, y) {
                (Ascii, z) | (z, Ascii) => z,
                _ => Binary,
            },
            (Utf8, Ascii) => {
                if a.bytes.is_ascii() {
                    Ascii
                } else {
                    Utf8
                }
            }
            (Ascii, Utf8) => {
                if b.bytes.is_ascii() {
                    Ascii
                } else {
                    Utf8
                }
            }
            (Ucs4, _) | (_, Ucs4) => Ucs4,
            (Utf16 | Ucs2, _) | (_, Utf16 | Ucs2) => Utf16,
            _ => Utf8,
        }
    }
    /// The encoding of joining strings of encodings `a` and `b` when only the tags are known
    /// (the contents of both are taken as needing their tag).
    pub fn join_encoding(a: Encoding, b: Encoding) -> Encoding {
        Str::concat_encoding(&Str { enc: a, ..Str::empty() }, &Str { enc: b, ..Str::empty() })
    }
    /// `self . other`.
    pub fn concat(&self, other: &Str) -> Str {
        if other.is_empty() && !self.is_null() {
            return self.clone();
        }
        if self.is_empty() && !other.is_null() {
            return other.clone();
        }
        let enc = Str::concat_encoding(self, other);
        let mut v = Vec::with_capacity(self.bytes.len() + other.bytes.len());
        self.push_as(enc, &mut v);
        other.push_as(enc, &mut v);
        Str::from_vec(v, enc)
    }
    /// Joins `parts` with `sep` between them; the encoding follows [`Str::concat_encoding`]
    /// pair by pair, as a chain of `concat`s would.
    pub fn join(sep: &Str, parts: &[Str]) -> Str {
        let mut out = Str::empty();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out.append(sep);
            }
            out.append(p);
        }
        out
    }
    /// The string in encoding `to` (Parrot's `trans_encoding`). One-byte encodings throw
    /// `Lossy conversion to single byte encoding` for a character they cannot hold, ucs2
    /// `Lossy conversion to UCS-2`.
    pub fn transcode(&self, to: Encoding) -> Result<Str, Exc> {
        if self.enc == to || self.is_null() {
            return Ok(self.clone());
        }
        let lossy = || {
            if to == Encoding::Ucs2 {
                Exc::new(types::EXCEPTION_INVALID_ENCODING, "Lossy conversion to UCS-2")
            } else {
                Exc::new(types::EXCEPTION_LOSSY_CONVERSION, "Lossy conversion to single byte encoding")
            }
        };
        if to.is_unicode() {
            if self.is_unicode() {
                if to == Encoding::Ucs2 && self.text_chars().any(|c| c as u32 > 0xffff) {
                    return Err(lossy());
                }
                return Ok(self.with_encoding(to));
            }
            let mut v = Vec::with_capacity(self.bytes.len());
            self.push_as(to, &mut v);
            return Ok(Str::from_vec(v, to));
        }
        let max = to.max_code_point();
        if self.enc.is_fixed8() {
            if max < 0xff && !self.bytes.is_ascii() {
                return Err(lossy());
            }
            return Ok(self.with_encoding(to));
        }
        let mut v = Vec::with_capacity(self.bytes.len());
        for c in self.text_chars() {
            if c as u32 > max {
                return Err(lossy());
            }
            v.push(c as u8);
        }
        Ok(Str::from_vec(v, to))
    }
    /// A string of code points in encoding `enc`, checked as Parrot checks a literal: a one-
    /// byte encoding takes no character beyond its range, a Unicode one no surrogate or
    /// noncharacter, ucs2 nothing beyond U+FFFF.
    pub fn from_code_points(cps: &[u32], enc: Encoding) -> Result<Str, Exc> {
        if let Some(&c) = cps.iter().find(|&&c| c > enc.max_code_point()) {
            return Err(Exc::new(
                types::EXCEPTION_INVALID_CHARACTER,
                format!("Invalid character {c:#x} for {} encoding", enc.name()),
            ));
        }
        if enc.is_unicode() {
            let mut s = String::with_capacity(cps.len());
            for &c in cps {
                match char::from_u32(c).filter(|_| !invalid_code_point(c)) {
                    Some(ch) => s.push(ch),
                    None => {
                        return Err(Exc::new(
                            types::EXCEPTION_INVALID_CHARACTER,
                            format!("Invalid character {c:#x} for {} encoding", enc.name()),
                        ))
                    }
                }
            }
            return Ok(Str::from_vec(s.into_bytes(), enc));
        }
        Ok(Str::from_vec(cps.iter().map(|&c| c as u8).collect(), enc))
    }
    /// The first character position of `needle` at or after character `start`, if any.
    pub fn find(&self, needle: &Str, start: usize) -> Option<usize> {
        let hay: Vec<u32> = self.chars();
        let nee: Vec<u32> = needle.chars();
        if start > hay.len() {
            return None;
        }
        if nee.is_empty() {
            return Some(start);
        }
        if nee.len() > hay.len() {
            return None;
        }
        (start..=hay.len() - nee.len()).find(|&i| hay[i..i + nee.len()] == nee[..])
    }
    /// The last character position of `needle` that starts at or before character `start`.
    pub fn rfind(&self, needle: &Str, start: usize) -> Option<usize> {
        let hay: Vec<u32> = self.chars();
        let nee: Vec<u32> = needle.chars();
        if nee.is_empty() || nee.len() > hay.len() {
            return None;
        }
        let last = (hay.len() - nee.len()).min(start);
        (0..=last).rev().find(|&i| hay[i..i + nee.len()] == nee[..])
    }
    /// A string from code points, in this string's encoding family.
    pub fn from_chars(chars: &[u32], like: Encoding) -> Str {
        if like.is_unicode() || chars.iter().any(|&c| c > 0xFF) {
            let s: String = chars.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
            let enc = if like.is_unicode() {
                like
            } else if s.is_ascii() {
                Encoding::Ascii
            } else {
                Encoding::Utf8
            };
            Str::from_vec(s.into_bytes(), enc)
        } else {
            let bytes: Vec<u8> = chars.iter().map(|&c| c as u8).collect();
            let enc = match like {
                Encoding::Null => Encoding::Ascii,
                e => e,
            };
            Str::from_vec(bytes, enc)
        }
    }
    /// Parrot's truth: not empty and not exactly `"0"`.
    pub fn truthy(&self) -> bool {
        !(self.bytes.is_empty() || &*self.bytes == b"0")
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        if Encoding::same_family(self.enc, other.enc) {
            self.bytes == other.bytes
        } else {
            self.canonical() == other.canonical()
        }
    }
}
impl Eq for Str {}
impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.canonical().hash(h)
    }
}
impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Str {
    /// By code point, as Parrot's `STRING_compare`: UTF-8 bytes sort in code point order.
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        if Encoding::same_family(self.enc, other.enc) {
            self.bytes.cmp(&other.bytes)
        } else {
            self.canonical().cmp(&other.canonical())
        }
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}
impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_text())
    }
}
impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str::from_text(s)
    }
}
impl From<String> for Str {
    fn from(s: String) -> Str {
        Str::from_text(&s)
    }
}

impl Default for Str {
    /// The empty string.
    fn default() -> Self {
        Str::empty()
    }
}

#[cfg(test)]
mod tests;
