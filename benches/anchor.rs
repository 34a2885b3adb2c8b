//! What anchoring adds to `apply` and `sync` on a long history: the ancestry check against
//! the high-water mark, the append-only walk since the last proven commit, and the
//! executor's two ledger lines (each synced to disk). Run: `cargo bench --bench anchor`
//! (CLEARANCE_BENCH_PROPOSALS to change the size; one commit per proposal, as `propose`
//! makes them).

use std::time::Instant;

use clearance::store::mark;
use clearance::trust::keys;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let proposals: usize =
        std::env::var("CLEARANCE_BENCH_PROPOSALS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("clearance-anchor-bench-{}", std::process::id()));
    let state = dir.with_extension("state");
    // SAFETY: set before any thread starts.
    unsafe { std::env::set_var("XDG_STATE_HOME", &state) };
    let admin = keys::generate().unwrap();
    let genesis = clearance::model::scaffold::Genesis { admin: "admin".into(), key: &admin, admin_threshold: 1 };
    clearance::model::scaffold::init(&dir, true, genesis).expect("init");
    let repo = clearance::trust::governance::open(Some(&dir)).expect("open");

    // One commit per proposal: an intent and an evidence line, appended on top of the last
    // (written with `git fast-import`: building 100,000 commits through libgit2 takes minutes).
    let t = Instant::now();
    let git = &repo.git;
    let start = repo.head().unwrap().unwrap();
    let mut stream = Vec::new();
    for n in 0..proposals {
        use std::io::Write as _;
        let id = format!("{:02}{:08}", n % 97, n);
        let dir = format!("proposals/{}/{id}", &id[..2]);
        let intent = format!("reason: bench {n}\n");
        let evidence = format!("{{\"kind\":\"proposed\",\"n\":{n}}}\n");
        write!(
            stream,
            "commit {}\ncommitter bench <bench@clearance> {} +0000\ndata 7\npropose\n",
            repo.branch,
            1_700_000_000 + n
        )
        .unwrap();
        if n == 0 {
            writeln!(stream, "from {start}").unwrap();
        }
        write!(stream, "M 100644 inline {dir}/intent.yaml\ndata {}\n{intent}", intent.len()).unwrap();
        write!(stream, "M 100644 inline {dir}/evidence.jsonl\ndata {}\n{evidence}\n", evidence.len()).unwrap();
    }
    let mut import = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut import.stdin.take().unwrap(), &stream).unwrap();
    assert!(import.wait().unwrap().success());
    let head = repo.head().unwrap().unwrap();
    std::process::Command::new("git").args(["gc", "-q"]).current_dir(&dir).status().unwrap();
    eprintln!("built and packed {proposals} proposal commits in {:.1}s", t.elapsed().as_secs_f64());

    // The first walk of a clone proves the whole history once.
    let t = Instant::now();
    let removed = clearance::trust::anchor::removals(&repo, None, head).unwrap();
    assert!(removed.is_empty());
    let first = t.elapsed().as_secs_f64() * 1000.0;

    // Then every command starts from its marks: the head it saw last is the parent of the
    // current one (another write landed in between), as `apply` and `sync` find it.
    let parent = git.find_commit(head).unwrap().parent_id(0).unwrap();
    let (mut check, mut appended, mut ledger) = (Vec::new(), Vec::new(), Vec::new());
    let book = clearance::act::ledger::Ledger::open("sha256:bench").unwrap();
    for n in 0..101 {
        mark::set(git, &repo.branch, parent);
        mark::set(git, &format!("appended:{}", repo.branch), parent);
        let t = Instant::now();
        clearance::trust::anchor::check(&repo).unwrap();
        check.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        clearance::trust::anchor::check_appended(&repo).unwrap();
        appended.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        for phase in [clearance::act::ledger::Phase::Intent, clearance::act::ledger::Phase::Started] {
            book.note(&format!("k{n}"), "r", "p", phase, ("agent", Some(1.0))).unwrap();
        }
        book.check(&format!("k{n}"), "p", &[]).ok();
        book.spent("agent", "p", clearance::text::time::now()).unwrap();
        ledger.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (check, appended, ledger) = (median(check), median(appended), median(ledger));
    println!("history of {proposals} proposal commits:");
    println!("  first append-only proof of the whole history: {first:.0} ms (once per clone)");
    println!("  ancestry check against the high-water mark:   {check:.2} ms");
    println!("  append-only walk since the last proven commit: {appended:.2} ms");
    println!("  executor ledger, two synced lines + lookup:    {ledger:.2} ms");
    println!("  added to apply: {:.2} ms (goal <= 5 ms); to sync: {check:.2} ms", check + appended + ledger);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&state);
}
