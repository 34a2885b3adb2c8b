//! `clearance.yaml`: the repository's configuration.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::repo::Snapshot;

pub const PATH: &str = "clearance.yaml";

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(rename = "apiVersion")]
    #[schemars(extend("const" = "clearance/v1"))]
    pub api_version: String,
    #[schemars(extend("const" = "Config"))]
    pub kind: String,
    /// A uuid naming this change repository; part of every signed approval.
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
    pub providers: std::collections::BTreeMap<String, crate::provider::Provider>,
    /// `auto`: every command that writes syncs with the remote afterwards, as with `--push`.
    #[serde(default, skip_serializing_if = "SyncMode::is_manual")]
    pub sync: SyncMode,
    /// The git remote `sync` fetches from and pushes to.
    #[serde(default = "default_remote", skip_serializing_if = "is_default_remote")]
    #[schemars(pattern(r"^[A-Za-z0-9._-]+$"), extend("x-expected" = "a git remote name such as `origin`"))]
    pub remote: String,
    /// Webhooks told about proposals, approvals and outcomes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notifications: Vec<crate::notify::Webhook>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SyncMode {
    /// Sync only with `clearance sync` or `--push`.
    #[default]
    Manual,
    /// Push after every write.
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

/// `90s`, `10m`, `2h`, `7d`, `500ms` as a duration.
pub fn parse_duration(text: &str) -> Option<std::time::Duration> {
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = text.split_at(split);
    let n: u64 = n.parse().ok()?;
    let secs = match unit {
        "ms" => return Some(std::time::Duration::from_millis(n)),
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86400,
        _ => return None,
    };
    Some(std::time::Duration::from_secs(secs))
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
        parse_duration(&self.defaults.policy_timeout).unwrap_or(std::time::Duration::from_secs(2))
    }

    pub fn load(snapshot: &Snapshot<'_>) -> Result<Config> {
        let bytes =
            snapshot.read(PATH)?.ok_or_else(|| Error::not_found(format!("{PATH} is missing from the branch")))?;
        Config::parse(&bytes)
    }

    pub fn parse(bytes: &[u8]) -> Result<Config> {
        crate::schema_check::load(bytes, PATH, "configuration")
    }
}

/// A random (version 4) uuid.
pub fn new_uuid() -> Result<String> {
    let mut b = crate::keys::random::<16>()?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = crate::intent::hex(&b);
    Ok(format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32]))
}
