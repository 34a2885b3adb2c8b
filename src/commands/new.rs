use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::commands::Session;
use crate::error::{Error, Result};
use crate::model::new_intent;

/// Start an intent from a template (restart, scale, rotate a secret, toggle a flag, migrate)
///
/// Prints the intent (or writes it with -o); every value is checked against the intent
/// schema before anything is printed.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance new --list\n  clearance new restart-service --set agent=deploy-bot --set target=search \\\n      > intent.yaml\n  clearance new scale --set agent=deploy-bot --set target=search \\\n      --set replicas=4 --set previous_replicas=2 | clearance propose -f -"
)]
pub struct Args {
    /// The template name
    #[arg(required_unless_present = "list")]
    pub template: Option<String>,
    /// KEY=VALUE for a placeholder (repeatable)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub sets: Vec<String>,
    /// Write to FILE instead of stdout
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// List the templates
    #[arg(long)]
    pub list: bool,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    if args.list {
        let list: Vec<_> = new_intent::TEMPLATES
            .iter()
            .map(|(n, t)| serde_json::json!({"name": n, "description": new_intent::describe(t)}))
            .collect();
        if ui.json() {
            ui.out_json(&list)?;
        } else {
            for (name, text) in new_intent::TEMPLATES {
                ui.out(format!("{name:<16} {}\n", new_intent::describe(text)))?;
            }
        }
        return Ok(0);
    }
    let mut sets = BTreeMap::new();
    for pair in &args.sets {
        let (k, v) = pair.split_once('=').ok_or_else(|| Error::usage(format!("--set {pair}: expected KEY=VALUE")))?;
        sets.insert(k.trim().to_owned(), v.to_owned());
    }
    let name = args.template.unwrap_or_default();
    let text = new_intent::render(&name, &sets)?;
    let parsed = crate::model::intent::parse(text.clone().into_bytes(), &format!("template {name}"))?;
    match (args.output, ui.json()) {
        (Some(path), json) => {
            crate::store::fs::write_atomic(&path, text.as_bytes(), false)?;
            if json {
                ui.out_json(&serde_json::json!({"template": name, "path": path, "digest": parsed.digest}))?;
            } else {
                ui.status(format!("wrote {}", path.display()));
            }
        }
        // The intent as a document, and its YAML text as it would be proposed.
        (None, true) => ui.out_json(&serde_json::json!({
            "template": name, "intent": parsed.document, "yaml": text, "digest": parsed.digest,
        }))?,
        (None, false) => ui.out(text)?,
    }
    Ok(0)
}
