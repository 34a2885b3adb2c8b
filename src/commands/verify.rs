use std::path::PathBuf;

use serde::Serialize;

use crate::commands::Session;
use crate::decide::verify::{self, Bundle, Context, Problem};
use crate::error::{Error, ErrorKind, Result};
use crate::model::proposal;
use crate::store::repo::ChangeRepo;
use crate::text::ui::Style;
use crate::trust::change;
use crate::trust::identities::Identities;

/// Check evidence, signatures, trust, approvals and quorum; exit 5 on any problem
///
/// With no ID, every proposal on the branch. With --bundle, an exported bundle, offline.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance verify\n  clearance verify 7k3m 9x2q\n  clearance verify --checkpoint cp.json   # a checkpoint handed over out of band\n  clearance verify --bundle 7k3m.clearance.json     # no repository needed"
)]
pub struct Args {
    /// Proposal ids (or unique prefixes) [default: all]
    pub ids: Vec<String>,
    /// Verify an exported bundle instead of the repository
    #[arg(long, value_name = "FILE", conflicts_with = "ids")]
    pub bundle: Option<PathBuf>,
    /// Also prove the history extends this checkpoint (from `clearance checkpoint`, kept elsewhere)
    #[arg(long, value_name = "FILE", conflicts_with = "bundle")]
    pub checkpoint: Vec<PathBuf>,
}

#[derive(Serialize)]
struct Report {
    proposals: usize,
    entries: usize,
    ok: bool,
    problems: Vec<Problem>,
    /// For a bundle: the checkpoint it carries, once proven.
    #[serde(skip_serializing_if = "Option::is_none")]
    covered: Option<Covered>,
}

/// A bundle's checkpoint: who signed it when, and how many of its evidence entries it holds.
#[derive(Serialize)]
struct Covered {
    signer: String,
    signed_at: String,
    head: String,
    entries: usize,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    let mut problems = Vec::new();
    let mut covered = None;
    let (proposals, entries) = match &args.bundle {
        Some(path) => {
            let bytes = crate::store::fs::read_bounded(path, verify::MAX_BUNDLE_BYTES, "a bundle")?;
            let bundle: Bundle = serde_json::from_slice(&bytes).map_err(|e| {
                Error::json_in("not a clearance bundle", &path.display().to_string(), None, 1, &e).caused_by(e)
            })?;
            if bundle.format != verify::BUNDLE_FORMAT {
                return Err(Error::invalid(format!("unknown bundle format `{}`", bundle.format))
                    .hint("bundles made before governance carry no proof of their keys: export them again"));
            }
            // Keys come from the governance proof, checked from the root the caller trusts;
            // never from the bundle's own word.
            let genesis = bundle.governance.log.first().map(|l| crate::text::bytes::digest(l.as_bytes()));
            let root = match (session.root, &genesis) {
                (Some(root), _) => root.to_owned(),
                (None, Some(g)) if crate::trust::governance::known_root(g) => g.clone(),
                _ => {
                    return Err(Error::usage("verifying a bundle needs the repository's root").hint(
                        "pass --root HASH (or set CLEARANCE_ROOT); `clearance governance status` in a clone shows it",
                    ));
                }
            };
            let (repo_id, trust, history) = crate::trust::governance::check_proof(&bundle.governance, &root)?;
            // Policy data is not proven by the bundle, so its word on sponsors is not taken:
            // a sponsor's approval counts as the agent's own.
            let cx = Context::new(&repo_id, &trust, true).with_history(history.clone());
            let mut signatures = verify::Signatures::new();
            let entries = verify::proposal(&bundle.files, &cx, &mut signatures, &mut problems);
            verify::finish(signatures, &mut problems);
            if let Some(coverage) = &bundle.checkpoint {
                let dir = proposal::dir(&bundle.files.id);
                match coverage.check(&root, &trust, &history, &dir, &bundle.files.evidence) {
                    Ok(()) => {
                        let body = &coverage.checkpoint.checkpoint;
                        covered = Some(Covered {
                            signer: body.signer.clone(),
                            signed_at: body.signed_at.clone(),
                            head: body.head.clone(),
                            entries: coverage.lines,
                        });
                    }
                    Err(why) => problems.push(Problem {
                        proposal: bundle.files.id.clone(),
                        line: None,
                        message: format!("the bundle's checkpoint: {why}"),
                    }),
                }
            }
            (1, entries)
        }
        None => {
            let repo = session.repo()?;
            // A branch rewound behind what this clone saw is refused before anything else.
            crate::trust::anchor::check(&repo)?;
            governance_problems(&repo, &mut problems)?;
            let snapshot = repo.snapshot()?;
            let config = crate::model::config::Config::load(&snapshot)?;
            let trust = Identities::load(&snapshot)?;
            let cx = Context::new(&config.repo_id, &trust, !crate::model::policy_data::sponsor_may_approve(&snapshot)?)
                .with_history(change::key_history(&repo)?);
            let ids: Vec<(String, git2::Oid)> = if args.ids.is_empty() {
                let (ids, mut stray) = verify::all_checked(&snapshot)?;
                problems.append(&mut stray);
                ids
            } else {
                let mut ids = Vec::new();
                for prefix in &args.ids {
                    let id = proposal::resolve(&snapshot, prefix)?;
                    let oid = snapshot
                        .entry_id(&proposal::dir(&id))?
                        .ok_or_else(|| Error::not_found(format!("{id} is missing")))?;
                    ids.push((id, oid));
                }
                ids
            };
            let untrusted = verify::untrusted_in(&snapshot, &ids, cx.history())?;
            let cx = cx.with_untrusted(untrusted);
            let progress = (ids.len() > 200 && !ui.quiet).then(|| {
                let bar = indicatif::ProgressBar::new(ids.len() as u64);
                bar.set_style(
                    indicatif::ProgressStyle::with_template("verifying {bar:30} {pos}/{len} proposals {per_sec}")
                        .expect("valid template"),
                );
                bar
            });
            // Read a share from git (one thread: git handles are not shared), then judge it
            // on every core.
            let mut entries = 0;
            let mut filed = Vec::new();
            for part in ids.chunks(4096) {
                let mut files = Vec::with_capacity(part.len());
                for (id, tree) in part {
                    files.push(verify::files_in(&snapshot, id, *tree)?);
                }
                entries += verify::many(&files, &cx, &mut problems);
                filed.extend(files.iter().filter_map(crate::decide::filing::Filed::of));
                if let Some(bar) = &progress {
                    bar.inc(part.len() as u64);
                }
            }
            if let Some(bar) = progress {
                bar.finish_and_clear();
            }
            crate::decide::filing::check(&repo, &snapshot, &filed, &mut problems)?;
            let counted = args.ids.is_empty().then_some(entries as u64);
            history_problems(&repo, &trust, &args.checkpoint, counted, &mut problems)?;
            if problems.is_empty()
                && let Some(head) = snapshot.commit
            {
                crate::trust::anchor::note_verified(&repo, head);
            }
            (ids.len(), entries)
        }
    };
    let report = Report { proposals, entries, ok: problems.is_empty(), problems, covered };
    if ui.json() {
        ui.out_json(&report)?;
    } else {
        let mut out = String::new();
        for p in &report.problems {
            let line = p.line.map(|l| format!(" line {l}")).unwrap_or_default();
            out.push_str(&format!("{} {}{line}: {}\n", ui.paint(Style::Red, "FAIL"), p.proposal, p.message));
        }
        let verdict = if report.ok {
            ui.paint(Style::Green, "ok")
        } else {
            ui.paint(Style::Red, &format!("{} problem(s)", report.problems.len()))
        };
        out.push_str(&format!(
            "{verdict}: {} proposal(s), {} evidence entries checked\n",
            report.proposals, report.entries
        ));
        if let Some(c) = &report.covered {
            out.push_str(&format!(
                "checkpointed: {} of them at {} by {} ({})\n",
                c.entries,
                c.head.get(..10).unwrap_or(&c.head),
                c.signer,
                c.signed_at
            ));
        }
        ui.out(out)?;
    }
    if report.ok {
        Ok(0)
    } else {
        Err(Error::new(
            ErrorKind::VerificationFailed,
            format!("verification failed: {} problem(s)", report.problems.len()),
        ))
    }
}

/// Checkpoints the history must extend (on the branch, kept by this machine, and handed
/// over as files), and commits since the oldest of them that took something away.
fn history_problems(
    repo: &ChangeRepo,
    trust: &Identities,
    files: &[PathBuf],
    evidence: Option<u64>,
    problems: &mut Vec<Problem>,
) -> Result<()> {
    let handed = files.iter().map(|f| crate::trust::checkpoint::read_file(f)).collect::<Result<_>>()?;
    for f in crate::decide::anchor::history_findings(repo, trust, evidence, handed)? {
        problems.push(Problem { proposal: f.source, line: None, message: f.message });
    }
    Ok(())
}

/// The governance log's first invalid line, and every governed file on the branch that is
/// not in force (other than a change waiting for signatures).
fn governance_problems(repo: &ChangeRepo, problems: &mut Vec<Problem>) -> Result<()> {
    let current = change::current(repo)?;
    if let Some(p) = &current.chain.problem {
        problems.push(Problem {
            proposal: crate::trust::governance::LOG.to_owned(),
            line: Some(p.line),
            message: format!("{} (it and what follows are not in force)", p.message),
        });
    }
    for u in change::unauthorized(repo, &current)?.into_iter().filter(|u| u.pending.is_none()) {
        let by = match (&u.commit, &u.author) {
            (Some(c), Some(a)) => format!(" in commit {c} by {a}"),
            _ => String::new(),
        };
        problems.push(Problem {
            proposal: u.path.clone(),
            line: None,
            message: format!("edited{by} without the signatures the rules require; not in force"),
        });
    }
    Ok(())
}
