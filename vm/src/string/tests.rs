use super::*;

fn s(text: &str, enc: Encoding) -> Str {
    let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
    match Str::from_code_points(&cps, enc) {
        Ok(s) => s,
        Err(e) => panic!("{text:?} in {enc:?}: {e:?}"),
    }
}

#[test]
fn numbers_and_names_round_trip() {
    for (i, e) in Encoding::ALL.iter().enumerate() {
        assert_eq!(e.number(), i as i64);
        assert_eq!(Encoding::from_number(i as i64), Some(*e));
        assert_eq!(Encoding::from_name(e.name()), Some(*e));
    }
    assert_eq!(Encoding::from_number(7), None);
    assert_eq!(Encoding::from_number(-1), None);
    assert_eq!(Encoding::from_name("unicode"), Some(Encoding::Utf8));
    assert_eq!(Encoding::from_name("latin1"), None);
}

#[test]
fn equal_hash_and_order_follow_code_points() {
    use std::hash::{BuildHasher, RandomState};
    let st = RandomState::new();
    let latin = s("infix:\u{b1}", Encoding::Latin1);
    for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Ucs2, Encoding::Ucs4] {
        let u = s("infix:\u{b1}", enc);
        assert_eq!(latin, u);
        assert_eq!(st.hash_one(&latin), st.hash_one(&u));
    }
    // Same bytes, different characters.
    assert_ne!(Str::from_bytes(b"\xc3\xa4", Encoding::Latin1), s("\u{e4}", Encoding::Utf8));
    assert!(s("a\u{fc}b 1", Encoding::Latin1) < s("a\u{fc}b 2", Encoding::Utf8));
    assert!(s("", Encoding::Utf8) < s("a", Encoding::Ucs2));
}

#[test]
fn byte_lengths_per_encoding() {
    let text = "a\u{babe}\u{10101}";
    assert_eq!(s(text, Encoding::Utf8).byte_length(), 1 + 3 + 4);
    assert_eq!(s(text, Encoding::Utf16).byte_length(), 2 + 2 + 4);
    assert_eq!(s(text, Encoding::Ucs4).byte_length(), 12);
    assert_eq!(s(text, Encoding::Utf16).encoded().len(), 8);
    assert_eq!(s("ab", Encoding::Ucs2).byte_length(), 4);
}

#[test]
fn transcoding_checks_what_fits() {
    let u = s("abc_\u{e4}_", Encoding::Utf8);
    let l = u.transcode(Encoding::Latin1).unwrap();
    assert_eq!(l.as_bytes(), b"abc_\xe4_");
    assert!(u.transcode(Encoding::Ascii).is_err());
    assert!(s("\u{10101}", Encoding::Utf16).transcode(Encoding::Ucs2).is_err());
    assert_eq!(l.transcode(Encoding::Ucs4).unwrap().char_len(), 6);
    assert!(Str::from_code_points(&[0xfdda], Encoding::Utf16).is_err());
    assert!(Str::from_code_points(&[0x12345], Encoding::Ucs2).is_err());
    assert!(Str::from_code_points(&[0x80], Encoding::Ascii).is_err());
}

#[test]
fn concat_picks_parrots_encoding() {
    let a = Str::from("ab");
    assert_eq!(a.concat(&s("c", Encoding::Utf8)).encoding(), Encoding::Ascii);
    assert_eq!(a.concat(&s("\u{e9}", Encoding::Utf8)).encoding(), Encoding::Utf8);
    let l = s("\u{f6}", Encoding::Latin1);
    let mixed = l.concat(&s("\u{263b}", Encoding::Utf8));
    assert_eq!(mixed, s("\u{f6}\u{263b}", Encoding::Utf8));
    assert_eq!(l.concat(&s("x", Encoding::Ucs2)).encoding(), Encoding::Utf16);
    let mut m = l.clone();
    m.append(&s("\u{263b}", Encoding::Ucs4));
    assert_eq!(m.encoding(), Encoding::Ucs4);
    assert_eq!(m.char_len(), 2);
}

#[test]
fn latin1_classes() {
    use cclass::*;
    assert_eq!(latin1(b'\t'), 0x0320);
    assert_eq!(latin1(b'\n'), 0x1220);
    assert_eq!(latin1(b' '), 0x0160);
    assert_eq!(latin1(b'!'), 0x04c0);
    assert_eq!(latin1(b'0'), 0x28d8);
    assert_eq!(latin1(b'A'), 0x28d5);
    assert_eq!(latin1(b'G'), 0x28c5);
    assert_eq!(latin1(b'a'), 0x28d6);
    assert_eq!(latin1(b'_'), 0x24c0);
    assert_eq!(latin1(0xa0), 0x04e0);
    assert_eq!(latin1(0xd7), 0x04c0);
    assert_eq!(latin1(0xdf), 0x28c6);
    assert!(is(WHITESPACE, 0x2000));
    assert!(!is(WHITESPACE, 0x207b));
    assert!(is(NUMERIC, 0x17e1));
    assert!(is(ANY, 0x10000));
}
