//! IO ops as requests. The VM never touches the OS: an IO op describes what it wants as an
//! [`IoRequest`], the task stops with [`super::Step::Io`], the host performs it (blocking or
//! not is the host's business), and [`Vm::complete_io`] delivers the result into the task.

use super::{IoDst, Task, Vm};
use crate::error::{types, Exc};
use crate::pmc::{FileHandleData, PVal, PmcData, PmcRef};
use crate::string::Str;

/// What an IO op asks the host to do.
#[derive(Debug, Clone)]
pub enum IoRequest {
    /// Write bytes to a handle (0 stdin, 1 stdout, 2 stderr, others from `Open`).
    Write {
        /// The handle.
        handle: u32,
        /// The bytes.
        data: Str,
    },
    /// Read up to `count` bytes.
    Read {
        /// The handle.
        handle: u32,
        /// The most bytes to return.
        count: usize,
    },
    /// Read one line, keeping its newline.
    ReadLine {
        /// The handle.
        handle: u32,
    },
    /// Open a file; the result is a new handle.
    Open {
        /// The path.
        path: Str,
        /// Parrot's mode letters (`r w a p b`).
        mode: Str,
    },
    /// Close a handle.
    Close {
        /// The handle.
        handle: u32,
    },
    /// Sleep (parks the task; a plain blocking sleep until the scheduler exists).
    Sleep {
        /// Seconds.
        secs: f64,
    },
}

impl IoRequest {
    pub(super) fn write(handle: u32, s: String) -> IoRequest {
        IoRequest::Write { handle, data: Str::from(s) }
    }
    pub(super) fn write_str(handle: u32, data: Str) -> IoRequest {
        IoRequest::Write { handle, data }
    }
}

/// What the host reports back.
#[derive(Debug, Clone)]
pub enum IoResult {
    /// Done, nothing to deliver.
    Done,
    /// Data read; `eof` when the handle reached end of file.
    Data {
        /// The bytes read (empty at end of file).
        data: Str,
        /// End of file reached.
        eof: bool,
    },
    /// A new handle from `Open`.
    Opened {
        /// The host's handle id.
        handle: u32,
        /// The path opened.
        path: Str,
        /// The mode.
        mode: Str,
    },
    /// The operation failed; the message is what the program's exception says.
    Failed(String),
}

impl Vm {
    /// Delivers the result of the task's pending IO op. A failure raises a catchable exception
    /// in the task; if nothing catches it, the returned step ends the task.
    pub fn complete_io(&mut self, task: &mut Task, result: IoResult) -> Result<(), super::Step> {
        let dst = task.io_dst.take().unwrap_or(IoDst::None);
        match (result, dst) {
            (IoResult::Failed(msg), _) => {
                // The op failed: report it at the op, not after it.
                if let Some(f) = task.frames.last_mut() {
                    f.pc = f.pc.saturating_sub(1);
                }
                self.raise(task, Exc::new(types::EXCEPTION_PIO_ERROR, msg))?;
            }
            (IoResult::Data { data, eof }, IoDst::S(r, handle)) => {
                if let Some(f) = task.frames.last_mut() {
                    f.s[r as usize] = data;
                }
                if let Some(PmcData::FileHandle(h)) = handle.map(|h| self.heap.get_mut(h)) {
                    h.eof = eof;
                }
            }
            (IoResult::Opened { handle, path, mode }, IoDst::P(r)) => {
                let p = self.heap.alloc(PmcData::FileHandle(Box::new(FileHandleData {
                    id: handle,
                    path,
                    mode,
                    closed: false,
                    eof: false,
                })));
                if let Some(f) = task.frames.last_mut() {
                    f.p[r as usize] = Some(p);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The FileHandle PMC for stdin (0), stdout (1) or stderr (2).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn std_handle(&mut self, fd: usize) -> PmcRef {
        if let Some(p) = self.std_handles[fd] {
            return p;
        }
        let (path, mode) = match fd {
            0 => ("stdin", "r"),
            1 => ("stdout", "w"),
            _ => ("stderr", "w"),
        };
        let p = self.heap.alloc(PmcData::FileHandle(Box::new(FileHandleData {
            id: fd as u32,
            path: Str::from(path),
            mode: Str::from(mode),
            closed: false,
            eof: false,
        })));
        self.std_handles[fd] = Some(p);
        p
    }

    /// The host handle id of a FileHandle PMC; `open` requires it not closed.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn handle_id(&self, p: PVal, open: bool) -> Result<u32, Exc> {
        match p.map(|r| self.heap.get(r)) {
            Some(PmcData::FileHandle(h)) => {
                if open && h.closed {
                    Err(Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation on a closed filehandle"))
                } else {
                    Ok(h.id)
                }
            }
            Some(d) => Err(Exc::new(types::EXCEPTION_PIO_ERROR, format!("{} is not a handle", d.class_name()))),
            None => Err(Exc::null_access("IO")),
        }
    }

    /// The text `print`/`say` write for a PMC (a null PMC throws, as in Parrot).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn print_string(&self, p: PVal, op: &str) -> Result<Str, Exc> {
        if p.is_none() {
            return Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, format!("Null PMC in {op}")));
        }
        self.heap.get_string(p)
    }
}
