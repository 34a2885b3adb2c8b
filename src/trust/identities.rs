//! `trust/identities.yaml`: who may do what, and with which public key (docs/reference.md#keys-and-signatures).

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::repo::Snapshot;

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
    /// May change the service graph (`graph/`) alone, e.g. a catalog sync job.
    #[serde(rename = "graph-maintainer")]
    #[value(name = "graph-maintainer")]
    GraphMaintainer,
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Role::Agent => "agent",
            Role::Approver => "approver",
            Role::Executor => "executor",
            Role::Admin => "admin",
            Role::GraphMaintainer => "graph-maintainer",
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
        crate::text::schema::load(bytes, PATH, "trust file")
    }

    pub fn get(&self, principal: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.principal == principal)
    }
}

impl Identities {
    /// `original` (the file as it is) edited to hold `self`, keeping its comments and layout
    /// when the change is one entry appended or one `revoked_at` set — what `trust add` and
    /// `trust revoke` do. The edit is checked by loading it again; anything else is written
    /// afresh (`false`: comments were not kept).
    pub fn edit(&self, original: Option<&[u8]>) -> Result<(Vec<u8>, bool)> {
        let kept = original.and_then(|bytes| {
            let text = std::str::from_utf8(bytes).ok()?;
            let edited = edit_in_place(text, &Identities::parse(bytes).ok()?, self)?;
            let reloaded = Identities::parse(edited.as_bytes()).ok()?;
            (serde_json::to_value(&reloaded).ok()? == serde_json::to_value(self).ok()?).then_some(edited)
        });
        match kept {
            Some(text) => Ok((text.into_bytes(), true)),
            None => Ok((self.to_yaml()?, original.is_none())),
        }
    }

    /// The file's contents written afresh (hand-written comments are not kept).
    pub fn to_yaml(&self) -> Result<Vec<u8>> {
        let body = serde_yaml::to_string(self).map_err(|e| Error::io(e.to_string()))?;
        Ok(format!("# Who may act on this repository. Edit with `clearance trust add|revoke`.\n{body}").into_bytes())
    }

    /// An OpenSSH `allowed_signers` file: one line per identity with a key, with the
    /// namespaces clearance signs in, and `valid-before` for revoked keys.
    pub fn allowed_signers(&self) -> String {
        let mut out = String::new();
        for i in self.identities.iter().filter(|i| i.key.is_some()) {
            // Checkpoints are signed by executors and admins only.
            let namespaces = match i.role {
                Role::Executor | Role::Admin => "clearance-approval,clearance-evidence,clearance-checkpoint,git",
                _ => "clearance-approval,clearance-evidence,git",
            };
            let mut options = vec![format!("namespaces=\"{namespaces}\"")];
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
                .and_then(|k| crate::trust::keys::parse_public(k).ok())
                .is_some_and(|k| k.key_data() == key.key_data())
        })
    }
}

/// Append the one new entry, or set the one changed `revoked_at`, in the text itself.
fn edit_in_place(text: &str, old: &Identities, new: &Identities) -> Option<String> {
    let source = crate::error::Source { name: PATH.to_owned(), text: None };
    let root = crate::text::yaml::parse(text, &source).ok()?;
    let crate::text::yaml::Value::Map(top) = &root.value else { return None };
    let at = top.iter().position(|(k, _)| k.name == "identities")?;
    let crate::text::yaml::Value::Seq(items) = &top.get(at)?.1.value else { return None };
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    // An entry of a block sequence, rendered at the dash column of the item at `line`.
    let render = |entry: &Identity, line: usize| -> Option<Vec<String>> {
        let text = lines.get(line - 1)?;
        let dash = text.find("- ").filter(|&d| text[..d].trim().is_empty())?;
        let yaml = serde_yaml::to_string(&vec![entry]).ok()?;
        Some(yaml.lines().map(|l| format!("{}{l}\n", " ".repeat(dash))).collect())
    };
    let same = |a: &Identity, b: &Identity| serde_json::to_value(a).ok() == serde_json::to_value(b).ok();
    if new.identities.len() == old.identities.len() + 1
        && old.identities.iter().zip(&new.identities).all(|(a, b)| same(a, b))
    {
        // Appended at the end of the file: only when `identities` is its last key.
        if at + 1 != top.len() {
            return None;
        }
        let entry = render(new.identities.last()?, first_key(items.first()?)?.line)?;
        if lines.last().is_some_and(|l| !l.ends_with('\n')) {
            lines.last_mut()?.push('\n');
        }
        lines.extend(entry);
        return Some(lines.concat());
    }
    if new.identities.len() != old.identities.len() {
        return None;
    }
    let changed: Vec<usize> = old
        .identities
        .iter()
        .zip(&new.identities)
        .enumerate()
        .filter(|(_, (a, b))| !same(a, b))
        .map(|(i, _)| i)
        .collect();
    let [i] = changed[..] else { return None };
    let item = items.get(i)?;
    let first = first_key(item)?;
    let now = new.identities.get(i)?;
    let mut revoked = old.identities.get(i)?.clone();
    revoked.revoked_at.clone_from(&now.revoked_at);
    if !same(&revoked, now) {
        // Replaced (`trust add --replace`): its lines, up to the next entry or key, give
        // way to the new entry; comments and blank lines just before the next one stay.
        let next = match items.get(i + 1) {
            Some(next) => first_key(next)?.line,
            None => top.get(at + 1).map_or(lines.len() + 1, |(k, _)| k.pos.line),
        };
        let mut end = next;
        while end > first.line + 1
            && lines.get(end - 2).is_some_and(|l| matches!(l.trim_start().chars().next(), None | Some('#')))
        {
            end -= 1;
        }
        let entry = render(now, first.line)?;
        lines.splice(first.line - 1..end - 1, entry);
        return Some(lines.concat());
    }
    let value = serde_json::to_string(now.revoked_at.as_ref()?).ok()?;
    match item.get("revoked_at") {
        Some(current) => {
            // Replace the value where it stands.
            let line = lines.get_mut(current.pos.line - 1)?;
            let start = line.char_indices().nth(current.pos.column - 1)?.0;
            let end =
                line.char_indices().nth(current.pos.column - 1 + current.pos.width).map_or(line.len(), |(b, _)| b);
            line.replace_range(start..end, &value);
        }
        None => {
            lines.insert(first.line, format!("{}revoked_at: {value}\n", " ".repeat(first.column - 1)));
        }
    }
    Some(lines.concat())
}

/// Where a mapping item's first key stands.
fn first_key(item: &crate::text::yaml::Node) -> Option<crate::text::yaml::Pos> {
    match &item.value {
        crate::text::yaml::Value::Map(entries) => entries.first().map(|(k, _)| k.pos),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Who may act here.\napiVersion: clearance/v1\nkind: Identities\nidentities:\n  # the bots\n  - principal: bot\n    role: agent   # proposes only\n  - principal: dana\n    role: approver\n    groups: [team-orders]\n";

    fn edited(identities: &Identities, original: &str) -> (String, bool) {
        let (bytes, kept) = identities.edit(Some(original.as_bytes())).unwrap();
        (String::from_utf8(bytes).unwrap(), kept)
    }

    fn person(principal: &str) -> Identity {
        Identity {
            principal: principal.into(),
            role: Role::Executor,
            groups: vec![],
            key: Some("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd4aWxsbm90cGFyc2VidXR0aGF0aXNmaW5lZm9yeWFtbA".into()),
            sponsor: None,
            allow: None,
            revoked_at: None,
        }
    }

    #[test]
    fn adding_and_revoking_keep_comments() {
        let mut identities = Identities::parse(FILE.as_bytes()).unwrap();
        identities.identities.push(person("runner"));
        let (added, kept) = edited(&identities, FILE);
        assert!(kept);
        assert!(added.starts_with(FILE), "{added}");
        assert!(added.ends_with("  - principal: runner\n    role: executor\n    key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd4aWxsbm90cGFyc2VidXR0aGF0aXNmaW5lZm9yeWFtbA\n"), "{added}");

        identities.identities[0].revoked_at = Some("2026-05-14T09:30:00Z".into());
        let (revoked, kept) = edited(&identities, &added);
        assert!(kept);
        assert!(
            revoked.contains(
                "  - principal: bot\n    revoked_at: \"2026-05-14T09:30:00Z\"\n    role: agent   # proposes only\n"
            ),
            "{revoked}"
        );

        identities.identities[0].revoked_at = Some("2026-05-15T00:00:00Z".into());
        let (again, kept) = edited(&identities, &revoked);
        assert!(kept);
        assert!(again.contains("revoked_at: \"2026-05-15T00:00:00Z\"\n"), "{again}");
        assert_eq!(again.matches("revoked_at").count(), 1);
        assert!(again.contains("# the bots") && again.contains("# Who may act here."));
    }

    #[test]
    fn other_layouts_and_edits_are_written_afresh() {
        let flow = "apiVersion: clearance/v1\nkind: Identities\nidentities: [{principal: bot, role: agent}] # flow\n";
        let mut identities = Identities::parse(flow.as_bytes()).unwrap();
        identities.identities.push(person("runner"));
        let (text, kept) = edited(&identities, flow);
        assert!(!kept);
        assert_eq!(
            serde_json::to_value(Identities::parse(text.as_bytes()).unwrap()).unwrap(),
            serde_json::to_value(&identities).unwrap()
        );
    }

    #[test]
    fn replacing_an_entry_keeps_the_rest() {
        let mut identities = Identities::parse(FILE.as_bytes()).unwrap();
        identities.identities[0] = person("bot");
        let (text, kept) = edited(&identities, FILE);
        assert!(kept);
        assert!(text.starts_with("# Who may act here.\napiVersion: clearance/v1\nkind: Identities\nidentities:\n  # the bots\n  - principal: bot\n    role: executor\n    key: ssh-ed25519 "), "{text}");
        assert!(text.ends_with("  - principal: dana\n    role: approver\n    groups: [team-orders]\n"), "{text}");
        identities.identities[1] = person("dana");
        let (text, kept) = edited(&identities, &text);
        assert!(kept);
        assert!(text.ends_with("  - principal: dana\n    role: executor\n    key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd4aWxsbm90cGFyc2VidXR0aGF0aXNmaW5lZm9yeWFtbA\n"), "{text}");
    }

    #[test]
    fn nothing_else_is_edited_in_place() {
        // Two entries changed at once, or one removed.
        let mut identities = Identities::parse(FILE.as_bytes()).unwrap();
        identities.identities[0].role = Role::Admin;
        identities.identities[1].role = Role::Admin;
        assert!(!edited(&identities, FILE).1);
        let mut identities = Identities::parse(FILE.as_bytes()).unwrap();
        identities.identities.remove(0);
        assert!(!edited(&identities, FILE).1);
    }
}
