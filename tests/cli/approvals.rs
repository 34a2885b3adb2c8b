//! Signed approvals: what counts, what does not, and interop with stock ssh-keygen.

use std::fs;
use std::process::Command;

use crate::common::{INTENT, Repo, git, run_stdin};

fn show(repo: &Repo, id: &str, now: Option<&str>) -> serde_json::Value {
    let mut cmd = crate::common::clearance(repo.path());
    if let Some(now) = now {
        cmd.env("CLEARANCE_NOW", now);
    }
    let out = cmd.args(["show", id, "--format", "json"]).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("show: {}", String::from_utf8_lossy(&out.stderr)))
}

fn approve(repo: &Repo, id: &str, who: &str, extra: &[&str]) -> crate::common::Run {
    let key = repo.key(who);
    let mut args = vec!["approve", id, "--key-file", key.to_str().unwrap(), "--yes"];
    args.extend_from_slice(extra);
    repo.run(&args)
}

fn reason<'a>(shown: &'a serde_json::Value, principal: &str) -> &'a str {
    shown["approvals"].as_array().unwrap().iter().find(|a| a["principal"] == principal).unwrap()["reason"]
        .as_str()
        .unwrap()
}

#[test]
fn quorum_of_two_where_one_person_holds_both_groups() {
    let repo = Repo::new();
    // orders-db reaches tier-0 checkout: 2 from team-orders; pii: 1 from security.
    let id = repo.propose(&INTENT.replace("[orders-db-old]", "[orders-db]"));
    assert_eq!(show(&repo, &id, None)["state"], "pending");
    assert_eq!(approve(&repo, &id, "olive", &[]).code, 0);
    // ivan is in team-orders and security, but one approver fills one slot.
    assert_eq!(approve(&repo, &id, "ivan", &[]).code, 0);
    let shown = show(&repo, &id, None);
    assert_eq!(shown["state"], "pending");
    assert_eq!(shown["review"]["missing"].as_array().unwrap().len(), 1);
    // sam fills security; ivan is matched to team-orders.
    assert_eq!(approve(&repo, &id, "sam", &["-m", "ok from security"]).code, 0);
    let shown = show(&repo, &id, None);
    assert_eq!(shown["state"], "approved", "{shown:#}");
    assert_eq!(repo.run(&["list", "--state", "approved", "--format", "json"]).stdout.matches(&id).count(), 1);
    assert_eq!(repo.status(), "");
}

#[test]
fn an_approver_from_the_wrong_group_fills_no_slot() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    // sam is security and team-payments, not team-orders.
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    let shown = show(&repo, &id, None);
    assert_eq!(shown["review"]["missing"], serde_json::json!([{"group": "team-orders", "count": 1}]));
    assert_eq!(shown["state"], "pending");
}

#[test]
fn self_approval_counts_for_nothing() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    // The proposing agent's key is not an approver's.
    let r = approve(&repo, &id, "cost-optimizer", &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not as an approver"), "{}", r.stderr);
    // dana sponsors the proposing agent: refused, since it would count for nothing...
    let r = approve(&repo, &id, "dana", &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`dana` sponsors `cost-optimizer`"), "{}", r.stderr);
    // ...and when signed all the same, recorded but not counted.
    assert_eq!(approve(&repo, &id, "dana", &["--anyway"]).code, 0);
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    let shown = show(&repo, &id, None);
    assert!(reason(&shown, "dana").contains("self-approval: `dana` sponsors the proposing agent"), "{shown:#}");
    assert_eq!(shown["state"], "pending");
}

#[test]
fn unknown_keys_count_for_nothing() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    // A key nobody trusts cannot sign off.
    let stranger = repo.path().with_file_name("stranger");
    assert_eq!(repo.run(&["key", "new", "x", "--file", stranger.to_str().unwrap()]).code, 0);
    let r = repo.run(&["approve", &id, "--key-file", stranger.to_str().unwrap(), "--yes"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is not in trust/identities.yaml"), "{}", r.stderr);
    // An approval whose signer has since left the trust file counts for nothing either.
    assert_eq!(approve(&repo, &id, "olive", &[]).code, 0);
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    assert_eq!(show(&repo, &id, None)["state"], "approved");
    let trust = repo.file("trust/identities.yaml");
    let text = fs::read_to_string(&trust).unwrap().replace("  - principal: olive\n", "  - principal: olivia\n");
    fs::write(&trust, text).unwrap();
    repo.commit_rules("rename olive");
    let shown = show(&repo, &id, None);
    assert!(reason(&shown, "olive").contains("unknown approver `olive`"), "{shown:#}");
    assert_eq!(shown["state"], "pending");
}

#[test]
fn a_revoked_key_counts_for_nothing() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    assert_eq!(approve(&repo, &id, "olive", &[]).code, 0);
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    assert_eq!(show(&repo, &id, None)["state"], "approved");
    // Revoked as of before it signed (the key was found compromised): void.
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
    let shown = show(&repo, &id, None);
    assert!(reason(&shown, "sam").contains("was revoked"), "{shown:#}");
    assert_eq!(shown["state"], "pending");
    assert_eq!(repo.run(&["list", "--state", "pending", "--format", "json"]).stdout.matches(&id).count(), 1);
}

#[test]
fn an_expired_approval_stops_counting() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    assert_eq!(approve(&repo, &id, "olive", &["--expires", "1h"]).code, 0);
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    assert_eq!(show(&repo, &id, None)["state"], "approved");
    let later = show(&repo, &id, Some("2026-05-14T11:31:00Z"));
    assert_eq!(later["state"], "pending");
    assert!(reason(&later, "olive").starts_with("expired at"), "{later:#}");
    // Policy caps how long any approval may live (7 days in the default data).
    let r = approve(&repo, &id, "ivan", &["--expires", "30d", "--anyway"]);
    assert!(r.stderr.contains("expiry capped by policy"), "{}", r.stderr);
    let shown = show(&repo, &id, None);
    let ivan = shown["approvals"].as_array().unwrap().iter().find(|a| a["principal"] == "ivan").unwrap().clone();
    assert_eq!(ivan["not_after"], "2026-05-21T09:30:00Z");
}

#[test]
fn a_stale_approval_names_what_changed() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    assert_eq!(approve(&repo, &id, "olive", &[]).code, 0);
    assert_eq!(approve(&repo, &id, "ivan", &[]).code, 0);
    assert_eq!(show(&repo, &id, None)["state"], "approved");
    // The graph moves the blast radius: what they signed is no longer what it is.
    let graph = repo.file("graph/services.yaml");
    let text = fs::read_to_string(&graph)
        .unwrap()
        .replace("    owners: [team-platform]", "    owners: [team-platform]\n    depends_on: [orders-db-old]");
    fs::write(&graph, text).unwrap();
    repo.commit_rules("flags read the old db");
    let shown = show(&repo, &id, None);
    assert_eq!(shown["state"], "pending");
    assert!(reason(&shown, "olive").starts_with("stale: the blast radius changed"), "{shown:#}");
    assert!(repo.run(&["show", &id]).stdout.contains("does not count: stale: the blast radius changed"));
}

#[test]
fn a_rejection_by_an_eligible_approver_vetoes() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    assert_eq!(approve(&repo, &id, "olive", &[]).code, 0);
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    let key = repo.key("ivan");
    let r = repo.run(&["reject", &id, "--key-file", key.to_str().unwrap(), "--yes", "-m", "not during the sale"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = show(&repo, &id, None);
    assert_eq!(shown["state"], "rejected");
    assert_eq!(shown["review"]["vetoed_by"], "ivan");
    assert_eq!(shown["evidence"].as_array().unwrap().last().unwrap()["kind"], "rejected");
}

#[test]
fn without_a_terminal_approve_refuses_unless_yes() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let head = repo.head();
    let key = repo.key("olive");
    let r = repo.run(&["approve", &id, "--key-file", key.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("pass --yes"), "{}", r.stderr);
    assert_eq!(repo.head(), head);
}

#[test]
fn proposals_must_be_signed_by_the_agent_they_name() {
    let repo = Repo::new();
    let head = repo.head();
    let wrong = repo.key("deploy-bot");
    let r = run_stdin(repo.path(), &["propose", "-f", "-", "--key-file", wrong.to_str().unwrap()], INTENT.as_bytes());
    // The helper sets the right key in the environment; --key-file wins.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("does not belong to `cost-optimizer`"), "{}", r.stderr);
    assert_eq!(repo.head(), head);
    // A key file others can read is refused.
    let key = repo.key("cost-optimizer");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&key, fs::Permissions::from_mode(0o644)).unwrap();
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.as_bytes());
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("readable by others"), "{}", r.stderr);
}

#[test]
fn stock_ssh_keygen_verifies_every_approval_and_catches_one_changed_byte() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    assert_eq!(approve(&repo, &id, "olive", &["-m", "line one\nline two"]).code, 0);
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    let dir = tempfile::TempDir::new().unwrap();
    let signers = dir.path().join("allowed_signers");
    fs::write(&signers, repo.run(&["trust", "allowed-signers"]).stdout).unwrap();
    let shown = show(&repo, &id, None);
    let approvals = shown["approvals"].as_array().unwrap();
    assert_eq!(approvals.len(), 2);
    let verify = |principal: &str, statement: &str, signature: &str| {
        let sig = dir.path().join("sig");
        fs::write(&sig, signature).unwrap();
        let mut child = Command::new("ssh-keygen")
            .args([
                "-Y",
                "verify",
                "-f",
                signers.to_str().unwrap(),
                "-I",
                principal,
                "-n",
                "clearance-approval",
                "-s",
                sig.to_str().unwrap(),
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("ssh-keygen");
        use std::io::Write;
        child.stdin.take().unwrap().write_all(statement.as_bytes()).unwrap();
        child.wait_with_output().unwrap().status.success()
    };
    for a in approvals {
        let (p, st, sig) =
            (a["principal"].as_str().unwrap(), a["statement"].as_str().unwrap(), a["signature"].as_str().unwrap());
        assert!(a["valid"].as_bool().unwrap(), "{a:#}");
        assert!(verify(p, st, sig), "ssh-keygen rejected {p}'s approval");
        let tampered = st.replacen("verdict: approve", "verdict: approvf", 1);
        assert!(!verify(p, &tampered, sig), "ssh-keygen accepted a changed statement");
    }
    // The same change made in the repository: clearance says the signature does not match.
    let file = approvals[0]["file"].as_str().unwrap().to_owned();
    let path = repo.path().join(&file);
    let text = fs::read_to_string(&path).unwrap().replacen("not-after: ", "not-after: 2", 1);
    fs::write(&path, text).unwrap();
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "extend my approval"]);
    let shown = show(&repo, &id, None);
    let edited = shown["approvals"].as_array().unwrap().iter().find(|a| a["file"] == file.as_str()).unwrap();
    assert_eq!(edited["valid"], false);
    assert!(edited["reason"].as_str().unwrap().contains("signature does not match"), "{edited:#}");
    assert_eq!(shown["state"], "pending");
}

#[test]
fn list_catches_a_forged_approval_after_it_verified_the_real_one() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    assert_eq!(approve(&repo, &id, "olive", &[]).code, 0);
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    let approved = |repo: &Repo| repo.run(&["list", "--state", "approved", "--format", "json"]).stdout.contains(&id);
    assert!(approved(&repo), "list remembers both signatures as verified");
    // olive's approval now claims to be by ivan (team-orders too), with olive's signature.
    let dir = repo.file(&format!("proposals/{}/{id}/approvals", &id[..2]));
    let file = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| fs::read_to_string(p).unwrap().contains("approver: olive"));
    let file = file.unwrap();
    let forged = fs::read_to_string(&file).unwrap().replace("approver: olive", "approver: ivan");
    fs::write(&file, forged).unwrap();
    git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "forge"]);
    assert!(!approved(&repo), "the forged statement is verified, and fails");
}

#[test]
fn the_inbox_holds_what_your_signature_would_fill_most_urgent_first() {
    let repo = Repo::new();
    // Needs team-orders and security; olive is team-orders, sam security, dana sponsors it.
    let first = repo.propose(INTENT);
    let second = repo.propose_at(&INTENT.replace("run-2026-05-14-0019", "run-2"), "2026-05-14T09:45:00Z");
    let inbox = |who: &str| -> Vec<String> {
        let key = repo.key(who);
        let r = crate::common::clearance(repo.path())
            .env("CLEARANCE_NOW", "2026-05-14T10:00:00Z")
            .args(["inbox", "--key-file", key.to_str().unwrap(), "--format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
        v.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(inbox("olive"), [first.clone(), second.clone()], "oldest first when equally urgent");
    // dana is in team-orders, but sponsors the agent: her signature would count for nothing.
    assert!(inbox("dana").is_empty(), "{:?}", inbox("dana"));
    assert_eq!(approve(&repo, &second, "olive", &[]).code, 0);
    assert_eq!(inbox("olive"), std::slice::from_ref(&first), "signed by olive: no longer waits for her");
    assert_eq!(inbox("sam"), [second.clone(), first.clone()], "one signature clears the second: it comes first");
    // ivan is in team-orders and security: olive filled team-orders of the second, so only
    // his security membership is of use there, and it still is.
    assert_eq!(inbox("ivan"), [second, first]);
    // An executor has no inbox: it approves nothing.
    let r = crate::common::clearance(repo.path())
        .args(["inbox", "--key-file", repo.key("runner").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&r.stderr).contains("`runner` is trusted as executor, not as an approver"));
}

/// `check ID` says what the proposal is now, and its explanation names only who can still
/// move it: not who already signed, not the agent's sponsor.
#[test]
fn check_of_a_filed_proposal_says_its_state_and_who_can_still_sign() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let check = |repo: &Repo| -> serde_json::Value {
        serde_json::from_str(&repo.run(&["check", &id, "--format", "json"]).stdout).unwrap()
    };
    let v = check(&repo);
    assert_eq!(v["state"], "pending");
    assert_eq!(approve(&repo, &id, "olive", &[]).code, 0);
    let v = check(&repo);
    assert_eq!(
        v["explain"]["missing"],
        serde_json::json!([{"group": "security", "count": 1, "candidates": ["sam", "ivan"]}]),
        "{v:#}"
    );
    assert_eq!(approve(&repo, &id, "sam", &[]).code, 0);
    let v = check(&repo);
    assert_eq!(v["state"], "approved", "{v:#}");
    assert_eq!(v["explain"]["cleared"], true, "{v:#}");
}
