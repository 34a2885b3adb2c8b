//! What users see, stdout and stderr and exit status, as reviewed snapshots.

use crate::common::{INTENT, Repo, Run};

fn render(r: &Run) -> String {
    r.to_string()
}

/// Replace what changes from run to run: proposal ids, temp paths, digests, commits.
fn settings(repo: &Repo, ids: &[&str]) -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"sha256:[0-9a-f]{64}", "sha256:[DIGEST]");
    s.add_filter(r"\b[0-9a-f]{40}\b", "[COMMIT]");
    s.add_filter(r"proposals/[0-9a-z]{2}/", "proposals/[SH]/");
    s.add_filter(r"-----BEGIN SSH SIGNATURE-----[^-]*-----END SSH SIGNATURE-----(\\n)?", "[SIGNATURE]");
    s.add_filter(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "[UUID]");
    for (i, id) in ids.iter().enumerate() {
        s.add_filter(&regex_escape(id), format!("[ID{}]", i + 1));
    }
    s.add_filter(&regex_escape(&repo.path().display().to_string()), "[REPO]");
    s.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+", "[TMP]");
    s.set_prepend_module_to_snapshot(false);
    s
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '/' || c == '-' || c == '_' { c.to_string() } else { format!("\\{c}") }
        })
        .collect()
}

#[test]
fn list_and_show() {
    let repo = Repo::new();
    let a = repo.propose(INTENT);
    let staging = INTENT
        .replace("environment: prod", "environment: staging")
        .replace("[orders-db-old]", "[orders-db-old, search]");
    let b = repo.propose_at(&staging, "2026-05-14T10:45:00Z");
    let s = settings(&repo, &[&a, &b]);
    s.bind(|| {
        insta::assert_snapshot!("list", render(&repo.run(&["list"])));
        insta::assert_snapshot!(
            "list_filtered",
            render(&repo.run(&["list", "--env", "staging", "--target", "search"]))
        );
        insta::assert_snapshot!("list_none", render(&repo.run(&["list", "--agent", "nobody"])));
        insta::assert_snapshot!("show", render(&repo.run(&["show", &a[..5]])));
        insta::assert_snapshot!("show_json", render(&repo.run(&["show", &a, "--format", "json"])));
        insta::assert_snapshot!("show_unknown", render(&repo.run(&["show", "zzzzzz"])));
        insta::assert_snapshot!("show_too_short", render(&repo.run(&["show", "ab"])));
    });
}

#[test]
fn ambiguous_prefix_lists_the_candidates() {
    let repo = Repo::new();
    // Propose until two ids share a 4-character prefix... too slow; instead share the shard
    // and look up by the 2-character shard plus padding that cannot match.
    let mut ids: Vec<String> = Vec::new();
    let mut pair = None;
    for n in 0..200 {
        let id = repo.propose(&INTENT.replace("run-2026-05-14-0019", &format!("run-{n}")));
        if let Some(other) = ids.iter().find(|o| o[..2] == id[..2]) {
            pair = Some((other.clone(), id.clone()));
            break;
        }
        ids.push(id);
    }
    let (x, y) = pair.expect("two ids in one shard within 200 proposals");
    let common = x.chars().zip(y.chars()).take_while(|(a, b)| a == b).count();
    if common >= 4 {
        let r = repo.run(&["show", &x[..4]]);
        assert_eq!(r.code, 1);
        assert!(r.stderr.contains("is ambiguous"));
        assert!(r.stderr.contains(&x) && r.stderr.contains(&y));
    } else {
        // Unique 4-character prefixes resolve even when the shard is shared.
        assert!(repo.run(&["show", &x[..4]]).stdout.contains(&format!("proposal {x}")));
        assert!(repo.run(&["show", &y[..4]]).stdout.contains(&format!("proposal {y}")));
    }
}

#[test]
fn error_messages() {
    let repo = Repo::new();
    let bad = INTENT
        .replace("kind: Intent", "kind: Intnet")
        .replace("[orders-db-old]", "[orders-db-olt]")
        .replace("reason:", "reson:");
    let bad_file = repo.path().join("bad.yaml");
    std::fs::write(&bad_file, &bad).unwrap();
    let s = settings(&repo, &[]);
    s.bind(|| {
        insta::assert_snapshot!("propose_invalid", render(&repo.run(&["propose", "-f", "bad.yaml"])));
        insta::assert_snapshot!(
            "propose_invalid_json",
            render(&repo.run(&["propose", "-f", "bad.yaml", "--format", "json"]))
        );
        insta::assert_snapshot!("propose_missing_file", render(&repo.run(&["propose", "-f", "nope.yaml"])));
        insta::assert_snapshot!("usage_error", render(&repo.run(&["list", "--state", "sleeping"])));
    });
}

#[test]
fn help() {
    let repo = Repo::new();
    let s = settings(&repo, &[]);
    s.bind(|| {
        insta::assert_snapshot!("help", render(&repo.run(&["--help"])));
        insta::assert_snapshot!("help_propose", render(&repo.run(&["propose", "--help"])));
        insta::assert_snapshot!("help_list", render(&repo.run(&["list", "--help"])));
    });
}

#[test]
fn propose_json_and_dry_run() {
    let repo = Repo::new();
    let head = repo.head();
    let r = crate::common::run_stdin(repo.path(), &["propose", "--dry-run", "--format", "json"], INTENT.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["id"], serde_json::Value::Null);
    assert_eq!(v["state"], "pending");
    assert_eq!(repo.head(), head, "a dry run writes nothing");
    // A dry run with another agent's key says what the real proposal would: refused.
    let mut cmd = crate::common::clearance(repo.path());
    cmd.args(["propose", "--dry-run", "--key-file", repo.key("deploy-bot").to_str().unwrap()]);
    let r = crate::common::feed(cmd, INTENT.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("does not belong to `cost-optimizer`"), "{}", r.stderr);
    // Without any key it still decides, and says what it could not check.
    let r: crate::common::Run = crate::common::feed(
        {
            let mut cmd = crate::common::clearance(repo.path());
            cmd.args(["propose", "--dry-run"]);
            cmd
        },
        INTENT.as_bytes(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("no key given"), "{}", r.stderr);
    let r = crate::common::run_stdin(repo.path(), &["propose", "--format", "json"], INTENT.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["state"], "pending");
    assert_eq!(v["id"].as_str().unwrap().len(), 10);
    assert_eq!(v["targets"], serde_json::json!(["orders-db-old"]));
}
