//! Timer: Parrot's `src/pmc/timer.pmc`, keyed by the `timer.pasm` numbers. Setting its
//! `RUNNING` key (or invoking it) asks the scheduler to arm or disarm it.

use super::{key_name, no_attr, Elem, Heap, KeyVal, PVal, PmcData, PmcRef, Slots};
use crate::error::{types, Exc};
use crate::host::{SchedCall, Step, TimerChange};

/// A Timer PMC (Parrot's `src/pmc/timer.pmc` keys, `timer.pasm`).
#[derive(Clone, Debug, Default)]
pub struct TimerData {
    /// The runtime's id while it runs (0: stopped).
    pub id: u64,
    /// `PARROT_TIMER_SEC`: whole seconds.
    pub sec: i64,
    /// `PARROT_TIMER_USEC`: microseconds.
    pub usec: i64,
    /// `PARROT_TIMER_NSEC` as Parrot uses it: the whole interval in (fractional) seconds.
    pub frac: Option<f64>,
    /// 0 fires once, -1 forever, n fires n + 1 times.
    pub repeat: i64,
    /// Called with no arguments at each firing.
    pub handler: PVal,
    /// Set while armed.
    pub running: bool,
}

/// `timer.pasm` keys.
pub mod timer_keys {
    /// whole seconds
    pub const SEC: i64 = 0;
    /// microseconds
    pub const USEC: i64 = 1;
    /// seconds with a fraction
    pub const NSEC: i64 = 2;
    /// repeat count
    pub const REPEAT: i64 = 3;
    /// the interval (read only)
    pub const INTERVAL: i64 = 4;
    /// 1 to start, 0 to stop
    pub const RUNNING: i64 = 5;
    /// the handler sub
    pub const HANDLER: i64 = 6;
}

impl TimerData {
    /// The interval in seconds.
    pub fn interval(&self) -> f64 {
        match self.frac {
            Some(f) => f,
            None => self.sec as f64 + self.usec as f64 / 1e6,
        }
    }

    /// `get_*_keyed_int`.
    pub fn get_key(&self, key: &KeyVal) -> Result<Elem, Exc> {
        let KeyVal::Int(k) = key else { return Err(no_attr("Timer", &key_name(key))) };
        Ok(match *k {
            timer_keys::SEC => Elem::I(self.interval().trunc() as i64),
            timer_keys::USEC => Elem::I(match self.frac {
                Some(f) => ((f - f.trunc()) * 1e6).round() as i64,
                None => self.usec,
            }),
            timer_keys::NSEC | timer_keys::INTERVAL => Elem::N(self.interval()),
            timer_keys::REPEAT => Elem::I(self.repeat),
            timer_keys::RUNNING => Elem::I(self.running as i64),
            timer_keys::HANDLER => Elem::P(self.handler),
            other => return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("Timer has no key {other}"))),
        })
    }

    /// `set_*_keyed_int`; `ints` and `num` are the value as an integer and as a number.
    pub fn set_key(&mut self, k: i64, int: i64, num: f64, pmc: PVal) -> Result<TimerChange, Exc> {
        match k {
            timer_keys::SEC => {
                self.sec = int;
                self.frac = None;
            }
            timer_keys::USEC => {
                self.usec = int;
                self.frac = None;
            }
            timer_keys::NSEC => self.frac = Some(num),
            timer_keys::REPEAT => self.repeat = int,
            timer_keys::HANDLER => self.handler = pmc,
            timer_keys::RUNNING => {
                return Ok(match (int != 0, self.running) {
                    (true, _) => TimerChange::Start,
                    (false, true) => TimerChange::Stop,
                    (false, false) => TimerChange::None,
                })
            }
            other => {
                return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("Timer key {other} cannot be set")))
            }
        }
        let iv = self.interval();
        if iv.is_nan() || iv < 0.0 || iv.is_infinite() {
            return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "Timer interval must be a finite number >= 0"));
        }
        Ok(TimerChange::None)
    }
}

/// The PMC a Timer holds, its handler (the collector's trace).
pub(super) fn trace(d: &PmcData, out: &mut Vec<PmcRef>) {
    if let PmcData::Timer(t) = d {
        out.extend(t.handler);
    }
}

impl Heap {
    /// Starts a Timer PMC (what invoking one does).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(crate) fn timer_invoke(&self, p: PmcRef) -> Option<Step> {
        match self.get(p) {
            PmcData::Timer(_) => Some(Step::Sched(SchedCall::Timer(p, TimerChange::Start))),
            _ => None,
        }
    }

    /// A keyed set on a Timer, which may start or stop it.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(crate) fn timer_set(&mut self, p: PmcRef, key: i64, v: Elem) -> Result<TimerChange, Exc> {
        let (int, num) = (self.elem_int(&v).unwrap_or(0), self.elem_num(&v).unwrap_or(0.0));
        let pmc = match v {
            Elem::P(p) => p,
            _ => None,
        };
        match self.get_mut(p) {
            PmcData::Timer(t) => t.set_key(key, int, num, pmc),
            d => Err(Exc::unsupported("set_keyed", d.class_name())),
        }
    }
}

/// Timer's own vtable slots: always true, and its settings as integer keys (`timer.pasm`).
pub(super) const SLOTS: Slots = Slots {
    get_bool: Some(|_| Some(true)),
    get_keyed: Some(|_, d, k| match d {
        PmcData::Timer(t) => t.get_key(k),
        d => Err(Exc::unsupported("get_pmc_keyed", d.class_name())),
    }),
    ..Slots::NONE
};
