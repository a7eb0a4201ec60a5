//! The one door back into the VM: [`Vm::complete`] takes the host's answer to a request,
//! converts it by the request's [`Kind`] (never by the shape of the answer), and delivers it
//! where the request says ([`To`]): into its Request PMC at once (async form), or, for a
//! waiting task, when the task runs next ([`Vm::deliver_answer`], called by `Vm::run`).

use super::{Entry, Kind, Reg, To};
use crate::error::{types, Exc};
use crate::host::{Completed, IoResult, RequestId, Step};
use crate::interp::{Task, Vm};
use crate::pmc::socket::{family, sock_type};
use crate::pmc::{Elem, FileHandleData, PVal, PmcData, PmcRef, ReqState, HANDLE_WEIGHT};
use crate::string::{Encoding, Str};

/// An answer after conversion.
enum Answer {
    /// The value, and the bytes it moved.
    Value(Elem, u64),
    /// The op failed with this message.
    Failed(String),
    /// The request was cancelled.
    Cancelled,
}

impl Vm {
    /// Completes request `req` with the host's `result`. An async request's Request PMC is
    /// filled in now; a waiting task gets its answer when it runs next. Says whose waiters
    /// to wake and which callback to run. An id that names no request (already complete,
    /// cancelled) is ignored: a request completes exactly once.
    pub fn complete(&mut self, req: RequestId, result: IoResult) -> Completed {
        let mut done = Completed::default();
        let Some(e) = self.requests.get_mut(req) else { return done };
        let (kind, handle, to) = (e.kind, e.handle, e.to);
        let answer = self.convert(kind, handle, result, &mut done.close);
        match to {
            To::Request(r) => {
                if let (Kind::Accept { stream: true }, Answer::Value(Elem::P(item), _)) = (kind, &answer) {
                    // One connection of a stream: the request stays pending.
                    done.callback = self.stream_item(r, *item);
                    return done;
                }
                self.requests.remove(req);
                done.callback = self.fill(r, answer);
                done.wake = Some(r);
            }
            To::Reg(_) | To::Rets => {
                let answer = match answer {
                    Answer::Value(v, _) => Ok(v),
                    Answer::Failed(m) => Err(Exc::new(types::EXCEPTION_PIO_ERROR, m)),
                    Answer::Cancelled => Err(Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation cancelled")),
                };
                if let Some(e) = self.requests.get_mut(req) {
                    e.answer = Some(answer);
                }
            }
        }
        done
    }

    /// Forgets request `req`, whose waiting task is gone (killed): its answer has nowhere to go.
    pub fn forget(&mut self, req: RequestId) {
        self.requests.remove(req);
    }

    /// The Request PMC of async request `req`, if it is still pending.
    pub fn request_pmc(&mut self, req: RequestId) -> Option<PmcRef> {
        match self.requests.get_mut(req)?.to {
            To::Request(r) => Some(r),
            _ => None,
        }
    }

    /// The request a pending Request PMC stands for.
    pub fn request_of(&self, p: PmcRef) -> Option<RequestId> {
        match self.heap.get(p) {
            PmcData::Request(q) if q.state == ReqState::Pending => Some(q.req),
            _ => None,
        }
    }

    /// Delivers the answer of the request `task` waits on into its frame (or raises its
    /// failure at the op); the returned step ends the task if nothing catches it.
    pub(crate) fn deliver_answer(&mut self, task: &mut Task, req: RequestId) -> Result<(), Step> {
        let Some(Entry { to, answer: Some(answer), .. }) = self.requests.remove(req) else { return Ok(()) };
        let v = match answer {
            Ok(v) => v,
            Err(e) => {
                // The op failed: report it at the op, not after it.
                if let Some(f) = task.frames.last_mut() {
                    f.pc = f.pc.saturating_sub(1);
                }
                return self.raise(task, e);
            }
        };
        match to {
            To::Rets => task.set_rets(v),
            To::Reg(r) => {
                let Some(f) = task.frames.last_mut() else { return Ok(()) };
                match (r, v) {
                    (Reg::None, _) => {}
                    (Reg::S(r), v) => f.s[r as usize] = self.heap.elem_str(&v).unwrap_or_default(),
                    (Reg::I(r), v) => f.i[r as usize] = self.heap.elem_int(&v).unwrap_or(0),
                    (Reg::P(r), v) => f.p[r as usize] = self.heap.boxed(v),
                }
            }
            To::Request(_) => {}
        }
        Ok(())
    }

    /// Completes request `req` at once, the VM having done the op itself (a StringHandle),
    /// and gives its value (sync form) or the exception to raise at the op.
    pub(crate) fn answer_now(&mut self, req: RequestId, result: IoResult) -> Result<Elem, Exc> {
        self.complete(req, result);
        match self.requests.remove(req) {
            Some(Entry { answer: Some(a), .. }) => a,
            _ => Ok(Elem::P(None)),
        }
    }

    /// The host's answer as the value the program sees, by the op's kind.
    fn convert(&mut self, kind: Kind, h: PVal, r: IoResult, close: &mut Option<u32>) -> Answer {
        match (kind, r) {
            (_, IoResult::Failed(m)) => {
                self.note_errno(&m);
                Answer::Failed(m)
            }
            (_, IoResult::Cancelled) => Answer::Cancelled,
            (Kind::Data, IoResult::Data { data, eof }) => {
                let data = match h.map(|h| (h, self.heap.get_mut(h))) {
                    Some((_, PmcData::Socket(d))) => {
                        d.eof = eof;
                        data
                    }
                    Some((h, PmcData::FileHandle(fh))) => {
                        fh.eof = eof;
                        self.decode(h, data)
                    }
                    _ => data,
                };
                let n = data.as_bytes().len();
                self.heap.note_bytes(n);
                Answer::Value(Elem::S(data), n as u64)
            }
            (Kind::Open, IoResult::Opened { handle, path, mode }) => {
                let fh = match h.map(|h| (h, self.heap.get_mut(h))) {
                    // `FileHandle.open` reopens the PMC it was called on.
                    Some((h, PmcData::FileHandle(fh))) if fh.closed => {
                        **fh = FileHandleData { sep: fh.sep.clone(), ..FileHandleData::new(handle, path, mode) };
                        h
                    }
                    _ => self.new_file_handle(handle, path, mode),
                };
                Answer::Value(Elem::P(Some(fh)), 0)
            }
            (Kind::Connect, IoResult::Sock { id }) => {
                self.heap.note_bytes(HANDLE_WEIGHT);
                match h.map(|s| self.heap.get_mut(s)) {
                    // Closed while it was connecting: the new socket goes, the connect is
                    // cancelled.
                    Some(PmcData::Socket(d)) if d.closed => {
                        *close = Some(id);
                        return Answer::Failed("connect failed: Operation canceled(125)".into());
                    }
                    Some(PmcData::Socket(d)) => {
                        d.connecting = 0;
                        d.id = id;
                        d.closed = false;
                        d.eof = false;
                    }
                    _ => {}
                }
                Answer::Value(Elem::I(0), 0)
            }
            (Kind::Accept { .. }, IoResult::Sock { id }) => {
                let (family, stype) = match h.map(|s| self.heap.get(s)) {
                    Some(PmcData::Socket(d)) => (d.family, d.stype),
                    _ => (family::INET, sock_type::STREAM),
                };
                Answer::Value(Elem::P(Some(self.heap.new_socket(id, family, stype))), 0)
            }
            (Kind::Resolve, IoResult::Addrs { addrs, all }) => {
                let v: Vec<PVal> =
                    addrs.into_iter().map(|(text, fam)| Some(self.heap.new_sockaddr(text, fam))).collect();
                if all {
                    Answer::Value(Elem::P(Some(self.heap.alloc(PmcData::ResizablePMCArray(v)))), 0)
                } else {
                    Answer::Value(Elem::P(v.first().copied().flatten()), 0)
                }
            }
            (Kind::Datagram, IoResult::Datagram { data, from }) => {
                let fam = match h.map(|s| self.heap.get(s)) {
                    Some(PmcData::Socket(d)) => d.family,
                    _ => family::INET,
                };
                let a = self.heap.new_sockaddr(from, fam);
                let d = self.heap.alloc(PmcData::String(data));
                let pair = self.heap.alloc(PmcData::ResizablePMCArray(vec![Some(d), Some(a)]));
                Answer::Value(Elem::P(Some(pair)), 0)
            }
            (Kind::Tls, IoResult::Tls) => {
                if let Some(PmcData::Socket(d)) = h.map(|s| self.heap.get_mut(s)) {
                    d.tls = true;
                }
                Answer::Value(Elem::P(None), 0)
            }
            (_, IoResult::Written(n)) => Answer::Value(Elem::P(None), n),
            (_, IoResult::Value(v)) => Answer::Value(v, 0),
            (_, IoResult::Data { data, .. }) => Answer::Value(Elem::S(data), 0),
            _ => Answer::Value(Elem::P(None), 0),
        }
    }

    /// Keeps the OS error number a failure names as `errno` (`err I`): the runtime writes an
    /// OS error as Parrot prints it, `No such file or directory(2)` (its `os_error.rs`).
    fn note_errno(&mut self, message: &str) {
        let Some(inner) = message.strip_suffix(')') else { return };
        let Some(open) = inner.rfind('(') else { return };
        if let Ok(n) = inner[open + 1..].parse::<i64>() {
            self.errno = n;
        }
    }

    /// Fills in Request PMC `r` with its answer; the callback to run with it, if any.
    fn fill(&mut self, r: PmcRef, answer: Answer) -> Option<(PmcRef, PmcRef)> {
        let (state, value, error, bytes) = match answer {
            Answer::Failed(msg) => {
                let e = self.exception_pmc(Exc::new(types::EXCEPTION_PIO_ERROR, msg));
                (ReqState::Failed, None, Some(e), 0)
            }
            Answer::Cancelled => (ReqState::Cancelled, None, None, 0),
            Answer::Value(v, n) => (ReqState::Done, self.heap.boxed(v), None, n),
        };
        let PmcData::Request(q) = self.heap.get_mut(r) else { return None };
        if q.state != ReqState::Pending {
            return None;
        }
        self.requests_completed += 1;
        q.state = state;
        q.result = value;
        q.error = error;
        if bytes > 0 {
            q.bytes = bytes;
        }
        let cb = match state {
            ReqState::Failed => q.error_callback.or(q.callback),
            ReqState::Done => q.callback,
            _ => None,
        };
        cb.map(|cb| (cb, r))
    }

    /// One item of a stream request (each connection of an async `accept`): the request
    /// stays pending and its `return()` is the newest item. The callback is called with a
    /// finished copy of the request whose `return()` is this item, so items that arrive
    /// together each reach their own callback.
    fn stream_item(&mut self, r: PmcRef, item: PVal) -> Option<(PmcRef, PmcRef)> {
        let item = match self.heap.get_mut(r) {
            PmcData::Request(q) if q.state == ReqState::Pending => {
                q.result = item;
                q.bytes += 1;
                let mut item = q.clone();
                item.state = ReqState::Done;
                item
            }
            _ => return None,
        };
        let cb = item.callback?;
        Some((cb, self.heap.alloc(PmcData::Request(item))))
    }

    /// Data read from a handle is binary unless its encoding is utf8 (DESIGN §2, "strings").
    fn decode(&self, h: PmcRef, data: Str) -> Str {
        match self.heap.get(h) {
            PmcData::FileHandle(fh) if fh.utf8 && data.encoding() == Encoding::Binary => {
                Str::from_vec(data.as_bytes().to_vec(), Encoding::Utf8)
            }
            _ => data,
        }
    }

    /// A new open FileHandle PMC for host handle `id`.
    pub(crate) fn new_file_handle(&mut self, id: u32, path: Str, mode: Str) -> PmcRef {
        self.heap.note_bytes(HANDLE_WEIGHT);
        self.heap.alloc(PmcData::FileHandle(Box::new(FileHandleData::new(id, path, mode))))
    }
}
