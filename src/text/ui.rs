//! Talking to the user: stdout carries data, stderr carries status, warnings and errors.

use std::io::{IsTerminal, Write};

use serde::Serialize;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    // Graphviz and Mermaid drawings, for `clearance blast` only.
    Dot,
    Mermaid,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Mermaid => "mermaid",
        })
    }
}

pub struct Ui {
    pub format: Format,
    pub color: bool,
    pub quiet: bool,
    pub verbose: u8,
}

/// ANSI styles, applied only when color is on.
#[derive(Clone, Copy)]
pub enum Style {
    Bold,
    Red,
    Green,
    Yellow,
    Cyan,
    Dim,
}

impl Ui {
    pub fn new(format: Format, no_color: bool, quiet: bool, verbose: u8) -> Ui {
        let color =
            !no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal();
        Ui { format, color, quiet, verbose }
    }

    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    pub fn paint(&self, style: Style, text: &str) -> String {
        if !self.color {
            return text.to_owned();
        }
        let code = match style {
            Style::Bold => "1",
            Style::Red => "1;31",
            Style::Green => "32",
            Style::Yellow => "33",
            Style::Cyan => "36",
            Style::Dim => "2",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A status line on stderr, silenced by `-q`.
    pub fn status(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", message.as_ref());
        }
    }

    pub fn warn(&self, message: impl AsRef<str>) {
        eprintln!("{} {}", self.paint(Style::Yellow, "warning:"), message.as_ref());
    }

    /// Write data to stdout.
    pub fn out(&self, text: impl AsRef<str>) -> Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_ref().as_bytes()).map_err(Error::from)?;
        stdout.flush().map_err(Error::from)
    }

    /// Write a value as pretty JSON to stdout, streamed: large outputs are never held twice.
    pub fn out_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        serde_json::to_writer_pretty(&mut out, value).map_err(|e| match e.io_error_kind() {
            Some(kind) => Error::from(std::io::Error::from(kind)),
            None => Error::from(e),
        })?;
        out.write_all(b"\n").map_err(Error::from)?;
        out.flush().map_err(Error::from)
    }
}

/// Render an error for humans, compiler style: each problem with its line and a caret.
pub fn render_error(ui: &Ui, err: &Error) -> String {
    let mut out = format!("{} {}\n", ui.paint(Style::Red, "error:"), ui.paint(Style::Bold, &err.message));
    let name = err.source.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    let lines: Vec<&str> =
        err.source.as_ref().and_then(|s| s.text.as_deref()).map(|t| t.lines().collect()).unwrap_or_default();
    for problem in &err.problems {
        let field = if problem.path.is_empty() { String::new() } else { format!(" ({})", problem.path) };
        if problem.line == 0 {
            out.push_str(&format!("  {} {name}{field}: {}\n", ui.paint(Style::Cyan, "-->"), problem.message));
            continue;
        }
        out.push_str(&format!(
            "  {} {name}:{}:{}{field}\n",
            ui.paint(Style::Cyan, "-->"),
            problem.line,
            problem.column
        ));
        match lines.get(problem.line - 1) {
            Some(text) => {
                let gutter = problem.line.to_string();
                let pad = " ".repeat(gutter.len());
                let shown: String = text.chars().take(200).collect::<String>().replace('\t', " ");
                let caret = " ".repeat(problem.column.saturating_sub(1)) + &"^".repeat(problem.width.clamp(1, 80));
                out.push_str(&format!("   {pad} {}\n", ui.paint(Style::Cyan, "|")));
                out.push_str(&format!(
                    "   {} {} {shown}\n",
                    ui.paint(Style::Cyan, &gutter),
                    ui.paint(Style::Cyan, "|")
                ));
                out.push_str(&format!(
                    "   {pad} {} {} {}\n",
                    ui.paint(Style::Cyan, "|"),
                    ui.paint(Style::Red, &caret),
                    ui.paint(Style::Red, &problem.message)
                ));
            }
            None => out.push_str(&format!("      {}\n", problem.message)),
        }
    }
    for hint in &err.hints {
        out.push_str(&format!("{} {hint}\n", ui.paint(Style::Green, "hint:")));
    }
    out
}

/// `text` with terminal control characters and bidirectional overrides made visible (`\e`,
/// `\u{202e}`), so repository content can never move the cursor, hide text or reorder
/// what a reviewer reads. Newlines and tabs stay.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            c if bad(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}
