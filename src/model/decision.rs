//! What a policy decided about one proposal, as recorded in its evidence and bound by
//! approvals. `decide::policy` produces it.

use serde::{Deserialize, Serialize};

pub use crate::trust::approval::Quorum;

/// What the policy says about one proposal: the rules `deny`, `warn`, `approvals` and
/// `auto_approve` of package `clearance` (a rule left undefined counts as empty or false).
/// Anything else fails closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clearance Decision")]
pub struct Decision {
    /// Reasons to refuse the proposal; any one denies it.
    #[serde(default)]
    pub deny: Vec<String>,
    /// Shown to approvers; they change nothing.
    #[serde(default)]
    pub warn: Vec<String>,
    /// Distinct approvers required, per group.
    #[serde(default)]
    pub approvals: Vec<Quorum>,
    /// Cleared without a human (when nothing denies it).
    #[serde(default)]
    pub auto_approve: bool,
}

/// The JSON Schema of a decision.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Decision)).expect("schema serializes")
}

/// What a decision means for the proposal. A decision that neither denies, auto-approves
/// nor names groups still needs a human: one approval from any approver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Denied,
    NeedsApproval,
    Cleared,
}

impl Decision {
    pub fn verdict(&self) -> Verdict {
        if !self.deny.is_empty() {
            Verdict::Denied
        } else if self.auto_approve {
            Verdict::Cleared
        } else {
            Verdict::NeedsApproval
        }
    }

    /// `sha256:` of the canonical JSON; approvals bind it.
    pub fn digest(&self) -> String {
        crate::text::bytes::digest(&serde_json::to_vec(self).expect("serializes"))
    }

    /// `2 from team-payments, 1 from security`.
    pub fn describe_approvals(&self) -> String {
        if self.approvals.is_empty() {
            return "1 from any approver".to_owned();
        }
        self.approvals.iter().map(|q| format!("{} from {}", q.count, q.group)).collect::<Vec<_>>().join(", ")
    }
}
