//! The intent: what an agent asks to change (docs/reference.md#intent).
//!
//! The committed bytes are the intent; these types are a validated view of them. Parsing is
//! strict (unknown fields are errors) and reports every problem with file, line, column
//! and field path.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::collections::BTreeMap;

use crate::text::bytes::digest;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem, Source};
use crate::text::schema::Schema;
use crate::text::yaml;

/// Intents larger than this are refused before parsing.
pub const MAX_INTENT_BYTES: usize = 256 * 1024;

/// An agent's request to change production, as committed to the change repository.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clearance Intent", extend("$id" = "https://clearance.dev/schema/intent.json"))]
pub struct Intent {
    /// Always `clearance/v1`.
    #[serde(rename = "apiVersion")]
    #[schemars(extend("const" = "clearance/v1"))]
    pub api_version: String,
    /// Always `Intent`.
    #[schemars(extend("const" = "Intent"))]
    pub kind: String,
    pub metadata: Metadata,
    pub spec: Spec,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Registered agent identity; must match the signing key.
    #[schemars(pattern(r"^[a-z0-9][a-z0-9._-]{0,62}$"), extend("x-expected" = "a principal name: lowercase letters, digits, `.`, `_`, `-`"))]
    pub agent: String,
    /// The agent run that produced this intent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 200))]
    pub run: Option<String>,
    /// Free-form labels, e.g. `{ticket: CHG-4471}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// `<provider>.<operation>`, e.g. `rds.delete-instance`.
    #[schemars(
        pattern(r"^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9._-]*$"),
        extend("x-expected" = "`<provider>.<operation>`, e.g. `rds.delete-instance`")
    )]
    pub action: String,
    /// Target environment, e.g. `prod`.
    #[schemars(pattern(r"^[a-z0-9][a-z0-9_-]{0,62}$"), extend("x-expected" = "an environment name such as `prod` or `staging`"))]
    pub environment: String,
    /// Service ids from the service graph.
    #[schemars(length(min = 1, max = 1000))]
    pub targets: Vec<ServiceId>,
    /// Parameters for the provider; free-form.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub params: serde_json::Map<String, serde_json::Value>,
    /// Why the change is needed; shown to approvers.
    #[schemars(length(min = 1, max = 4000))]
    pub reason: String,
    /// The agent's own risk claims; policy decides.
    #[serde(default)]
    pub risk: Risk,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
    /// How to undo the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<ActionRef>,
    /// How to check the change worked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify: Option<ActionRef>,
}

/// A service id: letters, digits and `. _ + : / -`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct ServiceId(
    #[schemars(pattern(r"^[A-Za-z0-9._+:/-]{1,200}$"), extend("x-expected" = "a service id: letters, digits and `. _ + : / -`"))]
    pub String,
);

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    #[serde(default)]
    pub write: bool,
    #[serde(default)]
    pub bulk: bool,
    #[serde(default)]
    pub reversible: bool,
    /// The change cannot run inside a database transaction (e.g. `CREATE INDEX
    /// CONCURRENTLY`), so it cannot be simulated or applied atomically.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_transactional: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// A duration such as `90s`, `10m` or `2h`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{1,6}(ms|s|m|h)$"), extend("x-expected" = "a duration such as `90s`, `10m` or `2h`"))]
    pub timeout: Option<String>,
    /// Spend ceiling in US dollars (at most a billion: a larger figure is a mistake or an
    /// attempt to overflow a budget sum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1_000_000_000.0))]
    pub budget_usd: Option<f64>,
    /// How long a database statement may wait for a lock, e.g. `5s` (PostgreSQL provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{1,6}(ms|s|m|h)$"), extend("x-expected" = "a duration such as `500ms`, `5s` or `1m`"))]
    pub lock_timeout: Option<String>,
    /// How long one database statement may run, e.g. `2m` (default: `timeout`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{1,6}(ms|s|m|h)$"), extend("x-expected" = "a duration such as `90s`, `10m` or `2h`"))]
    pub statement_timeout: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRef {
    #[schemars(
        pattern(r"^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9._-]*$"),
        extend("x-expected" = "`<provider>.<operation>`, e.g. `rds.restore-snapshot`")
    )]
    pub action: String,
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub params: serde_json::Map<String, serde_json::Value>,
}

/// An intent that passed validation, with the bytes it came from.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub intent: Intent,
    /// The document as JSON, as written (for policy input).
    pub document: serde_json::Value,
    pub bytes: Vec<u8>,
    pub digest: String,
}

/// Each target written in the intent, with its field path and position.
pub fn targets(node: &yaml::Node) -> Vec<(String, String, yaml::Pos)> {
    let Some(yaml::Value::Seq(items)) = node.get("spec").and_then(|s| s.get("targets")).map(|t| &t.value) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.as_str().map(|s| (s.to_owned(), format!("spec.targets[{i}]"), n.pos)))
        .collect()
}

impl Intent {
    pub fn provider(&self) -> &str {
        self.spec.action.split_once('.').map_or("", |(p, _)| p)
    }
}

pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Intent)).expect("schema serializes")
}

/// [`schema`], generated and compiled once per process (it costs more than checking an
/// intent against it).
fn checked_schema() -> &'static Schema {
    static SCHEMA: std::sync::OnceLock<Schema> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| Schema::new(schema()))
}

/// Strings (keys included) that carry terminal control characters or bidirectional
/// overrides: what an approver reads must be what it is, so they are refused outright.
fn controls(node: &yaml::Node, path: &str, out: &mut Vec<Problem>) {
    let bad = |s: &str| {
        s.chars().find(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
    };
    let report = |c: char, path: &str, pos: yaml::Pos, out: &mut Vec<Problem>| {
        out.push(
            Problem::new(
                format!(
                    "U+{:04X} in a string: intents may not hold control characters or bidirectional overrides",
                    c as u32
                ),
                path,
                pos.line,
                pos.column,
            )
            .width(pos.width),
        );
    };
    match &node.value {
        yaml::Value::Str(s) => {
            if let Some(c) = bad(s) {
                report(c, path, node.pos, out);
            }
        }
        yaml::Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                controls(item, &format!("{path}[{i}]"), out);
            }
        }
        yaml::Value::Map(entries) => {
            for (key, value) in entries {
                let child = yaml::join(path, &key.name);
                if let Some(c) = bad(&key.name) {
                    report(c, &child, key.pos, out);
                }
                controls(value, &child, out);
            }
        }
        _ => {}
    }
}

/// Validate intent bytes read from `name`. Every problem is reported at once.
pub fn parse(bytes: Vec<u8>, name: &str) -> Result<Parsed, Error> {
    parse_checked(bytes, name, |_| Vec::new())
}

/// An intent as committed on the branch: checked as at filing, except that control
/// characters (which a plain `git commit` could add) are left for the display to escape.
pub fn parse_stored(bytes: Vec<u8>, name: &str) -> Result<Parsed, Error> {
    read(bytes, name, false, |_| Vec::new())
}

/// [`parse`], plus `extra` checks on the located document (e.g. targets against the graph)
/// whose problems are reported together with the schema's.
pub fn parse_checked(bytes: Vec<u8>, name: &str, extra: impl Fn(&yaml::Node) -> Vec<Problem>) -> Result<Parsed, Error> {
    read(bytes, name, true, extra)
}

fn read(
    bytes: Vec<u8>,
    name: &str,
    refuse_controls: bool,
    extra: impl Fn(&yaml::Node) -> Vec<Problem>,
) -> Result<Parsed, Error> {
    let source = Source { name: name.to_owned(), text: None };
    if bytes.len() > MAX_INTENT_BYTES {
        return Err(Error::located(
            format!(
                "{name} is too large ({} bytes); intents are limited to {} KiB",
                bytes.len(),
                MAX_INTENT_BYTES / 1024
            ),
            source,
            vec![Problem::new("file too large", "", 1, 1)],
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::located(
            format!("{name} is empty"),
            source,
            vec![Problem::new("the document is empty", "", 1, 1)],
        )
        .hint("`clearance schema intent` prints the expected shape; `clearance new` starts from a template"));
    }
    let text = yaml::decode(&bytes, &source)?;
    if let Some(offset) = text.find('\0') {
        let line = text[..offset].matches('\n').count() + 1;
        return Err(Error::located(
            format!("{name} is not a text file"),
            Source { name: name.to_owned(), text: Some(text.clone()) },
            vec![Problem::new("NUL byte in input", "", line, 1)],
        ));
    }
    let node = yaml::parse(&text, &source)?;
    let document = node.to_json();
    let mut problems = checked_schema().check(&node, &document);
    problems.extend(extra(&node));
    if refuse_controls {
        controls(&node, "", &mut problems);
    }
    problems.sort_by_key(|p| (p.line, p.column));
    let with_text = Source { name: name.to_owned(), text: Some(text.clone()) };
    if !problems.is_empty() {
        let count = problems.len();
        return Err(Error::located(
            format!("{name} is not a valid intent ({count} problem{})", if count == 1 { "" } else { "s" }),
            with_text,
            problems,
        )
        .hint("`clearance schema intent` prints the JSON Schema of an intent"));
    }
    let intent: Intent = serde_json::from_value(document.clone()).map_err(|e| {
        Error::located(
            format!("{name} is not a valid intent: {e}"),
            with_text,
            vec![Problem::new(e.to_string(), "", 1, 1)],
        )
    })?;
    let digest = digest(&bytes);
    Ok(Parsed { intent, document, bytes, digest })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "apiVersion: clearance/v1\nkind: Intent\nmetadata:\n  agent: cost-optimizer\nspec:\n  action: rds.delete-instance\n  environment: prod\n  targets: [orders-db-old]\n  reason: migrated\n";

    #[test]
    fn a_valid_intent_parses_and_keeps_its_bytes() {
        let parsed = parse(GOOD.as_bytes().to_vec(), "i.yaml").unwrap();
        assert_eq!(parsed.intent.spec.targets[0].0, "orders-db-old");
        assert_eq!(parsed.bytes, GOOD.as_bytes());
        assert_eq!(parsed.intent.provider(), "rds");
        assert!(parsed.digest.starts_with("sha256:") && parsed.digest.len() == 71);
    }

    #[test]
    fn all_problems_are_reported_together() {
        let bad = GOOD
            .replace("kind: Intent", "kind: Intnet")
            .replace("reason: migrated", "reson: migrated\n  risk: {write: yes}");
        let err = parse(bad.into_bytes(), "i.yaml").unwrap_err();
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["kind", "spec.reason", "spec.reson", "spec.risk.write"]);
        assert!(err.problems[2].message.contains("did you mean `reason`"));
    }
}
