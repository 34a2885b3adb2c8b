use crate::act::execute;
use crate::commands::Session;
use crate::error::Result;
use crate::text::ui::Style;
use crate::trust::keys::KeyArgs;

/// Sign a checkpoint of the branch: its head, evidence count and governance entry
///
/// An executor or admin signs it (namespace `clearance-checkpoint`) once the history since
/// the last checkpoint is proven to have only appended. It is committed under
/// checkpoints/ and kept in this machine's state directory; every later `verify` proves the
/// history still extends it. Hand the file to an auditor or a fresh CI clone for
/// `clearance verify --checkpoint FILE`. With `checkpoint: auto` in clearance.yaml,
/// `apply` signs one after every change it runs.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance checkpoint --key-file executor.key --push\n  clearance checkpoint --format json > cp.json   # for `verify --checkpoint`"
)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    crate::commands::before_acting(repo, &args.push, Some(&args.key), ui)?;
    let checkpoint = execute::checkpoint(repo, &args.key)?;
    crate::commands::after_write(repo, &args.push, Some(&args.key), ui)?;
    if ui.json() {
        ui.out_json(&checkpoint)?;
    } else {
        let body = &checkpoint.checkpoint;
        ui.status(format!(
            "{} {} at {}: {} evidence entries, governance entry {}",
            ui.paint(Style::Green, "checkpointed"),
            repo.branch_short(),
            &body.head[..10],
            body.evidence,
            body.governance.seq
        ));
        ui.out(format!("{}\n", checkpoint.file_name()))?;
    }
    Ok(0)
}
