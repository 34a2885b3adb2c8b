//! This machine's own configuration, `$XDG_CONFIG_HOME/clearance/config.yaml`: what must
//! never come from a repository. Where each secret a provider or webhook needs is read
//! from, and the default signing key.
//!
//! ```yaml
//! key: {file: ~/.ssh/clearance-dana}      # or {keyring: dana}
//! format: json                            # when --format is not given
//! repo: ~/changes                         # when --repo is not given and the current
//!                                         # directory is in no git repository
//! secrets:                                # a provider's secret, by variable name
//!   AWS_SECRET_ACCESS_KEY: {keyring: rds-prod}
//! webhooks:                               # a webhook's HMAC secret, by URL
//!   https://hooks.example.com/clearance: {env: HOOK_SECRET}
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The keyring service that holds secrets for providers and webhooks. Signing keys live
/// under another service, which is never read as a secret.
pub const SECRET_SERVICE: &str = "clearance-secret";

/// Where a secret's value comes from on this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum SecretRef {
    /// An environment variable's name.
    Env(String),
    /// An entry of the keyring service `clearance-secret`.
    Keyring(String),
}

impl SecretRef {
    /// The secret's value.
    pub fn read(&self) -> std::result::Result<String, String> {
        match self {
            SecretRef::Env(name) => std::env::var(name).map_err(|_| format!("environment variable {name} is not set")),
            SecretRef::Keyring(name) => keyring::Entry::new(SECRET_SERVICE, name)
                .and_then(|e| e.get_password())
                .map_err(|e| format!("keyring entry `{name}` (service {SECRET_SERVICE}): {e}")),
        }
    }
}

/// Where the default signing key is.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum KeyRef {
    /// A key in the OS keyring, by name.
    Keyring(String),
    /// An OpenSSH private key file (mode 0600); `~/` is the home directory.
    File(String),
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clearance local configuration")]
pub struct Local {
    /// The key commands sign with when neither --key nor --key-file is given.
    #[serde(default)]
    pub key: Option<KeyRef>,
    /// The output format when neither --format nor CLEARANCE_FORMAT says.
    #[serde(default)]
    pub format: Option<crate::text::ui::Format>,
    /// The change repository when neither --repo nor CLEARANCE_REPO says and the current
    /// directory is in no git repository; `~/` is the home directory.
    #[serde(default)]
    pub repo: Option<String>,
    /// Where each provider secret comes from on this machine, by variable name; overrides
    /// what the repository suggests.
    #[serde(default)]
    pub secrets: BTreeMap<String, SecretRef>,
    /// Where each webhook's HMAC secret comes from, by URL.
    #[serde(default)]
    pub webhooks: BTreeMap<String, SecretRef>,
}

/// `$XDG_CONFIG_HOME/clearance` (default `~/.config/clearance`): this machine's own
/// configuration, never read from a repository.
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|d| d.join("clearance"))
}

/// The file: `$XDG_CONFIG_HOME/clearance/config.yaml`.
pub fn path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("config.yaml"))
}

/// This machine's configuration; empty when there is no file.
pub fn load() -> Result<Local> {
    let Some(path) = path() else { return Ok(Local::default()) };
    match std::fs::read(&path) {
        Ok(bytes) => crate::text::schema::load(&bytes, &path.display().to_string(), "local configuration"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Local::default()),
        Err(e) => Err(Error::io(format!("{}: {e}", path.display())).caused_by(e)),
    }
}

/// Expand a leading `~/` to the home directory.
pub fn expand(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
