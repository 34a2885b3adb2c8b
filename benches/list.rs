//! `list` on a repository where many proposals carry approval files: each run judges the
//! approvals of every pending proposal. Measured twice on the same repository: while the
//! approvals are live (every signature verified) and after they expired (seen from the
//! statement alone). Run: `cargo bench --bench list` (CLEARANCE_BENCH_PROPOSALS to resize).

use std::time::Instant;

use clearance::model::evidence::{self, Kind};
use clearance::store::repo::Write;
use clearance::text::bytes::digest;
use clearance::trust::approval::{Record, Statement, Verdict};
use clearance::trust::keys;

fn main() {
    let proposals: usize =
        std::env::var("CLEARANCE_BENCH_PROPOSALS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("clearance-list-bench-{}", std::process::id()));
    let admin = keys::generate().unwrap();
    let genesis = clearance::model::scaffold::Genesis { admin: "admin".into(), key: &admin, admin_threshold: 1 };
    clearance::model::scaffold::init(&dir, true, genesis).expect("init");
    let repo = clearance::trust::governance::open(Some(&dir)).expect("open");
    let agent = keys::generate().unwrap();
    let olive = keys::generate().unwrap();
    let trust = format!(
        "apiVersion: clearance/v1\nkind: Identities\nidentities:\n  - {{principal: deploy-bot, role: agent, key: {}, allow: {{actions: [file.*], environments: [prod]}}}}\n  - {{principal: olive, role: approver, groups: [team-platform], key: {}}}\n",
        keys::public_openssh(agent.public_key()),
        keys::public_openssh(olive.public_key())
    );
    let repo_id = clearance::model::config::Config::load(&repo.snapshot().unwrap()).unwrap().repo_id;
    let approval_file = format!("{}.json", keys::fingerprint_hex(olive.public_key()));
    clearance::trust::change::edit_file(&repo, &admin, "trust/identities.yaml", "bench keys", |_| {
        Ok(trust.clone().into_bytes())
    })
    .unwrap();
    let mut writes = Vec::new();
    for n in 0..proposals {
        let id = format!("{:02}{:08}", n % 97, n);
        let intent = format!(
            "apiVersion: clearance/v1\nkind: Intent\nmetadata: {{agent: deploy-bot}}\nspec:\n  action: file.write\n  environment: prod\n  targets: [feature-flags]\n  reason: bench {n}\n"
        );
        let intent_digest = digest(intent.as_bytes());
        // Two approvals needed, one given: pending, so every run judges it.
        let decision = serde_json::json!({"deny": [], "warn": [], "approvals": [{"group": "team-platform", "count": 2}], "auto_approve": false});
        let p = serde_json::json!({"id": id, "intent_digest": intent_digest, "blast_radius_digest": "sha256:x", "decision_digest": "sha256:y", "decision": decision});
        let at = "2026-05-14T09:30:00Z";
        let log = evidence::append_signed(b"", Kind::Proposed, at, "deploy-bot", p, Some(&agent)).unwrap();
        let statement = Statement {
            repo: repo_id.clone(),
            proposal: id.clone(),
            intent: intent_digest,
            plan: "none".into(),
            provider: None,
            blast_radius: "sha256:x".into(),
            decision: "sha256:y".into(),
            verdict: Verdict::Approve,
            approver: "olive".into(),
            comment: String::new(),
            created_at: at.into(),
            not_after: "2026-05-21T09:30:00Z".into(),
        }
        .to_text();
        let signature = keys::sign(&olive, keys::NS_APPROVAL, statement.as_bytes()).unwrap();
        let record = serde_json::to_vec(&Record { statement, signature }).unwrap();
        let dir = format!("proposals/{}/{id}", &id[..2]);
        writes.push(Write::file(format!("{dir}/intent.yaml"), intent));
        writes.push(Write::file(format!("{dir}/evidence.jsonl"), log));
        writes.push(Write::file(format!("{dir}/approvals/{approval_file}"), record));
    }
    repo.transact("bench", "bench data", |_| Ok((writes.clone(), ()))).unwrap();
    let time_list = |now: &str| {
        clearance::text::time::pin(Some(now.parse().unwrap()));
        clearance::model::index::load(&repo).unwrap(); // warm the cache
        let mut samples: Vec<f64> = (0..7)
            .map(|_| {
                let t = Instant::now();
                let index = clearance::model::index::load(&repo).unwrap();
                assert_eq!(index.proposals.len(), proposals);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    };
    let live = time_list("2026-05-15T09:30:00Z");
    let expired = time_list("2026-06-01T00:00:00Z");
    println!("proposal index with {proposals} pending proposals holding one approval each (warm cache, median of 7):");
    println!("  approvals live (every signature verified): {live:.1} ms");
    println!("  approvals expired (seen from the statement): {expired:.1} ms");
    let _ = std::fs::remove_dir_all(&dir);
}
