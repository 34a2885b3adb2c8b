//! `clearance wait`: an agent blocks until its proposal is decided, woken by the branch
//! moving in its own clone (no busy loop), or by fetching from a remote.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{INTENT, Repo, Run, clearance};

fn spawn_wait(repo: &Repo, id: &str, extra: &[&str]) -> std::process::Child {
    clearance(repo.path())
        .args(["wait", id, "--format", "json"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn finish(child: std::process::Child) -> (Run, serde_json::Value) {
    let r: Run = child.wait_with_output().unwrap().into();
    let v = serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{r}"));
    (r, v)
}

fn approve(repo: &Repo, id: &str, who: &str) {
    let r = repo.run(&["approve", id, "--yes", "--key-file", repo.key(who).to_str().unwrap()]);
    assert_eq!(r.code, 0, "{r}");
}

#[test]
fn wait_returns_within_a_second_of_the_approval_that_clears_it() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let waiter = spawn_wait(&repo, &id, &["--timeout", "60s"]);
    std::thread::sleep(Duration::from_millis(500));
    approve(&repo, &id, "olive");
    // One approval of two: still waiting.
    std::thread::sleep(Duration::from_millis(300));
    approve(&repo, &id, "sam");
    let cleared = Instant::now();
    let (r, v) = finish(waiter);
    let after = cleared.elapsed();
    assert_eq!(r.code, 0, "{r}");
    assert_eq!(v["state"], "approved");
    assert_eq!(v["reached"], true);
    assert!(after < Duration::from_secs(1), "wait returned {after:?} after the approval landed");
}

#[test]
fn wait_exits_3_on_a_veto_and_4_when_time_runs_out() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let started = Instant::now();
    let (r, v) = finish(spawn_wait(&repo, &id, &["--timeout", "1s"]));
    assert_eq!(r.code, 4, "{r}");
    assert_eq!(v["timed_out"], true);
    assert_eq!(v["state"], "pending");
    assert!(started.elapsed() < Duration::from_secs(5));
    let waiter = spawn_wait(&repo, &id, &["--timeout", "60s"]);
    std::thread::sleep(Duration::from_millis(300));
    let r = repo.run(&["reject", &id, "--yes", "--key-file", repo.key("ivan").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{r}");
    let (r, v) = finish(waiter);
    assert_eq!(r.code, 3, "{r}");
    assert_eq!(v["state"], "rejected");
    // Already settled: at once.
    let (r, _) = finish(spawn_wait(&repo, &id, &[]));
    assert_eq!(r.code, 3, "{r}");
}

#[test]
fn wait_sleeps_instead_of_spinning() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let cpu = |timeout: &str| {
        let child = spawn_wait(&repo, &id, &["--timeout", timeout]);
        let pid = child.id();
        let ((r, _), cpu) = finish_after_cpu(child, pid);
        assert_eq!(r.code, 4, "{r}");
        cpu
    };
    let (short, long) = (cpu("1s"), cpu("4s"));
    // Three more seconds of waiting cost next to no CPU: it sleeps on the ref.
    assert!(long - short < 0.15, "waiting 3 s longer used {:.2} s more CPU", long - short);
}

/// Wait for the child, reading its CPU time (user + system, seconds) just before it exits.
fn finish_after_cpu(child: std::process::Child, pid: u32) -> ((Run, serde_json::Value), f64) {
    let mut cpu = 0.0;
    let ticks = 100.0; // USER_HZ on Linux
    while let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
        if fields.first() == Some(&"Z") {
            break;
        }
        let utime: f64 = fields.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0);
        let stime: f64 = fields.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
        cpu = (utime + stime) / ticks;
        std::thread::sleep(Duration::from_millis(100));
    }
    (finish(child), cpu)
}

/// A remote that cannot be reached is said, not swallowed: the state is this clone's.
#[test]
fn wait_says_when_it_could_not_fetch() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    crate::common::git(repo.path(), &["remote", "add", "nowhere", "git://127.0.0.1:9/nothing.git"]);
    let (r, v) = finish(spawn_wait(&repo, &id, &["--timeout", "1s", "--remote", "nowhere"]));
    assert_eq!(r.code, 4, "{r}");
    assert!(v["fetch_error"].is_string(), "{v:#}");
    assert!(r.stderr.contains("could not fetch from nowhere"), "{r}");
}
