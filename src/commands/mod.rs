//! One file per subcommand; each holds its arguments and a thin `run`.

use clap::Subcommand;

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::repo::ChangeRepo;
use crate::ui::{Format, Ui};

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
        return Err(Error::usage(
            format!("--format {:?} draws graphs and only works with `clearance blast`", ui.format).to_lowercase(),
        )
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
