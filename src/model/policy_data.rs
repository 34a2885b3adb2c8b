//! The policy data file (`policies/data.yaml` or `.json`): the settings policies read as
//! `data.*`, and the few that clearance itself obeys.

use crate::error::Result;
use crate::store::repo::Snapshot;

/// Where policy data may live, YAML or JSON; the first found is used.
pub const DATA: [&str; 2] = ["policies/data.yaml", "policies/data.json"];

/// The policy data, or null when there is none.
pub fn load(snapshot: &Snapshot<'_>) -> Result<serde_json::Value> {
    for path in DATA {
        if let Some(bytes) = snapshot.read(path)? {
            return Ok(std::str::from_utf8(&bytes)
                .ok()
                .and_then(|t| crate::text::yaml::from_str(t).ok())
                .unwrap_or_default());
        }
    }
    Ok(serde_json::Value::Null)
}

/// The longest an approval may be valid for (`max_approval_expiry`), if policy data caps it.
pub fn max_approval_expiry(snapshot: &Snapshot<'_>) -> Result<Option<std::time::Duration>> {
    Ok(load(snapshot)?.get("max_approval_expiry").and_then(|v| v.as_str()).and_then(crate::text::time::parse_duration))
}

/// Whether policy data lets an agent's sponsor approve its proposals (default: no).
pub fn sponsor_may_approve(snapshot: &Snapshot<'_>) -> Result<bool> {
    Ok(load(snapshot)?.get("sponsor_may_approve").and_then(|v| v.as_bool()).unwrap_or(false))
}
