use crate::commands::Session;
use crate::commands::approve::{SignArgs, sign_off};
use crate::error::Result;
use crate::trust::approval::Verdict;

/// Reject a proposal: a signed veto by an eligible approver
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance reject 7k3m --key dana -m 'not during the sale'")]
pub struct Args {
    pub id: String,
    #[command(flatten)]
    pub sign: SignArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    crate::commands::before_acting(repo, &args.push, Some(&args.sign.key), ui)?;
    sign_off(repo, &args.id, args.sign, Verdict::Reject, &args.push, ui)
}
