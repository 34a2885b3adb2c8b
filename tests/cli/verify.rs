//! Invariant 7: any edit to evidence, approvals or intents after the fact is caught by
//! `verify`, each with its own message; a bundle verifies with no repository.

use std::fs;

use crate::common::{INTENT, Repo, git};

/// A proposal approved by olive and sam, on a repo with a clean `verify`.
fn approved(repo: &Repo) -> String {
    // Each its own agent run: the same run and bytes again would be a retry of the first.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let id = repo.propose(&INTENT.replace("run-2026-05-14-0019", &format!("run-{run}")));
    for who in ["olive", "sam"] {
        let r = repo.run(&["approve", &id, "--key-file", repo.key(who).to_str().unwrap(), "--yes"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    id
}

fn evidence_path(id: &str) -> String {
    format!("proposals/{}/{id}/evidence.jsonl", &id[..2])
}

fn edit(repo: &Repo, path: &str, change: impl FnOnce(String) -> String) {
    let full = repo.path().join(path);
    let text = fs::read_to_string(&full).unwrap();
    fs::write(&full, change(text)).unwrap();
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "tamper"]);
}

fn verify_fails(repo: &Repo, needle: &str) {
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains(needle), "expected `{needle}` in\n{}", r.stdout);
}

#[test]
fn an_intent_edited_after_approval() {
    let repo = Repo::new();
    let id = approved(&repo);
    edit(&repo, &format!("proposals/{}/{id}/intent.yaml", &id[..2]), |t| {
        t.replace("final_snapshot: true", "final_snapshot: false")
    });
    verify_fails(&repo, "intent.yaml was edited after it was proposed");
}

#[test]
fn an_approval_copied_to_another_proposal() {
    let repo = Repo::new();
    let id = approved(&repo);
    let other = repo.propose(&INTENT.replace("run-2026-05-14-0019", "run-2"));
    let dir = repo.path().join(format!("proposals/{}/{id}/approvals", &id[..2]));
    let file = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    let target = repo.path().join(format!("proposals/{}/{other}/approvals", &other[..2]));
    fs::create_dir_all(&target).unwrap();
    fs::copy(&file, target.join(file.file_name().unwrap())).unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "copy"]);
    verify_fails(&repo, "made for another proposal");
}

#[test]
fn evidence_lines_edited_deleted_reordered_or_appended() {
    type Tamper = Box<dyn Fn(String) -> String>;
    let cases: Vec<(&str, Tamper, &str)> = vec![
        (
            "edited",
            Box::new(|t: String| t.replacen("\"approver\":\"olive\"", "\"approver\":\"oliver\"", 1)),
            "signature by `olive`",
        ),
        (
            "deleted",
            Box::new(|t: String| {
                let l: Vec<&str> = t.lines().collect();
                format!("{}\n{}\n", l[0], l[2])
            }),
            "sequence broken",
        ),
        (
            "reordered",
            Box::new(|t: String| {
                let l: Vec<&str> = t.lines().collect();
                format!("{}\n{}\n{}\n", l[0], l[2], l[1])
            }),
            "hash chain broken",
        ),
        (
            "appended",
            Box::new(|t: String| {
                let last = t.lines().last().unwrap().replace("\"seq\":3", "\"seq\":4");
                format!("{t}{last}\n")
            }),
            "hash chain broken",
        ),
    ];
    for (what, change, needle) in cases {
        let repo = Repo::new();
        let id = approved(&repo);
        edit(&repo, &evidence_path(&id), change);
        let r = repo.run(&["verify"]);
        assert_eq!(r.code, 5, "{what}: {}", r.stdout);
        assert!(r.stdout.contains(needle), "{what}: expected `{needle}` in\n{}", r.stdout);
    }
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let repo = Repo::new();
    let id = approved(&repo);
    let second = approved(&repo);
    edit(&repo, &evidence_path(&id), |t| t.replacen("\"approver\":\"olive\"", "\"approver\":\"oliver\"", 1));
    edit(&repo, &format!("proposals/{}/{second}/intent.yaml", &second[..2]), |t| t.replace("CHG-4471", "CHG-9999"));
    let r = repo.run(&["verify", "--format", "json"]);
    assert_eq!(r.code, 5);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: std::collections::BTreeSet<&str> =
        report["problems"].as_array().unwrap().iter().map(|p| p["proposal"].as_str().unwrap()).collect();
    assert!(ids.contains(id.as_str()) && ids.contains(second.as_str()), "{report:#}");
}

#[test]
fn a_bundle_verifies_offline_and_catches_tampering() {
    let repo = Repo::new();
    let id = approved(&repo);
    let elsewhere = tempfile::TempDir::new().unwrap();
    let bundle = elsewhere.path().join("b.json");
    let r = repo.run(&["evidence", "export", &id, "-o", bundle.to_str().unwrap(), "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let wrote: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(wrote["bytes"].as_u64(), Some(fs::metadata(&bundle).unwrap().len()));
    // No repository in sight.
    let offline = crate::common::run(elsewhere.path(), &["verify", "--bundle", bundle.to_str().unwrap()]);
    assert_eq!(offline.code, 0, "{}{}", offline.stdout, offline.stderr);
    let text = fs::read_to_string(&bundle).unwrap().replacen("not-after: 2026", "not-after: 2027", 1);
    fs::write(&bundle, text).unwrap();
    let offline = crate::common::run(elsewhere.path(), &["verify", "--bundle", bundle.to_str().unwrap()]);
    assert_eq!(offline.code, 5);
    assert!(offline.stdout.contains("bad signature"), "{}", offline.stdout);
}

#[test]
fn an_apply_finished_signed_by_a_non_executor() {
    let repo = Repo::new();
    let id = approved(&repo);
    // olive (an approver) forges an `apply-finished` line, properly chained and signed with
    // stock ssh-keygen: the chain holds, the signature verifies, the role does not.
    let path = repo.path().join(evidence_path(&id));
    let log = fs::read_to_string(&path).unwrap();
    let last = log.lines().last().unwrap();
    let prev = format!("sha256:{}", sha256_hex(last.as_bytes()));
    let seq = log.lines().count() + 1;
    let line = format!(
        r#"{{"seq":{seq},"prev":"{prev}","kind":"apply-finished","at":"2026-05-14T09:31:00Z","actor":"olive","payload":{{"status":"ok"}}}}"#
    );
    let msg = repo.path().with_file_name("forged.txt");
    fs::write(&msg, &line).unwrap();
    let out = std::process::Command::new("ssh-keygen")
        .args([
            "-Y",
            "sign",
            "-q",
            "-f",
            repo.key("olive").to_str().unwrap(),
            "-n",
            "clearance-evidence",
            msg.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sig = fs::read_to_string(format!("{}.sig", msg.display())).unwrap();
    let signed = format!("{},\"sig\":{}}}", &line[..line.len() - 1], serde_json::to_string(&sig).unwrap());
    fs::write(&path, format!("{log}{signed}\n")).unwrap();
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "forge"]);
    verify_fails(&repo, "`apply-finished` signed by `olive`, whose role is approver");
}

#[test]
fn a_signature_made_after_revocation() {
    let repo = Repo::new();
    let id = approved(&repo);
    assert_eq!(
        repo.run(&[
            "trust",
            "revoke",
            "sam",
            "--at",
            "2026-05-14T09:00:00Z",
            "--signer-file",
            repo.key("admin").to_str().unwrap()
        ])
        .code,
        0
    );
    verify_fails(&repo, "after the key was revoked");
    let _ = id;
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn malformed_names_and_digests_are_problems_never_a_panic() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let key = repo.key("olive");
    assert_eq!(repo.run(&["approve", &id, "--yes", "--key-file", key.to_str().unwrap()]).code, 0);
    // A digest with a multi-byte character where a short form is cut.
    let dir = repo.file(&format!("proposals/{}/{id}/approvals", &id[..2]));
    let file = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text.find("intent: sha256:").unwrap() + "intent: sha256:".len();
    std::fs::write(&file, format!("{}ééééééééééé{}", &text[..start], &text[start + 22..])).unwrap();
    // Stray names where proposals live, and a file where a proposal directory should be.
    for (path, body) in
        [("proposals/zz/x", "x"), ("proposals/a€/zzzzzzzzzz/intent.yaml", "x"), ("proposals/zz/zzzzzzzzzz", "x")]
    {
        let full = repo.file(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, body).unwrap();
    }
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "hostile"]);
    for args in [&["verify"][..], &["show", &id], &["list"]] {
        let r = repo.run(args);
        assert_ne!(r.code, 101, "{args:?} panicked: {}", r.stderr);
    }
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains("proposals/zz/x: not a proposal"), "{}", r.stdout);
    assert!(r.stdout.contains("proposals/a€/zzzzzzzzzz: not a proposal"), "{}", r.stdout);
    assert!(r.stdout.contains("proposals/zz/zzzzzzzzzz: a file where a proposal directory should be"), "{}", r.stdout);
}
