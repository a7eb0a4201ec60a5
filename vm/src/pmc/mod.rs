//! PMCs: Parrot's objects, kept in a [`Heap`] and addressed by [`PmcRef`] handles.
//!
//! Each PMC type's behaviour is a set of vtable functions (`get_integer`, `set_string`,
//! `get_keyed`, ...). Here they are methods on the heap that match on [`PmcData`]
//! (`vtable.rs`); a type without a slot raises Parrot's "not implemented" exception rather
//! than guessing.
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | [`PmcRef`], [`PVal`], [`PmcData`], [`Elem`], [`KeyVal`] and the class table |
//! | `heap.rs` | [`Heap`]: allocation and the tracing collector |
//! | `vtable.rs` | the vtable entry points, `get_integer` ... `set_keyed`, `push`, `pop` |
//! | `array.rs` | the array types and the iterator |
//! | `hash.rs` | the Hash type's storage, [`PHash`] |
//! | `exception.rs` | Exception, ExceptionHandler and Continuation |
//! | `object.rs` | Class and Object (user classes) |
//! | `handle.rs` | FileHandle and StringHandle |
//! | `socket.rs` | Socket and Sockaddr, and Parrot's socket constants |
//! | `request.rs` | Request, the status object of an async IO op |
//! | `task.rs` | Task and EventHandler |
//! | `timer.rs` | Timer |
//!
//! ## Why handles
//! Registers, arrays and hashes hold 4-byte [`PmcRef`]s, never Rust references, so a task can
//! be parked at any safe point, and the tracing collector ([`Heap::collect`], run by the host
//! between slices) finds every root by walking registers, call scratch and the VM's tables.
//!
//! ## Why `pmc` imports `interp::Frame`
//! A Continuation holds the frames a `throw` set aside ([`Resume`]), so the data of one PMC
//! type is interpreter frames, and the collector walks their P registers. Every other arrow
//! goes from `interp` to `pmc`.

pub mod array;
pub mod exception;
pub mod handle;
pub mod hash;
mod heap;
pub mod object;
pub mod request;
pub mod socket;
pub mod task;
pub mod timer;
mod vtable;

pub use array::{elements_of, IterData};
pub use exception::{ContData, ExceptionData, HandlerData, Resume};
pub use handle::{FileHandleData, StringHandleData};
pub use hash::PHash;
pub use heap::{Heap, GC_BYTES, HANDLE_WEIGHT, MIN_GC_THRESHOLD};
pub use object::{ClassData, ObjectData};
pub use request::{ReqState, RequestData};
pub use socket::{SockaddrData, SocketData};
pub use task::{event_parent, EventHandlerData, TaskData, TaskStatus};
pub use timer::{TimerChange, TimerData};

use crate::code::Code;
use crate::error::{types, Exc};
use crate::interp::{IoDst, Step, Vm};
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
    Socket(Box<SocketData>),
    /// A socket address.
    Sockaddr(Box<SockaddrData>),
    /// An exception handler made by `new 'ExceptionHandler'`.
    ExceptionHandler(Box<HandlerData>),
    /// The `resume` continuation of an exception.
    Continuation(Box<ContData>),
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

/// A key as an attribute name.
fn key_name(k: &KeyVal) -> String {
    match k {
        KeyVal::Str(s) => s.to_text(),
        KeyVal::Int(i) => i.to_string(),
    }
}

/// Parrot's error for an attribute the class does not have.
fn no_attr(class: &str, name: &str) -> Exc {
    Exc::new(types::EXCEPTION_ATTRIB_NOT_FOUND, format!("No such attribute '{name}' in class '{class}'"))
}

/// Parrot's "not implemented" for a vtable slot the class does not have.
fn wrong(class: &str, what: &str) -> Exc {
    Exc::unsupported(what, class)
}

/// The encoding `Str::from` gives Parrot's formatted numbers.
pub const NUMBER_ENCODING: Encoding = Encoding::Ascii;

/// A native method's answer.
pub(crate) enum Reply {
    /// The value it returns, if any.
    Value(Option<Elem>),
    /// Leave the loop with this step (the result comes back through `complete_io`).
    Step(Step),
    /// An async method: the request it returns, and the step that submits it.
    Async(PmcRef, Step),
    /// Throw this Exception PMC.
    Throw(PmcRef),
}

/// What the run loop does after a native method.
pub(crate) enum Native {
    /// Go on with the next op.
    Done,
    /// Leave the loop with this step, the pc after the call saved.
    Step(Step),
    /// Throw this Exception PMC at the call.
    Throw(PmcRef),
}

impl Vm {
    /// The methods built-in PMCs answer without a sub (`Request`, `Task`, `FileHandle`,
    /// `StringHandle`). `args` are the values of the call's `set_args`, invocant first; the
    /// result goes to `rets` for `get_results`. `None`: not a native method.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(crate) fn native_method(
        &mut self,
        args: &[Elem],
        rets: &mut Vec<Elem>,
        io_dst: &mut Option<IoDst>,
        name: &Str,
    ) -> Option<Result<Native, Exc>> {
        let Some(Elem::P(Some(obj))) = args.first().cloned() else { return None };
        let method = match self.heap.get(obj) {
            PmcData::Request(_) => Vm::request_method,
            PmcData::Task(_) => Vm::task_method,
            PmcData::FileHandle(_) | PmcData::StringHandle(_) => Vm::handle_method,
            PmcData::Socket(_) => Vm::socket_method,
            PmcData::Sockaddr(_) => Vm::sockaddr_method,
            _ => return None,
        };
        let r = method(self, obj, name, &args[1..], io_dst)?;
        Some(r.map(|reply| match reply {
            Reply::Value(v) => {
                rets.clear();
                rets.extend(v);
                Native::Done
            }
            Reply::Step(s) => Native::Step(s),
            Reply::Async(req, s) => {
                rets.clear();
                rets.push(Elem::P(Some(req)));
                Native::Step(s)
            }
            Reply::Throw(e) => Native::Throw(e),
        }))
    }

    /// A method's arguments without a trailing Sub, and that Sub: the callback that makes a
    /// handle method async (DESIGN §2).
    fn split_callback(&self, args: &[Elem]) -> (Vec<Elem>, PVal) {
        match args.split_last() {
            Some((Elem::P(Some(c)), rest)) if matches!(self.heap.get(*c), PmcData::Sub(..)) => {
                (rest.to_vec(), Some(*c))
            }
            _ => (args.to_vec(), None),
        }
    }
}
