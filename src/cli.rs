//! The command-line model. Completions and man pages are generated from it.

use std::path::PathBuf;

use clap::{Args, Parser};

use crate::commands::Command;
use crate::ui::Format;

const AFTER_HELP: &str = "\
Examples:
  clearance init changes && cd changes
  clearance propose -f intent.yaml          # an agent proposes; prints the id
  clearance list --state pending
  clearance show 7k3m

Exit codes: 0 ok, 1 error, 2 usage, 3 denied by policy, 4 not yet cleared,
5 verification failed, 6 provider failed.

Environment: CLEARANCE_BRANCH names the branch to read and write when it is not
the one checked out (CI checkouts with a detached HEAD); CLEARANCE_KEY_FILE the
signing key.";

/// A control plane for changes AI agents make to production: agents propose, humans
/// clear, providers act, and every step is evidence.
#[derive(Debug, Parser)]
#[command(name = "clearance", version, about, after_help = AFTER_HELP, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// The change repository [default: discovered from the current directory]
    #[arg(long, global = true, env = "CLEARANCE_REPO", value_name = "PATH")]
    pub repo: Option<PathBuf>,
    /// Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid
    #[arg(long, global = true, env = "CLEARANCE_FORMAT", value_enum, default_value = "human")]
    pub format: Format,
    /// Never use color (also NO_COLOR)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Print only data and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more: how long the command took
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}
