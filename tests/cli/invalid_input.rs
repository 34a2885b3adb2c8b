//! Invariant 5: bad input changes nothing — no commit, no file, a located message.

use std::fs;
use std::path::Path;

use crate::common::{INTENT, Repo, run_stdin};

/// Propose `bytes` and assert the rejection: exit 1, the message points at `line:col`
/// and says `needle`, and neither the branch nor the work tree changed.
fn assert_refused(repo: &Repo, name: &str, bytes: &[u8], location: &str, needle: &str) {
    let head = repo.head();
    let file = repo.path().join("..").join(format!("{}-{name}", repo.path().file_name().unwrap().to_string_lossy()));
    fs::write(&file, bytes).unwrap();
    let r = repo.run(&["propose", "-f", file.to_str().unwrap()]);
    fs::remove_file(&file).unwrap();
    assert_eq!(r.code, 1, "{name}: expected exit 1, got {}\n{}", r.code, r.stderr);
    assert!(r.stdout.is_empty(), "{name}: printed data on failure: {}", r.stdout);
    assert!(r.stderr.contains(&format!(":{location}")), "{name}: expected location {location} in\n{}", r.stderr);
    assert!(r.stderr.contains(needle), "{name}: expected `{needle}` in\n{}", r.stderr);
    assert_eq!(repo.head(), head, "{name}: the branch moved");
    assert_eq!(repo.status(), "", "{name}: the work tree changed");
}

#[test]
fn every_invalid_sample_is_refused_with_a_located_message() {
    let repo = Repo::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples/intents/invalid");
    let mut count = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        let header = String::from_utf8_lossy(&bytes).lines().next().unwrap().to_owned();
        let expect = header.strip_prefix("# expect: ").expect("each sample starts with `# expect: LINE:COL message`");
        let (location, needle) = expect.split_once(' ').unwrap();
        assert_refused(&repo, path.file_name().unwrap().to_str().unwrap(), &bytes, location, needle);
        count += 1;
    }
    assert!(count >= 15, "only {count} samples");
}

#[test]
fn generated_hostile_inputs_are_refused() {
    let repo = Repo::new();
    // Ten megabytes: refused by size before parsing.
    let huge = INTENT.repeat(10 * 1024 * 1024 / INTENT.len() + 1);
    assert_refused(&repo, "huge.yaml", huge.as_bytes(), "1:1", "too large");
    // An empty file.
    assert_refused(&repo, "empty.yaml", b"", "1:1", "the document is empty");
    // Binary garbage, with NUL bytes.
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_refused(&repo, "garbage.bin", &garbage, "1:", "not valid UTF-8");
    // Valid UTF-8 but NUL bytes inside.
    assert_refused(&repo, "nul.yaml", b"apiVersion: clearance/v1\nkind: \0Intent\n", "2:1", "NUL byte");
    // Latin-1 bytes in an otherwise fine document: the first bad byte is located.
    let mut latin1 = INTENT.replace("reason: Migrated", "reason: Migr\u{1}ted").into_bytes();
    let at = latin1.iter().position(|&b| b == 1).unwrap();
    latin1[at] = 0xe9;
    assert_refused(&repo, "latin1.yaml", &latin1, "12:15", "invalid UTF-8 byte 0xe9");
    // The billion laughs: refused at the first alias, never expanded.
    let mut bomb = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        bomb.push_str(&format!(
            "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    assert_refused(&repo, "bomb.yaml", bomb.as_bytes(), "1:4", "anchors are not allowed");
    // Deeply nested documents: our own limit, and the parser's far beyond it.
    let deep =
        |n: usize| format!("apiVersion: clearance/v1\nkind: Intent\nmetadata: {}{}\n", "[".repeat(n), "]".repeat(n));
    assert_refused(&repo, "deep.yaml", deep(100).as_bytes(), "3:", "nesting deeper than 64");
    assert_refused(&repo, "deeper.yaml", deep(100_000).as_bytes(), "3:", "recursion limit exceeded");
}

#[test]
fn huge_input_on_stdin_is_refused_without_reading_it_all() {
    let repo = Repo::new();
    let head = repo.head();
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], &vec![b'#'; 10 * 1024 * 1024]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("<stdin> is too large"), "{}", r.stderr);
    assert_eq!(repo.head(), head);
}

#[test]
fn every_valid_sample_is_accepted() {
    let repo = Repo::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples/intents/valid");
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let r = repo.run(&["propose", "-f", path.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}: {}", path.display(), r.stderr);
        let id = r.stdout.trim();
        let committed =
            crate::common::git(repo.path(), &["show", &format!("HEAD:proposals/{}/{id}/intent.yaml", &id[..2])]);
        assert_eq!(committed.as_bytes(), fs::read(&path).unwrap(), "intent must be committed byte for byte");
    }
    assert_eq!(repo.status(), "");
}

#[test]
fn a_broken_graph_is_never_signed_into_force_and_a_committed_one_is_not_read() {
    let repo = Repo::new();
    let graph = repo.file("graph/services.yaml");
    let good = fs::read_to_string(&graph).unwrap();
    fs::write(&graph, good.replace("depends_on: [users-db]", "depends_on: [users-db, ghost]")).unwrap();
    // Signing it is refused, naming the problem; nothing is written.
    let head = repo.head();
    let r = repo.sign_rules("break the graph");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("`auth` depends on `ghost`, which is not in the graph"), "{}", r.stderr);
    assert_eq!(repo.head(), head);
    // Committed with plain git, it is not in force: proposals are judged by the graph in force.
    crate::common::git(
        repo.path(),
        &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "break the graph"],
    );
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = repo.run(&["verify"]);
    assert_eq!(r.code, 5, "{}", r.stdout);
    assert!(r.stdout.contains("graph/services.yaml: edited in commit"), "{}", r.stdout);
}

#[test]
fn a_misspelt_field_is_shown_where_it_is_with_the_fix() {
    let repo = Repo::new();
    let intent = "\
apiVersion: clearance/v1
kind: Intent
metadata:
  agent: cost-optimizer
spec:
  action: rds.delete-instance
  environment: prod
  targets: [orders-db-old]
  reasn: Migrated to orders-db-small
";
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], intent.as_bytes());
    insta::assert_snapshot!(r, @r"
    exit: 1
    --- stdout
    --- stderr
    error: <stdin> is not a valid intent (2 problems)
      --> <stdin>:5:1 (spec.reason)
         |
       5 | spec:
         | ^^^^ missing field `reason`
      --> <stdin>:9:3 (spec.reasn)
         |
       9 |   reasn: Migrated to orders-db-small
         |   ^^^^^ unknown field `reasn`, did you mean `reason`?
    hint: `clearance schema intent` prints the JSON Schema of an intent
    ");
    let r = run_stdin(repo.path(), &["propose", "-f", "-", "--format", "json"], intent.as_bytes());
    insta::assert_snapshot!(r, @r#"
    exit: 1
    --- stdout
    --- stderr
    {"error":{"code":"invalid-input","column":1,"file":"<stdin>","hints":["`clearance schema intent` prints the JSON Schema of an intent"],"line":5,"message":"<stdin> is not a valid intent (2 problems)","omitted":0,"path":"spec.reason","problems":[{"column":1,"line":5,"message":"missing field `reason`","path":"spec.reason"},{"column":3,"expected":"one of `action`, `environment`, `limits`, `params`, `reason`, `risk`, `rollback`, `targets`, `verify`","line":9,"message":"unknown field `reasn`, did you mean `reason`?","path":"spec.reasn","suggestions":["reason"]}]}}
    "#);
}

#[test]
fn control_characters_are_refused_at_propose_and_shown_escaped_when_committed() {
    let repo = Repo::new();
    let hidden = INTENT.replace(
        "reason: Migrated to orders-db-small, see CHG-4471",
        "reason: \"Routine restart\\e[8m (actually deletes prod)\\u202e\"",
    );
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], hidden.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("U+001B in a string"), "{}", r.stderr);
    assert!(r.stderr.contains("spec.reason"), "{}", r.stderr);
    // Committed with plain git instead (as a modified clearance could): shown escaped.
    let id = repo.propose(INTENT);
    let path = repo.file(&format!("proposals/{}/{id}/intent.yaml", &id[..2]));
    // YAML escapes: the file is plain text, the string it holds is not.
    fs::write(&path, &hidden).unwrap();
    crate::common::git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "sneaky"]);
    let r = repo.run(&["show", &id]);
    assert!(!r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{202e}'), "raw control characters printed");
    assert!(r.stdout.contains("\\e[8m") && r.stdout.contains("\\u{202e}"), "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_committed_symlink_never_redirects_a_write() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    // The agent replaces the proposal's approvals directory with a link to a place outside.
    let outside = tempfile::TempDir::new().unwrap();
    let approvals = repo.file(&format!("proposals/{}/{id}/approvals", &id[..2]));
    std::os::unix::fs::symlink(outside.path(), &approvals).unwrap();
    crate::common::git(repo.path(), &["add", "-A"]);
    crate::common::git(repo.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "link"]);
    let head = repo.head();
    let key = repo.key("olive");
    let r = repo.run(&["approve", &id, "--yes", "--key-file", key.to_str().unwrap()]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("is a symlink"), "{}", r.stderr);
    assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0, "nothing was written outside");
    assert_eq!(repo.head(), head, "nothing was committed");
}

#[test]
fn ten_thousand_bad_targets_get_a_screenful_and_a_count() {
    let repo = Repo::new();
    let head = repo.head();
    let targets: Vec<String> = (0..10_000).map(|i| format!("\"Bad Target {i}!\"")).collect();
    let intent = INTENT.replace("targets: [orders-db-old]", &format!("targets: [{}]", targets.join(", ")));
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], intent.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.len() < 50_000, "{} bytes of errors", r.stderr.len());
    assert!(r.stderr.contains("(20001 problems)") && r.stderr.contains("and 19951 more problems"), "{}", r.stderr);
    let json = run_stdin(repo.path(), &["propose", "-f", "-", "--format", "json"], intent.as_bytes());
    let error: serde_json::Value = serde_json::from_str(&json.stderr).unwrap();
    assert_eq!(error["error"]["problems"].as_array().unwrap().len(), 50);
    assert_eq!(error["error"]["omitted"], 19951);
    assert_eq!(repo.head(), head);
}

#[test]
fn endless_or_huge_input_files_are_refused_at_their_limit() {
    let repo = Repo::new();
    let head = repo.head();
    // A stream that never ends: read up to the limit and no further.
    let admin = repo.key("admin");
    let admin = admin.to_str().unwrap();
    let r = repo.run(&["trust", "add", "eve", "--role", "approver", "--key", "/dev/zero", "--signer-file", admin]);
    assert_eq!(r.code, 1, "{r}");
    assert!(r.stderr.contains("/dev/zero is larger than 64 KiB, the limit for a public key"), "{r}");
    // Sparse files that claim more than the limit: refused by their size, before reading.
    let huge = repo.path().with_extension("huge");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(600 << 20).unwrap();
    let huge = huge.to_str().unwrap();
    let r = repo.run(&["graph", "check", huge]);
    assert_eq!(r.code, 1, "{r}");
    assert!(r.stderr.contains("is larger than 512 MiB, the limit for a service graph"), "{r}");
    let r = repo.run(&["verify", "--bundle", huge]);
    assert_eq!(r.code, 1, "{r}");
    assert!(r.stderr.contains("is larger than 256 MiB, the limit for a bundle"), "{r}");
    let r = repo.run(&["graph", "import", "backstage", huge]);
    assert_eq!(r.code, 1, "{r}");
    assert!(r.stderr.contains("the limit for a catalog file"), "{r}");
    fs::remove_file(huge).unwrap();
    assert_eq!(repo.head(), head);
}

#[test]
fn an_edited_or_cut_cache_is_rebuilt_never_served() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let listed = |repo: &Repo| -> serde_json::Value {
        let r = repo.run(&["list", "--format", "json"]);
        assert_eq!(r.code, 0, "{r}");
        serde_json::from_str(&r.stdout).unwrap()
    };
    assert_eq!(listed(&repo)[0]["state"], "pending");
    let cache = repo.path().join(".git/clearance/proposals.json");
    let text = fs::read_to_string(&cache).unwrap();
    assert!(text.contains("\"pending\"") && text.contains("cost-optimizer"));
    // A hand edit that flips the state and renames the agent: the sum no longer matches.
    fs::write(&cache, text.replace("\"pending\"", "\"applied\"").replace("cost-optimizer", "someone-else")).unwrap();
    let after = listed(&repo);
    assert_eq!(after[0]["id"], id.as_str());
    assert_eq!(after[0]["state"], "pending", "an edited cache was served");
    assert_eq!(after[0]["agent"], "cost-optimizer");
    // The agent's history (what policy sees) comes from the branch too.
    let checked = run_stdin(repo.path(), &["check", "-f", "-", "--format", "json"], INTENT.as_bytes());
    let checked: serde_json::Value = serde_json::from_str(&checked.stdout).unwrap();
    assert_eq!(checked["history"]["proposals_last_hour"], 1);
    // Cut short: rebuilt as well.
    let text = fs::read_to_string(&cache).unwrap();
    fs::write(&cache, &text[..text.len() / 2]).unwrap();
    assert_eq!(listed(&repo)[0]["state"], "pending");
}

#[test]
fn an_unreadable_proposal_is_listed_as_broken_and_strict_fails() {
    let repo = Repo::new();
    let good = repo.propose(crate::common::INTENT);
    let bad = repo.propose(crate::common::INTENT);
    let evidence = repo.file(&format!("proposals/{}/{bad}/evidence.jsonl", &bad[..2]));
    fs::write(&evidence, "{not json\n").unwrap();
    crate::common::git(repo.path(), &["add", "-A"]);
    crate::common::git(repo.path(), &["-c", "user.name=a", "-c", "user.email=a@a", "commit", "-qm", "break one"]);
    let r = repo.run(&["list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let row = r.stdout.lines().find(|l| l.contains(&bad)).unwrap_or_else(|| panic!("{}", r.stdout));
    assert!(row.contains("broken"), "{row}");
    assert!(r.stdout.contains(&good));
    let r = repo.run(&["list", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let broken = items.as_array().unwrap().iter().find(|i| i["id"] == bad.as_str()).unwrap();
    assert_eq!(broken["state"], "broken");
    assert!(!broken["reason"].as_str().unwrap().is_empty());
    let r = repo.run(&["list", "--strict"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("1 proposal(s) cannot be read"), "{}", r.stderr);
    assert_eq!(repo.run(&["list", "--strict", "--format", "json"]).code, 5);
}

#[test]
fn errors_in_committed_content_name_file_line_and_column_in_both_formats() {
    let repo = Repo::new();
    let id = repo.propose(crate::common::INTENT);
    // Policy data that does not parse is refused before it is signed, located.
    let data = repo.file("policies/data.yaml");
    let original = fs::read_to_string(&data).unwrap();
    fs::write(&data, original.replace("budget_usd_per_day: 50", "budget_usd_per_day: [50")).unwrap();
    let r = repo.sign_rules("broken data");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("policies/data.yaml:"), "{}", r.stderr);
    let admin = repo.key("admin");
    let r = repo.run(&[
        "governance",
        "sign",
        "--yes",
        "-m",
        "x",
        "--key-file",
        admin.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let e: serde_json::Value = serde_json::from_str(&r.stderr).unwrap_or_else(|_| panic!("{}{}", r.stdout, r.stderr));
    assert_eq!(e["error"]["file"], "policies/data.yaml", "{e:#}");
    assert!(e["error"]["line"].as_u64().unwrap() > 1, "{e:#}");
    fs::write(&data, original).unwrap();
    let dir = format!("proposals/{}/{id}", &id[..2]);
    // A second evidence line cut short.
    let evidence = repo.file(&format!("{dir}/evidence.jsonl"));
    let mut text = fs::read_to_string(&evidence).unwrap();
    text.push_str("{\"seq\": 2, \"kind\": \n");
    fs::write(&evidence, text).unwrap();
    crate::common::git(repo.path(), &["add", "-A"]);
    crate::common::git(repo.path(), &["-c", "user.name=a", "-c", "user.email=a@a", "commit", "-qm", "cut"]);
    let r = repo.run(&["show", &id]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains(&format!("{dir}/evidence.jsonl:2:")), "{}", r.stderr);
    let r = repo.run(&["show", &id, "--format", "json"]);
    let e: serde_json::Value = serde_json::from_str(&r.stderr).unwrap_or_else(|_| panic!("{}{}", r.stdout, r.stderr));
    assert_eq!(e["error"]["file"], format!("{dir}/evidence.jsonl"), "{e:#}");
    assert_eq!(e["error"]["line"], 2, "{e:#}");
    assert!(e["error"]["column"].as_u64().unwrap() > 1, "{e:#}");
}

/// A mistyped subcommand keeps clap's did-you-mean in JSON too.
#[test]
fn usage_errors_in_json_keep_the_did_you_mean() {
    let dir = tempfile::TempDir::new().unwrap();
    let r = crate::common::run(dir.path(), &["verfy", "--format", "json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(r.stderr.trim()).unwrap_or_else(|_| panic!("{}", r.stderr));
    assert!(v.to_string().contains("a similar subcommand exists: 'verify'"), "{v}");
    // What clap says after the first line is kept: the missing arguments, the values.
    let r = crate::common::run(dir.path(), &["check", "--format", "json"]);
    assert!(r.stderr.contains("<ID|--file <FILE>>"), "{}", r.stderr);
    let r = crate::common::run(dir.path(), &["list", "--state", "bogus", "--format", "json"]);
    assert!(r.stderr.contains("possible values"), "{}", r.stderr);
}

/// `check` with nothing to check names both things it could check.
#[test]
fn check_without_an_argument_names_the_id_and_the_file() {
    let repo = crate::common::Repo::new();
    let r = repo.run(&["check"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("<ID|--file <FILE>>"), "{}", r.stderr);
}

/// In JSON, a problem says what was expected and suggests what is close, for an agent to fix
/// its intent without parsing the message.
#[test]
fn problems_carry_what_was_expected_and_suggestions() {
    let repo = crate::common::Repo::new();
    let intent = crate::common::INTENT.replace("reason:", "reasn:").replace("timeout: 10m", "timeout: ten");
    let r = crate::common::run_stdin(repo.path(), &["propose", "-f", "-", "--format", "json"], intent.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(r.stderr.trim()).unwrap();
    let problems = v["error"]["problems"].as_array().unwrap();
    let unknown = problems.iter().find(|p| p["path"] == "spec.reasn").unwrap_or_else(|| panic!("{v:#}"));
    assert_eq!(unknown["suggestions"], serde_json::json!(["reason"]), "{v:#}");
    let duration = problems.iter().find(|p| p["path"] == "spec.limits.timeout").unwrap_or_else(|| panic!("{v:#}"));
    assert!(duration["expected"].as_str().unwrap().contains("a duration"), "{v:#}");
    // A target that is not in the graph: what it should be, and what is close.
    let intent = crate::common::INTENT.replace("[orders-db-old]", "[orders-db-olde]");
    let r = crate::common::run_stdin(repo.path(), &["propose", "-f", "-", "--format", "json"], intent.as_bytes());
    let v: serde_json::Value = serde_json::from_str(r.stderr.trim()).unwrap();
    assert_eq!(v["error"]["problems"][0]["suggestions"], serde_json::json!(["orders-db-old"]), "{v:#}");
}
