use std::io::IsTerminal;

use crate::act;
use crate::commands::Session;
use crate::decide::approve::{self, describe};
use crate::decide::review::Review;
use crate::error::{Error, ErrorKind, Result};
use crate::model::config::Event;
use crate::model::proposal;
use crate::model::proposal::State;
use crate::store::repo::ChangeRepo;
use crate::text::ui::{Style, Ui, escape_controls};
use crate::trust::approval::Verdict;
use crate::trust::keys::KeyArgs;

/// Approve a proposal by signing exactly what you reviewed
///
/// Shows the intent, plan, blast radius and policy decision, asks for confirmation
/// (default No) and an optional comment, then signs a statement binding all of it with
/// your key. With no ID, pick from the pending proposals you may approve. Without a
/// terminal it refuses unless --yes is given.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance approve                        # pick from what waits for you\n  clearance approve 7k3m --key dana\n  clearance approve 7k3m --key-file ~/.ssh/clearance --yes \\\n      --comment 'checked the snapshot' --expires 4h"
)]
pub struct Args {
    /// The proposal id or a unique prefix
    pub id: Option<String>,
    #[command(flatten)]
    pub sign: SignArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
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
    /// Sign even when the signature would count for nothing: it fills no missing slot
    /// (already cleared, vetoed, or needing other groups) or you sponsor the agent
    #[arg(long)]
    pub anyway: bool,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    crate::commands::before_acting(repo, &args.push, Some(&args.sign.key), ui)?;
    let id = match &args.id {
        Some(id) => id.clone(),
        None => pick(repo, &args.sign.key, ui)?,
    };
    sign_off(repo, &id, args.sign, Verdict::Approve, &args.push, ui)
}

/// Show what is about to be signed, ask (unless --yes), sign, push, notify, report.
pub(super) fn sign_off(
    repo: &ChangeRepo,
    id: &str,
    sign: SignArgs,
    verdict: Verdict,
    push: &act::sync::PushArgs,
    ui: &Ui,
) -> Result<u8> {
    let prepared = approve::prepare(repo, id, &sign.key, verdict, sign.anyway)?;
    let plan = repo.snapshot()?.read(&crate::decide::review::plan_path(&prepared.id))?;
    ui.status(render(ui, &prepared.detail, &prepared.review, plan.as_deref()));
    let comment = if sign.yes { sign.comment.unwrap_or_default() } else { confirm(&prepared, verdict, sign.comment)? };
    let signed = approve::sign(repo, prepared, verdict, comment, sign.expires)?;
    if let Some((cap, asked)) = &signed.capped {
        ui.status(format!("expiry capped by policy at {cap} (asked for {asked})"));
    }
    let pushed = crate::commands::after_write(repo, push, Some(&sign.key), ui)?;
    let event = match (verdict, signed.state) {
        (Verdict::Reject, _) => Some(Event::Rejected),
        (Verdict::Approve, State::Approved) => Some(Event::Approved),
        _ => None,
    };
    if let Some(event) = event {
        for warning in act::notify::notify(repo, &signed.id, &[event], signed.state, &signed.principal) {
            ui.warn(warning);
        }
    }
    if ui.json() {
        ui.out_json(&act::sync::WithPush { value: &signed, push: pushed })?;
    } else {
        let verb = if verdict == Verdict::Approve { "approved" } else { "rejected" };
        let (id, me) = (&signed.id, &signed.principal);
        let mut line = format!(
            "{} {id} as {me} (valid until {}); {id} is now {}",
            ui.paint(Style::Green, verb),
            signed.not_after,
            signed.state
        );
        if signed.state == State::Pending {
            line.push_str(&format!("; still missing {}", approve::describe(&signed.missing)));
        }
        ui.status(line);
    }
    Ok(0)
}

/// Ask the signer to confirm (default No), then for a comment unless one was given.
fn confirm(prepared: &approve::Prepared, verdict: Verdict, comment: Option<String>) -> Result<String> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !interactive {
        return Err(Error::usage("approving needs a terminal to confirm; pass --yes to sign without asking"));
    }
    crate::text::ui::restore_terminal_on_interrupt();
    let verb = match verdict {
        Verdict::Approve => "Approve",
        Verdict::Reject => "Reject",
    };
    let sure = dialoguer::Confirm::new()
        .wait_for_newline(true)
        .with_prompt(format!("{verb} {} as {}?", prepared.id, prepared.principal))
        .default(false)
        .interact()
        .map_err(|e| Error::io(format!("prompt: {e}")))?;
    if !sure {
        return Err(Error::new(ErrorKind::Conflict, "not signed; nothing was written"));
    }
    match comment {
        Some(c) => Ok(c),
        None => dialoguer::Input::<String>::new()
            .with_prompt("Comment (optional)")
            .allow_empty(true)
            .interact_text()
            .map_err(|e| Error::io(format!("prompt: {e}"))),
    }
}

/// Choose among the pending proposals this key may approve (not its own agents').
fn pick(repo: &ChangeRepo, key: &KeyArgs, ui: &Ui) -> Result<String> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Error::usage("give a proposal ID: choosing one needs a terminal"));
    }
    crate::text::ui::restore_terminal_on_interrupt();
    let (me, pending) = approve::waiting_for(repo, key)?;
    if pending.is_empty() {
        return Err(Error::new(ErrorKind::NotFound, format!("nothing waits for `{me}`"))
            .hint("`clearance list --state pending` shows every pending proposal"));
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

/// What the approver is about to sign: id, targets, intent, plan, blast radius, decision.
pub fn render(ui: &Ui, detail: &proposal::Detail, review: &Review, plan: Option<&[u8]>) -> String {
    let mut out = format!(
        "{} {}  {} on {} ({}) by {}\n",
        ui.paint(Style::Bold, "proposal"),
        ui.paint(Style::Bold, &detail.id),
        escape_controls(&detail.action),
        escape_controls(&detail.targets.join(", ")),
        escape_controls(&detail.environment),
        escape_controls(&detail.agent)
    );
    out.push_str(&format!(
        "  reason: {}\n\n{}\n",
        escape_controls(&detail.reason),
        ui.paint(Style::Bold, "intent.yaml")
    ));
    for line in detail.intent_text.lines() {
        out.push_str(&format!("  {}\n", escape_controls(line)));
    }
    out.push_str(&format!(
        "\n{} {}\n",
        ui.paint(Style::Bold, "plan:"),
        if review.digests.plan == "none" { "none yet" } else { &review.digests.plan }
    ));
    if let Some(bytes) = plan {
        out.push_str(&plan_lines(bytes));
    }
    out.push_str(&format!(
        "\n{} {}\n",
        ui.paint(Style::Bold, "blast radius:"),
        review.evaluation.blast_radius.headline()
    ));
    let radius = &review.evaluation.blast_radius;
    let more = format!("`clearance blast {} --all` shows them all", radius.targets.join(" "));
    for line in radius.table(ui.width().map(|w| w.saturating_sub(2)), Some(20), &more).lines() {
        out.push_str(&format!("  {line}\n"));
    }
    let d = &review.evaluation.decision;
    out.push_str(&format!("\n{} requires {}\n", ui.paint(Style::Bold, "policy decision:"), d.describe_approvals()));
    for w in &d.warn {
        out.push_str(&format!("  {} {w}\n", ui.paint(Style::Yellow, "warn:")));
    }
    if !review.missing.is_empty() {
        out.push_str(&format!("  {} {}\n", ui.paint(Style::Yellow, "missing:"), describe(&review.missing)));
    }
    out
}

/// A plan as the approver reads it: status and summary, then each change (at most 20),
/// with control characters made visible (a provider's output is not to be trusted).
pub fn plan_lines(bytes: &[u8]) -> String {
    let Ok(plan) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return "  (plan.json does not parse)\n".to_owned();
    };
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut out = format!(
        "  {}: {}\n",
        plan.get("status").map(text).unwrap_or_else(|| "?".into()),
        plan.get("summary").map(text).unwrap_or_default()
    );
    let changes = plan.get("changes").and_then(|c| c.as_array()).cloned().unwrap_or_default();
    for change in changes.iter().take(20) {
        out.push_str(&format!("  - {}\n", text(change)));
    }
    if changes.len() > 20 {
        out.push_str(&format!("  ... and {} more\n", changes.len() - 20));
    }
    crate::text::ui::escape_controls(&out).into_owned()
}
