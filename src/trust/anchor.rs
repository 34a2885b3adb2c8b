//! Anchors: history that cannot be quietly rewound.
//!
//! A hash chain proves that nothing was changed in the middle of a log, not that nothing
//! was cut off its end, and whoever can push can move a branch anywhere. So each clone
//! remembers the newest head it verified, wrote or synced (its high-water mark, in the
//! store), and this machine remembers, per repository root, the newest head it saw on a
//! remote, so a fresh clone of the same user inherits it. A head that does not descend
//! from a mark is refused, naming the commits and evidence entries that vanished. An
//! admin may accept a rewrite on purpose; that is recorded as a signed checkpoint.
//!
//! The same walk that proves a head extends a mark proves every commit since only
//! appended: no proposal file or evidence line removed or changed by a later commit.

use std::path::PathBuf;

use git2::{Delta, Oid};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::store::mark;
use crate::store::repo::ChangeRepo;
use crate::text::bytes::digest;
use crate::trust::governance::state_dir;

/// How many vanished commits a refusal lists before "and N more".
const LISTED: usize = 10;

/// The newest head this machine saw of `branch` in the repository with `root`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct MachineMark {
    head: String,
    seen_at: String,
}

fn machine_path(root: &str, branch: &str) -> Option<PathBuf> {
    let key = digest(format!("{root}\n{branch}").as_bytes());
    state_dir().map(|d| d.join("marks").join(crate::trust::governance::hex_of(&key)))
}

fn machine_mark(root: &str, branch: &str) -> Option<Oid> {
    let bytes = std::fs::read(machine_path(root, branch)?).ok()?;
    let mark: MachineMark = serde_json::from_slice(&bytes).ok()?;
    Oid::from_str(&mark.head).ok()
}

fn set_machine_mark(root: &str, branch: &str, head: Oid) {
    let Some(path) = machine_path(root, branch) else { return };
    let mark = MachineMark { head: head.to_string(), seen_at: crate::text::time::rfc3339(crate::text::time::now()) };
    if let Ok(bytes) = serde_json::to_vec(&mark) {
        let _ = crate::store::fs::write_atomic(&path, &bytes, false);
    }
}

/// The root of the repository's rules in force, when it is governed.
fn root_of(repo: &ChangeRepo) -> Option<String> {
    repo.snapshot().ok()?.in_force().map(|f| f.root.clone())
}

/// What a rewrite took away, between a mark and the head that replaced it.
#[derive(Debug, Default, Serialize)]
pub struct Vanished {
    /// The mark, when this clone has its objects.
    pub known: bool,
    /// Commits reachable from the mark but not from the head: `short id  summary`.
    pub commits: Vec<String>,
    /// How many more commits vanished than are listed.
    pub more: usize,
    /// Evidence entries and proposal files that are gone: `proposal: what`.
    pub evidence: Vec<String>,
}

impl Vanished {
    fn hints(&self, err: Error) -> Error {
        let mut err = err;
        for c in &self.commits {
            err = err.hint(format!("vanished commit {c}"));
        }
        if self.more > 0 {
            err = err.hint(format!("and {} more commit(s)", self.more));
        }
        for e in self.evidence.iter().take(LISTED) {
            err = err.hint(format!("vanished evidence: {e}"));
        }
        if self.evidence.len() > LISTED {
            err = err.hint(format!("and {} more evidence change(s)", self.evidence.len() - LISTED));
        }
        err
    }
}

/// What is on `mark` and not on `head`: the commits, and per proposal the evidence lines
/// and files that are gone or changed.
pub fn vanished(repo: &ChangeRepo, mark: Oid, head: Option<Oid>) -> Result<Vanished> {
    let mut out = Vanished::default();
    let Ok(marked) = repo.git.find_commit(mark) else { return Ok(out) };
    out.known = true;
    let mut walk = repo.git.revwalk()?;
    walk.push(mark)?;
    if let Some(head) = head {
        walk.hide(head)?;
    }
    for (n, oid) in walk.enumerate() {
        let oid = oid?;
        if n < LISTED {
            let summary = repo.git.find_commit(oid)?.summary().unwrap_or_default().to_owned();
            out.commits.push(format!("{}  {summary}", &oid.to_string()[..10]));
        } else {
            out.more += 1;
        }
    }
    let head_tree = head.map(|h| repo.git.find_commit(h).and_then(|c| c.tree())).transpose()?;
    let mut options = git2::DiffOptions::new();
    options.pathspec("proposals").pathspec("checkpoints");
    let diff = repo.git.diff_tree_to_tree(Some(&marked.tree()?), head_tree.as_ref(), Some(&mut options))?;
    for delta in diff.deltas() {
        let before = delta.old_file();
        let Some(path) = before.path().and_then(|p| p.to_str()).map(str::to_owned) else { continue };
        if before.id().is_zero() {
            continue; // added since: nothing vanished
        }
        let old = repo.git.find_blob(before.id())?.content().to_vec();
        let new = match delta.status() {
            Delta::Deleted => None,
            _ => Some(repo.git.find_blob(delta.new_file().id())?.content().to_vec()),
        };
        out.evidence.push(describe_loss(&path, &old, new.as_deref()));
    }
    Ok(out)
}

/// One line on what happened to a file between a mark and a later state.
fn describe_loss(path: &str, old: &[u8], new: Option<&[u8]>) -> String {
    if !path.ends_with("/evidence.jsonl") {
        return match new {
            None => format!("{path} deleted"),
            Some(_) => format!("{path} changed"),
        };
    }
    let lost = lost_lines(old, new.unwrap_or_default());
    let kinds: Vec<String> = lost
        .iter()
        .map(|l| {
            serde_json::from_slice::<serde_json::Value>(l)
                .ok()
                .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_owned))
                .unwrap_or_else(|| "?".to_owned())
        })
        .collect();
    let what = if new.is_none() { "deleted with" } else { "lost" };
    format!("{path} {what} {} entr{} ({})", kinds.len(), if kinds.len() == 1 { "y" } else { "ies" }, kinds.join(", "))
}

/// The lines of `old` that `new` does not keep in place (from the first that differs).
fn lost_lines<'a>(old: &'a [u8], new: &[u8]) -> Vec<&'a [u8]> {
    let old_lines: Vec<&[u8]> = old.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
    let new_lines: Vec<&[u8]> = new.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
    let kept = old_lines.iter().zip(&new_lines).take_while(|(a, b)| a == b).count();
    old_lines.into_iter().skip(kept).collect()
}

fn rewound(repo: &ChangeRepo, what: &str, mark: Oid, head: Option<Oid>) -> Result<Error> {
    let gone = vanished(repo, mark, head)?;
    let short = |o: Oid| o.to_string()[..10].to_owned();
    let now = head.map_or_else(|| "gone".to_owned(), |h| format!("at {}", short(h)));
    let message = if gone.known {
        format!(
            "{} was rewritten: {what} saw it at {}, and it is now {now}, which does not descend from it",
            repo.branch_short(),
            short(mark)
        )
    } else {
        format!("{} is {now}, which lacks commit {}, which {what} saw on it", repo.branch_short(), short(mark))
    };
    let mut err = gone.hints(Error::new(ErrorKind::VerificationFailed, message));
    if !gone.known {
        err = err.hint("if this clone is only behind, `clearance sync` brings it up to date; if sync refuses too, the remote's history was rewritten");
    } else {
        err = err.hint(format!(
            "restore the branch from a clone that has {} (nothing was run or recorded here)",
            short(mark)
        ));
    }
    Ok(err.hint(
        "if the rewrite was intended, an admin accepts it: `clearance sync --accept-rewrite --key-file ADMIN_KEY`",
    ))
}

/// Refuse a branch head that does not extend what this clone last saw (or, for a clone
/// with no mark of its own, what this machine last saw of the repository's remote).
pub fn check(repo: &ChangeRepo) -> Result<()> {
    check_with(repo, true)
}

/// [`check`] against this clone's own mark only (what `sync` checks before fetching: a
/// clone behind what the machine saw is what sync is for).
pub fn check_own(repo: &ChangeRepo) -> Result<()> {
    check_with(repo, false)
}

fn check_with(repo: &ChangeRepo, inherit: bool) -> Result<()> {
    let head = repo.head()?;
    let own = mark::get(&repo.git, &repo.branch);
    let (marked, what) = match own {
        Some(m) => (m, "this clone"),
        None => match root_of(repo).and_then(|root| machine_mark(&root, repo.branch_short())).filter(|_| inherit) {
            Some(m) => (m, "this machine"),
            None => return Ok(()),
        },
    };
    if head.is_some_and(|h| mark::descends(&repo.git, h, marked)) {
        return Ok(());
    }
    Err(rewound(repo, what, marked, head)?)
}

/// Remember `head` as verified by this clone.
pub fn note_verified(repo: &ChangeRepo, head: Oid) {
    mark::advance(&repo.git, &repo.branch, head);
}

/// What this clone and this machine saw of `remote`, read before fetching from it: every
/// mark read then was set after a push that had landed, so the fetch must bring it (a
/// mark another clone sets while this one fetches is not held against it).
pub struct Seen {
    own: Option<Oid>,
    machine: Option<Oid>,
}

pub fn seen(repo: &ChangeRepo, remote: &str) -> Seen {
    Seen {
        own: mark::get(&repo.git, &mark::remote_mark(remote, repo.branch_short())),
        machine: root_of(repo).and_then(|root| machine_mark(&root, repo.branch_short())),
    }
}

/// Refuse what was fetched from `remote` when it does not extend what this clone (or this
/// machine) had seen there before the fetch.
pub fn check_fetched(repo: &ChangeRepo, remote: &str, seen: &Seen, theirs: Option<Oid>) -> Result<()> {
    for (marked, what) in
        [(seen.own, format!("this clone's last sync with {remote}")), (seen.machine, "this machine".to_owned())]
    {
        let Some(marked) = marked else { continue };
        if theirs.is_some_and(|t| mark::descends(&repo.git, t, marked)) {
            continue;
        }
        return Err(rewound(repo, &what, marked, theirs)?.context(remote));
    }
    Ok(())
}

/// The mark that `theirs` (just fetched from `remote`) does not extend, if any.
pub fn rewritten(repo: &ChangeRepo, seen: &Seen, theirs: Oid) -> Option<Oid> {
    [seen.own, seen.machine].into_iter().flatten().find(|m| !mark::descends(&repo.git, theirs, *m))
}

/// Remember a sync: the remote's branch at `theirs`, this clone's at `ours`.
pub fn note_synced(repo: &ChangeRepo, remote: &str, theirs: Option<Oid>, ours: Option<Oid>) {
    if let Some(theirs) = theirs {
        mark::advance(&repo.git, &mark::remote_mark(remote, repo.branch_short()), theirs);
        if let Some(root) = root_of(repo) {
            let branch = repo.branch_short();
            match machine_mark(&root, branch) {
                Some(m) if !mark::descends(&repo.git, theirs, m) => {}
                _ => set_machine_mark(&root, branch, theirs),
            }
        }
    }
    if let Some(ours) = ours {
        mark::set(&repo.git, &repo.branch, ours);
    }
}

/// After an admin accepted a rewrite: every mark follows the new history.
pub fn accept(repo: &ChangeRepo, remote: &str, theirs: Oid, ours: Oid) {
    mark::set(&repo.git, &mark::remote_mark(remote, repo.branch_short()), theirs);
    mark::set(&repo.git, &repo.branch, ours);
    if let Some(root) = root_of(repo) {
        set_machine_mark(&root, repo.branch_short(), theirs);
    }
}

// ----- append-only history -----

/// A commit that took something away.
#[derive(Debug, Clone, Serialize)]
pub struct Removal {
    pub commit: String,
    pub author: String,
    pub path: String,
    pub what: String,
}

/// The name of the mark up to which this clone proved the branch only appended.
fn appended_mark(repo: &ChangeRepo) -> String {
    format!("appended:{}", repo.branch)
}

/// Every commit from `since` (exclusive; `None`: from the first commit) to `head` that
/// removed or changed a proposal's files or evidence lines, or a checkpoint: a deletion
/// committed on top is as much a rewrite as a rewind. Re-planning and re-approving replace
/// `plan.json` and an approval file together with a new evidence line; that is allowed.
/// This clone remembers how far it proved it, so each commit is walked once.
pub fn removals(repo: &ChangeRepo, since: Option<Oid>, head: Oid) -> Result<Vec<Removal>> {
    let git = &repo.git;
    let proven = mark::get(git, &appended_mark(repo)).filter(|p| mark::descends(git, head, *p));
    let mut walk = git.revwalk()?;
    walk.push(head)?;
    for hide in [proven, since].into_iter().flatten() {
        if git.find_commit(hide).is_ok() {
            walk.hide(hide)?;
        }
    }
    let head_tree = git.find_commit(head)?.tree()?;
    let odb = git.odb()?;
    let mut out = Vec::new();
    for oid in walk {
        let commit = git.find_commit(oid?)?;
        let tree = commit.tree_id();
        // A merge is judged against every parent: the side it drops is a removal too. A
        // commit with no parent adds everything it holds.
        let parents: Vec<Option<Oid>> = match commit.parent_count() {
            0 => vec![None],
            _ => commit.parents().map(|p| Some(p.tree_id())).collect(),
        };
        for parent in parents {
            for (path, what) in taken_away(git, &odb, parent, tree)? {
                // Put back since (exactly, or with lines appended after): nothing is lost.
                if restored(git, &head_tree, &path, &what) {
                    continue;
                }
                out.push(Removal {
                    commit: commit.id().to_string(),
                    author: commit.author().name().unwrap_or_default().to_owned(),
                    path,
                    what: what.text,
                });
            }
        }
    }
    if out.is_empty() {
        mark::set(git, &appended_mark(repo), head);
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loss {
    /// Lines cut from an evidence file: restored when the head's file begins with them.
    Lines,
    /// A file deleted or changed: restored when the head holds the same bytes.
    File,
    /// A tree that is not well formed: never excused.
    Malformed,
}

struct Taken {
    kind: Loss,
    text: String,
    /// The bytes that were taken away, for checking whether the head holds them again.
    before: Option<Oid>,
}

/// An entry's id and whether it is a tree, before and after.
type Sides = (Option<(Oid, bool)>, Option<(Oid, bool)>);

/// A file that differs between two trees: its blob before and after (`None`: absent).
struct Change {
    path: String,
    old: Option<Oid>,
    new: Option<Oid>,
}

/// One tree's entries read straight from the object database (`(name, id, is_tree)`), or
/// `None` when it lists a name twice. The object cache is bypassed: a long history holds
/// more distinct trees than it can keep, and evicting from it costs more than parsing.
fn raw_entries(odb: &git2::Odb<'_>, id: Oid) -> Result<Option<Vec<(String, Oid, bool)>>> {
    let raw = odb.read(id)?;
    let data = raw.data();
    let mut out: Vec<(String, Oid, bool)> = Vec::new();
    let mut rest = data;
    while let Some(space) = rest.iter().position(|b| *b == b' ') {
        let Some(nul) = rest.iter().position(|b| *b == 0) else { break };
        let (Some(mode), Some(name), Some(bin)) =
            (rest.get(..space), rest.get(space + 1..nul), rest.get(nul + 1..nul + 21))
        else {
            break;
        };
        out.push((String::from_utf8_lossy(name).into_owned(), Oid::from_bytes(bin)?, mode == b"40000"));
        rest = rest.get(nul + 21..).unwrap_or_default();
    }
    // Git writes entries in strictly increasing order: anything else (a name twice, or
    // entries out of order) is not a tree git made.
    let ordered = out.windows(2).all(|w| git_order(&w[0], &w[1]) == std::cmp::Ordering::Less && w[0].0 != w[1].0);
    Ok(ordered.then_some(out))
}

/// Git's order of tree entries: by name, a directory's name as if it ended in `/`.
fn git_order(a: &(String, Oid, bool), b: &(String, Oid, bool)) -> std::cmp::Ordering {
    let end = |e: &(String, Oid, bool)| if e.2 { Some(b'/') } else { None };
    let (x, y) = (a.0.as_bytes(), b.0.as_bytes());
    let common = x.len().min(y.len());
    x[..common].cmp(&y[..common]).then_with(|| {
        let next = |v: &[u8], e| v.get(common).copied().or(e);
        next(x, end(a)).cmp(&next(y, end(b)))
    })
}

/// Every file under `id` (a tree or a blob) at `path`.
fn files_under(
    odb: &git2::Odb<'_>,
    id: Oid,
    is_tree: bool,
    path: &str,
    out: &mut Vec<(String, Oid)>,
    malformed: &mut Vec<String>,
) -> Result<()> {
    if !is_tree {
        out.push((path.to_owned(), id));
        return Ok(());
    }
    let Some(entries) = raw_entries(odb, id)? else {
        malformed.push(path.to_owned());
        return Ok(());
    };
    for (name, child, tree) in entries {
        files_under(odb, child, tree, &format!("{path}/{name}"), out, malformed)?;
    }
    Ok(())
}

/// The files that differ between the trees `old` and `new` below `prefix`, descending only
/// where ids differ; at the root, only into `proposals/` and `checkpoints/`. A directory on
/// the new side that lists a name twice goes to `malformed` instead.
fn compare(
    odb: &git2::Odb<'_>,
    old: Option<Oid>,
    new: Oid,
    prefix: &str,
    changes: &mut Vec<Change>,
    malformed: &mut Vec<String>,
) -> Result<()> {
    let Some(new_entries) = raw_entries(odb, new)? else {
        malformed.push(if prefix.is_empty() { ".".to_owned() } else { prefix.to_owned() });
        return Ok(());
    };
    let old_entries = match old {
        Some(o) => raw_entries(odb, o)?.unwrap_or_default(),
        None => Vec::new(),
    };
    // Both lists are in git's order: walk them side by side.
    let mut names: Vec<(&str, Sides)> = Vec::with_capacity(new_entries.len());
    let (mut i, mut j) = (0, 0);
    while i < old_entries.len() || j < new_entries.len() {
        let order = match (old_entries.get(i), new_entries.get(j)) {
            (Some(o), Some(n)) => git_order(o, n),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                let (name, id, tree) = &old_entries[i];
                names.push((name, (Some((*id, *tree)), None)));
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                let (name, id, tree) = &new_entries[j];
                names.push((name, (None, Some((*id, *tree)))));
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let ((name, a, at), (_, b, bt)) = (&old_entries[i], &new_entries[j]);
                names.push((name, (Some((*a, *at)), Some((*b, *bt)))));
                i += 1;
                j += 1;
            }
        }
    }
    for (name, (before, after)) in names {
        if prefix.is_empty() && name != "proposals" && name != "checkpoints" {
            continue;
        }
        if before == after {
            continue;
        }
        let path = if prefix.is_empty() { name.to_owned() } else { format!("{prefix}/{name}") };
        if let (Some((b, true)), Some((a, true))) = (before, after) {
            compare(odb, Some(b), a, &path, changes, malformed)?;
            continue;
        }
        let (mut was, mut now) = (Vec::new(), Vec::new());
        if let Some((id, tree)) = before {
            files_under(odb, id, tree, &path, &mut was, &mut Vec::new())?;
        }
        if let Some((id, tree)) = after {
            files_under(odb, id, tree, &path, &mut now, malformed)?;
        }
        let mut by_path: std::collections::BTreeMap<String, Change> = Default::default();
        for (p, id) in was {
            by_path.insert(p.clone(), Change { path: p, old: Some(id), new: None });
        }
        for (p, id) in now {
            by_path.entry(p.clone()).or_insert(Change { path: p, old: None, new: None }).new = Some(id);
        }
        changes.extend(by_path.into_values().filter(|c| c.old != c.new));
    }
    Ok(())
}

/// What `tree` took away from `parent` under `proposals/` and `checkpoints/`.
fn taken_away(
    git: &git2::Repository,
    odb: &git2::Odb<'_>,
    parent: Option<Oid>,
    tree: Oid,
) -> Result<Vec<(String, Taken)>> {
    let (mut changes, mut malformed) = (Vec::new(), Vec::new());
    compare(odb, parent, tree, "", &mut changes, &mut malformed)?;
    let mut grew = std::collections::BTreeSet::new();
    // Every changed path must read as git itself would write it: one entry per name (a tree
    // listing a name twice shows a diff one file and readers another).
    let mut suspects: Vec<(String, Taken)> = malformed
        .into_iter()
        .map(|path| {
            let text = format!("{path}: a directory that lists a name twice");
            (path, Taken { kind: Loss::Malformed, text, before: None })
        })
        .collect();
    let blob = |id: Oid| -> Result<Vec<u8>> { Ok(odb.read(id)?.data().to_vec()) };
    for Change { path, old, new } in changes {
        let dir = proposal_dir(&path);
        match (old, new) {
            (None, Some(_)) => {
                if path.ends_with("/evidence.jsonl") {
                    grew.insert(dir);
                }
            }
            (Some(before), Some(after)) if path.ends_with("/evidence.jsonl") => {
                let (old_bytes, new_bytes) = (blob(before)?, blob(after)?);
                if new_bytes.starts_with(&old_bytes) {
                    grew.insert(dir);
                } else {
                    let text = describe_loss(&path, &old_bytes, Some(&new_bytes));
                    suspects.push((path, Taken { kind: Loss::Lines, text, before: old }));
                }
            }
            (Some(_), Some(_)) if path.ends_with("/plan.json") || path.contains("/approvals/") => {
                let text = format!("{path} replaced without a new evidence entry");
                suspects.push((path, Taken { kind: Loss::File, text, before: old }));
            }
            (Some(before), None) if path.starts_with("checkpoints/") && !is_checkpoint(git, before) => {}
            (Some(before), None) if path.ends_with("/evidence.jsonl") => {
                let text = describe_loss(&path, &blob(before)?, None);
                suspects.push((path, Taken { kind: Loss::Lines, text, before: old }));
            }
            (Some(_), None) => {
                let text = format!("{path} deleted");
                suspects.push((path, Taken { kind: Loss::File, text, before: old }));
            }
            _ => {
                let text = format!("{path} changed");
                suspects.push((path, Taken { kind: Loss::File, text, before: old }));
            }
        }
    }
    Ok(suspects
        .into_iter()
        .filter(|(path, t)| !(t.text.ends_with("without a new evidence entry") && grew.contains(&proposal_dir(path))))
        .collect())
}

/// Whether the head holds again what a commit took away: the same bytes, or for evidence
/// the same lines with more after them.
fn restored(git: &git2::Repository, head: &git2::Tree<'_>, path: &str, taken: &Taken) -> bool {
    let (Some(before), Ok(now)) = (taken.before, head.get_path(std::path::Path::new(path))) else { return false };
    match taken.kind {
        Loss::Malformed => false,
        Loss::File => now.id() == before,
        Loss::Lines => match (git.find_blob(before), git.find_blob(now.id())) {
            (Ok(old), Ok(new)) => new.content().starts_with(old.content()),
            _ => false,
        },
    }
}

/// Whether the blob is a checkpoint file (junk added under `checkpoints/` may go again).
fn is_checkpoint(git: &git2::Repository, blob: Oid) -> bool {
    git.find_blob(blob).is_ok_and(|b| crate::trust::checkpoint::Checkpoint::parse(b.content(), "").is_ok())
}

/// Refuse a branch on which some commit took a proposal's files or evidence away (what
/// `apply` checks before it believes a change was never started).
pub fn check_appended(repo: &ChangeRepo) -> Result<()> {
    let Some(head) = repo.head()? else { return Ok(()) };
    let removed = removals(repo, None, head)?;
    let Some(first) = removed.first() else { return Ok(()) };
    let mut err = Error::new(
        ErrorKind::VerificationFailed,
        format!("commit {} by {} took recorded history away: {}", &first.commit[..10], first.author, first.what),
    );
    for r in removed.iter().skip(1).take(LISTED) {
        err = err.hint(format!("commit {} by {}: {}", &r.commit[..10], r.author, r.what));
    }
    Ok(err
        .hint("history only appends; restore what was removed from a clone that has it (nothing was run or recorded)"))
    .and_then(Err)
}

/// `proposals/ab/abcdefghij` of a path inside a proposal directory.
fn proposal_dir(path: &str) -> String {
    path.splitn(4, '/').take(3).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_lines_are_those_after_the_first_difference() {
        assert_eq!(lost_lines(b"a\nb\nc\n", b"a\nb\n"), vec![b"c".as_slice()]);
        assert_eq!(lost_lines(b"a\nb\n", b"a\nx\nb\n"), vec![b"b".as_slice()]);
        assert!(lost_lines(b"a\n", b"a\nb\n").is_empty());
    }

    #[test]
    fn a_cut_evidence_file_names_the_kinds_it_lost() {
        let old = b"{\"kind\":\"proposed\"}\n{\"kind\":\"apply-started\"}\n{\"kind\":\"apply-finished\"}\n";
        let new = b"{\"kind\":\"proposed\"}\n";
        assert_eq!(
            describe_loss("proposals/ab/abc/evidence.jsonl", old, Some(new)),
            "proposals/ab/abc/evidence.jsonl lost 2 entries (apply-started, apply-finished)"
        );
        assert_eq!(proposal_dir("proposals/ab/abc/approvals/x.json"), "proposals/ab/abc");
    }
}
