use crate::act::execute;
use crate::commands::Session;
use crate::error::Result;
use crate::trust::keys::KeyArgs;

/// Take a proposal back (the proposing agent, or an admin)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance withdraw 7k3m --key-file agent.key -m 'superseded by 9x2q'")]
pub struct Args {
    pub id: String,
    /// Why, recorded in evidence (`--comment` as in approve)
    #[arg(long, short = 'm', visible_alias = "comment")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    crate::commands::before_acting(repo, &args.push, Some(&args.key), ui)?;
    let id = execute::withdraw(repo, &args.id, &args.key, args.reason)?;
    crate::commands::after_write(repo, &args.push, Some(&args.key), ui)?;
    if ui.json() {
        ui.out_json(&serde_json::json!({"id": id, "state": "withdrawn"}))?;
    } else {
        ui.status(format!("withdrew {id}"));
    }
    Ok(0)
}
