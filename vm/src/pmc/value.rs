//! The values every layer passes around: [`PmcRef`] (a handle to a PMC), [`PVal`] (a P
//! register's content), [`Elem`] (a value of any register kind) and [`KeyVal`] (a step of a
//! key). They name no PMC type, so the host contract (`host.rs`) and the frames
//! (`interp/frames.rs`) use them without reaching the types, whose native methods use both.

use crate::string::Str;
use std::num::NonZeroU32;

/// A handle to a PMC in the [`Heap`](super::Heap).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PmcRef(pub(super) NonZeroU32);

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
