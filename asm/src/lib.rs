//! # kea-asm: Parrot assembly to Kea code
//!
//! Turns PASM text into a verified [`kea_vm::code::Code`]: a `logos` lexer ([`lexer`]) with a
//! line pre-pass for POD and heredocs, a line-at-a-time parser that selects op variants from
//! the operand kinds (`add I0, I1, 5` is `add_i_i_ic`), resolves labels per sub, expands
//! `.macro`s and `.macro_const`s, follows `.include`, and reports **every** error with a span.
//!
//! ```
//! let code = kea_asm::assemble_str("hello.pasm", "say \"hi\"\nend\n").unwrap();
//! assert_eq!(code.ops.len(), 2);
//! let err = kea_asm::assemble_str("bad.pasm", "frobnicate I0\nadd I0, S1\n").unwrap_err();
//! assert_eq!(err.errors.len(), 2);
//! ```
#![warn(missing_docs)]

mod error;
pub mod lexer;
mod parser;
mod source;
mod strings;

pub use error::{AsmError, AsmErrorKind, AsmFailure};
pub use parser::{Resolver, MAX_ERRORS, MAX_NESTING, MAX_REGS};
pub use source::decode_source;

use kea_vm::code::Code;
use std::path::Path;

/// Kea's copies of Parrot's constant and macro files, found by `.include` when the including
/// file's folder has no file of that name.
pub const BUNDLED: &[(&str, &str)] = &[
    ("call_bits.pasm", include_str!("../include/call_bits.pasm")),
    ("cclass.pasm", include_str!("../include/cclass.pasm")),
    ("cloneflags.pasm", include_str!("../include/cloneflags.pasm")),
    ("datatypes.pasm", include_str!("../include/datatypes.pasm")),
    ("dlopenflags.pasm", include_str!("../include/dlopenflags.pasm")),
    ("errors.pasm", include_str!("../include/errors.pasm")),
    ("except_severity.pasm", include_str!("../include/except_severity.pasm")),
    ("except_types.pasm", include_str!("../include/except_types.pasm")),
    ("fp_equality.pasm", include_str!("../include/fp_equality.pasm")),
    ("hash_key_type.pasm", include_str!("../include/hash_key_type.pasm")),
    ("iglobals.pasm", include_str!("../include/iglobals.pasm")),
    ("interpcores.pasm", include_str!("../include/interpcores.pasm")),
    ("interpdebug.pasm", include_str!("../include/interpdebug.pasm")),
    ("interpflags.pasm", include_str!("../include/interpflags.pasm")),
    ("interpinfo.pasm", include_str!("../include/interpinfo.pasm")),
    ("interptrace.pasm", include_str!("../include/interptrace.pasm")),
    ("iterator.pasm", include_str!("../include/iterator.pasm")),
    ("libpaths.pasm", include_str!("../include/libpaths.pasm")),
    ("longopt.pasm", include_str!("../include/longopt.pasm")),
    ("packfile_annotation_keytype.pasm", include_str!("../include/packfile_annotation_keytype.pasm")),
    ("packfile_segments.pasm", include_str!("../include/packfile_segments.pasm")),
    ("pmctypes.pasm", include_str!("../include/pmctypes.pasm")),
    ("signal.pasm", include_str!("../include/signal.pasm")),
    ("socket.pasm", include_str!("../include/socket.pasm")),
    ("stat.pasm", include_str!("../include/stat.pasm")),
    ("stdio.pasm", include_str!("../include/stdio.pasm")),
    ("stringinfo.pasm", include_str!("../include/stringinfo.pasm")),
    ("sysinfo.pasm", include_str!("../include/sysinfo.pasm")),
    ("timer.pasm", include_str!("../include/timer.pasm")),
    ("tm.pasm", include_str!("../include/tm.pasm")),
    ("warnings.pasm", include_str!("../include/warnings.pasm")),
];

/// A bundled constant file by name.
pub fn bundled(name: &str) -> Option<&'static str> {
    BUNDLED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// The default `.include` search: the including file's folder, then [`BUNDLED`].
pub fn resolve_include(name: &str, from: &str) -> Result<(String, String), String> {
    let dir = Path::new(from).parent().unwrap_or(Path::new(""));
    let path = dir.join(name);
    match std::fs::read(&path) {
        Ok(bytes) => match decode_source(&bytes) {
            Ok(text) => Ok((path.to_string_lossy().into_owned(), text)),
            Err(e) => Err(e),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match bundled(name) {
            Some(text) => Ok((format!("<kea>/{name}"), text.to_string())),
            None => Err("no such file here or among Kea's bundled constant files".into()),
        },
        Err(e) => Err(e.to_string()),
    }
}

/// Assembles `text` (named `name` in diagnostics) with a custom include resolver.
pub fn assemble(name: &str, text: &str, resolve: Resolver<'_>) -> Result<Code, AsmFailure> {
    parser::Asm::new(resolve).assemble(name, text)
}

/// Assembles `text` with the default include search.
pub fn assemble_str(name: &str, text: &str) -> Result<Code, AsmFailure> {
    assemble(name, text, &resolve_include)
}
