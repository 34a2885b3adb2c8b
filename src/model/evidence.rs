//! The per-proposal evidence log (docs/reference.md#evidence): one JSON object a line, each chained to the
//! previous line by sha256.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::text::bytes::digest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Proposed,
    Planned,
    Approved,
    Rejected,
    AutoApproved,
    ApplyStarted,
    ApplyFinished,
    Verified,
    Withdrawn,
}

impl Kind {
    /// The name as written in evidence: `apply-started`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Proposed => "proposed",
            Kind::Planned => "planned",
            Kind::Approved => "approved",
            Kind::Rejected => "rejected",
            Kind::AutoApproved => "auto-approved",
            Kind::ApplyStarted => "apply-started",
            Kind::ApplyFinished => "apply-finished",
            Kind::Verified => "verified",
            Kind::Withdrawn => "withdrawn",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub seq: u64,
    /// `sha256:` of the previous line's bytes; `null` on the first line.
    pub prev: Option<String>,
    pub kind: Kind,
    pub at: String,
    pub actor: String,
    pub payload: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sig: Option<String>,
}

/// Parse a log. A line that does not parse is an error naming the line.
pub fn parse(bytes: &[u8], name: &str) -> Result<Vec<Entry>> {
    let text = std::str::from_utf8(bytes).map_err(|_| Error::invalid(format!("{name} is not valid UTF-8")))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| Error::json_in("not an evidence entry", name, Some(text), i + 1, &e))
        })
        .collect()
}

/// The log with one more entry appended, chained to the last line (unsigned: for entries
/// clearance itself makes, such as `auto-approved` by policy).
pub fn append(existing: &[u8], kind: Kind, at: &str, actor: &str, payload: serde_json::Value) -> Result<Vec<u8>> {
    append_signed(existing, kind, at, actor, payload, None)
}

/// The log with one more entry, signed by `key` (SSHSIG, namespace `clearance-evidence`)
/// over the line's JSON without its `sig` field.
pub fn append_signed(
    existing: &[u8],
    kind: Kind,
    at: &str,
    actor: &str,
    payload: serde_json::Value,
    key: Option<&ssh_key::PrivateKey>,
) -> Result<Vec<u8>> {
    let last_line = existing.split(|&b| b == b'\n').rfind(|l| !l.is_empty());
    let (seq, prev) = match last_line {
        Some(line) => {
            let last: Entry =
                serde_json::from_slice(line).map_err(|e| Error::invalid(format!("evidence log is corrupt: {e}")))?;
            (last.seq + 1, Some(digest(line)))
        }
        None => (1, None),
    };
    let mut entry = Entry { seq, prev, kind, at: at.to_owned(), actor: actor.to_owned(), payload, sig: None };
    if let Some(key) = key {
        entry.sig = Some(crate::trust::keys::sign(key, crate::trust::keys::NS_EVIDENCE, &serde_json::to_vec(&entry)?)?);
    }
    let mut out = existing.to_vec();
    if !out.is_empty() && !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    serde_json::to_writer(&mut out, &entry)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_chain_to_the_previous_line() {
        let one = append(b"", Kind::Proposed, "2026-01-01T00:00:00Z", "a", serde_json::json!({})).unwrap();
        let two = append(&one, Kind::Withdrawn, "2026-01-01T00:01:00Z", "a", serde_json::json!({})).unwrap();
        let entries = parse(&two, "e").unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].seq, 1);
        assert_eq!(entries[1].prev.as_deref(), Some(digest(&one[..one.len() - 1]).as_str()));
    }
}
