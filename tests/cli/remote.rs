//! Many machines on one change repository, against a real `git daemon` on 127.0.0.1:
//! concurrent proposals from four clones, two executors racing for one change, two
//! approvers signing one proposal at once, and a clone that was offline.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::common::{INTENT, Repo, Run, clearance, feed, git};
use crate::execute::{Spy, intent};

/// A bare copy of a fixture repo, served read-write by `git daemon` on a free loopback port.
struct Server {
    root: PathBuf,
    /// The served repository's name: unique, so a daemon of another test that happened to
    /// take the same port would answer "not found" instead of serving the wrong repository.
    name: String,
    port: u16,
    daemon: Option<Child>,
}

impl Server {
    fn serve(origin: &Repo, tmp: &Path) -> Server {
        let root = tmp.join("srv");
        std::fs::create_dir_all(&root).unwrap();
        let name = format!("{}.git", tmp.file_name().unwrap().to_string_lossy().trim_start_matches('.'));
        git(tmp, &["clone", "-q", "--bare", origin.path().to_str().unwrap(), root.join(&name).to_str().unwrap()]);
        let mut server = Server { root, name, port: 0, daemon: None };
        server.start();
        server
    }

    /// Start (again) on a free port; a port another process took first is given up for another.
    fn start(&mut self) {
        // The daemon itself, not the `git` wrapper, so stopping it closes the port.
        let exec_path = git(&self.root, &["--exec-path"]);
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let mut daemon = Command::new(Path::new(exec_path.trim()).join("git-daemon"))
                .args(["--reuseaddr", "--listen=127.0.0.1", "--export-all", "--enable=receive-pack"])
                .arg(format!("--port={port}"))
                .arg(format!("--base-path={}", self.root.display()))
                .arg(&self.root)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("git daemon");
            let deadline = Instant::now() + Duration::from_secs(10);
            while daemon.try_wait().unwrap().is_none() && TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(Instant::now() < deadline, "git daemon did not start listening");
                thread::sleep(Duration::from_millis(20));
            }
            // Listening, and ours: a daemon that could not bind exits at once.
            thread::sleep(Duration::from_millis(50));
            if daemon.try_wait().unwrap().is_none() {
                self.port = port;
                self.daemon = Some(daemon);
                return;
            }
        }
        panic!("git daemon could not listen on a free port");
    }

    fn stop(&mut self) {
        if let Some(mut d) = self.daemon.take() {
            let _ = d.kill();
            let _ = d.wait();
        }
    }

    fn url(&self) -> String {
        format!("git://127.0.0.1:{}/{}", self.port, self.name)
    }

    fn clone(&self, dir: &Path) -> PathBuf {
        git(dir.parent().unwrap(), &["clone", "-q", &self.url(), dir.to_str().unwrap()]);
        dir.to_path_buf()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `clearance` in `dir`, signing with a fixture principal's key.
fn as_(origin: &Repo, dir: &Path, who: &str, args: &[&str]) -> Command {
    let mut cmd = clearance(dir);
    cmd.env("CLEARANCE_KEY_FILE", origin.key(who)).env("SPY_TOKEN_SOURCE", "t0ken").args(args);
    cmd
}

/// `propose -f - EXTRA...` in `dir`, signed with the key file `key`.
fn propose(key: &Path, dir: &Path, intent: &str, extra: &[&str]) -> Run {
    let mut cmd = clearance(dir);
    cmd.env("CLEARANCE_KEY_FILE", key);
    propose_with(cmd, intent, extra)
}

/// `propose -f - EXTRA...` with `cmd` as set up, the intent on stdin.
fn propose_with(mut cmd: Command, intent: &str, extra: &[&str]) -> Run {
    cmd.args(["propose", "-f", "-"]).args(extra);
    feed(cmd, intent.as_bytes())
}

fn restart(n: usize) -> String {
    format!(
        "apiVersion: clearance/v1\nkind: Intent\nmetadata: {{agent: deploy-bot, run: r{n}}}\nspec:\n  action: k8s.restart\n  environment: staging\n  targets: [search]\n  reason: clone test {n}\n  risk: {{reversible: true}}\n"
    )
}

fn ids(dir: &Path) -> Vec<String> {
    let r: Run = clearance(dir).args(["list", "--format", "json"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    v.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect()
}

fn verify(dir: &Path) {
    let r: Run = clearance(dir).arg("verify").output().unwrap().into();
    assert_eq!(r.code, 0, "verify failed: {}{}", r.stdout, r.stderr);
}

#[test]
fn four_clones_proposing_at_once_lose_nothing() {
    let origin = Repo::new();
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let clones: Vec<PathBuf> = (0..4).map(|i| server.clone(&tmp.path().join(format!("clone{i}")))).collect();
    // 40 processes at once: ten in each clone, every one pushing.
    let handles: Vec<_> = (0..40)
        .map(|n| {
            let dir = clones[n % 4].clone();
            let key = origin.key("deploy-bot");
            let text = restart(n);
            thread::spawn(move || {
                let r = propose(&key, &dir, &text, &["--push"]);
                (r.code, r.stdout.trim().to_owned(), r.stderr)
            })
        })
        .collect();
    let mut proposed = Vec::new();
    for h in handles {
        let (code, id, stderr) = h.join().unwrap();
        // 3: the hourly rate limit denies some; denied proposals are committed all the same.
        assert!(code == 0 || code == 3, "propose --push exited {code}: {stderr}");
        assert!(!stderr.contains("not pushed"), "{stderr}");
        proposed.push(id);
    }
    let fresh = server.clone(&tmp.path().join("fresh"));
    let mut seen = ids(&fresh);
    seen.sort();
    proposed.sort();
    assert_eq!(seen, proposed, "a fresh clone sees exactly the 40 proposals");
    verify(&fresh);
    assert_eq!(git(&fresh, &["fsck", "--strict", "--no-progress"]), "");
    // Every clone's work tree is clean after the others' commits were replayed under it.
    for dir in &clones {
        assert_eq!(git(dir, &["status", "--porcelain"]), "", "{}", dir.display());
    }
}

#[test]
fn two_executors_racing_for_one_change_run_it_once() {
    let origin = Repo::new();
    let spy = Spy::install(&origin);
    // Staging, small and reversible: auto-approved, so cleared from the start.
    let id = origin.propose(&intent("staging", "sleep"));
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let a = server.clone(&tmp.path().join("runner-a"));
    let b = server.clone(&tmp.path().join("runner-b"));
    let racers: Vec<_> = [a.clone(), b.clone()]
        .into_iter()
        .map(|dir| {
            let mut cmd = as_(&origin, &dir, "runner", &["apply", &id, "--push"]);
            thread::spawn(move || -> Run { cmd.output().unwrap().into() })
        })
        .collect();
    let results: Vec<Run> = racers.into_iter().map(|h| h.join().unwrap()).collect();
    let applies = spy.calls().iter().filter(|c| c.starts_with("apply ")).count();
    assert_eq!(applies, 1, "the provider ran {applies} times: {:?}", spy.calls());
    let winners = results.iter().filter(|r| r.code == 0).count();
    assert_eq!(winners, 1, "{:?}", results.iter().map(|r| &r.stderr).collect::<Vec<_>>());
    let loser = results.iter().find(|r| r.code != 0).unwrap();
    assert_eq!(loser.code, 1, "{}", loser.stderr);
    assert!(
        loser.stderr.contains("held by runner") || loser.stderr.contains("in flight: runner started it"),
        "the loser names who holds the change: {}",
        loser.stderr
    );
    let fresh = server.clone(&tmp.path().join("fresh"));
    let shown: Run = clearance(&fresh).args(["show", &id, "--format", "json"]).output().unwrap().into();
    let shown: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(shown["state"], "applied");
    let starts = shown["evidence"].as_array().unwrap().iter().filter(|e| e["kind"] == "apply-started").count();
    assert_eq!(starts, 1, "exactly one start reached the remote");
    verify(&fresh);
    for dir in [&a, &b] {
        assert_eq!(git(dir, &["status", "--porcelain"]), "", "{}", dir.display());
    }
}

#[test]
fn two_approvers_on_two_machines_both_count() {
    let origin = Repo::new();
    // Production, owned by team-orders, touching pii: one from team-orders and one from security.
    let id = origin.propose(INTENT);
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let a = server.clone(&tmp.path().join("olive-laptop"));
    let b = server.clone(&tmp.path().join("sam-laptop"));
    let signers: Vec<_> = [(a, "olive"), (b, "sam")]
        .into_iter()
        .map(|(dir, who)| {
            let mut cmd = as_(&origin, &dir, who, &["approve", &id, "--yes", "--push", "--format", "json"]);
            thread::spawn(move || -> Run { cmd.output().unwrap().into() })
        })
        .collect();
    for h in signers {
        let r = h.join().unwrap();
        assert_eq!(r.code, 0, "{}", r.stderr);
        let answer: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(answer["push"]["pushed"], true, "{answer:#}");
    }
    let fresh = server.clone(&tmp.path().join("fresh"));
    let shown: Run = clearance(&fresh).args(["show", &id, "--format", "json"]).output().unwrap().into();
    let shown: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(shown["state"], "approved", "{shown:#}");
    let valid = shown["approvals"].as_array().unwrap().iter().filter(|a| a["valid"] == true).count();
    assert_eq!(valid, 2, "{shown:#}");
    verify(&fresh);
}

#[test]
fn an_offline_clone_syncs_later_without_losing_proposals() {
    let origin = Repo::new();
    let tmp = TempDir::new().unwrap();
    let mut server = Server::serve(&origin, tmp.path());
    let offline = server.clone(&tmp.path().join("offline"));
    let online = server.clone(&tmp.path().join("online"));
    server.stop();
    let mut local = Vec::new();
    for n in 0..3 {
        let r = propose(&origin.key("deploy-bot"), &offline, &restart(n), &["--push", "--format", "json"]);
        assert_eq!(r.code, 0, "an unreachable remote does not fail the write: {}", r.stderr);
        assert!(r.stderr.contains("not pushed"), "{}", r.stderr);
        // Programs can tell from the answer itself.
        let answer: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(answer["push"]["pushed"], false, "{answer:#}");
        assert!(answer["push"]["error"].as_str().unwrap().contains("unable to connect"), "{answer:#}");
        local.push(answer["id"].as_str().unwrap().to_owned());
    }
    let r: Run = clearance(&offline).arg("sync").output().unwrap().into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("git fetch origin failed"), "{}", r.stderr);

    server.start();
    for dir in [&offline, &online] {
        git(dir, &["remote", "set-url", "origin", &server.url()]);
    }
    let mut remote = Vec::new();
    for n in 10..12 {
        let r = propose(&origin.key("deploy-bot"), &online, &restart(n), &["--push"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        remote.push(r.stdout.trim().to_owned());
    }
    let r: Run = as_(&origin, &offline, "deploy-bot", &["sync", "--format", "json"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["fetched"], 2);
    assert_eq!(report["replayed"], 3);
    assert_eq!(report["pushed"], 3);
    assert_eq!(report["unsigned"], 0, "the agent's own commits are signed again");
    assert_eq!(git(&offline, &["status", "--porcelain"]), "");

    let fresh = server.clone(&tmp.path().join("fresh"));
    let mut seen = ids(&fresh);
    let mut all: Vec<String> = local.into_iter().chain(remote).collect();
    seen.sort();
    all.sort();
    assert_eq!(seen, all);
    verify(&fresh);
    // Replayed commits carry the agent's signature again, for stock git to check.
    let signers = fresh.join("allowed_signers");
    std::fs::write(&signers, clearance(&fresh).args(["trust", "allowed-signers"]).output().unwrap().stdout).unwrap();
    let head = git(&fresh, &["log", "-1", "--format=%H"]);
    let out = Command::new("git")
        .current_dir(&fresh)
        .args(["-c", &format!("gpg.ssh.allowedSignersFile={}", signers.display()), "verify-commit", head.trim()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn sync_needs_a_remote() {
    let origin = Repo::new();
    let r = origin.run(&["sync"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no git remote `origin`"), "{}", r.stderr);
    assert!(r.stderr.contains("git remote add origin URL"), "{}", r.stderr);
}

#[test]
fn sync_auto_pushes_every_write() {
    let origin = Repo::new();
    let config = std::fs::read_to_string(origin.file("clearance.yaml")).unwrap();
    std::fs::write(origin.file("clearance.yaml"), config.replace("sync: manual", "sync: auto")).unwrap();
    origin.commit_rules("sync: auto");
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let laptop = server.clone(&tmp.path().join("laptop"));
    let pushed = propose(&origin.key("deploy-bot"), &laptop, &restart(1), &[]);
    assert_eq!(pushed.code, 0, "{}", pushed.stderr);
    assert!(pushed.stderr.contains("pushed 1 commit(s) to origin"), "{}", pushed.stderr);
    let answer = propose(&origin.key("deploy-bot"), &laptop, &restart(3), &["--format", "json"]);
    let answer: serde_json::Value = serde_json::from_str(&answer.stdout).unwrap();
    assert_eq!(answer["push"], serde_json::json!({"remote": "origin", "pushed": true, "commits": 1}));
    let local = propose(&origin.key("deploy-bot"), &laptop, &restart(2), &["--no-push"]);
    assert_eq!(local.code, 0, "{}", local.stderr);
    let fresh = server.clone(&tmp.path().join("fresh"));
    let mut seen = ids(&fresh);
    seen.sort();
    let mut expected = vec![pushed.stdout.trim().to_owned(), answer["id"].as_str().unwrap().to_owned()];
    expected.sort();
    assert_eq!(seen, expected, "--no-push kept the other one local");
}

#[test]
fn a_local_commit_that_lost_a_race_is_reported_and_kept() {
    let origin = Repo::new();
    let spy = Spy::install(&origin);
    let id = origin.propose(&intent("staging", "ok"));
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let agent = server.clone(&tmp.path().join("agent"));
    let runner = server.clone(&tmp.path().join("runner"));
    // The agent withdraws here without pushing; meanwhile the change is applied elsewhere.
    let w: Run = as_(&origin, &agent, "deploy-bot", &["withdraw", &id]).output().unwrap().into();
    assert_eq!(w.code, 0, "{}", w.stderr);
    // No --push: a clone with a remote pushes apply-started there before the provider runs.
    let a: Run = as_(&origin, &runner, "runner", &["apply", &id]).output().unwrap().into();
    assert_eq!(a.code, 0, "{}", a.stderr);
    let s: Run = as_(&origin, &agent, "deploy-bot", &["sync"]).output().unwrap().into();
    assert_eq!(s.code, 1, "{}", s.stderr);
    assert!(s.stderr.contains("withdraw:"), "{}", s.stderr);
    assert!(s.stderr.contains("apply-started by runner"), "{}", s.stderr);
    assert!(s.stderr.contains("refs/clearance/dropped/"), "{}", s.stderr);
    // Kept, not lost: the dropped commit still holds the withdrawal.
    let kept = git(&agent, &["for-each-ref", "--format=%(objectname)", "refs/clearance/dropped/"]);
    assert_eq!(git(&agent, &["log", "-1", "--format=%s", kept.trim()]).trim(), format!("withdraw: {id} by deploy-bot"));
    // The clone now agrees with the remote: applied, and clean.
    let shown: Run = clearance(&agent).args(["show", &id, "--format", "json"]).output().unwrap().into();
    let shown: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(shown["state"], "applied");
    assert_eq!(git(&agent, &["status", "--porcelain"]), "");
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply ")).count(), 1);
    verify(&agent);
}

#[test]
fn a_users_own_conflicting_commit_is_left_to_them() {
    let origin = Repo::new();
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let mine = server.clone(&tmp.path().join("mine"));
    let theirs = server.clone(&tmp.path().join("theirs"));
    for (dir, text) in [(&theirs, "theirs"), (&mine, "mine")] {
        std::fs::write(dir.join("policies/data.yaml"), format!("# {text}\n")).unwrap();
        git(dir, &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", text]);
    }
    git(&theirs, &["push", "-q", "origin", "main"]);
    let before = git(&mine, &["rev-parse", "HEAD"]);
    let r: Run = clearance(&mine).arg("sync").output().unwrap().into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("policies/data.yaml"), "{}", r.stderr);
    assert!(r.stderr.contains("git pull --rebase"), "{}", r.stderr);
    assert_eq!(git(&mine, &["rev-parse", "HEAD"]), before, "nothing moved");
}

#[test]
fn a_remote_with_other_history_is_refused() {
    let origin = Repo::new();
    let other = Repo::new();
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&other, tmp.path());
    git(origin.path(), &["remote", "add", "origin", &server.url()]);
    let before = origin.head();
    let r = origin.run(&["sync"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("share no history"), "{}", r.stderr);
    assert_eq!(origin.head(), before);
}

#[test]
fn an_approver_acts_on_what_other_machines_filed() {
    let origin = Repo::new();
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let reviewer = server.clone(&tmp.path().join("reviewer"));
    let agent = server.clone(&tmp.path().join("agent"));
    let r = propose(&origin.key("cost-optimizer"), &agent, INTENT, &["--push"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.stdout.trim().to_owned();
    // The reviewer's clone has never seen it: --push fetches before acting.
    let a: Run = as_(&origin, &reviewer, "olive", &["approve", &id, "--yes", "--push"]).output().unwrap().into();
    assert_eq!(a.code, 0, "{}", a.stderr);
    let fresh = server.clone(&tmp.path().join("fresh"));
    let shown: Run = clearance(&fresh).args(["show", &id, "--format", "json"]).output().unwrap().into();
    let shown: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(shown["approvals"].as_array().unwrap().len(), 1, "{shown:#}");
    assert_eq!(shown["approvals"][0]["principal"], "olive");
    verify(&fresh);
}

#[test]
fn a_ci_checkout_with_a_detached_head_names_its_branch() {
    let origin = Repo::new();
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    // As CI runners check out: HEAD detached at a commit, no local branch.
    let ci = server.clone(&tmp.path().join("ci"));
    git(&ci, &["checkout", "-q", "--detach"]);
    git(&ci, &["branch", "-q", "-D", "main"]);
    let detached = git(&ci, &["rev-parse", "HEAD"]);
    let refused = propose(&origin.key("deploy-bot"), &ci, &restart(1), &["--push"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(refused.stderr.contains("CLEARANCE_BRANCH=main"), "{}", refused.stderr);
    // A typo in the branch name starts no branch of its own: it is refused, naming the branches.
    let mut typo = clearance(&ci);
    typo.env("CLEARANCE_BRANCH", "nope").env("CLEARANCE_KEY_FILE", origin.key("deploy-bot"));
    let r = propose_with(typo, &restart(1), &["--push"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("`nope`, which is neither a branch here nor on a remote"), "{}", r.stderr);
    let listed: Run = clearance(&ci).env("CLEARANCE_BRANCH", "nope").args(["list"]).output().unwrap().into();
    assert_eq!(listed.code, 1, "{}", listed.stderr);
    assert!(git(&ci, &["branch", "--list", "nope"]).is_empty(), "no branch was made");
    let mut cmd = clearance(&ci);
    cmd.env("CLEARANCE_BRANCH", "main").env("CLEARANCE_KEY_FILE", origin.key("deploy-bot"));
    let r = propose_with(cmd, &restart(1), &["--push"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(git(&ci, &["rev-parse", "HEAD"]), detached, "HEAD stays where CI put it");
    assert_eq!(git(&ci, &["status", "--porcelain"]), "");
    let fresh = server.clone(&tmp.path().join("fresh"));
    assert_eq!(ids(&fresh), vec![r.stdout.trim().to_owned()]);
    verify(&fresh);
}

#[test]
fn apply_with_an_unreachable_remote_runs_nothing_unless_told_to() {
    let origin = Repo::new();
    let spy = Spy::install(&origin);
    let id = origin.propose(&intent("staging", "ok"));
    let tmp = TempDir::new().unwrap();
    let mut server = Server::serve(&origin, tmp.path());
    let runner = server.clone(&tmp.path().join("runner"));
    server.stop();
    let r: Run = as_(&origin, &runner, "runner", &["apply", &id]).output().unwrap().into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cannot fetch what other machines recorded"), "{}", r.stderr);
    assert!(spy.calls().is_empty(), "the provider ran without the lock");
    let shown: Run = clearance(&runner).args(["show", &id, "--format", "json"]).output().unwrap().into();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&shown.stdout).unwrap()["state"], "approved");
    // On this clone's word alone, when the operator says so.
    let r: Run = as_(&origin, &runner, "runner", &["apply", &id, "--no-push"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply ")).count(), 1);
}

#[test]
fn sync_never_overwrites_uncommitted_edits() {
    let origin = Repo::new();
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let mine = server.clone(&tmp.path().join("mine"));
    let theirs = server.clone(&tmp.path().join("theirs"));
    std::fs::write(theirs.join("policies/data.yaml"), "# theirs\n").unwrap();
    git(&theirs, &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "theirs"]);
    git(&theirs, &["push", "-q", "origin", "main"]);
    std::fs::write(mine.join("policies/data.yaml"), "# my work in progress\n").unwrap();
    let before = git(&mine, &["rev-parse", "HEAD"]);
    let r: Run = clearance(&mine).arg("sync").output().unwrap().into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("policies/data.yaml has local edits"), "{}", r.stderr);
    assert_eq!(git(&mine, &["rev-parse", "HEAD"]), before);
    assert_eq!(std::fs::read_to_string(mine.join("policies/data.yaml")).unwrap(), "# my work in progress\n");
}

#[test]
fn a_force_pushed_rewrite_is_refused_by_every_clone_that_saw_the_history() {
    let origin = Repo::new();
    let id = origin.propose(&intent("prod", "ok"));
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let approver = server.clone(&tmp.path().join("approver"));
    let before = git(&approver, &["rev-parse", "HEAD"]);
    let r: Run = as_(&origin, &approver, "olive", &["reject", &id, "--yes", "--push"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r: Run =
        as_(&origin, &approver, "runner", &["checkpoint", "--push", "--format", "json"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let handed = tmp.path().join("checkpoint.json");
    std::fs::write(&handed, &r.stdout).unwrap();

    // With push access and nobody else's key: force the branch back to before the veto.
    let attacker = server.clone(&tmp.path().join("attacker"));
    git(&attacker, &["push", "-q", "--force", "origin", &format!("{}:main", before.trim())]);

    let r: Run = as_(&origin, &approver, "olive", &["sync"]).output().unwrap().into();
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("origin: main was rewritten"), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("reject: {id} by olive")), "the vanished veto is named: {}", r.stderr);
    assert!(r.stderr.contains("lost 1 entry (rejected)"), "{}", r.stderr);
    // A new clone on the same machine inherits what this machine saw.
    let fresh = server.clone(&tmp.path().join("fresh"));
    let r: Run = clearance(&fresh).arg("verify").output().unwrap().into();
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("which this machine saw on it"), "{}", r.stderr);
    // On another machine, only a checkpoint handed over knows.
    let machine = TempDir::new().unwrap();
    let elsewhere = server.clone(&tmp.path().join("elsewhere"));
    let there = |args: &[&str]| -> Run {
        clearance(&elsewhere).env("XDG_STATE_HOME", machine.path()).args(args).output().unwrap().into()
    };
    assert_eq!(there(&["verify"]).code, 0);
    let r = there(&["verify", "--checkpoint", handed.to_str().unwrap()]);
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("does not extend the checkpoint signed by runner"), "{}", r.stdout);

    // Accepting the rewrite takes an admin, and is recorded.
    let r: Run = as_(&origin, &approver, "olive", &["sync", "--accept-rewrite"]).output().unwrap().into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("`olive` is not an admin"), "{}", r.stderr);
    let r: Run =
        as_(&origin, &approver, "admin", &["sync", "--accept-rewrite", "--format", "json"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let accepted: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(accepted["checkpoint"].as_str().unwrap().starts_with("checkpoints/"), "{accepted:#}");
    assert!(accepted["vanished"]["commits"].to_string().contains(&format!("reject: {id}")), "{accepted:#}");
    let r: Run = as_(&origin, &approver, "olive", &["sync"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r: Run = clearance(&approver).arg("verify").output().unwrap().into();
    assert_eq!(r.code, 0, "after an accepted rewrite: {}{}", r.stdout, r.stderr);
    let recorded = git(&approver, &["show", &format!("HEAD:{}", accepted["checkpoint"].as_str().unwrap())]);
    assert!(recorded.contains("\"replaces\""), "{recorded}");
    assert!(recorded.contains("\"signer\": \"admin\""), "{recorded}");
}

/// An agent waits in its own clone; the approval is pushed from another machine through the
/// git daemon, and `wait` (fetching with backoff) returns with the proposal cleared.
#[test]
fn wait_sees_an_approval_pushed_from_another_clone() {
    let origin = Repo::new();
    let tmp = TempDir::new().unwrap();
    let server = Server::serve(&origin, tmp.path());
    let agent = server.clone(&tmp.path().join("agent-box"));
    let approver = server.clone(&tmp.path().join("approver-laptop"));
    let r = propose(&origin.key("deploy-bot"), &agent, &intent("prod", "ok"), &["--push"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.stdout.trim().to_owned();
    let waiter = clearance(&agent)
        .args(["wait", &id, "--remote", "origin", "--timeout", "60s", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    thread::sleep(Duration::from_millis(1500));
    let r: Run = as_(&origin, &approver, "olive", &["approve", &id, "--yes", "--push"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pushed = Instant::now();
    let r: Run = waiter.wait_with_output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["state"], "approved", "{v:#}");
    assert!(v["fetches"].as_u64().unwrap() >= 2, "{v:#}");
    // Fetches back off from 1 s: within a few seconds of the push.
    assert!(pushed.elapsed() < Duration::from_secs(10), "{:?}", pushed.elapsed());
}
