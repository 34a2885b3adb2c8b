use serde::Serialize;

use crate::commands::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::ChangeRepo;
use crate::text::ui::Style;
use crate::trust::change;

/// Check this clone and this machine: governance, pin, keys, remote, providers
///
/// Says what is wrong and what to do. Exits 5 when the rules are not what they should be
/// (a broken or rolled-back governance log, a root other than the pinned one, governed
/// files edited without signatures), 1 when something else needs fixing, 0 otherwise.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance doctor\n  clearance doctor --format json")]
pub struct Args {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Ok,
    Warn,
    Fail,
}

#[derive(Serialize)]
struct Check {
    check: &'static str,
    status: Status,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<String>,
    /// A failure of the rules themselves (exit 5), not of this machine's set-up.
    #[serde(skip)]
    governance: bool,
}

fn ok(check: &'static str, detail: impl Into<String>) -> Check {
    Check { check, status: Status::Ok, detail: detail.into(), fix: None, governance: false }
}

fn bad(check: &'static str, status: Status, detail: impl Into<String>, fix: impl Into<String>) -> Check {
    Check { check, status, detail: detail.into(), fix: Some(fix.into()), governance: false }
}

pub fn run(_args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    let mut checks = Vec::new();
    match session.repo() {
        Ok(repo) => examine(&repo, session, &mut checks),
        Err(e) => {
            let governance = e.kind == ErrorKind::VerificationFailed;
            let fix = e.hints.first().cloned().unwrap_or_else(|| "see the message".to_owned());
            checks.push(Check { governance, ..bad("repository", Status::Fail, e.message.clone(), fix) });
        }
    }
    if ui.json() {
        ui.out_json(&checks)?;
    } else {
        let mut out = String::new();
        for c in &checks {
            let mark = match c.status {
                Status::Ok => ui.paint(Style::Green, "ok  "),
                Status::Warn => ui.paint(Style::Yellow, "warn"),
                Status::Fail => ui.paint(Style::Red, "FAIL"),
            };
            out.push_str(&format!("{mark} {:<11} {}\n", c.check, crate::text::ui::escape_controls(&c.detail)));
            if let Some(fix) = &c.fix {
                out.push_str(&format!("     {:<11} {fix}\n", ""));
            }
        }
        ui.out(out)?;
    }
    let failed: Vec<&Check> = checks.iter().filter(|c| c.status == Status::Fail).collect();
    if failed.is_empty() {
        return Ok(0);
    }
    let kind = if failed.iter().any(|c| c.governance) { ErrorKind::VerificationFailed } else { ErrorKind::Io };
    Err(Error::new(kind, format!("{} check(s) failed", failed.len())))
}

fn examine(repo: &ChangeRepo, session: &Session<'_>, checks: &mut Vec<Check>) {
    checks.push(ok(
        "repository",
        format!(
            "{} (branch {}{})",
            repo.display_path(),
            repo.branch_short(),
            if repo.git.is_bare() { ", bare" } else { "" }
        ),
    ));
    match change::current(repo) {
        Ok(current) => governance(repo, session, &current, checks),
        Err(e) => checks.push(Check {
            governance: true,
            ..bad("governance", Status::Fail, e.message.clone(), e.hints.first().cloned().unwrap_or_default())
        }),
    }
    keys(repo, checks);
    remote(repo, checks);
    providers(repo, checks);
}

fn governance(repo: &ChangeRepo, session: &Session<'_>, current: &change::Current, checks: &mut Vec<Check>) {
    let root = current.chain.root().unwrap_or_default().to_owned();
    let seq = current.chain.in_force().map(|e| e.seq).unwrap_or_default();
    checks.push(ok("governance", format!("entry {seq} in force, root {root}")));
    match (session.root, crate::trust::governance::pinned(repo)) {
        (Some(_), _) => checks.push(ok("pin", "checked against --root / CLEARANCE_ROOT")),
        (None, Some(_)) => checks.push(ok("pin", "this clone pinned its root on first use")),
        (None, None) => checks.push(bad(
            "pin",
            Status::Warn,
            "no root pinned for this clone (the state directory cannot be written?)",
            "give executors the root explicitly: --root or CLEARANCE_ROOT",
        )),
    }
    if let Some(p) = &current.chain.problem {
        checks.push(Check {
            governance: true,
            ..bad(
                "log",
                Status::Fail,
                format!("{} line {}: {}", crate::trust::governance::LOG, p.line, p.message),
                "it and what follows are not in force; restore the log from a clone that has it",
            )
        });
    }
    match change::unauthorized(repo, current) {
        Ok(edits) => {
            for u in &edits {
                let by = match (&u.commit, &u.author) {
                    (Some(c), Some(a)) => format!(" (commit {} by {a})", &c[..c.len().min(12)]),
                    _ => String::new(),
                };
                checks.push(match &u.pending {
                    Some(d) => bad(
                        "rules",
                        Status::Warn,
                        format!("{}{by} waits for signatures", u.path),
                        format!("signers run `clearance governance sign {d}`"),
                    ),
                    None => Check {
                        governance: true,
                        ..bad(
                            "rules",
                            Status::Fail,
                            format!(
                                "{}{by} was edited without the signatures the rules require; it is ignored",
                                u.path
                            ),
                            "revert it with git, or have the admins sign it: `clearance governance sign`",
                        )
                    },
                });
            }
            if edits.is_empty() {
                checks.push(ok("rules", "the governed files on the branch are the rules in force"));
            }
        }
        Err(e) => checks.push(bad("rules", Status::Fail, e.message.clone(), "see the message")),
    }
}

fn keys(repo: &ChangeRepo, checks: &mut Vec<Check>) {
    let local = match crate::trust::local::load() {
        Ok(l) => l,
        Err(e) => {
            checks.push(bad("config", Status::Fail, full(&e), "fix $XDG_CONFIG_HOME/clearance/config.yaml"));
            return;
        }
    };
    let given = std::env::var_os("CLEARANCE_KEY_FILE").is_some() || local.key.is_some();
    if !given {
        checks.push(bad(
            "key",
            Status::Warn,
            "no default signing key",
            "set `key: {keyring: NAME}` or `key: {file: PATH}` in $XDG_CONFIG_HOME/clearance/config.yaml, or CLEARANCE_KEY_FILE",
        ));
        return;
    }
    let key = crate::trust::keys::KeyArgs::default().load();
    let identities = repo.snapshot().and_then(|s| crate::trust::identities::Identities::load(&s));
    match (key, identities) {
        (Ok(key), Ok(ids)) => match ids.by_key(key.public_key()) {
            Some(i) => checks.push(ok("key", format!("signs as `{}` ({})", i.principal, i.role))),
            None => checks.push(bad(
                "key",
                Status::Warn,
                format!("the default key {} is not trusted here", crate::trust::keys::fingerprint(key.public_key())),
                "an admin adds it with `clearance trust add NAME --role ROLE --key FILE.pub`",
            )),
        },
        (Err(e), _) | (_, Err(e)) => {
            checks.push(bad("key", Status::Fail, e.message.clone(), e.hints.first().cloned().unwrap_or_default()))
        }
    }
}

/// An error's message with its located problems, on one line.
fn full(e: &Error) -> String {
    let mut text = e.message.clone();
    for p in &e.problems {
        text.push_str(&format!("; {}:{} {}: {}", p.line, p.column, p.path, p.message));
    }
    text
}

fn remote(repo: &ChangeRepo, checks: &mut Vec<Check>) {
    let config = match repo.snapshot().and_then(|s| crate::model::config::Config::load(&s)) {
        Ok(c) => c,
        Err(e) => return checks.push(bad("config", Status::Fail, e.message.clone(), "see the message")),
    };
    match repo.git.find_remote(&config.remote) {
        Ok(r) => checks.push(ok("remote", format!("{} -> {}", config.remote, r.url().unwrap_or("?")))),
        Err(_) => checks.push(bad(
            "remote",
            Status::Warn,
            format!("no git remote `{}`: this clone works alone", config.remote),
            format!("git remote add {} URL, then `clearance sync`", config.remote),
        )),
    }
}

fn providers(repo: &ChangeRepo, checks: &mut Vec<Check>) {
    let Ok(snapshot) = repo.snapshot() else { return };
    let Ok(config) = crate::model::config::Config::load(&snapshot) else { return };
    for (name, provider) in &config.providers {
        let ready = crate::act::provider::Ready::new(name, provider, &snapshot).and_then(|r| r.preflight().map(|()| r));
        match ready {
            Ok(_) => checks.push(ok("provider", format!("`{name}` can start, its secrets are readable"))),
            Err(e) => checks.push(bad(
                "provider",
                Status::Fail,
                e.message.clone(),
                e.hints.first().cloned().unwrap_or_else(|| "see the message".into()),
            )),
        }
    }
}
