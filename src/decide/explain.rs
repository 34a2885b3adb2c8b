//! What would clear a change, for an agent to act on: each deny reason with the values that
//! would have been allowed, each approval slot still open with who can fill it.

use serde::Serialize;

use crate::model::decision::Decision;
use crate::trust::approval::Quorum;
use crate::trust::identities::{Identities, Role};

#[derive(Debug, Serialize)]
pub struct Explain {
    /// Nothing stands in the way: cleared by policy, or every slot filled.
    pub cleared: bool,
    pub deny: Vec<Denial>,
    pub missing: Vec<Slot>,
    pub warn: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Denial {
    /// The policy rule that fired.
    pub rule: &'static str,
    pub message: String,
    /// The values that would have passed, when the policy says (`(allowed: a, b)`).
    pub allowed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Slot {
    pub group: String,
    pub count: u32,
    /// Approvers in the group whose signature would count: not the agent, not its sponsor
    /// when sponsors may not approve, not revoked.
    pub candidates: Vec<String>,
}

/// Explain the `decision` about `agent`'s intent, with `missing` the slots still open (all
/// the required ones for an intent not filed yet) and `signed` the principals whose
/// approvals already count (a second signature of theirs would not).
pub fn explain(
    decision: &Decision,
    missing: &[Quorum],
    agent: &str,
    signed: &[String],
    identities: &Identities,
    sponsor_may_approve: bool,
) -> Explain {
    let sponsor = identities.get(agent).and_then(|a| a.sponsor.clone());
    let deny: Vec<Denial> = decision
        .deny
        .iter()
        .map(|message| Denial { rule: "deny", message: message.clone(), allowed: allowed_in(message) })
        .collect();
    let missing: Vec<Slot> = if deny.is_empty() {
        missing
            .iter()
            .map(|q| Slot {
                group: q.group.clone(),
                count: q.count,
                candidates: identities
                    .identities
                    .iter()
                    .filter(|i| matches!(i.role, Role::Approver | Role::Admin) && i.revoked_at.is_none())
                    .filter(|i| i.groups.contains(&q.group))
                    .filter(|i| i.principal != agent && !signed.contains(&i.principal))
                    .filter(|i| sponsor_may_approve || Some(&i.principal) != sponsor.as_ref())
                    .map(|i| i.principal.clone())
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Explain {
        cleared: deny.is_empty() && (decision.auto_approve || missing.iter().all(|s| s.count == 0)),
        deny,
        missing,
        warn: decision.warn.clone(),
    }
}

/// The list in a message's `(allowed: a, b)`; `none` is an empty list.
fn allowed_in(message: &str) -> Vec<String> {
    let Some((_, rest)) = message.rsplit_once("(allowed: ") else { return Vec::new() };
    let list = rest.trim_end_matches(')');
    if list == "none" {
        return Vec::new();
    }
    list.split(", ").map(str::to_owned).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_values_are_read_from_the_message() {
        assert_eq!(allowed_in("agent \"a\" may not use action \"x\" (allowed: rds.*, ec2.*)"), ["rds.*", "ec2.*"]);
        assert!(allowed_in("agent \"a\" may not use action \"x\" (allowed: none)").is_empty());
        assert!(allowed_in("target is protected").is_empty());
    }
}
