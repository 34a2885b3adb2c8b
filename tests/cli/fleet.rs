//! Intent templates and autonomy metrics.

use crate::common::{INTENT, Repo, run_stdin};

#[test]
fn a_template_fills_into_a_proposal() {
    let repo = Repo::new();
    let r = repo.run(&[
        "new",
        "scale",
        "--set",
        "agent=deploy-bot",
        "--set",
        "target=search",
        "--set",
        "replicas=4",
        "--set",
        "previous_replicas=2",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("replicas: 4"), "{}", r.stdout);
    let p = run_stdin(repo.path(), &["propose", "-f", "-"], r.stdout.as_bytes());
    assert_eq!(p.code, 0, "{}", p.stderr);
    let missing = repo.run(&["new", "scale", "--set", "agent=deploy-bot"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("--set target=..."), "{}", missing.stderr);
    let list = repo.run(&["new", "--list"]);
    for name in ["restart-service", "scale", "rotate-secret", "toggle-flag", "db-migration", "postgres-migration"] {
        assert!(list.stdout.contains(name), "{}", list.stdout);
    }
}

#[test]
fn stats_count_autonomy_per_agent() {
    let repo = Repo::new();
    // deploy-bot: one auto-approved (staging, small, reversible).
    let auto = "apiVersion: clearance/v1\nkind: Intent\nmetadata: {agent: deploy-bot}\nspec:\n  action: k8s.restart\n  environment: staging\n  targets: [orders-db-old]\n  reason: r\n  risk: {reversible: true}\n";
    repo.propose(auto);
    // cost-optimizer: one denied, one approved by humans 30 minutes later, one pending.
    repo.propose(&INTENT.replace("orders-db-old", "payments-db"));
    let id = repo.propose(INTENT);
    for who in ["olive", "sam"] {
        let out = crate::common::clearance(repo.path())
            .env("CLEARANCE_NOW", "2026-05-14T10:00:00Z")
            .args(["approve", &id, "--yes", "--key-file", repo.key(who).to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    repo.propose(&INTENT.replace("run-2026-05-14-0019", "run-2"));
    // Read after the approvals were signed (a signature from the future counts for nothing).
    let stats = |args: &[&str]| -> crate::common::Run {
        crate::common::clearance(repo.path())
            .env("CLEARANCE_NOW", "2026-05-14T10:00:00Z")
            .args(args)
            .output()
            .unwrap()
            .into()
    };
    let r = stats(&["stats", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let cost = &v["agents"]["cost-optimizer"];
    assert_eq!(cost["proposals"], 3);
    assert_eq!(cost["denied"], 1);
    assert_eq!(cost["human_approved"], 1);
    assert_eq!(cost["pending"], 1);
    assert_eq!(cost["median_seconds_to_clearance"], 1800);
    assert_eq!(v["agents"]["deploy-bot"]["auto_approved"], 1);
    assert_eq!(v["overall"]["proposals"], 4);
    let only = stats(&["stats", "--agent", "deploy-bot", "--format", "json"]);
    let only: serde_json::Value = serde_json::from_str(&only.stdout).unwrap();
    assert_eq!(only["overall"]["proposals"], 1);
    assert!(repo.run(&["stats"]).stdout.contains("(all)"));
}

#[test]
fn a_template_answers_in_json_when_asked() {
    let repo = Repo::new();
    let r = repo.run(&[
        "new",
        "restart-service",
        "--set",
        "agent=deploy-bot",
        "--set",
        "target=search",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["intent"]["spec"]["targets"][0], "search");
    assert!(v["yaml"].as_str().unwrap().contains("action: k8s.restart"));
    assert!(v["digest"].as_str().unwrap().starts_with("sha256:"));
}

#[test]
fn list_fits_the_terminal_and_wide_shows_everything() {
    let repo = Repo::new();
    let many = INTENT.replace("[orders-db-old]", "[orders-db-old, orders-db, catalog-db, search-index, feature-flags]");
    repo.propose(&many);
    let list = |columns: &str, extra: &[&str]| -> String {
        let mut args = vec!["list"];
        args.extend_from_slice(extra);
        let out = crate::common::clearance(repo.path()).env("COLUMNS", columns).args(&args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let narrow = list("60", &[]);
    let widest = narrow.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 60, "{widest} columns in a 60-column terminal:\n{narrow}");
    assert!(narrow.lines().count() > 2, "long cells wrap rather than vanish:\n{narrow}");
    let id = roomy_id(&repo);
    assert!(narrow.contains(&id), "the id stays whole:\n{narrow}");
    let wide = list("60", &["--wide"]);
    assert!(wide.lines().any(|l| l.chars().count() > 60), "--wide keeps every column whole:\n{wide}");
    let roomy = list("200", &[]);
    assert_eq!(roomy.lines().count(), 2, "one line a proposal when it fits:\n{roomy}");
}

fn roomy_id(repo: &Repo) -> String {
    let out = repo.run(&["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    v[0]["id"].as_str().unwrap().to_owned()
}

/// Every table fits a 60-column terminal, keeps one line a row at 200 columns, and shows
/// everything whole with `--wide`.
#[test]
fn every_table_fits_the_terminal() {
    let repo = Repo::new();
    let many = INTENT.replace("[orders-db-old]", "[orders-db-old, orders-db, catalog-db, search-index, feature-flags]");
    repo.propose(&many);
    let olive = repo.key("olive");
    let olive = olive.to_str().unwrap();
    let tables: [&[&str]; 7] = [
        &["trust", "list"],
        &["list"],
        &["inbox", "--key-file", olive],
        &["governance", "log"],
        &["graph", "list"],
        &["blast", "orders-db"],
        &["stats"],
    ];
    for args in tables {
        let run = |columns: &str, wide: bool| -> String {
            let mut cmd = crate::common::clearance(repo.path());
            cmd.env("COLUMNS", columns).args(args);
            if wide {
                cmd.arg("--wide");
            }
            let out = cmd.output().unwrap();
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let narrow = run("60", false);
        let widest = narrow.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(widest <= 60, "{args:?}: {widest} columns in a 60-column terminal:\n{narrow}");
        let wide = run("60", true);
        let roomy = run("200", false);
        assert_eq!(roomy, wide, "{args:?}: at 200 columns, as with --wide, nothing wraps");
    }
}

/// `key list` fits too: the fingerprint and the file wrap, the name stays whole.
#[test]
fn the_key_list_fits_the_terminal() {
    let machine = tempfile::TempDir::new().unwrap();
    let run = |columns: &str, args: &[&str]| -> String {
        let out = crate::common::clearance(machine.path())
            .env("XDG_STATE_HOME", machine.path().join("state"))
            .env("XDG_CONFIG_HOME", machine.path().join("config"))
            .env("COLUMNS", columns)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let file = machine.path().join("a-rather-long-directory-name/for-the-key-file/ci-executor");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    run("200", &["key", "new", "ci-executor", "--file", file.to_str().unwrap()]);
    let narrow = run("60", &["key", "list"]);
    let widest = narrow.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 60, "{widest} columns in a 60-column terminal:\n{narrow}");
    assert!(narrow.contains("ci-executor"), "{narrow}");
    assert_eq!(run("200", &["key", "list"]), run("60", &["key", "list", "--wide"]));
}
