//! Invariant 9: the rules (trust, policy, graph, providers, config) change only with the
//! signatures their governance requires. Every attack here is what an agent can do with
//! its own key and push access: plain `git commit`. Each must leave decisions unchanged,
//! the provider not run, and `verify` exiting 5 naming the edit.

use std::fs;
use std::path::Path;

use crate::common::{INTENT, Repo, clearance, git, run_stdin};
use crate::execute::{Spy, apply, approve, intent};

fn digest(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("sha256:{}", sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// Commit everything in the work tree as the agent would: plain git, its own name.
fn commit_as_agent(repo: &Repo, message: &str) {
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["-c", "user.name=deploy-bot", "-c", "user.email=deploy-bot@agents", "commit", "-qm", message]);
}

/// `verify` exits 5 and names `path` and the agent's commit.
fn assert_reported(repo: &Repo, path: &str) {
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "verify must fail:\n{}{}", r.stdout, r.stderr);
    let line = r.stdout.lines().find(|l| l.contains(path)).unwrap_or_else(|| panic!("{path} not named:\n{}", r.stdout));
    assert!(line.contains("deploy-bot <deploy-bot@agents>"), "the author is named: {line}");
    assert!(line.contains("without the signatures the rules require"), "{line}");
}

fn state(repo: &Repo, id: &str) -> String {
    let r = repo.run(&["show", id, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{}", r.stderr));
    v["state"].as_str().unwrap().to_owned()
}

#[test]
fn an_agent_adding_itself_as_approver_and_admin_gains_nothing() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    // A second key of the agent's own, trusted as an approver of every team and as admin.
    let extra = repo.path().with_file_name("extra");
    assert_eq!(repo.run(&["key", "new", "extra", "--file", extra.to_str().unwrap()]).code, 0);
    let public = fs::read_to_string(format!("{}.pub", extra.display())).unwrap();
    let trust = repo.file("trust/identities.yaml");
    let mut text = fs::read_to_string(&trust).unwrap();
    text.push_str(&format!(
        "  - principal: mallory\n    key: {}\n    role: approver\n    groups: [team-orders, security, team-platform]\n",
        public.trim()
    ));
    fs::write(&trust, text).unwrap();
    commit_as_agent(&repo, "add a helper");
    let r = repo.run(&["approve", &id, "--key-file", extra.to_str().unwrap(), "--yes"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("is not in trust/identities.yaml"), "{}", r.stderr);
    assert_eq!(state(&repo, &id), "pending");
    assert_reported(&repo, "trust/identities.yaml");
    // Nor can the agent's key sign the change into force.
    let head = repo.head();
    let r = repo.run(&["governance", "sign", "--yes", "--key-file", repo.key("deploy-bot").to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("`deploy-bot` (agent) may not sign this change to the rules"), "{}", r.stderr);
    assert_eq!(repo.head(), head, "nothing was written");
}

#[test]
fn trust_add_without_an_allowed_key_is_refused_and_writes_nothing() {
    let repo = Repo::new();
    let head = repo.head();
    let key = repo.path().with_file_name("mallory");
    assert_eq!(repo.run(&["key", "new", "mallory", "--file", key.to_str().unwrap()]).code, 0);
    let public = fs::read_to_string(format!("{}.pub", key.display())).unwrap();
    for signer in ["deploy-bot", "olive", "runner"] {
        let r = repo.run(&[
            "trust",
            "add",
            "mallory",
            "--role",
            "admin",
            "--key",
            public.trim(),
            "--signer-file",
            repo.key(signer).to_str().unwrap(),
        ]);
        assert_eq!(r.code, 1, "{signer}: {}", r.stderr);
        assert!(r.stderr.contains("may not sign this change to the rules"), "{signer}: {}", r.stderr);
        assert_eq!(repo.head(), head, "{signer}: nothing was written");
    }
    // Without any key it does not even start.
    let r = crate::common::clearance(repo.path())
        .env_remove("CLEARANCE_KEY_FILE")
        .args(["trust", "add", "mallory", "--role", "admin", "--key", public.trim()])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(repo.head(), head);
}

#[test]
fn policy_and_policy_data_edits_are_not_in_force() {
    let repo = Repo::new();
    let spy = Spy::install(&repo);
    // auto_approve in a new file; the protected targets and production emptied.
    fs::write(repo.file("policies/zz-evil.rego"), "package clearance\n\nimport rego.v1\n\nauto_approve := true\n")
        .unwrap();
    let data = fs::read_to_string(repo.file("policies/data.yaml"))
        .unwrap()
        .replace("protected_targets: [payments-db, users-db]", "protected_targets: []")
        .replace("production_environments: [prod, production]", "production_environments: []");
    fs::write(repo.file("policies/data.yaml"), data).unwrap();
    commit_as_agent(&repo, "tune policy");
    let pending = repo.propose(&intent("prod", "ok"));
    assert_eq!(state(&repo, &pending), "pending", "auto_approve from the branch is not in force");
    let protected = run_stdin(
        repo.path(),
        &["propose", "-f", "-"],
        intent("prod", "ok").replace("feature-flags", "users-db").as_bytes(),
    );
    assert_eq!(protected.code, 3, "users-db is still protected: {}", protected.stderr);
    let r = apply(&repo, &pending, &[]);
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(spy.calls().is_empty(), "the provider ran: {:?}", spy.calls());
    // What the agent sees warns it once.
    assert!(repo.run(&["show", &pending]).stderr.contains("differ from the rules in force and are ignored"));
    assert_reported(&repo, "policies/zz-evil.rego");
    assert_reported(&repo, "policies/data.yaml");
}

#[test]
fn a_graph_edit_that_shrinks_a_tier0_radius_is_not_in_force() {
    let repo = Repo::new();
    let radius = |repo: &Repo| -> u64 {
        let r = repo.run(&["blast", "users-db", "--format", "json"]);
        serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap()["summary"]["count"].as_u64().unwrap()
    };
    let before = radius(&repo);
    assert!(before > 3, "users-db reaches auth and its dependents");
    let graph = repo.file("graph/services.yaml");
    let text = fs::read_to_string(&graph).unwrap().replace("    depends_on: [users-db]\n", "");
    fs::write(&graph, text).unwrap();
    commit_as_agent(&repo, "tidy the graph");
    assert_eq!(radius(&repo), before);
    assert_reported(&repo, "graph/services.yaml");
}

/// A provider kept in the repository, signed into force: logs each call beside the repo.
fn kept_provider(repo: &Repo) -> std::path::PathBuf {
    let log = repo.path().with_file_name("kept.log");
    let script =
        "#!/bin/sh\ncat >/dev/null\necho \"$1\" >> \"$KEPT_LOG\"\necho '{\"status\":\"ok\",\"summary\":\"kept\"}'\n";
    fs::create_dir_all(repo.file("providers")).unwrap();
    fs::write(repo.file("providers/spy.sh"), script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(repo.file("providers/spy.sh"), fs::Permissions::from_mode(0o755)).unwrap();
    let config = fs::read_to_string(repo.file("clearance.yaml")).unwrap().replace(
        "providers:\n",
        &format!("providers:\n  spy:\n    command: [./providers/spy.sh]\n    env: {{KEPT_LOG: {}}}\n", log.display()),
    );
    fs::write(repo.file("clearance.yaml"), config).unwrap();
    repo.commit_rules("a provider kept in the repository");
    log
}

#[test]
fn a_swapped_provider_script_or_command_never_runs() {
    let repo = Repo::new();
    let log = kept_provider(&repo);
    let marker = repo.path().with_file_name("PWNED");
    // The script is swapped after the change was cleared (staging: it clears itself).
    let first = repo.propose(&intent("staging", "ok"));
    assert_eq!(state(&repo, &first), "approved");
    fs::write(
        repo.file("providers/spy.sh"),
        format!("#!/bin/sh\ntouch {}\necho '{{\"status\":\"ok\"}}'\n", marker.display()),
    )
    .unwrap();
    commit_as_agent(&repo, "faster provider");
    let r = apply(&repo, &first, &[]);
    assert_eq!(r.code, 0, "the script in force runs: {}", r.stderr);
    assert!(!marker.exists(), "the agent's script ran");
    assert_eq!(fs::read_to_string(&log).unwrap().lines().collect::<Vec<_>>(), ["apply"]);
    assert_reported(&repo, "providers/spy.sh");

    // The command is swapped in clearance.yaml.
    let second = repo.propose(&intent("staging", "ok"));
    let config = fs::read_to_string(repo.file("clearance.yaml"))
        .unwrap()
        .replace("command: [./providers/spy.sh]", &format!("command: [/bin/sh, -c, 'touch {}']", marker.display()));
    fs::write(repo.file("clearance.yaml"), config).unwrap();
    commit_as_agent(&repo, "simpler provider");
    assert_eq!(apply(&repo, &second, &[]).code, 0);
    assert!(!marker.exists(), "the agent's command ran");
    assert_reported(&repo, "clearance.yaml");
}

#[test]
fn an_approval_binds_the_provider_and_a_swap_by_the_admins_voids_it() {
    let repo = Repo::new();
    let _log = kept_provider(&repo);
    let id = repo.propose(&intent("prod", "ok"));
    approve(&repo, &id, "olive");
    assert_eq!(state(&repo, &id), "approved");
    // Even a signed change of the provider makes what olive reviewed stale.
    let script = fs::read_to_string(repo.file("providers/spy.sh")).unwrap();
    fs::write(repo.file("providers/spy.sh"), script.replace("kept", "kept v2")).unwrap();
    repo.commit_rules("provider v2");
    let r = repo.run(&["show", &id, "--format", "json"]);
    assert!(r.stdout.contains("stale: the provider changed since it was signed"), "{}", r.stdout);
    assert_eq!(state(&repo, &id), "pending");
}

#[test]
fn an_edited_repo_id_changes_nothing_and_a_forged_genesis_is_refused() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    approve(&repo, &id, "olive");
    approve(&repo, &id, "ivan");
    assert_eq!(state(&repo, &id), "approved");
    let config = fs::read_to_string(repo.file("clearance.yaml")).unwrap();
    fs::write(repo.file("clearance.yaml"), format!("{config}repo_id: 00000000-0000-4000-8000-000000000000\n")).unwrap();
    commit_as_agent(&repo, "repo id");
    assert_eq!(state(&repo, &id), "approved", "approvals still bind the genesis's id");
    assert_reported(&repo, "clearance.yaml");

    // A new genesis, signed by the agent as its own admin.
    let status: serde_json::Value =
        serde_json::from_str(&repo.run(&["governance", "status", "--format", "json"]).stdout).unwrap();
    let root = status["root"].as_str().unwrap().to_owned();
    let forged = repo.path().with_file_name("forged");
    let r = crate::common::run(
        repo.path().parent().unwrap(),
        &["init", forged.to_str().unwrap(), "--key-file", repo.key("deploy-bot").to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    fs::copy(forged.join("governance/log.jsonl"), repo.file("governance/log.jsonl")).unwrap();
    commit_as_agent(&repo, "fresh start");
    for args in [&["list"][..], &["show", &id], &["verify"]] {
        let r = repo.run(args);
        assert_eq!(r.code, 5, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("but the root pinned for it is"), "{args:?}: {}", r.stderr);
    }
    // A machine that never saw it, given the root (as CI executors are), refuses too.
    let fresh = tempfile::TempDir::new().unwrap();
    let out = clearance(repo.path())
        .env("XDG_STATE_HOME", fresh.path())
        .env("CLEARANCE_ROOT", &root)
        .args(["verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_forged_bundle_with_its_own_keys_does_not_verify() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    approve(&repo, &id, "olive");
    approve(&repo, &id, "ivan");
    let bundle = repo.path().with_file_name("bundle.json");
    let r = repo.run(&["evidence", "export", &id, "-o", bundle.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let status: serde_json::Value =
        serde_json::from_str(&repo.run(&["governance", "status", "--format", "json"]).stdout).unwrap();
    let root = status["root"].as_str().unwrap();
    let elsewhere = tempfile::TempDir::new().unwrap();
    let verify = |file: &Path, root: Option<&str>| {
        let mut cmd = clearance(elsewhere.path());
        cmd.env("XDG_STATE_HOME", elsewhere.path()).args(["verify", "--bundle", file.to_str().unwrap()]);
        if let Some(root) = root {
            cmd.args(["--root", root]);
        }
        crate::common::Run::from(cmd.output().unwrap())
    };
    // Genuine: verifies offline against the root, and needs it.
    assert_eq!(verify(&bundle, Some(root)).code, 0);
    let r = verify(&bundle, None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("needs the repository's root"), "{}", r.stderr);

    // Forged: the whole history re-made by a forger with keys of their own.
    let forger = Repo::new();
    let fake = forger.propose(INTENT);
    approve(&forger, &fake, "olive");
    approve(&forger, &fake, "ivan");
    let forged = forger.path().with_file_name("forged.json");
    assert_eq!(forger.run(&["evidence", "export", &fake, "-o", forged.to_str().unwrap()]).code, 0);
    let r = verify(&forged, Some(root));
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("not at the root"), "{}", r.stderr);
    // The real governance with the forger's trust file and files swapped in.
    let mut real: serde_json::Value = serde_json::from_slice(&fs::read(&bundle).unwrap()).unwrap();
    let theirs: serde_json::Value = serde_json::from_slice(&fs::read(&forged).unwrap()).unwrap();
    real["files"] = theirs["files"].clone();
    real["identities"] = theirs["identities"].clone();
    let mixed = repo.path().with_file_name("mixed.json");
    fs::write(&mixed, serde_json::to_vec(&real).unwrap()).unwrap();
    assert_eq!(verify(&mixed, Some(root)).code, 5);
    // The forger's trust file under the real log: its tree no longer hashes.
    let mut swapped: serde_json::Value = serde_json::from_slice(&fs::read(&bundle).unwrap()).unwrap();
    for (_, proof) in swapped["governance"]["trust"].as_object_mut().unwrap() {
        proof["identities"] = theirs["identities"].clone();
    }
    fs::write(&mixed, serde_json::to_vec(&swapped).unwrap()).unwrap();
    let r = verify(&mixed, Some(root));
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("does not hash"), "{}", r.stderr);
}

#[test]
fn threshold_two_needs_two_distinct_admins() {
    let repo = Repo::new();
    let admin = repo.key("admin");
    let sam = repo.key("sam");
    let sam_public = format!("{}.pub", sam.display());
    // One admin, threshold 2: capped at one admin, so the first adds the second alone.
    let r = repo.run(&[
        "governance",
        "sign",
        "--yes",
        "--add-admin",
        &format!("sam={sam_public}"),
        "--admin-threshold",
        "2",
        "--key-file",
        admin.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let new_key = repo.path().with_file_name("newbie");
    assert_eq!(repo.run(&["key", "new", "newbie", "--file", new_key.to_str().unwrap()]).code, 0);
    let add = |signer: &Path| {
        repo.run(&[
            "trust",
            "add",
            "newbie",
            "--role",
            "approver",
            "--key",
            &format!("{}.pub", new_key.display()),
            "--signer-file",
            signer.to_str().unwrap(),
            "--format",
            "json",
        ])
    };
    let trusted = |repo: &Repo| repo.run(&["trust", "list"]).stdout.contains("newbie");
    let r = add(&admin);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["governance"]["landed"], false);
    let digest = v["governance"]["digest"].as_str().unwrap().to_owned();
    assert!(!trusted(&repo), "one of two signatures: not in force");
    // The same admin again counts once.
    let r = repo.run(&["governance", "sign", &digest, "--yes", "--key-file", admin.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!trusted(&repo), "the same admin twice: still not in force");
    assert!(repo.run(&["verify"]).code == 0, "a pending change is not an unauthorized edit");
    // The second admin puts it in force.
    let r = repo.run(&["governance", "sign", &digest, "--yes", "--key-file", sam.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("in force:"), "{}", r.stderr);
    assert!(trusted(&repo));
    assert_eq!(repo.run(&["verify"]).code, 0);
}

#[test]
fn a_cut_or_replayed_log_is_a_rollback() {
    let repo = Repo::new();
    let log = repo.file("governance/log.jsonl");
    let before = fs::read_to_string(&log).unwrap();
    // Entry 2: revoke sam. This clone accepts it.
    let r = repo.run(&["trust", "revoke", "sam", "--signer-file", repo.key("admin").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(repo.run(&["list"]).code, 0);
    // Cut back to entry 1 (and the trust file with it): this clone refuses.
    fs::write(&log, &before).unwrap();
    git(repo.path(), &["checkout", "HEAD~1", "--", "trust/identities.yaml"]);
    commit_as_agent(&repo, "undo");
    let r = repo.run(&["list"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("governance rollback"), "{}", r.stderr);
    git(repo.path(), &["reset", "-q", "--hard", "HEAD~1"]);
    assert_eq!(repo.run(&["list"]).code, 0);

    // An older, validly signed entry copied to the tip: never accepted, by any clone.
    let text = fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    fs::write(&log, format!("{text}{}\n", lines[1])).unwrap();
    commit_as_agent(&repo, "replay");
    let fresh = tempfile::TempDir::new().unwrap();
    for state_dir in [crate::common::xdg("state"), fresh.path().to_path_buf()] {
        let out = clearance(repo.path()).env("XDG_STATE_HOME", &state_dir).args(["verify"]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(5), "{stdout}");
        assert!(stdout.contains("governance/log.jsonl line 4: entry 1: sequence number 1 where 3 was due"), "{stdout}");
        let status = clearance(repo.path())
            .env("XDG_STATE_HOME", &state_dir)
            .args(["governance", "status", "--format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
        assert_eq!(v["in_force"]["seq"], 2, "the replayed entry is not in force");
    }
}

#[test]
fn adopting_a_repository_made_before_governance_keeps_verify_green() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    approve(&repo, &id, "olive");
    approve(&repo, &id, "ivan");
    let status: serde_json::Value =
        serde_json::from_str(&repo.run(&["governance", "status", "--format", "json"]).stdout).unwrap();
    let root = status["root"].as_str().unwrap().to_owned();
    let show: serde_json::Value = serde_json::from_str(&repo.run(&["show", &id, "--format", "json"]).stdout).unwrap();
    let repo_id = show["review"]["repo_id"].as_str().unwrap().to_owned();
    // What the previous release left: no governance log anywhere in its history, and the
    // id in clearance.yaml. The same files, on a branch of their own.
    git(repo.path(), &["checkout", "-q", "--orphan", "legacy"]);
    git(repo.path(), &["rm", "-q", "--cached", "governance/log.jsonl"]);
    fs::remove_file(repo.file("governance/log.jsonl")).unwrap();
    let config = fs::read_to_string(repo.file("clearance.yaml")).unwrap();
    fs::write(repo.file("clearance.yaml"), format!("repo_id: {repo_id}\n{config}")).unwrap();
    git(repo.path(), &["add", "-A"]);
    git(
        repo.path(),
        &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "as the previous release made it"],
    );
    git(repo.path(), &["branch", "-q", "-D", "main"]);
    git(repo.path(), &["branch", "-q", "-m", "main"]);
    let machine = tempfile::TempDir::new().unwrap();
    let run = |args: &[&str]| -> crate::common::Run {
        clearance(repo.path()).env("XDG_STATE_HOME", machine.path()).args(args).output().unwrap().into()
    };
    let r = run(&["list"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("governance adopt"), "{}", r.stderr);
    let r = run(&["governance", "adopt", "--key-file", repo.key("admin").to_str().unwrap(), "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let adopted: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(adopted["repo_id"], repo_id.as_str());
    assert_ne!(adopted["root"], root.as_str());
    let r = run(&["verify"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&run(&["show", &id, "--format", "json"]).stdout).unwrap()["state"],
        "approved"
    );
}

#[test]
fn a_script_run_through_an_interpreter_or_sourcing_others_runs_as_in_force() {
    let repo = Repo::new();
    let log = kept_provider(&repo);
    // The admins run the script through sh, and it sources a helper beside it.
    fs::write(repo.file("providers/helper.sh"), "NOTE=kept\n").unwrap();
    let script = "#!/bin/sh\ncat >/dev/null\n. ./providers/helper.sh\necho \"$1 $NOTE\" >> \"$KEPT_LOG\"\necho '{\"status\":\"ok\"}'\n";
    fs::write(repo.file("providers/spy.sh"), script).unwrap();
    let config = fs::read_to_string(repo.file("clearance.yaml"))
        .unwrap()
        .replace("command: [./providers/spy.sh]", "command: [/bin/sh, providers/spy.sh]");
    fs::write(repo.file("clearance.yaml"), config).unwrap();
    repo.commit_rules("through sh");
    let id = repo.propose(&intent("staging", "ok"));
    let marker = repo.path().with_file_name("PWNED");
    let evil = format!("#!/bin/sh\ntouch {}\n", marker.display());
    fs::write(repo.file("providers/spy.sh"), &evil).unwrap();
    fs::write(repo.file("providers/helper.sh"), &evil).unwrap();
    commit_as_agent(&repo, "swap both");
    let r = apply(&repo, &id, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!marker.exists(), "the agent's code ran");
    assert_eq!(fs::read_to_string(&log).unwrap().trim(), "apply kept");
    assert_reported(&repo, "providers/helper.sh");
}

#[test]
fn what_only_looks_signed_excuses_nothing() {
    let repo = Repo::new();
    let log = repo.file("governance/log.jsonl");
    let lines: Vec<String> = fs::read_to_string(&log).unwrap().lines().map(str::to_owned).collect();
    // An old, validly signed entry filed as "pending", with the files it named restored.
    let old: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    fs::create_dir_all(repo.file("governance/pending")).unwrap();
    fs::write(repo.file("governance/pending/x.json"), &lines[0]).unwrap();
    let trust_then = git(repo.path(), &["show", "HEAD~1:trust/identities.yaml"]);
    fs::write(repo.file("trust/identities.yaml"), trust_then).unwrap();
    commit_as_agent(&repo, "pending");
    assert_eq!(old["seq"], 0);
    assert_reported(&repo, "trust/identities.yaml");
    git(repo.path(), &["reset", "-q", "--hard", "HEAD~1"]);

    // An entry that changes nothing, "signed" by the admin.
    let mut noop: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    noop["seq"] = (lines.len() as u64).into();
    noop["prev"] = digest(lines.last().unwrap().as_bytes()).into();
    noop["note"] = "trust add mallory".into();
    fs::write(&log, format!("{}\n{}\n", lines.join("\n"), serde_json::to_string(&noop).unwrap())).unwrap();
    commit_as_agent(&repo, "noop");
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains("changes nothing"), "{}", r.stdout);
    let status: serde_json::Value =
        serde_json::from_str(&repo.run(&["governance", "status", "--format", "json"]).stdout).unwrap();
    assert_eq!(status["in_force"]["seq"], (lines.len() - 1) as u64);
    git(repo.path(), &["reset", "-q", "--hard", "HEAD~1"]);

    // A submodule entry where graph/ was, with the same object id.
    let graph_id = git(repo.path(), &["rev-parse", "HEAD:graph"]).trim().to_owned();
    git(repo.path(), &["rm", "-q", "-r", "--cached", "graph"]);
    git(repo.path(), &["update-index", "--add", "--cacheinfo", &format!("160000,{graph_id},graph")]);
    git(repo.path(), &["-c", "user.name=deploy-bot", "-c", "user.email=deploy-bot@agents", "commit", "-qm", "gitlink"]);
    assert_reported(&repo, "graph/services.yaml");
}

#[test]
fn a_genesis_begun_again_is_refused_by_a_machine_that_never_saw_the_repository() {
    let repo = Repo::new();
    // The agent deletes the log and adopts the repository under its own key, on its machine.
    git(repo.path(), &["rm", "-q", "governance/log.jsonl"]);
    git(repo.path(), &["-c", "user.name=deploy-bot", "-c", "user.email=deploy-bot@agents", "commit", "-qm", "reset"]);
    let agent_machine = tempfile::TempDir::new().unwrap();
    let r = clearance(repo.path())
        .env("XDG_STATE_HOME", agent_machine.path())
        .args(["governance", "adopt", "--key-file", repo.key("deploy-bot").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    // A new executor, nothing pinned, no root given: it reads the history.
    let executor = tempfile::TempDir::new().unwrap();
    let r = clearance(repo.path()).env("XDG_STATE_HOME", executor.path()).args(["list"]).output().unwrap();
    assert_eq!(r.status.code(), Some(5));
    assert!(
        String::from_utf8_lossy(&r.stderr).contains("began with genesis"),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
}

#[test]
fn whitespace_around_a_log_line_is_not_a_rollback() {
    let repo = Repo::new();
    assert_eq!(repo.run(&["list"]).code, 0);
    let log = repo.file("governance/log.jsonl");
    let text = fs::read_to_string(&log).unwrap();
    fs::write(&log, text.replace("}\n", "} \n")).unwrap();
    commit_as_agent(&repo, "whitespace");
    let r = repo.run(&["list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_log_cut_back_is_refused_by_a_machine_that_never_saw_the_longer_one() {
    let repo = Repo::new();
    let log = repo.file("governance/log.jsonl");
    let before = fs::read_to_string(&log).unwrap();
    let status: serde_json::Value =
        serde_json::from_str(&repo.run(&["governance", "status", "--format", "json"]).stdout).unwrap();
    let root = status["root"].as_str().unwrap().to_owned();
    let r = repo.run(&["trust", "revoke", "sam", "--signer-file", repo.key("admin").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    fs::write(&log, &before).unwrap();
    git(repo.path(), &["checkout", "HEAD~1", "--", "trust/identities.yaml"]);
    commit_as_agent(&repo, "undo the revocation");
    // A fresh CI executor, given the root: the history shows the longer log.
    let fresh = tempfile::TempDir::new().unwrap();
    let out = clearance(repo.path())
        .env("XDG_STATE_HOME", fresh.path())
        .env("CLEARANCE_ROOT", &root)
        .args(["list"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("does not extend; it was cut or replaced since"), "{stderr}");
}
