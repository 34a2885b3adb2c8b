use crate::act::sync;
use crate::commands::Session;
use crate::error::Result;
use crate::text::ui::Style;
use crate::trust::keys::KeyArgs;

/// Exchange commits with the remote: fetch, replay this clone's commits on top, push
///
/// Fetch and push run the system `git`, so credential helpers, SSH agents and proxies work
/// as they do for git. Commits another machine pushed first are kept; this clone's are
/// rebuilt on top of them (clearance's commits touch disjoint paths). Evidence lines two
/// machines appended to one proposal are re-chained and re-signed with your key; a change
/// another machine already started, finished or withdrew wins, and the local commit that
/// raced it is dropped from the branch, kept under refs/clearance/dropped/ and reported
/// (exit 1).
///
/// A remote whose branch no longer extends what this clone (or this machine) saw before is
/// refused (exit 5), naming the commits and evidence entries that vanished. An admin who
/// knows the rewrite was intended accepts it with --accept-rewrite; a signed checkpoint
/// records what was replaced.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance sync\n  clearance sync --remote upstream --key-file ~/.ssh/clearance\n  clearance sync --accept-rewrite --key-file admin.key  # a force push, meant\n  clearance sync --format json"
)]
pub struct Args {
    /// The git remote [default: `remote:` in clearance.yaml, or origin]
    #[arg(long, value_name = "NAME")]
    pub remote: Option<String>,
    /// Accept that the remote's history was rewritten (an admin's key; recorded in a signed checkpoint)
    #[arg(long)]
    pub accept_rewrite: bool,
    #[command(flatten)]
    pub key: KeyArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let remote = match args.remote {
        Some(r) => r,
        None => crate::model::config::Config::load(&repo.snapshot()?)?.remote,
    };
    let signer = sync::load_signer(repo, &args.key)?;
    if args.accept_rewrite {
        let accepted = sync::accept_rewrite(repo, &remote, signer.as_ref())?;
        if ui.json() {
            ui.out_json(&accepted)?;
        } else {
            ui.status(format!(
                "{} the rewrite of {remote}: {} replaced by {}; recorded in {}",
                ui.paint(Style::Yellow, "accepted"),
                &accepted.replaced[..10],
                &accepted.head[..10],
                accepted.checkpoint
            ));
            for c in &accepted.vanished.commits {
                ui.status(format!("  vanished commit {c}"));
            }
            for e in &accepted.vanished.evidence {
                ui.status(format!("  vanished: {e}"));
            }
        }
        return Ok(0);
    }
    let report = sync::sync(repo, &remote, signer.as_ref())?;
    if ui.json() {
        ui.out_json(&report)?;
    } else {
        let mut said = vec![format!("fetched {}", report.fetched)];
        if report.replayed > 0 {
            said.push(format!("replayed {}", report.replayed));
        }
        if report.rechained > 0 {
            said.push(format!("re-chained {} evidence line(s)", report.rechained));
        }
        said.push(format!("pushed {}", report.pushed));
        ui.status(format!("{} with {remote}: {}", ui.paint(Style::Green, "synced"), said.join(", ")));
        if report.unsigned > 0 {
            ui.warn(format!(
                "{} replayed commit(s) by others lost their commit signature (evidence signatures are unchanged)",
                report.unsigned
            ));
        }
    }
    if !report.dropped.is_empty() {
        return Err(sync::dropped_error(&report));
    }
    Ok(0)
}
