//! `approve` and `reject`: show the reviewer exactly what they sign, then sign it.

use std::io::IsTerminal;

use serde::Serialize;

use crate::approval::{Record, Statement, Verdict};
use crate::config;
use crate::error::{Error, ErrorKind, Result};
use crate::evaluate::Context;
use crate::evidence;
use crate::keys::{self, KeyArgs};
use crate::notify;
use crate::proposal::{self, State};
use crate::repo::{ChangeRepo, Write};
use crate::review::{self, Review};
use crate::trust::Role;
use crate::ui::{Style, Ui};

pub struct Request {
    pub comment: Option<String>,
    pub expires: Option<String>,
    pub yes: bool,
    pub verdict: Verdict,
}

#[derive(Serialize)]
struct Outcome {
    id: String,
    principal: String,
    verdict: Verdict,
    file: String,
    not_after: String,
    state: State,
    missing: Vec<crate::policy::Quorum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    push: Option<crate::sync::PushStatus>,
}

pub fn sign_off(
    repo: &ChangeRepo,
    prefix: &str,
    key: &KeyArgs,
    request: Request,
    push: &crate::sync::PushArgs,
    ui: &Ui,
) -> Result<u8> {
    let snapshot = repo.snapshot()?;
    let id = proposal::resolve(&snapshot, prefix)?;
    let detail = proposal::load(&snapshot, &id)?;
    let mut context = Context::load(repo, &snapshot)?;
    let now = crate::time::now();
    let before = review::review(&snapshot, &detail, &mut context, now)?;
    match before.state {
        State::Denied => {
            return Err(Error::new(
                ErrorKind::Denied,
                format!("{id} is denied by policy; there is nothing to approve"),
            ));
        }
        State::Withdrawn | State::Applying | State::Applied | State::Failed => {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!("{id} is {}; approvals no longer apply", before.state),
            ));
        }
        _ => {}
    }
    let signer = key.load()?;
    let identity = context.identities.by_key(signer.public_key()).ok_or_else(|| {
        Error::invalid(format!("your key {} is not in trust/identities.yaml", keys::fingerprint(signer.public_key())))
            .hint("an admin adds it with `clearance trust add NAME --role approver --key ...`")
    })?;
    let me = identity.principal.clone();
    if !matches!(identity.role, Role::Approver | Role::Admin) {
        return Err(Error::invalid(format!("`{me}` is trusted as {}, not as an approver", identity.role)));
    }
    if identity.revoked_at.is_some() {
        return Err(Error::invalid(format!("`{me}` is revoked")));
    }
    if me == detail.agent {
        return Err(Error::invalid("no self-approval: this key proposed the change"));
    }

    ui.status(render(ui, &detail, &before));
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let comment = if request.yes {
        request.comment.unwrap_or_default()
    } else {
        if !interactive {
            return Err(Error::usage("approving needs a terminal to confirm; pass --yes to sign without asking"));
        }
        let verb = match request.verdict {
            Verdict::Approve => "Approve",
            Verdict::Reject => "Reject",
        };
        let sure = dialoguer::Confirm::new()
            .with_prompt(format!("{verb} {id} as {me}?"))
            .default(false)
            .interact()
            .map_err(|e| Error::io(format!("prompt: {e}")))?;
        if !sure {
            return Err(Error::new(ErrorKind::Conflict, "not signed; nothing was written"));
        }
        match request.comment {
            Some(c) => c,
            None => dialoguer::Input::<String>::new()
                .with_prompt("Comment (optional)")
                .allow_empty(true)
                .interact_text()
                .map_err(|e| Error::io(format!("prompt: {e}")))?,
        }
    };
    let expires = request.expires.unwrap_or(context.config.defaults.approval_expiry.clone());
    let mut ttl = config::parse_duration(&expires)
        .ok_or_else(|| Error::usage(format!("--expires {expires}: expected a duration such as 30m, 4h, 2d")))?;
    // Policy data may cap how long any approval lives.
    let data = crate::review::policy_data(&snapshot)?;
    if let Some(cap) = data.get("max_approval_expiry").and_then(|v| v.as_str()).and_then(config::parse_duration)
        && ttl > cap
    {
        ui.status(format!(
            "expiry capped by policy at {} (asked for {expires})",
            data["max_approval_expiry"].as_str().unwrap_or("?")
        ));
        ttl = cap;
    }
    let not_after = jiff::Timestamp::from_second(now.as_second() + ttl.as_secs() as i64)
        .map_err(|e| Error::usage(e.to_string()))?;
    let statement = Statement {
        repo: before.repo_id.clone(),
        proposal: id.clone(),
        intent: before.digests.intent.clone(),
        plan: before.digests.plan.clone(),
        blast_radius: before.digests.blast_radius.clone(),
        decision: before.digests.decision.clone(),
        verdict: request.verdict,
        approver: me.clone(),
        comment,
        created_at: crate::time::rfc3339(now),
        not_after: crate::time::rfc3339(not_after),
    };
    let text = statement.to_text();
    let record =
        Record { signature: keys::sign(&signer, keys::NS_APPROVAL, text.as_bytes())?, statement: text.clone() };
    let file = format!("{}/{}.json", review::approvals_dir(&id), keys::fingerprint_hex(signer.public_key()));
    let mut bytes = serde_json::to_vec_pretty(&record)?;
    bytes.push(b'\n');
    let kind = match request.verdict {
        Verdict::Approve => evidence::Kind::Approved,
        Verdict::Reject => evidence::Kind::Rejected,
    };
    let payload = serde_json::json!({
        "approver": me,
        "file": file,
        "statement_digest": crate::intent::digest(text.as_bytes()),
        "not_after": statement.not_after,
    });
    let message = format!("{}: {id} by {me}", if request.verdict == Verdict::Approve { "approve" } else { "reject" });
    repo.transact_signed(&me, &message, Some(&signer), |snap| {
        let log = snap.read(&proposal::evidence_path(&id))?.unwrap_or_default();
        let log = evidence::append_signed(&log, kind, &statement.created_at, &me, payload.clone(), Some(&signer))?;
        Ok((vec![Write::file(file.clone(), bytes.clone()), Write::file(proposal::evidence_path(&id), log)], ()))
    })?;
    let pushed = crate::sync::after_write(repo, push, Some(key), ui)?;

    let snapshot = repo.snapshot()?;
    let detail = proposal::load(&snapshot, &id)?;
    let after = review::review(&snapshot, &detail, &mut context, now)?;
    let outcome = Outcome {
        id: id.clone(),
        principal: me.clone(),
        verdict: request.verdict,
        file,
        not_after: statement.not_after.clone(),
        state: after.state,
        missing: after.missing.clone(),
        push: pushed,
    };
    let event = match (request.verdict, outcome.state) {
        (Verdict::Reject, _) => Some(notify::Event::Rejected),
        (Verdict::Approve, State::Approved) => Some(notify::Event::Approved),
        _ => None,
    };
    if let Some(event) = event {
        notify::notify(repo, &id, &[event], outcome.state, &me, ui);
    }
    if ui.json() {
        ui.out_json(&outcome)?;
    } else {
        let verb = if request.verdict == Verdict::Approve { "approved" } else { "rejected" };
        let mut line = format!(
            "{} {id} as {me} (valid until {}); {id} is now {}",
            ui.paint(Style::Green, verb),
            outcome.not_after,
            outcome.state
        );
        if outcome.state == State::Pending {
            line.push_str(&format!("; still missing {}", describe(&outcome.missing)));
        }
        ui.status(line);
    }
    Ok(0)
}

pub fn describe(missing: &[crate::policy::Quorum]) -> String {
    missing.iter().map(|q| format!("{} from {}", q.count, q.group)).collect::<Vec<_>>().join(", ")
}

/// What the approver is about to sign: id, targets, intent, plan, blast radius, decision.
pub fn render(ui: &Ui, detail: &proposal::Detail, review: &Review) -> String {
    let mut out = format!(
        "{} {}  {} on {} ({}) by {}\n",
        ui.paint(Style::Bold, "proposal"),
        ui.paint(Style::Bold, &detail.id),
        detail.action,
        detail.targets.join(", "),
        detail.environment,
        detail.agent
    );
    out.push_str(&format!("  reason: {}\n\n{}\n", detail.reason, ui.paint(Style::Bold, "intent.yaml")));
    for line in detail.intent_text.lines() {
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str(&format!(
        "\n{} {}\n",
        ui.paint(Style::Bold, "plan:"),
        if review.digests.plan == "none" { "none yet" } else { &review.digests.plan }
    ));
    out.push_str(&format!(
        "\n{} {}\n",
        ui.paint(Style::Bold, "blast radius:"),
        review.evaluation.blast_radius.headline()
    ));
    for line in review.evaluation.blast_radius.table().lines() {
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
