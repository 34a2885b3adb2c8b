//! In-process policy evaluation of one proposal with the default policy set.
//! Run: `cargo bench --bench policy`.

use std::time::Instant;

use clearance::decide::evaluate::Context;
use clearance::trust::keys;

const INTENT: &str = include_str!("../templates/demo/intent.yaml");

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("clearance-policy-bench-{}", std::process::id()));
    let admin = keys::generate().unwrap();
    let genesis = clearance::model::scaffold::Genesis { admin: "admin".into(), key: &admin, admin_threshold: 1 };
    clearance::model::scaffold::init(&dir, false, genesis).expect("init");
    let repo = clearance::trust::governance::open(Some(&dir)).expect("open");
    let snapshot = repo.snapshot().expect("snapshot");
    let parsed = clearance::model::intent::parse(INTENT.as_bytes().to_vec(), "intent.yaml").expect("intent");
    let now = clearance::text::time::now();

    let mut compile = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let context = Context::load(&repo, &snapshot).expect("context");
        compile.push(t.elapsed().as_secs_f64() * 1000.0);
        drop(context);
    }
    let mut context = Context::load(&repo, &snapshot).expect("context");
    let mut evaluate = Vec::new();
    for _ in 0..500 {
        let t = Instant::now();
        let history = clearance::decide::evaluate::History::default();
        let evaluation = context.decide(&parsed.intent, &parsed.document, now, history).expect("evaluate");
        evaluate.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(!evaluation.decision.approvals.is_empty());
    }
    println!("load + compile the default policy set: median {:.2} ms (20 runs)", median(compile));
    println!(
        "evaluate one proposal (deny, warn, approvals, auto_approve): median {:.3} ms (500 runs; goal <= 2 ms)",
        median(evaluate)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
