//! OS errors as Parrot prints them, for exception messages and reports.

use std::io;

/// An OS error as Parrot prints it: `No such file or directory(2)`.
pub fn os_error_text(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    match e.raw_os_error() {
        Some(n) => format!("{text}({n})"),
        None => text,
    }
}
