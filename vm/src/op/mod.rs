//! What the op table projects: [`Op`] (an instruction with its operands), [`Opcode`] (its
//! number), [`OPS`] (name, mnemonic, [`Family`], operand signature and doc of every op) and the
//! operand types. The interpreter's dispatch to one handler per op is projected from the same
//! table (`interp/dispatch.rs`). `asm` selects variants through [`variants`], the verifier checks operands against
//! [`OpInfo::operands`], and `kea ops` renders [`OPS`].

mod table;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// An I register index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IReg(pub u16);
/// An N register index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NReg(pub u16);
/// An S register index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SReg(pub u16);
/// A P register index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PReg(pub u16);
/// An index into the code object's string constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StrId(pub u32);
/// An absolute instruction index inside the same code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);
/// An index into the code object's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyId(pub u32);
/// An index into the code object's argument lists (PDD 3 ops).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArgsId(pub u32);

/// Marks a register-or-constant operand as a constant (the rest is the pool index).
pub const CONST_BIT: u16 = 1 << 15;
/// How many constants a register-or-constant operand can address (per pool, per code object).
/// 16-bit operands keep every [`Op`] at 16 bytes (`op/tests.rs`).
pub const MAX_FLEX_CONSTS: u32 = CONST_BIT as u32;

macro_rules! reg_or_const {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(pub u16);
        impl $name {
            /// A register operand.
            pub fn reg(index: u16) -> Self {
                Self(index & !CONST_BIT)
            }
            /// A constant operand, by index into the matching constant pool
            /// (`index < MAX_FLEX_CONSTS`; the assembler checks).
            pub fn constant(index: u32) -> Self {
                Self((index as u16 & !CONST_BIT) | CONST_BIT)
            }
            /// `Ok(register)` or `Err(constant pool index)`.
            pub fn split(self) -> Result<u16, u32> {
                if self.0 & CONST_BIT == 0 {
                    Ok(self.0)
                } else {
                    Err(u32::from(self.0 & !CONST_BIT))
                }
            }
        }
    };
}
reg_or_const!(
    /// An I register or an integer constant (index into `Code::ints`).
    IArg
);
reg_or_const!(
    /// An N register or a number constant (index into `Code::nums`).
    NArg
);
reg_or_const!(
    /// An S register or a string constant (index into `Code::strs`).
    SArg
);

/// Whether an operand is read, written or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// read
    In,
    /// written
    Out,
    /// read, then written
    InOut,
}

/// The kind of an operand, as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// I register
    I,
    /// N register
    N,
    /// S register
    S,
    /// P register
    P,
    /// integer constant
    Ic,
    /// number constant
    Nc,
    /// string constant
    Sc,
    /// I register or integer constant
    Ix,
    /// N register or number constant
    Nx,
    /// S register or string constant
    Sx,
    /// label
    L,
    /// key
    K,
    /// argument list
    V,
}

impl Kind {
    /// How `kea ops` and diagnostics spell the kind.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::I => "I register",
            Kind::N => "N register",
            Kind::S => "S register",
            Kind::P => "P register",
            Kind::Ic => "integer constant",
            Kind::Nc => "number constant",
            Kind::Sc => "string constant",
            Kind::Ix => "I register or integer constant",
            Kind::Nx => "N register or number constant",
            Kind::Sx => "S register or string constant",
            Kind::L => "label",
            Kind::K => "key",
            Kind::V => "argument list",
        }
    }
    /// The short form used in signatures: `I`, `IC`, `I|IC`, `LABEL`, ...
    pub fn short(self) -> &'static str {
        match self {
            Kind::I => "I",
            Kind::N => "N",
            Kind::S => "S",
            Kind::P => "P",
            Kind::Ic => "IC",
            Kind::Nc => "NC",
            Kind::Sc => "SC",
            Kind::Ix => "I|IC",
            Kind::Nx => "N|NC",
            Kind::Sx => "S|SC",
            Kind::L => "LABEL",
            Kind::K => "KEY",
            Kind::V => "ARGS",
        }
    }
}

/// One operand of an op, as a dynamic value (used by the assembler and the disassembler).
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Operand {
    I(IReg),
    N(NReg),
    S(SReg),
    P(PReg),
    Ic(i64),
    Nc(f64),
    Sc(StrId),
    Ix(IArg),
    Nx(NArg),
    Sx(SArg),
    L(Label),
    K(KeyId),
    V(ArgsId),
}

macro_rules! operand_from {
    ($($kind:ident($ty:ty)),*) => {$(
        impl From<$ty> for Operand {
            fn from(v: $ty) -> Operand {
                Operand::$kind(v)
            }
        }
    )*};
}
operand_from!(
    I(IReg),
    N(NReg),
    S(SReg),
    P(PReg),
    Ic(i64),
    Nc(f64),
    Sc(StrId),
    Ix(IArg),
    Nx(NArg),
    Sx(SArg),
    L(Label),
    K(KeyId),
    V(ArgsId)
);

/// The operands of one op, without allocating (no op has more than [`Operands::MAX`]).
#[derive(Clone, Copy, Debug)]
pub struct Operands {
    items: [Operand; Operands::MAX],
    len: u8,
}

impl Operands {
    /// The most operands an op has.
    pub const MAX: usize = 6;
    fn from_slice(s: &[Operand]) -> Operands {
        let mut items = [Operand::Ic(0); Operands::MAX];
        items[..s.len()].copy_from_slice(s);
        Operands { items, len: s.len() as u8 }
    }
}

impl std::ops::Deref for Operands {
    type Target = [Operand];
    fn deref(&self) -> &[Operand] {
        &self.items[..self.len as usize]
    }
}

impl IntoIterator for Operands {
    type Item = Operand;
    type IntoIter = std::iter::Take<std::array::IntoIter<Operand, { Operands::MAX }>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len as usize)
    }
}

/// Which handler file runs an op: `interp/<family>.rs` holds one handler per op, named after
/// the op's full name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// `interp/control.rs`: branches, jumps, `end`, `exit`, calls and returns
    Control,
    /// `interp/arith.rs`: conversions, arithmetic, bitwise and logical ops, `time`
    Arith,
    /// `interp/cmp.rs`: two-value branches, tests and comparisons
    Cmp,
    /// `interp/string.rs`: string ops
    String,
    /// `interp/pmcops.rs`: PMC ops, keyed access, classes, globals
    Pmcops,
    /// `interp/io.rs`: IO ops (requests to the host)
    Io,
    /// `interp/task.rs`: scheduler ops
    Task,
    /// `interp/exception.rs`: exception handlers, `throw`, `die`
    Exception,
    /// `interp/gc.rs`: the collector's ops
    Gc,
    /// `interp/introspect.rs`: the interpreter's own state: flags, runcore, `interpinfo`
    Introspect,
    /// `interp/math.rs`: `sqrt`, `floor`, `ceil`, the transcendental ops, `pow` on PMCs,
    /// `cmod`, `rand`, `gcd`, `lcm`, `fact`
    Math,
    /// `interp/bits.rs`: bitwise string ops, bitwise ops on PMCs, `rot`
    Bits,
    /// `interp/sys.rs`: what the host answers at once (time zones, `sysinfo`, `err`), where
    /// the code is (`getfile`, `getline`), libraries and NCI
    Sys,
    /// `interp/pmcmisc.rs`: `deref setref copy morph vivify fetch register get_id get_repr
    /// splice`, the experimental flatten ops, namespaced globals
    Pmcmisc,
    /// `interp/debug.rs`: the `debug_ops` library: `debug_init`, `debug_break`, `backtrace` ...
    Debug,
}

/// The name, mnemonic, doc and operand signature of one op.
#[derive(Debug)]
pub struct OpInfo {
    /// The op's number.
    pub opcode: Opcode,
    /// The full name, spelling the signature (`add_i_i_ic`).
    pub name: &'static str,
    /// The mnemonic written in source (`add`).
    pub mnemonic: &'static str,
    /// Where its handler lives.
    pub family: Family,
    /// The operands in order.
    pub operands: &'static [OperandInfo],
    /// One line in register-transfer notation.
    pub doc: &'static str,
}

/// One operand slot of an op.
#[derive(Debug)]
pub struct OperandInfo {
    /// Its name in the table (`dst`, `lhs`, ...).
    pub name: &'static str,
    /// Read, written or both.
    pub dir: Dir,
    /// What may stand there.
    pub kind: Kind,
}

impl OpInfo {
    /// `add(out I, in I, in IC)`.
    pub fn signature(&self) -> String {
        let args: Vec<String> = self
            .operands
            .iter()
            .map(|o| {
                let d = match o.dir {
                    Dir::In => "in",
                    Dir::Out => "out",
                    Dir::InOut => "inout",
                };
                format!("{d} {}", o.kind.short())
            })
            .collect();
        format!("{}({})", self.mnemonic, args.join(", "))
    }
}

macro_rules! operand_type {
    (I) => {
        IReg
    };
    (N) => {
        NReg
    };
    (S) => {
        SReg
    };
    (P) => {
        PReg
    };
    (Ic) => {
        i64
    };
    (Nc) => {
        f64
    };
    (Sc) => {
        StrId
    };
    (Ix) => {
        IArg
    };
    (Nx) => {
        NArg
    };
    (Sx) => {
        SArg
    };
    (L) => {
        Label
    };
    (K) => {
        KeyId
    };
    (V) => {
        ArgsId
    };
}

macro_rules! family {
    (control) => {
        Family::Control
    };
    (arith) => {
        Family::Arith
    };
    (cmp) => {
        Family::Cmp
    };
    (string) => {
        Family::String
    };
    (pmcops) => {
        Family::Pmcops
    };
    (io) => {
        Family::Io
    };
    (task) => {
        Family::Task
    };
    (exception) => {
        Family::Exception
    };
    (gc) => {
        Family::Gc
    };
    (introspect) => {
        Family::Introspect
    };
    (math) => {
        Family::Math
    };
    (bits) => {
        Family::Bits
    };
    (sys) => {
        Family::Sys
    };
    (pmcmisc) => {
        Family::Pmcmisc
    };
    (debug) => {
        Family::Debug
    };
}

macro_rules! dir {
    (in) => {
        Dir::In
    };
    (out) => {
        Dir::Out
    };
    (inout) => {
        Dir::InOut
    };
}

macro_rules! define_ops {
    ($( $(#[doc = $doc:literal])* $num:literal $name:ident $mn:literal $fam:ident ( $($arg:ident : $dir:ident $kind:ident),* ) ; )*) => {
        /// One instruction with its operands. Variants are named by the op's full name.
        #[derive(Clone, Copy, Debug, PartialEq)]
        #[allow(non_camel_case_types, missing_docs)]
        pub enum Op {
            $( $(#[doc = $doc])* $name { $( $arg: operand_type!($kind) ),* } ),*
        }

        /// The number of an op, fixed forever once assigned.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(non_camel_case_types, missing_docs)]
        #[repr(u16)]
        pub enum Opcode {
            $( $name = $num ),*
        }

        /// Every op, in ascending number order (see [`Opcode::info`]).
        pub static OPS: &[OpInfo] = &[
            $( OpInfo {
                opcode: Opcode::$name,
                name: stringify!($name),
                mnemonic: $mn,
                family: family!($fam),
                operands: &[ $( OperandInfo { name: stringify!($arg), dir: dir!($dir), kind: Kind::$kind } ),* ],
                doc: concat!($($doc),*),
            } ),*
        ];

        impl Op {
            /// The op's number.
            pub fn opcode(&self) -> Opcode {
                match self { $( Op::$name { .. } => Opcode::$name ),* }
            }
            /// The operands, in table order (no allocation).
            pub fn operands(&self) -> Operands {
                match *self { $( Op::$name { $($arg),* } => Operands::from_slice(&[ $( Operand::$kind($arg) ),* ]) ),* }
            }
            /// Builds an op from its number and operands; `None` if they do not fit its signature.
            pub fn build(opcode: Opcode, args: &[Operand]) -> Option<Op> {
                let mut it = args.iter();
                let op = match opcode {
                    $( Opcode::$name => Op::$name { $( $arg: match it.next()? { Operand::$kind(v) => *v, _ => return None } ),* } ),*
                };
                if it.next().is_some() { return None; }
                Some(op)
            }
        }
    };
}

crate::for_each_op!(define_ops);

impl Opcode {
    /// Where the op's handler lives.
    pub fn family(self) -> Family {
        self.info().family
    }
    /// The op's table row. Rows ascend by number; numbers are dense except for gaps left
    /// between blocks that different people append to (e.g. 0x0300 onward), so the row is
    /// found by its index when it is there, else by a binary search.
    pub fn info(self) -> &'static OpInfo {
        match OPS.get(self as usize) {
            Some(i) if i.opcode == self => i,
            _ => match OPS.binary_search_by_key(&self, |i| i.opcode) {
                Ok(at) => &OPS[at],
                Err(_) => unreachable!("every Opcode has a row"),
            },
        }
    }
}

impl Op {
    /// The op's table row.
    pub fn info(&self) -> &'static OpInfo {
        self.opcode().info()
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.info().name)
    }
}

/// Every op with this mnemonic, in table order.
pub fn variants(mnemonic: &str) -> &'static [&'static OpInfo] {
    static MAP: OnceLock<HashMap<&'static str, Vec<&'static OpInfo>>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<&'static OpInfo>> = HashMap::new();
        for info in OPS {
            m.entry(info.mnemonic).or_default().push(info);
        }
        m
    });
    map.get(mnemonic).map(Vec::as_slice).unwrap_or(&[])
}

/// Every distinct mnemonic, sorted (for completion and "did you mean").
pub fn mnemonics() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = OPS.iter().map(|i| i.mnemonic).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests;
