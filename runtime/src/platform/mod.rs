//! What differs between operating systems, in one place: every call that exists on one
//! family only goes through here, so the backends read the same on every platform (mio keeps
//! its OS code in `src/sys/` the same way).
//!
//! Each platform module provides the same items, picked here by `cfg`:
//!
//! | item | `unix` (Linux, the BSDs, macOS) | `windows` |
//! |---|---|---|
//! | [`read_at`] | `pread` (moves no position) | `ReadFile` at an offset (`seek_read`) |
//! | [`reader_at`] | a duplicate of the descriptor (`pread` leaves the shared offset alone) | the file opened again by path: `seek_read` moves the handle's pointer, so read-ahead gets a pointer of its own |
//! | [`dup_stdout`] | `dup(1)` | `DuplicateHandle` of the standard output handle |
//! | [`fd_path`], [`fd_metadata`] | `/dev/fd/N` | `fdopen` and `stat` of 0–2 by handle (0–2 are the stdio backend's); other numbers are not supported |
//! | [`stat_field`], [`stat_unsupported`] | `struct stat` fields | Parrot's `src/platform/win32/file.c`: times from the attribute data, mode 0777, "STAT_UID not supported" and the like |
//! | [`socket_setup`] | close-on-exec, `SO_REUSEADDR`, `SO_REUSEPORT` | not inherited already; `SO_REUSEADDR` left off (Windows rebinds without it, and its own would share a busy port); no `SO_REUSEPORT` |
//! | [`uds`] | mio's Unix-domain sockets | stand-ins whose constructors fail: "not supported on this platform" |
//!
//! None of this is on the interpreter's path: these are calls made when a file or socket is
//! opened, or on a worker thread.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::*;

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub(crate) use windows::*;

/// The error of a facility this platform does not have: says so, in words a program can
/// print.
#[allow(dead_code)] // Unix has every facility.
pub(crate) fn unsupported(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Unsupported, format!("{what} are not supported on this platform"))
}
