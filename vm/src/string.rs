//! Kea's string value: an immutable byte string with an encoding tag.
//!
//! ## Why bytes plus a tag
//! Parrot strings carry an encoding; data read from a handle is binary until the handle says
//! otherwise, and literals are ASCII unless written `utf8:"..."`. Keeping the bytes and the tag
//! lets `print` write exactly what was read, while `length`, `substr` and friends count code
//! points for UTF-8 and bytes for everything else (DESIGN §2, "strings").

use std::fmt;
use std::rc::Rc;

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
    /// Raw bytes.
    Binary,
}

impl Encoding {
    /// Parrot's name for the encoding.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Null => "null",
            Encoding::Ascii => "ascii",
            Encoding::Utf8 => "utf8",
            Encoding::Latin1 => "iso-8859-1",
            Encoding::Binary => "binary",
        }
    }
    /// The encoding named by a literal prefix or the `encoding` method.
    pub fn from_name(name: &str) -> Option<Encoding> {
        Some(match name {
            "ascii" => Encoding::Ascii,
            "utf8" | "unicode" => Encoding::Utf8,
            "iso-8859-1" | "latin1" => Encoding::Latin1,
            "binary" => Encoding::Binary,
            _ => return None,
        })
    }
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
    /// A string from bytes with the given encoding.
    pub fn from_bytes(bytes: &[u8], enc: Encoding) -> Str {
        if bytes.is_empty() && enc != Encoding::Null {
            return Str { enc, ..Str::empty() };
        }
        Str { bytes: Rc::new(bytes.to_vec()), enc }
    }
    /// A string from owned bytes.
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
    /// `self := self . other`, in place when this is the only reference to the bytes.
    pub fn append(&mut self, other: &Str) {
        if other.is_empty() && !self.is_null() {
            return;
        }
        let enc = Str::join_encoding(self.enc, other.enc);
        match Rc::get_mut(&mut self.bytes) {
            Some(v) => v.extend_from_slice(&other.bytes),
            None => *self = self.concat(other),
        }
        self.enc = enc;
    }
    /// An ASCII string if `s` is ASCII, UTF-8 otherwise.
    pub fn from_text(s: &str) -> Str {
        let enc = if s.is_ascii() { Encoding::Ascii } else { Encoding::Utf8 };
        Str::from_bytes(s.as_bytes(), enc)
    }
    /// The raw bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
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
    fn is_utf8(&self) -> bool {
        self.enc == Encoding::Utf8
    }
    /// The text, decoding invalid UTF-8 lossily and other encodings byte by byte.
    pub fn to_text(&self) -> String {
        match self.enc {
            Encoding::Utf8 | Encoding::Ascii | Encoding::Null => String::from_utf8_lossy(&self.bytes).into_owned(),
            Encoding::Latin1 | Encoding::Binary => self.bytes.iter().map(|&b| b as char).collect(),
        }
    }
    /// The characters as code points.
    pub fn chars(&self) -> Vec<u32> {
        if self.is_utf8() {
            String::from_utf8_lossy(&self.bytes).chars().map(|c| c as u32).collect()
        } else {
            self.bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }
    /// Length in characters (code points for UTF-8, bytes otherwise).
    pub fn char_len(&self) -> usize {
        if self.is_utf8() {
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
        if !self.is_utf8() {
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
        let b1 = if self.is_utf8() {
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
    /// The encoding of the concatenation of two strings.
    pub fn join_encoding(a: Encoding, b: Encoding) -> Encoding {
        use Encoding::*;
        match (a, b) {
            (Null, x) | (x, Null) => {
                if x == Null {
                    Ascii
                } else {
                    x
                }
            }
            (x, y) if x == y => x,
            (Ascii, x) | (x, Ascii) => x,
            (Utf8, _) | (_, Utf8) => Utf8,
            _ => Binary,
        }
    }
    /// `self . other`.
    pub fn concat(&self, other: &Str) -> Str {
        if other.is_empty() && !self.is_null() {
            return self.clone();
        }
        if self.is_empty() && !other.is_null() {
            return other.clone();
        }
        let enc = Str::join_encoding(self.enc, other.enc);
        let mut v = Vec::with_capacity(self.bytes.len() + other.bytes.len());
        v.extend_from_slice(&self.bytes);
        v.extend_from_slice(&other.bytes);
        Str::from_vec(v, enc)
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
    /// A string from code points, in this string's encoding family.
    pub fn from_chars(chars: &[u32], like: Encoding) -> Str {
        if like == Encoding::Utf8 || chars.iter().any(|&c| c > 0xFF) {
            let s: String = chars.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
            let enc = if s.is_ascii() && like != Encoding::Utf8 { Encoding::Ascii } else { Encoding::Utf8 };
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
        self.bytes == other.bytes
    }
}
impl Eq for Str {}
impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.bytes.hash(h)
    }
}
impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Str {
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        self.bytes.cmp(&other.bytes)
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
