//! Errors raised while running: [`Exc`] is an exception on its way to a handler (or to the
//! top, where it becomes a [`Trap`]).

use std::fmt;

/// Parrot's exception types used by the core (values from Parrot's `except_types.pasm`).
#[allow(missing_docs)]
pub mod types {
    pub const EXCEPTION_INVALID_STRING_REPRESENTATION: i64 = 2;
    pub const EXCEPTION_NOT_THROWABLE: i64 = 4;
    pub const EXCEPTION_UNIMPLEMENTED: i64 = 4;
    pub const EXCEPTION_NULL_REG_ACCESS: i64 = 5;
    pub const EXCEPTION_SUBSTR_OUT_OF_STRING: i64 = 7;
    pub const EXCEPTION_ORD_OUT_OF_STRING: i64 = 8;
    pub const EXCEPTION_INVALID_CHARACTER: i64 = 12;
    pub const EXCEPTION_INVALID_ENCODING: i64 = 14;
    pub const EXCEPTION_NEG_REPEAT: i64 = 16;
    pub const EXCEPTION_NEG_SLEEP: i64 = 18;
    pub const EXCEPTION_INVALID_OPERATION: i64 = 20;
    pub const EXCEPTION_PARROT_USAGE_ERROR: i64 = 26;
    pub const EXCEPTION_PIO_ERROR: i64 = 27;
    pub const EXCEPTION_DIV_BY_ZERO: i64 = 29;
    pub const EXCEPTION_INTERNAL_PANIC: i64 = 32;
    pub const EXCEPTION_OUT_OF_BOUNDS: i64 = 33;
    pub const EXCEPTION_ILL_INHERIT: i64 = 36;
    pub const EXCEPTION_NO_CLASS: i64 = 38;
    pub const EXCEPTION_GLOBAL_NOT_FOUND: i64 = 42;
    pub const EXCEPTION_METHOD_NOT_FOUND: i64 = 44;
    pub const EXCEPTION_ERR_OVERFLOW: i64 = 49;
    pub const EXCEPTION_LOSSY_CONVERSION: i64 = 50;
    pub const EXCEPTION_UNEXPECTED_NULL: i64 = 52;
    pub const EXCEPTION_LIBRARY_ERROR: i64 = 53;
    pub const EXCEPTION_DIE: i64 = 57;
    pub const EXCEPTION_ATTRIB_NOT_FOUND: i64 = 41;
    pub const EXCEPTION_INVALID_ARGUMENT: i64 = 20;
    pub const CONTROL_ERROR: i64 = 65540;
    pub const CONTROL_EXIT: i64 = 65543;
    /// Not Parrot's: the mark of [`super::Exc::interrupted`], an op the host's interrupt
    /// flag stopped (`interrupt.rs`). It acts only while the flag is raised.
    pub const KEA_INTERRUPTED: i64 = -0x4b45_4100;
}

/// Parrot's severities (`except_severity.pasm`).
#[allow(missing_docs)]
pub mod severity {
    pub const EXCEPT_NORMAL: i64 = 0;
    pub const EXCEPT_WARNING: i64 = 1;
    pub const EXCEPT_ERROR: i64 = 2;
    pub const EXCEPT_SEVERE: i64 = 3;
    pub const EXCEPT_FATAL: i64 = 4;
    pub const EXCEPT_DOOMED: i64 = 5;
    pub const EXCEPT_EXIT: i64 = 6;
}

/// An exception raised by an op, before it becomes an Exception PMC.
#[derive(Clone, Debug, PartialEq)]
pub struct Exc {
    /// Parrot's exception type (see [`types`]).
    pub kind: i64,
    /// Parrot's severity (see [`severity`]).
    pub severity: i64,
    /// The message, as Parrot words it.
    pub message: String,
    /// For an exit exception, the status to exit with.
    pub exit_code: i64,
}

impl Exc {
    /// An error of the given type.
    #[cold]
    pub fn new(kind: i64, message: impl Into<String>) -> Exc {
        Exc { kind, severity: severity::EXCEPT_ERROR, message: message.into(), exit_code: 0 }
    }
    /// "Divide by zero".
    #[cold]
    pub fn div_by_zero() -> Exc {
        Exc::new(types::EXCEPTION_DIV_BY_ZERO, "Divide by zero")
    }
    /// "Null PMC access in NAME()", NAME being the vtable slot the op called.
    #[cold]
    pub fn null_access(what: &str) -> Exc {
        Exc::new(types::EXCEPTION_NULL_REG_ACCESS, format!("Null PMC access in {what}()"))
    }
    /// An operation the PMC's type does not have.
    #[cold]
    pub fn unsupported(what: &str, class: &str) -> Exc {
        Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("{what}() not implemented in class '{class}'"))
    }
    /// "index out of bounds".
    #[cold]
    pub fn out_of_bounds() -> Exc {
        Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "index out of bounds")
    }
}

/// Where an op ran: code object name and pc, resolved to file:line by the host.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// The sub's name (`(main)` for a file without subs).
    pub sub: String,
    /// The source file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// The op index.
    pub pc: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' pc {} ({}:{})", self.sub, self.pc, self.file, self.line)
    }
}

/// An error that ended a task: an uncaught exception or a resource limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Trap {
    /// The message (first line of the report).
    pub message: String,
    /// Where each frame was.
    pub backtrace: Backtrace,
}

/// Parrot looks at no more frames than this for a backtrace (`RECURSION_LIMIT` in
/// `PDB_get_continuation_backtrace`, Parrot's `src/debug.c`).
pub const BACKTRACE_FRAMES: usize = 1000;

/// Where each frame of a task was, innermost first: what an uncaught exception and the
/// `backtrace` op print, in one format.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backtrace {
    /// The innermost [`BACKTRACE_FRAMES`] frames, innermost first.
    pub frames: Vec<Location>,
    /// How many outer frames were left out.
    pub older: usize,
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        write!(f, "{}", self.backtrace)
    }
}

/// Parrot's format (`PDB_get_continuation_backtrace` in `src/debug.c`, each line from
/// `Parrot_sub_Context_infostr` in `src/sub.c`): the top frame is the "current instr.", each
/// caller a "called from Sub" line, and a run of callers at the same sub and pc (recursion)
/// shows its first line, then "... call repeated N times". Frames past [`BACKTRACE_FRAMES`],
/// which Parrot drops without a word, get a last line saying how many there were.
impl fmt::Display for Backtrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut repeated = 0usize;
        let mut prev: Option<&Location> = None;
        for (i, loc) in self.frames.iter().enumerate() {
            if prev.is_some_and(|p| p.sub == loc.sub && p.pc == loc.pc && p.file == loc.file) {
                repeated += 1;
            } else if repeated != 0 {
                writeln!(f, "... call repeated {repeated} times")?;
                repeated = 0;
            }
            if repeated == 0 {
                let what = if i == 0 { "current instr.:" } else { "called from Sub" };
                writeln!(f, "{what} {loc}")?;
            }
            prev = Some(loc);
        }
        if repeated != 0 {
            writeln!(f, "... call repeated {repeated} times")?;
        }
        if self.older != 0 {
            writeln!(f, "... {} older frames not shown", self.older)?;
        }
        Ok(())
    }
}

/// What `exit` throws: Parrot's `CONTROL_EXIT` with the exit code.
pub(crate) fn exit_exc(code: i64) -> Exc {
    Exc { kind: types::CONTROL_EXIT, severity: severity::EXCEPT_EXIT, message: format!("exit {code}"), exit_code: code }
}
