use std::path::PathBuf;

use serde::Serialize;

use crate::commands::Session;
use crate::decide::evaluate::{Context, Evaluation};
use crate::decide::propose;
use crate::error::{Error, Result};
use crate::model::decision::Verdict;
use crate::model::{intent, proposal};
use crate::text::ui::{Style, Ui};

/// Ask the policy about a proposal or an intent file, without writing anything
///
/// Exits 0 when the change would be cleared by policy alone, 4 when it would need
/// approvals, 3 when it is denied.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance check -f intent.yaml\n  clearance check 7k3m --format json\n  clearance check -f intent.yaml --rules worktree  # try a policy edit first"
)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["id", "file"])))]
pub struct Args {
    /// A proposal id (or unique prefix), decided against the policy on the branch now
    #[arg(conflicts_with = "file")]
    pub id: Option<String>,
    /// An intent file, or `-` for standard input
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Which rules decide: those in force, or the work tree's (to try edits before signing them)
    #[arg(long, value_enum, default_value = "in-force")]
    pub rules: Rules,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Rules {
    InForce,
    Worktree,
}

#[derive(Serialize)]
struct Report<'a> {
    id: Option<&'a str>,
    verdict: Verdict,
    /// What `propose` would file it as: the same word `propose` and `show` say.
    state: crate::model::proposal::State,
    /// What would clear it: deny reasons with the allowed values, open slots with who can
    /// fill them.
    explain: crate::decide::explain::Explain,
    #[serde(flatten)]
    evaluation: &'a Evaluation,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let snapshot = match args.rules {
        Rules::InForce => {
            let snapshot = repo.snapshot()?;
            crate::commands::warn_if_drifted(&snapshot, ui);
            snapshot
        }
        Rules::Worktree => {
            ui.warn("deciding with the work tree's rules, which are not the rules in force");
            crate::decide::rules::worktree(repo)?
        }
    };
    let now = crate::text::time::now();
    let mut context = Context::load(repo, &snapshot)?;
    // For a filed proposal: its state now, the slots its approvals leave open, and who
    // already signed; for an intent, what filing it would give.
    let (id, evaluation, missing, agent, filed, signed) = match (&args.id, &args.file) {
        (Some(prefix), _) => {
            let id = proposal::resolve(&snapshot, prefix)?;
            let path = proposal::intent_path(&id);
            let bytes = snapshot.read(&path)?.ok_or_else(|| Error::not_found(format!("{path} is missing")))?;
            let parsed = intent::parse(bytes, &path)?;
            let detail = proposal::load(&snapshot, &id)?;
            // Judged as `show` judges it: decided with the history recorded at filing.
            let review = crate::decide::review::review(&snapshot, &detail, &mut context, now)?;
            let signed: Vec<String> =
                review.approvals.iter().filter(|a| a.valid).map(|a| a.principal.clone()).collect();
            (Some(id), review.evaluation, review.missing, parsed.intent.metadata.agent, Some(review.state), signed)
        }
        (None, Some(file)) => {
            let (bytes, name) = crate::commands::propose::read_input(file, ui)?;
            let parsed = intent::parse_checked(bytes, &name, |node| propose::target_problems(&context.graph, node))?;
            let history = crate::decide::evaluate::history_of(repo, &snapshot, &parsed.intent.metadata.agent, now)?;
            let evaluation = context.decide(&parsed.intent, &parsed.document, now, history)?;
            let missing = evaluation.decision.approvals.clone();
            (None, evaluation, missing, parsed.intent.metadata.agent, None, Vec::new())
        }
        (None, None) => return Err(Error::usage("give a proposal id or -f FILE")),
    };
    let verdict = evaluation.decision.verdict();
    if ui.json() {
        let state = filed.unwrap_or(match verdict {
            Verdict::Denied => crate::model::proposal::State::Denied,
            Verdict::Cleared => crate::model::proposal::State::Approved,
            Verdict::NeedsApproval => crate::model::proposal::State::Pending,
        });
        let sponsor_may_approve = crate::model::policy_data::sponsor_may_approve(&snapshot)?;
        let explain = crate::decide::explain::explain(
            &evaluation.decision,
            &missing,
            &agent,
            &signed,
            &context.identities,
            sponsor_may_approve,
        );
        ui.out_json(&Report { id: id.as_deref(), verdict, state, explain, evaluation: &evaluation })?;
    } else {
        ui.out(render(ui, &evaluation))?;
    }
    Ok(match verdict {
        Verdict::Cleared => 0,
        Verdict::Denied => 3,
        Verdict::NeedsApproval => 4,
    })
}

/// The decision for humans: verdict, reasons, warnings, required approvals.
pub fn render(ui: &Ui, evaluation: &Evaluation) -> String {
    let d = &evaluation.decision;
    let mut out = match d.verdict() {
        Verdict::Denied => format!("{}\n", ui.paint(Style::Red, "denied by policy")),
        Verdict::Cleared => format!("{}\n", ui.paint(Style::Green, "cleared by policy (auto-approve)")),
        Verdict::NeedsApproval => {
            format!("{} {}\n", ui.paint(Style::Yellow, "needs approval:"), d.describe_approvals())
        }
    };
    for reason in &d.deny {
        out.push_str(&format!("  {} {reason}\n", ui.paint(Style::Red, "deny:")));
    }
    for warning in &d.warn {
        out.push_str(&format!("  {} {warning}\n", ui.paint(Style::Yellow, "warn:")));
    }
    out.push_str(&format!("  blast radius: {}\n", evaluation.blast_radius.headline()));
    out
}
