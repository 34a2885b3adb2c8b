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

/// What a user sees of a run: exit status, then stdout, then stderr.
impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit: {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
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
        .env_remove("CLEARANCE_ROOT")
        .env("XDG_STATE_HOME", xdg("state"))
        .env("XDG_CONFIG_HOME", xdg("config"))
        .stdin(Stdio::null());
    cmd
}

/// This machine's state and configuration for the tests (pins, remembered entries, local
/// config): one place for the whole run, never the developer's own.
pub fn xdg(what: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("xdg").join(what)
}

pub fn run(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = clearance(dir);
    // `propose -f FILE`: sign as the agent the file names.
    if args.first() == Some(&"propose")
        && let Some(file) = args.iter().position(|a| *a == "-f").and_then(|i| args.get(i + 1))
    {
        let text = std::fs::read(dir.join(file)).unwrap_or_default();
        sign_as_agent(&mut cmd, dir, &text);
    }
    cmd.args(args).output().expect("run clearance").into()
}

/// Where a fixture keeps the private keys of its principals: beside the repo, never in it.
pub fn keys_dir(dir: &Path) -> PathBuf {
    dir.with_file_name(format!("{}-keys", dir.file_name().unwrap().to_string_lossy()))
}

/// Set CLEARANCE_KEY_FILE to the key of the agent an intent names, when the fixture has it.
fn sign_as_agent(cmd: &mut Command, dir: &Path, intent: &[u8]) {
    let text = String::from_utf8_lossy(intent);
    let agent = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("agent:").map(|a| a.trim().to_owned()))
        .or_else(|| text.split("\"agent\": \"").nth(1).and_then(|r| r.split('"').next()).map(str::to_owned))
        .or_else(|| {
            text.split("agent: ").nth(1).and_then(|r| r.split(['}', ',', '\n']).next()).map(|a| a.trim().to_owned())
        });
    if let Some(agent) = agent {
        let key = keys_dir(dir).join(agent);
        if key.exists() {
            cmd.env("CLEARANCE_KEY_FILE", key);
        }
    }
}

pub fn run_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut cmd = clearance(dir);
    if args.contains(&"propose") {
        sign_as_agent(&mut cmd, dir, stdin);
    }
    cmd.args(args);
    feed(cmd, stdin)
}

/// Run `cmd` with `stdin` as its input.
pub fn feed(mut cmd: Command, stdin: &[u8]) -> Run {
    use std::io::Write;
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
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

/// The fixture's principals and the rest of their trust entries.
pub const PRINCIPALS: &[(&str, &str)] = &[
    (
        "cost-optimizer",
        "    role: agent\n    sponsor: dana\n    allow: {actions: [rds.*, ec2.*], environments: [staging, prod]}\n",
    ),
    (
        "deploy-bot",
        "    role: agent\n    sponsor: sam\n    allow: {actions: [k8s.*, file.*, spy.*], environments: [dev, staging, prod]}\n",
    ),
    ("flag-bot", "    role: agent\n    sponsor: sam\n    allow: {actions: [flags.*], environments: [staging, prod]}\n"),
    ("olive", "    role: approver\n    groups: [team-orders, team-platform]\n"),
    ("dana", "    role: approver\n    groups: [team-orders]\n"),
    ("sam", "    role: approver\n    groups: [security, team-payments]\n"),
    ("ivan", "    role: approver\n    groups: [team-orders, security]\n"),
    ("runner", "    role: executor\n"),
];

/// A fresh change repository with a work tree.
pub struct Repo {
    /// Holds the repo (`repo/`) and the principals' keys (`repo-keys/`).
    _tmp: TempDir,
    path: PathBuf,
}

impl Repo {
    /// A change repo whose trust file holds real keys: the template's three agents, four
    /// approvers and an executor. Private keys live in `keys_dir`, one file per principal.
    pub fn new() -> Repo {
        let tmp = TempDir::new().unwrap();
        let path = tmp.path().join("repo");
        let keys = keys_dir(&path);
        let admin = keys.join("admin");
        let r = run(tmp.path(), &["key", "new", "admin", "--file", admin.to_str().unwrap()]);
        assert_eq!(r.code, 0, "key new admin: {}", r.stderr);
        let r = run(tmp.path(), &["init", "repo", "--key-file", admin.to_str().unwrap()]);
        assert_eq!(r.code, 0, "init failed: {}", r.stderr);
        let repo = Repo { _tmp: tmp, path };
        let admin_public = std::fs::read_to_string(format!("{}.pub", admin.display())).unwrap();
        let mut trust = String::from("apiVersion: clearance/v1\nkind: Identities\nidentities:\n");
        trust.push_str(&format!("  - principal: admin\n    key: {}\n    role: admin\n", admin_public.trim()));
        for (principal, entry) in PRINCIPALS {
            let file = keys.join(principal);
            let r = run(repo.path(), &["key", "new", principal, "--file", file.to_str().unwrap()]);
            assert_eq!(r.code, 0, "key new: {}", r.stderr);
            let public = std::fs::read_to_string(format!("{}.pub", file.display())).unwrap();
            trust.push_str(&format!("  - principal: {principal}\n    key: {}\n{entry}", public.trim()));
        }
        std::fs::write(repo.file("trust/identities.yaml"), trust).unwrap();
        repo.commit_rules("trust the fixture's keys");
        repo
    }

    /// Put the work tree's governed files in force, signed by the fixture's admin.
    pub fn commit_rules(&self, message: &str) {
        let r = self.sign_rules(message);
        assert_eq!(r.code, 0, "governance sign: {}", r.stderr);
    }

    /// `governance sign --yes` by the fixture's admin, whatever the outcome.
    pub fn sign_rules(&self, message: &str) -> Run {
        let admin = self.key("admin");
        self.run(&["governance", "sign", "--yes", "-m", message, "--key-file", admin.to_str().unwrap()])
    }

    /// The private key file of a fixture principal.
    pub fn key(&self, principal: &str) -> PathBuf {
        keys_dir(self.path()).join(principal)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.path(), args)
    }

    pub fn propose(&self, intent: &str) -> String {
        self.propose_at(intent, "2026-05-14T09:30:00Z")
    }

    /// Propose with the clock pinned to `now` (RFC 3339).
    pub fn propose_at(&self, intent: &str, now: &str) -> String {
        let mut cmd = clearance(self.path());
        sign_as_agent(&mut cmd, self.path(), intent.as_bytes());
        cmd.args(["propose", "-f", "-"]).env("CLEARANCE_NOW", now);
        let r = feed(cmd, intent.as_bytes());
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
