//! Invariant 8: concurrent writers lose nothing.

use std::collections::HashSet;
use std::thread;

use crate::common::{INTENT, Repo, git, run_stdin};

#[test]
fn sixteen_processes_proposing_at_once_lose_nothing() {
    let repo = Repo::new();
    let path = repo.path().to_path_buf();
    let workers: Vec<_> = (0..16)
        .map(|w| {
            let path = path.clone();
            thread::spawn(move || {
                (0..25)
                    .map(|i| {
                        let intent = INTENT.replace("CHG-4471}", &format!("CHG-{w}-{i}}}"));
                        let r = run_stdin(&path, &["propose", "-f", "-", "-q"], intent.as_bytes());
                        // Past the rate limit proposals are denied (exit 3) but still recorded.
                        assert!(r.code == 0 || r.code == 3, "worker {w} proposal {i}: {}", r.stderr);
                        r.stdout.trim().to_owned()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: Vec<String> = workers.into_iter().flat_map(|h| h.join().unwrap()).collect();
    assert_eq!(ids.len(), 400);
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), 400, "ids must be distinct");

    // Every id is on the branch, once, with its own intent.
    let listed = repo.run(&["list", "--format", "json"]);
    let listed: Vec<serde_json::Value> = serde_json::from_str(&listed.stdout).unwrap();
    let listed: HashSet<&str> = listed.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(listed.len(), 400);
    assert!(ids.iter().all(|id| listed.contains(id.as_str())));
    // The policy saw each proposal's predecessors: with the clock pinned, exactly the first
    // 20 (the hourly rate limit) got through and the other 380 were denied.
    let denied = repo.run(&["list", "--state", "denied", "--format", "json"]);
    assert_eq!(serde_json::from_str::<Vec<serde_json::Value>>(&denied.stdout).unwrap().len(), 380);
    // 400 proposal commits on top of init and the fixture's trust commit, in one line of history.
    assert_eq!(git(repo.path(), &["rev-list", "--count", "HEAD"]).trim(), "402");
    git(repo.path(), &["fsck", "--strict"]);
    assert_eq!(repo.status(), "", "git status must stay clean");
}

#[test]
fn a_plain_git_commit_between_proposals_is_respected() {
    let repo = Repo::new();
    let first = repo.propose(INTENT);
    std::fs::write(repo.file("graph/notes.md"), "hand-written\n").unwrap();
    git(repo.path(), &["add", "graph/notes.md"]);
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "notes by hand"]);
    let second = repo.propose(INTENT);
    let tree = git(repo.path(), &["ls-tree", "-r", "--name-only", "HEAD"]);
    assert!(tree.contains("graph/notes.md"));
    assert!(tree.contains(&format!("proposals/{}/{first}/intent.yaml", &first[..2])));
    assert!(tree.contains(&format!("proposals/{}/{second}/intent.yaml", &second[..2])));
    assert_eq!(repo.status(), "");
}

#[test]
fn concurrent_trust_edits_lose_nothing() {
    let repo = Repo::new();
    let keys = repo.path().with_file_name("extra-keys");
    let names: Vec<String> = (0..6).map(|i| format!("approver-{i}")).collect();
    for name in &names {
        let file = keys.join(name);
        assert_eq!(repo.run(&["key", "new", name, "--file", file.to_str().unwrap()]).code, 0);
    }
    let workers: Vec<_> = names
        .iter()
        .map(|name| {
            let (path, name, public) = (repo.path().to_path_buf(), name.clone(), keys.join(format!("{name}.pub")));
            let admin = repo.key("admin");
            thread::spawn(move || {
                crate::common::run(
                    &path,
                    &[
                        "trust",
                        "add",
                        &name,
                        "--role",
                        "approver",
                        "--key",
                        public.to_str().unwrap(),
                        "--signer-file",
                        admin.to_str().unwrap(),
                    ],
                )
            })
        })
        .collect();
    for w in workers {
        let r = w.join().unwrap();
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let listed = repo.run(&["trust", "list"]).stdout;
    for name in &names {
        assert!(listed.contains(name.as_str()), "{name} was lost:\n{listed}");
    }
}

/// Holds `.git/clearance.lock` as another clearance process would.
fn hold_writer_lock(repo: &Repo) -> std::fs::File {
    let path = repo.path().join(".git/clearance.lock");
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(path).unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_held_lock_is_waited_for_out_loud_then_given_up_with_nothing_written() {
    let repo = Repo::new();
    let before = repo.head();
    let held = hold_writer_lock(&repo);
    let r = run_stdin(repo.path(), &["propose", "-f", "-", "--lock-timeout", "2"], INTENT.as_bytes());
    drop(held);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("waiting for") && r.stderr.contains("clearance.lock"), "{}", r.stderr);
    assert!(r.stderr.contains("gave up") && r.stderr.contains("--lock-timeout"), "{}", r.stderr);
    assert_eq!(repo.head(), before, "nothing may be committed after giving up");
    assert_eq!(repo.status(), "");
}

#[test]
fn a_writer_waiting_for_the_lock_goes_on_once_it_is_released() {
    let repo = Repo::new();
    let held = hold_writer_lock(&repo);
    let release = thread::spawn(move || {
        thread::sleep(std::time::Duration::from_millis(1500));
        drop(held);
    });
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.as_bytes());
    release.join().unwrap();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("waiting for"), "the wait must be told: {}", r.stderr);
    let listed = repo.run(&["list", "--format", "json"]);
    assert_eq!(serde_json::from_str::<Vec<serde_json::Value>>(&listed.stdout).unwrap().len(), 1);
}

#[test]
fn a_stale_index_lock_does_not_hide_a_proposal_that_landed() {
    let repo = Repo::new();
    let before = repo.head();
    std::fs::write(repo.path().join(".git/index.lock"), "").unwrap();
    let r = run_stdin(repo.path(), &["propose", "-f", "-", "-q"], INTENT.as_bytes());
    assert_eq!(r.code, 0, "the commit landed, so the write succeeded: {}", r.stderr);
    let id = r.stdout.trim();
    assert!(!id.is_empty() && !id.contains(char::is_whitespace), "the id is printed: {:?}", r.stdout);
    assert_ne!(repo.head(), before);
    assert!(r.stderr.contains("index.lock") && r.stderr.contains("git checkout HEAD --"), "{}", r.stderr);
    // The advice given brings the checkout up to date.
    std::fs::remove_file(repo.path().join(".git/index.lock")).unwrap();
    let advice = r.stderr.lines().find(|l| l.contains("git checkout HEAD --")).unwrap();
    let paths: Vec<&str> = advice.split("git checkout HEAD -- ").nth(1).unwrap().split_whitespace().collect();
    assert!(paths.iter().all(|p| p.starts_with("proposals/")), "{advice}");
    let mut args = vec!["checkout", "HEAD", "--"];
    args.extend(paths);
    git(repo.path(), &args);
    assert_eq!(repo.status(), "");
    let shown = repo.run(&["show", id]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert_eq!(repo.run(&["verify"]).code, 0);
}

#[test]
fn a_stale_branch_lock_is_named_with_what_to_do() {
    let repo = Repo::new();
    let before = repo.head();
    let branch = git(repo.path(), &["symbolic-ref", "HEAD"]);
    let lock = repo.path().join(".git").join(format!("{}.lock", branch.trim()));
    std::fs::write(&lock, "").unwrap();
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{}.lock", branch.trim())) && r.stderr.contains("rm "), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was written"), "{}", r.stderr);
    std::fs::remove_file(&lock).unwrap();
    assert_eq!(repo.head(), before);
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.as_bytes());
    assert_eq!(r.code, 0, "once removed, writes go on: {}", r.stderr);
}

/// `git count-objects -v` as numbers: (loose objects, packs).
fn object_counts(repo: &Repo) -> (u64, u64) {
    let text = git(repo.path(), &["count-objects", "-v"]);
    let field =
        |name: &str| text.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().parse().unwrap()).unwrap();
    (field("count:"), field("packs:"))
}

#[test]
fn writes_leave_no_dangling_empty_tree_and_loose_objects_get_packed() {
    let repo = Repo::new();
    let empty_tree = repo.path().join(".git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904");
    // A low `gc.auto` so a few dozen writes cross it (the default is 6700, as git's).
    git(repo.path(), &["config", "gc.auto", "1"]);
    for i in 0..40 {
        let intent = INTENT.replace("CHG-4471}", &format!("CHG-{i}}}"));
        let r = run_stdin(repo.path(), &["propose", "-f", "-", "-q"], intent.as_bytes());
        assert!(r.code == 0 || r.code == 3, "{}", r.stderr);
        assert!(!empty_tree.exists(), "proposal {i} wrote a dangling empty tree");
    }
    let (loose, packs) = object_counts(&repo);
    assert!(packs >= 1, "40 writes past gc.auto and nothing was packed");
    assert!(loose < 100, "{loose} loose objects left after packing");
    git(repo.path(), &["fsck", "--strict"]);
    assert_eq!(repo.run(&["list", "--format", "json"]).code, 0);
    let verified = repo.run(&["verify"]);
    assert_eq!(verified.code, 0, "{verified}");
    assert_eq!(repo.status(), "");

    // `gc.auto 0` turns it off, as it does for git.
    let repo = Repo::new();
    git(repo.path(), &["config", "gc.auto", "0"]);
    for i in 0..10 {
        let intent = INTENT.replace("CHG-4471}", &format!("CHG-{i}}}"));
        run_stdin(repo.path(), &["propose", "-f", "-", "-q"], intent.as_bytes());
    }
    assert_eq!(object_counts(&repo).1, 0, "gc.auto 0 must leave packing to the user");
}
