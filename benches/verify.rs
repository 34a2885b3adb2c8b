//! `verify` throughput on a repository holding 100,000 evidence entries, and the overhead
//! `apply` adds around a provider. Run: `cargo bench --bench verify` (CLEARANCE_BENCH_ENTRIES
//! to change the size).

use std::time::Instant;

use clearance::model::evidence::{self, Kind};
use clearance::store::repo::Write;
use clearance::text::bytes::digest;
use clearance::trust::keys;

fn main() {
    let entries: usize = std::env::var("CLEARANCE_BENCH_ENTRIES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("clearance-verify-bench-{}", std::process::id()));
    // CLEARANCE_BENCH_BARE=1: a bare repository, as on a server or CI executor (no work tree
    // or git index to keep in sync).
    let bare = std::env::var("CLEARANCE_BENCH_BARE").is_ok_and(|v| v == "1");
    let admin = keys::generate().unwrap();
    let genesis = clearance::model::scaffold::Genesis { admin: "admin".into(), key: &admin, admin_threshold: 1 };
    clearance::model::scaffold::init(&dir, bare, genesis).expect("init");
    let repo = clearance::trust::governance::open(Some(&dir)).expect("open");
    let agent = keys::generate().unwrap();
    let runner = keys::generate().unwrap();
    let trust = format!(
        "apiVersion: clearance/v1\nkind: Identities\nidentities:\n  - {{principal: deploy-bot, role: agent, key: {}, allow: {{actions: [file.*], environments: [staging]}}}}\n  - {{principal: runner, role: executor, key: {}}}\n",
        keys::public_openssh(agent.public_key()),
        keys::public_openssh(runner.public_key())
    );
    let repo_id = clearance::model::config::Config::load(&repo.snapshot().unwrap()).unwrap().repo_id;

    // Four entries a proposal: proposed (agent), auto-approved, apply-started and
    // apply-finished (executor); three signatures.
    let proposals = entries / 4;
    let t = Instant::now();
    clearance::trust::change::edit_file(&repo, &admin, "trust/identities.yaml", "bench keys", |_| {
        Ok(trust.clone().into_bytes())
    })
    .unwrap();
    let mut writes = Vec::new();
    for n in 0..proposals {
        let id = format!("{:02}{:08}", n % 97, n);
        let intent = format!(
            "apiVersion: clearance/v1\nkind: Intent\nmetadata: {{agent: deploy-bot}}\nspec:\n  action: file.write\n  environment: staging\n  targets: [feature-flags]\n  reason: bench {n}\n  risk: {{reversible: true}}\n"
        );
        let at = "2026-05-14T09:30:00Z";
        let decision = serde_json::json!({"deny": [], "warn": [], "approvals": [], "auto_approve": true});
        let p = serde_json::json!({"id": id, "intent_digest": digest(intent.as_bytes()), "blast_radius_digest": "sha256:x", "decision_digest": "sha256:y", "decision": decision});
        let log = evidence::append_signed(b"", Kind::Proposed, at, "deploy-bot", p, Some(&agent)).unwrap();
        let log = evidence::append(&log, Kind::AutoApproved, at, "policy", serde_json::json!({})).unwrap();
        let started = serde_json::json!({"blast_radius_digest": "sha256:x", "decision_digest": "sha256:y", "required": [], "auto_approve": true});
        let log = evidence::append_signed(&log, Kind::ApplyStarted, at, "runner", started, Some(&runner)).unwrap();
        let log = evidence::append_signed(
            &log,
            Kind::ApplyFinished,
            at,
            "runner",
            serde_json::json!({"status": "ok"}),
            Some(&runner),
        )
        .unwrap();
        let dir = format!("proposals/{}/{id}", &id[..2]);
        writes.push(Write::file(format!("{dir}/intent.yaml"), intent));
        writes.push(Write::file(format!("{dir}/evidence.jsonl"), log));
    }
    repo.transact("bench", "bench data", |_| Ok((writes.clone(), ()))).unwrap();
    // A long-lived repository is packed; measure that, not 100,000 loose objects.
    std::process::Command::new("git").args(["gc", "-q"]).current_dir(&dir).status().unwrap();
    eprintln!(
        "built and packed {proposals} proposals / {} entries in {:.1}s",
        proposals * 4,
        t.elapsed().as_secs_f64()
    );

    let snapshot = repo.snapshot().unwrap();
    let trust = clearance::trust::identities::Identities::load(&snapshot).unwrap();
    let cx = clearance::decide::verify::Context::new(&repo_id, &trust, true)
        .with_history(clearance::trust::change::key_history(&repo).unwrap());
    let t = Instant::now();
    let files: Vec<_> = clearance::decide::verify::all(&snapshot)
        .unwrap()
        .iter()
        .map(|(id, tree)| clearance::decide::verify::files_in(&snapshot, id, *tree).unwrap())
        .collect();
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut problems = Vec::new();
    let checked = clearance::decide::verify::many(&files, &cx, &mut problems);
    println!("read {} proposals from git in {read:.2}s", files.len());
    let all = read + t.elapsed().as_secs_f64();
    let secs = t.elapsed().as_secs_f64();
    assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(3)]);
    println!(
        "verify: {checked} evidence entries checked in {secs:.2}s = {:.0} entries/s on every core (goal >= 40,000)",
        checked as f64 / secs
    );
    println!("verify including reading from git: {all:.2}s = {:.0} entries/s", checked as f64 / all);
    // `clearance verify` also decides every auto-approval again under the rules in force
    // when it was filed.
    let filed: Vec<_> = files.iter().filter_map(clearance::decide::filing::Filed::of).collect();
    let t = Instant::now();
    clearance::decide::filing::check(&repo, &snapshot, &filed, &mut problems).unwrap();
    let secs_filed = t.elapsed().as_secs_f64();
    assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(3)]);
    println!(
        "re-deciding {} auto-approvals: {secs_filed:.2}s ({:.0} us each); verify in all: {:.2}s",
        filed.len(),
        secs_filed * 1e6 / filed.len().max(1) as f64,
        all + secs_filed
    );
    // Side by side: raw ed25519 batch verification of as many signatures (three of every
    // four entries are signed), in batches of the same size verify uses.
    let signed = checked * 3 / 4;
    let raw = raw_batch_per_sec(signed);
    // The peer runs on one core; verify on every core, as `clearance verify` does.
    let per_sec = signed as f64 / secs;
    println!(
        "raw ed25519 batch verification: {raw:.0} signatures/s; verify checks {per_sec:.0} signatures/s = {:.0}% of it (goal >= 80%)",
        per_sec / raw * 100.0
    );

    // apply overhead: everything `apply` does around a provider that answers at once.
    let keys_dir = dir.with_extension("keys");
    let runner_file = keys_dir.join("runner");
    std::fs::create_dir_all(&keys_dir).unwrap();
    keys::write_file(&runner_file, &runner, true).unwrap();
    let noop = keys_dir.join("noop.sh");
    std::fs::write(&noop, "#!/bin/sh\ncat >/dev/null\necho '{\"status\":\"ok\",\"summary\":\"noop\"}'\n").unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&noop).status().unwrap();
    let snap = repo.snapshot().unwrap();
    let read = |path: &str| String::from_utf8(snap.read(path).unwrap().unwrap()).unwrap();
    let config = read("clearance.yaml")
        .replace("providers:\n", &format!("providers:\n  bench:\n    command: [{}]\n", noop.display()));
    let trust = read("trust/identities.yaml").replace("[file.*]", "[file.*, bench.*]");
    drop(snap);
    for (path, text) in [("clearance.yaml", &config), ("trust/identities.yaml", &trust)] {
        clearance::trust::change::edit_file(&repo, &admin, path, "bench provider", |_| Ok(text.clone().into_bytes()))
            .unwrap();
    }
    let intent = "apiVersion: clearance/v1\nkind: Intent\nmetadata: {agent: deploy-bot}\nspec:\n  action: bench.noop\n  environment: staging\n  targets: [feature-flags]\n  reason: bench\n  risk: {reversible: true}\n";
    let key = clearance::trust::keys::KeyArgs { key: None, key_file: Some(runner_file) };
    let mut overhead = Vec::new();
    for _ in 0..15 {
        let parsed = clearance::decide::propose::parse(&repo, intent.as_bytes().to_vec(), "bench").unwrap();
        let outcome = clearance::decide::propose::propose(&repo, &parsed, "bench", Some(&agent), false).unwrap();
        let t = Instant::now();
        let applied = clearance::act::execute::apply(&repo, outcome.id.as_deref().unwrap(), &key, false, None).unwrap();
        let total = t.elapsed().as_secs_f64() * 1000.0;
        assert!(applied.apply.ok());
        overhead.push(total - applied.apply.duration_ms as f64);
    }
    overhead.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let kind = if bare { "bare repo" } else { "repo with a work tree" };
    let apply_ms = overhead[overhead.len() / 2];
    // Side by side: a plain `git commit` of one small file in the same repository.
    let mut commits = Vec::new();
    if !bare {
        for n in 0..15 {
            let file = dir.join(format!("notes-{n}.txt"));
            std::fs::write(&file, format!("note {n}\n")).unwrap();
            let t = Instant::now();
            let git = |args: &[&str]| {
                let ok = std::process::Command::new("git")
                    .args(["-c", "user.name=b", "-c", "user.email=b@b"])
                    .args(args)
                    .current_dir(&dir)
                    .status()
                    .unwrap()
                    .success();
                assert!(ok, "git {args:?}");
            };
            git(&["add", &format!("notes-{n}.txt")]);
            git(&["commit", "-q", "-m", "note"]);
            commits.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        commits.sort_by(|a, b| a.partial_cmp(b).unwrap());
    }
    let commit_ms = commits.get(commits.len() / 2).copied();
    println!(
        "apply overhead excluding the provider, {kind} of {proposals} proposals: median {apply_ms:.1} ms (15 runs){}",
        commit_ms
            .map(|c| format!("; git add && git commit of one file: {c:.1} ms; ratio {:.2} (goal <= 2)", apply_ms / c))
            .unwrap_or_default()
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&keys_dir);
}

/// Raw Ed25519 batch verification of `n` signatures, in batches of 1024 (as verify does), per second.
fn raw_batch_per_sec(n: usize) -> f64 {
    use ed25519_dalek::{Signer, SigningKey};
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let messages: Vec<Vec<u8>> =
        (0..n).map(|i| format!("evidence line {i} with a little payload").into_bytes()).collect();
    let signatures: Vec<_> = messages.iter().map(|m| key.sign(m)).collect();
    let verifying = vec![key.verifying_key(); 1024];
    let t = Instant::now();
    for (msgs, sigs) in messages.chunks(1024).zip(signatures.chunks(1024)) {
        let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
        ed25519_dalek::verify_batch(&refs, sigs, &verifying[..msgs.len()]).unwrap();
    }
    n as f64 / t.elapsed().as_secs_f64()
}
