//! The command line: the model clap parses (completions and man pages are generated from
//! it) and one file per subcommand, each holding its arguments and a thin `run` that calls
//! into the library and renders the result.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::error::{Error, Result};
use crate::store::repo::ChangeRepo;
use crate::text::ui::{Format, Ui};

pub mod apply;
pub mod approve;
pub mod blast;
pub mod check;
pub mod demo;
pub mod evidence;
pub mod generate;
pub mod graph;
pub mod init;
pub mod key;
pub mod list;
pub mod new;
pub mod plan;
pub mod policy;
pub mod propose;
pub mod rollback;
pub mod schema;
pub mod show;
pub mod stats;
pub mod sync;
pub mod trust;
pub mod verify;
pub mod withdraw;

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

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo(demo::Args),
    Init(init::Args),
    New(new::Args),
    Propose(propose::Args),
    List(list::Args),
    Show(show::Args),
    Plan(plan::Args),
    Approve(approve::Args),
    Reject(approve::RejectArgs),
    Withdraw(withdraw::Args),
    Apply(apply::Args),
    Rollback(rollback::Args),
    Verify(verify::Args),
    Stats(stats::Args),
    Sync(sync::Args),
    #[command(subcommand)]
    Evidence(evidence::Command),
    Blast(blast::Args),
    Check(check::Args),
    #[command(subcommand)]
    Policy(policy::Command),
    #[command(subcommand)]
    Key(key::Command),
    #[command(subcommand)]
    Trust(trust::Command),
    #[command(subcommand)]
    Graph(graph::Command),
    Schema(schema::Args),
    #[command(hide = true)]
    Generate(generate::Args),
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli, ui: &Ui) -> Result<u8> {
    let repo = || ChangeRepo::open(cli.global.repo.as_deref());
    if matches!(ui.format, Format::Dot | Format::Mermaid) && !matches!(cli.command, Command::Blast(_)) {
        return Err(Error::usage(format!("--format {} draws graphs and only works with `clearance blast`", ui.format))
            .hint("use --format human or --format json"));
    }
    match cli.command {
        Command::Demo(args) => demo::run(args, ui),
        Command::Init(args) => init::run(args, cli.global.repo.as_deref(), ui),
        Command::New(args) => new::run(args, ui),
        Command::Propose(args) => propose::run(args, &repo()?, ui),
        Command::List(args) => list::run(args, &repo()?, ui),
        Command::Show(args) => show::run(args, &repo()?, ui),
        Command::Plan(args) => plan::run(args, &repo()?, ui),
        Command::Approve(args) => approve::run(args, &repo()?, ui),
        Command::Withdraw(args) => withdraw::run(args, &repo()?, ui),
        Command::Apply(args) => apply::run(args, &repo()?, ui),
        Command::Rollback(args) => rollback::run(args, &repo()?, ui),
        Command::Stats(args) => stats::run(args, &repo()?, ui),
        Command::Sync(args) => sync::run(args, &repo()?, ui),
        Command::Verify(args) => verify::run(args, cli.global.repo.as_deref(), ui),
        Command::Evidence(command) => evidence::run(command, &repo()?, ui),
        Command::Reject(args) => approve::run_reject(args, &repo()?, ui),
        Command::Blast(args) => blast::run(args, &repo()?, ui),
        Command::Key(command) => key::run(command, ui),
        Command::Trust(command) => trust::run(command, &repo()?, ui),
        Command::Check(args) => check::run(args, &repo()?, ui),
        Command::Policy(command) => policy::run(command, &repo()?, ui),
        Command::Graph(command) => graph::run(command, cli.global.repo.as_deref(), ui),
        Command::Schema(args) => schema::run(args, ui),
        Command::Generate(args) => generate::run(args),
    }
}
