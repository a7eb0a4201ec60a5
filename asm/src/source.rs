//! Source bytes to text. Kea reads source as UTF-8, but Parrot reads bytes, and its programs
//! may hold raw latin-1 bytes where a literal says so: `iso-8859-1:"T\xd6tsch"` with the `Ö`
//! as the single byte 0xd6 (`t/op/string_cs.t`). Such a byte, where it is not part of valid
//! UTF-8, is read as the latin-1 character of that value (so the literal's characters are the
//! ones Parrot sees) when it stands after an `iso-8859-1:"`, `latin1:"` or `binary:"` prefix
//! or after a `#` on its line. Anywhere else it is still an error: in a plain `"..."` literal
//! Parrot would reject it too, and elsewhere the file is most likely not text in UTF-8.

/// The text of a source file, or why it is not text: see the module doc.
pub fn decode_source(bytes: &[u8]) -> Result<String, String> {
    let first_bad = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) => e.valid_up_to(),
    };
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut rest = bytes;
    let mut at = 0;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let bad_len = e.error_len().unwrap_or(rest.len() - good);
                let line_start = out.rfind('\n').map_or(0, |i| i + 1);
                if !latin1_allowed(&out[line_start..]) {
                    return Err(not_utf8(first_bad.min(at + good)));
                }
                for &b in &rest[good..good + bad_len] {
                    out.push(char::from(b));
                }
                at += good + bad_len;
                rest = &rest[good + bad_len..];
            }
        }
    }
    Ok(out)
}

fn not_utf8(offset: usize) -> String {
    format!("file is not valid UTF-8 (first bad byte at offset {offset})")
}

/// May a raw byte follow this much of its line: inside a one-byte-encoded literal, or in a
/// comment?
fn latin1_allowed(line: &str) -> bool {
    let mut open: Option<bool> = None; // Some(one_byte) inside a "..." literal
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match open {
            Some(_) if c == b'\\' => i += 1,
            Some(_) if c == b'"' => open = None,
            Some(_) => {}
            None if c == b'#' => return true,
            None if c == b'\'' => {
                // A single-quoted literal holds no `"`; skip it whole.
                match line[i + 1..].find('\'') {
                    Some(k) => i += k + 1,
                    None => return false,
                }
            }
            None if c == b'"' => {
                let prefix =
                    line[..i].rsplit(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' || ch == ':'));
                let prefix = prefix.into_iter().next().unwrap_or("");
                open = Some(matches!(prefix, "iso-8859-1:" | "latin1:" | "binary:"));
            }
            None => {}
        }
        i += 1;
    }
    open == Some(true)
}

#[cfg(test)]
mod tests {
    use super::decode_source;

    #[test]
    fn latin1_bytes_only_in_one_byte_literals_and_comments() {
        assert_eq!(decode_source(b"say iso-8859-1:\"T\xd6tsch\"\n").unwrap(), "say iso-8859-1:\"T\u{d6}tsch\"\n");
        assert!(decode_source(b"# caf\xe9\nsay 1\n").is_ok());
        assert!(decode_source(b"say \"caf\xe9\"\n").unwrap_err().contains("not valid UTF-8"));
        assert!(decode_source(b"say caf\xe9\n").unwrap_err().contains("offset 7"));
        assert_eq!(decode_source("é".as_bytes()).unwrap(), "é");
    }

    #[test]
    fn a_latin1_literal_is_one_byte_per_character() {
        let text = decode_source(b"set S0, iso-8859-1:\"\xc4\xd6\"\nend\n").unwrap();
        let code = crate::assemble_str("l.pasm", &text).unwrap();
        let s = code.strs.iter().find(|s| s.encoding() == kea_vm::string::Encoding::Latin1).unwrap();
        assert_eq!(s.as_bytes(), b"\xc4\xd6");
    }
}
