//! The host contract: what the VM asks of its host (the `kea-runtime` crate) and what comes
//! back. Everything that crosses the boundary between the machine and the OS is in this file,
//! as mio's `src/sys/mod.rs` states what a platform must provide.
//!
//! ## The contract
//! - **The VM asks by returning a [`Step`].** [`Vm::run`](crate::interp::Vm::run) runs a task
//!   for a slice of fuel and returns why it stopped. Two steps are requests to the host:
//!   [`Step::Submit`] (an [`IoOp`] for the reactor) and [`Step::Sched`] (a [`SchedCall`] for
//!   the scheduler). The task's pc is already past the op that asked.
//! - **Every IO op is one request.** The op (or native method) that asks makes a request in
//!   the VM's request table (`request.rs`) and names it with a [`RequestId`]. The sync form
//!   (`read S0, P1, 10`) is the async form plus wait: the same request with `wait: true`,
//!   and the task must not run again until the request is complete. The async form
//!   (`read P0, P1, 10, P2`) has `wait: false`: its Request PMC is in the program's hands
//!   and the task goes on at once.
//! - **Every answer comes back through one door,**
//!   [`Vm::complete(req, result)`](crate::interp::Vm::complete), exactly once per request
//!   (a stream, the connections of an async `accept`, answers once per item). It returns a
//!   [`Completed`]: which Request PMC's waiters to wake, which callback to run, and a handle
//!   nobody holds any more. A waiting task gets its result (or its exception) when it runs
//!   next: the destination register is kept on the request, not on the task.
//! - **Scheduler calls with an answer** (`receive`, `current_task`, a Request's `cancel`)
//!   carry a request too, and are answered through the same door with [`IoResult::Value`].
//! - **Handles** are the host's ids (`u32`): 0, 1 and 2 are stdin, stdout and stderr, the
//!   others come back from `Open`, `Connect`, `Bind` and `Accept`. A handle whose PMC the
//!   collector freed while it was open is returned by
//!   [`Vm::collect`](crate::interp::Vm::collect): the host closes it.
//! - **Interrupts** are the host's too: it raises the VM's [`Interrupt`](crate::interrupt)
//!   flag (`Vm::heap.meter.interrupt`, cloned to any thread) when a deadline passes, memory
//!   runs out, the user presses Ctrl-C or a signal is pending; the VM looks at it between
//!   slices and inside long ops and returns [`Step::Interrupted`].
//! - **Time** is the host's: the VM reads no OS clock. The host gives the wall clock as
//!   [`Vm::clock`](crate::interp::Vm::clock) (`time I`, `time N`).
//! - **Facts about the OS that cannot block** (the local time zone, the OS's version, the
//!   text of an error number) are functions the host gives the VM in [`OsFacts`]
//!   ([`Vm::os`](crate::interp::Vm::os)), like the clock: `localtime`, `sysinfo`, `err`
//!   call them, and nothing else. What can block (a file's facts: `stat`, `lstat`) is a
//!   request like any IO op.
//! - **The VM never blocks and never touches the OS**; the host never touches a register.

use crate::error::Trap;
use crate::pmc::value::{Elem, PmcRef};
use crate::string::Str;

/// Names one request in the VM's request table until it is complete. An id is never given
/// out twice (a slot's generation is in its high half): a late answer to a request that is
/// gone cannot land on the one that took its slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

impl RequestId {
    /// Names no request: the host's own operations (closing a handle the collector freed),
    /// whose outcome nobody hears.
    pub const NONE: RequestId = RequestId(u64::MAX);
}

/// Why [`Vm::run`](crate::interp::Vm::run) returned.
#[derive(Debug)]
pub enum Step {
    /// The fuel is spent; call `run` again to go on.
    Yielded,
    /// The task ended.
    Finished,
    /// The task asks for IO. With `wait`, the sync form: the task runs again only after
    /// [`Vm::complete`](crate::interp::Vm::complete) of `req`. Without, the async form: the
    /// task goes on at once, and the answer fills in its Request PMC.
    Submit {
        /// The request the answer goes to.
        req: RequestId,
        /// What to do.
        op: IoOp,
        /// The task waits for it.
        wait: bool,
    },
    /// The task asks something of the scheduler.
    Sched(SchedCall),
    /// An uncaught `exit N`.
    Exit(i32),
    /// An uncaught exception (or a limit): the task is dead.
    Trapped(Trap),
    /// The host raised the interrupt flag (`interrupt.rs`): the task stopped at a safe point
    /// or in a long op that wrote nothing, its pc at the next op to run. It is intact: clear
    /// the flag and call `run` again to go on, or drop it.
    Interrupted,
}

impl Step {
    /// The request whose answer the task must get before it runs on: a sync op's, or a
    /// scheduler call's that has an answer.
    pub fn waits_on(&self) -> Option<RequestId> {
        match self {
            Step::Submit { req, wait: true, .. } => Some(*req),
            Step::Sched(SchedCall::Receive(r) | SchedCall::CurrentTask(r) | SchedCall::Cancel(_, r)) => Some(*r),
            _ => None,
        }
    }
}

/// The local time zone at one instant, as the host's zone rules say (`localtime`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LocalZone {
    /// Seconds east of UTC.
    pub offset: i64,
    /// Daylight saving (summer) time is in effect.
    pub dst: bool,
}

/// What the OS says of itself (`sysinfo S, I`): the parts of `uname` and the CPU's model
/// name. Empty where the host does not know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SystemInfo {
    /// The OS's version string (`uname -v`).
    pub os_version: String,
    /// The OS's release number (`uname -r`).
    pub os_release: String,
    /// The CPU's model name (`model name` in Linux's `/proc/cpuinfo`), or `unknown`.
    pub cpu_type: String,
}

/// The host's answers to what the VM may ask at once, without a request (none of them
/// blocks: the zone rules are read once, when first needed). A VM without a host (the
/// default) lives in UTC on an OS that says nothing of itself.
pub struct OsFacts {
    /// The local zone at a Unix time.
    pub zone: Box<dyn Fn(i64) -> LocalZone>,
    /// What the OS says of itself.
    pub system: fn() -> SystemInfo,
    /// The OS's text for an error number (C's `strerror`).
    pub strerror: fn(i64) -> String,
}

impl Default for OsFacts {
    fn default() -> Self {
        OsFacts {
            zone: Box::new(|_| LocalZone::default()),
            system: SystemInfo::default,
            strerror: |n| format!("Unknown error {n}"),
        }
    }
}

impl std::fmt::Debug for OsFacts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OsFacts")
    }
}

/// What [`Vm::complete`](crate::interp::Vm::complete) tells the host to do.
#[derive(Debug, Default, Clone)]
pub struct Completed {
    /// The Request PMC that left `Pending`: wake the tasks that `wait` on it.
    pub wake: Option<PmcRef>,
    /// Run this sub with this argument (a callback and its Request).
    pub callback: Option<(PmcRef, PmcRef)>,
    /// A handle nobody holds any more (a socket that connected after its PMC was closed):
    /// close it.
    pub close: Option<u32>,
}

/// One IO operation for the runtime, on a host handle id (0 stdin, 1 stdout, 2 stderr,
/// others from `Open`).
#[derive(Debug, Clone)]
pub enum IoOp {
    /// Write bytes.
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
    /// Read one line, keeping its separator.
    ReadLine {
        /// The handle.
        handle: u32,
        /// The record separator (one or more bytes; `\n` by default).
        sep: Str,
    },
    /// Read everything left.
    ReadAll {
        /// The handle.
        handle: u32,
    },
    /// The next byte, not consumed.
    Peek {
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
    /// Close a handle (flushing it first); its pending requests complete as cancelled.
    Close {
        /// The handle.
        handle: u32,
    },
    /// Flush a handle's buffer.
    Flush {
        /// The handle.
        handle: u32,
    },
    /// Move the position; the result is the new position.
    Seek {
        /// The handle.
        handle: u32,
        /// The offset.
        offset: i64,
        /// 0 from the start, 1 from the current position, 2 from the end.
        whence: i64,
    },
    /// The position.
    Tell {
        /// The handle.
        handle: u32,
    },
    /// One fact about a file (`stat.pasm` codes).
    Stat {
        /// A path, or an open descriptor number when `fd` is set.
        path: Str,
        /// The descriptor, for `stat I, I, I`.
        fd: Option<i64>,
        /// What to report.
        what: i64,
        /// Of the link itself, not what it points to (`lstat`).
        link: bool,
    },
    /// Is the handle a terminal?
    IsATty {
        /// The handle.
        handle: u32,
    },
    /// A socket operation.
    Net(NetOp),
    /// A handle for an inherited descriptor.
    FdOpen {
        /// The descriptor.
        fd: i64,
        /// The mode.
        mode: Str,
    },
}

impl IoOp {
    /// The handle it works on, if any.
    pub fn handle(&self) -> Option<u32> {
        match self {
            IoOp::Write { handle, .. }
            | IoOp::Read { handle, .. }
            | IoOp::ReadLine { handle, .. }
            | IoOp::ReadAll { handle }
            | IoOp::Peek { handle }
            | IoOp::Close { handle }
            | IoOp::Flush { handle }
            | IoOp::Seek { handle, .. }
            | IoOp::Tell { handle }
            | IoOp::IsATty { handle } => Some(*handle),
            IoOp::Net(n) => n.handle(),
            IoOp::Open { .. } | IoOp::Stat { .. } | IoOp::FdOpen { .. } => None,
        }
    }
    /// A short name for traces and statistics.
    pub fn kind(&self) -> &'static str {
        match self {
            IoOp::Write { .. } => "write",
            IoOp::Read { .. } => "read",
            IoOp::ReadLine { .. } => "readline",
            IoOp::ReadAll { .. } => "readall",
            IoOp::Peek { .. } => "peek",
            IoOp::Open { .. } => "open",
            IoOp::Close { .. } => "close",
            IoOp::Flush { .. } => "flush",
            IoOp::Seek { .. } => "seek",
            IoOp::Tell { .. } => "tell",
            IoOp::Stat { .. } => "stat",
            IoOp::IsATty { .. } => "isatty",
            IoOp::FdOpen { .. } => "fdopen",
            IoOp::Net(n) => n.kind(),
        }
    }
}

/// What the runtime reports back.
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
    /// A value (a position, a stat fact, a message, a task).
    Value(Elem),
    /// The operation failed; the message is what the program's exception says.
    Failed(String),
    /// The request was cancelled before it completed.
    Cancelled,
    /// A socket: `connect`/`bind` made it for the Socket it was called on, `accept` for a
    /// new Socket (the request's op says which).
    Sock {
        /// The runtime's socket id.
        id: u32,
    },
    /// Resolved addresses, with their `PIO_PF_*` family.
    Addrs {
        /// The addresses.
        addrs: Vec<(Str, i64)>,
        /// All of them (`getaddrinfo`) rather than the first (`sockaddr`).
        all: bool,
    },
    /// A datagram and its sender.
    Datagram {
        /// The bytes.
        data: Str,
        /// The sender's address.
        from: Str,
    },
    /// TLS is now on for the socket.
    Tls,
    /// A write is done: this many bytes were handed to the OS.
    Written(u64),
}

/// One socket operation for the runtime.
#[derive(Clone, Debug)]
pub enum NetOp {
    /// Resolve `host`/`port` into addresses (on the resolver pool).
    Resolve {
        /// Host name or address.
        host: Str,
        /// Port.
        port: i64,
        /// Wanted family (`INET`, `INET6`, or 0 for any).
        family: i64,
        /// All results (`getaddrinfo`) or the first (`sockaddr`).
        all: bool,
    },
    /// Connect a new socket to `addr`.
    Connect {
        /// `PIO_PF_*`.
        family: i64,
        /// `PIO_SOCK_*`.
        stype: i64,
        /// The address.
        addr: Str,
        /// Option bits.
        opts: u32,
        /// Seconds before it gives up (0: never).
        timeout: f64,
        /// Names this connect for `Abort`.
        token: u64,
    },
    /// Cancel the connect named `token` (its socket was closed before it completed).
    Abort {
        /// The connect's token.
        token: u64,
    },
    /// Bind a new socket to `addr` (a stream socket also listens).
    Bind {
        /// `PIO_PF_*`.
        family: i64,
        /// `PIO_SOCK_*`.
        stype: i64,
        /// The address.
        addr: Str,
        /// Option bits.
        opts: u32,
    },
    /// Set the listen backlog.
    Listen {
        /// The socket.
        handle: u32,
        /// The backlog.
        backlog: i64,
    },
    /// Take the next connection.
    Accept {
        /// The listening socket.
        handle: u32,
        /// One callback per connection (async accept).
        stream: bool,
        /// Seconds before it gives up (0: never; a stream never does).
        timeout: f64,
    },
    /// Receive what is available.
    Recv {
        /// The socket.
        handle: u32,
        /// Seconds before it gives up (0: never).
        timeout: f64,
    },
    /// Send bytes; the result is the count.
    Send {
        /// The socket.
        handle: u32,
        /// The bytes.
        data: Str,
    },
    /// Send a datagram to `addr`.
    SendTo {
        /// The socket.
        handle: u32,
        /// The bytes.
        data: Str,
        /// The address.
        addr: Str,
    },
    /// Receive a datagram and its sender.
    RecvFrom {
        /// The socket.
        handle: u32,
        /// Seconds before it gives up (0: never).
        timeout: f64,
    },
    /// Wait until readable (1), writable (2) or either, for at most `secs`.
    Poll {
        /// The socket.
        handle: u32,
        /// Bits wanted.
        which: i64,
        /// Seconds.
        secs: f64,
    },
    /// Half-close: 0 reads, 1 writes, 2 both.
    Shutdown {
        /// The socket.
        handle: u32,
        /// What to shut.
        how: i64,
    },
    /// The local (or remote) address.
    Address {
        /// The socket.
        handle: u32,
        /// The peer's.
        remote: bool,
    },
    /// Bytes queued for sending and not yet taken by the OS.
    Queued {
        /// The socket.
        handle: u32,
    },
    /// Start TLS on a connected socket (client or server), with options.
    Tls {
        /// The socket.
        handle: u32,
        /// Server side.
        server: bool,
        /// Options as key/value text: `server`, `host`, `ca`, `cert`, `key`, `client_ca`,
        /// `alpn`, `timeout` (the runtime's `tls.rs` says what each means).
        opts: Vec<(String, String)>,
    },
    /// The application protocol TLS agreed on (ALPN), or "" when none was.
    Alpn {
        /// The socket.
        handle: u32,
    },
}

impl NetOp {
    /// The socket it works on.
    pub fn handle(&self) -> Option<u32> {
        match self {
            NetOp::Listen { handle, .. }
            | NetOp::Accept { handle, .. }
            | NetOp::Recv { handle, .. }
            | NetOp::Send { handle, .. }
            | NetOp::SendTo { handle, .. }
            | NetOp::RecvFrom { handle, .. }
            | NetOp::Poll { handle, .. }
            | NetOp::Shutdown { handle, .. }
            | NetOp::Address { handle, .. }
            | NetOp::Queued { handle }
            | NetOp::Alpn { handle }
            | NetOp::Tls { handle, .. } => Some(*handle),
            NetOp::Resolve { .. } | NetOp::Connect { .. } | NetOp::Bind { .. } | NetOp::Abort { .. } => None,
        }
    }
    /// A short name for traces and statistics.
    pub fn kind(&self) -> &'static str {
        match self {
            NetOp::Resolve { .. } => "resolve",
            NetOp::Connect { .. } => "connect",
            NetOp::Abort { .. } => "abort",
            NetOp::Bind { .. } => "bind",
            NetOp::Listen { .. } => "listen",
            NetOp::Accept { .. } => "accept",
            NetOp::Recv { .. } => "recv",
            NetOp::Send { .. } => "send",
            NetOp::SendTo { .. } => "sendto",
            NetOp::RecvFrom { .. } => "recvfrom",
            NetOp::Poll { .. } => "poll",
            NetOp::Shutdown { .. } => "shutdown",
            NetOp::Address { .. } => "address",
            NetOp::Queued { .. } => "queued",
            NetOp::Tls { .. } => "tls",
            NetOp::Alpn { .. } => "alpn",
        }
    }
}

/// What setting a Timer key asks of the scheduler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerChange {
    /// Nothing: a setting changed.
    None,
    /// Arm it.
    Start,
    /// Disarm it.
    Stop,
}

/// What a task asks of the scheduler.
#[derive(Debug, Clone)]
pub enum SchedCall {
    /// Start this Task PMC (a new green thread, or an event to dispatch). `local`: run it
    /// before every other task (`schedule_local`).
    Schedule {
        /// The Task PMC.
        task: PmcRef,
        /// Ahead of the others.
        local: bool,
    },
    /// Park the caller until this pending Request or running Task completes.
    Wait(PmcRef),
    /// Yield the rest of the slice.
    Pass,
    /// Park the caller for this many seconds.
    Sleep(f64),
    /// End the calling task.
    Terminate,
    /// Take the next message from the caller's mailbox; park while it is empty. The message
    /// is the answer to `req` (it goes to the op's register).
    Receive(RequestId),
    /// A message was put in this Task PMC's mailbox.
    Sent(PmcRef),
    /// A Timer PMC was started or stopped.
    Timer(PmcRef, TimerChange),
    /// Register an EventHandler PMC.
    AddHandler(PmcRef),
    /// End the task of this Task PMC.
    Kill(PmcRef),
    /// Cancel the request of this Request PMC; what happened (a string) is the answer to
    /// the second request (the method's return value).
    Cancel(PmcRef, RequestId),
    /// A request the VM completed itself (a StringHandle op, a closed handle): do what
    /// [`Completed`] says, as for any completion.
    Completed(Completed),
    /// The caller's own Task PMC, as the answer to `req`.
    CurrentTask(RequestId),
    /// Turn preemption of the caller off (`false`) or back on.
    Preemption(bool),
    /// A safe point: let due work run (`check_events`).
    CheckEvents,
}
