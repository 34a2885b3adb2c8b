//! A proposal as it stands now: its current decision and blast radius, every approval
//! judged against them, the quorum, and the derived state. Used by `show`, `approve`,
//! `reject` and `apply`, always computed fresh from the branch.

use jiff::Timestamp;
use serde::Serialize;

use crate::decide::evaluate::{Context, Evaluation};
use crate::error::Result;
use crate::model::decision::Verdict;
use crate::model::intent;
use crate::model::proposal::{self, Detail, State};
use crate::store::repo::Snapshot;
use crate::trust::approval::Quorum;
use crate::trust::approval::{self, Facts, Judged};

/// Digests of what the proposal is now; approvals must bind exactly these.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Digests {
    pub intent: String,
    pub plan: String,
    pub blast_radius: String,
    pub decision: String,
    /// The definition of the provider that would run it, `None` when there is none.
    pub provider: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Review {
    pub state: State,
    pub repo_id: String,
    pub digests: Digests,
    pub evaluation: Evaluation,
    /// Shown at the top level of `show --format json` instead.
    #[serde(skip)]
    pub approvals: Vec<Judged>,
    pub quorum_met: bool,
    /// Slots still to fill: `[{group, count}]`.
    pub missing: Vec<Quorum>,
    /// The approver whose rejection vetoes the proposal.
    pub vetoed_by: Option<String>,
    /// The intent as it is now, parsed strictly: what was reviewed (and what apply runs).
    #[serde(skip)]
    pub intent: intent::Parsed,
}

/// The agent's history as recorded when the proposal was filed.
pub fn recorded_history(detail: &Detail) -> crate::decide::evaluate::History {
    detail
        .evidence
        .first()
        .and_then(|e| e.payload.get("history"))
        .and_then(|h| serde_json::from_value(h.clone()).ok())
        .unwrap_or_default()
}

pub fn plan_path(id: &str) -> String {
    format!("{}/plan.json", proposal::dir(id))
}

pub fn approvals_dir(id: &str) -> String {
    format!("{}/approvals", proposal::dir(id))
}

/// What an approval binds of the provider that would run `action`: its argv, its
/// environment, the names of its secrets, its timeout and the id of the `providers/` tree in
/// force (where it runs). A provider swapped after review voids it.
pub fn provider_digest(
    snapshot: &Snapshot<'_>,
    config: &crate::model::config::Config,
    action: &str,
) -> Result<Option<String>> {
    let name = action.split_once('.').map_or(action, |(p, _)| p);
    let Some(provider) = config.providers.get(name) else { return Ok(None) };
    // Every provider runs among the providers/ files in force: all of them are bound.
    let script = snapshot.entry_id("providers")?.map(|oid| oid.to_string());
    let definition = serde_json::json!({
        "name": name,
        "command": provider.command,
        "env": provider.env,
        "secrets": provider.secrets.keys().collect::<Vec<_>>(),
        "timeout": provider.timeout,
        "script": script,
    });
    Ok(Some(crate::text::bytes::digest(&serde_json::to_vec(&definition)?)))
}

/// The proposal as it is now, decided with the history the agent had when filing it (what
/// `show` and `approve` present).
pub fn review(snapshot: &Snapshot<'_>, detail: &Detail, context: &mut Context, now: Timestamp) -> Result<Review> {
    review_with(snapshot, detail, context, now, recorded_history(detail))
}

/// [`review`] with the agent's history counted by the caller: an executor counts it itself,
/// from the signed `proposed` entries on the branch and its own clock, never trusting the
/// history the agent recorded.
pub fn review_with(
    snapshot: &Snapshot<'_>,
    detail: &Detail,
    context: &mut Context,
    now: Timestamp,
    history: crate::decide::evaluate::History,
) -> Result<Review> {
    let id = &detail.id;
    let path = proposal::intent_path(id);
    let bytes = snapshot.read(&path)?.unwrap_or_default();
    let parsed = intent::parse(bytes, &path)?;
    let evaluation = context.decide(&parsed.intent, &parsed.document, now, history)?;
    let plan = snapshot.read(&plan_path(id))?.map_or_else(|| "none".to_owned(), |b| crate::text::bytes::digest(&b));
    let digests = Digests {
        intent: parsed.digest.clone(),
        plan,
        blast_radius: evaluation.blast_radius.digest(),
        decision: evaluation.decision.digest(),
        provider: provider_digest(snapshot, &context.config, &parsed.intent.spec.action)?,
    };
    let history = key_history(snapshot)?;
    let files: Vec<(String, git2::Oid)> = snapshot
        .list(&approvals_dir(id))?
        .into_iter()
        .map(|(name, oid)| (format!("{}/{name}", approvals_dir(id)), oid))
        .collect();
    let untrusted = match &history {
        Some(h) => Some(crate::trust::governance::recorded_untrusted(
            snapshot.git(),
            snapshot.commit,
            h,
            files.iter().map(|(file, _)| file.as_str()),
        )?),
        None => None,
    };
    let facts = Facts {
        repo_id: &context.config.repo_id,
        proposal: id,
        agent: &detail.agent,
        intent: &digests.intent,
        plan: &digests.plan,
        blast_radius: &digests.blast_radius,
        decision: &digests.decision,
        provider: digests.provider.as_deref(),
        max_expiry: crate::model::policy_data::max_approval_expiry(snapshot)?,
        history: history.as_ref(),
        untrusted: untrusted.as_ref(),
        now,
        sponsor_is_self: !crate::model::policy_data::sponsor_may_approve(snapshot)?,
        signatures: None,
    };
    let mut approvals = Vec::new();
    for (file, oid) in &files {
        approvals.push(approval::judge(file, &snapshot.blob(*oid)?, &facts, &context.identities));
    }
    // A rejection on record whose file is gone still vetoes: its evidence line is signed.
    let present: Vec<String> = approvals.iter().map(|a| a.file.clone()).collect();
    for e in detail.evidence.iter().filter(|e| e.kind == crate::model::evidence::Kind::Rejected) {
        let file = e.payload.get("file").and_then(|f| f.as_str()).unwrap_or_default();
        if present.iter().any(|p| p == file) {
            continue;
        }
        if let Some(groups) = signed_rejection(e, &context.identities) {
            approvals.push(Judged {
                principal: e.actor.clone(),
                verdict: approval::Verdict::Reject,
                valid: true,
                groups,
                comment: "(its file was deleted; the signed evidence line stands)".to_owned(),
                created_at: e.at.clone(),
                ..Judged::blank(file)
            });
        }
    }
    approvals.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    let required = &evaluation.decision.approvals;
    let (quorum_met, missing) = approval::quorum_met(required, &approvals);
    let vetoed_by = approval::vetoed(required, &approvals);
    let state = match detail.state {
        State::Withdrawn | State::Applying | State::Applied | State::Failed => detail.state,
        _ => match evaluation.decision.verdict() {
            Verdict::Denied => State::Denied,
            _ if vetoed_by.is_some() => State::Rejected,
            Verdict::Cleared => State::Approved,
            Verdict::NeedsApproval if quorum_met => State::Approved,
            Verdict::NeedsApproval => State::Pending,
        },
    };
    Ok(Review {
        state,
        repo_id: context.config.repo_id.clone(),
        digests,
        evaluation,
        approvals,
        quorum_met,
        missing,
        vetoed_by,
        intent: parsed,
    })
}

/// The groups of the approver who signed this `rejected` evidence line, when the line's
/// signature is theirs and they could approve when they signed it.
fn signed_rejection(
    entry: &crate::model::evidence::Entry,
    identities: &crate::trust::identities::Identities,
) -> Option<Vec<String>> {
    use crate::trust::identities::Role;
    let identity = identities.get(&entry.actor)?;
    if !matches!(identity.role, Role::Approver | Role::Admin) {
        return None;
    }
    if let (Some(revoked), Ok(at)) = (identity.revoked_at.as_deref(), entry.at.parse::<Timestamp>())
        && revoked.parse::<Timestamp>().is_ok_and(|r| at >= r)
    {
        return None;
    }
    let key = crate::trust::keys::parse_public(identity.key.as_deref()?).ok()?;
    let mut unsigned = entry.clone();
    let sig = unsigned.sig.take()?;
    let bytes = serde_json::to_vec(&unsigned).ok()?;
    crate::trust::keys::verify(&key, crate::trust::keys::NS_EVIDENCE, &bytes, &sig).ok()?;
    Some(identity.groups.clone())
}

/// Which key each principal held when, from the governance log on the snapshot's branch.
fn key_history(snapshot: &Snapshot<'_>) -> Result<Option<crate::trust::governance::KeyHistory>> {
    let Some(tree) = snapshot.branch_tree() else { return Ok(None) };
    let git = snapshot.git();
    match crate::trust::governance::chain_at(git, tree)? {
        Some(chain) => Ok(Some(crate::trust::governance::key_history(&chain, &|e| {
            crate::trust::governance::identities_in(git, e)
        })?)),
        None => Ok(None),
    }
}
