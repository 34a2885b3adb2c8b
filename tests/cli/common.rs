//! Fixtures: change repositories built in temp dirs, and a runner for the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_clearance");

/// A valid intent against the template graph.
pub const INTENT: &str = "\
apiVersion: clearance/v1
kind: Intent
metadata:
  agent: cost-optimizer
  run: run-2026-05-14-0019
  labels: {ticket: CHG-4471}
spec:
  action: rds.delete-instance
  environment: prod
  targets: [orders-db-old]
  params: {instance: orders-db-old, final_snapshot: true}
  reason: Migrated to orders-db-small, see CHG-4471
  risk: {write: true, bulk: false, reversible: false}
  limits: {timeout: 10m, budget_usd: 0.35}
  rollback: {action: rds.restore-snapshot, params: {snapshot: orders-db-old-final}}
  verify: {action: rds.check-health}
";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// A `clearance` command with a clean, deterministic environment.
pub fn clearance(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_remove("CLEARANCE_REPO")
        .env_remove("CLEARANCE_FORMAT")
        .env("NO_COLOR", "1")
        .env("CLEARANCE_NOW", "2026-05-14T09:30:00Z")
        .stdin(Stdio::null());
    cmd
}

pub fn run(dir: &Path, args: &[&str]) -> Run {
    clearance(dir).args(args).output().expect("run clearance").into()
}

pub fn run_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    use std::io::Write;
    let mut child =
        clearance(dir).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    // The child may stop reading early (size limit); a broken pipe here is expected.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().unwrap().into()
}

pub fn git(dir: &Path, args: &[&str]) -> String {
    let out =
        Command::new("git").current_dir(dir).args(args).env("GIT_CONFIG_NOSYSTEM", "1").output().expect("run git");
    assert!(out.status.success(), "git {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A fresh change repository with a work tree.
pub struct Repo {
    pub tmp: TempDir,
}

impl Repo {
    pub fn new() -> Repo {
        let tmp = TempDir::new().unwrap();
        let r = run(tmp.path(), &["init", "."]);
        assert_eq!(r.code, 0, "init failed: {}", r.stderr);
        Repo { tmp }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.path(), args)
    }

    pub fn propose(&self, intent: &str) -> String {
        self.propose_at(intent, "2026-05-14T09:30:00Z")
    }

    /// Propose with the clock pinned to `now` (RFC 3339).
    pub fn propose_at(&self, intent: &str, now: &str) -> String {
        use std::io::Write;
        let mut child = clearance(self.path())
            .args(["propose", "-f", "-"])
            .env("CLEARANCE_NOW", now)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(intent.as_bytes()).unwrap();
        let r: Run = child.wait_with_output().unwrap().into();
        // 3 is a denied proposal: committed all the same.
        assert!(r.code == 0 || r.code == 3, "propose failed: {}", r.stderr);
        r.stdout.trim().to_owned()
    }

    pub fn head(&self) -> String {
        git(self.path(), &["rev-parse", "HEAD"]).trim().to_owned()
    }

    pub fn status(&self) -> String {
        git(self.path(), &["status", "--porcelain", "--untracked-files=all"])
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }
}
