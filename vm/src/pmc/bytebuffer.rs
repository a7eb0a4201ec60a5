//! ByteBuffer: a mutable buffer of bytes (Parrot's src/pmc/bytebuffer.pmc). `set P, S`
//! takes a string's bytes; `P[i]` is a byte; `get_string(encoding)` makes a string of the
//! bytes in an encoding, checking them as that encoding's scan does.

use super::{Elem, Heap, KeyVal, PmcData, PmcRef, Reply, Slots};
use crate::error::{types, Exc};
use crate::string::{utf8, Encoding, Str};

/// A string in `enc` made of `bytes`, checked as Parrot's `Parrot_str_new_init` checks them.
/// The two-byte and four-byte encodings are read in little-endian order, as Parrot holds
/// them on the machines Kea runs on.
pub fn string_of(bytes: &[u8], enc: Encoding) -> Result<Str, Exc> {
    match enc {
        Encoding::Utf8 => utf8::scan(bytes).map(|()| Str::from_vec(bytes.to_vec(), Encoding::Utf8)),
        Encoding::Ascii if bytes.iter().any(|b| *b >= 0x80) => {
            Err(Exc::new(types::EXCEPTION_INVALID_CHARACTER, "Invalid character in ASCII string"))
        }
        Encoding::Utf16 | Encoding::Ucs2 | Encoding::Ucs4 => {
            let width = if enc == Encoding::Ucs4 { 4 } else { 2 };
            if !bytes.len().is_multiple_of(width) {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_STRING_REPRESENTATION,
                    format!("Unaligned end in {} string", enc.name()),
                ));
            }
            let units: Vec<u32> = bytes
                .chunks(width)
                .map(|c| {
                    if width == 4 {
                        u32::from_le_bytes([c[0], c[1], c[2], c[3]])
                    } else {
                        u32::from(u16::from_le_bytes([c[0], c[1]]))
                    }
                })
                .collect();
            let cps = if enc == Encoding::Utf16 { join_surrogates(&units, enc)? } else { units };
            Str::from_code_points(&cps, enc)
        }
        enc => Ok(Str::from_vec(bytes.to_vec(), enc)),
    }
}

/// UTF-16 units as code points: a high surrogate followed by a low one is one code point.
fn join_surrogates(units: &[u32], enc: Encoding) -> Result<Vec<u32>, Exc> {
    let mut out = Vec::with_capacity(units.len());
    let mut it = units.iter().copied().peekable();
    while let Some(u) = it.next() {
        if (0xd800..0xdc00).contains(&u) {
            match it.next() {
                Some(lo) if (0xdc00..0xe000).contains(&lo) => out.push(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00)),
                _ => {
                    return Err(Exc::new(
                        types::EXCEPTION_INVALID_CHARACTER,
                        format!("Invalid character in {} string", enc.name()),
                    ))
                }
            }
        } else {
            out.push(u);
        }
    }
    Ok(out)
}

/// ByteBuffer's slots: `P[i]` is a byte; past the end, 0 (src/pmc/bytebuffer.pmc).
pub(super) const SLOTS: Slots = Slots {
    get_keyed: Some(|_, d, k| match (d, k) {
        (PmcData::ByteBuffer(b), KeyVal::Int(i)) => {
            Ok(Elem::I(super::array::index_of(*i, b.len()).map_or(0, |ix| i64::from(b[ix]))))
        }
        (d, _) => Err(Exc::unsupported("get_integer_keyed_str", d.class_name())),
    }),
    ..Slots::NONE
};

/// ByteBuffer methods: `get_string(encoding)`, `get_string_as(like)`.
pub(super) fn methods(heap: &mut Heap, b: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Reply, Exc>> {
    let PmcData::ByteBuffer(bytes) = heap.get(b) else { return None };
    let enc = match (name.as_bytes(), args) {
        (b"get_string", [e]) => {
            let e = match heap.elem_str(e) {
                Ok(e) => e,
                Err(x) => return Some(Err(x)),
            };
            match Encoding::from_name(&e.to_text()) {
                Some(enc) => enc,
                None => return Some(Err(Exc::new(types::EXCEPTION_INVALID_ENCODING, "Invalid encoding"))),
            }
        }
        (b"get_string_as", [e]) => match heap.elem_str(e) {
            Ok(s) if !s.is_null() => s.encoding(),
            Ok(_) => Encoding::Utf8,
            Err(x) => return Some(Err(x)),
        },
        (b"get_string_as", []) => Encoding::Utf8,
        (b"get_string" | b"get_string_as", _) => {
            return Some(Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("ByteBuffer.{name}: wrong number of arguments ({})", args.len()),
            )))
        }
        _ => return None,
    };
    Some(string_of(bytes, enc).map(|s| Reply::Value(Some(Elem::S(s)))))
}
