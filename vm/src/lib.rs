//! # kea-vm: Kea's register machine
//!
//! Kea runs Parrot assembly. This crate is the machine itself, with no OS access: the op table
//! ([`op`]), code objects ([`code`]), strings ([`string`]), PMCs on a handle-addressed heap
//! ([`pmc`]), the verifier ([`verify`]) and the stackless interpreter ([`interp`]).
//!
//! ## Design on one page
//! - **One op table** (`op/table.rs`) projects the [`op::Op`] enum, op numbers, signatures,
//!   mnemonic lookup, verifier kinds and the disassembler. Constant-operand variants are
//!   separate ops chosen by the assembler (`add I0, I1, 5` is `add_i_i_ic`).
//! - **Typed register frames**: I = `i64`, N = `f64`, S = [`string::Str`], P = a PMC handle.
//!   Each sub's frame is sized by the assembler; the verifier proves every index fits.
//! - **Stackless**: [`interp::Vm::run`] runs at most `fuel` instructions of one task and
//!   returns a [`interp::Step`]. Calls push heap frames; nothing recurses in Rust. IO ops
//!   return [`host::Step::Submit`] and the host (the `kea-runtime` crate) performs them;
//!   [`host`] states that contract.
//! - **One interrupt check** ([`interrupt`]): a flag the host raises from any thread
//!   (deadline, memory, Ctrl-C, a signal), looked at between slices and inside long ops.
//!
//! ## Example
//! ```
//! use kea_vm::code::{Code, SourceFile, Span, SubInfo};
//! use kea_vm::interp::{Prepared, Step, Task, Vm};
//! use kea_vm::op::{IReg, Op};
//! use std::rc::Rc;
//!
//! let mut code = Code::default();
//! code.ops = vec![Op::set_i_ic { dst: IReg(0), src: 41 }, Op::inc_i { dst: IReg(0) }, Op::end {}];
//! code.spans = vec![Span::default(); 3];
//! code.files.push(SourceFile::new("doc.pasm", ""));
//! code.subs.push(SubInfo { name: "main".into(), start: 0, end: 3, regs: [1, 0, 0, 0], ..Default::default() });
//! let code = Rc::new(Prepared::new(code));
//! assert!(kea_vm::verify::verify(&code).is_empty());
//! let mut vm = Vm::default();
//! let mut task = Task::new(code);
//! assert!(matches!(vm.run(&mut task, 1000), Step::Finished));
//! ```
#![warn(missing_docs)]

pub mod code;
pub mod error;
pub mod host;
pub mod interp;
pub mod interrupt;
pub mod num;
pub mod op;
pub mod pmc;
mod request;
mod sprintf;
pub mod string;
pub mod verify;
