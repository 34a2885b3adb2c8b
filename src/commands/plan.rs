use crate::act::execute;
use crate::commands::Session;
use crate::error::Result;
use crate::trust::keys::KeyArgs;

/// Run the provider's dry run and commit it as plan.json (earlier approvals go stale)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance plan 7k3m --key-file /etc/clearance/executor")]
pub struct Args {
    pub id: String,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    crate::commands::before_acting(repo, &args.push, Some(&args.key), ui)?;
    let planned = execute::plan(repo, &args.id, &args.key)?;
    crate::commands::after_write(repo, &args.push, Some(&args.key), ui)?;
    if ui.json() {
        ui.out_json(&planned)?;
    } else {
        let outcome = &planned.outcome;
        ui.status(format!("planned ({}): {}", outcome.status, outcome.summary));
        if !planned.stale_approvals.is_empty() {
            ui.warn(format!(
                "the plan changed, so the approvals of {} no longer count: they must approve again",
                planned.stale_approvals.join(", ")
            ));
        }
    }
    Ok(if planned.outcome.ok() { 0 } else { 6 })
}
