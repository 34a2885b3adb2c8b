//! Every parser of what clearance reads from a repository, a bundle or the machine, fed
//! mutations of the committed corpus under `tests/corpus/<parser>/` for a bounded time:
//! none may panic, and a refusal names the file it read (and a line where the format has
//! lines). `CLEARANCE_FUZZ_SECS` sets the time per parser (default 3 s); `CLEARANCE_FUZZ_SEED`
//! replays a run. A failing input is written under `target/fuzz-failures/`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clearance::error::Error;

/// xorshift64*: small, deterministic from its seed, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that have broken parsers before: YAML anchors, aliases, tags and merge keys,
/// huge or odd numbers, control and bidi characters, deep nesting, document markers.
const TOKENS: &[&str] = &[
    "&a ",
    "*a",
    "!!binary ",
    "!!str ",
    "<<: *a",
    "1e999",
    "-1",
    "0x7fffffffffffffff",
    "null",
    "~",
    "\u{202e}",
    "\u{0}",
    "\u{1b}[8m",
    "\t",
    "---\n",
    "...\n",
    "{",
    "}",
    "[[[[[[[[",
    "]]]]",
    "\"",
    "'",
    "\\u0000",
    ": ",
    "- ",
    "\n  ",
    "€",
    "\u{feff}",
    "true",
    "\"sha256:€\"",
    "proposals/zz/x",
];

fn mutate(rng: &mut Rng, seed: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let end = (at + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 if !out.is_empty() => {
                let from = rng.below(out.len());
                let end = (from + rng.below(32)).min(out.len());
                let piece = out[from..end].to_vec();
                out.splice(at..at, piece);
            }
            3 => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(64)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            4 => out.truncate(at),
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
        }
    }
    out
}

fn corpus(name: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(!seeds.is_empty(), "no corpus in {}", dir.display());
    seeds
}

/// Feed `parse` the corpus of `name` and its mutations until time is up. `parse` returns
/// what is wrong with its answer (beyond panicking), if anything.
fn fuzz(name: &str, parse: impl Fn(&[u8]) -> Option<String>) {
    let seeds = corpus(name);
    for seed in &seeds {
        let verdict = catch_unwind(AssertUnwindSafe(|| parse(seed)));
        assert!(matches!(verdict, Ok(None)), "{name}: a corpus file itself fails: {verdict:?}");
    }
    let secs = std::env::var("CLEARANCE_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let seed = std::env::var("CLEARANCE_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let pick = rng.below(seeds.len());
        let input = mutate(&mut rng, &seeds[pick], &seeds);
        let verdict = catch_unwind(AssertUnwindSafe(|| parse(&input)));
        let wrong = match verdict {
            Ok(None) => None,
            Ok(Some(why)) => Some(why),
            Err(_) => Some("panicked".to_owned()),
        };
        if let Some(why) = wrong {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("{name}-{seed}-{runs}"));
            std::fs::write(&file, &input).unwrap();
            panic!("{name}: {why} on input {} (CLEARANCE_FUZZ_SEED={seed})", file.display());
        }
        runs += 1;
    }
    assert!(runs > 0);
}

/// A refusal must name `file`; with `line`, also a line within the input.
fn located(e: &Error, file: &str, input: &[u8], line: bool) -> Option<String> {
    let json = e.to_json();
    let error = &json["error"];
    if error["file"] != file && !e.message.contains(file) {
        return Some(format!("the error does not name {file}: {}", e.message));
    }
    if line {
        let lines = input.split(|b| *b == b'\n').count().max(1) as u64;
        match error["line"].as_u64() {
            Some(l) if (1..=lines + 1).contains(&l) => {}
            other => return Some(format!("line {other:?} is not in the input ({lines} lines): {}", e.message)),
        }
    }
    None
}

#[test]
fn intents() {
    fuzz("intent", |input| {
        let e = clearance::model::intent::parse(input.to_vec(), "intent.yaml").err()?;
        located(&e, "intent.yaml", input, true)
    });
}

#[test]
fn graphs_in_yaml_and_json() {
    fuzz("graph", |input| {
        let name = if input.first() == Some(&b'{') { "graph/services.json" } else { "graph/services.yaml" };
        // The reader behind `graph check` and the one behind `blast` take and refuse the same
        // files, and agree on what they take.
        let structs = clearance::model::graph::ServiceGraph::parse(input, name);
        match (&structs, clearance::model::graph_index::parse(input, name)) {
            (Ok(graph), Ok(compiled)) if clearance::model::graph_index::Compiled::build(graph) != compiled => {
                return Some("the compiled reader reads another graph".to_owned());
            }
            (Ok(_), Err(e)) => return Some(format!("only the compiled reader refuses it: {e}")),
            (Err(e), Ok(_)) => return Some(format!("only the compiled reader takes it: {e}")),
            _ => {}
        }
        let e = structs.err()?;
        located(&e, name, input, true)
    });
}

#[test]
fn evidence_logs() {
    fuzz("evidence", |input| {
        let e = clearance::model::evidence::parse(input, "proposals/ab/x/evidence.jsonl").err()?;
        let utf8 = std::str::from_utf8(input).is_ok();
        located(&e, "proposals/ab/x/evidence.jsonl", input, utf8)
    });
}

#[test]
fn approval_statements_and_records() {
    let trust = clearance::trust::identities::Identities::parse(&corpus("identities")[0]).unwrap();
    fuzz("approval", |input| {
        // The statement alone, and the record as `judge` reads it from a branch.
        let _ = clearance::trust::approval::Statement::parse(&String::from_utf8_lossy(input));
        let facts = clearance::trust::approval::Facts {
            repo_id: "r",
            proposal: "abcdefghij",
            agent: "deploy-bot",
            intent: "sha256:x",
            plan: "none",
            blast_radius: "sha256:x",
            decision: "sha256:x",
            provider: None,
            history: None,
            untrusted: None,
            max_expiry: None,
            now: jiff::Timestamp::UNIX_EPOCH,
            sponsor_is_self: true,
            signatures: None,
        };
        let judged = clearance::trust::approval::judge("approvals/x.json", input, &facts, &trust);
        (judged.valid && !judged.reason.is_empty()).then(|| "valid with a reason".to_owned())
    });
}

#[test]
fn bundles() {
    let trust = clearance::trust::identities::Identities::parse(&corpus("identities")[0]).unwrap();
    fuzz("bundle", |input| {
        match serde_json::from_slice::<clearance::decide::verify::Bundle>(input) {
            Ok(bundle) => {
                // What verify does with a bundle's files: report, never panic.
                let cx = clearance::decide::verify::Context::new("r", &trust, true);
                let mut problems = Vec::new();
                let mut signatures = clearance::decide::verify::Signatures::new();
                clearance::decide::verify::proposal(&bundle.files, &cx, &mut signatures, &mut problems);
                clearance::decide::verify::finish(signatures, &mut problems);
                None
            }
            Err(e) => {
                let e = Error::json_in("not a clearance bundle", "b.json", None, 1, &e);
                located(&e, "b.json", input, true)
            }
        }
    });
}

#[test]
fn identities_config_and_policy_data() {
    fuzz("identities", |input| {
        let e = clearance::trust::identities::Identities::parse(input).err()?;
        located(&e, "trust/identities.yaml", input, true)
    });
    fuzz("config", |input| {
        let e = clearance::model::config::Config::parse(input).err()?;
        located(&e, "clearance.yaml", input, true)
    });
    fuzz("policy-data", |input| {
        let e = clearance::decide::policy::parse_data("policies/data.yaml", input).err()?;
        located(&e, "policies/data.yaml", input, true)
    });
}

#[test]
fn governance_logs() {
    fuzz("governance", |input| {
        let chain = clearance::trust::governance::check(input, &|_| Ok(None));
        match (&chain.problem, chain.entries.len()) {
            (Some(p), _) if p.line == 0 => Some(format!("a problem without a line: {}", p.message)),
            _ => None,
        }
    });
}
