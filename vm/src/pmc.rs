//! PMCs: Parrot's objects, kept in a [`Heap`] and addressed by [`PmcRef`] handles.
//!
//! Each PMC type's behaviour is a set of vtable functions (`get_integer`, `set_string`,
//! `get_keyed`, ...). Here they are methods on the heap that match on [`PmcData`]; a type
//! without a slot raises Parrot's "not implemented" exception rather than guessing.
//!
//! ## Why handles
//! Registers, arrays and hashes hold 4-byte [`PmcRef`]s, never Rust references, so a task can
//! be parked at any safe point and a tracing collector can find every root by walking
//! registers (the collector is the next step; for now the heap only grows).

use crate::aio::{HandlerData as EventHandlerData, RequestData, TaskData, TimerData};
use crate::code::Code;
use crate::error::{types, Exc};
use crate::hash::PHash;
use crate::num;
use crate::string::{Encoding, Str};
use std::num::NonZeroU32;
use std::rc::Rc;

/// A handle to a PMC in the [`Heap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PmcRef(NonZeroU32);

impl PmcRef {
    /// The handle as a number (never 0).
    pub fn to_u32(self) -> u32 {
        self.0.get()
    }
    /// The handle a number from [`PmcRef::to_u32`] stands for (`None` for 0).
    pub fn from_u32(n: u32) -> Option<PmcRef> {
        NonZeroU32::new(n).map(PmcRef)
    }
}

/// A P register's content: a PMC or null.
pub type PVal = Option<PmcRef>;

/// The exception data of an Exception PMC.
#[derive(Clone, Debug)]
pub struct ExceptionData {
    /// The message (`get_string`).
    pub message: Str,
    /// Parrot's severity.
    pub severity: i64,
    /// Parrot's exception type.
    pub kind: i64,
    /// An optional payload PMC.
    pub payload: PVal,
    /// For an exit exception, the status.
    pub exit_code: i64,
    /// `P["resume"]`: the Continuation that resumes after the `throw` that raised it.
    pub resume: PVal,
}

/// An ExceptionHandler PMC (`push_eh P`): where it resumes and which exception types it takes.
#[derive(Clone, Debug, Default)]
pub struct HandlerData {
    /// The handler's address, set by `set_addr`.
    pub target: Option<u32>,
    /// The exception types it handles (`handle_types`); empty means every type.
    pub types: Vec<i64>,
}

/// What a Continuation PMC can still do.
#[derive(Clone, Debug)]
pub enum ContData {
    /// It resumes a `throw` (see [`Resume`]).
    Resume(Box<Resume>),
    /// It resumed once already.
    Used,
    /// The exception was not raised by `throw`, so there is nothing to resume.
    NotResumable,
}

/// Where a `throw` resumes: the frames above the handler's frame, set aside while the handler
/// runs, and where the handler's frame itself was.
#[derive(Clone, Debug)]
pub struct Resume {
    /// How many frames stay on the task while the handler runs (the handler's frame is the top).
    pub base: usize,
    /// The pc the handler's frame resumes at (the op after the throw, if it threw itself).
    pub base_pc: u32,
    /// The frames above `base`, outermost first, each at the pc it resumes at.
    pub frames: Vec<crate::interp::Frame>,
    /// The exception handlers of those frames.
    pub handlers: Vec<crate::interp::Handler>,
}

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

/// What an iterator walks.
#[derive(Clone, Debug)]
pub struct IterData {
    /// The container.
    pub target: PmcRef,
    /// The next position.
    pub pos: usize,
}

/// The data of one PMC; the variant is its type.
#[derive(Clone, Debug)]
#[allow(missing_docs)]
pub enum PmcData {
    Integer(i64),
    /// Where Integer arithmetic overflows to, as in Parrot.
    BigInt(Box<num_bigint::BigInt>),
    Float(f64),
    String(Str),
    Boolean(bool),
    Undef,
    ResizablePMCArray(Vec<PVal>),
    FixedPMCArray(Vec<PVal>),
    ResizableIntegerArray(Vec<i64>),
    FixedIntegerArray(Vec<i64>),
    ResizableStringArray(Vec<Str>),
    ResizableFloatArray(Vec<f64>),
    Hash(PHash),
    Exception(Box<ExceptionData>),
    /// A sub: its code object and index into `Code::subs`.
    Sub(Rc<Code>, u32),
    FileHandle(Box<FileHandleData>),
    Iterator(IterData),
    /// A class made by `newclass`: its name and attribute names.
    Class(Box<ClassData>),
    /// An instance of a user class.
    Object(Box<ObjectData>),
    /// The status object of an IO op (DESIGN §2).
    Request(Box<RequestData>),
    /// A green thread or an event.
    Task(Box<TaskData>),
    /// A timer.
    Timer(Box<TimerData>),
    /// An event handler.
    EventHandler(Box<EventHandlerData>),
    /// An in-memory file.
    StringHandle(Box<StringHandleData>),
    /// A network socket.
    Socket(Box<crate::interp::net::SocketData>),
    /// A socket address.
    Sockaddr(Box<crate::interp::net::SockaddrData>),
    /// An exception handler made by `new 'ExceptionHandler'`.
    ExceptionHandler(Box<HandlerData>),
    /// The `resume` continuation of an exception.
    Continuation(Box<ContData>),
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

/// A user class.
#[derive(Clone, Debug)]
pub struct ClassData {
    /// The class name (its methods are the subs of the namespace of that name).
    pub name: Str,
    /// Attribute names, in the order they were added.
    pub attrs: Vec<Str>,
}

/// An instance of a user class.
#[derive(Clone, Debug)]
pub struct ObjectData {
    /// The class PMC.
    pub class: PmcRef,
    /// The class name.
    pub class_name: Str,
    /// Attribute values by name.
    pub attrs: PHash,
}

/// The class names `new` accepts.
pub const CLASSES: &[&str] = &[
    "Integer",
    "BigInt",
    "Float",
    "String",
    "Boolean",
    "Undef",
    "ResizablePMCArray",
    "FixedPMCArray",
    "ResizableIntegerArray",
    "FixedIntegerArray",
    "ResizableStringArray",
    "ResizableFloatArray",
    "Hash",
    "Exception",
    "FileHandle",
    "StringHandle",
    "Task",
    "Timer",
    "EventHandler",
    "Socket",
    "Sockaddr",
    "ExceptionHandler",
];

impl PmcData {
    /// The PMC's class name (`typeof`).
    pub fn class_name(&self) -> &'static str {
        match self {
            PmcData::Integer(_) => "Integer",
            PmcData::BigInt(_) => "BigInt",
            PmcData::Float(_) => "Float",
            PmcData::String(_) => "String",
            PmcData::Boolean(_) => "Boolean",
            PmcData::Undef => "Undef",
            PmcData::ResizablePMCArray(_) => "ResizablePMCArray",
            PmcData::FixedPMCArray(_) => "FixedPMCArray",
            PmcData::ResizableIntegerArray(_) => "ResizableIntegerArray",
            PmcData::FixedIntegerArray(_) => "FixedIntegerArray",
            PmcData::ResizableStringArray(_) => "ResizableStringArray",
            PmcData::ResizableFloatArray(_) => "ResizableFloatArray",
            PmcData::Hash(_) => "Hash",
            PmcData::Exception(_) => "Exception",
            PmcData::Sub(..) => "Sub",
            PmcData::FileHandle(_) => "FileHandle",
            PmcData::Iterator(_) => "ArrayIterator",
            PmcData::Class(_) => "Class",
            PmcData::Object(_) => "Object",
            PmcData::Request(_) => "Request",
            PmcData::Task(_) => "Task",
            PmcData::Timer(_) => "Timer",
            PmcData::EventHandler(_) => "EventHandler",
            PmcData::StringHandle(_) => "StringHandle",
            PmcData::Socket(_) => "Socket",
            PmcData::Sockaddr(_) => "Sockaddr",
            PmcData::ExceptionHandler(_) => "ExceptionHandler",
            PmcData::Continuation(_) => "Continuation",
        }
    }

    /// A fresh PMC of the named class, or `None` if there is no such class.
    pub fn new_of(class: &str) -> Option<PmcData> {
        Some(match class {
            "Integer" => PmcData::Integer(0),
            "BigInt" => PmcData::BigInt(Box::default()),
            "Float" => PmcData::Float(0.0),
            "String" => PmcData::String(Str::null()),
            "Boolean" => PmcData::Boolean(false),
            "Undef" => PmcData::Undef,
            "ResizablePMCArray" => PmcData::ResizablePMCArray(Vec::new()),
            "FixedPMCArray" => PmcData::FixedPMCArray(Vec::new()),
            "ResizableIntegerArray" => PmcData::ResizableIntegerArray(Vec::new()),
            "FixedIntegerArray" => PmcData::FixedIntegerArray(Vec::new()),
            "ResizableStringArray" => PmcData::ResizableStringArray(Vec::new()),
            "ResizableFloatArray" => PmcData::ResizableFloatArray(Vec::new()),
            "Hash" => PmcData::Hash(PHash::new()),
            "Exception" => PmcData::Exception(Box::new(ExceptionData {
                message: Str::null(),
                severity: crate::error::severity::EXCEPT_ERROR,
                kind: 0,
                payload: None,
                exit_code: 0,
                resume: None,
            })),
            "StringHandle" => {
                PmcData::StringHandle(Box::new(StringHandleData { mode: Str::from("rw"), ..Default::default() }))
            }
            "FileHandle" => PmcData::FileHandle(Box::new(FileHandleData {
                closed: true,
                ..FileHandleData::new(u32::MAX, Str::empty(), Str::empty())
            })),
            "Task" => PmcData::Task(Box::default()),
            "Timer" => PmcData::Timer(Box::default()),
            "EventHandler" => PmcData::EventHandler(Box::default()),
            "Socket" => PmcData::Socket(Box::default()),
            "Sockaddr" => PmcData::Sockaddr(Box::default()),
            "ExceptionHandler" => PmcData::ExceptionHandler(Box::default()),
            _ => return None,
        })
    }
}

/// An element value on its way into or out of a container.
#[derive(Clone, Debug)]
pub enum Elem {
    /// an integer
    I(i64),
    /// a number
    N(f64),
    /// a string
    S(Str),
    /// a PMC (or null)
    P(PVal),
}

/// One step of a key.
#[derive(Clone, Debug)]
pub enum KeyVal {
    /// an integer index
    Int(i64),
    /// a string key
    Str(Str),
}

/// Where every PMC lives, and the tracing collector that frees the unreachable ones.
///
/// ## Why collection happens only between slices
/// The host calls [`crate::interp::Vm::collect`] between `run` slices, when every live handle
/// is in a task's registers, a task's call scratch, or the VM's tables; no op is half-done
/// with a handle in a Rust local. So the collector needs no stack maps and no pinning.
pub struct Heap {
    /// Slot `i` holds the PMC whose handle is `i + 1`; `None` is a free slot.
    objs: Vec<Option<PmcData>>,
    /// Free slots, reused before the heap grows.
    free: Vec<u32>,
    /// Allocations since the last collection.
    since_gc: usize,
    /// Runtime handle ids of open FileHandles and Sockets the collector freed: the runtime
    /// closes them (a server that drops a connection without `close` leaks no descriptor).
    pub orphans: Vec<u32>,
    /// Bytes of data (IO buffers) handed to PMCs since the last collection: a program that
    /// reads megabytes per request must not wait for 65,536 allocations to get them back.
    bytes_since_gc: usize,
    /// Collect once `since_gc` passes this; it follows the live size (twice it, at least
    /// [`MIN_GC_THRESHOLD`]), so the cost of collecting stays proportional to allocation.
    threshold: usize,
    /// Objects alive after the last collection.
    live_after_gc: usize,
    /// Collections run.
    pub gc_runs: u64,
    /// The most slots ever in use at once.
    pub peak: usize,
}

/// Data bytes (see `Heap::note_bytes`) that make a collection due.
pub const GC_BYTES: usize = 8 << 20;

/// The fewest allocations between two collections.
pub const MIN_GC_THRESHOLD: usize = 1 << 16;

impl Default for Heap {
    fn default() -> Self {
        Heap {
            objs: Vec::new(),
            free: Vec::new(),
            since_gc: 0,
            bytes_since_gc: 0,
            orphans: Vec::new(),
            threshold: MIN_GC_THRESHOLD,
            live_after_gc: 0,
            gc_runs: 0,
            peak: 0,
        }
    }
}

/// What a dangling handle reads as. A correct collector never leaves one; this keeps a bug
/// from becoming a crash.
const UNDEF: &PmcData = &PmcData::Undef;

fn wrong(class: &str, what: &str) -> Exc {
    Exc::unsupported(what, class)
}

impl Heap {
    /// Allocates a PMC.
    pub fn alloc(&mut self, data: PmcData) -> PmcRef {
        self.since_gc += 1;
        let index = match self.free.pop() {
            Some(i) => {
                self.objs[i as usize] = Some(data);
                i as usize
            }
            None => {
                self.objs.push(Some(data));
                self.objs.len() - 1
            }
        };
        let used = self.objs.len() - self.free.len();
        if used > self.peak {
            self.peak = used;
        }
        // Handles are u32: a heap of four billion PMCs is far past any memory limit.
        PmcRef(NonZeroU32::new(index as u32 + 1).unwrap_or(NonZeroU32::MIN))
    }
    /// Counts `n` bytes of data that just went into a PMC (an IO read's result).
    pub fn note_bytes(&mut self, n: usize) {
        self.bytes_since_gc += n;
    }
    /// How many PMCs are alive (or not yet found dead).
    pub fn len(&self) -> usize {
        self.objs.len() - self.free.len()
    }
    /// Is the heap empty?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Has enough been allocated since the last collection to collect again?
    pub fn wants_gc(&self) -> bool {
        self.since_gc >= self.threshold || self.bytes_since_gc >= GC_BYTES
    }
    /// The PMC's data.
    pub fn get(&self, r: PmcRef) -> &PmcData {
        self.objs.get(r.0.get() as usize - 1).and_then(Option::as_ref).unwrap_or(UNDEF)
    }
    /// The PMC's data, mutably.
    pub fn get_mut(&mut self, r: PmcRef) -> &mut PmcData {
        let i = r.0.get() as usize - 1;
        if i >= self.objs.len() {
            self.objs.resize_with(i + 1, || None);
        }
        self.objs[i].get_or_insert(PmcData::Undef)
    }

    /// Marks everything reachable from `roots`, frees the rest; returns how many were freed.
    pub fn collect(&mut self, roots: impl IntoIterator<Item = PmcRef>) -> usize {
        let mut marked = vec![false; self.objs.len()];
        let mut stack: Vec<PmcRef> = roots.into_iter().collect();
        // An explicit stack, not recursion: a million-deep nest of arrays is just data.
        while let Some(r) = stack.pop() {
            let i = r.0.get() as usize - 1;
            if i >= marked.len() || marked[i] {
                continue;
            }
            marked[i] = true;
            let Some(d) = &self.objs[i] else { continue };
            match d {
                PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a) => stack.extend(a.iter().flatten()),
                PmcData::Hash(h) => stack.extend(h.values().flatten()),
                PmcData::Exception(e) => stack.extend(e.payload.into_iter().chain(e.resume)),
                PmcData::Continuation(c) => {
                    if let ContData::Resume(r) = &**c {
                        stack.extend(r.frames.iter().flat_map(|f| f.p.iter().flatten()));
                        stack.extend(r.handlers.iter().filter_map(|h| h.pmc()));
                    }
                }
                PmcData::Iterator(it) => stack.push(it.target),
                PmcData::Object(o) => {
                    stack.push(o.class);
                    stack.extend(o.attrs.values().flatten());
                }
                PmcData::Request(q) => {
                    stack.extend([q.result, q.error, q.callback, q.error_callback, q.handle].into_iter().flatten())
                }
                PmcData::Task(t) => {
                    stack.extend([t.code, t.data].into_iter().flatten());
                    stack.extend(t.mailbox.iter().flatten());
                }
                PmcData::Timer(t) => stack.extend(t.handler),
                PmcData::EventHandler(h) => stack.extend(h.code),
                _ => {}
            }
        }
        let mut freed = 0;
        for (i, m) in marked.iter().enumerate() {
            if !m && self.objs[i].is_some() {
                match self.objs[i].take() {
                    Some(PmcData::String(s)) => s.recycle(),
                    // An open handle nobody can reach any more: the runtime closes it.
                    Some(PmcData::FileHandle(h)) if !h.closed && h.id > 2 && h.id != u32::MAX => {
                        self.orphans.push(h.id)
                    }
                    Some(PmcData::Socket(h)) if !h.closed && h.id != u32::MAX => self.orphans.push(h.id),
                    _ => {}
                }
                self.free.push(i as u32);
                freed += 1;
            }
        }
        self.gc_runs += 1;
        self.since_gc = 0;
        self.bytes_since_gc = 0;
        self.live_after_gc = self.len();
        self.threshold = (self.live_after_gc * 2).max(MIN_GC_THRESHOLD);
        freed
    }
    /// The class name of a PMC.
    pub fn class_name(&self, r: PmcRef) -> &'static str {
        self.get(r).class_name()
    }

    /// `get_integer`.
    pub fn get_integer(&self, p: PVal) -> Result<i64, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_integer"))?;
        Ok(match self.get(r) {
            PmcData::Integer(i) => *i,
            PmcData::BigInt(b) => match num_traits::ToPrimitive::to_i64(&**b) {
                Some(v) => v,
                None => return Err(Exc::new(types::EXCEPTION_ERR_OVERFLOW, "bigint_get_long: number too big")),
            },
            PmcData::Float(f) => num::num_to_int(*f),
            PmcData::String(s) => num::parse_int(s.as_bytes()),
            PmcData::Boolean(b) => i64::from(*b),
            PmcData::Undef => 0,
            PmcData::Exception(e) => e.kind,
            PmcData::Request(q) => q.state.code(),
            PmcData::Task(t) => t.id as i64,
            d @ (PmcData::ResizablePMCArray(_)
            | PmcData::FixedPMCArray(_)
            | PmcData::ResizableIntegerArray(_)
            | PmcData::FixedIntegerArray(_)
            | PmcData::ResizableStringArray(_)
            | PmcData::ResizableFloatArray(_)
            | PmcData::Hash(_)) => elements_of(d) as i64,
            d => return Err(wrong(d.class_name(), "get_integer")),
        })
    }

    /// `get_number`.
    pub fn get_number(&self, p: PVal) -> Result<f64, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_number"))?;
        Ok(match self.get(r) {
            PmcData::Float(f) => *f,
            PmcData::Integer(i) => *i as f64,
            PmcData::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::NAN),
            PmcData::String(s) => num::parse_num(s.as_bytes()),
            PmcData::Boolean(b) => f64::from(u8::from(*b)),
            PmcData::Undef => 0.0,
            _ => self.get_integer(p)? as f64,
        })
    }

    /// `get_string`.
    pub fn get_string(&self, p: PVal) -> Result<Str, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_string"))?;
        Ok(match self.get(r) {
            PmcData::String(s) => s.clone(),
            PmcData::Integer(i) => Str::from(i.to_string()),
            PmcData::BigInt(b) => Str::from(b.to_string()),
            PmcData::Float(f) => Str::from(num::fmt_str(*f)),
            PmcData::Boolean(b) => Str::from(if *b { "1" } else { "0" }),
            PmcData::Undef => Str::empty(),
            PmcData::Exception(e) => e.message.clone(),
            PmcData::Sub(code, i) => Str::from(code.subs[*i as usize].name.as_str()),
            PmcData::FixedIntegerArray(v) | PmcData::ResizableIntegerArray(v) => {
                let parts: Vec<String> = v.iter().map(i64::to_string).collect();
                Str::from(format!("[ {} ]", parts.join(", ")))
            }
            PmcData::ResizableStringArray(v) => {
                let parts: Vec<String> = v.iter().map(|s| format!("\"{}\"", s.to_text())).collect();
                Str::from(format!("[ {} ]", parts.join(", ")))
            }
            PmcData::ResizableFloatArray(v) => {
                let parts: Vec<String> = v.iter().map(|x| num::fmt_str(*x)).collect();
                Str::from(format!("[ {} ]", parts.join(", ")))
            }
            PmcData::FileHandle(h) => h.path.clone(),
            PmcData::Request(q) => Str::from(q.state.name()),
            PmcData::Task(t) if t.is_event() => t.subtype.clone(),
            PmcData::EventHandler(h) => h.etype.clone(),
            PmcData::Sockaddr(a) => a.text.clone(),
            PmcData::Socket(_) => Str::from("Socket"),
            PmcData::StringHandle(h) => Str::from_vec(h.data.clone(), Encoding::Binary),
            d => Str::from(elements_of(d).to_string()),
        })
    }

    /// `get_bool`.
    pub fn get_bool(&self, p: PVal) -> Result<bool, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_bool"))?;
        Ok(match self.get(r) {
            PmcData::Integer(i) => *i != 0,
            PmcData::BigInt(b) => **b != num_bigint::BigInt::from(0),
            PmcData::Float(f) => *f != 0.0,
            PmcData::String(s) => s.truthy(),
            PmcData::Boolean(b) => *b,
            PmcData::Undef => false,
            PmcData::Exception(_) | PmcData::Sub(..) | PmcData::ExceptionHandler(_) | PmcData::Continuation(_) => true,
            PmcData::FileHandle(h) => !h.closed && !h.eof,
            PmcData::StringHandle(h) => !h.closed && h.pos < h.data.len(),
            PmcData::Socket(s) => !s.closed && s.id != u32::MAX,
            PmcData::Sockaddr(_) => true,
            PmcData::Request(q) => q.state != crate::aio::ReqState::Failed,
            PmcData::Task(_) | PmcData::Timer(_) | PmcData::EventHandler(_) => true,
            PmcData::Iterator(it) => match self.get(it.target) {
                PmcData::Hash(h) => h.next_from(it.pos).is_some(),
                _ => it.pos < self.iter_len(it.target),
            },
            d => elements_of(d) != 0,
        })
    }

    fn iter_len(&self, target: PmcRef) -> usize {
        elements_of(self.get(target))
    }

    /// `elements`.
    pub fn elements(&self, p: PVal) -> Result<i64, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("elements"))?;
        match self.get(r) {
            d @ (PmcData::Integer(_)
            | PmcData::BigInt(_)
            | PmcData::Float(_)
            | PmcData::Boolean(_)
            | PmcData::Undef) => Err(wrong(d.class_name(), "elements")),
            PmcData::String(s) => Ok(s.char_len() as i64),
            PmcData::Iterator(it) => Ok(match self.get(it.target) {
                PmcData::Hash(h) => h.count_from(it.pos),
                _ => self.iter_len(it.target).saturating_sub(it.pos),
            } as i64),
            d => Ok(elements_of(d) as i64),
        }
    }

    /// `set_integer_native`: a scalar PMC takes the value (and may change type, as in Parrot's
    /// String `set_integer_native`, which keeps String); a fixed array takes its size.
    pub fn set_integer(&mut self, p: PVal, v: i64) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_integer_native"))?;
        let d = self.get_mut(r);
        match d {
            PmcData::Integer(i) => *i = v,
            PmcData::BigInt(b) => **b = num_bigint::BigInt::from(v),
            PmcData::Float(_) | PmcData::Undef => *d = PmcData::Integer(v),
            PmcData::Boolean(b) => *b = v != 0,
            PmcData::String(s) => *s = Str::from(v.to_string()),
            PmcData::FixedPMCArray(a) => resize_fixed(a, v, None)?,
            PmcData::FixedIntegerArray(a) => resize_fixed(a, v, 0)?,
            PmcData::ResizablePMCArray(a) => a.resize(size_arg(v)?, None),
            PmcData::ResizableIntegerArray(a) => a.resize(size_arg(v)?, 0),
            PmcData::ResizableStringArray(a) => a.resize(size_arg(v)?, Str::null()),
            PmcData::ResizableFloatArray(a) => a.resize(size_arg(v)?, 0.0),
            PmcData::Exception(e) => e.kind = v,
            d => return Err(wrong(d.class_name(), "set_integer_native")),
        }
        Ok(())
    }

    /// `set_number_native`.
    pub fn set_number(&mut self, p: PVal, v: f64) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_number_native"))?;
        let d = self.get_mut(r);
        match d {
            PmcData::Float(f) => *f = v,
            PmcData::Integer(_) | PmcData::Undef | PmcData::BigInt(_) => *d = PmcData::Float(v),
            PmcData::Boolean(b) => *b = v != 0.0,
            PmcData::String(s) => *s = Str::from(num::fmt_str(v)),
            d => return Err(wrong(d.class_name(), "set_number_native")),
        }
        Ok(())
    }

    /// `set_string_native`.
    pub fn set_string(&mut self, p: PVal, v: Str) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_string_native"))?;
        let d = self.get_mut(r);
        match d {
            PmcData::String(s) => *s = v,
            PmcData::BigInt(b) => {
                // A BigInt parses the string and stays a BigInt (leading digits; none is 0).
                let t = v.to_text();
                let t = t.trim_start();
                let end = t
                    .char_indices()
                    .take_while(|&(i, c)| c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+')))
                    .count();
                **b = t[..end].parse().unwrap_or_default();
            }
            PmcData::Integer(_) | PmcData::Float(_) | PmcData::Undef => *d = PmcData::String(v),
            PmcData::Boolean(b) => *b = v.truthy(),
            PmcData::Exception(e) => e.message = v,
            d => return Err(wrong(d.class_name(), "set_string_native")),
        }
        Ok(())
    }

    /// A new PMC holding an element value (Parrot's boxing).
    pub fn boxed(&mut self, e: Elem) -> PVal {
        match e {
            Elem::I(i) => Some(self.alloc(PmcData::Integer(i))),
            Elem::N(n) => Some(self.alloc(PmcData::Float(n))),
            Elem::S(s) => Some(self.alloc(PmcData::String(s))),
            Elem::P(p) => p,
        }
    }

    /// An element as an integer.
    pub fn elem_int(&self, e: &Elem) -> Result<i64, Exc> {
        match e {
            Elem::I(i) => Ok(*i),
            Elem::N(n) => Ok(num::num_to_int(*n)),
            Elem::S(s) => Ok(num::parse_int(s.as_bytes())),
            Elem::P(p) => self.get_integer(*p),
        }
    }
    /// An element as a number.
    pub fn elem_num(&self, e: &Elem) -> Result<f64, Exc> {
        match e {
            Elem::I(i) => Ok(*i as f64),
            Elem::N(n) => Ok(*n),
            Elem::S(s) => Ok(num::parse_num(s.as_bytes())),
            Elem::P(p) => self.get_number(*p),
        }
    }
    /// An element as a string.
    pub fn elem_str(&self, e: &Elem) -> Result<Str, Exc> {
        match e {
            Elem::I(i) => Ok(Str::from(i.to_string())),
            Elem::N(n) => Ok(Str::from(num::fmt_str(*n))),
            Elem::S(s) => Ok(s.clone()),
            Elem::P(p) => self.get_string(*p),
        }
    }

    /// `get_*_keyed` for one key step.
    pub fn get_keyed(&self, p: PVal, key: &KeyVal) -> Result<Elem, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_pmc_keyed"))?;
        let d = self.get(r);
        match (d, key) {
            (PmcData::Hash(h), k) => {
                let k = match k {
                    KeyVal::Str(s) => s.clone(),
                    KeyVal::Int(i) => Str::from(i.to_string()),
                };
                Ok(Elem::P(h.get(&k).copied().flatten()))
            }
            (PmcData::Exception(e), KeyVal::Str(s)) => Ok(match s.as_bytes() {
                b"message" => Elem::S(e.message.clone()),
                b"severity" => Elem::I(e.severity),
                b"type" => Elem::I(e.kind),
                b"exit_code" => Elem::I(e.exit_code),
                b"payload" => Elem::P(e.payload),
                b"resume" => Elem::P(e.resume),
                _ => Elem::P(None),
            }),
            (PmcData::Task(t), k) => t.get_attr(k),
            (PmcData::Timer(t), k) => t.get_key(k),
            (PmcData::EventHandler(h), k) => h.get_attr(k),
            (_, KeyVal::Str(s)) => self.get_keyed(p, &KeyVal::Int(num::parse_int(s.as_bytes()))),
            (d, KeyVal::Int(i)) => {
                let len = elements_of(d);
                let fixed = matches!(d, PmcData::FixedPMCArray(_) | PmcData::FixedIntegerArray(_));
                let idx = match index_of(*i, len) {
                    Some(ix) => ix,
                    None if fixed => return Err(Exc::out_of_bounds()),
                    // Before the start of a resizable array is an error; past its end reads as
                    // empty (Parrot's ResizablePMCArray).
                    None if *i < 0 => return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "get: index out of bounds")),
                    None => return Ok(empty_elem(d)),
                };
                Ok(match d {
                    PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a) => Elem::P(a[idx]),
                    PmcData::ResizableIntegerArray(a) | PmcData::FixedIntegerArray(a) => Elem::I(a[idx]),
                    PmcData::ResizableStringArray(a) => Elem::S(a[idx].clone()),
                    PmcData::ResizableFloatArray(a) => Elem::N(a[idx]),
                    PmcData::String(s) => Elem::S(s.substring(idx, 1)),
                    d => return Err(wrong(d.class_name(), "get_pmc_keyed_int")),
                })
            }
        }
    }

    /// `set_*_keyed` for one key step.
    pub fn set_keyed(&mut self, p: PVal, key: &KeyVal, v: Elem) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_pmc_keyed"))?;
        if let PmcData::Hash(_) = self.get(r) {
            let k = match key {
                KeyVal::Str(s) => s.clone(),
                KeyVal::Int(i) => Str::from(i.to_string()),
            };
            let v = self.boxed(v);
            if let PmcData::Hash(h) = self.get_mut(r) {
                h.insert(k, v);
            }
            return Ok(());
        }
        if matches!(self.get(r), PmcData::Task(_) | PmcData::EventHandler(_)) {
            return self.set_task_attr(r, key, v);
        }
        let i = match key {
            KeyVal::Int(i) => *i,
            KeyVal::Str(s) => {
                if let PmcData::Exception(_) = self.get(r) {
                    return self.set_exception_field(r, s, v);
                }
                num::parse_int(s.as_bytes())
            }
        };
        // Convert the value first: boxing allocates, which needs the heap mutably.
        let class = self.class_name(r);
        let converted = match self.get(r) {
            PmcData::ResizablePMCArray(_) | PmcData::FixedPMCArray(_) => Elem::P(self.boxed(v)),
            PmcData::ResizableIntegerArray(_) | PmcData::FixedIntegerArray(_) => Elem::I(self.elem_int(&v)?),
            PmcData::ResizableStringArray(_) => Elem::S(self.elem_str(&v)?),
            PmcData::ResizableFloatArray(_) => Elem::N(self.elem_num(&v)?),
            _ => return Err(wrong(class, "set_pmc_keyed_int")),
        };
        let d = self.get_mut(r);
        let len = elements_of(d);
        let fixed = matches!(d, PmcData::FixedPMCArray(_) | PmcData::FixedIntegerArray(_));
        let idx = match index_of(i, len) {
            Some(ix) => ix,
            None if fixed || i < 0 => return Err(Exc::out_of_bounds()),
            None => {
                let new_len = usize::try_from(i).map_err(|_| Exc::out_of_bounds())? + 1;
                grow(d, new_len)?;
                i as usize
            }
        };
        match (d, converted) {
            (PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a), Elem::P(v)) => a[idx] = v,
            (PmcData::ResizableIntegerArray(a) | PmcData::FixedIntegerArray(a), Elem::I(v)) => a[idx] = v,
            (PmcData::ResizableStringArray(a), Elem::S(v)) => a[idx] = v,
            (PmcData::ResizableFloatArray(a), Elem::N(v)) => a[idx] = v,
            _ => {}
        }
        Ok(())
    }

    fn set_task_attr(&mut self, r: PmcRef, key: &KeyVal, v: Elem) -> Result<(), Exc> {
        let name = match key {
            KeyVal::Str(s) => s.to_text(),
            KeyVal::Int(i) => i.to_string(),
        };
        let (i, s) = (self.elem_int(&v).unwrap_or(0), self.elem_str(&v).unwrap_or_else(|_| Str::empty()));
        let pmc = match v {
            Elem::P(p) => p,
            _ => None,
        };
        let class = self.class_name(r);
        let bad =
            || Exc::new(types::EXCEPTION_ATTRIB_NOT_FOUND, format!("No such attribute '{name}' in class '{class}'"));
        match self.get_mut(r) {
            PmcData::Task(t) => match name.as_str() {
                "code" => t.code = pmc,
                "data" => t.data = pmc,
                "type" => t.kind = s,
                "subtype" => t.subtype = s,
                "priority" => t.priority = i.clamp(0, 100),
                "fatal" => t.fatal = i != 0,
                _ => return Err(bad()),
            },
            PmcData::EventHandler(h) => match name.as_str() {
                "type" => h.etype = s,
                "code" => h.code = pmc,
                "priority" => h.min_priority = i,
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        }
        Ok(())
    }

    fn set_exception_field(&mut self, r: PmcRef, field: &Str, v: Elem) -> Result<(), Exc> {
        let (i, s) = (self.elem_int(&v).unwrap_or(0), self.elem_str(&v).unwrap_or_else(|_| Str::empty()));
        let payload = if let Elem::P(p) = v { p } else { None };
        if let PmcData::Exception(e) = self.get_mut(r) {
            match field.as_bytes() {
                b"message" => e.message = s,
                b"severity" => e.severity = i,
                b"type" => e.kind = i,
                b"exit_code" => e.exit_code = i,
                b"payload" => e.payload = payload,
                _ => {}
            }
        }
        Ok(())
    }

    /// `exists_keyed`.
    pub fn exists_keyed(&self, p: PVal, key: &KeyVal) -> Result<bool, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("exists_keyed"))?;
        Ok(match (self.get(r), key) {
            (PmcData::Hash(h), KeyVal::Str(s)) => h.contains_key(s),
            (PmcData::Hash(h), KeyVal::Int(i)) => h.contains_key(&Str::from(i.to_string())),
            (PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a), KeyVal::Int(i)) => {
                index_of(*i, a.len()).is_some_and(|ix| a[ix].is_some())
            }
            (d, KeyVal::Int(i)) => index_of(*i, elements_of(d)).is_some(),
            (d, _) => return Err(wrong(d.class_name(), "exists_keyed")),
        })
    }

    /// `defined` of a PMC.
    pub fn defined(&self, p: PVal) -> bool {
        match p {
            None => false,
            Some(r) => !matches!(self.get(r), PmcData::Undef),
        }
    }

    /// `defined_keyed`.
    pub fn defined_keyed(&self, p: PVal, key: &KeyVal) -> Result<bool, Exc> {
        if !self.exists_keyed(p, key)? {
            return Ok(false);
        }
        Ok(match self.get_keyed(p, key)? {
            Elem::P(v) => self.defined(v),
            _ => true,
        })
    }

    /// `delete_keyed`.
    pub fn delete_keyed(&mut self, p: PVal, key: &KeyVal) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("delete_keyed"))?;
        let d = self.get_mut(r);
        match (d, key) {
            (PmcData::Hash(h), k) => {
                let k = match k {
                    KeyVal::Str(s) => s.clone(),
                    KeyVal::Int(i) => Str::from(i.to_string()),
                };
                h.remove(&k);
            }
            (d, KeyVal::Int(i)) => {
                let len = elements_of(d);
                let Some(ix) = index_of(*i, len) else { return Ok(()) };
                match d {
                    PmcData::ResizablePMCArray(a) => {
                        a.remove(ix);
                    }
                    PmcData::ResizableIntegerArray(a) => {
                        a.remove(ix);
                    }
                    PmcData::ResizableStringArray(a) => {
                        a.remove(ix);
                    }
                    PmcData::ResizableFloatArray(a) => {
                        a.remove(ix);
                    }
                    d => return Err(wrong(d.class_name(), "delete_keyed_int")),
                }
            }
            (d, _) => return Err(wrong(d.class_name(), "delete_keyed")),
        }
        Ok(())
    }

    /// `push_*` (`front` = `unshift_*`).
    pub fn push(&mut self, p: PVal, v: Elem, front: bool) -> Result<(), Exc> {
        let what = if front { "unshift" } else { "push" };
        let r = p.ok_or_else(|| Exc::null_access(what))?;
        let class = self.class_name(r);
        let v = match self.get(r) {
            PmcData::ResizablePMCArray(_) => Elem::P(self.boxed(v)),
            PmcData::ResizableIntegerArray(_) => Elem::I(self.elem_int(&v)?),
            PmcData::ResizableStringArray(_) => Elem::S(self.elem_str(&v)?),
            PmcData::ResizableFloatArray(_) => Elem::N(self.elem_num(&v)?),
            _ => return Err(wrong(class, what)),
        };
        fn put<T>(a: &mut Vec<T>, v: T, front: bool) {
            if front {
                a.insert(0, v)
            } else {
                a.push(v)
            }
        }
        match (self.get_mut(r), v) {
            (PmcData::ResizablePMCArray(a), Elem::P(v)) => put(a, v, front),
            (PmcData::ResizableIntegerArray(a), Elem::I(v)) => put(a, v, front),
            (PmcData::ResizableStringArray(a), Elem::S(v)) => put(a, v, front),
            (PmcData::ResizableFloatArray(a), Elem::N(v)) => put(a, v, front),
            _ => {}
        }
        Ok(())
    }

    /// `pop_*` (`front` = `shift_*`); an iterator's `shift` gives its next item.
    pub fn pop(&mut self, p: PVal, front: bool) -> Result<Elem, Exc> {
        let what = if front { "shift" } else { "pop" };
        let r = p.ok_or_else(|| Exc::null_access(what))?;
        if let PmcData::Iterator(it) = self.get(r) {
            let it = it.clone();
            return self.iter_next(r, it);
        }
        let class = self.class_name(r);
        fn remove<T>(a: &mut Vec<T>, front: bool) -> Option<T> {
            if front {
                (!a.is_empty()).then(|| a.remove(0))
            } else {
                a.pop()
            }
        }
        Ok(match self.get_mut(r) {
            PmcData::ResizablePMCArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::P(remove(a, front).flatten())
            }
            PmcData::ResizableIntegerArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::I(remove(a, front).unwrap_or(0))
            }
            PmcData::ResizableStringArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::S(remove(a, front).unwrap_or_else(Str::null))
            }
            PmcData::ResizableFloatArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::N(remove(a, front).unwrap_or(0.0))
            }
            d => return Err(wrong(d.class_name(), what)),
        })
    }

    fn iter_next(&mut self, r: PmcRef, it: IterData) -> Result<Elem, Exc> {
        let target = it.target;
        let stop = || Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "StopIteration");
        // A hash iterator walks slots (its position is a slot number); an array's, indices.
        let (item, next) = match self.get(target) {
            PmcData::Hash(h) => {
                let (slot, k) = h.next_from(it.pos).ok_or_else(stop)?;
                (Elem::S(k.clone()), slot + 1)
            }
            _ => {
                if it.pos >= self.iter_len(target) {
                    return Err(stop());
                }
                (self.get_keyed(Some(target), &KeyVal::Int(it.pos as i64))?, it.pos + 1)
            }
        };
        if let PmcData::Iterator(i) = self.get_mut(r) {
            i.pos = next;
        }
        Ok(item)
    }

    /// `clone`.
    pub fn clone_pmc(&mut self, p: PVal) -> Result<PVal, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("clone"))?;
        let d = self.get(r).clone();
        Ok(Some(self.alloc(d)))
    }
}

fn empty_elem(d: &PmcData) -> Elem {
    match d {
        PmcData::ResizableIntegerArray(_) | PmcData::FixedIntegerArray(_) => Elem::I(0),
        PmcData::ResizableStringArray(_) | PmcData::String(_) => Elem::S(Str::null()),
        PmcData::ResizableFloatArray(_) => Elem::N(0.0),
        _ => Elem::P(None),
    }
}

/// Parrot's error for `pop`/`shift` on an empty array.
fn non_empty(len: usize, front: bool, class: &str) -> Result<(), Exc> {
    if len == 0 {
        let what = if front { "shift" } else { "pop" };
        let _ = class;
        return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, format!("Can't {what} from an empty array")));
    }
    Ok(())
}

/// The number of elements of a container PMC (0 for anything else).
pub fn elements_of(d: &PmcData) -> usize {
    match d {
        PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a) => a.len(),
        PmcData::ResizableIntegerArray(a) | PmcData::FixedIntegerArray(a) => a.len(),
        PmcData::ResizableStringArray(a) => a.len(),
        PmcData::ResizableFloatArray(a) => a.len(),
        PmcData::Hash(h) => h.len(),
        PmcData::String(s) => s.char_len(),
        _ => 0,
    }
}

/// A Parrot index (negative counts from the end) into `len` elements, if it is inside.
fn index_of(i: i64, len: usize) -> Option<usize> {
    let ix = if i < 0 { i.checked_add(len as i64)? } else { i };
    if ix >= 0 && (ix as usize) < len {
        Some(ix as usize)
    } else {
        None
    }
}

/// Containers are capped at 2^28 elements by a single keyed store so that a stray index
/// cannot ask for terabytes (spec/pmc/err/huge-index.pasm).
const MAX_GROW: usize = 1 << 28;

fn size_arg(v: i64) -> Result<usize, Exc> {
    match usize::try_from(v) {
        Ok(n) if n <= MAX_GROW => Ok(n),
        _ => Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, format!("illegal array size {v}"))),
    }
}

fn resize_fixed<T: Clone>(a: &mut Vec<T>, v: i64, fill: T) -> Result<(), Exc> {
    if !a.is_empty() {
        return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "Can't resize"));
    }
    a.resize(size_arg(v)?, fill);
    Ok(())
}

fn grow(d: &mut PmcData, n: usize) -> Result<(), Exc> {
    if n > MAX_GROW {
        return Err(Exc::out_of_bounds());
    }
    match d {
        PmcData::ResizablePMCArray(a) => a.resize(n, None),
        PmcData::ResizableIntegerArray(a) => a.resize(n, 0),
        PmcData::ResizableStringArray(a) => a.resize(n, Str::null()),
        PmcData::ResizableFloatArray(a) => a.resize(n, 0.0),
        _ => return Err(Exc::out_of_bounds()),
    }
    Ok(())
}

/// The encoding `Str::from` gives Parrot's formatted numbers.
pub const NUMBER_ENCODING: Encoding = Encoding::Ascii;
