//! PMCs: Parrot's objects, kept in a [`Heap`] and addressed by [`PmcRef`] handles.
//!
//! Each PMC type's behaviour is a set of vtable functions (`get_integer`, `set_string`,
//! `get_keyed`, ...). Here they are methods on the heap that match on [`PmcData`]
//! (`vtable.rs`); a type without a slot raises Parrot's "not implemented" exception rather
//! than guessing.
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | [`PmcData`], the class table, the native method protocol (`Reply`) |
//! | `value.rs` | [`PmcRef`], [`PVal`], [`Elem`], [`KeyVal`]: the values every layer passes |
//! | `heap.rs` | [`Heap`]: allocation and the tracing collector |
//! | `vtable.rs` | the vtable entry points, `get_integer` ... `set_keyed`, `push`, `pop` |
//! | `array.rs` | the array types and the iterator |
//! | `hash.rs` | the Hash type's storage, [`PHash`] |
//! | `exception.rs` | Exception, ExceptionHandler and Continuation |
//! | `object.rs` | Class and Object (user classes) |
//! | `interp.rs` | ParrotInterpreter |
//! | `handle.rs` | FileHandle and StringHandle |
//! | `socket.rs` | Socket and Sockaddr, and Parrot's socket constants |
//! | `request.rs` | Request, the status object of an async IO op |
//! | `task.rs` | Task and EventHandler |
//! | `timer.rs` | Timer |
//!
//! A type's data, the PMCs it holds (its `trace`) and its native methods live in its family's
//! file; the class table (`classes!`) names them, one line per type, and native dispatch
//! (`Vm::native_method`, `interp/native.rs`) picks the methods by the invocant's [`PmcData`]
//! variant, never by its class name. A method works on the [`Heap`] alone and says in its
//! `Reply` what it needs of the VM: an IO operation (asked as the op of the same name asks
//! it, `request/ask.rs`), a scheduler call, a standard handle.
//!
//! ## Why handles
//! Registers, arrays and hashes hold 4-byte [`PmcRef`]s, never Rust references, so a task can
//! be parked at any safe point, and the tracing collector ([`Heap::collect`], run by the host
//! between slices) finds every root by walking registers, call scratch and the VM's tables.
//!
//! ## Why `pmc` imports `interp::frames` and `interp::prepare`, and nothing else of `interp`
//! A Continuation holds the frames a `throw` set aside ([`Resume`]), so the data of one PMC
//! type is interpreter frames (`interp/frames.rs`), and the collector walks their P
//! registers; a Sub holds its code object (`interp/prepare.rs`). Neither file imports more of
//! `pmc` than `value.rs`, so these arrows close no circle. Native methods take the heap, not
//! the `Vm`, and what they ask is a `Reply` value, so `pmc`'s other arrows go down: to
//! `host.rs` (the ops and scheduler calls a reply carries) and `request/ops.rs` (the IO ops'
//! constructors). `interp` and `request` import `pmc`, never the other way round.

pub mod array;
pub mod bytebuffer;
pub mod exception;
pub mod handle;
pub mod hash;
mod heap;
pub mod interp;
pub mod object;
pub mod request;
pub mod socket;
pub mod task;
pub mod timer;
pub mod value;
mod vtable;

pub use crate::host::TimerChange;
pub use array::{elements_of, IterData};
pub use exception::{ContData, ExceptionData, Goto, HandlerData, Resume};
pub use handle::{FileHandleData, StringHandleData};
pub use hash::PHash;
pub use heap::{Heap, GC_BYTES, HANDLE_WEIGHT, MIN_GC_THRESHOLD};
pub use object::{ClassData, ObjectData};
pub use request::{ReqState, RequestData};
pub use socket::{SockaddrData, SocketData};
pub use task::{event_parent, EventHandlerData, TaskData, TaskStatus};
pub use timer::TimerData;
pub use value::{Elem, KeyVal, PVal, PmcRef};

use crate::error::{types, Exc};
use crate::host::{IoOp, SchedCall, Step};
use crate::string::{Encoding, Str};
use std::rc::Rc;

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
    /// The interpreter itself (`getinterp`).
    ParrotInterpreter,
    ResizablePMCArray(Vec<PVal>),
    FixedPMCArray(Vec<PVal>),
    ResizableIntegerArray(Vec<i64>),
    FixedIntegerArray(Vec<i64>),
    ResizableStringArray(Vec<Str>),
    ResizableFloatArray(Vec<f64>),
    Hash(PHash),
    Exception(Box<ExceptionData>),
    /// A sub: its code object and index into `Code::subs`.
    Sub(Rc<crate::interp::prepare::Prepared>, u32),
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
    /// A library `loadlib` loaded: its name (Kea's dynop libraries are built in).
    ParrotLibrary(Str),
    /// A mutable buffer of bytes.
    ByteBuffer(Vec<u8>),
}

/// The class table: one line per PMC type. A line names the [`PmcData`] variant, the class
/// name `typeof` reports, then, if there are any:
/// - `new`: what `new 'Name'` makes (no `new`: a program cannot make one by name);
/// - `trace`: the function that lists the PMCs it holds, for the collector (a type that holds
///   none has no `trace`);
/// - `methods`: the native methods it answers (`callmethod`), as one function of the type's
///   file that says `None` for a name it does not know;
/// - `slots`: the vtable slots it answers itself ([`Slots`], a constant of the type's file);
///   every other slot takes the default in `vtable.rs`.
///
/// It projects [`CLASSES`], [`PmcData::class_name`], [`PmcData::new_of`] and the lookups that
/// [`Heap::collect`], the vtable and `Vm::native_method` use, so a new type is one line here.
macro_rules! classes {
    ($(
        $variant:ident => $name:literal
        $(, new $make:expr)?
        $(, trace $trace:path)?
        $(, methods $method:path)?
        $(, slots $slots:path)?
        ;
    )*) => {
        /// The class names `new` accepts.
        pub const CLASSES: &[&str] = &[$($(first!($name, $make),)?)*];

        impl PmcData {
            /// The PMC's class name (`typeof`).
            pub fn class_name(&self) -> &'static str {
                match self {
                    $(PmcData::$variant { .. } => $name,)*
                }
            }

            /// A fresh PMC of the named class, or `None` if there is no such class.
            pub fn new_of(class: &str) -> Option<PmcData> {
                Some(match class {
                    $($($name => $make,)?)*
                    _ => return None,
                })
            }

            /// Pushes the PMCs this one holds onto `out` (the collector's mark step).
            fn trace(&self, out: &mut Vec<PmcRef>) {
                match self {
                    $($(PmcData::$variant { .. } => $trace(self, out),)?)*
                    _ => {}
                }
            }

            /// The native methods of this PMC's type, if it has any.
            pub(crate) fn methods(&self) -> Option<Method> {
                match self {
                    $($(PmcData::$variant { .. } => Some($method),)?)*
                    _ => None,
                }
            }

            /// The vtable slots this PMC's type answers itself.
            pub(crate) fn slots(&self) -> &'static Slots {
                match self {
                    $($(PmcData::$variant { .. } => &$slots,)?)*
                    _ => &Slots::NONE,
                }
            }
        }
    };
}

/// The first of two expressions (the class table lists a name only where `new` is given).
macro_rules! first {
    ($a:expr, $b:expr) => {
        $a
    };
}

classes! {
    Integer => "Integer", new PmcData::Integer(0);
    BigInt => "BigInt", new PmcData::BigInt(Box::default());
    Float => "Float", new PmcData::Float(0.0);
    String => "String", new PmcData::String(Str::null());
    Boolean => "Boolean", new PmcData::Boolean(false);
    Undef => "Undef", new PmcData::Undef;
    ParrotInterpreter => "ParrotInterpreter", new PmcData::ParrotInterpreter, methods interp::methods, slots interp::SLOTS;
    ResizablePMCArray => "ResizablePMCArray", new PmcData::ResizablePMCArray(Vec::new()), trace array::trace;
    FixedPMCArray => "FixedPMCArray", new PmcData::FixedPMCArray(Vec::new()), trace array::trace;
    ResizableIntegerArray => "ResizableIntegerArray", new PmcData::ResizableIntegerArray(Vec::new());
    FixedIntegerArray => "FixedIntegerArray", new PmcData::FixedIntegerArray(Vec::new());
    ResizableStringArray => "ResizableStringArray", new PmcData::ResizableStringArray(Vec::new());
    ResizableFloatArray => "ResizableFloatArray", new PmcData::ResizableFloatArray(Vec::new());
    Hash => "Hash", new PmcData::Hash(PHash::new()), trace hash::trace;
    Exception => "Exception", new PmcData::Exception(Box::default()), trace exception::trace;
    Sub => "Sub";
    FileHandle => "FileHandle", new PmcData::FileHandle(Box::new(FileHandleData::unopened())), methods handle::methods, slots handle::FILE_HANDLE;
    Iterator => "ArrayIterator", trace array::trace;
    Class => "Class";
    Object => "Object", trace object::trace;
    Request => "Request", trace request::trace, methods request::methods, slots request::SLOTS;
    Task => "Task", new PmcData::Task(Box::default()), trace task::trace, methods task::methods, slots task::TASK;
    Timer => "Timer", new PmcData::Timer(Box::default()), trace timer::trace, slots timer::SLOTS;
    EventHandler => "EventHandler", new PmcData::EventHandler(Box::default()), trace task::trace, slots task::EVENT_HANDLER;
    StringHandle => "StringHandle", new PmcData::StringHandle(Box::new(StringHandleData::empty())), methods handle::methods, slots handle::STRING_HANDLE;
    Socket => "Socket", new PmcData::Socket(Box::default()), methods socket::methods, slots socket::SOCKET;
    Sockaddr => "Sockaddr", new PmcData::Sockaddr(Box::default()), methods socket::sockaddr_methods, slots socket::SOCKADDR;
    ExceptionHandler => "ExceptionHandler", new PmcData::ExceptionHandler(Box::default());
    Continuation => "Continuation", new PmcData::Continuation(Box::new(ContData::Goto(Goto::default()))), trace exception::trace;
    ParrotLibrary => "ParrotLibrary", new PmcData::ParrotLibrary(Str::empty()), slots PARROT_LIBRARY;
    ByteBuffer => "ByteBuffer", new PmcData::ByteBuffer(Vec::new()), methods bytebuffer::methods, slots bytebuffer::SLOTS;
}

/// ParrotLibrary's slots: its string is the library's name; it is true when it names one
/// (Parrot: when it holds a library handle; Kea's `new 'ParrotLibrary'` names none).
const PARROT_LIBRARY: Slots = Slots {
    get_string: Some(|d| match d {
        PmcData::ParrotLibrary(name) => Some(name.clone()),
        _ => None,
    }),
    get_bool: Some(|d| match d {
        PmcData::ParrotLibrary(name) => Some(!name.as_bytes().is_empty()),
        _ => None,
    }),
    ..Slots::NONE
};

/// A type's native methods: the heap, the invocant, the method name and the other
/// arguments. `None`: the type has no method of that name. A method sees only the heap: what
/// it asks of the VM (an IO operation, a scheduler call, a standard handle) it says in its
/// [`Reply`], and `interp/native.rs` carries that out.
pub(crate) type Method = fn(&mut Heap, PmcRef, &Str, &[Elem]) -> Option<Result<Reply, Exc>>;

/// The vtable slots a PMC type answers itself, named by its class-table line. `vtable.rs`
/// answers for the core types (the scalars, the containers and their iterator, Sub, and the
/// exception types) and asks these for any other; a slot that is `None`, or that answers `None`, takes `vtable.rs`'s default
/// (Parrot's "not implemented", or what the type's element count gives).
#[derive(Clone, Copy)]
pub(crate) struct Slots {
    /// `get_integer`.
    pub get_integer: Option<fn(&PmcData) -> Option<i64>>,
    /// `get_string`.
    pub get_string: Option<fn(&PmcData) -> Option<Str>>,
    /// `get_bool`.
    pub get_bool: Option<fn(&PmcData) -> Option<bool>>,
    /// `get_*_keyed`, for one key step.
    pub get_keyed: Option<GetKeyed>,
    /// `set_*_keyed`, for one key step.
    pub set_keyed: Option<SetKeyed>,
    /// The runtime handle the PMC holds open, which the host must close when the collector
    /// frees the PMC (a dropped FileHandle or Socket leaks no descriptor).
    pub host_handle: Option<fn(&PmcData) -> Option<u32>>,
}

/// A type's `get_*_keyed`: the heap, the PMC's data, the key step.
pub(crate) type GetKeyed = fn(&Heap, &PmcData, &KeyVal) -> Result<Elem, Exc>;

/// A type's `set_*_keyed`: the heap, the PMC, the key step, the value.
pub(crate) type SetKeyed = fn(&mut Heap, PmcRef, &KeyVal, Elem) -> Result<(), Exc>;

impl Slots {
    /// No slot of its own: every one takes the default.
    pub(crate) const NONE: Slots = Slots {
        get_integer: None,
        get_string: None,
        get_bool: None,
        get_keyed: None,
        set_keyed: None,
        host_handle: None,
    };
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
    /// Throw this Exception PMC.
    Throw(PmcRef),
    /// Leave the loop with this scheduler call; the method returns nothing.
    Sched(SchedCall),
    /// Cancel this pending Request; what happened is the method's return value.
    Cancel(PmcRef),
    /// The FileHandle of stdin (0), stdout (1) or stderr (2), which the VM keeps.
    StdHandle(usize),
    /// An IO operation, asked as its op form asks it (`request/ask.rs`).
    Io(Io),
}

/// An IO operation a native method asks for: sync (no callback: the caller waits and gets
/// the answer as the method's return value) or async (the method returns the Request).
pub(crate) struct Io {
    /// What to ask.
    pub ask: Ask,
    /// The invocant: the handle the op works on, whose PMC the answer updates.
    pub on: PmcRef,
    /// The callback of the async form; null: the sync form.
    pub cb: PVal,
    /// The request's name (`read`, `connect`), for `--trace-io` and messages.
    pub name: &'static str,
}

/// What an [`Io`] asks.
pub(crate) enum Ask {
    /// An op (from `request/ops.rs`) on the FileHandle or StringHandle: the request side
    /// finds its host handle, or serves a StringHandle itself.
    Handle(IoOp),
    /// An op as it is: its host handle is in it (a Socket's), or it needs none (`open`).
    Addressed(IoOp),
    /// The op cannot be asked: thrown by the sync form, the failure of the async form's
    /// request.
    Failed(Exc),
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

/// A method's arguments without a trailing Sub, and that Sub: the callback that makes a
/// handle method async (DESIGN §2).
fn split_callback(heap: &Heap, args: &[Elem]) -> (Vec<Elem>, PVal) {
    match args.split_last() {
        Some((Elem::P(Some(c)), rest)) if matches!(heap.get(*c), PmcData::Sub(..)) => (rest.to_vec(), Some(*c)),
        _ => (args.to_vec(), None),
    }
}
