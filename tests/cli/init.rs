use crate::common::{INTENT, Repo, git, run, run_stdin};

#[test]
fn init_makes_one_commit_and_a_clean_work_tree() {
    let repo = Repo::new();
    assert_eq!(git(repo.path(), &["rev-list", "--count", "HEAD"]).trim(), "2", "init, then the fixture's trust commit");
    let files = git(repo.path(), &["ls-tree", "-r", "--name-only", "HEAD"]);
    for f in
        ["clearance.yaml", "graph/services.yaml", "policies/agents.rego", "policies/data.yaml", "trust/identities.yaml"]
    {
        assert!(files.lines().any(|l| l == f), "{f} missing from {files}");
    }
    let config = std::fs::read_to_string(repo.file("clearance.yaml")).unwrap();
    assert!(!config.contains("{{repo_id}}"));
    assert_eq!(repo.status(), "");
}

#[test]
fn init_refuses_an_existing_change_repo_and_changes_nothing() {
    let repo = Repo::new();
    let head = repo.head();
    let r = repo.run(&["init", "."]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is already a change repository"), "{}", r.stderr);
    assert_eq!(repo.head(), head);
}

#[test]
fn init_adopts_a_git_repo_but_never_overwrites_its_files() {
    let tmp = tempfile::TempDir::new().unwrap();
    git(tmp.path(), &["init", "-q", "-b", "main"]);
    std::fs::create_dir(tmp.path().join("graph")).unwrap();
    std::fs::write(tmp.path().join("graph/services.yaml"), "mine\n").unwrap();
    git(tmp.path(), &["add", "."]);
    git(tmp.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "mine"]);
    let r = run(tmp.path(), &["init", "."]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("graph/services.yaml already exists"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(tmp.path().join("graph/services.yaml")).unwrap(), "mine\n");
}

#[test]
fn a_bare_repo_works_through_repo_flag_and_env() {
    let tmp = tempfile::TempDir::new().unwrap();
    let bare = tmp.path().join("changes.git");
    let admin = tmp.path().join("admin");
    assert_eq!(run(tmp.path(), &["key", "new", "admin", "--file", admin.to_str().unwrap()]).code, 0);
    let r = run(
        tmp.path(),
        &["init", "--bare", bare.to_str().unwrap(), "--key-file", admin.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["report"]["bare"], true);
    // Register the agent's key through the CLI, then propose signed with it.
    let key = tmp.path().join("agent");
    assert_eq!(run(tmp.path(), &["key", "new", "cost-optimizer", "--file", key.to_str().unwrap()]).code, 0);
    let public = format!("{}.pub", key.display());
    let r = run(
        tmp.path(),
        &[
            "--repo",
            bare.to_str().unwrap(),
            "trust",
            "add",
            "cost-optimizer",
            "--role",
            "agent",
            "--key",
            &public,
            "--replace",
            "--sponsor",
            "dana",
            "--allow-action",
            "rds.*",
            "--allow-env",
            "prod",
            "--signer-file",
            admin.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_stdin(
        tmp.path(),
        &["--repo", bare.to_str().unwrap(), "propose", "-f", "-", "--key-file", key.to_str().unwrap()],
        INTENT.as_bytes(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.stdout.trim();
    let shown =
        crate::common::clearance(tmp.path()).env("CLEARANCE_REPO", &bare).args(["show", &id[..6]]).output().unwrap();
    assert!(shown.status.success());
    assert!(String::from_utf8_lossy(&shown.stdout).contains("rds.delete-instance"));
    git(&bare, &["fsck", "--strict"]);
}

#[test]
fn commands_outside_a_change_repo_explain_themselves() {
    let tmp = tempfile::TempDir::new().unwrap();
    let r = run(tmp.path(), &["list"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not inside a change repository"), "{}", r.stderr);
    assert!(r.stderr.contains("clearance init"), "{}", r.stderr);
}

#[test]
fn demo_runs_the_lifecycle_in_a_fresh_directory() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("demo");
    let r = run(tmp.path(), &["demo", dir.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("$ clearance propose"), "{}", r.stderr);
    // The whole lifecycle ran: the last step shows the signed evidence through verify.
    for kind in ["proposed", "approved", "apply-started", "apply-finished", "verified"] {
        assert!(r.stdout.contains(kind), "no `{kind}` in\n{}", r.stdout);
    }
    assert!(r.stderr.contains("applied ") && r.stderr.contains("a change runs at most once"), "{}", r.stderr);
    // Steps are numbered 1..N without a gap, and it ends with the offline proof.
    let numbers: Vec<(usize, usize)> = r
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix('[')?.split_once(']')?.0.split_once('/'))
        .map(|(n, of)| (n.parse().unwrap(), of.parse().unwrap()))
        .collect();
    let total = numbers.first().map(|(_, of)| *of).unwrap_or(0);
    assert!(total > 10, "{}", r.stderr);
    assert_eq!(numbers, (1..=total).map(|n| (n, total)).collect::<Vec<_>>(), "{}", r.stderr);
    let tail = &r.stderr[r.stderr.find(&format!("[{total}/{total}]")).unwrap()..];
    assert!(tail.contains("$ clearance verify --bundle"), "{tail}");
    for step in ["$ clearance verify\n", "$ clearance evidence export"] {
        assert!(r.stderr.contains(step), "no `{step}` in\n{}", r.stderr);
    }
    git(&dir, &["fsck", "--strict"]);
    // A second run refuses the now non-empty directory.
    let again = run(tmp.path(), &["demo", dir.to_str().unwrap()]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("is not empty"));
}

#[test]
fn trust_edits_keep_the_files_comments() {
    let tmp = tempfile::TempDir::new().unwrap();
    let admin = tmp.path().join("admin");
    assert_eq!(run(tmp.path(), &["key", "new", "admin", "--file", admin.to_str().unwrap()]).code, 0);
    assert_eq!(run(tmp.path(), &["init", "r", "--key-file", admin.to_str().unwrap()]).code, 0);
    let dir = tmp.path().join("r");
    let signer = ["--signer-file", admin.to_str().unwrap()];
    let key = tmp.path().join("ci.key");
    assert_eq!(run(&dir, &["key", "new", "ci", "--file", key.to_str().unwrap()]).code, 0);
    let public = format!("{}.pub", key.display());
    let path = dir.join("trust/identities.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let add = run(
        &dir,
        &[&["trust", "add", "ci", "--role", "executor", "--key", &public, "--format", "json"][..], &signer].concat(),
    );
    assert_eq!(add.code, 0, "{}", add.stderr);
    let added: serde_json::Value = serde_json::from_str(&add.stdout).unwrap();
    assert_eq!((added["principal"].as_str(), added["role"].as_str()), (Some("ci"), Some("executor")));
    assert!(added["fingerprint"].as_str().unwrap().starts_with("SHA256:"));
    assert!(!add.stderr.contains("not kept"), "{}", add.stderr);
    let revoke = run(&dir, &[&["trust", "revoke", "deploy-bot", "--at", "2026-05-14T09:00:00Z"][..], &signer].concat());
    assert_eq!(revoke.code, 0, "{}", revoke.stderr);
    let after = std::fs::read_to_string(&path).unwrap();
    for comment in before.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(after.contains(comment), "lost `{comment}`:\n{after}");
    }
    assert!(after.contains("  - principal: ci\n    role: executor\n"), "{after}");
    assert!(after.contains("  - principal: deploy-bot\n    revoked_at: \"2026-05-14T09:00:00Z\"\n"), "{after}");
    assert_eq!(git(&dir, &["status", "--porcelain"]), "");
}

#[test]
fn a_key_made_in_a_file_is_listed_and_named_when_asked_for_by_name() {
    let tmp = tempfile::TempDir::new().unwrap();
    let config = tmp.path().join("config");
    let file = tmp.path().join("olive-key");
    let run = |args: &[&str]| -> crate::common::Run {
        crate::common::clearance(tmp.path())
            .env("XDG_CONFIG_HOME", &config)
            .env("CLEARANCE_KEYRING", "keyutils")
            .args(args)
            .output()
            .unwrap()
            .into()
    };
    assert_eq!(run(&["key", "new", "olive-file", "--file", file.to_str().unwrap()]).code, 0);
    let listed = run(&["key", "list"]);
    assert!(listed.stdout.contains("olive-file") && listed.stdout.contains("file "), "{}", listed.stdout);
    // In JSON, an array of records like every other list (`trust list` too).
    let listed: serde_json::Value = serde_json::from_str(&run(&["key", "list", "--format", "json"]).stdout).unwrap();
    let entry = listed.as_array().unwrap().iter().find(|k| k["name"] == "olive-file").unwrap();
    assert_eq!(entry["store"], "file");
    assert!(entry["fingerprint"].as_str().unwrap().starts_with("SHA256:"));
    let shown = run(&["key", "show", "olive-file"]);
    assert_ne!(shown.code, 0);
    assert!(shown.stderr.contains("was made as a key file: use --key-file"), "{}", shown.stderr);
}

/// `clearance version` is the version, not a did-you-mean for `verify`.
#[test]
fn version_is_a_command_too() {
    let dir = tempfile::TempDir::new().unwrap();
    let r = crate::common::run(dir.path(), &["version"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), format!("clearance {}", env!("CARGO_PKG_VERSION")));
    let r = crate::common::run(dir.path(), &["version", "--format", "json"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap()["version"], env!("CARGO_PKG_VERSION"));
}

/// This machine's config.yaml names the default format and repository; the command line
/// and the current directory still win.
#[test]
fn this_machine_s_config_names_the_default_format_and_repository() {
    let repo = crate::common::Repo::new();
    let machine = tempfile::TempDir::new().unwrap();
    let elsewhere = tempfile::TempDir::new().unwrap();
    std::fs::create_dir_all(machine.path().join("clearance")).unwrap();
    std::fs::write(
        machine.path().join("clearance/config.yaml"),
        format!("format: json\nrepo: {}\n", repo.path().display()),
    )
    .unwrap();
    let list = |dir: &std::path::Path, extra: &[&str]| -> crate::common::Run {
        crate::common::clearance(dir)
            .env("XDG_CONFIG_HOME", machine.path())
            .arg("list")
            .args(extra)
            .output()
            .unwrap()
            .into()
    };
    // Outside any repository: the configured one, in JSON.
    let r = list(elsewhere.path(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(serde_json::from_str::<serde_json::Value>(&r.stdout).is_ok(), "not JSON: {}", r.stdout);
    // --format on the command line wins.
    let r = list(elsewhere.path(), &["--format", "human"]);
    assert!(serde_json::from_str::<serde_json::Value>(&r.stdout).is_err(), "{}", r.stdout);
    // A broken file is said, not silently ignored; a missing repository is named as the config's.
    std::fs::write(machine.path().join("clearance/config.yaml"), "formt: json\n").unwrap();
    let r = list(elsewhere.path(), &[]);
    assert!(r.stderr.contains("ignoring this machine's config") && r.stderr.contains("formt"), "{}", r.stderr);
    std::fs::write(machine.path().join("clearance/config.yaml"), "repo: /nonexistent/changes\n").unwrap();
    let r = list(elsewhere.path(), &[]);
    assert!(r.stderr.contains("the repository this machine's config.yaml names"), "{}", r.stderr);
    // Without the config there is no repository here.
    let r: crate::common::Run = crate::common::clearance(elsewhere.path()).arg("list").output().unwrap().into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("not inside a change repository"), "{}", r.stderr);
}
