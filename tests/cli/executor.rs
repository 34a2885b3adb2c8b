//! Invariant 10: an executor acts only on facts it has checked itself. Each attack is what
//! an agent can do with push access and its own key; the provider never runs for it, and
//! `verify` reports what was tampered with.

use std::fs;

use crate::common::{INTENT, Repo, git};
use crate::execute::{Spy, apply, approve, intent};

fn show(repo: &Repo, id: &str) -> serde_json::Value {
    let r = repo.run(&["show", id, "--format", "json"]);
    serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{}", r.stderr))
}

/// `clearance plan ID` as the executor (`runner`) would run it: must succeed.
fn plan_as_runner(repo: &Repo, id: &str) {
    let r = crate::common::clearance(repo.path())
        .env("SPY_TOKEN_SOURCE", "x")
        .args(["plan", id, "--key-file", repo.key("runner").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
}

fn commit_as_agent(repo: &Repo, message: &str) {
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["-c", "user.name=deploy-bot", "-c", "user.email=deploy-bot@agents", "commit", "-qm", message]);
}

fn approvals_dir(repo: &Repo, id: &str) -> std::path::PathBuf {
    repo.file(&format!("proposals/{}/{id}/approvals", &id[..2]))
}

#[test]
fn one_approval_copied_under_a_second_name_fills_one_slot() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    approve(&repo, &id, "ivan");
    assert_eq!(show(&repo, &id)["state"], "pending", "1 from team-orders and 1 from security: ivan is both");
    let dir = approvals_dir(&repo, &id);
    let original = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    let olive_name =
        format!("{}.json", fs::read_to_string(format!("{}.pub", repo.key("olive").display())).unwrap().len());
    fs::copy(&original, dir.join(olive_name)).unwrap();
    commit_as_agent(&repo, "second slot");
    let shown = show(&repo, &id);
    assert_eq!(shown["state"], "pending", "{shown:#}");
    assert!(shown.to_string().contains("a copy counts for nothing"), "{shown:#}");
    let r = repo.run(&["verify", &id]);
    assert_eq!(r.code, 5, "{}", r.stdout);
}

#[test]
fn a_deleted_veto_still_vetoes_and_verify_names_the_missing_file() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    let r = repo.run(&["reject", &id, "--yes", "--key-file", repo.key("olive").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = repo.run(&["approve", &id, "--yes", "--anyway", "--key-file", repo.key("ivan").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    git(repo.path(), &["rm", "-q", "-r", &format!("proposals/{}/{id}/approvals", &id[..2])]);
    git(repo.path(), &["-c", "user.name=deploy-bot", "-c", "user.email=deploy-bot@agents", "commit", "-qm", "tidy"]);
    let shown = show(&repo, &id);
    assert_eq!(shown["state"], "rejected", "{shown:#}");
    assert_eq!(shown["review"]["vetoed_by"], "olive");
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("the rejected by `olive` on record has no file"), "{}", r.stderr);
    assert!(spy.calls().is_empty());
    let r = repo.run(&["verify", &id]);
    assert_eq!(r.code, 5);
    assert!(r.stdout.contains("has no file"), "{}", r.stdout);
}

#[test]
fn a_rejection_does_not_expire() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let r = repo.run(&["reject", &id, "--yes", "--expires", "1h", "--key-file", repo.key("ivan").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let later = crate::common::clearance(repo.path())
        .env("CLEARANCE_NOW", "2026-06-30T09:30:00Z")
        .args(["show", &id, "--format", "json"])
        .output()
        .unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(shown["state"], "rejected", "{shown:#}");
}

#[test]
fn a_hand_written_proposal_is_never_run() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    // Filed properly, then a second one written by hand from its files: unsigned.
    let real = repo.propose(&intent("staging", "ok"));
    let forged = "zzzzzzzzzz";
    let from = repo.file(&format!("proposals/{}/{real}", &real[..2]));
    let to = repo.file(&format!("proposals/zz/{forged}"));
    fs::create_dir_all(&to).unwrap();
    fs::copy(from.join("intent.yaml"), to.join("intent.yaml")).unwrap();
    let evidence = fs::read_to_string(from.join("evidence.jsonl")).unwrap().replace(&real, forged);
    let unsigned: Vec<String> = evidence
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("sig");
            v.to_string()
        })
        .collect();
    fs::write(to.join("evidence.jsonl"), unsigned.join("\n") + "\n").unwrap();
    commit_as_agent(&repo, "one more");
    let r = apply(&repo, forged, &[]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("is not signed") || r.stderr.contains("hash chain broken"), "{}", r.stderr);
    assert!(spy.calls().is_empty());
}

#[test]
fn a_plan_swapped_after_the_executor_planned_is_caught() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    plan_as_runner(&repo, &id);
    approve(&repo, &id, "olive");
    let plan = repo.file(&format!("proposals/{}/{id}/plan.json", &id[..2]));
    fs::write(&plan, "{\"status\":\"ok\",\"summary\":\"nothing to see\"}\n").unwrap();
    commit_as_agent(&repo, "clearer plan");
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("plan.json is not the plan the executor recorded"), "{}", r.stderr);
    let calls = spy.calls();
    assert_eq!(calls.len(), 1, "only the plan ran: {calls:?}");
    assert_eq!(repo.run(&["verify", &id]).code, 5);
}

#[test]
fn an_approval_valid_for_longer_than_policy_allows_counts_for_nothing() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    approve(&repo, &id, "ivan");
    // Policy data caps approvals at 7d; stretch ivan's to ten years by re-signing it with
    // ivan's own key (a stolen key can sign anything; what it signs is still judged).
    let dir = approvals_dir(&repo, &id);
    let file = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    let record: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let statement = record["statement"].as_str().unwrap();
    let not_after = statement.lines().find(|l| l.starts_with("not-after: ")).unwrap();
    let stretched = statement.replace(not_after, "not-after: 2036-05-14T09:30:00Z");
    let tmp = tempfile::TempDir::new().unwrap();
    let msg = tmp.path().join("statement");
    fs::write(&msg, &stretched).unwrap();
    let out = std::process::Command::new("ssh-keygen")
        .args(["-Y", "sign", "-q", "-f", repo.key("ivan").to_str().unwrap(), "-n", "clearance-approval"])
        .arg(&msg)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let signature = fs::read_to_string(format!("{}.sig", msg.display())).unwrap();
    fs::write(&file, serde_json::to_vec(&serde_json::json!({"statement": stretched, "signature": signature})).unwrap())
        .unwrap();
    commit_as_agent(&repo, "longer");
    let shown = show(&repo, &id);
    assert!(shown.to_string().contains("longer than max_approval_expiry"), "{shown:#}");
}

#[test]
fn approve_shows_the_plan_and_refuses_a_signature_that_fills_no_slot() {
    let repo = Repo::new();
    let _spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    plan_as_runner(&repo, &id);
    let sign = |who: &str, extra: &[&str]| {
        let key = repo.key(who);
        let mut args = vec!["approve", &id, "--yes", "--key-file", key.to_str().unwrap()];
        args.extend_from_slice(extra);
        repo.run(&args)
    };
    // Production needs one from team-platform; ivan is in team-orders and security.
    let head = repo.head();
    let r = sign("ivan", &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("your approval fills no missing slot"), "{}", r.stderr);
    assert!(r.stderr.contains("--anyway"), "{}", r.stderr);
    assert_eq!(repo.head(), head, "nothing was signed");
    let r = sign("olive", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("plan: sha256:") && r.stderr.contains("  ok: done"), "the plan is shown: {}", r.stderr);
    let r = sign("ivan", &[]);
    assert!(r.stderr.contains("is already cleared"), "{}", r.stderr);
    assert_eq!(sign("ivan", &["--anyway"]).code, 0);
    let shown = show(&repo, &id);
    assert_eq!(shown["plan"]["summary"], "done");
}

#[test]
fn a_re_keyed_agent_s_earlier_proposal_verifies_and_applies_with_the_key_it_had() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("staging", "ok"));
    // The agent gets a new key an hour later; its old one is no longer trusted.
    let new_key = repo.path().with_file_name("deploy-bot-2");
    assert_eq!(repo.run(&["key", "new", "deploy-bot", "--file", new_key.to_str().unwrap()]).code, 0);
    let at = |args: &[&str]| -> crate::common::Run {
        crate::common::clearance(repo.path())
            .env("CLEARANCE_NOW", "2026-05-14T10:30:00Z")
            .env("SPY_TOKEN_SOURCE", "x")
            .args(args)
            .output()
            .unwrap()
            .into()
    };
    let r = at(&[
        "trust",
        "add",
        "deploy-bot",
        "--role",
        "agent",
        "--key",
        &format!("{}.pub", new_key.display()),
        "--sponsor",
        "sam",
        "--allow-action",
        "spy.*",
        "--allow-env",
        "staging",
        "--replace",
        "--signer-file",
        repo.key("admin").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // apply and verify agree: the proposal was signed with the key trusted then.
    let r = at(&["verify", &id]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let r = at(&["apply", &id, "--key-file", repo.key("runner").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(spy.calls().len(), 1);
    // The old key, used after it was replaced, counts for nothing.
    let later = intent("staging", "ok").replace("reason: test", "reason: later");
    let mut cmd = crate::common::clearance(repo.path());
    cmd.env("CLEARANCE_NOW", "2026-05-14T11:00:00Z")
        .env("CLEARANCE_KEY_FILE", repo.key("deploy-bot"))
        .args(["propose", "-f", "-"]);
    let r = crate::common::feed(cmd, later.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn a_re_keyed_approver_s_earlier_approval_still_counts() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    approve(&repo, &id, "ivan");
    let new_key = repo.path().with_file_name("ivan-2");
    assert_eq!(repo.run(&["key", "new", "ivan", "--file", new_key.to_str().unwrap()]).code, 0);
    let at = |args: &[&str]| -> crate::common::Run {
        crate::common::clearance(repo.path())
            .env("CLEARANCE_NOW", "2026-05-14T10:30:00Z")
            .args(args)
            .output()
            .unwrap()
            .into()
    };
    let r = at(&[
        "trust",
        "add",
        "ivan",
        "--role",
        "approver",
        "--group",
        "team-orders",
        "--group",
        "security",
        "--key",
        &format!("{}.pub", new_key.display()),
        "--replace",
        "--signer-file",
        repo.key("admin").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown: serde_json::Value = serde_json::from_str(&at(&["show", &id, "--format", "json"]).stdout).unwrap();
    let ivan = shown["approvals"].as_array().unwrap().iter().find(|a| a["principal"] == "ivan").unwrap();
    assert_eq!(ivan["valid"], true, "{ivan:#}");
    let r = at(&["verify", &id]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn an_approval_backdated_by_a_revoked_key_counts_for_nothing() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    // The attacker holds olive's stolen key and a clone from before the theft was found.
    let stolen = repo.path().with_file_name("stolen");
    git(repo.path().parent().unwrap(), &["clone", "-q", "repo", "stolen"]);
    let at = |dir: &std::path::Path, now: &str, args: &[&str]| -> crate::common::Run {
        crate::common::clearance(dir).env("CLEARANCE_NOW", now).args(args).output().unwrap().into()
    };
    let olive = repo.key("olive");
    // The theft is found at 10:00 and olive's key revoked.
    let admin = repo.key("admin");
    let r = at(
        repo.path(),
        "2026-05-14T10:00:00Z",
        &["trust", "revoke", "olive", "--signer-file", admin.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // At 11:00 the attacker signs an approval dated 09:45 in the old clone on their own
    // machine, where the key is still trusted, and merges it with plain git.
    let r: crate::common::Run = crate::common::clearance(&stolen)
        .env("CLEARANCE_NOW", "2026-05-14T09:45:00Z")
        .env("XDG_STATE_HOME", repo.path().with_file_name("attacker-state"))
        .args(["approve", &id, "--yes", "--key-file", olive.to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    git(
        repo.path(),
        &[
            "-c",
            "user.name=deploy-bot",
            "-c",
            "user.email=bot@agents",
            "pull",
            "-q",
            "--no-rebase",
            "--no-edit",
            "../stolen",
            "HEAD",
        ],
    );
    let shown: serde_json::Value =
        serde_json::from_str(&at(repo.path(), "2026-05-14T11:00:00Z", &["show", &id, "--format", "json"]).stdout)
            .unwrap();
    let judged = shown["approvals"].as_array().unwrap().iter().find(|a| a["principal"] == "olive").unwrap();
    assert_eq!(judged["valid"], false, "{judged:#}");
    assert!(judged["reason"].as_str().unwrap().contains("recorded on the branch after"), "{judged:#}");
    assert_eq!(shown["state"], "pending", "{shown:#}");
    let runner = repo.key("runner");
    let r = at(repo.path(), "2026-05-14T11:00:00Z", &["apply", &id, "--key-file", runner.to_str().unwrap()]);
    assert_eq!(r.code, 4, "{}\n{}", r.stderr, r.stdout);
    assert!(spy.calls().is_empty(), "{:?}", spy.calls());
}

#[test]
fn a_forged_auto_approval_is_neither_listed_nor_run() {
    use sha2::Digest as _;
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    // The agent appends what policy would have written, chained to its own line.
    let log = repo.file(&format!("proposals/{}/{id}/evidence.jsonl", &id[..2]));
    let text = fs::read_to_string(&log).unwrap();
    let last = text.lines().last().unwrap();
    let prev = format!("sha256:{:x}", sha2::Sha256::digest(last.as_bytes()));
    let line = serde_json::json!({"seq": 2, "prev": prev, "kind": "auto-approved", "at": "2026-05-14T09:30:00Z", "actor": "policy", "payload": {}});
    fs::write(&log, format!("{text}{line}\n")).unwrap();
    commit_as_agent(&repo, "cleared by policy");
    let listed = repo.run(&["list", "--format", "json"]).stdout;
    let row: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let row = row.as_array().unwrap().iter().find(|p| p["id"] == id.as_str()).unwrap().clone();
    assert_eq!(row["state"], "pending", "{row:#}");
    assert_eq!(show(&repo, &id)["state"], "pending");
    let r = apply(&repo, &id, &[]);
    assert!(r.code == 4 || r.code == 5, "{}", r.stderr);
    assert!(spy.calls().is_empty(), "{:?}", spy.calls());
    let r = repo.run(&["verify", &id]);
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains("did not auto-approve"), "{}", r.stdout);
}

#[test]
fn backdated_proposals_do_not_take_their_spending_out_of_today_s_budget() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    // 40 USD each against 50 USD a day: the agent dates them days apart, so at filing each
    // looks alone in its day and clears itself.
    let spend = intent("staging", "ok").replace("  reason: test\n", "  reason: test\n  limits: {budget_usd: 40}\n");
    let first = repo.propose_at(&spend, "2026-05-10T09:30:00Z");
    let second = repo.propose_at(&spend.replace("reason: test", "reason: again"), "2026-05-12T09:30:00Z");
    assert_eq!(show(&repo, &first)["state"], "approved", "{:#}", show(&repo, &first));
    assert_eq!(show(&repo, &second)["state"], "approved");
    let r = apply(&repo, &first, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The executor started 40 USD of this agent's changes today, by its own clock.
    let r = apply(&repo, &second, &[]);
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("daily budget"), "{}", r.stderr);
    assert_eq!(spy.calls().iter().filter(|c| c.starts_with("apply")).count(), 1, "{:?}", spy.calls());
}

#[test]
fn an_auto_approval_the_agent_signed_into_its_own_filing_is_decided_again() {
    use clearance::model::evidence::{self, Kind};
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    // The agent rewrites its own `proposed` entry to say policy cleared it, signs it with
    // its own key, and appends the line policy would have written.
    let log = repo.file(&format!("proposals/{}/{id}/evidence.jsonl", &id[..2]));
    let first = evidence::parse(&fs::read(&log).unwrap(), "evidence").unwrap().remove(0);
    let mut payload = first.payload.clone();
    payload["decision"]["auto_approve"] = true.into();
    payload["decision"]["approvals"] = serde_json::json!([]);
    let key = clearance::trust::keys::load_file(&repo.key("deploy-bot")).unwrap();
    let forged = evidence::append_signed(b"", Kind::Proposed, &first.at, &first.actor, payload, Some(&key)).unwrap();
    let forged = evidence::append(&forged, Kind::AutoApproved, &first.at, "policy", serde_json::json!({})).unwrap();
    // Written as a hand would write it: the same JSON, spaced and escaped.
    let forged =
        String::from_utf8(forged).unwrap().replace("\"kind\":\"auto-approved\"", "\"kind\": \"auto\\u002dapproved\"");
    assert!(forged.contains("auto\\u002dapproved"));
    fs::write(&log, forged).unwrap();
    commit_as_agent(&repo, "cleared by policy");
    let r = apply(&repo, &id, &[]);
    assert!(r.code == 4 || r.code == 5, "{}", r.stderr);
    assert!(spy.calls().is_empty(), "{:?}", spy.calls());
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains("when it was filed do not clear it without approval"), "{}", r.stdout);
    // Honest auto-approvals decide the same again: a staging change verifies.
    let honest = Repo::new();
    let id = honest.propose(&intent("staging", "ok").replace("spy.touch", "file.write"));
    assert_eq!(show(&honest, &id)["state"], "approved");
    let r = honest.run(&["verify"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}
