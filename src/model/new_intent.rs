//! `clearance new`: intents from the templates in `templates/intents/`.
//!
//! A template is an intent with `{{key}}` and `{{key|default}}` placeholders, typed with
//! `{{key:int}}` or `{{key:bool}}` where the value must be a number or true/false. Values
//! are inserted as plain YAML scalars only when they are simple tokens; anything else is
//! inserted as a quoted string, so no value can change the document's structure.

use std::collections::BTreeMap;

use crate::error::{Error, Result};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("restart-service", include_str!("../../templates/intents/restart-service.yaml")),
    ("scale", include_str!("../../templates/intents/scale.yaml")),
    ("rotate-secret", include_str!("../../templates/intents/rotate-secret.yaml")),
    ("toggle-flag", include_str!("../../templates/intents/toggle-flag.yaml")),
    ("db-migration", include_str!("../../templates/intents/db-migration.yaml")),
    ("postgres-migration", include_str!("../../templates/intents/postgres-migration.yaml")),
];

/// The template's one-line description (its first comment).
pub fn describe(text: &str) -> &str {
    text.lines().next().and_then(|l| l.strip_prefix("# ")).unwrap_or("")
}

fn scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value.chars().all(|c| c.is_ascii_alphanumeric() || "._/-".contains(c))
        && !value.starts_with(['-', '.']);
    if plain { value.to_owned() } else { serde_json::to_string(value).expect("a string serializes") }
}

/// Fill `template`; every `--set` key must be used and every key without a default given.
pub fn render(name: &str, sets: &BTreeMap<String, String>) -> Result<String> {
    let template = TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).ok_or_else(|| {
        let names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
        Error::not_found(format!("no intent template `{name}`")).hint(format!("templates: {}", names.join(", ")))
    })?;
    let body: String = template.lines().filter(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    let mut out = String::with_capacity(body.len());
    let mut used = std::collections::BTreeSet::new();
    let mut missing = Vec::new();
    let mut rest = body.as_str();
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("}}")
            .map(|e| start + e)
            .ok_or_else(|| Error::io(format!("template {name}: unclosed placeholder")))?;
        let inner = &rest[start + 2..end];
        let (key, default) = inner.split_once('|').map_or((inner, None), |(k, d)| (k, Some(d)));
        let (key, kind) = key.split_once(':').map_or((key, None), |(k, t)| (k, Some(t)));
        match sets.get(key).map(String::as_str).or(default) {
            Some(value) => {
                let fits = match kind {
                    Some("int") => value.parse::<u64>().is_ok(),
                    Some("bool") => matches!(value, "true" | "false"),
                    _ => true,
                };
                if !fits {
                    return Err(Error::usage(format!(
                        "--set {key}={value}: expected {}",
                        if kind == Some("int") { "a whole number" } else { "true or false" }
                    )));
                }
                out.push_str(&scalar(value));
            }
            None => missing.push(key.to_owned()),
        }
        used.insert(key.to_owned());
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    missing.dedup();
    if !missing.is_empty() {
        return Err(Error::usage(format!(
            "template `{name}` needs {}",
            missing.iter().map(|k| format!("--set {k}=...")).collect::<Vec<_>>().join(" ")
        )));
    }
    let unknown: Vec<&String> = sets.keys().filter(|k| !used.contains(*k)).collect();
    if !unknown.is_empty() {
        return Err(Error::usage(format!(
            "template `{name}` has no key {}",
            unknown.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
        ))
        .hint(describe(template).to_owned()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_template_renders_to_a_valid_intent() {
        let all = sets(&[
            ("agent", "deploy-bot"),
            ("target", "search"),
            ("replicas", "3"),
            ("previous_replicas", "2"),
            ("previous", "false"),
            ("environment", "staging"),
            ("secret", "db-password"),
            ("flag", "new-checkout"),
            ("migration", "0042_add_index"),
            ("sql", "ALTER TABLE orders ADD COLUMN note text"),
            ("down", "ALTER TABLE orders DROP COLUMN note"),
        ]);
        for (name, text) in TEMPLATES {
            let used: BTreeMap<String, String> = all
                .iter()
                .filter(|(k, _)| ["}}", "|", ":"].iter().any(|end| text.contains(&format!("{{{{{k}{end}"))))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let rendered = render(name, &used).unwrap();
            crate::model::intent::parse(rendered.into_bytes(), name)
                .unwrap_or_else(|e| panic!("{name}: {e} {:?}", e.problems));
        }
    }

    #[test]
    fn values_cannot_inject_structure() {
        let rendered = render(
            "restart-service",
            &sets(&[("agent", "deploy-bot"), ("target", "search"), ("reason", "x}\n  action: iam.grant-admin")]),
        )
        .unwrap();
        let parsed = crate::model::intent::parse(rendered.into_bytes(), "t").unwrap();
        assert_eq!(parsed.intent.spec.action, "k8s.restart");
        assert!(parsed.intent.spec.reason.contains("iam.grant-admin"));
    }

    #[test]
    fn missing_and_unknown_keys_are_refused() {
        assert!(
            render("scale", &sets(&[("agent", "a"), ("target", "t")]))
                .unwrap_err()
                .message
                .contains("--set replicas=...")
        );
        assert!(
            render(
                "scale",
                &sets(&[
                    ("agent", "a"),
                    ("target", "t"),
                    ("replicas", "2"),
                    ("previous_replicas", "1"),
                    ("replica", "3")
                ])
            )
            .unwrap_err()
            .message
            .contains("no key `replica`")
        );
    }

    #[test]
    fn typed_values_are_checked_and_rollbacks_name_the_state_to_return_to() {
        let scale = |replicas: &str| {
            render(
                "scale",
                &sets(&[("agent", "a"), ("target", "t"), ("replicas", replicas), ("previous_replicas", "2")]),
            )
        };
        assert!(scale("four").unwrap_err().message.contains("--set replicas=four: expected a whole number"));
        assert!(scale("4").unwrap().contains("rollback: {action: k8s.scale, params: {replicas: 2}}"));
        // No guessing what the rollback restores: it must be said.
        assert!(
            render("toggle-flag", &sets(&[("agent", "a"), ("flag", "f"), ("value", "false")]))
                .unwrap_err()
                .message
                .contains("--set previous=...")
        );
        // Nothing defaults to production.
        assert!(
            render("rotate-secret", &sets(&[("agent", "a"), ("target", "t"), ("secret", "s")]))
                .unwrap_err()
                .message
                .contains("--set environment=...")
        );
    }
}
