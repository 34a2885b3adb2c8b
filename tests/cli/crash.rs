//! Invariant 12 under `kill -9`: a campaign of kills at every point of the write path
//! (debug builds die by SIGKILL where `CLEARANCE_CRASH_AT` says), each followed by what a
//! user does next: a plain `git commit -am`, then any clearance command. No change ever
//! runs twice, no evidence is lost, and `verify` stays green once clearance has repaired
//! what the kill left (and said so).

use crate::common::{Repo, Run, clearance, git};
use crate::execute::{Spy, intent};

/// Where a write can die: the commit object written but the branch not moved; the branch
/// moved but the work tree and index not; the work tree written but the index not.
const STORE_POINTS: [&str; 3] = ["commit-written", "branch-moved", "worktree-written"];
/// Where `apply` can die besides: the ledger written but no `apply-started`; the start
/// committed but the provider not run.
const APPLY_POINTS: [&str; 2] = ["ledger-intent", "apply-started"];

fn killed(repo: &Repo, point: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = clearance(repo.path());
    cmd.env("CLEARANCE_CRASH_AT", point).env("SPY_TOKEN_SOURCE", "x").args(args);
    match stdin {
        Some(text) => crate::common::feed(cmd, text.as_bytes()),
        None => cmd.output().unwrap().into(),
    }
}

/// What a user does after a crash: commit everything git shows as changed.
fn user_commits_everything(repo: &Repo) {
    git(repo.path(), &["add", "-A"]);
    let _ = std::process::Command::new("git")
        .current_dir(repo.path())
        .args(["-c", "user.name=someone", "-c", "user.email=someone@example.org", "commit", "-qam", "wip"])
        .output()
        .unwrap();
}

fn as_runner(repo: &Repo, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    let key = repo.key("runner");
    all.extend(["--key-file", key.to_str().unwrap()]);
    clearance(repo.path()).env("SPY_TOKEN_SOURCE", "x").args(&all).output().unwrap().into()
}

fn state(repo: &Repo, id: &str) -> String {
    let r = repo.run(&["show", id, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{}", r.stderr));
    v["state"].as_str().unwrap().to_owned()
}

#[test]
fn a_kill_anywhere_then_git_commit_am_never_loses_evidence_or_runs_a_change_twice() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    // Many proposals within one (test) hour.
    let data = std::fs::read_to_string(repo.file("policies/data.yaml")).unwrap();
    let raised = data
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("proposals_per_hour:") {
                "  proposals_per_hour: 1000".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(repo.file("policies/data.yaml"), raised + "\n").unwrap();
    repo.commit_rules("a busy hour");
    let agent = repo.key("deploy-bot");
    let mut trials = 0;
    let mut repaired = 0;
    let runs = || spy.calls().iter().filter(|c| c.starts_with("apply ")).count();
    for round in 0..12 {
        // propose, killed at each store point; the proposal either landed or did not.
        for point in STORE_POINTS {
            let text = intent(if round % 2 == 0 { "staging" } else { "prod" }, "ok")
                .replace("reason: test", &format!("reason: round {round} {point}"));
            killed(&repo, point, &["propose", "-f", "-", "--key-file", agent.to_str().unwrap()], Some(&text));
            trials += 1;
            user_commits_everything(&repo);
            let r = repo.run(&["verify"]);
            repaired += usize::from(r.stderr.contains("repaired"));
            assert_eq!(r.code, 0, "propose killed at {point}, then git commit -am: {}{}", r.stdout, r.stderr);
        }
        // approve and apply, each killed at every point, then finished by hand.
        let id = repo.propose(&intent("prod", "ok"));
        for point in STORE_POINTS {
            let key = repo.key("olive");
            killed(&repo, point, &["approve", &id, "--yes", "--key-file", key.to_str().unwrap()], None);
            trials += 1;
            user_commits_everything(&repo);
            let r = repo.run(&["verify"]);
            repaired += usize::from(r.stderr.contains("repaired"));
            assert_eq!(r.code, 0, "approve killed at {point}: {}{}", r.stdout, r.stderr);
        }
        if state(&repo, &id) == "pending" {
            let key = repo.key("olive");
            let r = repo.run(&["approve", &id, "--yes", "--key-file", key.to_str().unwrap()]);
            assert_eq!(r.code, 0, "{}", r.stderr);
        }
        assert_eq!(state(&repo, &id), "approved");
        let before = runs();
        for point in STORE_POINTS.iter().chain(APPLY_POINTS.iter()) {
            let key = repo.key("runner");
            let resume = state(&repo, &id) == "applying";
            let mut args = vec!["apply", id.as_str(), "--key-file", key.to_str().unwrap()];
            if resume {
                args.push("--resume");
            }
            killed(&repo, point, &args, None);
            trials += 1;
            user_commits_everything(&repo);
            let r = repo.run(&["verify"]);
            repaired += usize::from(r.stderr.contains("repaired"));
            assert_eq!(r.code, 0, "apply killed at {point}: {}{}", r.stdout, r.stderr);
            if state(&repo, &id) == "applied" {
                break;
            }
        }
        // Whatever the kills left, one more apply (or resume) finishes it, exactly once.
        for _ in 0..2 {
            match state(&repo, &id).as_str() {
                "applied" => break,
                "applying" => assert_eq!(as_runner(&repo, &["apply", &id, "--resume"]).code, 0),
                _ => {
                    let r = as_runner(&repo, &["apply", &id]);
                    assert_eq!(r.code, 0, "{}", r.stderr);
                }
            }
        }
        assert_eq!(state(&repo, &id), "applied");
        let r = as_runner(&repo, &["apply", &id, "--resume"]);
        assert_ne!(r.code, 0, "an applied change is never started again");
        // The provider ran for this change at most once per run that reached it: a kill
        // after the provider started is the only way to a second call, and none of these
        // points is after it.
        assert_eq!(runs(), before + 1, "round {round}: the provider ran {} times", runs() - before);
    }
    assert!(trials >= 100, "{trials} trials");
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(git(repo.path(), &["status", "--porcelain"]), "", "the work tree follows the branch");
    assert!(repaired > 0, "some kill left a state that needed repair");
    let restores = git(repo.path(), &["log", "--oneline", "--grep", "^repair: restore"]);
    assert!(!restores.is_empty(), "a `git commit -am` after a kill reverted a write, and clearance put it back");
}
