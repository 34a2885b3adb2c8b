//! `clearance demo`: the lifecycle on an embedded example, step by step, running the real
//! binary so every line shown is what a user would see.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::commands::Session;
use crate::error::{Error, ErrorKind, IoContext, Result};
use crate::text::ui::{Style, Ui};

/// Walk through the lifecycle on an embedded example, step by step
///
/// Creates a change repository in DIR (or a fresh temp dir) and runs each step with the
/// real binary, showing the command and what it prints.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance demo\n  clearance demo /tmp/try-clearance")]
pub struct Args {
    /// Where to create the demo repository (must not exist or be empty)
    pub dir: Option<PathBuf>,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    walk(args.dir.as_deref(), ui)?;
    Ok(0)
}

const INTENT: &str = include_str!("../../templates/demo/intent.yaml");

struct Step {
    say: &'static str,
    args: Vec<String>,
    stdin: Option<&'static str>,
    /// The exit code this step is meant to have (`check` says 4: needs approval).
    expect: i32,
}

fn step(say: &'static str, args: &[&str]) -> Step {
    Step { say, args: args.iter().map(|s| s.to_string()).collect(), stdin: None, expect: 0 }
}

/// Stands for the id printed by the last `propose` step.
const LAST_ID: &str = "{id}";

/// Run the demo in `dir` (created; must not exist or be empty).
fn walk(dir: Option<&Path>, ui: &Ui) -> Result<()> {
    let dir: PathBuf = match dir {
        Some(d) => d.to_path_buf(),
        None => std::env::temp_dir().join(format!("clearance-demo-{}", crate::model::proposal::new_id()?)),
    };
    if dir.exists() && std::fs::read_dir(&dir).with_path(&dir)?.next().is_some() {
        return Err(Error::new(ErrorKind::Conflict, format!("{} is not empty", dir.display()))
            .hint("give the demo a new or empty directory"));
    }
    let exe = std::env::current_exe().map_err(|e| Error::io(format!("cannot find the clearance binary: {e}")))?;
    let repo = dir.display().to_string();
    // Private keys live beside the repository, never in it.
    let keys = PathBuf::from(format!("{}-keys", dir.display()));
    let key = |name: &str| keys.join(name).display().to_string();
    let public = |name: &str| format!("{}.pub", key(name));
    let (admin, agent, olive, runner) = (key("admin"), key("deploy-bot"), key("olive"), key("runner"));
    let bundle = format!("{}-proposal.clearance.json", dir.display());
    let steps = [
        step(
            "An admin makes a signing key; it will sign every change to the rules.",
            &["key", "new", "admin", "--file", &admin],
        ),
        step(
            "Create a change repository: config, service graph, policy, trust, a file provider, and a governance log whose genesis the admin signs.",
            &["init", &repo, "--key-file", &admin],
        ),
        step(
            "Who may change which rules: the root clones pin, the entry in force, the admins.",
            &["governance", "status"],
        ),
        step(
            "The agent gets its own signing key (a key file here; people use the OS keyring).",
            &["key", "new", "deploy-bot", "--file", &agent],
        ),
        step(
            "The admin trusts the agent's key, within an allowlist, sponsored by a human: a signed change to the rules.",
            &[
                "trust",
                "add",
                "deploy-bot",
                "--role",
                "agent",
                "--key",
                &public("deploy-bot"),
                "--sponsor",
                "sam",
                "--allow-action",
                "file.*",
                "--allow-env",
                "prod",
                "--replace",
                "--signer-file",
                &admin,
            ],
        ),
        step(
            "An approver from the owning team, and an executor (a CI runner) get keys and are trusted.",
            &["key", "new", "olive", "--file", &olive],
        ),
        step("", &["key", "new", "runner", "--file", &runner]),
        step(
            "",
            &[
                "trust",
                "add",
                "olive",
                "--role",
                "approver",
                "--group",
                "team-platform",
                "--key",
                &public("olive"),
                "--signer-file",
                &admin,
            ],
        ),
        step(
            "",
            &["trust", "add", "runner", "--role", "executor", "--key", &public("runner"), "--signer-file", &admin],
        ),
        step(
            "What would changing feature-flags touch? The blast radius, from the service graph.",
            &["blast", "feature-flags"],
        ),
        Step {
            say: "What does policy say about the agent's intent? Exit 4: it needs an approval.",
            args: vec!["check".into(), "-f".into(), "-".into()],
            stdin: Some(INTENT),
            expect: 4,
        },
        Step {
            say: "The agent proposes it, signed with its key. It gets an id back; nothing runs.",
            args: vec!["propose".into(), "-f".into(), "-".into(), "--key-file".into(), agent.clone()],
            stdin: Some(INTENT),
            expect: 0,
        },
        Step {
            expect: 4,
            ..step("Applying now is refused: not cleared (exit 4).", &["apply", LAST_ID, "--key-file", &runner])
        },
        step(
            "The owning team approves, signing exactly what it reviewed.",
            &["approve", LAST_ID, "--key-file", &olive, "--yes", "-m", "rollout plan checked"],
        ),
        step(
            "The executor applies it through the provider, then the intent's verify runs.",
            &["apply", LAST_ID, "--key-file", &runner],
        ),
        Step {
            expect: 1,
            ..step("A second apply is refused: a change runs at most once.", &["apply", LAST_ID, "--key-file", &runner])
        },
        step("The whole record: intent, decision, approvals, blast radius, signed evidence.", &["show", LAST_ID]),
        step("Anyone can check every signature, chain and quorum; exit 5 if anything was tampered with.", &["verify"]),
        step(
            "One file carries the proof of this change, with the governance entries its keys come from...",
            &["evidence", "export", LAST_ID, "-o", &bundle],
        ),
        step(
            "...and checks offline, against the repository's root, with no repository at all.",
            &["verify", "--bundle", &bundle],
        ),
    ];

    let mut last_id = String::new();
    let said = steps.iter().filter(|s| !s.say.is_empty()).count();
    let mut n = 0;
    for s in &steps {
        let args: Vec<String> = s.args.iter().map(|a| if a == LAST_ID { last_id.clone() } else { a.clone() }).collect();
        if !s.say.is_empty() {
            n += 1;
            ui.status(format!("\n{} {}", ui.paint(Style::Cyan, &format!("[{n}/{said}]")), s.say));
        }
        ui.status(ui.paint(Style::Bold, &format!("$ clearance {}", args.join(" "))));
        let mut cmd = Command::new(&exe);
        cmd.args(&args).env("CLEARANCE_REPO", &dir).env_remove("CLEARANCE_FORMAT");
        if !ui.color {
            cmd.env("NO_COLOR", "1");
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| Error::io(format!("cannot run {}: {e}", exe.display())))?;
        let mut stdin = child.stdin.take().expect("piped");
        if let Some(input) = s.stdin {
            stdin.write_all(input.as_bytes())?;
        }
        drop(stdin);
        let out = child.wait_with_output()?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        ui.out(&stdout)?;
        if out.status.code() != Some(s.expect) {
            return Err(Error::io(format!("demo step `clearance {}` failed", args.join(" "))));
        }
        if args[0] == "propose" {
            last_id = stdout.trim().to_owned();
        }
    }
    ui.status(format!(
        "\nThe change repository is at {}; try `clearance --repo {} list`.",
        dir.display(),
        dir.display()
    ));
    Ok(())
}
