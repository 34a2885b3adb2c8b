//! The command line: the model clap parses (completions and man pages are generated from
//! it) and one file per subcommand, each holding its arguments and a thin `run` that calls
//! into the library and renders the result.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::act::sync as act_sync;
use crate::error::{Error, Result};
use crate::store::repo::{ChangeRepo, LockWait};
use crate::text::ui::{Format, Ui};

pub mod apply;
pub mod approve;
pub mod blast;
pub mod check;
pub mod checkpoint;
pub mod demo;
pub mod doctor;
pub mod evidence;
pub mod generate;
pub mod governance;
pub mod graph;
pub mod inbox;
pub mod init;
pub mod key;
pub mod list;
pub mod mcp;
pub mod new;
pub mod plan;
pub mod policy;
pub mod propose;
pub mod provider;
pub mod reject;
pub mod rollback;
pub mod schema;
pub mod show;
pub mod stats;
pub mod sync;
pub mod trust;
pub mod verify;
pub mod version;
pub mod wait;
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
    /// Output format: human tables and text (the default, unless this machine's config.yaml
    /// says `format:`), JSON for programs; `blast` also draws dot and mermaid
    #[arg(long, global = true, env = "CLEARANCE_FORMAT", value_enum)]
    pub format: Option<Format>,
    /// The repository's root (its genesis hash) to check it against, instead of the pin
    #[arg(long, global = true, env = "CLEARANCE_ROOT", value_name = "HASH")]
    pub root: Option<String>,
    /// How long to wait for another clearance process writing the same repository
    #[arg(long, global = true, env = "CLEARANCE_LOCK_TIMEOUT", value_name = "SECONDS", default_value_t = 60)]
    pub lock_timeout: u64,
    /// Never use color (also NO_COLOR)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Print only data and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more: how long the command took
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Tables show every column in full, however wide the terminal
    #[arg(long, global = true)]
    pub wide: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo(demo::Args),
    Init(init::Args),
    New(new::Args),
    Propose(propose::Args),
    List(list::Args),
    Show(show::Args),
    Wait(wait::Args),
    Mcp(mcp::Args),
    Plan(plan::Args),
    Approve(approve::Args),
    Inbox(inbox::Args),
    Reject(reject::Args),
    Withdraw(withdraw::Args),
    Apply(apply::Args),
    Rollback(rollback::Args),
    Verify(verify::Args),
    Checkpoint(checkpoint::Args),
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
    Governance(governance::Command),
    Doctor(doctor::Args),
    #[command(subcommand)]
    Graph(graph::Command),
    Schema(schema::Args),
    Provider(provider::Args),
    #[command(hide = true)]
    Generate(generate::Args),
    Version(version::Args),
}

/// What every command gets besides its own arguments: the terminal and the repository.
pub struct Session<'a> {
    pub ui: &'a Ui,
    /// `--repo` / `CLEARANCE_REPO`, when given.
    pub repo_path: Option<&'a Path>,
    /// `--root` / `CLEARANCE_ROOT`, when given.
    pub root: Option<&'a str>,
    /// `--lock-timeout`: how long writers wait for another process's lock.
    pub lock_timeout: std::time::Duration,
}

impl Session<'_> {
    /// The change repository (`--repo`, or discovered from the current directory), whose
    /// governed paths are read from the rules in force, checked against the pinned root.
    pub fn repo(&self) -> Result<ChangeRepo> {
        let governor = crate::trust::governance::LogGovernor { root: self.root.map(str::to_owned) };
        Ok(self.branch_repo()?.governed_by(Box::new(governor)))
    }

    /// The repository as committed, governed paths included: for the commands that
    /// inspect or repair governance itself.
    pub fn branch_repo(&self) -> Result<ChangeRepo> {
        let quiet = self.ui.quiet;
        let notice = move |path: &Path, timeout: std::time::Duration| {
            if !quiet {
                eprintln!(
                    "waiting for {}: another clearance process is writing (giving up after {}s)",
                    path.display(),
                    timeout.as_secs()
                );
            }
        };
        let wait = LockWait { timeout: self.lock_timeout, notice: Some(Box::new(notice)) };
        let warn = |message: &str| eprintln!("warning: {message}");
        let repo = ChangeRepo::open(self.repo_path)?.waiting(wait, Box::new(warn));
        // Whatever a killed write left is put right before the command reads anything.
        if let Some(done) = repo.recover()? {
            self.ui.warn(done);
        }
        Ok(repo)
    }
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli, ui: &Ui, local: &crate::trust::local::Local) -> Result<u8> {
    // This machine's default repository serves only where the current directory is in none.
    let default_repo = match (&cli.global.repo, &local.repo) {
        (None, Some(path)) if git2::Repository::discover(".").is_err() => {
            let path = crate::trust::local::expand(path);
            if !path.exists() {
                return Err(Error::not_found(format!(
                    "{}, the repository this machine's config.yaml names (`repo:`), does not exist",
                    path.display()
                ))
                .hint("fix `repo:` in $XDG_CONFIG_HOME/clearance/config.yaml, or pass --repo"));
            }
            Some(path)
        }
        _ => None,
    };
    let session = &Session {
        ui,
        repo_path: cli.global.repo.as_deref().or(default_repo.as_deref()),
        root: cli.global.root.as_deref(),
        lock_timeout: std::time::Duration::from_secs(cli.global.lock_timeout),
    };
    if matches!(ui.format, Format::Dot | Format::Mermaid) && !matches!(cli.command, Command::Blast(_)) {
        return Err(Error::usage(format!("--format {} draws graphs and only works with `clearance blast`", ui.format))
            .hint("use --format human or --format json"));
    }
    match cli.command {
        Command::Demo(args) => demo::run(args, session),
        Command::Init(args) => init::run(args, session),
        Command::New(args) => new::run(args, session),
        Command::Propose(args) => propose::run(args, session),
        Command::List(args) => list::run(args, session),
        Command::Show(args) => show::run(args, session),
        Command::Plan(args) => plan::run(args, session),
        Command::Approve(args) => approve::run(args, session),
        Command::Inbox(args) => inbox::run(args, session),
        Command::Withdraw(args) => withdraw::run(args, session),
        Command::Wait(args) => wait::run(args, session),
        Command::Mcp(args) => mcp::run(args, session),
        Command::Apply(args) => apply::run(args, session),
        Command::Rollback(args) => rollback::run(args, session),
        Command::Stats(args) => stats::run(args, session),
        Command::Sync(args) => sync::run(args, session),
        Command::Verify(args) => verify::run(args, session),
        Command::Checkpoint(args) => checkpoint::run(args, session),
        Command::Evidence(command) => evidence::run(command, session),
        Command::Reject(args) => reject::run(args, session),
        Command::Blast(args) => blast::run(args, session),
        Command::Key(command) => key::run(command, session),
        Command::Trust(command) => trust::run(command, session),
        Command::Governance(command) => governance::run(command, session),
        Command::Doctor(args) => doctor::run(args, session),
        Command::Check(args) => check::run(args, session),
        Command::Policy(command) => policy::run(command, session),
        Command::Graph(command) => graph::run(command, session),
        Command::Schema(args) => schema::run(args, session),
        Command::Provider(args) => provider::run(args, session),
        Command::Generate(args) => generate::run(args, session),
        Command::Version(args) => version::run(args, session),
    }
}

/// After a write, with pushing on: push it, and say whether it reached the remote.
pub fn after_write(
    repo: &ChangeRepo,
    push: &act_sync::PushArgs,
    key: Option<&crate::trust::keys::KeyArgs>,
    ui: &Ui,
) -> Result<Option<act_sync::PushStatus>> {
    let Some(remote) = push.remote(repo)? else {
        return Ok(None);
    };
    let signer = key.map(|k| act_sync::load_signer(repo, k)).transpose()?.flatten();
    match act_sync::push_writes(repo, &remote, signer.as_ref()) {
        Ok(report) if report.dropped.is_empty() => {
            if report.pushed > 0 {
                ui.status(format!("pushed {} commit(s) to {remote}", report.pushed));
            }
            Ok(Some(act_sync::PushStatus { remote, pushed: true, commits: report.pushed, error: None }))
        }
        Ok(report) => Err(act_sync::dropped_error(&report)),
        Err(e) => {
            ui.warn(format!("recorded here but not pushed to {remote}: {e}"));
            ui.warn("`clearance sync` pushes it once the remote can be reached");
            Ok(Some(act_sync::PushStatus { remote, pushed: false, commits: 0, error: Some(e.to_string()) }))
        }
    }
}

/// Before a human acts on a proposal (approve, reject, withdraw, plan) with pushing on:
/// sync first, so they act on what every machine filed and recorded, not on a stale copy.
/// A remote that cannot be reached only warns; the command goes on with this clone's copy.
pub fn before_acting(
    repo: &ChangeRepo,
    push: &act_sync::PushArgs,
    key: Option<&crate::trust::keys::KeyArgs>,
    ui: &Ui,
) -> Result<()> {
    let Some(remote) = push.remote(repo)? else {
        return Ok(());
    };
    let signer = key.map(|k| act_sync::load_signer(repo, k)).transpose()?.flatten();
    match act_sync::sync(repo, &remote, signer.as_ref()) {
        Ok(report) if report.dropped.is_empty() => Ok(()),
        Ok(report) => Err(act_sync::dropped_error(&report)),
        Err(e) => {
            ui.warn(format!("working from this clone's copy: {e}"));
            Ok(())
        }
    }
}

/// Say once when governed files on the branch are not the rules in force: they are
/// ignored, and whoever reads this output should know.
pub fn warn_if_drifted(snapshot: &crate::store::repo::Snapshot<'_>, ui: &Ui) {
    if crate::trust::change::drifted(snapshot) {
        ui.warn("governed files on the branch differ from the rules in force and are ignored; `clearance governance status` lists them");
    }
}
