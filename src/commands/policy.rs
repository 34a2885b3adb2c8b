use serde::Serialize;

use crate::commands::Session;
use crate::decide::policy::{self, Policy};
use crate::error::{Error, ErrorKind, Result};
use crate::model::config::Config;
use crate::store::repo::ChangeRepo;
use crate::text::ui::{Style, Ui};

/// Work with the repository's policy
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Run every `test_*` rule in policies/*_test.rego of the work tree (the branch's in
    /// a bare repository): the rules being written, which are not in force until signed
    #[command(after_help = "Examples:\n  clearance policy test\n  clearance policy test --format json")]
    Test,
}

#[derive(Serialize)]
struct Outcome {
    test: String,
    file: String,
    passed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

pub fn run(command: Command, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    match command {
        Command::Test => test(repo, ui),
    }
}

fn test(repo: &ChangeRepo, ui: &Ui) -> Result<u8> {
    let snapshot = crate::decide::rules::worktree(repo)?;
    if repo.git.workdir().is_some() {
        ui.status("testing the work tree's policies (not in force until `clearance governance sign`)");
    }
    let config = Config::load(&snapshot)?;
    let timeout = config.policy_timeout();
    let mut engine = Policy::load(&snapshot, timeout, true)?;
    let rule = regex::Regex::new(r"(?m)^(test_[A-Za-z0-9_]+)\b").expect("valid regex");
    let package = regex::Regex::new(r"(?m)^package\s+([A-Za-z0-9_.]+)").expect("valid regex");
    let mut outcomes = Vec::new();
    for file in policy::files(&snapshot)?.into_iter().filter(|f| policy::is_test(&f.path)) {
        let Some(pkg) = package.captures(&file.text).map(|c| c[1].to_owned()) else { continue };
        let mut seen = std::collections::BTreeSet::new();
        for name in rule.captures_iter(&file.text).map(|c| c[1].to_owned()) {
            if !seen.insert(name.clone()) {
                continue;
            }
            let result = engine.eval_test(&format!("data.{pkg}.{name}"));
            outcomes.push(Outcome {
                test: format!("{pkg}.{name}"),
                file: file.path.clone(),
                passed: result == Ok(true),
                error: result.err(),
            });
        }
    }
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    if ui.json() {
        ui.out_json(&outcomes)?;
    } else {
        let mut out = String::new();
        for o in &outcomes {
            let mark = if o.passed { ui.paint(Style::Green, "ok  ") } else { ui.paint(Style::Red, "FAIL") };
            out.push_str(&format!("{mark} {} ({})", o.test, o.file));
            if let Some(e) = &o.error {
                out.push_str(&format!(": {e}"));
            }
            out.push('\n');
        }
        out.push_str(&format!("{} passed, {failed} failed\n", outcomes.len() - failed));
        ui.out(out)?;
    }
    if outcomes.is_empty() {
        return Err(Error::not_found("no test_* rules in policies/*_test.rego"));
    }
    if failed > 0 {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("{failed} policy test{} failed", if failed == 1 { "" } else { "s" }),
        ));
    }
    Ok(0)
}
