//! Timers and sleepers: one ordered heap of alarms keyed by (deadline, creation), fired
//! without drift.

use super::{Class, Runtime, State, TaskId, Why, DEFAULT_PRIORITY};
use crate::sink::Sink;
use kea_vm::interp::Task;
use kea_vm::pmc::{PmcData, PmcRef};
use std::cmp::Reverse;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Alarm {
    /// Wake a sleeping task.
    Wake(TaskId),
    /// Fire the timer with this runtime id.
    Timer(u64),
}

/// An armed timer.
pub(super) struct Armed {
    pub(super) pmc: PmcRef,
    pub(super) interval: Duration,
    /// Firings left (-1: forever).
    pub(super) left: i64,
    /// The first deadline; the k-th firing is due at `start + k * interval` (no drift).
    pub(super) start: Instant,
    pub(super) fired: u32,
}

impl<S: Sink> Runtime<S> {
    /// Drops alarms that no longer mean anything (a stopped or re-armed timer, a sleeper
    /// that was killed) from the top of the heap, so they neither fire nor keep the program
    /// alive.
    pub(super) fn prune_alarms(&mut self) {
        while let Some(Reverse((_, _, a))) = self.alarms.peek() {
            let live = match a {
                Alarm::Timer(tid) => self.timers.contains_key(tid),
                Alarm::Wake(id) => self.tasks.get(id).is_some_and(|s| s.state == State::Blocked(Why::Sleep)),
            };
            if live {
                return;
            }
            self.alarms.pop();
        }
    }

    pub(super) fn start_timer(&mut self, p: PmcRef) {
        let PmcData::Timer(t) = self.vm.heap.get(p) else { return };
        let interval = Duration::from_secs_f64(t.interval().clamp(0.0, 1e9));
        let left = t.repeat;
        let old = t.id;
        self.timers.remove(&old);
        self.next_timer += 1;
        let tid = self.next_timer;
        let start = Instant::now() + interval;
        self.timers.insert(tid, Armed { pmc: p, interval, left, start, fired: 0 });
        self.seq += 1;
        self.alarms.push(Reverse((start, self.seq, Alarm::Timer(tid))));
        if let PmcData::Timer(t) = self.vm.heap.get_mut(p) {
            t.id = tid;
            t.running = true;
        }
    }

    pub(super) fn stop_timer(&mut self, p: PmcRef) {
        if let PmcData::Timer(t) = self.vm.heap.get_mut(p) {
            self.timers.remove(&t.id);
            t.id = 0;
            t.running = false;
        }
    }

    /// Fires everything due at `now`, in (deadline, creation) order.
    pub(super) fn fire_alarms(&mut self, now: Instant) {
        while let Some(Reverse((at, _, a))) = self.alarms.peek().copied() {
            if at > now {
                break;
            }
            self.alarms.pop();
            match a {
                Alarm::Wake(id) => {
                    if self.tasks.get(&id).is_some_and(|s| s.state == State::Blocked(Why::Sleep)) {
                        self.make_ready(id);
                    }
                }
                Alarm::Timer(tid) => self.fire_timer(tid, at, now),
            }
        }
    }

    pub(super) fn fire_timer(&mut self, tid: u64, at: Instant, now: Instant) {
        let Some(t) = self.timers.get_mut(&tid) else { return };
        t.fired += 1;
        let pmc = t.pmc;
        let again = t.left != 0;
        if t.left > 0 {
            t.left -= 1;
        }
        let next = if again && !t.interval.is_zero() {
            // No drift: the next deadline is a multiple of the interval from the start;
            // firings missed while the process was busy are skipped, not bunched.
            let mut k = t.fired;
            let mut n = t.start + t.interval * k;
            while n <= now {
                k += 1;
                n = t.start + t.interval * k;
            }
            t.fired = k;
            Some(n)
        } else if again {
            Some(at.max(now) + Duration::from_millis(1))
        } else {
            None
        };
        match next {
            Some(n) => {
                self.seq += 1;
                self.alarms.push(Reverse((n, self.seq, Alarm::Timer(tid))));
            }
            None => {
                self.timers.remove(&tid);
                if let PmcData::Timer(td) = self.vm.heap.get_mut(pmc) {
                    td.running = false;
                    td.id = 0;
                }
            }
        }
        let handler = match self.vm.heap.get(pmc) {
            PmcData::Timer(td) => td.handler,
            _ => None,
        };
        if let Some(h) = handler {
            self.stats.callbacks += 1;
            match Task::calling(&self.vm, h, &[]) {
                Some(task) => {
                    self.spawn(task, None, Class::Event, DEFAULT_PRIORITY);
                }
                None => self.fail_msg("a Timer's handler is not a Sub"),
            }
        }
    }
}
