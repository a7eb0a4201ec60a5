//! A bounded pool of worker threads for blocking work (file operations, name lookups). Each
//! backend that blocks has its own, so a slow resolver never starves file IO. Results come
//! back over the pool's channel, and each wakes the reactor's poll.

use crate::os_error::os_error_text;
use std::io;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

/// A piece of blocking work and the result it posts.
pub(crate) type Job<T> = Box<dyn FnOnce() -> T + Send>;

/// Worker threads, started at the first job.
pub(crate) struct Pool<T> {
    /// Thread names are `kea-{name}-{i}`.
    name: &'static str,
    /// Where a job goes to a worker; `None` until the first job.
    jobs: Option<Sender<Job<T>>>,
    done_tx: Sender<T>,
    done_rx: Receiver<T>,
    /// Jobs handed out whose result is not yet taken.
    in_flight: usize,
    /// What to name in a warning when no threads can be started and jobs run inline
    /// (`None`: run them inline without a word).
    inline_warning: Option<&'static str>,
}

impl<T: Send + 'static> Pool<T> {
    pub fn new(name: &'static str, inline_warning: Option<&'static str>) -> Pool<T> {
        let (done_tx, done_rx) = channel();
        Pool { name, jobs: None, done_tx, done_rx, in_flight: 0, inline_warning }
    }

    /// Jobs out whose result has not been taken.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    fn start(&self, size: usize, waker: &Arc<mio::Waker>) -> io::Result<Sender<Job<T>>> {
        let (tx, rx) = channel::<Job<T>>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..size.max(1) {
            let (rx, done, waker) = (rx.clone(), self.done_tx.clone(), waker.clone());
            std::thread::Builder::new().name(format!("kea-{}-{i}", self.name)).spawn(move || loop {
                let job = match rx.lock() {
                    Ok(r) => r.recv(),
                    Err(_) => return,
                };
                let Ok(job) = job else { return };
                if done.send(job()).is_err() {
                    return;
                }
                let _ = waker.wake();
            })?;
        }
        Ok(tx)
    }

    /// Runs `job` on a worker, starting `size` of them at the first job. With no threads to
    /// be had, the job runs here, blocking.
    pub fn run(&mut self, size: usize, waker: &Arc<mio::Waker>, job: Job<T>) {
        if self.jobs.is_none() {
            match self.start(size, waker) {
                Ok(tx) => self.jobs = Some(tx),
                Err(e) => {
                    if let Some(what) = self.inline_warning {
                        eprintln!("kea: cannot start IO worker threads ({}); doing {what} inline", os_error_text(&e));
                    }
                    let _ = self.done_tx.send(job());
                    self.in_flight += 1;
                    return;
                }
            }
        }
        self.in_flight += 1;
        if let Some(tx) = &self.jobs {
            if let Err(back) = tx.send(job) {
                let _ = self.done_tx.send((back.0)());
            }
        }
    }

    /// A finished job's result, if one is waiting.
    pub fn next(&mut self) -> Option<T> {
        let d = self.done_rx.try_recv().ok()?;
        self.in_flight = self.in_flight.saturating_sub(1);
        Some(d)
    }
}
