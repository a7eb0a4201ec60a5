//! IO ops as requests. The VM never touches the OS: an IO op makes a request in the request
//! table (`request/`), the task stops with [`Step::Submit`], and the runtime performs it and
//! answers with [`Vm::complete`] (the contract is `host.rs`).
//!
//! - The **sync** form (`read S0, P1, 10`) is the async form plus wait: its request holds
//!   the destination register, and the task gets the answer when it runs next.
//! - The **async** form (`read P0, P1, 10, P2`) makes a Request PMC, puts it in its first
//!   register and goes on at once; the answer fills the PMC in and runs its callback.
//!
//! A `StringHandle` lives in the heap, so its ops are done in the VM (`mem_io`, in
//! `pmc/handle.rs`) and answered through the same conversion at once; an async op on one
//! tells the scheduler what its completion asks ([`SchedCall::Completed`]).

use super::flow::Flow;
use super::{ia, na, sa, Frame, Vm};
use crate::error::{types, Exc};
use crate::host::{IoOp, Step};
use crate::num;
use crate::op::{IArg, IReg, NArg, NReg, PReg, SArg, SReg, StrId};
use crate::pmc::{PVal, PmcData, PmcRef, ReqState};
use crate::request::ask::Sync;
use crate::request::{ops, Reg, To};
use crate::string::Str;

impl Vm {
    /// Records that a write request moved `bytes` bytes (for `--trace-io` and `cancel`).
    pub fn request_bytes(&mut self, req: PmcRef, bytes: u64) {
        if let PmcData::Request(q) = self.heap.get_mut(req) {
            q.bytes = bytes;
        }
    }

    /// The request's id, op name and state, if `p` is a Request.
    pub fn request_info(&self, p: PmcRef) -> Option<(u64, &'static str, ReqState)> {
        match self.heap.get(p) {
            PmcData::Request(q) => Some((q.id, q.op, q.state)),
            _ => None,
        }
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
        let p = self.new_file_handle(fd as u32, Str::from(path), Str::from(mode));
        self.std_handles[fd] = Some(p);
        p
    }

    /// The PMC standing for stdin (0), stdout (1) or stderr (2): the FileHandle, or what
    /// `setstdin`, `setstdout`, `setstderr` put in its place (maybe null).
    pub(super) fn std_pmc(&mut self, fd: usize) -> PVal {
        if self.std_replaced[fd] {
            self.std_handles[fd]
        } else {
            Some(self.std_handle(fd))
        }
    }

    /// Puts `p` in the place of stdin (0), stdout (1) or stderr (2), as Parrot's
    /// `setstdin` ... do (src/dynoplibs/io.ops): no check here; an op that uses it fails
    /// as it would on `p`.
    fn set_std(&mut self, fd: usize, p: PVal) {
        self.std_handles[fd] = p;
        self.std_replaced[fd] = true;
    }

    /// A sync write to what replaced stdout or stderr (`setstdout`).
    #[cold]
    pub(super) fn write_replaced(&mut self, f: &mut Frame, fd: usize, data: Str) -> Flow {
        let h = self.std_handles[fd];
        if h.is_none() {
            return Flow::Raise(null_write());
        }
        self.sync_io(f, h, Reg::None, |id| ops::write(data).on(id)).into()
    }

    /// An async write to stdout or stderr, or to what replaced it.
    fn async_std(&mut self, f: &mut Frame, req: u16, cb: PVal, fd: u32, name: &'static str, data: Str) -> IoStep {
        if !self.std_replaced[fd as usize] {
            return self.async_host(f, req, cb, name, ops::write(data).on(fd));
        }
        let h = self.std_handles[fd as usize];
        if h.is_none() {
            return Err(null_write());
        }
        self.async_io(f, req, cb, h, name, |id| ops::write(data).on(id))
    }

    /// The text `print`/`say` write for a PMC. A null PMC throws, as in Parrot: `say` checks
    /// for it ("Null PMC in say", `src/ops/io.ops`); `print` and `printerr` just ask it for
    /// its string ("Null PMC access in get_string()").
    fn print_string(&self, p: PVal, op: &str) -> Result<Str, Exc> {
        if p.is_none() {
            return Err(match op {
                "say" => Exc::new(types::EXCEPTION_UNEXPECTED_NULL, "Null PMC in say"),
                _ => Exc::null_access("get_string"),
            });
        }
        self.heap.get_string(p)
    }

    /// Starts a sync IO op on `p` whose answer goes to `dst`: a StringHandle is served at
    /// once; a host handle becomes a request the task waits for.
    fn sync_io(&mut self, f: &mut Frame, p: PVal, dst: Reg, op: impl FnOnce(u32) -> IoOp) -> IoStep {
        self.sync_on(f, p, p, dst, op)
    }

    /// [`Vm::sync_io`] where the PMC the answer updates is `h` (`peek` leaves the handle's
    /// eof flag alone).
    fn sync_on(&mut self, f: &mut Frame, p: PVal, h: PVal, dst: Reg, op: impl FnOnce(u32) -> IoOp) -> IoStep {
        let asked = self.ask_sync(p, h, To::Reg(dst), op);
        self.answer_into(f, dst, asked)
    }

    /// What a sync op gave, for the loop: the step to leave with, or the answer put in `dst`.
    fn answer_into(&mut self, f: &mut Frame, dst: Reg, asked: Result<Sync, Exc>) -> IoStep {
        match asked? {
            Sync::Submit(step) => Ok(Some(step)),
            Sync::Now(v) => {
                match dst {
                    Reg::None => {}
                    Reg::S(reg) => f.s[reg as usize] = self.heap.elem_str(&v)?,
                    Reg::I(reg) => f.i[reg as usize] = self.heap.elem_int(&v)?,
                    Reg::P(reg) => f.p[reg as usize] = self.heap.boxed(v),
                }
                Ok(None)
            }
        }
    }

    /// Starts an async IO op: makes its request in `P(req)`; a StringHandle op completes at
    /// once.
    fn async_io(
        &mut self,
        f: &mut Frame,
        req: u16,
        cb: PVal,
        p: PVal,
        name: &'static str,
        op: impl FnOnce(u32) -> IoOp,
    ) -> IoStep {
        let (r, step) = self.ask_async(cb, p, name, true, op)?;
        f.p[req as usize] = Some(r);
        Ok(Some(step))
    }

    /// An async op that needs no handle (`print` to stdout, `open`, `stat`).
    fn async_host(&mut self, f: &mut Frame, req: u16, cb: PVal, name: &'static str, op: IoOp) -> IoStep {
        let handle = op.handle().filter(|h| *h <= 2).map(|h| self.std_handle(h as usize));
        let (r, step) = self.ask_async_host(cb, handle, name, op)?;
        f.p[req as usize] = Some(r);
        Ok(Some(step))
    }
}

/// The outcome of an IO op: leave the loop with a step, go on, or raise.
pub(super) type IoStep = Result<Option<Step>, Exc>;

/// Parrot's error for a write to a null standard handle (`Parrot_io_write_s`, src/io/api.c).
#[cold]
fn null_write() -> Exc {
    Exc::new(types::EXCEPTION_PIO_ERROR, "Attempt to write a string to a null or invalid PMC")
}

/// A sync write to stdout (1) or stderr (2): the task waits for it.
pub(super) fn write(vm: &mut Vm, handle: u32, data: Str) -> Flow {
    Flow::Leave(vm.submit(ops::write(data).on(handle), None, To::Reg(Reg::None)))
}

/// `s` and a newline.
fn nl(s: Str) -> Str {
    s.concat(&Str::from("\n"))
}

/// A P register's value.
fn p(f: &Frame, r: PReg) -> PVal {
    f.p[r.0 as usize]
}

/// Sync writes to stdout or stderr (`print S`): `name(src) handle: text`.
macro_rules! std_write {
    ($($name:ident($src:ident: $ty:ty) $h:literal: |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: a sync write to handle ", stringify!($h), ".")]
        #[allow(unused_variables)]
        pub(super) fn $name($vm: &mut Vm, $f: &mut Frame, $src: $ty) -> Flow {
            match $text {
                Ok(s) if $vm.std_replaced[$h] => $vm.write_replaced($f, $h, s),
                Ok(s) => write($vm, $h, s),
                Err(e) => Flow::Raise(e),
            }
        }
    )*};
}

std_write! {
    print_i(src: IReg) 1: |vm, f| Ok(Str::from(f.i[src.0 as usize].to_string()));
    print_ic(src: i64) 1: |vm, f| Ok(Str::from(src.to_string()));
    print_n(src: NReg) 1: |vm, f| Ok(Str::from(num::fmt_print(f.n[src.0 as usize])));
    print_nc(src: f64) 1: |vm, f| Ok(Str::from(num::fmt_print(src)));
    print_s(src: SReg) 1: |vm, f| Ok(f.s[src.0 as usize].clone());
    print_sc(src: StrId) 1: |vm, f| Ok(f.code.str(src).clone());
    print_p(src: PReg) 1: |vm, f| vm.print_string(p(f, src), "print");
    say_i(src: IReg) 1: |vm, f| Ok(Str::from(format!("{}\n", f.i[src.0 as usize])));
    say_ic(src: i64) 1: |vm, f| Ok(Str::from(format!("{src}\n")));
    say_n(src: NReg) 1: |vm, f| Ok(Str::from(format!("{}\n", num::fmt_print(f.n[src.0 as usize]))));
    say_nc(src: f64) 1: |vm, f| Ok(Str::from(format!("{}\n", num::fmt_print(src))));
    say_s(src: SReg) 1: |vm, f| Ok(nl(f.s[src.0 as usize].clone()));
    say_sc(src: StrId) 1: |vm, f| Ok(nl(f.code.str(src).clone()));
    say_p(src: PReg) 1: |vm, f| vm.print_string(p(f, src), "say").map(nl);
    printerr_i(src: IReg) 2: |vm, f| Ok(Str::from(f.i[src.0 as usize].to_string()));
    printerr_ic(src: i64) 2: |vm, f| Ok(Str::from(src.to_string()));
    printerr_n(src: NReg) 2: |vm, f| Ok(Str::from(num::fmt_print(f.n[src.0 as usize])));
    printerr_nc(src: f64) 2: |vm, f| Ok(Str::from(num::fmt_print(src)));
    printerr_s(src: SReg) 2: |vm, f| Ok(f.s[src.0 as usize].clone());
    printerr_sc(src: StrId) 2: |vm, f| Ok(f.code.str(src).clone());
    printerr_p(src: PReg) 2: |vm, f| vm.print_string(p(f, src), "printerr");
}

/// Sync writes to a handle (`print P, S`): `name(src): text`.
macro_rules! handle_write {
    ($($name:ident($src:ident: $ty:ty): |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: a sync write to a handle.")]
        pub(super) fn $name($vm: &mut Vm, $f: &mut Frame, handle: PReg, $src: $ty) -> Flow {
            let s = match $text {
                Ok(s) => s,
                Err(e) => return Flow::Raise(e),
            };
            let h = p($f, handle);
            $vm.sync_io($f, h, Reg::None, |id| ops::write(s).on(id)).into()
        }
    )*};
}

handle_write! {
    print_p_i(src: IArg): |vm, f| Ok(Str::from(ia(f, src).to_string()));
    print_p_n(src: NArg): |vm, f| Ok(Str::from(num::fmt_str(na(f, src))));
    print_p_s(src: SArg): |vm, f| Ok(sa(f, src));
    write_p_s(src: SArg): |vm, f| Ok(sa(f, src));
    print_p_p(src: PReg): |vm, f| vm.print_string(p(f, src), "print");
    say_p_i(src: IArg): |vm, f| Ok(Str::from(format!("{}\n", ia(f, src))));
    say_p_n(src: NArg): |vm, f| Ok(Str::from(format!("{}\n", num::fmt_str(na(f, src)))));
    say_p_s(src: SArg): |vm, f| Ok(nl(sa(f, src)));
    say_p_p(src: PReg): |vm, f| vm.print_string(p(f, src), "say").map(nl);
}

/// Async writes to stdout or stderr (`print P, S, P`): `name(src) handle "request name": text`.
macro_rules! std_write_async {
    ($($name:ident($src:ident: $ty:ty) $h:literal $what:literal: |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: an async write to handle ", stringify!($h), ".")]
        pub(super) fn $name($vm: &mut Vm, $f: &mut Frame, req: PReg, $src: $ty, cb: PReg) -> Flow {
            match $text {
                Ok(s) => $vm.async_std($f, req.0, p($f, cb), $h, $what, s).into(),
                Err(e) => Flow::Raise(e),
            }
        }
    )*};
}

std_write_async! {
    print_p_i_p(src: IArg) 1 "print": |vm, f| Ok(Str::from(ia(f, src).to_string()));
    print_p_n_p(src: NArg) 1 "print": |vm, f| Ok(Str::from(num::fmt_print(na(f, src))));
    print_p_s_p(src: SArg) 1 "print": |vm, f| Ok(sa(f, src));
    print_p_p_p(src: PReg) 1 "print": |vm, f| vm.print_string(p(f, src), "print");
    say_p_i_p(src: IArg) 1 "say": |vm, f| Ok(Str::from(format!("{}\n", ia(f, src))));
    say_p_n_p(src: NArg) 1 "say": |vm, f| Ok(Str::from(format!("{}\n", num::fmt_print(na(f, src)))));
    say_p_s_p(src: SArg) 1 "say": |vm, f| Ok(nl(sa(f, src)));
    say_p_p_p(src: PReg) 1 "say": |vm, f| vm.print_string(p(f, src), "say").map(nl);
    printerr_p_i_p(src: IArg) 2 "printerr": |vm, f| Ok(Str::from(ia(f, src).to_string()));
    printerr_p_n_p(src: NArg) 2 "printerr": |vm, f| Ok(Str::from(num::fmt_print(na(f, src))));
    printerr_p_s_p(src: SArg) 2 "printerr": |vm, f| Ok(sa(f, src));
    printerr_p_p_p(src: PReg) 2 "printerr": |vm, f| vm.print_string(p(f, src), "printerr");
}

/// Async writes to a handle (`print P, P, S, P`): `name(src) "request name": text`.
macro_rules! handle_write_async {
    ($($name:ident($src:ident: $ty:ty) $what:literal: |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: an async write to a handle.")]
        pub(super) fn $name($vm: &mut Vm, $f: &mut Frame, req: PReg, handle: PReg, $src: $ty, cb: PReg) -> Flow {
            match $text {
                Ok(s) => {
                    let (cb, h) = (p($f, cb), p($f, handle));
                    $vm.async_io($f, req.0, cb, h, $what, |id| ops::write(s).on(id)).into()
                }
                Err(e) => Flow::Raise(e),
            }
        }
    )*};
}

handle_write_async! {
    print_p_p_i_p(src: IArg) "print": |vm, f| Ok(Str::from(ia(f, src).to_string()));
    print_p_p_n_p(src: NArg) "print": |vm, f| Ok(Str::from(num::fmt_str(na(f, src))));
    print_p_p_s_p(src: SArg) "print": |vm, f| Ok(sa(f, src));
    write_p_p_s_p(src: SArg) "write": |vm, f| Ok(sa(f, src));
    print_p_p_p_p(src: PReg) "print": |vm, f| vm.print_string(p(f, src), "print");
    say_p_p_s_p(src: SArg) "say": |vm, f| Ok(nl(sa(f, src)));
}

/// `getstdin P`
pub(super) fn getstdin_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    f.p[dst.0 as usize] = vm.std_pmc(0);
    Flow::Next
}

/// `getstdout P`
pub(super) fn getstdout_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    f.p[dst.0 as usize] = vm.std_pmc(1);
    Flow::Next
}

/// `getstderr P`
pub(super) fn getstderr_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    f.p[dst.0 as usize] = vm.std_pmc(2);
    Flow::Next
}

/// `setstdin P`: `read S, I`, `peek S` and `getstdin` use P from now on.
pub(super) fn setstdin_p(vm: &mut Vm, f: &mut Frame, src: PReg) -> Flow {
    vm.set_std(0, p(f, src));
    Flow::Next
}

/// `setstdout P`: `print`, `say` and `getstdout` use P from now on.
pub(super) fn setstdout_p(vm: &mut Vm, f: &mut Frame, src: PReg) -> Flow {
    vm.set_std(1, p(f, src));
    Flow::Next
}

/// `setstderr P`: `printerr` and `getstderr` use P from now on.
pub(super) fn setstderr_p(vm: &mut Vm, f: &mut Frame, src: PReg) -> Flow {
    vm.set_std(2, p(f, src));
    Flow::Next
}

/// A sync request on no handle whose result goes to `dst`: the task waits for it.
fn wait_for(vm: &mut Vm, dst: Reg, op: IoOp) -> Flow {
    Flow::Leave(vm.submit(op, None, To::Reg(dst)))
}

/// `open P, S`: for reading.
pub(super) fn open_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, path: SArg) -> Flow {
    wait_for(vm, Reg::P(dst.0), ops::open(sa(f, path), Str::from("r")))
}

/// `open P, S, S`
pub(super) fn open_p_s_s(vm: &mut Vm, f: &mut Frame, dst: PReg, path: SArg, mode: SArg) -> Flow {
    wait_for(vm, Reg::P(dst.0), ops::open(sa(f, path), sa(f, mode)))
}

/// `open P, S, S, P`
pub(super) fn open_p_s_s_p(vm: &mut Vm, f: &mut Frame, req: PReg, path: SArg, mode: SArg, cb: PReg) -> Flow {
    let op = ops::open(sa(f, path), sa(f, mode));
    vm.async_host(f, req.0, p(f, cb), "open", op).into()
}

/// `fdopen P, I, S`
pub(super) fn fdopen_p_i_s(vm: &mut Vm, f: &mut Frame, dst: PReg, fd: IArg, mode: SArg) -> Flow {
    wait_for(vm, Reg::P(dst.0), IoOp::FdOpen { fd: ia(f, fd), mode: sa(f, mode) })
}

/// `close P`
pub(super) fn close_p(vm: &mut Vm, f: &mut Frame, handle: PReg) -> Flow {
    let asked = vm.close_sync(p(f, handle), To::Reg(Reg::None));
    vm.answer_into(f, Reg::None, asked).into()
}

/// `close P, P, P`
pub(super) fn close_p_p_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, cb: PReg) -> Flow {
    match vm.close_async(p(f, cb), p(f, handle)) {
        Ok((r, step)) => {
            f.p[req.0 as usize] = Some(r);
            Flow::Leave(step)
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `read S, I`: from stdin.
pub(super) fn read_s_i(vm: &mut Vm, f: &mut Frame, dst: SReg, count: IArg) -> Flow {
    match ops::read(ia(f, count)) {
        Ok(op) => {
            let h = vm.std_pmc(0);
            vm.sync_io(f, h, Reg::S(dst.0), |id| op.on(id)).into()
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `read S, P, I`
pub(super) fn read_s_p_i(vm: &mut Vm, f: &mut Frame, dst: SReg, handle: PReg, count: IArg) -> Flow {
    match ops::read(ia(f, count)) {
        Ok(op) => vm.sync_io(f, p(f, handle), Reg::S(dst.0), |id| op.on(id)).into(),
        Err(e) => Flow::Raise(e),
    }
}

/// `read P, I, P`: from stdin, async.
pub(super) fn read_p_i_p(vm: &mut Vm, f: &mut Frame, req: PReg, count: IArg, cb: PReg) -> Flow {
    match ops::read(ia(f, count)) {
        Ok(op) => {
            let h = vm.std_pmc(0);
            vm.async_io(f, req.0, p(f, cb), h, "read", |id| op.on(id)).into()
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `read P, P, I, P`
pub(super) fn read_p_p_i_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, count: IArg, cb: PReg) -> Flow {
    match ops::read(ia(f, count)) {
        Ok(op) => vm.async_io(f, req.0, p(f, cb), p(f, handle), "read", |id| op.on(id)).into(),
        Err(e) => Flow::Raise(e),
    }
}

/// `readline S, P`
pub(super) fn readline_s_p(vm: &mut Vm, f: &mut Frame, dst: SReg, handle: PReg) -> Flow {
    let h = p(f, handle);
    let op = ops::readline(vm.heap.record_separator(h));
    vm.sync_io(f, h, Reg::S(dst.0), |id| op.on(id)).into()
}

/// `readline P, P, P`
pub(super) fn readline_p_p_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, cb: PReg) -> Flow {
    let h = p(f, handle);
    let op = ops::readline(vm.heap.record_separator(h));
    vm.async_io(f, req.0, p(f, cb), h, "readline", |id| op.on(id)).into()
}

/// `peek S`: from stdin.
pub(super) fn peek_s(vm: &mut Vm, f: &mut Frame, dst: SReg) -> Flow {
    let h = vm.std_pmc(0);
    vm.sync_on(f, h, None, Reg::S(dst.0), |id| ops::peek().on(id)).into()
}

/// `peek S, P`
pub(super) fn peek_s_p(vm: &mut Vm, f: &mut Frame, dst: SReg, handle: PReg) -> Flow {
    vm.sync_on(f, p(f, handle), None, Reg::S(dst.0), |id| ops::peek().on(id)).into()
}

/// `seek P, I, I`
pub(super) fn seek_p_i_i(vm: &mut Vm, f: &mut Frame, handle: PReg, offset: IArg, whence: IArg) -> Flow {
    let op = ops::seek(ia(f, offset), ia(f, whence));
    vm.sync_io(f, p(f, handle), Reg::None, |id| op.on(id)).into()
}

/// `seek P, P, I, I, P`
pub(super) fn seek_p_p_i_i_p(
    vm: &mut Vm,
    f: &mut Frame,
    req: PReg,
    handle: PReg,
    offset: IArg,
    whence: IArg,
    cb: PReg,
) -> Flow {
    let op = ops::seek(ia(f, offset), ia(f, whence));
    vm.async_io(f, req.0, p(f, cb), p(f, handle), "seek", |id| op.on(id)).into()
}

/// `tell I, P`
pub(super) fn tell_i_p(vm: &mut Vm, f: &mut Frame, dst: IReg, handle: PReg) -> Flow {
    vm.sync_io(f, p(f, handle), Reg::I(dst.0), |id| ops::tell().on(id)).into()
}

/// `tell P, P, P`
pub(super) fn tell_p_p_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, cb: PReg) -> Flow {
    vm.async_io(f, req.0, p(f, cb), p(f, handle), "tell", |id| ops::tell().on(id)).into()
}

/// `stat I, S, I`
pub(super) fn stat_i_s_i(vm: &mut Vm, f: &mut Frame, dst: IReg, path: SArg, what: IArg) -> Flow {
    wait_for(vm, Reg::I(dst.0), IoOp::Stat { path: sa(f, path), fd: None, what: ia(f, what), link: false })
}

/// `stat I, I, I`: of an open descriptor.
pub(super) fn stat_i_i_i(vm: &mut Vm, f: &mut Frame, dst: IReg, fd: IArg, what: IArg) -> Flow {
    let op = IoOp::Stat { path: Str::empty(), fd: Some(ia(f, fd)), what: ia(f, what), link: false };
    wait_for(vm, Reg::I(dst.0), op)
}

/// `stat P, S, I, P`
pub(super) fn stat_p_s_i_p(vm: &mut Vm, f: &mut Frame, req: PReg, path: SArg, what: IArg, cb: PReg) -> Flow {
    let op = IoOp::Stat { path: sa(f, path), fd: None, what: ia(f, what), link: false };
    vm.async_host(f, req.0, p(f, cb), "stat", op).into()
}

/// `lstat I, S, I`: as `stat`, of a link itself (src/dynoplibs/io.ops).
pub(super) fn lstat_i_s_i(vm: &mut Vm, f: &mut Frame, dst: IReg, path: SArg, what: IArg) -> Flow {
    wait_for(vm, Reg::I(dst.0), IoOp::Stat { path: sa(f, path), fd: None, what: ia(f, what), link: true })
}

/// `lstat P, S, I, P`
pub(super) fn lstat_p_s_i_p(vm: &mut Vm, f: &mut Frame, req: PReg, path: SArg, what: IArg, cb: PReg) -> Flow {
    let op = IoOp::Stat { path: sa(f, path), fd: None, what: ia(f, what), link: true };
    vm.async_host(f, req.0, p(f, cb), "lstat", op).into()
}
