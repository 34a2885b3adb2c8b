//! Invariant 11: history cannot be quietly rewound. Each attack is what someone with push
//! access can do with plain git: cut evidence, reset and gc, delete a proposal, force-push
//! a rewrite. A clone that saw the earlier state refuses (exit 5, naming what vanished),
//! so does `verify --checkpoint` with a checkpoint signed before, and an executor never
//! runs one idempotency key twice.

use std::fs;
use std::path::Path;

use crate::common::{Repo, Run, clearance, git};
use crate::execute::{Spy, apply, intent};

fn applied(repo: &Repo, spy: &Spy) -> String {
    let id = repo.propose(&intent("staging", "ok"));
    let r = apply(repo, &id, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply ")).count(), 1);
    id
}

fn evidence(id: &str) -> String {
    format!("proposals/{}/{id}/evidence.jsonl", &id[..2])
}

fn commit_as_agent(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["-c", "user.name=deploy-bot", "-c", "user.email=deploy-bot@agents", "commit", "-qm", message]);
}

/// Keep the first `n` lines of `path`.
fn cut(dir: &Path, path: &str, n: usize) {
    let text = fs::read_to_string(dir.join(path)).unwrap();
    let kept: String = text.lines().take(n).map(|l| format!("{l}\n")).collect();
    fs::write(dir.join(path), kept).unwrap();
}

fn checkpoint(repo: &Repo, who: &str) -> Run {
    repo.run(&["checkpoint", "--format", "json", "--key-file", repo.key(who).to_str().unwrap()])
}

#[test]
fn cut_evidence_committed_on_top_is_refused_and_the_change_never_runs_twice() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = applied(&repo, &spy);
    let r = checkpoint(&repo, "runner");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let handed = repo.path().with_file_name("before-the-cut.json");
    fs::write(&handed, &r.stdout).unwrap();
    // proposed, auto-approved, apply-started, apply-finished: keep the first two.
    cut(repo.path(), &evidence(&id), 2);
    commit_as_agent(repo.path(), "tidy evidence");
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", &id, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["state"], "approved", "the cut chain alone looks cleared");
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("took recorded history away"), "{}", r.stderr);
    assert!(r.stderr.contains("lost 2 entries (apply-started, apply-finished)"), "{}", r.stderr);
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains("history only appends"), "{}", r.stdout);
    // A fresh clone on another machine, with only the checkpoint signed before the cut.
    let clone = repo.path().with_file_name("ci");
    git(repo.path().parent().unwrap(), &["clone", "-q", repo.path().to_str().unwrap(), clone.to_str().unwrap()]);
    let machine = tempfile::TempDir::new().unwrap();
    let r: Run = clearance(&clone)
        .env("XDG_STATE_HOME", machine.path())
        .args(["verify", "--checkpoint", handed.to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("lost 2 entries (apply-started, apply-finished)"), "{}", r.stdout);
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply ")).count(), 1);
}

#[test]
fn a_reset_and_gc_behind_a_rejection_is_refused_by_the_clone_that_saw_it() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    let before = repo.head();
    let r = repo.run(&["reject", &id, "--yes", "--key-file", repo.key("olive").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The veto vanishes from the branch and from the object store.
    git(repo.path(), &["reset", "-q", "--hard", &before]);
    git(repo.path(), &["reflog", "expire", "--expire=now", "--all"]);
    git(repo.path(), &["gc", "-q", "--prune=now"]);
    for who in ["olive", "ivan"] {
        let r = repo.run(&["approve", &id, "--yes", "--anyway", "--key-file", repo.key(who).to_str().unwrap()]);
        assert_eq!(r.code, 5, "approve by {who}: {}", r.stderr);
        assert!(r.stderr.contains("lacks commit"), "{}", r.stderr);
    }
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("which this clone saw on it"), "{}", r.stderr);
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(spy.calls().is_empty());
}

#[test]
fn a_deleted_proposal_fails_verify_and_a_checkpoint_handed_over_names_the_rewind() {
    let repo = Repo::new();
    let rejected = repo.propose(&intent("prod", "ok"));
    let r = repo.run(&["reject", &rejected, "--yes", "--key-file", repo.key("olive").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Only an executor or an admin signs checkpoints.
    let r = checkpoint(&repo, "deploy-bot");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("may not sign checkpoints"), "{}", r.stderr);
    let r = checkpoint(&repo, "runner");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let signed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(signed["checkpoint"]["signer"], "runner");
    assert_eq!(signed["checkpoint"]["evidence"], 2, "proposed and rejected");
    let handed = repo.path().with_file_name("checkpoint.json");
    fs::write(&handed, &r.stdout).unwrap();
    // Stock ssh-keygen checks the signature with the allowed-signers file.
    let message = serde_json::to_vec(&signed["checkpoint"]).unwrap();
    let sig = repo.path().with_file_name("checkpoint.sig");
    fs::write(&sig, signed["signature"].as_str().unwrap()).unwrap();
    let signers = repo.path().with_file_name("allowed_signers");
    fs::write(&signers, repo.run(&["trust", "allowed-signers"]).stdout).unwrap();
    let out = std::process::Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f", signers.to_str().unwrap(), "-I", "runner", "-n", "clearance-checkpoint", "-s"])
        .arg(&sig)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write as _;
            c.stdin.take().unwrap().write_all(&message)?;
            c.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success(), "ssh-keygen -Y verify: {}", String::from_utf8_lossy(&out.stderr));

    // Deleted on top: the clone's own verify catches it.
    git(repo.path(), &["rm", "-q", "-r", &format!("proposals/{}/{rejected}", &rejected[..2])]);
    commit_as_agent(repo.path(), "remove an old proposal");
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains(&format!("{rejected}/evidence.jsonl deleted")), "{}", r.stdout);

    // Rewound instead, in a fresh clone on another machine: only the checkpoint knows.
    let clone = repo.path().with_file_name("auditor");
    git(repo.path().parent().unwrap(), &["clone", "-q", repo.path().to_str().unwrap(), clone.to_str().unwrap()]);
    let first = git(&clone, &["rev-list", "--max-parents=0", "HEAD"]);
    let before_rejected = git(&clone, &["log", "--format=%H", "-1", "--grep", "^propose:"]);
    git(&clone, &["reset", "-q", "--hard", &format!("{}~1", before_rejected.trim())]);
    assert!(!first.is_empty());
    let machine = tempfile::TempDir::new().unwrap();
    let auditor = |args: &[&str]| -> Run {
        clearance(&clone).env("XDG_STATE_HOME", machine.path()).args(args).output().unwrap().into()
    };
    let r = auditor(&["verify"]);
    assert_eq!(r.code, 0, "a clone that never saw more cannot know: {}{}", r.stdout, r.stderr);
    let r = auditor(&["verify", "--checkpoint", handed.to_str().unwrap()]);
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("does not extend the checkpoint signed by runner"), "{}", r.stdout);
    // A checkpoint whose count was edited is not trusted.
    let forged = fs::read_to_string(&handed).unwrap().replace("\"evidence\": 2", "\"evidence\": 0");
    fs::write(&handed, forged).unwrap();
    let r = auditor(&["verify", "--checkpoint", handed.to_str().unwrap()]);
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("checkpoint not trusted: signature does not match"), "{}", r.stdout);
}

#[test]
fn an_executor_never_starts_one_key_twice_even_on_a_reset_repository() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "ok"));
    let before = repo.head();
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The branch is reset to before the run, and a new clone on the same machine (no
    // marks of its own) sees the change cleared and never started.
    git(repo.path(), &["reset", "-q", "--hard", &before]);
    let clone = repo.path().with_file_name("again");
    git(repo.path().parent().unwrap(), &["clone", "-q", repo.path().to_str().unwrap(), clone.to_str().unwrap()]);
    let r: Run = clearance(&clone)
        .env("SPY_TOKEN_SOURCE", "x")
        .args(["apply", &id, "--key-file", repo.key("runner").to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("this executor already started"), "{}", r.stderr);
    let r: Run = clearance(&clone)
        .env("SPY_TOKEN_SOURCE", "x")
        .args(["apply", &id, "--resume", "--key-file", repo.key("runner").to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_ne!(r.code, 0, "{}", r.stderr);
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply ")).count(), 1, "{:?}", spy.calls());
}

#[test]
fn killed_between_the_ledger_and_apply_started_resume_runs_it_exactly_once() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let runs = || spy.calls().iter().filter(|c| c.starts_with("apply ")).count();
    for point in ["ledger-intent", "apply-started"] {
        let id = repo.propose(&intent("staging", "ok"));
        let before = runs();
        let r: Run = clearance(repo.path())
            .env("CLEARANCE_CRASH_AT", point)
            .env("SPY_TOKEN_SOURCE", "x")
            .args(["apply", &id, "--key-file", repo.key("runner").to_str().unwrap()])
            .output()
            .unwrap()
            .into();
        assert_eq!(r.code, -1, "{point}: killed, no exit code: {}", r.stderr);
        assert_eq!(runs(), before, "{point}: the provider ran before the kill");
        let r = apply(&repo, &id, &["--resume"]);
        assert_eq!(r.code, 0, "{point}: {}", r.stderr);
        let r = apply(&repo, &id, &["--resume"]);
        assert_eq!(r.code, 1, "{point}: {}", r.stderr);
        assert!(r.stderr.contains("already applied"), "{}", r.stderr);
        assert_eq!(runs(), before + 1, "{point}: exactly once: {:?}", spy.calls());
        let r = repo.run(&["verify"]);
        assert_eq!(r.code, 0, "{point}: {}{}", r.stdout, r.stderr);
    }
}

#[test]
fn apply_with_checkpoint_auto_signs_one_and_the_exported_bundle_proves_it_offline() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let config = fs::read_to_string(repo.file("clearance.yaml")).unwrap();
    fs::write(repo.file("clearance.yaml"), format!("{config}checkpoint: auto\n")).unwrap();
    repo.commit_rules("a checkpoint after every apply");
    let id = applied(&repo, &spy);
    let listed = git(repo.path(), &["ls-tree", "--name-only", "HEAD", "checkpoints/"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    let status: serde_json::Value =
        serde_json::from_str(&repo.run(&["governance", "status", "--format", "json"]).stdout).unwrap();
    let root = status["root"].as_str().unwrap().to_owned();
    let bundle = repo.path().with_file_name("bundle.json");
    let r = repo.run(&["evidence", "export", &id, "-o", bundle.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let exported: serde_json::Value = serde_json::from_str(&fs::read_to_string(&bundle).unwrap()).unwrap();
    let lines = exported["files"]["evidence"].as_str().unwrap().lines().count();
    let nowhere = tempfile::TempDir::new().unwrap();
    let verify = || -> Run {
        clearance(nowhere.path())
            .env("XDG_STATE_HOME", nowhere.path())
            .args(["verify", "--bundle", bundle.to_str().unwrap(), "--root", &root, "--format", "json"])
            .output()
            .unwrap()
            .into()
    };
    let r = verify();
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["covered"]["signer"], "runner");
    assert_eq!(report["covered"]["entries"], lines, "the checkpoint holds every entry up to apply-finished");
    // A bundle whose evidence was cut no longer matches what the checkpoint holds.
    let mut cut = exported.clone();
    let evidence = exported["files"]["evidence"].as_str().unwrap();
    cut["files"]["evidence"] = evidence.lines().take(2).map(|l| format!("{l}\n")).collect::<String>().into();
    fs::write(&bundle, serde_json::to_vec(&cut).unwrap()).unwrap();
    let r = verify();
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains("the bundle's checkpoint: the checkpointed evidence is not the first"), "{}", r.stdout);
}

/// `git` with bytes on stdin, returning stdout.
fn git_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut child = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "git {args:?}");
    out.stdout
}

fn raw_tree(dir: &Path, id: &str) -> Vec<u8> {
    std::process::Command::new("git").current_dir(dir).args(["cat-file", "tree", id]).output().unwrap().stdout
}

/// A raw tree with the entry `name` pointing at `id` instead (appended again, when `twice`).
fn with_entry(raw: &[u8], name: &str, id: &str, twice: bool) -> Vec<u8> {
    let bin: Vec<u8> = (0..20).map(|i| u8::from_str_radix(&id[2 * i..2 * i + 2], 16).unwrap()).collect();
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(nul) = rest.iter().position(|b| *b == 0) {
        let head = &rest[..nul];
        let space = head.iter().position(|b| *b == b' ').unwrap();
        let entry_name = &head[space + 1..];
        out.extend_from_slice(&rest[..=nul]);
        if entry_name == name.as_bytes() && !twice {
            out.extend_from_slice(&bin);
        } else {
            out.extend_from_slice(&rest[nul + 1..nul + 21]);
        }
        if entry_name == name.as_bytes() && twice {
            out.extend_from_slice(&head[..=space]);
            out.extend_from_slice(name.as_bytes());
            out.push(0);
            out.extend_from_slice(&bin);
        }
        rest = &rest[nul + 21..];
    }
    out
}

fn write_tree(dir: &Path, raw: &[u8]) -> String {
    let id = git_stdin(dir, &["hash-object", "-t", "tree", "--literally", "-w", "--stdin"], raw);
    String::from_utf8(id).unwrap().trim().to_owned()
}

/// A second executor, on another machine, with the same role and key.
fn elsewhere(repo: &Repo, name: &str) -> (std::path::PathBuf, tempfile::TempDir) {
    let clone = repo.path().with_file_name(name);
    git(repo.path().parent().unwrap(), &["clone", "-q", repo.path().to_str().unwrap(), clone.to_str().unwrap()]);
    (clone, tempfile::TempDir::new().unwrap())
}

fn apply_in(repo: &Repo, dir: &Path, machine: &Path, id: &str) -> Run {
    clearance(dir)
        .env("XDG_STATE_HOME", machine)
        .env("SPY_TOKEN_SOURCE", "x")
        .args(["apply", id, "--key-file", repo.key("runner").to_str().unwrap()])
        .output()
        .unwrap()
        .into()
}

#[test]
fn a_merge_or_a_tree_listing_a_name_twice_cannot_hide_cut_evidence() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "ok"));
    let before = repo.head();
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let applied = repo.head();
    let dir = repo.path();
    // A merge whose first parent is an orphan holding the tree from before the run.
    let old_tree = git(dir, &["rev-parse", &format!("{before}^{{tree}}")]);
    let orphan = git(dir, &["commit-tree", old_tree.trim(), "-m", "x"]);
    let merge =
        git(dir, &["commit-tree", old_tree.trim(), "-p", orphan.trim(), "-p", &applied, "-m", "Merge branch 'main'"]);
    git(dir, &["update-ref", "refs/heads/main", merge.trim()]);
    let (clone, machine) = elsewhere(&repo, "merged");
    let r = apply_in(&repo, &clone, machine.path(), &id);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("lost 2 entries (apply-started, apply-finished)"), "{}", r.stderr);

    // A tree that lists evidence.jsonl twice: the full file, then the cut one.
    git(dir, &["update-ref", "refs/heads/main", &applied]);
    git(dir, &["reset", "-q", "--hard", &applied]);
    let path = evidence(&id);
    let parts: Vec<&str> = path.split('/').collect();
    let cut_blob = {
        let text = fs::read_to_string(dir.join(&path)).unwrap();
        let kept: String = text.lines().take(2).map(|l| format!("{l}\n")).collect();
        String::from_utf8(git_stdin(dir, &["hash-object", "-w", "--stdin"], kept.as_bytes())).unwrap().trim().to_owned()
    };
    // Rebuild the trees bottom-up: the proposal's directory lists the name twice.
    let mut ids = vec![git(dir, &["rev-parse", "HEAD^{tree}"]).trim().to_owned()];
    for n in 1..parts.len() {
        ids.push(git(dir, &["rev-parse", &format!("HEAD:{}", parts[..n].join("/"))]).trim().to_owned());
    }
    let mut child = write_tree(dir, &with_entry(&raw_tree(dir, &ids[3]), "evidence.jsonl", &cut_blob, true));
    for level in (0..3).rev() {
        child = write_tree(dir, &with_entry(&raw_tree(dir, &ids[level]), parts[level], &child, false));
    }
    let forged = git(dir, &["commit-tree", &child, "-p", &applied, "-m", "tidy"]);
    git(dir, &["update-ref", "refs/heads/main", forged.trim()]);
    let (clone, machine) = elsewhere(&repo, "doubled");
    let r = apply_in(&repo, &clone, machine.path(), &id);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("lists a name twice"), "{}", r.stderr);
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply ")).count(), 1, "{:?}", spy.calls());
}

#[test]
fn what_was_taken_and_put_back_blocks_nothing_and_re_approving_verifies() {
    let repo = Repo::new();
    let id = repo.propose(&intent("prod", "ok"));
    // An approver signs, the plan changes, they sign again: their file is replaced.
    crate::execute::approve(&repo, &id, "olive");
    let r = repo.run(&["reject", &id, "--yes", "--key-file", repo.key("olive").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 0, "turning an approval into a veto: {}{}", r.stdout, r.stderr);
    // An agent cuts the evidence; an admin puts it back: nothing is lost at the head.
    let path = evidence(&id);
    let full = fs::read_to_string(repo.file(&path)).unwrap();
    cut(repo.path(), &path, 1);
    commit_as_agent(repo.path(), "cut");
    assert_eq!(repo.run(&["verify"]).code, 5);
    fs::write(repo.file(&path), full).unwrap();
    commit_as_agent(repo.path(), "put back");
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // A checkpoint signed on another branch says nothing about this one.
    git(repo.path(), &["checkout", "-q", "-b", "other"]);
    git(repo.path(), &["-c", "user.name=x", "-c", "user.email=x@x", "commit", "-q", "--allow-empty", "-m", "side"]);
    git(repo.path(), &["checkout", "-q", "main"]);
    let r: Run = clearance(repo.path())
        .env("CLEARANCE_BRANCH", "other")
        .args(["checkpoint", "--key-file", repo.key("runner").to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}
