//! Policy: the default rules end to end, fail-closed paths, and a user's own policy.

use std::fs;

use crate::common::{INTENT, Repo, run_stdin};

fn commit_file(repo: &Repo, path: &str, text: &str) {
    let full = repo.path().join(path);
    fs::create_dir_all(full.parent().unwrap()).unwrap();
    fs::write(&full, text).unwrap();
    repo.commit_rules(&format!("edit {path}"));
}

fn check(repo: &Repo, intent: &str) -> (i32, serde_json::Value) {
    let r = run_stdin(repo.path(), &["check", "-f", "-", "--format", "json"], intent.as_bytes());
    let v = serde_json::from_str(&r.stdout).unwrap_or(serde_json::Value::Null);
    (r.code, v)
}

const STAGING_RESTART: &str = "apiVersion: clearance/v1\nkind: Intent\nmetadata: {agent: deploy-bot}\nspec:\n  action: k8s.restart\n  environment: staging\n  targets: [orders-db-old]\n  reason: reload\n  risk: {reversible: true}\n";

#[test]
fn the_default_policy_suite_passes() {
    let repo = Repo::new();
    let r = repo.run(&["policy", "test"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("0 failed"), "{}", r.stdout);
    let passed: usize = r.stdout.lines().last().unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 25, "{}", r.stdout);
}

#[test]
fn a_failing_policy_test_fails_the_run() {
    let repo = Repo::new();
    commit_file(
        &repo,
        "policies/mine_test.rego",
        "package clearance_test\n\nimport rego.v1\n\ntest_wrong if {\n\tdata.clearance.auto_approve with input as benign with data.auto_approve.max_blast_radius as 0\n}\n",
    );
    let r = repo.run(&["policy", "test"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("FAIL clearance_test.test_wrong"), "{}", r.stdout);
    assert!(r.stderr.contains("1 policy test failed"), "{}", r.stderr);
}

#[test]
fn decisions_drive_states_and_exit_codes() {
    let repo = Repo::new();
    // Needs approval: production, owned by team-orders, pii adds security.
    let (code, v) = check(&repo, INTENT);
    assert_eq!(code, 4);
    assert_eq!(v["verdict"], "needs-approval");
    assert_eq!(
        v["decision"]["approvals"],
        serde_json::json!([{"group": "security", "count": 1}, {"group": "team-orders", "count": 1}])
    );
    // Reaching tier 0 doubles the owning team's quorum.
    let (_, v) = check(&repo, &INTENT.replace("[orders-db-old]", "[orders-db]"));
    assert!(
        v["decision"]["approvals"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"group": "team-orders", "count": 2}))
    );
    // Auto-approved: staging, reversible, small radius.
    let (code, v) = check(&repo, STAGING_RESTART);
    assert_eq!((code, v["verdict"].as_str()), (0, Some("cleared")));
    let r = run_stdin(repo.path(), &["propose", "-f", "-", "--format", "json"], STAGING_RESTART.as_bytes());
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["state"], "approved");
    let shown: serde_json::Value =
        serde_json::from_str(&repo.run(&["show", v["id"].as_str().unwrap(), "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["evidence"][1]["kind"], "auto-approved");
    // Denied: protected target; still committed, exit 3.
    let head = repo.head();
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.replace("orders-db-old", "payments-db").as_bytes());
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("target \"payments-db\" is protected"), "{}", r.stderr);
    assert_ne!(repo.head(), head, "a denied proposal is recorded");
    let denied = repo.run(&["list", "--state", "denied", "--format", "json"]);
    assert_eq!(serde_json::from_str::<Vec<serde_json::Value>>(&denied.stdout).unwrap().len(), 1);
    // --dry-run decides and writes nothing.
    let head = repo.head();
    let r = run_stdin(
        repo.path(),
        &["propose", "--dry-run", "-f", "-"],
        INTENT.replace("orders-db-old", "payments-db").as_bytes(),
    );
    assert_eq!(r.code, 3);
    assert_eq!(repo.head(), head);
}

#[test]
fn unknown_agents_actions_and_environments_are_denied() {
    let repo = Repo::new();
    let (code, v) = check(&repo, &INTENT.replace("agent: cost-optimizer", "agent: rogue-bot"));
    assert_eq!(code, 3);
    assert!(v["decision"]["deny"][0].as_str().unwrap().contains("unknown agent \"rogue-bot\""));
    let (_, v) = check(&repo, &INTENT.replace("rds.delete-instance", "iam.create-admin"));
    assert!(v["decision"]["deny"][0].as_str().unwrap().contains("may not use action \"iam.create-admin\""));
    assert!(v["decision"]["deny"][0].as_str().unwrap().contains("(allowed: rds.*, ec2.*)"), "{v}");
    // The same, for a program: the rule, the message, the allowed values.
    assert_eq!(v["explain"]["deny"][0]["rule"], "deny");
    assert_eq!(v["explain"]["deny"][0]["allowed"], serde_json::json!(["rds.*", "ec2.*"]), "{v}");
    assert_eq!(v["explain"]["cleared"], false);
    let (_, v) = check(&repo, &INTENT.replace("environment: prod", "environment: dev"));
    assert!(v["decision"]["deny"][0].as_str().unwrap().contains("may not act in environment \"dev\""));
}

#[test]
fn freeze_windows_use_the_clock_clearance_supplies() {
    let repo = Repo::new();
    let frozen = crate::common::clearance(repo.path())
        .args(["check", "-f", "-", "--format", "json"])
        .env("CLEARANCE_NOW", "2026-12-24T10:00:00Z")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let mut frozen = frozen;
    frozen.stdin.take().unwrap().write_all(INTENT.as_bytes()).unwrap();
    let out = frozen.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stdout).contains("end-of-year freeze"));
    // The agent's own `emergency` label lets it through only with a break-glass approver.
    let emergency = INTENT.replace("labels: {ticket: CHG-4471}", "labels: {ticket: CHG-4471, emergency: \"true\"}");
    let mut cmd = crate::common::clearance(repo.path());
    cmd.args(["check", "-f", "-", "--format", "json"]).env("CLEARANCE_NOW", "2026-12-24T10:00:00Z");
    let r = crate::common::feed(cmd, emergency.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{}", r.stderr));
    assert_eq!(v["decision"]["deny"], serde_json::json!([]), "{v:#}");
    let approvals = v["decision"]["approvals"].as_array().unwrap();
    assert!(approvals.iter().any(|q| q["group"] == "incident-commanders"), "{v:#}");
}

#[test]
fn budgets_count_what_the_agent_already_spent_today() {
    let repo = Repo::new();
    let costly = INTENT.replace("budget_usd: 0.35", "budget_usd: 30");
    assert_eq!(run_stdin(repo.path(), &["propose", "-f", "-"], costly.as_bytes()).code, 0);
    // Another run of the agent (the same run again would be a retry of the first).
    let again = costly.replace("run-2026-05-14-0019", "run-2026-05-14-0020");
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], again.as_bytes());
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("daily budget"), "{}", r.stderr);
    // A day later the budget is fresh again.
    let later = crate::common::clearance(repo.path())
        .args(["check", "-f", "-"])
        .env("CLEARANCE_NOW", "2026-05-15T10:00:00Z")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut later = later;
    use std::io::Write;
    later.stdin.take().unwrap().write_all(costly.as_bytes()).unwrap();
    assert_eq!(later.wait_with_output().unwrap().status.code(), Some(4));
}

#[test]
fn a_users_own_policy_takes_effect_on_the_next_propose() {
    let repo = Repo::new();
    assert_eq!(check(&repo, INTENT).0, 4);
    commit_file(
        &repo,
        "policies/no_deletes.rego",
        "package clearance\n\nimport rego.v1\n\ndeny contains \"no deletes on Thursdays\" if {\n\tendswith(input.intent.spec.action, \"delete-instance\")\n\tinput.now.weekday == \"Thursday\"\n}\n",
    );
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.as_bytes());
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("no deletes on Thursdays"), "{}", r.stderr);
}

/// Each way a policy can break: nothing is cleared, nothing is written, exit 1.
#[test]
fn broken_policies_fail_closed() {
    let cases = [
        (
            "syntax error",
            "package clearance\n\nimport rego.v1\n\ndeny contains \"x\" if {\n\tinput.intent.spec.action ==\n}\n",
            "policies/broken.rego",
        ),
        (
            "evaluation error",
            "package clearance\n\nimport rego.v1\n\ndeny contains x if {\n\tx := sprintf(\"%v\", [to_number(\"abc\")])\n}\n",
            "policy evaluation of `deny` failed",
        ),
        (
            "malformed approvals",
            "package clearance\n\nimport rego.v1\n\napprovals contains {\"group\": \"x\", \"count\": 0}\n",
            "approval must be",
        ),
        (
            "approvals with extra keys",
            "package clearance\n\nimport rego.v1\n\napprovals contains {\"group\": \"x\", \"count\": 1, \"bypass\": true}\n",
            "approval must be",
        ),
        (
            "auto_approve not a boolean",
            "package clearance\n\nimport rego.v1\n\nauto_approve := \"yes\"\n",
            "must be a boolean",
        ),
        ("deny not strings", "package clearance\n\nimport rego.v1\n\ndeny contains 42\n", "must hold strings"),
        (
            "timeout",
            "package clearance\n\nimport rego.v1\n\ndeny contains \"slow\" if {\n\tsome i in numbers.range(1, 100000000)\n\ti < 0\n}\n",
            "policy evaluation",
        ),
    ];
    for (what, rego, needle) in cases {
        let repo = Repo::new();
        let config = fs::read_to_string(repo.file("clearance.yaml")).unwrap();
        commit_file(
            &repo,
            "clearance.yaml",
            &config.replace("  approval_expiry: 24h", "  approval_expiry: 24h\n  policy_timeout: 200ms"),
        );
        // `auto_approve` has a default in autonomy.rego; replace that file rather than conflict.
        let path = if rego.contains("auto_approve :=") { "policies/autonomy.rego" } else { "policies/broken.rego" };
        if what == "syntax error" {
            // Never signed into force: the signer is told where.
            fs::write(repo.file(path), rego).unwrap();
            let r = repo.sign_rules("broken");
            assert_eq!(r.code, 1, "{what}: {}", r.stderr);
            assert!(r.stderr.contains(needle), "{what}: expected `{needle}` in\n{}", r.stderr);
            // Tried from the work tree, it fails closed.
            let r = run_stdin(repo.path(), &["check", "-f", "-", "--rules", "worktree"], STAGING_RESTART.as_bytes());
            assert_eq!(r.code, 1, "{what}: check must fail closed: {}", r.stderr);
            continue;
        }
        commit_file(&repo, path, rego);
        let head = repo.head();
        let r = run_stdin(repo.path(), &["propose", "-f", "-"], STAGING_RESTART.as_bytes());
        assert_eq!(r.code, 1, "{what}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{what}: expected `{needle}` in\n{}", r.stderr);
        assert_eq!(repo.head(), head, "{what}: something was written");
        let (code, _) = check(&repo, STAGING_RESTART);
        assert_eq!(code, 1, "{what}: check must fail closed");
    }
}

#[test]
fn syntax_errors_name_file_and_line() {
    let repo = Repo::new();
    fs::write(
        repo.file("policies/broken.rego"),
        "package clearance\n\nimport rego.v1\n\ndeny contains \"x\" if {\n\tinput.intent.spec.action ==\n}\n",
    )
    .unwrap();
    let r = repo.run(&["check", "-f", "/dev/null", "--rules", "worktree"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("policies/broken.rego:7"), "{}", r.stderr);
    assert!(r.stderr.contains("not the rules in force"), "{}", r.stderr);
    let r = repo.run(&["policy", "test"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("policies/broken.rego:7"), "{}", r.stderr);
}

#[test]
fn a_vetoed_proposal_does_not_count_against_the_budget() {
    let repo = Repo::new();
    let costly = INTENT.replace("budget_usd: 0.35", "budget_usd: 30");
    let first = repo.propose(&costly);
    let check = |repo: &Repo| -> serde_json::Value {
        let r = run_stdin(repo.path(), &["check", "-f", "-", "--format", "json"], costly.as_bytes());
        serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{}", r.stderr))
    };
    // Counted while pending: a second one would pass the daily budget. The second check
    // reads the history from the warm cache and must agree with the first.
    let cold = check(&repo);
    assert_eq!(cold["history"]["budget_usd_last_day"], 30.0, "{cold:#}");
    assert_eq!(check(&repo)["history"], cold["history"]);
    assert_eq!(cold["verdict"], "denied");
    // Vetoed by an eligible approver (not dana, the agent's sponsor): it no longer counts.
    let key = repo.key("olive");
    let r = repo.run(&["reject", &first, "--yes", "--key-file", key.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for _ in 0..2 {
        let after = check(&repo);
        assert_eq!(after["history"]["budget_usd_last_day"], 0.0, "{after:#}");
        assert_eq!(after["history"]["open_proposals"], 0);
    }
}

#[test]
fn schemas_describe_what_clearance_reads_and_reports() {
    let repo = Repo::new();
    let schema = |doc: &str| -> serde_json::Value {
        let r = repo.run(&["schema", doc]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        serde_json::from_str(&r.stdout).unwrap()
    };
    // What `check` reports as the decision has exactly the schema's keys, and its quorum
    // items the required {group, count}.
    let r = run_stdin(repo.path(), &["check", "-f", "-", "--format", "json"], INTENT.as_bytes());
    let checked: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let decision = schema("decision");
    let mut keys: Vec<&String> = checked["decision"].as_object().unwrap().keys().collect();
    let mut declared: Vec<&String> = decision["properties"].as_object().unwrap().keys().collect();
    keys.sort();
    declared.sort();
    assert_eq!(keys, declared);
    assert_eq!(decision["additionalProperties"], false);
    let quorum = &decision["$defs"]["Quorum"];
    assert_eq!(quorum["required"], serde_json::json!(["group", "count"]));
    for item in checked["decision"]["approvals"].as_array().unwrap() {
        let count = item["count"].as_u64().unwrap();
        assert!((1..=quorum["properties"]["count"]["maximum"].as_u64().unwrap()).contains(&count));
    }
    for (doc, field) in [("intent", "spec"), ("graph", "services"), ("config", "repo_id"), ("identities", "identities")]
    {
        assert!(schema(doc)["properties"].get(field).is_some(), "{doc} schema lacks {field}");
    }
}

#[test]
fn a_policy_that_defines_only_some_rules_decides_with_the_rest_empty() {
    let repo = Repo::new();
    // A conftest user's first policy: only deny and approvals.
    for entry in fs::read_dir(repo.file("policies")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rego") {
            fs::remove_file(path).unwrap();
        }
    }
    commit_file(
        &repo,
        "policies/first.rego",
        "package clearance\n\nimport rego.v1\n\ndeny contains \"no prod on fridays\" if input.now.weekday == \"Friday\"\n\napprovals contains {\"group\": \"team-orders\", \"count\": 1}\n",
    );
    let (code, v) = check(&repo, STAGING_RESTART);
    assert_eq!(code, 4, "{v:#}");
    assert_eq!(v["decision"]["warn"], serde_json::json!([]));
    assert_eq!(v["decision"]["auto_approve"], false);
    assert_eq!(v["decision"]["approvals"][0]["group"], "team-orders");
}
