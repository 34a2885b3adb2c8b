use std::collections::BTreeMap;

use crate::commands::Session;
use crate::decide::propose;
use crate::error::{Error, Result};
use crate::model::intent::{Intent, Metadata, Spec};
use crate::model::proposal;
use crate::trust::keys::KeyArgs;

/// File a proposal's rollback as a new proposal, governed like any other
///
/// Builds an intent from the original's `spec.rollback` (same agent, environment and
/// targets), signed with the agent's key, and proposes it: policy, approvals and apply
/// apply to it as to anything else.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance rollback 7k3m --key-file agent.key")]
pub struct Args {
    pub id: String,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let snapshot = repo.snapshot()?;
    let id = proposal::resolve(&snapshot, &args.id)?;
    let path = proposal::intent_path(&id);
    let bytes = snapshot.read(&path)?.unwrap_or_default();
    let original: Intent = crate::model::intent::parse_stored(bytes, &path)?.intent;
    let rollback =
        original.spec.rollback.clone().ok_or_else(|| Error::invalid(format!("{id} has no `spec.rollback` to file")))?;
    let intent = Intent {
        api_version: original.api_version.clone(),
        kind: original.kind.clone(),
        metadata: Metadata {
            agent: original.metadata.agent.clone(),
            run: original.metadata.run.clone(),
            labels: BTreeMap::from([("rollback_of".to_owned(), id.clone())]),
        },
        spec: Spec {
            action: rollback.action.clone(),
            environment: original.spec.environment.clone(),
            targets: original.spec.targets.clone(),
            params: rollback.params.clone(),
            reason: format!("Roll back {id} ({}): {}", original.spec.action, original.spec.reason),
            risk: original.spec.risk.clone(),
            limits: original.spec.limits.clone(),
            rollback: None,
            verify: None,
        },
    };
    let bytes = serde_yaml::to_string(&intent).map_err(|e| Error::io(e.to_string()))?.into_bytes();
    let name = format!("rollback of {id}");
    let parsed = propose::parse(repo, bytes, &name)?;
    let signer = args.key.load()?;
    let outcome = propose::propose(repo, &parsed, &name, Some(&signer), false)?;
    let code = if outcome.state == proposal::State::Denied { 3 } else { 0 };
    let push = crate::commands::after_write(repo, &args.push, Some(&args.key), ui)?;
    if ui.json() {
        ui.out_json(&crate::act::sync::WithPush { value: &outcome, push })?;
    } else {
        let new = outcome.id.clone().unwrap_or_default();
        ui.out(format!("{new}\n"))?;
        ui.status(format!(
            "proposed {new} ({}): {} on {}, rolling back {id}",
            outcome.state,
            outcome.action,
            outcome.targets.join(", ")
        ));
    }
    Ok(code)
}
