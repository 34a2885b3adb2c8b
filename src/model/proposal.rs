//! Proposals in the change repository: ids, paths, prefix resolution and derived state.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::repo::Snapshot;

/// Crockford's base32, lower case: no `i l o u`, so ids survive being read aloud.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
pub const ID_LEN: usize = 10;
pub const MIN_PREFIX: usize = 4;

/// The lifecycle states of docs/reference.md#lifecycle-and-state. Never stored: derived from signed facts on every read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Denied,
    Pending,
    Approved,
    Rejected,
    Applying,
    Applied,
    Failed,
    Withdrawn,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Denied => "denied",
            State::Pending => "pending",
            State::Approved => "approved",
            State::Rejected => "rejected",
            State::Applying => "applying",
            State::Applied => "applied",
            State::Failed => "failed",
            State::Withdrawn => "withdrawn",
        }
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fresh random id.
pub fn new_id() -> Result<String> {
    let raw = crate::text::bytes::random::<ID_LEN>()?;
    Ok(raw.iter().map(|b| char::from(ALPHABET.get(usize::from(b & 31)).copied().unwrap_or(b'0'))).collect())
}

pub fn is_id_char(c: char) -> bool {
    ALPHABET.contains(&(c as u8)) && c.is_ascii()
}

/// `proposals/<aa>/<id>`: sharded by the first two characters so no tree grows without bound.
pub fn dir(id: &str) -> String {
    format!("proposals/{}/{id}", id.get(..2).unwrap_or(id))
}

pub fn intent_path(id: &str) -> String {
    format!("{}/intent.yaml", dir(id))
}

pub fn evidence_path(id: &str) -> String {
    format!("{}/evidence.jsonl", dir(id))
}

/// Resolve a full id or a unique prefix of at least four characters, like git.
pub fn resolve(snapshot: &Snapshot<'_>, prefix: &str) -> Result<String> {
    let prefix = prefix.trim().to_ascii_lowercase();
    if prefix.len() < MIN_PREFIX {
        return Err(Error::usage(format!(
            "proposal id `{prefix}` is too short: give at least {MIN_PREFIX} characters"
        )));
    }
    if prefix.len() > ID_LEN || !prefix.chars().all(is_id_char) {
        return Err(Error::not_found(format!("`{prefix}` is not a proposal id")).hint(format!(
            "ids are {ID_LEN} characters of 0-9 and a-z without i, l, o, u; `clearance list` shows them"
        )));
    }
    let mut matches: Vec<String> = snapshot
        .list(&format!("proposals/{}", &prefix[..2]))?
        .into_iter()
        .map(|(name, _)| name)
        .filter(|n| n.starts_with(&prefix))
        .collect();
    matches.sort();
    match matches.len() {
        0 => {
            Err(Error::not_found(format!("no proposal matches `{prefix}`"))
                .hint("`clearance list` shows the proposals"))
        }
        1 => Ok(matches.remove(0)),
        n => {
            let mut err = Error::not_found(format!("`{prefix}` is ambiguous: {n} proposals match"));
            for id in matches.iter().take(10) {
                err = err.hint(format!("candidate: {id}"));
            }
            Err(err.hint("give more characters of the id"))
        }
    }
}

/// State from the facts on record: the decision recorded when the proposal was filed, and
/// the events after it. Approvals and execution add to this as they land.
pub fn derive_state(entries: &[crate::model::evidence::Entry]) -> State {
    use crate::model::evidence::Kind;
    if entries.iter().any(|e| e.kind == Kind::Withdrawn) {
        return State::Withdrawn;
    }
    if let Some(finished) = entries.iter().rev().find(|e| e.kind == Kind::ApplyFinished) {
        let ok = finished.payload.get("status").and_then(|s| s.as_str()) == Some("ok");
        return if ok { State::Applied } else { State::Failed };
    }
    if entries.iter().any(|e| e.kind == Kind::ApplyStarted) {
        return State::Applying;
    }
    let decision = entries.first().and_then(|e| e.payload.get("decision"));
    let denied = decision.and_then(|d| d.get("deny")).and_then(|d| d.as_array()).is_some_and(|d| !d.is_empty());
    // An `auto-approved` line counts only where the decision filed with the proposal said so
    // (the line is unsigned: anyone could append one).
    let auto = decision.and_then(|d| d.get("auto_approve")).and_then(|a| a.as_bool()) == Some(true);
    if denied {
        State::Denied
    } else if auto && entries.iter().any(|e| e.kind == Kind::AutoApproved) {
        State::Approved
    } else {
        State::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_use_the_alphabet_and_shard_by_two_characters() {
        let id = new_id().unwrap();
        assert_eq!(id.len(), ID_LEN);
        assert!(id.chars().all(is_id_char));
        assert_eq!(dir(&id), format!("proposals/{}/{}", &id[..2], id));
        assert_ne!(new_id().unwrap(), id);
    }
}

/// Everything on record about one proposal.
#[derive(Debug, Serialize)]
pub struct Detail {
    pub id: String,
    pub state: State,
    pub agent: String,
    pub run: Option<String>,
    pub action: String,
    pub environment: String,
    pub targets: Vec<String>,
    pub reason: String,
    pub created_at: String,
    pub intent_digest: String,
    pub path: String,
    /// The intent document as committed.
    pub intent: serde_json::Value,
    pub evidence: Vec<crate::model::evidence::Entry>,
    /// The policy decision recorded when the proposal was filed.
    pub decision: Option<crate::model::decision::Decision>,
    #[serde(skip)]
    pub intent_text: String,
}

pub fn load(snapshot: &Snapshot<'_>, id: &str) -> Result<Detail> {
    let path = intent_path(id);
    let bytes = snapshot.read(&path)?.ok_or_else(|| Error::not_found(format!("{path} is missing")))?;
    let crate::model::intent::Parsed { intent, document, bytes, digest } =
        crate::model::intent::parse_stored(bytes, &path)?;
    let evidence =
        crate::model::evidence::parse(&snapshot.read(&evidence_path(id))?.unwrap_or_default(), &evidence_path(id))?;
    let targets: Vec<String> = intent.spec.targets.iter().map(|t| t.0.clone()).collect();
    let decision =
        evidence.first().and_then(|e| e.payload.get("decision")).and_then(|d| serde_json::from_value(d.clone()).ok());
    Ok(Detail {
        decision,
        id: id.to_owned(),
        state: derive_state(&evidence),
        created_at: evidence.first().map(|e| e.at.clone()).unwrap_or_default(),
        agent: intent.metadata.agent,
        run: intent.metadata.run,
        action: intent.spec.action,
        environment: intent.spec.environment,
        targets,
        reason: intent.spec.reason,
        intent_digest: digest,
        path,
        intent: document,
        evidence,
        intent_text: String::from_utf8_lossy(&bytes).into_owned(),
    })
}
