//! `approve` and `reject`: show the reviewer exactly what they sign, then sign it.

use serde::Serialize;

use crate::decide::evaluate::Context;
use crate::decide::review::{self, Review};
use crate::error::{Error, ErrorKind, Result};
use crate::model::evidence;
use crate::model::proposal::{self, State};
use crate::store::repo::{ChangeRepo, Write};
use crate::trust::approval::{Record, Statement, Verdict};
use crate::trust::identities::Role;
use crate::trust::keys::{self, KeyArgs};

/// A sign-off about to be made: the proposal as reviewed now, and the signer, checked to
/// be an approver who may sign it.
pub struct Prepared {
    pub id: String,
    pub detail: proposal::Detail,
    pub review: Review,
    pub principal: String,
    context: Context,
    signer: ssh_key::PrivateKey,
    now: jiff::Timestamp,
}

/// What a sign-off wrote and what the proposal is now.
#[derive(Debug, Serialize)]
pub struct Signed {
    pub id: String,
    pub principal: String,
    pub verdict: Verdict,
    pub file: String,
    pub not_after: String,
    pub state: State,
    pub missing: Vec<crate::trust::approval::Quorum>,
    /// Set when policy data capped the expiry asked for: (cap, asked).
    #[serde(skip)]
    pub capped: Option<(String, String)>,
}

/// Review proposal `prefix` for the key in `key`: refuses a proposal that can no longer be
/// signed and a key that may not sign it, and (unless `anyway`) an approval that would
/// fill no missing slot.
pub fn prepare(repo: &ChangeRepo, prefix: &str, key: &KeyArgs, verdict: Verdict, anyway: bool) -> Result<Prepared> {
    // Never sign off on a branch rewound behind what this clone saw.
    crate::trust::anchor::check(repo)?;
    let snapshot = repo.snapshot()?;
    let id = proposal::resolve(&snapshot, prefix)?;
    let detail = proposal::load(&snapshot, &id)?;
    let mut context = Context::load(repo, &snapshot)?;
    let now = crate::text::time::now();
    let review = review::review(&snapshot, &detail, &mut context, now)?;
    match review.state {
        State::Denied => {
            return Err(Error::new(
                ErrorKind::Denied,
                format!("{id} is denied by policy; there is nothing to approve"),
            ));
        }
        State::Withdrawn | State::Applying | State::Applied | State::Failed => {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!("{id} is {}; approvals no longer apply", review.state),
            ));
        }
        _ => {}
    }
    let signer = key.load()?;
    let identity = context.identities.by_key(signer.public_key()).ok_or_else(|| {
        Error::invalid(format!("your key {} is not in trust/identities.yaml", keys::fingerprint(signer.public_key())))
            .hint("an admin adds it with `clearance trust add NAME --role approver --key ...`")
    })?;
    let principal = identity.principal.clone();
    if !matches!(identity.role, Role::Approver | Role::Admin) {
        return Err(Error::invalid(format!("`{principal}` is trusted as {}, not as an approver", identity.role)));
    }
    if identity.revoked_at.is_some() {
        return Err(Error::invalid(format!("`{principal}` is revoked")));
    }
    if principal == detail.agent {
        return Err(Error::invalid("no self-approval: this key proposed the change"));
    }
    let sponsor = context.identities.get(&detail.agent).and_then(|a| a.sponsor.as_deref());
    if !anyway && sponsor == Some(principal.as_str()) && !crate::model::policy_data::sponsor_may_approve(&snapshot)? {
        return Err(Error::new(
            ErrorKind::Conflict,
            format!(
                "no self-approval: `{principal}` sponsors `{}`, and policy data says `sponsor_may_approve: false`",
                detail.agent
            ),
        )
        .hint(
            "your signature would count for nothing; another approver must sign (--anyway records it all the same)",
        ));
    }
    if verdict == Verdict::Approve && !anyway {
        let why = match review.state {
            State::Approved => Some(format!("{id} is already cleared")),
            State::Rejected => Some(format!("{id} is vetoed; an approval does not lift a veto")),
            _ if review
                .approvals
                .iter()
                .any(|a| a.valid && a.principal == principal && a.verdict == Verdict::Approve) =>
            {
                Some(format!("`{principal}` has already approved {id}"))
            }
            _ if !fills_a_slot(&review, &principal, &identity.groups) => Some(format!(
                "your approval fills no missing slot: {id} still needs {}, and `{principal}` is in {}",
                describe(&review.missing),
                if identity.groups.is_empty() { "no group".to_owned() } else { identity.groups.join(", ") }
            )),
            _ => None,
        };
        if let Some(why) = why {
            return Err(Error::new(ErrorKind::Conflict, why).hint("pass --anyway to sign it all the same"));
        }
    }
    Ok(Prepared { id, detail, review, principal, context, signer, now })
}

/// Sign `verdict` on what `prepared` reviewed, with `comment`, valid for `expires` (default:
/// the repository's `defaults.approval_expiry`, capped by policy data's `max_approval_expiry`).
pub fn sign(
    repo: &ChangeRepo,
    prepared: Prepared,
    verdict: Verdict,
    comment: String,
    expires: Option<String>,
) -> Result<Signed> {
    let Prepared { id, review: before, principal: me, mut context, signer, now, .. } = prepared;
    let expires = expires.unwrap_or(context.config.defaults.approval_expiry.clone());
    let mut ttl = crate::text::time::parse_duration(&expires)
        .ok_or_else(|| Error::usage(format!("--expires {expires}: expected a duration such as 30m, 4h, 2d")))?;
    // Policy data may cap how long any approval lives.
    let data = crate::model::policy_data::load(&repo.snapshot()?)?;
    let mut capped = None;
    if let Some(cap_text) = data.get("max_approval_expiry").and_then(|v| v.as_str())
        && let Some(cap) = crate::text::time::parse_duration(cap_text)
        && ttl > cap
    {
        capped = Some((cap_text.to_owned(), expires.clone()));
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
        provider: before.digests.provider.clone(),
        verdict,
        approver: me.clone(),
        comment,
        created_at: crate::text::time::rfc3339(now),
        not_after: crate::text::time::rfc3339(not_after),
    };
    let text = statement.to_text();
    let record =
        Record { signature: keys::sign(&signer, keys::NS_APPROVAL, text.as_bytes())?, statement: text.clone() };
    let file = format!("{}/{}.json", review::approvals_dir(&id), keys::fingerprint_hex(signer.public_key()));
    let mut bytes = serde_json::to_vec_pretty(&record)?;
    bytes.push(b'\n');
    let kind = match verdict {
        Verdict::Approve => evidence::Kind::Approved,
        Verdict::Reject => evidence::Kind::Rejected,
    };
    let payload = serde_json::json!({
        "approver": me,
        "file": file,
        "statement_digest": crate::text::bytes::digest(text.as_bytes()),
        "not_after": statement.not_after,
    });
    let message = format!("{}: {id} by {me}", if verdict == Verdict::Approve { "approve" } else { "reject" });
    repo.transact_signed(&me, &message, Some(&signer), |snap| {
        let log = snap.read(&proposal::evidence_path(&id))?.unwrap_or_default();
        let log = evidence::append_signed(&log, kind, &statement.created_at, &me, payload.clone(), Some(&signer))?;
        Ok((vec![Write::file(file.clone(), bytes.clone()), Write::file(proposal::evidence_path(&id), log)], ()))
    })?;

    let snapshot = repo.snapshot()?;
    let detail = proposal::load(&snapshot, &id)?;
    let after = review::review(&snapshot, &detail, &mut context, now)?;
    Ok(Signed {
        id,
        principal: me,
        verdict,
        file,
        not_after: statement.not_after,
        state: after.state,
        missing: after.missing,
        capped,
    })
}

/// Who a key signs as, and the pending proposals that wait for it: filed by someone else,
/// asking for a group it is in (or for any approver), and not signed by it yet. Oldest
/// first: the longest waiting is the most urgent.
pub fn waiting_for(repo: &ChangeRepo, key: &KeyArgs) -> Result<(String, Vec<crate::model::index::Summary>)> {
    let snapshot = repo.snapshot()?;
    let signer = key.load()?;
    let identities = crate::trust::identities::Identities::load(&snapshot)?;
    let identity = identities.by_key(signer.public_key()).ok_or_else(|| {
        Error::invalid(format!("your key {} is not in trust/identities.yaml", keys::fingerprint(signer.public_key())))
    })?;
    let (me, groups) = (identity.principal.clone(), identity.groups.clone());
    if !matches!(identity.role, Role::Approver | Role::Admin) {
        return Err(Error::invalid(format!("`{me}` is trusted as {}, not as an approver", identity.role)));
    }
    let mine = format!("{}.json", keys::fingerprint_hex(signer.public_key()));
    let judging = crate::model::index::Judging::load(repo, &snapshot)?;
    let pending: Vec<_> = crate::model::index::load_at(repo, &snapshot)?
        .proposals
        .into_iter()
        .filter(|p| p.state == State::Pending && !judging.is_self(p, &me))
        .filter(|p| !p.approvals.iter().any(|(file, _)| file.ends_with(&mine)))
        .collect();
    // What each still needs, judged as `list` judges it: against what it was when filed.
    let mut waiting = Vec::with_capacity(pending.len());
    for p in pending {
        let (required, judged) = match &p.recorded {
            Some(r) => (r.approvals.clone(), judging.judge(&p, r)),
            None => {
                let log = snapshot.read(&proposal::evidence_path(&p.id))?.unwrap_or_default();
                let first = evidence::parse(&log, "evidence.jsonl")?.into_iter().next();
                let required = first
                    .and_then(|e| e.payload.get("decision")?.get("approvals").cloned())
                    .and_then(|a| serde_json::from_value(a).ok())
                    .unwrap_or_default();
                (required, Vec::new())
            }
        };
        let missing = crate::trust::approval::quorum_met(&required, &judged).1;
        let still = missing.iter().map(|q| q.count).sum::<u32>();
        if still > 0 && fills(&required, &judged, &me, &groups) {
            waiting.push((still, p));
        }
    }
    judging.save();
    // Most urgent first: those one signature clears, then the fewest still missing, then
    // the longest waiting.
    waiting.sort_by(|(a_still, a), (b_still, b)| {
        a_still.cmp(b_still).then_with(|| a.created_at.cmp(&b.created_at)).then_with(|| a.id.cmp(&b.id))
    });
    Ok((me, waiting.into_iter().map(|(_, p)| p).collect()))
}

/// Whether one more approval, by `principal` of `groups`, fills a slot that is missing now
/// (the matching may move others to make room, so it is tried, not guessed).
pub fn fills_a_slot(review: &Review, principal: &str, groups: &[String]) -> bool {
    fills(&review.evaluation.decision.approvals, &review.approvals, principal, groups)
}

/// Whether a valid approval by `principal` (in `groups`) would leave fewer slots of
/// `required` missing than `approvals` leave.
fn fills(
    required: &[crate::trust::approval::Quorum],
    approvals: &[crate::trust::approval::Judged],
    principal: &str,
    groups: &[String],
) -> bool {
    let mut with_me = approvals.to_vec();
    with_me.push(crate::trust::approval::Judged {
        principal: principal.to_owned(),
        valid: true,
        groups: groups.to_vec(),
        ..crate::trust::approval::Judged::blank("")
    });
    let count = |m: &[crate::trust::approval::Quorum]| m.iter().map(|q| q.count).sum::<u32>();
    count(&crate::trust::approval::quorum_met(required, &with_me).1)
        < count(&crate::trust::approval::quorum_met(required, approvals).1)
}

pub fn describe(missing: &[crate::trust::approval::Quorum]) -> String {
    missing.iter().map(|q| format!("{} from {}", q.count, q.group)).collect::<Vec<_>>().join(", ")
}
