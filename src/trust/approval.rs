//! Signed approvals and rejections (docs/reference.md#approvals), and what they add up to.
//!
//! An approval is a signed *statement*: plain text binding the repository, the proposal,
//! the digests of exactly what the approver saw (intent, plan, blast radius, policy
//! decision), the verdict, the approver, a comment and a validity window. It is stored as
//! `approvals/<key fingerprint>.json` holding the statement and its SSHSIG (namespace
//! `clearance-approval`), so `ssh-keygen -Y verify` can check it with the file from
//! `clearance trust allowed-signers`.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::trust::identities::{Identities, Role};
use crate::trust::keys;

/// `count` distinct approvers from `group`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quorum {
    /// A group of trust/identities.yaml, e.g. `team-payments`.
    #[schemars(length(min = 1))]
    pub group: String,
    #[schemars(range(min = 1, max = 100))]
    pub count: u32,
}

const HEADER: &str = "clearance approval v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Approve,
    Reject,
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Verdict::Approve => "approve",
            Verdict::Reject => "reject",
        })
    }
}

/// What the approver saw and decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub repo: String,
    pub proposal: String,
    pub intent: String,
    /// `none` when there was no plan.
    pub plan: String,
    pub blast_radius: String,
    pub decision: String,
    /// The provider definition that will run the change (argv, environment, secret names,
    /// the script in force); absent in approvals made before it was bound.
    pub provider: Option<String>,
    pub verdict: Verdict,
    pub approver: String,
    pub comment: String,
    pub created_at: String,
    pub not_after: String,
}

/// The file under `approvals/`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub statement: String,
    pub signature: String,
}

impl Statement {
    /// The exact signed text: one `key: value` per line, comment escaped to one line.
    pub fn to_text(&self) -> String {
        let verdict = match self.verdict {
            Verdict::Approve => "approve",
            Verdict::Reject => "reject",
        };
        let comment = self.comment.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r");
        let provider = self.provider.as_ref().map(|p| format!("provider: {p}\n")).unwrap_or_default();
        format!(
            "{HEADER}\nrepo: {}\nproposal: {}\nintent: {}\nplan: {}\nblast-radius: {}\ndecision: {}\n{provider}verdict: {verdict}\napprover: {}\ncomment: {comment}\ncreated-at: {}\nnot-after: {}\n",
            self.repo,
            self.proposal,
            self.intent,
            self.plan,
            self.blast_radius,
            self.decision,
            self.approver,
            self.created_at,
            self.not_after
        )
    }

    pub fn parse(text: &str) -> Result<Statement> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(Error::invalid("not a clearance approval statement"));
        }
        let mut fields = BTreeMap::new();
        for line in lines {
            let (k, v) = line
                .split_once(": ")
                .or_else(|| line.strip_suffix(':').map(|k| (k, "")))
                .ok_or_else(|| Error::invalid(format!("bad statement line `{line}`")))?;
            if fields.insert(k.to_owned(), v.to_owned()).is_some() {
                return Err(Error::invalid(format!("statement repeats `{k}`")));
            }
        }
        let provider = fields.remove("provider");
        let mut take = |k: &str| fields.remove(k).ok_or_else(|| Error::invalid(format!("statement lacks `{k}`")));
        let verdict = match take("verdict")?.as_str() {
            "approve" => Verdict::Approve,
            "reject" => Verdict::Reject,
            other => return Err(Error::invalid(format!("unknown verdict `{other}`"))),
        };
        let statement = Statement {
            repo: take("repo")?,
            proposal: take("proposal")?,
            intent: take("intent")?,
            plan: take("plan")?,
            blast_radius: take("blast-radius")?,
            decision: take("decision")?,
            provider,
            verdict,
            approver: take("approver")?,
            comment: unescape(&take("comment")?),
            created_at: take("created-at")?,
            not_after: take("not-after")?,
        };
        if let Some(extra) = fields.keys().next() {
            return Err(Error::invalid(format!("statement has unknown field `{extra}`")));
        }
        Ok(statement)
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The facts an approval is checked against: what the proposal is now.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub repo_id: &'a str,
    pub proposal: &'a str,
    pub agent: &'a str,
    pub intent: &'a str,
    pub plan: &'a str,
    pub blast_radius: &'a str,
    pub decision: &'a str,
    /// The provider definition now; `None` when the caller does not judge it.
    pub provider: Option<&'a str>,
    /// Which key each approver held when, from the governance log; `None`: the keys now.
    pub history: Option<&'a crate::trust::governance::KeyHistory>,
    /// Approval files recorded on the branch while their key was not trusted (see
    /// [`crate::trust::governance::recorded_untrusted`]); `None`: branch order unknown.
    pub untrusted: Option<&'a std::collections::BTreeSet<String>>,
    /// The longest validity policy data allows an approval, judged when it is judged
    /// (not only when it is signed); `None`: no cap.
    pub max_expiry: Option<std::time::Duration>,
    pub now: jiff::Timestamp,
    /// Whether the agent's sponsor counts as the agent for self-approval.
    pub sponsor_is_self: bool,
    /// Signatures known to be good already (`list` only; proof is always checked afresh).
    pub signatures: Option<&'a crate::store::sigcache::SigCache>,
}

/// One approval as judged now.
#[derive(Debug, Clone, Serialize)]
pub struct Judged {
    pub principal: String,
    pub verdict: Verdict,
    pub valid: bool,
    /// Why it does not count (empty when valid).
    pub reason: String,
    pub groups: Vec<String>,
    pub comment: String,
    pub created_at: String,
    pub not_after: String,
    /// The exact signed text and its armored signature, for `ssh-keygen -Y verify`.
    pub statement: String,
    pub signature: String,
    pub file: String,
}

impl Judged {
    /// Nothing known yet about the approval in `file`: not valid.
    pub fn blank(file: &str) -> Judged {
        Judged {
            principal: String::new(),
            verdict: Verdict::Approve,
            valid: false,
            reason: String::new(),
            groups: Vec::new(),
            comment: String::new(),
            created_at: String::new(),
            not_after: String::new(),
            statement: String::new(),
            signature: String::new(),
            file: file.to_owned(),
        }
    }
}

/// Check one stored approval, in a fixed order, each step with its own message: the
/// statement parses, the signer is trusted as an approver, the signature verifies, it is
/// for this repository and proposal, it is not self-approval, not expired, and binds what
/// the proposal is now.
pub fn judge(file: &str, bytes: &[u8], facts: &Facts<'_>, trust: &Identities) -> Judged {
    let mut judged = Judged::blank(file);
    let record: Record = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(e) => {
            judged.reason = format!("unreadable approval file: {e}");
            return judged;
        }
    };
    judged.statement = record.statement.clone();
    judged.signature = record.signature.clone();
    let statement = match Statement::parse(&record.statement) {
        Ok(s) => s,
        Err(e) => {
            judged.reason = format!("bad statement: {}", e.message);
            return judged;
        }
    };
    judged.principal = statement.approver.clone();
    judged.verdict = statement.verdict;
    judged.comment = statement.comment.clone();
    judged.created_at = statement.created_at.clone();
    judged.not_after = statement.not_after.clone();
    judged.reason = match check(file, &statement, &record, facts, trust) {
        Ok(groups) => {
            judged.groups = groups;
            judged.valid = true;
            String::new()
        }
        Err(reason) => reason,
    };
    judged
}

fn check(
    file: &str,
    s: &Statement,
    record: &Record,
    facts: &Facts<'_>,
    trust: &Identities,
) -> std::result::Result<Vec<String>, String> {
    let identity = trust
        .get(&s.approver)
        .ok_or_else(|| format!("unknown approver `{}`: not in trust/identities.yaml", s.approver))?;
    if !matches!(identity.role, Role::Approver | Role::Admin) {
        return Err(format!("`{}` has role {}, not approver", s.approver, identity.role));
    }
    let created: jiff::Timestamp = s.created_at.parse().map_err(|_| format!("bad created-at `{}`", s.created_at))?;
    // The key the rules in force trusted for the approver when it signed (after a re-key,
    // its earlier approvals still stand), else the one trusted now.
    let held = facts.history.and_then(|h| h.get(&s.approver)).and_then(|spans| {
        spans.iter().find(|sp| sp.from.is_none_or(|f| f <= created) && sp.until.is_none_or(|u| created < u))
    });
    let key_text = match held {
        Some(span) => span.key.as_str(),
        None => {
            identity.key.as_deref().ok_or_else(|| format!("`{}` has no key in trust/identities.yaml", s.approver))?
        }
    };
    let key = keys::parse_public(key_text).map_err(|e| format!("`{}`: {}", s.approver, e.message))?;
    // Each approver's statement lives under its key's name: a copy under another name
    // would fill a second slot.
    let name = format!("{}.json", keys::fingerprint_hex(&key));
    if file.rsplit('/').next() != Some(name.as_str()) {
        return Err(format!(
            "stored under a name that is not `{}`'s key ({name}): a copy counts for nothing",
            s.approver
        ));
    }
    let entry = crate::store::sigcache::SigCache::entry(
        key_text,
        keys::NS_APPROVAL,
        record.statement.as_bytes(),
        &record.signature,
    );
    if !facts.signatures.is_some_and(|c| c.known(&entry)) {
        keys::verify(&key, keys::NS_APPROVAL, record.statement.as_bytes(), &record.signature)
            .map_err(|e| format!("bad signature: {e}"))?;
        if let Some(cache) = facts.signatures {
            cache.learn(entry);
        }
    }
    if facts.untrusted.is_some_and(|late| late.contains(file)) {
        return Err(format!(
            "recorded on the branch after the rules stopped trusting this key of `{}` (its created-at {} does not count)",
            s.approver, s.created_at
        ));
    }
    if let Some(revoked) = &identity.revoked_at {
        let revoked: jiff::Timestamp = revoked.parse().map_err(|_| format!("bad revoked_at for `{}`", s.approver))?;
        if created >= revoked {
            return Err(format!("`{}`'s key was revoked at {revoked} (signed at {created})", s.approver));
        }
    }
    if s.repo != facts.repo_id {
        return Err(format!("made for another repository ({})", s.repo));
    }
    if s.proposal != facts.proposal {
        return Err(format!("made for another proposal ({})", s.proposal));
    }
    if s.approver == facts.agent {
        return Err("self-approval: the approver is the proposing agent".to_owned());
    }
    if facts.sponsor_is_self && trust.get(facts.agent).and_then(|a| a.sponsor.as_deref()) == Some(s.approver.as_str()) {
        return Err(format!("self-approval: `{}` sponsors the proposing agent", s.approver));
    }
    // A veto stands: a rejection neither expires nor goes stale.
    if s.verdict == Verdict::Reject {
        return Ok(identity.groups.clone());
    }
    let not_after: jiff::Timestamp = s.not_after.parse().map_err(|_| format!("bad not-after `{}`", s.not_after))?;
    if facts.now > not_after {
        return Err(format!("expired at {not_after}"));
    }
    // Signed claims of time are bounded: not from the future, not valid for longer than
    // policy allows (a stolen key cannot sign an approval that outlives its revocation).
    if created.as_second() > facts.now.as_second() + CLOCK_SKEW_SECS {
        return Err(format!("signed at {created}, in the future"));
    }
    if let Some(max) = facts.max_expiry
        && not_after.as_second() - created.as_second() > max.as_secs() as i64
    {
        return Err(format!("valid until {not_after}, longer than max_approval_expiry ({}s) allows", max.as_secs()));
    }
    let stale = [
        ("intent", &s.intent, facts.intent),
        ("plan", &s.plan, facts.plan),
        ("blast radius", &s.blast_radius, facts.blast_radius),
        ("policy decision", &s.decision, facts.decision),
    ];
    for (what, signed, now) in stale {
        if signed != now {
            return Err(format!("stale: the {what} changed since it was signed ({} -> {})", short(signed), short(now)));
        }
    }
    if let (Some(signed), Some(now)) = (&s.provider, facts.provider)
        && signed != now
    {
        return Err(format!("stale: the provider changed since it was signed ({} -> {})", short(signed), short(now)));
    }
    Ok(identity.groups.clone())
}

/// How far in the future a signed time may be (clocks differ a little).
const CLOCK_SKEW_SECS: i64 = 300;

fn short(digest: &str) -> &str {
    // By characters: a statement is untrusted text and may hold multi-byte ones.
    digest.char_indices().nth(19).map_or(digest, |(at, _)| &digest[..at])
}

/// Whether the valid approvals fill the required slots: each approver fills at most one
/// slot, so this is a bipartite matching (augmenting paths; the sizes are tiny). No slots
/// means one approval from any approver.
pub fn quorum_met(required: &[Quorum], approvers: &[Judged]) -> (bool, Vec<Quorum>) {
    let mut valid: Vec<&Judged> = approvers.iter().filter(|a| a.valid && a.verdict == Verdict::Approve).collect();
    // One principal fills one slot, however many files carry its name.
    let mut seen = std::collections::BTreeSet::new();
    valid.retain(|a| seen.insert(a.principal.as_str()));
    let any = [Quorum { group: String::new(), count: 1 }];
    let required = if required.is_empty() { &any[..] } else { required };
    let slots: Vec<&str> =
        required.iter().flat_map(|q| std::iter::repeat_n(q.group.as_str(), q.count as usize)).collect();
    let eligible = |a: &Judged, group: &str| group.is_empty() || a.groups.iter().any(|g| g == group);
    let mut owner: Vec<Option<usize>> = vec![None; slots.len()];
    fn assign(
        a: usize,
        valid: &[&Judged],
        slots: &[&str],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
        eligible: &dyn Fn(&Judged, &str) -> bool,
    ) -> bool {
        let Some(&judged) = valid.get(a) else { return false };
        for (s, slot) in slots.iter().enumerate() {
            match seen.get_mut(s) {
                Some(seen) if !*seen && eligible(judged, slot) => *seen = true,
                _ => continue,
            }
            if owner.get(s).copied().flatten().is_none_or(|other| assign(other, valid, slots, owner, seen, eligible)) {
                if let Some(o) = owner.get_mut(s) {
                    *o = Some(a);
                }
                return true;
            }
        }
        false
    }
    for a in 0..valid.len() {
        let mut seen = vec![false; slots.len()];
        assign(a, &valid, &slots, &mut owner, &mut seen, &eligible);
    }
    let mut missing: Vec<Quorum> = Vec::new();
    for (slot, who) in slots.iter().zip(&owner) {
        if who.is_none() {
            let group = if slot.is_empty() { "any approver".to_owned() } else { (*slot).to_owned() };
            match missing.iter_mut().find(|q| q.group == group) {
                Some(q) => q.count += 1,
                None => missing.push(Quorum { group, count: 1 }),
            }
        }
    }
    (missing.is_empty(), missing)
}

/// Whether an approval file has certainly expired by `now`: what it says of itself is
/// enough to know it counts for nothing, so its signature need not be checked to say so.
pub fn expired(bytes: &[u8], now: jiff::Timestamp) -> bool {
    serde_json::from_slice::<Record>(bytes)
        .ok()
        .and_then(|r| Statement::parse(&r.statement).ok())
        .filter(|s| s.verdict == Verdict::Approve)
        .and_then(|s| s.not_after.parse::<jiff::Timestamp>().ok())
        .is_some_and(|not_after| now > not_after)
}

/// A veto: a valid rejection by an approver eligible for one of the required groups.
pub fn vetoed(required: &[Quorum], approvers: &[Judged]) -> Option<String> {
    approvers
        .iter()
        .filter(|a| a.valid && a.verdict == Verdict::Reject)
        .find(|a| required.is_empty() || required.iter().any(|q| a.groups.contains(&q.group)))
        .map(|a| a.principal.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approver(name: &str, groups: &[&str]) -> Judged {
        Judged {
            principal: name.into(),
            valid: true,
            groups: groups.iter().map(|g| g.to_string()).collect(),
            ..Judged::blank("")
        }
    }

    fn q(group: &str, count: u32) -> Quorum {
        Quorum { group: group.into(), count }
    }

    #[test]
    fn one_approver_fills_one_slot_even_with_many_groups() {
        let both = approver("a", &["team-orders", "security"]);
        assert!(!quorum_met(&[q("team-orders", 1), q("security", 1)], std::slice::from_ref(&both)).0);
        let other = approver("b", &["team-orders"]);
        // Matching must put `a` on security and `b` on team-orders, whatever the order.
        assert!(quorum_met(&[q("team-orders", 1), q("security", 1)], &[both.clone(), other.clone()]).0);
        assert!(quorum_met(&[q("security", 1), q("team-orders", 1)], &[other, both]).0);
    }

    #[test]
    fn missing_slots_are_reported_and_invalid_approvals_do_not_count() {
        let mut invalid = approver("c", &["team-orders"]);
        invalid.valid = false;
        let (met, missing) = quorum_met(&[q("team-orders", 2)], &[approver("a", &["team-orders"]), invalid]);
        assert!(!met);
        assert_eq!(missing, vec![q("team-orders", 1)]);
        assert!(quorum_met(&[], &[approver("x", &[])]).0, "no slots: anyone trusted as approver");
    }

    #[test]
    fn statements_round_trip_with_awkward_comments() {
        let s = Statement {
            provider: Some("sha256:5".into()),
            repo: "r".into(),
            proposal: "p".into(),
            intent: "sha256:1".into(),
            plan: "none".into(),
            blast_radius: "sha256:2".into(),
            decision: "sha256:3".into(),
            verdict: Verdict::Reject,
            approver: "dana".into(),
            comment: "line one\nverdict: approve \\ trick".into(),
            created_at: "2026-05-14T09:30:00Z".into(),
            not_after: "2026-05-15T09:30:00Z".into(),
        };
        assert_eq!(Statement::parse(&s.to_text()).unwrap(), s);
        // A rejection stands whatever its not-after says; an approval lapses.
        let file = serde_json::to_vec(&Record { statement: s.to_text(), signature: "not checked".into() }).unwrap();
        assert!(!expired(&file, "2030-01-01T00:00:00Z".parse().unwrap()));
        let approval = Statement { verdict: Verdict::Approve, ..s };
        let file =
            serde_json::to_vec(&Record { statement: approval.to_text(), signature: "not checked".into() }).unwrap();
        assert!(!expired(&file, "2026-05-15T09:30:00Z".parse().unwrap()));
        assert!(expired(&file, "2026-05-15T09:30:01Z".parse().unwrap()));
        assert!(!expired(b"{garbage", "2030-01-01T00:00:00Z".parse().unwrap()), "unreadable: judged in full");
    }
}
