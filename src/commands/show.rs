use crate::commands::Session;
use crate::decide::evaluate::Context;
use crate::decide::review;
use crate::error::Result;
use crate::model::decision::Verdict;
use crate::model::proposal;
use crate::store::repo::ChangeRepo;
use crate::text::ui::{Style, escape_controls};

/// Show one proposal: its intent, state and evidence
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance show 7k3m\n  clearance show 7k3m9x2q1a --format json")]
pub struct Args {
    /// The proposal id, or a unique prefix of at least 4 characters
    pub id: String,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let snapshot = repo.snapshot()?;
    crate::commands::warn_if_drifted(&snapshot, ui);
    let id = proposal::resolve(&snapshot, &args.id)?;
    let mut detail = proposal::load(&snapshot, &id)?;
    // Approvals are judged now, against the proposal as it is now.
    let review = Context::load(repo, &snapshot)
        .and_then(|mut c| review::review(&snapshot, &detail, &mut c, crate::text::time::now()));
    let (review, review_error) = match review {
        Ok(r) => (Some(r), None),
        Err(e) => (None, Some(e.message.clone())),
    };
    if let Some(r) = &review {
        detail.state = r.state;
    }
    let blast = BlastView::new(repo, &snapshot, &detail, review.as_ref());
    let plan = snapshot.read(&review::plan_path(&id))?;
    if ui.json() {
        #[derive(serde::Serialize)]
        struct Output<'a> {
            #[serde(flatten)]
            detail: &'a proposal::Detail,
            #[serde(flatten)]
            blast: &'a BlastView,
            /// Each approval with principal, verdict, valid, reason, statement, signature.
            approvals: Vec<&'a crate::trust::approval::Judged>,
            review: Option<&'a review::Review>,
            #[serde(skip_serializing_if = "Option::is_none")]
            review_error: Option<String>,
            /// The provider's dry run (`plan.json`), when planned.
            plan: Option<serde_json::Value>,
        }
        let approvals = review.as_ref().map(|r| r.approvals.iter().collect()).unwrap_or_default();
        let plan = plan.as_deref().and_then(|b| serde_json::from_slice(b).ok());
        ui.out_json(&Output {
            detail: &detail,
            blast: &blast,
            approvals,
            review: review.as_ref(),
            review_error,
            plan,
        })?;
        return Ok(0);
    }
    let mut out =
        format!("{} {}  {}\n", ui.paint(Style::Bold, "proposal"), ui.paint(Style::Bold, &detail.id), detail.state);
    let run = detail.run.as_ref().map(|r| format!("  (run {r})")).unwrap_or_default();
    let rows = [
        ("agent", format!("{}{run}", detail.agent)),
        ("action", detail.action.clone()),
        ("environment", detail.environment.clone()),
        ("targets", detail.targets.join(", ")),
        ("reason", detail.reason.clone()),
        ("created", detail.created_at.clone()),
        ("intent", format!("{} ({})", detail.path, detail.intent_digest)),
    ];
    for (label, value) in rows {
        out.push_str(&format!("  {} {}\n", ui.paint(Style::Dim, &format!("{label:<12}")), escape_controls(&value)));
    }
    if let Some(bytes) = &plan {
        out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "plan")));
        out.push_str(&crate::commands::approve::plan_lines(bytes));
    }
    if let Some(d) = &detail.decision {
        out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "policy decision")));
        match d.verdict() {
            Verdict::Denied => out.push_str(&format!("  {}\n", ui.paint(Style::Red, "denied"))),
            Verdict::Cleared => {
                out.push_str(&format!("  {}\n", ui.paint(Style::Green, "cleared by policy (auto-approve)")))
            }
            Verdict::NeedsApproval => {
                out.push_str(&format!("  requires {}\n", d.describe_approvals()));
            }
        }
        for reason in &d.deny {
            out.push_str(&format!("  {} {reason}\n", ui.paint(Style::Red, "deny:")));
        }
        for warning in &d.warn {
            out.push_str(&format!("  {} {warning}\n", ui.paint(Style::Yellow, "warn:")));
        }
    }
    out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "approvals")));
    match (&review, &review_error) {
        (Some(r), _) => {
            if r.approvals.is_empty() {
                out.push_str("  none yet\n");
            }
            for a in &r.approvals {
                let verdict = a.verdict.to_string();
                let mark = if a.valid {
                    ui.paint(Style::Green, "valid")
                } else {
                    ui.paint(Style::Red, &format!("does not count: {}", escape_controls(&a.reason)))
                };
                out.push_str(&format!(
                    "  {:<10} {verdict:<8} {}  until {}  {mark}\n",
                    escape_controls(&a.principal),
                    escape_controls(&a.created_at),
                    escape_controls(&a.not_after)
                ));
                if !a.comment.is_empty() {
                    out.push_str(&format!("             \"{}\"\n", escape_controls(&a.comment.replace('\n', " "))));
                }
            }
            if let Some(who) = &r.vetoed_by {
                out.push_str(&format!("  {} by {who}\n", ui.paint(Style::Red, "vetoed")));
            } else if !r.missing.is_empty() && r.state == crate::model::proposal::State::Pending {
                out.push_str(&format!(
                    "  {} {}\n",
                    ui.paint(Style::Yellow, "missing:"),
                    crate::decide::approve::describe(&r.missing)
                ));
            }
        }
        (None, Some(e)) => out.push_str(&format!("  {} {e}\n", ui.paint(Style::Red, "cannot judge approvals:"))),
        (None, None) => {}
    }
    out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "blast radius")));
    match (&blast.blast_radius, &blast.blast_radius_error) {
        (Some(radius), _) => {
            out.push_str(&format!("  {}\n", radius.headline()));
            if blast.blast_radius_changed {
                out.push_str(&format!(
                    "  {}\n",
                    ui.paint(Style::Yellow, "changed since the proposal was filed: the service graph moved")
                ));
            }
            let more = format!("`clearance blast {} --all` shows them all", radius.targets.join(" "));
            for line in radius.table(ui.width().map(|w| w.saturating_sub(2)), Some(20), &more).lines() {
                out.push_str(&format!("  {line}\n"));
            }
        }
        (None, Some(e)) => out.push_str(&format!("  {} {e}\n", ui.paint(Style::Red, "cannot compute:"))),
        (None, None) => {}
    }
    out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "intent.yaml")));
    for line in detail.intent_text.lines() {
        out.push_str(&format!("  {}\n", escape_controls(line)));
    }
    out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "evidence")));
    for e in &detail.evidence {
        out.push_str(&format!("  {:>3}  {}  {:<14} {}\n", e.seq, e.at, e.kind.name(), e.actor));
    }
    ui.out(out)?;
    Ok(0)
}

/// The blast radius under the graph on the branch now, and whether the graph moved it
/// since the proposal was filed. Taken from the review when there is one (it computed the
/// radius already); computed here only when the review could not run.
#[derive(serde::Serialize)]
struct BlastView {
    blast_radius: Option<crate::model::blast::BlastRadius>,
    blast_radius_changed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    blast_radius_error: Option<String>,
}

impl BlastView {
    fn new(
        repo: &ChangeRepo,
        snapshot: &crate::store::repo::Snapshot<'_>,
        detail: &proposal::Detail,
        review: Option<&review::Review>,
    ) -> BlastView {
        let radius = match review {
            Some(r) => Ok(r.evaluation.blast_radius.clone()),
            None => crate::model::graph_index::load(repo, snapshot)
                .and_then(|g| crate::model::blast::compute(&std::sync::Arc::new(g), &detail.targets, None)),
        };
        let recorded =
            detail.evidence.first().and_then(|e| e.payload.get("blast_radius_digest")).and_then(|d| d.as_str());
        let (blast_radius, blast_radius_error) = match radius {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.message.clone())),
        };
        let blast_radius_changed = match (&blast_radius, recorded) {
            (Some(r), Some(d)) => r.digest() != d,
            _ => blast_radius.is_none(),
        };
        BlastView { blast_radius, blast_radius_changed, blast_radius_error }
    }
}
