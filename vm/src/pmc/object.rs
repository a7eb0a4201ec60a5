//! Class and Object: classes made by `newclass` and their instances.

use super::{PHash, PmcRef};
use crate::string::Str;

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

/// The PMCs an Object holds: its class and attribute values (the collector's trace).
pub(super) fn trace(d: &super::PmcData, out: &mut Vec<PmcRef>) {
    if let super::PmcData::Object(o) = d {
        out.push(o.class);
        out.extend(o.attrs.values().flatten());
    }
}
