//! Completions and man pages, generated from the clap model and committed under
//! `completions/` and `man/`; a test fails when the committed copies are stale.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::commands::Cli;
use crate::commands::Session;
use crate::error::{IoContext, Result};

/// Write shell completions or man pages from the command-line model
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    pub what: What,
    /// Directory to write into
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum What {
    Completions,
    Man,
}

pub fn run(args: Args, _session: &Session<'_>) -> Result<u8> {
    match args.what {
        What::Completions => completions(&args.dir)?,
        What::Man => man_pages(&args.dir)?,
    }
    Ok(0)
}

pub fn completions(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_path(dir)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
        let mut cmd = Cli::command();
        clap_complete::generate_to(shell, &mut cmd, "clearance", dir).with_path(dir)?;
    }
    Ok(())
}

pub fn man_pages(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_path(dir)?;
    let mut cmd = Cli::command();
    cmd.build();
    write_page(dir, "clearance", cmd)
}

/// One page for the command and one per visible subcommand, `clearance-key-new.1` style,
/// with the sections a man page reader looks for: EXAMPLES, EXIT STATUS, ENVIRONMENT,
/// FILES and SEE ALSO.
fn write_page(dir: &Path, name: &str, cmd: clap::Command) -> Result<()> {
    let subs: Vec<&clap::Command> =
        cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help").collect();
    let page = cmd.clone().name(name.to_owned());
    let man = clap_mangen::Man::new(page.clone());
    let mut bytes = Vec::new();
    man.render_title(&mut bytes).with_path(dir)?;
    man.render_name_section(&mut bytes).with_path(dir)?;
    man.render_synopsis_section(&mut bytes).with_path(dir)?;
    man.render_description_section(&mut bytes).with_path(dir)?;
    man.render_options_section(&mut bytes).with_path(dir)?;
    if !subs.is_empty() {
        man.render_subcommands_section(&mut bytes).with_path(dir)?;
    }
    let examples = examples_of(&cmd);
    if !examples.is_empty() {
        bytes.extend_from_slice(b".SH EXAMPLES\n.nf\n");
        for line in examples.lines().filter(|l| !l.trim().is_empty()) {
            bytes.extend_from_slice(format!("{}\n", roff_text(line.trim_start())).as_bytes());
        }
        bytes.extend_from_slice(b".fi\n");
    }
    bytes.extend_from_slice(b".SH \"EXIT STATUS\"\n");
    for (code, meaning) in EXIT_CODES {
        bytes.extend_from_slice(format!(".TP\n\\fB{code}\\fR\n{}\n", roff_text(meaning)).as_bytes());
    }
    bytes.extend_from_slice(b".SH ENVIRONMENT\n");
    for (var, meaning) in ENVIRONMENT {
        bytes.extend_from_slice(format!(".TP\n\\fB{var}\\fR\n{}\n", roff_text(meaning)).as_bytes());
    }
    bytes.extend_from_slice(b".SH FILES\n");
    for (file, meaning) in FILES {
        bytes.extend_from_slice(format!(".TP\n\\fI{}\\fR\n{}\n", roff_text(file), roff_text(meaning)).as_bytes());
    }
    let mut see: Vec<String> = Vec::new();
    if let Some((parent, _)) = name.rsplit_once('-') {
        see.push(format!("\\fB{}\\fR(1)", roff_text(parent)));
    }
    see.extend(subs.iter().map(|s| format!("\\fB{}\\fR(1)", roff_text(&format!("{name}-{}", s.get_name())))));
    see.extend(["\\fBgit\\fR(1)", "\\fBssh-keygen\\fR(1)"].map(str::to_owned));
    bytes.extend_from_slice(format!(".SH \"SEE ALSO\"\n{}\n", see.join(", ")).as_bytes());
    man.render_version_section(&mut bytes).with_path(dir)?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, bytes).with_path(&path)?;
    for sub in subs {
        write_page(dir, &format!("{name}-{}", sub.get_name()), sub.clone())?;
    }
    Ok(())
}

/// The examples of `cmd`'s help; for a group of commands, the first of each of its own.
fn examples_of(cmd: &clap::Command) -> String {
    let after = cmd.get_after_help().map(|h| h.to_string()).unwrap_or_default();
    if let Some((_, rest)) = after.split_once("Examples:") {
        return rest.split("\n\n").next().unwrap_or(rest).to_owned();
    }
    let mut out = String::new();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let mine = examples_of(sub);
        // One whole example: its first line and the lines that continue it.
        for line in mine.lines().filter(|l| !l.trim().is_empty()) {
            out.push_str(line);
            out.push('\n');
            if !line.trim_end().ends_with('\\') {
                break;
            }
        }
    }
    out
}

/// Text safe on a roff line: backslashes escaped, hyphens kept as hyphens, and a line that
/// would start a request protected.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

const EXIT_CODES: &[(&str, &str)] = &[
    ("0", "success; for check, the proposal would be cleared"),
    ("1", "an error: bad input, not found, I/O, or a conflict such as a proposal already applied"),
    ("2", "usage: the command line could not be understood"),
    ("3", "denied by policy"),
    ("4", "not cleared yet: approvals missing, stale or expired"),
    ("5", "verification failed: evidence, signatures or the governance log do not hold"),
    ("6", "the provider failed"),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("CLEARANCE_REPO", "the change repository (as --repo)"),
    ("CLEARANCE_FORMAT", "human or json (as --format)"),
    ("CLEARANCE_KEY_FILE", "the signing key file (as --key-file)"),
    ("CLEARANCE_KEYRING", "secret-service or keyutils: the only keyring to use"),
    ("CLEARANCE_BRANCH", "the branch to read and write when it is not the one checked out (CI with a detached HEAD)"),
    ("CLEARANCE_ROOT", "the repository's root hash to check it against, instead of the pin (as --root)"),
    ("CLEARANCE_LOCK_TIMEOUT", "seconds to wait for another writer (as --lock-timeout)"),
    ("NO_COLOR", "any value turns colour off; so does TERM=dumb"),
    ("COLUMNS", "the width tables fit, when stdout is not a terminal that says"),
    ("XDG_CONFIG_HOME", "where this machine's config.yaml is read (default ~/.config)"),
    ("XDG_STATE_HOME", "where pins and high-water marks are kept (default ~/.local/state)"),
];

const FILES: &[(&str, &str)] = &[
    ("clearance.yaml", "the repository's configuration: timezone, defaults, providers, sync (governed)"),
    ("governance/log.jsonl", "the signed chain that puts the rules in force; its first entry is the root"),
    ("trust/identities.yaml", "principals, their keys, roles and groups (governed)"),
    ("policies/", "Rego policy and its data.yaml (governed)"),
    ("graph/services.yaml", "the service graph blast radius is computed from (governed)"),
    ("proposals/", "one directory per proposal: intent, plan, approvals, evidence"),
    ("$XDG_CONFIG_HOME/clearance/config.yaml", "this machine's settings: default key, format, repository, secrets"),
    ("$XDG_STATE_HOME/clearance/", "pins of each repository's root and this machine's high-water marks"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn long_example_lines(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        let after = cmd.get_after_help().map(|h| h.to_string()).unwrap_or_default();
        for line in after.lines().filter(|l| l.chars().count() > 80) {
            out.push(format!("{path}: {line}"));
        }
        for sub in cmd.get_subcommands() {
            long_example_lines(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    /// Help is wrapped at the terminal's width (at most 100 columns): an example line longer
    /// than 80 would be broken in two in a standard terminal, and a broken command line
    /// cannot be pasted. Long examples continue with ` \` instead.
    #[test]
    fn every_help_example_fits_80_columns() {
        let mut long = Vec::new();
        long_example_lines(&Cli::command(), "clearance", &mut long);
        assert!(long.is_empty(), "examples wider than 80 columns:\n{}", long.join("\n"));
    }
}
