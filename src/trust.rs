//! `trust/identities.yaml`: who may do what, and with which public key (DESIGN §6).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::repo::Snapshot;

pub const PATH: &str = "trust/identities.yaml";

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Identities {
    #[serde(rename = "apiVersion")]
    #[schemars(extend("const" = "clearance/v1"))]
    pub api_version: String,
    #[schemars(extend("const" = "Identities"))]
    pub kind: String,
    #[serde(default)]
    pub identities: Vec<Identity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Agent,
    Approver,
    Executor,
    Admin,
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Role::Agent => "agent",
            Role::Approver => "approver",
            Role::Executor => "executor",
            Role::Admin => "admin",
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    #[schemars(pattern(r"^[a-z0-9][a-z0-9._@-]{0,62}$"), extend("x-expected" = "a principal name: lowercase letters, digits, `.`, `_`, `@`, `-`"))]
    pub principal: String,
    pub role: Role,
    /// Groups for approval quorums, e.g. `team-payments`, `security`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// OpenSSH public key, `ssh-ed25519 AAAA...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// For agents: the human accountable for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<String>,
    /// For agents: what it may propose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow: Option<Allow>,
    /// RFC 3339; signatures made after this moment count for nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    /// Actions, exact or with a trailing `*`: `rds.*`.
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub environments: Vec<String>,
}

impl Identities {
    pub fn load(snapshot: &Snapshot<'_>) -> Result<Identities> {
        match snapshot.read(PATH)? {
            Some(bytes) => Identities::parse(&bytes),
            None => {
                Ok(Identities { api_version: "clearance/v1".into(), kind: "Identities".into(), identities: Vec::new() })
            }
        }
    }

    pub fn parse(bytes: &[u8]) -> Result<Identities> {
        crate::schema_check::load(bytes, PATH, "trust file")
    }

    pub fn get(&self, principal: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.principal == principal)
    }
}

impl Identities {
    /// The file's new contents. Hand-written comments in it are not kept.
    pub fn to_yaml(&self) -> Result<Vec<u8>> {
        let body = serde_yaml::to_string(self).map_err(|e| Error::io(e.to_string()))?;
        Ok(format!("# Who may act on this repository. Edit with `clearance trust add|revoke`.\n{body}").into_bytes())
    }

    /// An OpenSSH `allowed_signers` file: one line per identity with a key, with the
    /// namespaces clearance signs in, and `valid-before` for revoked keys.
    pub fn allowed_signers(&self) -> String {
        let mut out = String::new();
        for i in self.identities.iter().filter(|i| i.key.is_some()) {
            let mut options = vec!["namespaces=\"clearance-approval,clearance-evidence,git\"".to_owned()];
            if let Some(revoked) = i.revoked_at.as_deref().and_then(|r| r.parse::<jiff::Timestamp>().ok()) {
                options.push(format!("valid-before=\"{}\"", revoked.strftime("%Y%m%d%H%M%SZ")));
            }
            out.push_str(&format!(
                "{} {} {}\n",
                i.principal,
                options.join(","),
                i.key.as_deref().unwrap_or_default().trim()
            ));
        }
        out
    }

    /// The identity whose key is `key`.
    pub fn by_key(&self, key: &ssh_key::PublicKey) -> Option<&Identity> {
        self.identities.iter().find(|i| {
            i.key
                .as_deref()
                .and_then(|k| crate::keys::parse_public(k).ok())
                .is_some_and(|k| k.key_data() == key.key_data())
        })
    }
}
