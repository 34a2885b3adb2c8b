//! Talking to the user: stdout carries data, stderr carries status, warnings and errors.

use std::io::{IsTerminal, Write};

use serde::Serialize;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
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
    /// Colour is on for at least one of stdout and stderr (what `paint` produces).
    pub color: bool,
    /// Whether each stream takes colour: a stream that is not a terminal gets none, so
    /// `clearance show > file` writes plain text even from a terminal.
    color_out: bool,
    color_err: bool,
    pub quiet: bool,
    pub verbose: u8,
    /// `--wide`: tables show every column in full, however wide the terminal.
    pub wide: bool,
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
        let wanted = !no_color
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        let (stdout, stderr) = (std::io::stdout().is_terminal(), std::io::stderr().is_terminal());
        Ui {
            format,
            color: wanted && (stdout || stderr),
            color_out: wanted && stdout,
            color_err: wanted && stderr,
            quiet,
            verbose,
            wide: false,
        }
    }

    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// How wide a table on stdout may be: `COLUMNS` when set, else the terminal's width
    /// when stdout is one; `None` (no limit) for pipes, files and `--wide`.
    pub fn width(&self) -> Option<u16> {
        if self.wide {
            return None;
        }
        if let Some(cols) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok()) {
            return Some(cols.max(20));
        }
        if !std::io::stdout().is_terminal() {
            return None;
        }
        // SAFETY: TIOCGWINSZ fills a winsize struct we own; a failure leaves it zeroed.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
        (ok && size.ws_col > 0).then_some(size.ws_col.max(20))
    }

    /// How many rows of a long listing fit: the terminal's height less a few lines for
    /// what comes around it, or 50 when stdout is not a terminal (`--all` shows all).
    pub fn rows(&self) -> usize {
        if !std::io::stdout().is_terminal() {
            return 50;
        }
        // SAFETY: TIOCGWINSZ fills a winsize struct we own; a failure leaves it zeroed.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
        if ok && size.ws_row > 0 { usize::from(size.ws_row).saturating_sub(5).max(10) } else { 50 }
    }

    /// `text` for a stream: as painted when the stream takes colour, else without the
    /// colour sequences `paint` added (repository text never holds any: it is escaped).
    fn for_stream<'t>(&self, text: &'t str, takes_color: bool) -> std::borrow::Cow<'t, str> {
        if takes_color || !self.color || !text.contains('\u{1b}') {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("\u{1b}[") {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            match rest.find('m') {
                Some(end) => rest = &rest[end + 1..],
                None => break,
            }
        }
        out.push_str(rest);
        std::borrow::Cow::Owned(out)
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
            eprintln!("{}", self.for_stream(message.as_ref(), self.color_err));
        }
    }

    pub fn warn(&self, message: impl AsRef<str>) {
        let line = format!("{} {}", self.paint(Style::Yellow, "warning:"), message.as_ref());
        eprintln!("{}", self.for_stream(&line, self.color_err));
    }

    /// Write data to stdout.
    pub fn out(&self, text: impl AsRef<str>) -> Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(self.for_stream(text.as_ref(), self.color_out).as_bytes()).map_err(Error::from)?;
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
    if err.omitted > 0 {
        let problems = if err.omitted == 1 { "problem" } else { "problems" };
        out.push_str(&format!("  {} and {} more {problems}\n", ui.paint(Style::Cyan, "..."), err.omitted));
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

/// The terminal's settings before the first prompt, put back on Ctrl-C.
static SAVED_TERMIOS: std::sync::OnceLock<libc::termios> = std::sync::OnceLock::new();

/// Before a prompt: make Ctrl-C leave the terminal as it was. The prompt hides the cursor
/// and may switch the terminal to raw mode while it reads a key; the default SIGINT would
/// kill the process with both left that way, so the handler puts back the settings and
/// the cursor, ends the line and exits with 130, as a shell expects.
pub fn restore_terminal_on_interrupt() {
    extern "C" fn on_interrupt(_: libc::c_int) {
        const RESTORE: &[u8] = b"\x1b[?25h\n";
        // SAFETY: tcsetattr(3), write(2) and _exit(2) are async-signal-safe; the saved
        // settings were written once, before the handler was installed.
        unsafe {
            if let Some(saved) = SAVED_TERMIOS.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved);
            }
            libc::write(libc::STDERR_FILENO, RESTORE.as_ptr().cast(), RESTORE.len());
            libc::_exit(130);
        }
    }
    // SAFETY: tcgetattr fills a zeroed struct; the handler only calls async-signal-safe
    // functions.
    unsafe {
        let mut termios: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(libc::STDIN_FILENO, &mut termios) == 0 {
            let _ = SAVED_TERMIOS.set(termios);
        }
        libc::signal(libc::SIGINT, on_interrupt as *const () as libc::sighandler_t);
    }
}

/// A table without borders that fits `width` (from [`Ui::width`]): long cells wrap within
/// their column, except the columns in `whole` (ids and states, what people copy and scan).
/// `None`: every cell in full.
pub fn table(header: &[&str], width: Option<u16>, whole: &[usize]) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::NOTHING).set_header(header.to_vec());
    if let Some(width) = width {
        table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic).set_width(width);
        for &column in whole {
            if let Some(c) = table.column_mut(column) {
                c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
            }
        }
    }
    table
}

/// A table's text, without the padding at the ends of its lines, ending in a newline.
pub fn table_text(table: &comfy_table::Table) -> String {
    let mut out: String = table.to_string().lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    out.push('\n');
    out
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word keeps
/// its own line); `None`: one line.
pub fn wrap(text: &str, width: Option<u16>) -> String {
    let Some(width) = width.map(usize::from) else { return text.to_owned() };
    let mut out = String::with_capacity(text.len() + 8);
    let mut line = 0;
    for word in text.split(' ') {
        let n = word.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += n;
    }
    out
}
