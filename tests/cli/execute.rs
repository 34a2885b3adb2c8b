//! Execution: only cleared changes reach a provider, each at most once, even across a
//! crash; secrets never reach the repo or the output; commits verify with stock git.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Repo, git};

const SPY: &str = r#"#!/bin/sh
# Test provider: logs each call, then behaves as the intent's params.mode says.
op=$1
req=$(cat)
key=$(printf '%s' "$req" | sed -n 's/.*"idempotency_key":"\([^"]*\)".*/\1/p')
echo "$op $key" >> "$SPY_LOG"
case "$req" in *'"mode":"sleep"'*) [ "$op" = apply ] && sleep 3 ;; esac
case "$req" in *'"mode":"fail"'*) echo '{"status":"error","summary":"boom"}'; exit 1 ;; esac
case "$req" in *'"mode":"leak"'*)
  echo "debug: token is $SPY_TOKEN" >&2
  printf '{"status":"ok","summary":"done with %s","outputs":{"token":"%s"}}\n' "$SPY_TOKEN" "$SPY_TOKEN"
  exit 0 ;;
esac
echo '{"status":"ok","summary":"done"}'
"#;

const TOKEN: &str = "hunter2-very-secret-token";

pub(crate) struct Spy {
    log: PathBuf,
}

impl Spy {
    /// Install the spy provider in `repo` (committed config) and return its call log.
    pub(crate) fn install(repo: &Repo) -> Spy {
        let dir = repo.path().with_file_name("spy");
        fs::create_dir_all(&dir).unwrap();
        let script = dir.join("spy.sh");
        fs::write(&script, SPY).unwrap();
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
        let log = dir.join("calls.log");
        let config = fs::read_to_string(repo.file("clearance.yaml")).unwrap();
        let spy = format!(
            "  spy:\n    command: [{}]\n    timeout: 20s\n    env: {{SPY_LOG: {}}}\n    secrets: {{SPY_TOKEN: {{env: SPY_TOKEN_SOURCE}}}}\n",
            script.display(),
            log.display()
        );
        fs::write(repo.file("clearance.yaml"), config.replace("providers:\n", &format!("providers:\n{spy}"))).unwrap();
        repo.commit_rules("spy provider");
        Spy { log }
    }

    pub(crate) fn calls(&self) -> Vec<String> {
        fs::read_to_string(&self.log).unwrap_or_default().lines().map(str::to_owned).collect()
    }
}

pub(crate) fn intent(env: &str, mode: &str) -> String {
    format!(
        "apiVersion: clearance/v1\nkind: Intent\nmetadata: {{agent: deploy-bot}}\nspec:\n  action: spy.touch\n  environment: {env}\n  targets: [feature-flags]\n  params: {{mode: {mode}}}\n  reason: test\n  risk: {{reversible: true}}\n"
    )
}

pub(crate) fn apply(repo: &Repo, id: &str, extra: &[&str]) -> crate::common::Run {
    let key = repo.key("runner");
    let mut args = vec!["apply", id, "--key-file", key.to_str().unwrap()];
    args.extend_from_slice(extra);
    crate::common::clearance(repo.path()).env("SPY_TOKEN_SOURCE", TOKEN).args(&args).output().unwrap().into()
}

pub(crate) fn approve(repo: &Repo, id: &str, who: &str) {
    let key = repo.key(who);
    let r = repo.run(&["approve", id, "--key-file", key.to_str().unwrap(), "--yes"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn nothing_uncleared_reaches_the_provider() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    // pending: production needs team-platform.
    let pending = repo.propose(&intent("prod", "ok"));
    // denied: users-db is a protected target.
    let denied = repo.propose(&intent("prod", "ok").replace("feature-flags", "users-db"));
    // rejected: vetoed.
    let rejected = repo.propose(&intent("prod", "ok"));
    let r = repo.run(&["reject", &rejected, "--key-file", repo.key("olive").to_str().unwrap(), "--yes"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // withdrawn by its agent.
    let withdrawn = repo.propose(&intent("staging", "ok"));
    let r = repo.run(&["withdraw", &withdrawn, "--key-file", repo.key("deploy-bot").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // expired: approved for an hour, applied two hours later.
    let expired = repo.propose(&intent("prod", "ok"));
    let r =
        repo.run(&["approve", &expired, "--key-file", repo.key("olive").to_str().unwrap(), "--yes", "--expires", "1h"]);
    assert_eq!(r.code, 0);
    // stale: approved, then the graph changes its blast radius.
    let stale = repo.propose(&intent("prod", "ok"));
    approve(&repo, &stale, "olive");

    for (what, id, needle) in [
        ("pending", &pending, "not cleared: still missing 1 from team-platform"),
        ("denied", &denied, "not cleared: denied"),
        ("rejected", &rejected, "vetoed by olive"),
        ("withdrawn", &withdrawn, "not cleared: withdrawn"),
    ] {
        let r = apply(&repo, id, &[]);
        assert_eq!(r.code, 4, "{what}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{what}: expected `{needle}` in {}", r.stderr);
    }
    let graph = repo.file("graph/services.yaml");
    let text = fs::read_to_string(&graph)
        .unwrap()
        .replace("  - id: search-index\n", "  - id: search-index\n    depends_on: [feature-flags]\n");
    fs::write(&graph, text).unwrap();
    repo.commit_rules("index reads flags");
    let r = apply(&repo, &stale, &[]);
    assert_eq!(r.code, 4, "stale: {}", r.stderr);
    let later = crate::common::clearance(repo.path())
        .env("CLEARANCE_NOW", "2026-05-14T11:31:00Z")
        .args(["apply", &expired, "--key-file", repo.key("runner").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(later.status.code(), Some(4), "expired: {}", String::from_utf8_lossy(&later.stderr));
    assert!(spy.calls().is_empty(), "the provider ran: {:?}", spy.calls());
}

#[test]
fn a_change_runs_at_most_once() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "ok"));
    let first = apply(&repo, &id, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = apply(&repo, &id, &[]);
    assert_eq!(second.code, 1);
    assert!(second.stderr.contains("already applied"), "{}", second.stderr);
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply ")).count(), 1);
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", &id, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["state"], "applied");
    let kinds: Vec<&str> = shown["evidence"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["proposed", "auto-approved", "apply-started", "apply-finished"]);
    assert_eq!(repo.status(), "", "the work tree caught up with both commits");
    // An executor, not an approver or agent, applies.
    let other = repo.propose(&intent("staging", "ok"));
    let r = repo.run(&["apply", &other, "--key-file", repo.key("olive").to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("may not apply"), "{}", r.stderr);
}

#[test]
fn a_failing_provider_exits_6_and_is_recorded() {
    let repo = Repo::new();
    let _spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "fail"));
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 6, "{}", r.stderr);
    assert_eq!(repo.run(&["list", "--state", "failed", "--format", "json"]).stdout.matches(&id).count(), 1);
}

#[test]
fn kill_9_mid_apply_leaves_applying_and_resume_reuses_the_idempotency_key() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "sleep"));
    let key = repo.key("runner");
    let mut child = crate::common::clearance(repo.path())
        .env("SPY_TOKEN_SOURCE", TOKEN)
        .args(["apply", &id, "--key-file", key.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while spy.calls().is_empty() {
        assert!(Instant::now() < deadline, "the provider never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: plain signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    child.wait().unwrap();
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", &id, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["state"], "applying");
    let again = apply(&repo, &id, &[]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("is in flight") && again.stderr.contains("--resume"), "{}", again.stderr);
    // Another executor may not take over while the run's lease lasts.
    let other = crate::common::clearance(repo.path())
        .env("SPY_TOKEN_SOURCE", TOKEN)
        .args(["apply", &id, "--resume", "--key-file", repo.key("admin").to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&other.stderr);
    assert_eq!(other.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is held by runner until"), "{stderr}");
    // The executor whose run crashed resumes it; two resumes at once run it once.
    let racing: Vec<_> = (0..2)
        .map(|_| {
            crate::common::clearance(repo.path())
                .env("SPY_TOKEN_SOURCE", TOKEN)
                .args(["apply", &id, "--resume", "--key-file", key.to_str().unwrap()])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<i32> = racing.into_iter().map(|c| c.wait_with_output().unwrap().status.code().unwrap()).collect();
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 1, "exactly one resume ran: {codes:?}");
    let resumed = apply(&repo, &id, &["--resume"]);
    assert_eq!(resumed.code, 1, "finished by then: {}", resumed.stderr);
    let calls = spy.calls();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert_eq!(calls[0], calls[1], "same operation, same idempotency key");
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", &id, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["state"], "applied");
    assert_eq!(apply(&repo, &id, &["--resume"]).code, 1, "nothing to resume once finished");
    assert_eq!(repo.status(), "", "resuming brought the work tree up to date");
}

#[test]
fn secrets_reach_neither_the_repo_nor_the_output() {
    let repo = Repo::new();
    let _spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "leak"));
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains(TOKEN) && !r.stderr.contains(TOKEN), "clearance printed the secret");
    assert!(r.stderr.contains("[REDACTED]"), "{}", r.stderr);
    let json = apply(&repo, &id, &[]);
    assert!(!json.stderr.contains(TOKEN));
    let history = git(repo.path(), &["log", "-p", "--all"]);
    assert!(!history.contains(TOKEN), "the secret reached the repository");
    let shown = repo.run(&["show", &id, "--format", "json"]);
    assert!(!shown.stdout.contains(TOKEN));
    assert!(shown.stdout.contains("debug: token is [REDACTED]"), "stderr is kept, redacted");
}

#[test]
fn stock_git_verifies_clearances_commits() {
    let repo = Repo::new();
    let _spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    approve(&repo, &id, "olive");
    assert_eq!(apply(&repo, &id, &[]).code, 0);
    let signers = repo.path().with_file_name("allowed_signers");
    fs::write(&signers, repo.run(&["trust", "allowed-signers"]).stdout).unwrap();
    let verify = |rev: &str| {
        Command::new("git")
            .current_dir(repo.path())
            .args([
                "-c",
                "gpg.format=ssh",
                "-c",
                &format!("gpg.ssh.allowedSignersFile={}", signers.display()),
                "verify-commit",
                rev,
            ])
            .output()
            .unwrap()
    };
    // apply-finished, apply-started, approve and propose: each signed by its actor.
    for rev in ["HEAD", "HEAD~1", "HEAD~2", "HEAD~3"] {
        let out = verify(rev);
        assert!(out.status.success(), "git verify-commit {rev}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = verify("HEAD");
    assert!(String::from_utf8_lossy(&out.stderr).contains("runner"), "{}", String::from_utf8_lossy(&out.stderr));
    // The rules were signed into force by the admin, in a signed commit too.
    let out = verify("HEAD~4");
    assert!(String::from_utf8_lossy(&out.stderr).contains("admin"), "{}", String::from_utf8_lossy(&out.stderr));
    // A hand-made commit is not signed.
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "by hand"]);
    assert!(!verify("HEAD").status.success());
}

#[test]
fn rollback_files_a_new_proposal_governed_like_any_other() {
    let repo = Repo::new();
    let _spy = Spy::install(&repo);
    let original =
        intent("staging", "ok").replace("  risk:", "  rollback: {action: spy.untouch, params: {mode: ok}}\n  risk:");
    let id = repo.propose(&original);
    assert_eq!(apply(&repo, &id, &[]).code, 0);
    let r = repo.run(&["rollback", &id, "--key-file", repo.key("deploy-bot").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let new = r.stdout.trim();
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", new, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["action"], "spy.untouch");
    assert_eq!(shown["intent"]["metadata"]["labels"]["rollback_of"], id.as_str());
    // Policy decided it like any proposal: small, reversible, staging.
    assert_eq!(shown["state"], "approved");
    assert_eq!(apply(&repo, new, &[]).code, 0);
}

#[test]
fn a_provider_past_its_timeout_is_killed_with_its_children() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let config = fs::read_to_string(repo.file("clearance.yaml"))
        .unwrap()
        .replace("    timeout: 20s\n    env: {SPY_LOG", "    timeout: 1s\n    env: {SPY_LOG");
    fs::write(repo.file("clearance.yaml"), config).unwrap();
    repo.commit_rules("short timeout");
    let id = repo.propose(&intent("staging", "sleep"));
    let started = Instant::now();
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 6, "{}", r.stderr);
    assert!(r.stderr.contains("timeout"), "{}", r.stderr);
    assert!(started.elapsed() < Duration::from_secs(3), "the provider's sleep was not killed");
    assert_eq!(spy.calls().len(), 1);
}

#[test]
fn what_can_fail_before_the_start_is_checked_before_it_is_recorded() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "ok"));
    let state = |repo: &Repo| -> serde_json::Value {
        serde_json::from_str::<serde_json::Value>(&repo.run(&["show", &id, "--format", "json"]).stdout).unwrap()["state"]
            .clone()
    };
    let key = repo.key("runner");
    let apply_without_secret = |repo: &Repo| -> crate::common::Run {
        crate::common::clearance(repo.path())
            .args(["apply", &id, "--key-file", key.to_str().unwrap()])
            .output()
            .unwrap()
            .into()
    };
    // A secret that cannot be read.
    let r = apply_without_secret(&repo);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("SPY_TOKEN_SOURCE is not set"), "{}", r.stderr);
    assert_eq!(state(&repo), "approved", "not stuck in applying");
    // A provider command that does not exist.
    let config = fs::read_to_string(repo.file("clearance.yaml")).unwrap();
    let broken = config.replace("spy.sh]", "spy-missing.sh]");
    fs::write(repo.file("clearance.yaml"), &broken).unwrap();
    repo.commit_rules("typo");
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("spy-missing.sh`: not found or not executable"), "{}", r.stderr);
    assert_eq!(state(&repo), "approved");
    assert!(spy.calls().is_empty());
    fs::write(repo.file("clearance.yaml"), config).unwrap();
    repo.commit_rules("fixed");
    assert_eq!(apply(&repo, &id, &[]).code, 0, "a plain apply works once both are right");
}

#[test]
fn this_machine_says_where_secrets_and_its_key_come_from() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "ok"));
    let machine = tempfile::TempDir::new().unwrap();
    let config = machine.path().join("clearance/config.yaml");
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    let apply_here = || -> crate::common::Run {
        crate::common::clearance(repo.path())
            .env("XDG_CONFIG_HOME", machine.path())
            .env("LOCAL_TOKEN", TOKEN)
            .env_remove("CLEARANCE_KEY_FILE")
            .args(["apply", &id])
            .output()
            .unwrap()
            .into()
    };
    // The repository names SPY_TOKEN_SOURCE, which this machine does not set; no key given.
    fs::write(&config, "secrets:\n  SPY_TOKEN: {env: LOCAL_TOKEN}\n").unwrap();
    let r = apply_here();
    assert_eq!(r.code, 2, "no key anywhere: {}", r.stderr);
    assert!(r.stderr.contains("config.yaml"), "{}", r.stderr);
    fs::write(
        &config,
        format!("key: {{file: {}}}\nsecrets:\n  SPY_TOKEN: {{env: LOCAL_TOKEN}}\n", repo.key("runner").display()),
    )
    .unwrap();
    let r = apply_here();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(spy.calls().len(), 1);
    // A typo in this machine's file is named, with its line.
    fs::write(&config, "secrets:\n  SPY_TOKEN: {envv: LOCAL_TOKEN}\n").unwrap();
    let r =
        crate::common::clearance(repo.path()).env("XDG_CONFIG_HOME", machine.path()).args(["doctor"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert!(stdout.contains("config.yaml") && stdout.contains("envv"), "{stdout}");
}

#[test]
fn a_retried_proposal_returns_the_first_instead_of_filing_a_second() {
    let repo = Repo::new();
    let first = crate::common::run_stdin(
        repo.path(),
        &["propose", "-f", "-", "--format", "json"],
        crate::common::INTENT.as_bytes(),
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let first: serde_json::Value = serde_json::from_str(&first.stdout).unwrap();
    let head = repo.head();
    let again = crate::common::run_stdin(
        repo.path(),
        &["propose", "-f", "-", "--format", "json"],
        crate::common::INTENT.as_bytes(),
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    let again: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["duplicate_of"], first["id"]);
    assert_eq!(repo.head(), head, "nothing new was committed");
    // Another run of the agent is another proposal.
    let other = repo.propose(&crate::common::INTENT.replace("run-2026-05-14-0019", "run-2026-05-14-0020"));
    assert_ne!(serde_json::Value::String(other), first["id"]);
}

/// Planning after an approval makes it stale: plan says so, and apply names the approval
/// that no longer counts instead of only what is missing.
#[test]
fn planning_after_an_approval_says_it_went_stale_and_apply_names_it() {
    let repo = Repo::new();
    let _spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    approve(&repo, &id, "olive");
    let key = repo.key("runner");
    let r: crate::common::Run = crate::common::clearance(repo.path())
        .env("SPY_TOKEN_SOURCE", TOKEN)
        .args(["plan", &id, "--key-file", key.to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("the approvals of olive no longer count"), "{}", r.stderr);
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("not counted: olive's (stale: the plan changed"), "{}", r.stderr);
    // Approved again over the new plan, it runs.
    approve(&repo, &id, "olive");
    assert_eq!(apply(&repo, &id, &[]).code, 0);
}

/// Retries that race each other (an agent that timed out and tried again at once) file one
/// proposal between them: each returns its id.
#[test]
fn retries_at_the_same_moment_file_one_proposal() {
    let repo = Repo::new();
    let retries: Vec<_> = (0..4)
        .map(|_| {
            let dir = repo.path().to_owned();
            std::thread::spawn(move || {
                crate::common::run_stdin(
                    &dir,
                    &["propose", "-f", "-", "--format", "json"],
                    crate::common::INTENT.as_bytes(),
                )
            })
        })
        .collect();
    let ids: std::collections::BTreeSet<String> = retries
        .into_iter()
        .map(|t| {
            let r = t.join().unwrap();
            assert_eq!(r.code, 0, "{}", r.stderr);
            let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
            v["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    let listed = repo.run(&["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&listed.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
}

/// Planning again with the same answer from the provider leaves approvals standing: they
/// signed what it said, and how long it took is not part of that.
#[test]
fn planning_again_with_the_same_answer_keeps_the_approvals() {
    let repo = Repo::new();
    let _spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    let plan = || -> crate::common::Run {
        crate::common::clearance(repo.path())
            .env("SPY_TOKEN_SOURCE", TOKEN)
            .args(["plan", &id, "--key-file", repo.key("runner").to_str().unwrap()])
            .output()
            .unwrap()
            .into()
    };
    assert_eq!(plan().code, 0);
    approve(&repo, &id, "olive");
    let r = plan();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("no longer count"), "{}", r.stderr);
    assert_eq!(apply(&repo, &id, &[]).code, 0);
}

/// `-m` and `--comment` say the same in `withdraw` as in `approve`, and the words reach the
/// evidence.
#[test]
fn withdraw_takes_the_comment_flags_approve_takes() {
    let repo = Repo::new();
    let key = repo.key("deploy-bot");
    for flag in ["-m", "--comment", "--reason"] {
        let id = repo.propose(&intent("prod", flag));
        let r = repo.run(&["withdraw", &id, flag, "superseded", "--key-file", key.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{flag}: {}", r.stderr);
        let shown = repo.run(&["show", &id, "--format", "json"]).stdout;
        assert!(shown.contains("superseded") && shown.contains("\"state\": \"withdrawn\""), "{flag}: {shown}");
    }
}
