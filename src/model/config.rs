//! `clearance.yaml`: the repository's configuration.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::repo::Snapshot;

pub const PATH: &str = "clearance.yaml";

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(rename = "apiVersion")]
    #[schemars(extend("const" = "clearance/v1"))]
    pub api_version: String,
    #[schemars(extend("const" = "Config"))]
    pub kind: String,
    /// Where repositories made before governance kept their id. Ignored: the repository
    /// id is the one the governance log's genesis names (`governance adopt` copies it there).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(
        pattern(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
        extend("x-expected" = "a lower-case uuid")
    )]
    pub repo_id: String,
    /// IANA timezone used for `input.now` in policy.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub defaults: Defaults,
    /// Executables that carry out cleared changes, by name (`rds` serves `rds.*` actions).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub providers: std::collections::BTreeMap<String, Provider>,
    /// `auto`: every command that writes syncs with the remote afterwards, as with `--push`.
    #[serde(default, skip_serializing_if = "SyncMode::is_manual")]
    pub sync: SyncMode,
    /// `auto`: `apply` signs a checkpoint of the branch after each `apply-finished`.
    #[serde(default, skip_serializing_if = "SyncMode::is_manual")]
    pub checkpoint: SyncMode,
    /// The git remote `sync` fetches from and pushes to.
    #[serde(default = "default_remote", skip_serializing_if = "is_default_remote")]
    #[schemars(pattern(r"^[A-Za-z0-9._-]+$"), extend("x-expected" = "a git remote name such as `origin`"))]
    pub remote: String,
    /// Webhooks told about proposals, approvals and outcomes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notifications: Vec<Webhook>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SyncMode {
    /// Only when asked: `clearance sync`, `--push`, `clearance checkpoint`.
    #[default]
    Manual,
    /// After every write (`sync`), after every apply (`checkpoint`).
    Auto,
}

impl SyncMode {
    fn is_manual(&self) -> bool {
        *self == SyncMode::Manual
    }
}

fn default_remote() -> String {
    "origin".to_owned()
}

fn is_default_remote(remote: &str) -> bool {
    remote == "origin"
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// How long approvals stay valid, e.g. `24h`.
    #[serde(default = "default_expiry")]
    #[schemars(pattern(r"^[0-9]{1,6}(s|m|h|d)$"), extend("x-expected" = "a duration such as `30m`, `24h` or `7d`"))]
    pub approval_expiry: String,
    /// Policy evaluation stops (and clears nothing) after this long, e.g. `2s`.
    #[serde(default = "default_policy_timeout")]
    #[schemars(pattern(r"^[0-9]{1,6}(ms|s)$"), extend("x-expected" = "a duration such as `500ms` or `2s`"))]
    pub policy_timeout: String,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults { approval_expiry: default_expiry(), policy_timeout: default_policy_timeout() }
    }
}

fn default_policy_timeout() -> String {
    "2s".to_owned()
}

fn default_timezone() -> String {
    "UTC".to_owned()
}

fn default_expiry() -> String {
    "24h".to_owned()
}

impl Config {
    /// How long policy evaluation may run before it fails closed.
    pub fn policy_timeout(&self) -> std::time::Duration {
        crate::text::time::parse_duration(&self.defaults.policy_timeout).unwrap_or(std::time::Duration::from_secs(2))
    }

    pub fn load(snapshot: &Snapshot<'_>) -> Result<Config> {
        let bytes =
            snapshot.read(PATH)?.ok_or_else(|| Error::not_found(format!("{PATH} is missing from the branch")))?;
        let mut config = Config::parse(&bytes)?;
        // The id that approvals bind is the genesis's, never a field anyone can edit.
        if let Some(in_force) = snapshot.in_force() {
            config.repo_id = in_force.repo_id.clone();
        }
        Ok(config)
    }

    pub fn parse(bytes: &[u8]) -> Result<Config> {
        crate::text::schema::load(bytes, PATH, "configuration")
    }
}

/// A random (version 4) uuid.
pub fn new_uuid() -> Result<String> {
    let mut b = crate::text::bytes::random::<16>()?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = crate::text::bytes::hex(&b);
    Ok(format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32]))
}

/// A provider as the repository declares it; `act::provider` runs it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// argv; the operation is appended. Relative paths resolve against the repository's work tree.
    #[schemars(length(min = 1))]
    pub command: Vec<String>,
    #[serde(default = "default_provider_timeout")]
    #[schemars(pattern(r"^[0-9]{1,6}(ms|s|m|h)$"), extend("x-expected" = "a duration such as `30s` or `5m`"))]
    pub timeout: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, String>,
    /// Environment variables filled from a secret store; their values are redacted.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub secrets: BTreeMap<String, SecretRef>,
}

fn default_provider_timeout() -> String {
    "5m".to_owned()
}

/// Webhooks as the repository declares them; `act::notify` delivers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Event {
    Proposed,
    NeedsApproval,
    Approved,
    Rejected,
    Applied,
    Failed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `{"event", "proposal", ...}` as sent to any program.
    #[default]
    Json,
    /// A Slack incoming-webhook message (`{"text": ...}`).
    Slack,
}

/// Where a secret comes from: this machine's local configuration may say otherwise.
pub use crate::trust::local::SecretRef;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Webhook {
    /// `http://` or `https://` endpoint.
    #[schemars(pattern(r"^https?://"), extend("x-expected" = "an http:// or https:// URL"))]
    pub url: String,
    /// Events to send; all when empty.
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub format: Format,
    /// Signs each body: header `X-Clearance-Signature: sha256=<hex HMAC-SHA256>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<SecretRef>,
    /// Per attempt, e.g. `5s`.
    #[serde(default = "default_webhook_timeout")]
    #[schemars(pattern(r"^[0-9]{1,6}(ms|s)$"), extend("x-expected" = "a duration such as `500ms` or `5s`"))]
    pub timeout: String,
    /// Attempts after the first.
    #[serde(default = "default_retries")]
    #[schemars(range(max = 5))]
    pub retries: u8,
}

fn default_webhook_timeout() -> String {
    "5s".to_owned()
}

fn default_retries() -> u8 {
    2
}
