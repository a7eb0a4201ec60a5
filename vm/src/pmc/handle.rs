//! FileHandle and StringHandle: a runtime file and an in-memory one, which answer the same
//! ops and methods.

use crate::string::Str;

/// A FileHandle: the runtime's handle number plus what Parrot keeps on the PMC.
#[derive(Clone, Debug)]
pub struct FileHandleData {
    /// The runtime's handle id (0, 1, 2 are stdin, stdout, stderr).
    pub id: u32,
    /// The path it was opened with.
    pub path: Str,
    /// The mode string.
    pub mode: Str,
    /// Set by `close`.
    pub closed: bool,
    /// Set when a read hit end of file.
    pub eof: bool,
    /// What `readline` reads up to (`record_separator`).
    pub sep: Str,
    /// `encoding('utf8')`: data read is utf8 text rather than binary.
    pub utf8: bool,
    /// `buffer_type`: `unbuffered`, `line-buffered` or `full-buffered`.
    pub buffer: Str,
}

impl FileHandleData {
    /// An open handle.
    pub fn new(id: u32, path: Str, mode: Str) -> FileHandleData {
        FileHandleData {
            id,
            path,
            mode,
            closed: false,
            eof: false,
            sep: Str::from("\n"),
            utf8: false,
            buffer: Str::from("full-buffered"),
        }
    }
}

/// A StringHandle: an in-memory file (Parrot's `StringHandle` PMC).
#[derive(Clone, Debug, Default)]
pub struct StringHandleData {
    /// The contents.
    pub data: Vec<u8>,
    /// The read/write position.
    pub pos: usize,
    /// Set by `close`; `open` clears it.
    pub closed: bool,
    /// The mode it was opened with.
    pub mode: Str,
    /// `encoding('utf8')` makes reads utf8 strings.
    pub utf8: bool,
}
