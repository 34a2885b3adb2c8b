//! Many machines on one change repository (docs/reference.md#concurrency-and-remotes): fetch the remote's branch with the
//! system `git`, replay this clone's unpushed commits on top of it, and push — retried with
//! backoff when another machine pushed first.
//!
//! clearance's commits touch disjoint paths (a new proposal's directory, one approver's
//! approval file), so replaying them needs no human. The one file two machines append to
//! is a proposal's `evidence.jsonl`: when both appended, our lines are re-chained after
//! theirs and re-signed with the key of the one who wrote them — unless theirs record that
//! the change was started, finished or withdrawn, in which case ours lost the race and the
//! commit is dropped from the branch (kept under `refs/clearance/dropped/`, and reported).
//! This is what makes `apply-started` a lock across machines: the git server's atomic ref
//! update lets exactly one start through.

use std::process::Command;
use std::time::Duration;

use git2::{Oid, Sort};
use serde::Serialize;
use ssh_key::PrivateKey;

use crate::error::{Error, ErrorKind, Result};
use crate::model::evidence::{self, Kind};
use crate::store::repo::{self, ChangeRepo, Entry};

/// Push attempts before giving up on a remote that keeps moving.
const ATTEMPTS: u32 = 10;

/// Who re-signs replayed commits and re-chained evidence lines: only what they wrote.
pub struct Signer {
    pub key: PrivateKey,
    pub principal: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub remote: String,
    pub branch: String,
    /// Commits that arrived from the remote.
    pub fetched: usize,
    /// Local commits rebuilt on top of the remote's.
    pub replayed: usize,
    /// Evidence lines re-chained after lines another machine appended first.
    pub rechained: usize,
    /// Replayed commits whose signature could not be made again (not written with this key).
    pub unsigned: usize,
    /// Local commits that lost a race and are no longer on the branch.
    pub dropped: Vec<Dropped>,
    /// Commits the remote received.
    pub pushed: usize,
    pub attempts: u32,
    /// The branch head after syncing.
    pub head: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dropped {
    pub commit: String,
    /// Where the commit is kept.
    pub saved_as: String,
    pub summary: String,
    pub reason: String,
}

/// Fetch, replay, push; until the push lands or the attempts run out.
pub fn sync(repo: &ChangeRepo, remote: &str, signer: Option<&Signer>) -> Result<Report> {
    sync_with(repo, remote, signer, true)
}

/// Push what this clone wrote, fetching and replaying only when the remote moved on since
/// the last sync: one round trip instead of two when nobody else pushed in between.
pub fn push_writes(repo: &ChangeRepo, remote: &str, signer: Option<&Signer>) -> Result<Report> {
    sync_with(repo, remote, signer, false)
}

fn sync_with(repo: &ChangeRepo, remote: &str, signer: Option<&Signer>, fetch_first: bool) -> Result<Report> {
    check_remote(repo, remote)?;
    // One sync at a time per clone: concurrent fetches would fight over the tracking ref.
    let _sync = repo.lock_named("clearance-sync.lock")?;
    // Neither this clone's branch nor the remote's may have lost what this clone saw.
    crate::trust::anchor::check_own(repo)?;
    let report = sync_locked(repo, remote, signer, fetch_first)?;
    let remote_head = repo.git.refname_to_id(&tracking_ref(repo, remote)).ok();
    crate::trust::anchor::note_synced(repo, remote, remote_head, repo.head()?);
    Ok(report)
}

fn sync_locked(repo: &ChangeRepo, remote: &str, signer: Option<&Signer>, fetch_first: bool) -> Result<Report> {
    let mut report = Report { remote: remote.to_owned(), branch: repo.branch_short().to_owned(), ..Report::default() };
    if !fetch_first && push_ahead(repo, remote, &mut report)? {
        return Ok(report);
    }
    for attempt in 1..=ATTEMPTS {
        report.attempts += 1;
        // What the last attempt rebuilt is rebuilt again; count this attempt's work only.
        (report.replayed, report.rechained, report.unsigned) = (0, 0, 0);
        let seen = crate::trust::anchor::seen(repo, remote);
        let theirs = fetch(repo, remote)?;
        crate::trust::anchor::check_fetched(repo, remote, &seen, theirs)?;
        let head = {
            let _lock = repo.lock()?;
            let ours = repo.head()?;
            let replay = replay(repo, ours, theirs, &[], signer, &mut report)?;
            if let Some(head) = replay {
                repo.move_branch(ours, head, "clearance sync")?;
            }
            replay.or(ours)
        };
        report.head = head.map(|h| h.to_string());
        let Some(head) = head else { return Ok(report) };
        if Some(head) == theirs {
            return Ok(report);
        }
        match push(repo, remote, head, theirs, &mut report)? {
            Pushed::Yes => return Ok(report),
            Pushed::Raced => std::thread::sleep(backoff(attempt)),
        }
    }
    Err(Error::new(
        ErrorKind::Conflict,
        format!("{remote} kept moving; gave up after {ATTEMPTS} attempts (your commits are safe here)"),
    )
    .hint("run `clearance sync` again"))
}

/// When this clone is simply ahead of what it last saw of the remote, try pushing as is.
/// `true` when that landed.
fn push_ahead(repo: &ChangeRepo, remote: &str, report: &mut Report) -> Result<bool> {
    let Ok(seen) = repo.git.refname_to_id(&tracking_ref(repo, remote)) else { return Ok(false) };
    let Some(head) = repo.head()? else { return Ok(false) };
    if head == seen || !repo.git.graph_descendant_of(head, seen)? {
        return Ok(false);
    }
    report.attempts += 1;
    Ok(matches!(push(repo, remote, head, Some(seen), report)?, Pushed::Yes))
}

/// Exponential backoff with jitter, so racing machines do not retry in lockstep.
fn backoff(attempt: u32) -> Duration {
    let base = 50u64 << attempt.min(6);
    let jitter = match crate::text::bytes::random::<2>() {
        Ok(r) => u64::from(u16::from_le_bytes(r)) % base,
        Err(_) => base / 2,
    };
    Duration::from_millis(base + jitter)
}

fn check_remote(repo: &ChangeRepo, remote: &str) -> Result<()> {
    if repo.git.find_remote(remote).is_err() {
        return Err(Error::not_found(format!("this change repository has no git remote `{remote}`"))
            .hint(format!("add one with `git remote add {remote} URL`, or set `remote:` in clearance.yaml")));
    }
    Ok(())
}

fn tracking_ref(repo: &ChangeRepo, remote: &str) -> String {
    format!("refs/remotes/{remote}/{}", repo.branch_short())
}

/// `git` for this repository; no password prompts when nobody is there to answer them.
fn git(repo: &ChangeRepo) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("--git-dir").arg(repo.git.path());
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        cmd.env("GIT_TERMINAL_PROMPT", "0");
    }
    cmd.stdin(std::process::Stdio::null());
    cmd
}

fn run_git(mut cmd: Command, what: &str) -> Result<std::process::Output> {
    cmd.output().map_err(|e| {
        Error::io(format!("cannot run git to {what}: {e}")).hint("clearance syncs with the system `git`; install it")
    })
}

/// The remote's branch head, or `None` when the remote does not have the branch yet.
fn fetch(repo: &ChangeRepo, remote: &str) -> Result<Option<Oid>> {
    let tracking = tracking_ref(repo, remote);
    let mut cmd = git(repo);
    cmd.args(["fetch", "--quiet", "--no-tags", remote]).arg(format!("+{}:{tracking}", repo.branch));
    let out = run_git(cmd, "fetch")?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("couldn't find remote ref") {
            return Ok(None);
        }
        return Err(Error::io(format!("git fetch {remote} failed: {}", stderr.trim().replace('\n', "; ")))
            .hint("everything stays recorded here; sync again once the remote can be reached"));
    }
    Ok(repo.git.find_reference(&tracking)?.target())
}

enum Pushed {
    Yes,
    /// The remote moved since we fetched: fetch and replay again.
    Raced,
}

/// Push `head` over the remote's `base`; when it lands, the report and the tracking ref say so.
fn push(repo: &ChangeRepo, remote: &str, head: Oid, base: Option<Oid>, report: &mut Report) -> Result<Pushed> {
    let mut cmd = git(repo);
    cmd.args(["push", "--porcelain", "--quiet", remote]).arg(format!("{head}:{}", repo.branch));
    let out = run_git(cmd, "push")?;
    if out.status.success() {
        report.pushed = count(repo, head, base)?;
        report.head = Some(head.to_string());
        repo.git.reference(&tracking_ref(repo, remote), head, true, "clearance sync: pushed")?;
        return Ok(Pushed::Yes);
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rejected = stdout.lines().find(|l| l.starts_with('!'));
    match rejected {
        Some(line)
            if ["fetch first", "non-fast-forward", "stale info", "lock", "failed to update"]
                .iter()
                .any(|why| line.contains(why)) =>
        {
            Ok(Pushed::Raced)
        }
        Some(line) => Err(Error::new(
            ErrorKind::Conflict,
            format!("{remote} refused the push: {}", line.rsplit('\t').next().unwrap_or(line).trim()),
        )),
        None => Err(Error::io(format!("git push {remote} failed: {}", stderr.trim().replace('\n', "; ")))
            .hint("everything stays recorded here; sync again once the remote can be reached")),
    }
}

/// How many commits `head` has that `base` does not.
fn count(repo: &ChangeRepo, head: Oid, base: Option<Oid>) -> Result<usize> {
    let mut walk = repo.git.revwalk()?;
    walk.push(head)?;
    if let Some(base) = base {
        walk.hide(base)?;
    }
    Ok(walk.count())
}

/// The new branch head with our commits on top of theirs (`None`: leave the branch alone).
fn replay(
    repo: &ChangeRepo,
    ours: Option<Oid>,
    theirs: Option<Oid>,
    // History not to replay besides theirs (what an accepted rewrite replaced).
    replaced: &[Oid],
    signer: Option<&Signer>,
    report: &mut Report,
) -> Result<Option<Oid>> {
    let (Some(ours), Some(theirs)) = (ours, theirs) else {
        return Ok(theirs.filter(|_| ours.is_none()));
    };
    if ours == theirs || repo.git.graph_descendant_of(ours, theirs)? {
        return Ok(None);
    }
    report.fetched += count(repo, theirs, Some(ours))?;
    if repo.git.graph_descendant_of(theirs, ours)? {
        return Ok(Some(theirs));
    }
    let mut walk = repo.git.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
    walk.push(ours)?;
    walk.hide(theirs)?;
    for old in replaced.iter().filter(|o| repo.git.find_commit(**o).is_ok()) {
        walk.hide(*old)?;
    }
    let local: Vec<Oid> = walk.collect::<std::result::Result<_, _>>()?;
    let mut base = theirs;
    for id in local {
        let commit = repo.git.find_commit(id)?;
        let short = &id.to_string()[..10];
        if commit.parent_count() == 0 {
            return Err(Error::new(ErrorKind::Conflict, format!("this clone and {} share no history", report.remote))
                .hint("is the remote another change repository? clone the right one, or fix the remote's URL"));
        }
        if commit.parent_count() != 1 {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!("local commit {short} is a merge; clearance replays only linear history"),
            )
            .hint("sync this clone with `git pull --rebase`, then run `clearance sync`"));
        }
        let parent_tree = commit.parent(0)?.tree()?;
        let base_tree = repo.git.find_commit(base)?.tree()?;
        match replay_one(repo, &commit, &parent_tree, &base_tree, signer, report)? {
            Step::Replayed(tree) if tree == base_tree.id() => {}
            Step::Replayed(tree) => {
                let tree = repo.git.find_tree(tree)?;
                let message = commit.message().unwrap_or_default();
                let resign = signer.filter(|s| commit.author().name() == Some(s.principal.as_str()));
                if resign.is_none() && commit.header_field_bytes("gpgsig").is_ok() {
                    report.unsigned += 1;
                }
                // Re-committed now, by whoever committed it.
                let was = commit.committer();
                let when = git2::Time::new(crate::text::time::now().as_second(), 0);
                let committer = git2::Signature::new(
                    was.name().unwrap_or("clearance"),
                    was.email().unwrap_or("clearance@clearance"),
                    &when,
                )?;
                base = repo.commit(
                    &commit.author(),
                    &committer,
                    message,
                    &tree,
                    Some(base),
                    resign.map(|s| &s.key as &dyn crate::store::repo::CommitSigner),
                )?;
                report.replayed += 1;
            }
            Step::Drop(reason) => {
                let saved_as = format!("refs/clearance/dropped/{id}");
                repo.git.reference(&saved_as, id, true, "clearance sync: dropped")?;
                report.dropped.push(Dropped {
                    commit: id.to_string(),
                    saved_as,
                    summary: commit.summary().unwrap_or_default().to_owned(),
                    reason,
                });
            }
        }
    }
    Ok(Some(base))
}

enum Step {
    /// The commit's tree rebuilt on the new base.
    Replayed(Oid),
    /// The commit lost a race; why.
    Drop(String),
}

fn entry_at(tree: &git2::Tree<'_>, path: &str) -> Entry {
    tree.get_path(std::path::Path::new(path)).ok().map(|e| (e.id(), e.filemode()))
}

fn replay_one(
    repo: &ChangeRepo,
    commit: &git2::Commit<'_>,
    parent: &git2::Tree<'_>,
    base: &git2::Tree<'_>,
    signer: Option<&Signer>,
    report: &mut Report,
) -> Result<Step> {
    let ours_by_clearance = commit.author().email().is_some_and(|e| e.ends_with("@clearance"));
    let mut entries: Vec<(String, Entry)> = Vec::new();
    let mut rechained = 0;
    for (path, before, after) in repo::changed_paths(&repo.git, Some(parent), &commit.tree()?)? {
        let now = entry_at(base, &path);
        if now.map(|(oid, _)| oid) == before {
            entries.push((path, after));
            continue;
        }
        if now == after {
            continue;
        }
        let conflict = match (path.ends_with("/evidence.jsonl"), before, after, now) {
            (true, Some(before), Some((after, mode)), Some((now, _))) => {
                let blob = |id| repo.git.find_blob(id).map(|b| b.content().to_vec());
                match rechain(&blob(before)?, &blob(after)?, &blob(now)?, signer)? {
                    Ok((bytes, n)) => {
                        rechained += n;
                        entries.push((path, Some((repo.git.blob(&bytes)?, mode))));
                        continue;
                    }
                    Err(reason) => reason,
                }
            }
            _ => format!("{path} changed on the remote too"),
        };
        if !ours_by_clearance {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!("your commit {} changes {path}, which the remote changed too", &commit.id().to_string()[..10]),
            )
            .hint("this is not a clearance commit, so it is left to you: `git pull --rebase`, then `clearance sync`"));
        }
        return Ok(Step::Drop(conflict));
    }
    report.rechained += rechained;
    Ok(Step::Replayed(repo::tree_with(&repo.git, Some(base), &entries)?))
}

/// Our appended evidence lines, chained after theirs and signed again; or why they cannot be.
fn rechain(
    parent: &[u8],
    ours: &[u8],
    theirs: &[u8],
    signer: Option<&Signer>,
) -> Result<std::result::Result<(Vec<u8>, usize), String>> {
    if !ours.starts_with(parent) || !theirs.starts_with(parent) {
        return Ok(Err("the evidence log was rewritten, not appended to".to_owned()));
    }
    let added_theirs = evidence::parse(&theirs[parent.len()..], "evidence.jsonl")?;
    let added_ours = evidence::parse(&ours[parent.len()..], "evidence.jsonl")?;
    if let Some(e) = added_theirs
        .iter()
        .find(|e| matches!(e.kind, Kind::ApplyStarted | Kind::ApplyFinished | Kind::Verified | Kind::Withdrawn))
    {
        return Ok(Err(format!("{} by {} at {} reached the remote first", e.kind.name(), e.actor, e.at)));
    }
    if let Some(e) =
        added_ours.iter().find(|e| !matches!(e.kind, Kind::Approved | Kind::Rejected | Kind::Planned | Kind::Withdrawn))
    {
        let what: Vec<String> = added_theirs.iter().map(|t| format!("{} by {}", t.kind.name(), t.actor)).collect();
        return Ok(Err(format!("{} raced with {} on the remote", e.kind.name(), what.join(", "))));
    }
    let mut log = theirs.to_vec();
    for e in &added_ours {
        let Some(signer) = signer.filter(|s| s.principal == e.actor) else {
            return Err(Error::usage(format!(
                "the {} by {} must be chained after what another machine recorded first, which needs {}'s key",
                e.kind.name(),
                e.actor,
                e.actor
            ))
            .hint(format!("run `clearance sync --key-file PATH` with {}'s key", e.actor)));
        };
        log = evidence::append_signed(&log, e.kind, &e.at, &e.actor, e.payload.clone(), Some(&signer.key))?;
    }
    Ok(Ok((log, added_ours.len())))
}

/// `--push` / `--no-push`, on every command that writes.
#[derive(Debug, Default, clap::Args)]
pub struct PushArgs {
    /// Sync with the remote: push this write (approve, reject, withdraw and plan fetch
    /// first, to act on every machine's record) [default with `sync: auto`]
    #[arg(long, overrides_with = "no_push")]
    pub push: bool,
    /// Keep this write local even with `sync: auto` in clearance.yaml (for apply: even
    /// when the repository has a remote)
    #[arg(long)]
    pub no_push: bool,
}

impl PushArgs {
    /// The remote to push to after this write, if any.
    pub fn remote(&self, repo: &ChangeRepo) -> Result<Option<String>> {
        if self.no_push {
            return Ok(None);
        }
        let config = crate::model::config::Config::load(&repo.snapshot()?)?;
        Ok(self.wanted(&config).then_some(config.remote))
    }

    fn wanted(&self, config: &crate::model::config::Config) -> bool {
        self.push || config.sync == crate::model::config::SyncMode::Auto
    }

    /// The remote `apply` must reach before its provider runs: as for any write, and also
    /// whenever the repository has that remote at all (docs/reference.md#providers: `apply-started` is pushed
    /// when a remote is configured), since only the remote keeps two machines from running
    /// one change. `--no-push` applies on this clone's word alone.
    pub fn remote_for_apply(&self, repo: &ChangeRepo) -> Result<Option<String>> {
        if self.no_push {
            return Ok(None);
        }
        let config = crate::model::config::Config::load(&repo.snapshot()?)?;
        let configured = repo.git.find_remote(&config.remote).is_ok();
        Ok((configured || self.wanted(&config)).then_some(config.remote))
    }
}

/// The key given on the command line, and whose it is, for re-signing what this user wrote.
pub fn load_signer(repo: &ChangeRepo, key: &crate::trust::keys::KeyArgs) -> Result<Option<Signer>> {
    if key.key.is_none() && key.key_file.is_none() {
        return Ok(None);
    }
    let key = key.load()?;
    let identities = crate::trust::identities::Identities::load(&repo.snapshot()?)?;
    let principal = identities.by_key(key.public_key()).map(|i| i.principal.clone());
    Ok(principal.map(|principal| Signer { key, principal }))
}

/// What `sync --accept-rewrite` did.
#[derive(Debug, Serialize)]
pub struct Accepted {
    pub remote: String,
    /// The head this clone (or machine) had seen, which the remote no longer extends.
    pub replaced: String,
    /// The remote's head that replaced it.
    pub head: String,
    pub vanished: crate::trust::anchor::Vanished,
    /// The admin's checkpoint that records the acceptance.
    pub checkpoint: String,
    pub sync: Report,
}

/// `clearance sync --accept-rewrite`: an admin accepts that the remote's history was
/// rewritten. This clone's unpushed commits are replayed on the new history (what the old
/// one held is not), every mark follows it, and a checkpoint signed by the admin records
/// what was replaced and what vanished; then the usual sync pushes it.
pub fn accept_rewrite(repo: &ChangeRepo, remote: &str, signer: Option<&Signer>) -> Result<Accepted> {
    check_remote(repo, remote)?;
    let signer = signer.ok_or_else(|| {
        Error::usage("accepting a rewrite needs an admin's key").hint("pass --key-file ADMIN_KEY (or --key NAME)")
    })?;
    let identities = crate::trust::identities::Identities::load(&repo.snapshot()?)?;
    let admin = identities.get(&signer.principal).filter(|i| i.revoked_at.is_none()).map(|i| i.role);
    if admin != Some(crate::trust::identities::Role::Admin) {
        return Err(Error::invalid(format!("`{}` is not an admin; only an admin accepts a rewrite", signer.principal)));
    }
    let (old, theirs, vanished, new) = {
        let _sync = repo.lock_named("clearance-sync.lock")?;
        let seen = crate::trust::anchor::seen(repo, remote);
        let theirs = fetch(repo, remote)?
            .ok_or_else(|| Error::not_found(format!("{remote} has no branch {}", repo.branch_short())))?;
        let Some(old) = crate::trust::anchor::rewritten(repo, &seen, theirs) else {
            return Err(Error::usage(format!(
                "{remote} extends everything this clone saw; there is no rewrite to accept"
            ))
            .hint("`clearance sync` syncs as usual"));
        };
        let vanished = crate::trust::anchor::vanished(repo, old, Some(theirs))?;
        let _lock = repo.lock()?;
        let ours = repo.head()?;
        let mut report = Report::default();
        let new = replay(repo, ours, Some(theirs), &[old], Some(signer), &mut report)?.unwrap_or(theirs);
        repo.move_branch(ours, new, "clearance sync --accept-rewrite")?;
        crate::trust::anchor::accept(repo, remote, theirs, new);
        (old, theirs, vanished, new)
    };
    let _ = new;
    let mut lost = vanished.commits.clone();
    lost.extend(vanished.evidence.iter().cloned());
    let replaced = crate::trust::checkpoint::Replaced { head: old.to_string(), vanished: lost };
    let checkpoint = crate::decide::anchor::write(repo, &signer.key, &signer.principal, Some(replaced))?;
    let sync = sync(repo, remote, Some(signer))?;
    Ok(Accepted {
        remote: remote.to_owned(),
        replaced: old.to_string(),
        head: theirs.to_string(),
        vanished,
        checkpoint: checkpoint.file_name(),
        sync,
    })
}

/// Whether a write reached the remote, for programs reading `--format json`.
#[derive(Debug, Clone, Serialize)]
pub struct PushStatus {
    pub remote: String,
    pub pushed: bool,
    /// Commits the remote received (this write and any earlier unpushed ones).
    pub commits: usize,
    /// Why it was not pushed; the write is recorded here, and `clearance sync` pushes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// After a command wrote: push when asked. The write itself is done and stays, so a remote
/// that cannot be reached only warns (`clearance sync` pushes later); a write that lost a
/// race on the remote is an error. `None` when pushing is off.
/// A command's JSON answer with, when pushing is on, whether its write reached the remote.
#[derive(Serialize)]
pub struct WithPush<'a, T: Serialize> {
    #[serde(flatten)]
    pub value: &'a T,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub push: Option<PushStatus>,
}

/// Commits that lost a race, as one error.
pub fn dropped_error(report: &Report) -> Error {
    let lines: Vec<String> = report
        .dropped
        .iter()
        .map(|d| format!("  {} ({}): {}, kept as {}", d.summary, &d.commit[..10], d.reason, d.saved_as))
        .collect();
    Error::new(
        ErrorKind::Conflict,
        format!(
            "{} local commit(s) lost a race on {} and are not on the branch:\n{}",
            lines.len(),
            report.remote,
            lines.join("\n")
        ),
    )
    .hint("`clearance show ID` tells what the change looks like now")
}
