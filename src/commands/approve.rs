use std::io::IsTerminal;

use crate::approval::Verdict;
use crate::error::{Error, ErrorKind, Result};
use crate::keys::KeyArgs;
use crate::proposal::State;
use crate::repo::ChangeRepo;
use crate::sign_off::{self, Request};
use crate::ui::{Style, Ui};

/// Approve a proposal by signing exactly what you reviewed
///
/// Shows the intent, plan, blast radius and policy decision, asks for confirmation
/// (default No) and an optional comment, then signs a statement binding all of it with
/// your key. With no ID, pick from the pending proposals you may approve. Without a
/// terminal it refuses unless --yes is given.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance approve                        # pick from what waits for you\n  clearance approve 7k3m --key dana\n  clearance approve 7k3m --key-file ~/.ssh/clearance --yes --comment 'checked the snapshot' --expires 4h"
)]
pub struct Args {
    /// The proposal id or a unique prefix
    pub id: Option<String>,
    #[command(flatten)]
    pub sign: SignArgs,
    #[command(flatten)]
    pub push: crate::sync::PushArgs,
}

/// What every sign-off takes: the key, a comment, an expiry, and whether to ask.
#[derive(Debug, clap::Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub key: KeyArgs,
    /// A comment stored with (and signed in) the approval
    #[arg(long, short = 'm')]
    pub comment: Option<String>,
    /// How long it stays valid, e.g. 4h [default: clearance.yaml defaults.approval_expiry]
    #[arg(long, value_name = "DURATION")]
    pub expires: Option<String>,
    /// Do not ask; required without a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,
}

impl SignArgs {
    fn request(self, verdict: Verdict) -> (KeyArgs, Request) {
        (self.key, Request { comment: self.comment, expires: self.expires, yes: self.yes, verdict })
    }
}

/// Reject a proposal: a signed veto by an eligible approver
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance reject 7k3m --key dana -m 'not during the sale'")]
pub struct RejectArgs {
    pub id: String,
    #[command(flatten)]
    pub sign: SignArgs,
    #[command(flatten)]
    pub push: crate::sync::PushArgs,
}

pub fn run(args: Args, repo: &ChangeRepo, ui: &Ui) -> Result<u8> {
    let (key, request) = args.sign.request(Verdict::Approve);
    crate::sync::before_acting(repo, &args.push, Some(&key), ui)?;
    let id = match args.id {
        Some(id) => id,
        None => pick(repo, &key, ui)?,
    };
    sign_off::sign_off(repo, &id, &key, request, &args.push, ui)
}

pub fn run_reject(args: RejectArgs, repo: &ChangeRepo, ui: &Ui) -> Result<u8> {
    let (key, request) = args.sign.request(Verdict::Reject);
    crate::sync::before_acting(repo, &args.push, Some(&key), ui)?;
    sign_off::sign_off(repo, &args.id, &key, request, &args.push, ui)
}

/// Choose among the pending proposals this key may approve (not its own agents').
fn pick(repo: &ChangeRepo, key: &KeyArgs, ui: &Ui) -> Result<String> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Error::usage("give a proposal ID: choosing one needs a terminal"));
    }
    let snapshot = repo.snapshot()?;
    let signer = key.load()?;
    let identities = crate::trust::Identities::load(&snapshot)?;
    let me = identities.by_key(signer.public_key()).map(|i| i.principal.clone()).unwrap_or_default();
    let proposals = crate::index::load_at(repo, &snapshot)?.proposals;
    let pending: Vec<_> = proposals.iter().filter(|p| p.state == State::Pending && p.agent != me).collect();
    if pending.is_empty() {
        return Err(Error::new(ErrorKind::NotFound, "nothing is waiting for approval"));
    }
    let items: Vec<String> = pending
        .iter()
        .map(|p| format!("{}  {} on {} ({})  by {}", p.id, p.action, p.targets.join(","), p.environment, p.agent))
        .collect();
    let choice = dialoguer::Select::new()
        .with_prompt(ui.paint(Style::Bold, "Which proposal?"))
        .items(&items)
        .default(0)
        .interact_opt()
        .map_err(|e| Error::io(format!("prompt: {e}")))?;
    choice.map(|i| pending[i].id.clone()).ok_or_else(|| Error::usage("nothing chosen"))
}
