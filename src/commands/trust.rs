use serde::Serialize;

use crate::act::sync::PushArgs;
use crate::commands::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::Write;
use crate::trust::identities::{self, Allow, Identities, Identity, Role};
use crate::trust::keys;

/// Manage who may act: trust/identities.yaml
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Trust a principal's public key in a role
    #[command(
        after_help = "Examples:\n  clearance trust add dana --role approver --group team-orders --group security --key dana.pub\n  clearance trust add cost-optimizer --role agent --key \"ssh-ed25519 AAAA...\" --sponsor dana --allow-action 'rds.*' --allow-env prod\n  clearance trust add ci --role executor --key ci.pub"
    )]
    Add {
        principal: String,
        #[arg(long, value_enum)]
        role: Role,
        /// Group for approval quorums (repeatable)
        #[arg(long = "group", value_name = "GROUP")]
        groups: Vec<String>,
        /// OpenSSH public key text, or a path to a .pub file
        #[arg(long, value_name = "PUBKEY_OR_FILE")]
        key: String,
        /// For agents: the accountable human
        #[arg(long)]
        sponsor: Option<String>,
        /// For agents: an action it may propose, `rds.*` style (repeatable)
        #[arg(long = "allow-action", value_name = "ACTION")]
        actions: Vec<String>,
        /// For agents: an environment it may act in (repeatable)
        #[arg(long = "allow-env", value_name = "ENV")]
        environments: Vec<String>,
        /// Replace an existing entry for this principal
        #[arg(long)]
        replace: bool,
        #[command(flatten)]
        push: PushArgs,
    },
    /// List trusted identities
    List,
    /// Revoke a principal: its signatures from now on count for nothing
    Revoke {
        principal: String,
        /// When the revocation takes effect (RFC 3339) [default: now]
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[command(flatten)]
        push: PushArgs,
    },
    /// Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`
    AllowedSigners,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    identity: &'a Identity,
    fingerprint: Option<String>,
}

pub fn run(command: Command, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    match command {
        Command::Add { principal, role, groups, key, sponsor, actions, environments, replace, push } => {
            let public = keys::public_from_arg(&key)?;
            let allow = (!actions.is_empty() || !environments.is_empty()).then_some(Allow { actions, environments });
            let entry = Identity {
                principal: principal.clone(),
                role,
                groups,
                key: Some(keys::public_openssh(&public)),
                sponsor,
                allow,
                revoked_at: None,
            };
            // Edited on the head under the writer lock, so concurrent edits are not lost.
            let (_, kept) = repo.transact(&principal, &format!("trust: add {principal} as {role}"), |snap| {
                let mut identities = Identities::load(snap)?;
                if let Some(other) = identities.by_key(&public).filter(|i| i.principal != principal) {
                    return Err(Error::new(
                        ErrorKind::Conflict,
                        format!("that key already belongs to `{}`", other.principal),
                    ));
                }
                match identities.identities.iter_mut().find(|i| i.principal == principal) {
                    Some(_) if !replace => {
                        return Err(Error::new(
                            ErrorKind::Conflict,
                            format!("`{principal}` is already in {}", identities::PATH),
                        )
                        .hint("pass --replace to replace its entry"));
                    }
                    Some(existing) => *existing = entry.clone(),
                    None => identities.identities.push(entry.clone()),
                }
                // What we write must load again.
                let (bytes, kept) = identities.edit(snap.read(identities::PATH)?.as_deref())?;
                Identities::parse(&bytes)?;
                Ok((vec![Write::file(identities::PATH, bytes)], kept))
            })?;
            if !kept {
                ui.warn(format!("{} was rewritten; its comments were not kept", identities::PATH));
            }
            crate::commands::after_write(repo, &push, None, ui)?;
            if ui.json() {
                ui.out_json(&Row { identity: &entry, fingerprint: Some(keys::fingerprint(&public)) })?;
            } else {
                ui.status(format!("trusted {principal} ({}) as {role}", keys::fingerprint(&public)));
            }
            Ok(0)
        }
        Command::List => {
            let identities = Identities::load(&repo.snapshot()?)?;
            let rows: Vec<Row<'_>> = identities
                .identities
                .iter()
                .map(|i| Row {
                    identity: i,
                    fingerprint: i
                        .key
                        .as_deref()
                        .and_then(|k| keys::parse_public(k).ok())
                        .map(|k| keys::fingerprint(&k)),
                })
                .collect();
            if ui.json() {
                ui.out_json(&rows)?;
                return Ok(0);
            }
            let mut table = comfy_table::Table::new();
            table.load_preset(comfy_table::presets::NOTHING).set_header([
                "PRINCIPAL",
                "ROLE",
                "GROUPS",
                "KEY",
                "REVOKED",
            ]);
            for r in &rows {
                table.add_row([
                    r.identity.principal.clone(),
                    r.identity.role.to_string(),
                    r.identity.groups.join(","),
                    r.fingerprint.clone().unwrap_or_else(|| "-".into()),
                    r.identity.revoked_at.clone().unwrap_or_default(),
                ]);
            }
            ui.out(format!("{}\n", table.to_string().lines().map(str::trim_end).collect::<Vec<_>>().join("\n")))?;
            Ok(0)
        }
        Command::Revoke { principal, at, push } => {
            let at = match at {
                Some(t) => t.parse::<jiff::Timestamp>().map_err(|e| Error::usage(format!("--at {t}: {e}")))?,
                None => crate::text::time::now(),
            };
            let (_, kept) = repo.transact("clearance", &format!("trust: revoke {principal}"), |snap| {
                let mut identities = Identities::load(snap)?;
                let entry = identities
                    .identities
                    .iter_mut()
                    .find(|i| i.principal == principal)
                    .ok_or_else(|| Error::not_found(format!("`{principal}` is not in {}", identities::PATH)))?;
                entry.revoked_at = Some(crate::text::time::rfc3339(at));
                let (bytes, kept) = identities.edit(snap.read(identities::PATH)?.as_deref())?;
                Ok((vec![Write::file(identities::PATH, bytes)], kept))
            })?;
            if !kept {
                ui.warn(format!("{} was rewritten; its comments were not kept", identities::PATH));
            }
            crate::commands::after_write(repo, &push, None, ui)?;
            let revoked_at = crate::text::time::rfc3339(at);
            if ui.json() {
                ui.out_json(&serde_json::json!({"principal": principal, "revoked_at": revoked_at}))?;
            } else {
                ui.status(format!("revoked {principal} as of {revoked_at}"));
            }
            Ok(0)
        }
        Command::AllowedSigners => {
            let identities = Identities::load(&repo.snapshot()?)?;
            ui.out(identities.allowed_signers())?;
            Ok(0)
        }
    }
}
