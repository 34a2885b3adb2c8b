use std::io::IsTerminal;

use crate::act::sync::PushArgs;
use crate::commands::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::trust::change::{self, Current};
use crate::trust::governance::{self, ADMIN, Entry};
use crate::trust::keys::{self, KeyArgs};

/// Sign a change to the rules: the work tree's governed files, or a pending change
///
/// Shows the diff between the work tree's governed paths (trust/, policies/,
/// clearance.yaml, providers/, graph/) and the rules in force, asks (like `approve`), and
/// signs. When the signatures meet every threshold the rules allow, the change and its
/// files land in one commit and are in force; until then the signatures wait under
/// governance/pending/ for other signers, who run `clearance governance sign DIGEST`.
/// Admins also change the admins and the admin threshold here.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  $EDITOR policies/data.yaml\n  clearance governance sign --key dana -m 'freeze for the sale'\n  clearance governance sign sha256:4f2a...            # co-sign a pending change\n  clearance governance sign --add-admin sam=sam.pub --admin-threshold 2 \\\n      --key dana"
)]
pub struct Args {
    /// A pending change to co-sign, by its digest (or a unique prefix of its hex)
    pub digest: Option<String>,
    #[command(flatten)]
    pub key: KeyArgs,
    /// What the change is, in a few words (kept in the log)
    #[arg(short = 'm', long, value_name = "TEXT")]
    pub message: Option<String>,
    /// Add (or re-key) an admin: NAME=PUBKEY, the key as text or a .pub file (repeatable)
    #[arg(long = "add-admin", value_name = "NAME=PUBKEY")]
    pub add_admin: Vec<String>,
    /// Remove an admin (repeatable)
    #[arg(long = "remove-admin", value_name = "NAME")]
    pub remove_admin: Vec<String>,
    /// Distinct admin signatures that changes to the rules need from now on
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=16))]
    pub admin_threshold: Option<u32>,
    /// Do not ask; required without a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub push: PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    crate::commands::before_acting(repo, &args.push, Some(&args.key), ui)?;
    let key = args.key.load()?;
    let current = change::current(repo)?;
    let entry = match &args.digest {
        Some(digest) => waiting(repo, &current, digest)?,
        None => from_work_tree(repo, &current, &args)?,
    };
    let principal = change::signer(repo, &current, &entry, &key)?;
    let proposed = governance::rules_tree(repo.scratch()?, &entry.tree)?;
    // Nothing that fails to load is signed into force.
    crate::decide::rules::check(repo, proposed)
        .map_err(|e| e.context("the proposed rules do not load; fix them before signing"))?;
    ui.status(describe(repo, &current, &entry, proposed)?);
    if !args.yes {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(Error::usage("signing needs a terminal to confirm; pass --yes to sign without asking"));
        }
        crate::text::ui::restore_terminal_on_interrupt();
        let sure = dialoguer::Confirm::new()
            .wait_for_newline(true)
            .with_prompt(format!("Sign entry {} as {principal}?", entry.seq))
            .default(false)
            .interact()
            .map_err(|e| Error::io(format!("prompt: {e}")))?;
        if !sure {
            return Err(Error::new(ErrorKind::Conflict, "not signed; nothing was written"));
        }
    }
    let signed = change::sign(repo, entry, &principal, &key)?;
    let push = crate::commands::after_write(repo, &args.push, Some(&args.key), ui)?;
    super::report_signed(ui, &signed, push)?;
    Ok(0)
}

/// The pending change named by `digest`, still based on the entry in force.
fn waiting(repo: &crate::store::repo::ChangeRepo, current: &Current, digest: &str) -> Result<Entry> {
    let want = digest.strip_prefix("sha256:").unwrap_or(digest);
    let found: Vec<Entry> = change::pending(repo)?
        .into_iter()
        .filter(|e| e.digest().strip_prefix("sha256:").unwrap_or_default().starts_with(want))
        .collect();
    let entry = match found.len() {
        0 => {
            return Err(Error::not_found(format!("no pending change {digest}"))
                .hint("`clearance governance status` lists them"));
        }
        1 => found.into_iter().next().unwrap_or_else(|| unreachable!()),
        n => return Err(Error::usage(format!("{digest} names {n} pending changes; give more of it"))),
    };
    if entry.prev.as_ref() != current.chain.hashes.last() {
        return Err(Error::new(ErrorKind::Conflict, format!("pending change {digest} was made against older rules"))
            .hint("sign the change again from the work tree: `clearance governance sign`"));
    }
    Ok(entry)
}

/// The change the work tree (or, in a bare repository, the branch) asks for, plus any
/// change of admins. A pending change that asks for the same is co-signed instead.
fn from_work_tree(repo: &crate::store::repo::ChangeRepo, current: &Current, args: &Args) -> Result<Entry> {
    let proposed = match repo.worktree_rules()? {
        Some(tree) => tree,
        None => {
            let snapshot = repo.snapshot()?;
            let branch = snapshot.branch_tree().ok_or_else(|| Error::not_found("the branch has no commits"))?;
            governance::rules_tree(repo.scratch()?, &governance::governed_map(branch))?
        }
    };
    let note = args.message.clone().unwrap_or_else(|| "governance sign".to_owned());
    let mut entry = change::entry_for(repo.scratch()?, current, proposed, &note)?;
    for spec in &args.add_admin {
        let (name, key) =
            spec.split_once('=').ok_or_else(|| Error::usage(format!("--add-admin {spec}: expected NAME=PUBKEY")))?;
        entry.admins.insert(name.to_owned(), keys::public_openssh(&keys::public_from_arg(key)?));
    }
    for name in &args.remove_admin {
        if entry.admins.remove(name).is_none() {
            return Err(Error::not_found(format!("`{name}` is not an admin")));
        }
    }
    if entry.admins.is_empty() {
        return Err(Error::usage("a repository needs at least one admin"));
    }
    if let Some(n) = args.admin_threshold {
        for rule in entry.rules.iter_mut().filter(|r| r.role == ADMIN) {
            rule.threshold = n;
        }
    }
    let prev = current.chain.in_force();
    if prev.is_some_and(|p| p.same_rules(&entry)) {
        return Err(Error::not_found("nothing to sign: the work tree's governed files are the rules in force")
            .hint("edit trust/, policies/, clearance.yaml, providers/ or graph/ first, or co-sign a pending change by its digest"));
    }
    let same = change::pending(repo)?.into_iter().find(|p| p.prev == entry.prev && p.same_rules(&entry));
    Ok(same.unwrap_or(entry))
}

/// What the signer is about to sign.
fn describe(
    repo: &crate::store::repo::ChangeRepo,
    current: &Current,
    entry: &Entry,
    proposed: git2::Oid,
) -> Result<String> {
    let mut out = format!(
        "governance entry {} — {} (dated {})\n",
        entry.seq,
        crate::text::ui::escape_controls(&entry.note),
        crate::text::ui::escape_controls(&entry.at)
    );
    let diff = change::diff_text(repo.scratch()?, current.in_force, proposed)?;
    if !diff.is_empty() {
        out.push('\n');
        out.push_str(&crate::text::ui::escape_controls(&diff));
    }
    if let Some(prev) = current.chain.in_force() {
        for (name, key) in &entry.admins {
            if prev.admins.get(name) != Some(key) {
                out.push_str(&format!("admin {name}: {key}\n"));
            }
        }
        for name in prev.admins.keys().filter(|n| !entry.admins.contains_key(*n)) {
            out.push_str(&format!("admin {name}: removed\n"));
        }
        if prev.rules != entry.rules {
            out.push_str("rules now:\n");
            for r in &prev.rules {
                out.push_str(&format!("  - {r}\n"));
            }
            out.push_str("rules after signing:\n");
            for r in &entry.rules {
                out.push_str(&format!("  + {r}\n"));
            }
        }
    }
    let needs: Vec<String> = governance::needs(current.chain.in_force(), entry)
        .iter()
        .map(|n| format!("{} of `{}` ({})", n.threshold, n.role, n.why))
        .collect();
    out.push_str(&format!("\nneeds: {}\n", needs.join(", ")));
    Ok(out)
}
