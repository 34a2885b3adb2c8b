use crate::error::Result;
use crate::policy::Verdict;
use crate::proposal;
use crate::repo::ChangeRepo;
use crate::ui::{Style, Ui};

/// Show one proposal: its intent, state and evidence
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance show 7k3m\n  clearance show 7k3m9x2q1a --format json")]
pub struct Args {
    /// The proposal id, or a unique prefix of at least 4 characters
    pub id: String,
}

pub fn run(args: Args, repo: &ChangeRepo, ui: &Ui) -> Result<u8> {
    let snapshot = repo.snapshot()?;
    let id = proposal::resolve(&snapshot, &args.id)?;
    let detail = proposal::load(repo, &snapshot, &id)?;
    if ui.json() {
        ui.out_json(&detail)?;
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
        out.push_str(&format!("  {:<12} {value}\n", ui.paint(Style::Dim, label)));
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
                if detail.state == crate::proposal::State::Pending {
                    out.push_str(&format!("  {} {}\n", ui.paint(Style::Yellow, "missing:"), d.describe_approvals()));
                }
            }
        }
        for reason in &d.deny {
            out.push_str(&format!("  {} {reason}\n", ui.paint(Style::Red, "deny:")));
        }
        for warning in &d.warn {
            out.push_str(&format!("  {} {warning}\n", ui.paint(Style::Yellow, "warn:")));
        }
    }
    out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "blast radius")));
    match (&detail.blast_radius, &detail.blast_radius_error) {
        (Some(radius), _) => {
            out.push_str(&format!("  {}\n", radius.headline()));
            if detail.blast_radius_changed {
                out.push_str(&format!(
                    "  {}\n",
                    ui.paint(Style::Yellow, "changed since the proposal was filed: the service graph moved")
                ));
            }
            for line in radius.table().lines() {
                out.push_str(&format!("  {line}\n"));
            }
        }
        (None, Some(e)) => out.push_str(&format!("  {} {e}\n", ui.paint(Style::Red, "cannot compute:"))),
        (None, None) => {}
    }
    out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "intent.yaml")));
    for line in detail.intent_text.lines() {
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str(&format!("\n{}\n", ui.paint(Style::Bold, "evidence")));
    for e in &detail.evidence {
        out.push_str(&format!(
            "  {:>3}  {}  {:<14} {}\n",
            e.seq,
            e.at,
            serde_json::to_value(e.kind)?.as_str().unwrap_or(""),
            e.actor
        ));
    }
    ui.out(out)?;
    Ok(0)
}
