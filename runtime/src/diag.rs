//! The one diagnostics renderer: `file:line:col: error: message`, then a code frame with a
//! caret drawn by `annotate-snippets` (the crate rustc's and ruff's renderers build on). The
//! CLI, the REPL and the snapshot tests all call it, so what is tested is what users see.

use annotate_snippets::{Level, Renderer, Snippet};
use kea_asm::AsmFailure;

/// Renders every error of a failed assembly. `color` for a terminal.
pub fn render_failure(f: &AsmFailure, color: bool) -> String {
    let mut out = String::new();
    for e in &f.errors {
        let (file, line, col) = f.location(e);
        out.push_str(&format!("{file}:{line}:{col}: error: {}\n", e.message));
        let Some(src) = f.files.get(e.span.file as usize) else { continue };
        // Show only the line(s) of the span: a frame of a 10 MB line is no help to anyone.
        let text = &src.text;
        let start = (e.span.start as usize).min(text.len());
        let end = (e.span.end as usize).clamp(start, text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let window = 400;
        let (ws, we) = if line_end - line_start > window {
            let ws = floor_char(text, start.saturating_sub(window / 2).max(line_start));
            (ws, floor_char(text, (ws + window).min(line_end)))
        } else {
            (line_start, line_end)
        };
        let snippet_src = &text[ws..we];
        let (a, b) = (start - ws, end.min(we) - ws);
        let mut msg = Level::Error
            .title(&e.message)
            .snippet(Snippet::source(snippet_src).line_start(line as usize).annotation(Level::Error.span(a..b.max(a))));
        let help;
        if let Some(h) = &e.help {
            help = h.clone();
            msg = msg.footer(Level::Help.title(&help));
        }
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        let rendered = renderer.render(msg).to_string();
        // The first line repeats the message; ours above carries the location.
        if let Some((_, frame)) = rendered.split_once('\n') {
            out.push_str(frame);
            out.push('\n');
        }
    }
    let n = f.errors.len();
    out.push_str(&format!("{n} error{} found\n", if n == 1 { "" } else { "s" }));
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
