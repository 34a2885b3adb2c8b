use crate::act::execute;
use crate::commands::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::text::ui::Style;
use crate::trust::keys::KeyArgs;

/// Execute a cleared change through its provider, exactly once
///
/// Checks, in order: the proposal is unchanged; its approvals are valid, unexpired and meet
/// the current policy's quorum; it was never started. Then records `apply-started`, runs
/// the provider, records `apply-finished`, and runs the intent's `verify` action.
/// When the repository has a remote (`remote:` in clearance.yaml, origin by default),
/// `apply-started` must reach it before the provider runs, so two machines never run one
/// change: the one that loses the push race stops, naming who holds it (--no-push applies
/// on this clone's word alone). Exit 4 when not cleared, 6 when the provider fails.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance apply 7k3m --key-file /etc/clearance/executor\n  clearance apply 7k3m --resume          # after a crash, same idempotency key\n  clearance apply 7k3m --no-push   # a clone whose remote is not the shared one"
)]
pub struct Args {
    pub id: String,
    /// Re-run a change whose earlier run crashed after `apply-started`
    #[arg(long)]
    pub resume: bool,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let remote = args.push.remote_for_apply(repo)?;
    let applied = execute::apply(repo, &args.id, &args.key, args.resume, remote.as_deref())?;
    for warning in &applied.warnings {
        ui.warn(warning);
    }
    if ui.json() {
        ui.out_json(&applied)?;
    } else {
        let status = if applied.apply.ok() {
            ui.paint(Style::Green, "applied")
        } else {
            ui.paint(Style::Red, &format!("failed ({})", applied.apply.status))
        };
        ui.status(format!("{status} {}: {}", applied.id, applied.apply.summary));
        if let Some(v) = &applied.verify {
            ui.status(format!("  verify: {} {}", v.status, v.summary));
        }
    }
    if !applied.apply.ok() {
        return Err(Error::new(
            ErrorKind::ProviderFailed,
            format!("provider {}: {}", applied.apply.status, applied.apply.summary),
        ));
    }
    Ok(0)
}
