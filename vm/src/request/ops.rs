//! One constructor per IO operation. The op form (`interp/io.rs`) and the method form
//! (`pmc/handle.rs`, `pmc/socket.rs`) of an operation both build its [`IoOp`] here, so they
//! check their arguments the same way and ask the same thing; `ask.rs` then makes the
//! request. An op on a handle is built before the handle's host id is known: it carries
//! [`UNSET`] until `ask.rs` points it at the handle (`IoOp::on`).

use crate::error::{types, Exc};
use crate::host::IoOp;
use crate::string::Str;

/// The handle of an op not yet pointed at one (and of an op a StringHandle serves).
pub(crate) const UNSET: u32 = u32::MAX;

/// `read`: at most `count` bytes. A negative count is Parrot's error (`src/io/api.c`,
/// `Parrot_io_read_s`).
pub(crate) fn read(count: i64) -> Result<IoOp, Exc> {
    match usize::try_from(count) {
        Ok(count) => Ok(IoOp::Read { handle: UNSET, count }),
        Err(_) => Err(Exc::new(
            types::EXCEPTION_INVALID_ARGUMENT,
            format!("Cannot read a negative number of bytes ({count})"),
        )),
    }
}

/// `readline`: up to and including `sep` (the handle's record separator unless given).
pub(crate) fn readline(sep: Str) -> IoOp {
    IoOp::ReadLine { handle: UNSET, sep }
}

/// `readall`: everything left.
pub(crate) fn readall() -> IoOp {
    IoOp::ReadAll { handle: UNSET }
}

/// `print`, `say`, `write`, `puts`: `data`, as it is.
pub(crate) fn write(data: Str) -> IoOp {
    IoOp::Write { handle: UNSET, data }
}

/// `peek`: the next byte, not consumed.
pub(crate) fn peek() -> IoOp {
    IoOp::Peek { handle: UNSET }
}

/// `seek`: to `offset` from the start (`whence` 0), the position (1) or the end (2).
pub(crate) fn seek(offset: i64, whence: i64) -> IoOp {
    IoOp::Seek { handle: UNSET, offset, whence }
}

/// `tell`: the position.
pub(crate) fn tell() -> IoOp {
    IoOp::Tell { handle: UNSET }
}

/// `close`.
pub(crate) fn close() -> IoOp {
    IoOp::Close { handle: UNSET }
}

/// `flush`.
pub(crate) fn flush() -> IoOp {
    IoOp::Flush { handle: UNSET }
}

/// `isatty`.
pub(crate) fn isatty() -> IoOp {
    IoOp::IsATty { handle: UNSET }
}

/// `open`: `path` with Parrot's mode letters; the answer is a handle.
pub(crate) fn open(path: Str, mode: Str) -> IoOp {
    IoOp::Open { path, mode }
}
