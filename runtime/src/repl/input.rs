//! What the REPL's user typed: blocks that span lines, commands, completion, and the
//! definitions that must be assembled again before later inputs.

/// The commands, with what they do.
pub const COMMANDS: &[(&str, &str)] = &[
    (":help", "list the commands"),
    (":regs", "show the registers of the main frame that are not at their default value"),
    (":dis", "disassemble the last input"),
    (":ops", "print the op reference"),
    (":quit", "leave the REPL (Ctrl-D does too)"),
];

/// Directives offered by completion.
const DIRECTIVES: &[&str] =
    &[".pcc_sub", ".macro", ".endm", ".macro_const", ".include", ".namespace", ".sub", ".end", ".param", ".local"];

/// A multi-line block being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// `.pcc_sub`: ends at an empty line.
    PccSub,
    /// `.macro`: ends with its `.endm` line.
    Macro,
    /// PIR `.sub`: ends with its `.end` line.
    PirSub,
}

pub(super) fn first_word(line: &str) -> &str {
    line.split_whitespace().next().unwrap_or("")
}

/// The block a line starts, if any.
pub fn block_start(line: &str) -> Option<Block> {
    match first_word(line) {
        ".pcc_sub" => Some(Block::PccSub),
        ".macro" => Some(Block::Macro),
        ".sub" => Some(Block::PirSub),
        _ => None,
    }
}

impl Block {
    /// Whether `line` (a continuation line) ends the block. The empty line that ends a
    /// `.pcc_sub` block is not part of it; `.endm` and `.end` are.
    pub fn ends_at(self, line: &str) -> bool {
        match self {
            Block::PccSub => line.trim().is_empty(),
            Block::Macro => first_word(line) == ".endm",
            Block::PirSub => first_word(line) == ".end",
        }
    }
}

/// What the user's input means.
#[derive(Debug, PartialEq, Eq)]
pub enum Input<'a> {
    /// Nothing (an empty line).
    Empty,
    /// A `:command` (the word, without arguments).
    Command(&'a str),
    /// Assembly text.
    Code(&'a str),
}

/// Classifies one submitted input.
pub fn classify(text: &str) -> Input<'_> {
    let t = text.trim();
    if t.is_empty() {
        Input::Empty
    } else if t.starts_with(':') && !t.contains('\n') {
        Input::Command(first_word(t))
    } else {
        Input::Code(text)
    }
}

/// Completion at `pos` in `line`: where the completed word starts and the candidates.
/// `:` words complete commands, `.` words directives, and the first word of a statement
/// (after an optional label) op mnemonics.
pub fn complete(line: &str, pos: usize) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let before = &line[..pos];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    let head = before[..start].trim();
    let pick = |all: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        all.filter(|c| c.starts_with(word)).map(str::to_string).collect()
    };
    let out = if word.starts_with(':') {
        if head.is_empty() {
            pick(&mut COMMANDS.iter().map(|c| c.0))
        } else {
            Vec::new()
        }
    } else if word.starts_with('.') {
        if head.is_empty() || head.ends_with(':') {
            pick(&mut DIRECTIVES.iter().copied())
        } else {
            Vec::new()
        }
    } else if head.is_empty() || (head.ends_with(':') && !head.contains(char::is_whitespace)) {
        pick(&mut kea_vm::op::mnemonics().into_iter())
    } else {
        Vec::new()
    };
    (start, out)
}

/// The parts of a successful input that must be assembled again before later inputs:
/// `.macro ... .endm` blocks, `.macro_const` lines and `.include` lines (each with its
/// newline). Whether an `.include` is kept is decided by [`Session`].
pub fn assembly_time_definitions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        match first_word(line) {
            ".macro" => {
                let mut block = format!("{line}\n");
                for l in lines.by_ref() {
                    block.push_str(l);
                    block.push('\n');
                    if first_word(l) == ".endm" {
                        break;
                    }
                }
                out.push(block);
            }
            ".macro_const" | ".include" => out.push(format!("{line}\n")),
            _ => {}
        }
    }
    out
}
