//! The governance log, `governance/log.jsonl`: a signed hash chain whose entries put the
//! rules in force.
//!
//! Entry 0 (the genesis) names the repository id, the admins and the rules: which role may
//! change which governed path, with how many distinct signers. Every later entry names the
//! previous entry's hash, the governed trees it puts in force, and the signatures of
//! enough distinct eligible signers. Each signature covers the whole entry (sequence number
//! and previous hash included), so an old entry cannot be replayed at the tip. The
//! repository's identity, its root, is the hash of the genesis line; clones pin it.
//!
//! Rules are judged per top-level governed path (`trust`, `policies`, `clearance.yaml`,
//! `providers`, `graph`): a change to anything under one needs every rule whose paths lie
//! under it. Changes to the admins or the rules need the admin threshold of the entry before.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use git2::{ObjectType, Oid, Repository, Tree};
use serde::{Deserialize, Serialize};
use ssh_key::{PrivateKey, PublicKey};

use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::{ChangeRepo, GOVERNED, Governor, InForce};
use crate::text::bytes::digest;
use crate::trust::identities::Identities;
use crate::trust::keys;

pub use crate::store::repo::LOG;

/// The signature namespace of governance entries.
pub const NS: &str = "clearance-governance";
/// Where partly signed changes wait for more signatures.
pub const PENDING: &str = "governance/pending";
/// The role whose members the genesis lists as admins.
pub const ADMIN: &str = "admin";

/// Which role may change which paths, and how many distinct signers it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub paths: Vec<String>,
    pub role: String,
    pub threshold: u32,
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} may change {} with {} signature(s)", self.role, self.paths.join(", "), self.threshold)
    }
}

impl Rule {
    /// Whether the rule covers anything under the top-level path `top`.
    fn touches(&self, top: &str) -> bool {
        self.paths.iter().any(|p| p == top || p.starts_with(&format!("{top}/")))
    }
}

/// The rules of a new repository: admins govern everything but the graph, which a
/// graph maintainer may also change alone.
pub fn default_rules(admin_threshold: u32) -> Vec<Rule> {
    vec![
        Rule {
            paths: ["trust/**", "policies/**", "clearance.yaml", "providers/**", "governance/**"]
                .map(String::from)
                .to_vec(),
            role: ADMIN.into(),
            threshold: admin_threshold,
        },
        Rule { paths: vec!["graph/**".into()], role: "graph-maintainer".into(), threshold: 1 },
    ]
}

/// One signature on an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub principal: String,
    /// The signer's OpenSSH public key.
    pub key: String,
    /// SSHSIG over the entry without its signatures, namespace `clearance-governance`.
    pub sig: String,
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub seq: u64,
    /// `sha256:` of the previous line; none for the genesis.
    pub prev: Option<String>,
    /// The repository id; approvals and idempotency keys bind it.
    pub repo: String,
    pub at: String,
    /// Admins: principal -> OpenSSH public key.
    pub admins: BTreeMap<String, String>,
    pub rules: Vec<Rule>,
    /// The governed top-level paths this entry puts in force: name -> git object id.
    pub tree: BTreeMap<String, String>,
    /// The governed files that differ from the entry before (informational; the check
    /// recomputes what changed from `tree`).
    #[serde(default)]
    pub changed: Vec<String>,
    /// What the change is, in a few words (`trust add olive`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<Signature>,
}

impl Entry {
    /// The bytes every signature covers: the entry without its signatures.
    pub fn message(&self) -> Vec<u8> {
        let mut unsigned = self.clone();
        unsigned.signatures.clear();
        serde_json::to_vec(&unsigned).unwrap_or_default()
    }

    /// Names a change before it is complete: pending changes are filed under it.
    pub fn digest(&self) -> String {
        digest(&self.message())
    }

    /// The line as written to the log (no newline).
    pub fn line(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Add `principal`'s signature, replacing an earlier one by the same principal or key.
    pub fn sign(&mut self, principal: &str, key: &PrivateKey) -> Result<()> {
        let public = keys::public_openssh(key.public_key());
        let sig = keys::sign(key, NS, &self.message())?;
        self.signatures.retain(|s| s.principal != principal && !same_key(&s.key, &public));
        self.signatures.push(Signature { principal: principal.to_owned(), key: public, sig });
        Ok(())
    }

    /// Whether `other` puts the same rules in force (trees, admins and rules alike).
    pub fn same_rules(&self, other: &Entry) -> bool {
        self.tree == other.tree && self.admins == other.admins && self.rules == other.rules
    }

    /// The threshold that changes to admins and rules need.
    pub fn admin_threshold(&self) -> u32 {
        let wanted =
            self.rules.iter().filter(|r| r.role == ADMIN && r.touches("governance")).map(|r| r.threshold).max();
        self.capped(ADMIN, wanted.unwrap_or(1))
    }

    /// A threshold for `role`, capped for admins at how many there are: a repository made
    /// with one admin and threshold 2 adds its second admin with one signature.
    fn capped(&self, role: &str, threshold: u32) -> u32 {
        if role == ADMIN { threshold.min(self.admins.len().max(1) as u32) } else { threshold }
    }
}

pub fn same_key(a: &str, b: &str) -> bool {
    match (keys::parse_public(a), keys::parse_public(b)) {
        (Ok(a), Ok(b)) => a.key_data() == b.key_data(),
        _ => false,
    }
}

/// What a change needs: `threshold` distinct signers holding `role`, because of `why`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Need {
    pub role: String,
    pub threshold: u32,
    pub why: String,
}

/// The top-level governed paths whose objects differ between two entries.
pub fn changed_tops(prev: &BTreeMap<String, String>, next: &BTreeMap<String, String>) -> Vec<String> {
    let names: BTreeSet<&String> = prev.keys().chain(next.keys()).collect();
    names.into_iter().filter(|n| prev.get(*n) != next.get(*n)).cloned().collect()
}

/// What `next` needs from its signers, given the entry before it (none for the genesis).
pub fn needs(prev: Option<&Entry>, next: &Entry) -> Vec<Need> {
    let Some(prev) = prev else {
        return vec![Need { role: ADMIN.into(), threshold: next.admin_threshold(), why: "the genesis".into() }];
    };
    let mut by_role: BTreeMap<String, Need> = BTreeMap::new();
    let mut add = |role: &str, threshold: u32, why: String| {
        let need = by_role.entry(role.to_owned()).or_insert(Need { role: role.to_owned(), threshold: 0, why });
        need.threshold = need.threshold.max(threshold);
    };
    for top in changed_tops(&prev.tree, &next.tree) {
        let rules: Vec<&Rule> = prev.rules.iter().filter(|r| r.touches(&top)).collect();
        if rules.is_empty() {
            add(ADMIN, prev.admin_threshold(), top.clone());
        }
        for rule in rules {
            add(&rule.role, prev.capped(&rule.role, rule.threshold), top.clone());
        }
    }
    if prev.admins != next.admins {
        add(ADMIN, prev.admin_threshold(), "the admins".into());
    }
    if prev.rules != next.rules {
        add(ADMIN, prev.admin_threshold(), "the rules".into());
    }
    by_role.into_values().collect()
}

/// How far one need is met: the distinct principals whose valid signatures count.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    #[serde(flatten)]
    pub need: Need,
    pub signed_by: Vec<String>,
}

impl Tally {
    pub fn met(&self) -> bool {
        self.signed_by.len() as u32 >= self.need.threshold
    }
}

/// Count `next`'s valid signatures for each of its needs. Admins are those of the entry
/// before (the genesis's own for the genesis) and may sign for any role; other roles come
/// from `identities`, the trust file in force before the change. One principal or one key
/// counts once.
pub fn tally(prev: Option<&Entry>, next: &Entry, identities: Option<&Identities>) -> Vec<Tally> {
    let admins = &prev.unwrap_or(next).admins;
    let message = next.message();
    needs(prev, next)
        .into_iter()
        .map(|need| {
            let mut principals = BTreeSet::new();
            let mut seen_keys: Vec<PublicKey> = Vec::new();
            for s in &next.signatures {
                let Ok(key) = keys::parse_public(&s.key) else { continue };
                // Admins may sign for any role; other roles only for their own.
                let admin = admins.get(&s.principal).is_some_and(|k| same_key(k, &s.key));
                let eligible = admin
                    || need.role != ADMIN
                        && identities.and_then(|ids| ids.get(&s.principal)).is_some_and(|i| {
                            i.role.to_string() == need.role
                                && i.revoked_at.is_none()
                                && i.key.as_deref().is_some_and(|k| same_key(k, &s.key))
                        });
                if !eligible
                    || principals.contains(&s.principal)
                    || seen_keys.iter().any(|k| k.key_data() == key.key_data())
                    || keys::verify(&key, NS, &message, &s.sig).is_err()
                {
                    continue;
                }
                principals.insert(s.principal.clone());
                seen_keys.push(key);
            }
            Tally { need, signed_by: principals.into_iter().collect() }
        })
        .collect()
}

/// A problem with one line of the log.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// 1-based line of `governance/log.jsonl`.
    pub line: usize,
    pub message: String,
}

/// The log, checked: the valid entries from the genesis on, and what is wrong after them.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    pub entries: Vec<Entry>,
    /// `sha256:` of each valid line.
    pub hashes: Vec<String>,
    /// The first invalid line and why; later lines are not considered.
    pub problem: Option<Problem>,
}

impl Chain {
    /// The genesis hash: the repository's identity.
    pub fn root(&self) -> Option<&str> {
        self.hashes.first().map(String::as_str)
    }

    pub fn in_force(&self) -> Option<&Entry> {
        self.entries.last()
    }
}

/// Check the log's lines in order. `identities` gives the trust file an entry put in force
/// (for signers other than admins). Stops at the first invalid line.
pub fn check(bytes: &[u8], identities: &dyn Fn(&Entry) -> Result<Option<Identities>>) -> Chain {
    let mut chain = Chain::default();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.is_empty() && i > 0 {
            continue;
        }
        let fail = |message: String| Some(Problem { line: i + 1, message });
        let entry: Entry = match serde_json::from_slice(line) {
            Ok(e) => e,
            Err(e) => {
                chain.problem = fail(format!("not a governance entry: {e}"));
                break;
            }
        };
        let prev = chain.entries.last();
        let expected_prev = chain.hashes.last().cloned();
        let problem = if entry.seq != chain.entries.len() as u64 {
            Some(format!("sequence number {} where {} was due", entry.seq, chain.entries.len()))
        } else if entry.prev != expected_prev {
            Some("does not name the hash of the entry before it".to_owned())
        } else if prev.is_some_and(|p| p.repo != entry.repo) {
            Some(format!("names repository {} but the genesis names {}", entry.repo, chain.entries[0].repo))
        } else if let Some(name) = entry.tree.keys().find(|n| !GOVERNED.contains(&n.as_str())) {
            Some(format!("puts `{name}` in force, which is not a governed path"))
        } else if entry.at.parse::<jiff::Timestamp>().is_err() {
            Some(format!("`at` is not an RFC 3339 time: `{}`", entry.at))
        } else if prev.is_some_and(|p| p.at.parse::<jiff::Timestamp>().ok() > entry.at.parse().ok()) {
            Some(format!("dated {}, before the entry it follows", entry.at))
        } else if entry.admins.is_empty() {
            Some("names no admins".to_owned())
        } else if prev.is_some_and(|p| p.same_rules(&entry)) {
            Some("changes nothing".to_owned())
        } else {
            // The trust file is read only when a role other than admin may sign.
            let others = needs(prev, &entry).iter().any(|n| n.role != ADMIN);
            let trust = match prev.filter(|_| others).map(identities).transpose() {
                Ok(t) => t.flatten(),
                Err(e) => {
                    chain.problem = fail(format!("the trust file in force before it cannot be read: {e}"));
                    break;
                }
            };
            let unmet: Vec<String> = tally(prev, &entry, trust.as_ref())
                .into_iter()
                .filter(|t| !t.met())
                .map(|t| {
                    format!(
                        "{} needs {} signature(s) of `{}`, has {}",
                        t.need.why,
                        t.need.threshold,
                        t.need.role,
                        t.signed_by.len()
                    )
                })
                .collect();
            (!unmet.is_empty()).then(|| format!("not signed as the rules require: {}", unmet.join("; ")))
        };
        if let Some(message) = problem {
            chain.problem = fail(format!("entry {}: {message}", entry.seq));
            break;
        }
        // Hashed in canonical form, so whitespace around a line changes nothing.
        chain.hashes.push(digest(&entry.line()));
        chain.entries.push(entry);
    }
    if chain.entries.is_empty() && chain.problem.is_none() {
        chain.problem = Some(Problem { line: 1, message: "the log is empty: there is no genesis".into() });
    }
    chain
}

/// The trust file an entry put in force, read from git objects.
pub fn identities_in(git: &Repository, entry: &Entry) -> Result<Option<Identities>> {
    let Some(trust) = entry.tree.get("trust") else {
        return Ok(None);
    };
    let tree = git.find_tree(Oid::from_str(trust)?)?;
    match tree.get_name("identities.yaml") {
        Some(e) => Ok(Some(Identities::parse(git.find_blob(e.id())?.content())?)),
        None => Ok(None),
    }
}

/// The governed entries of a branch tree, as an entry names them.
/// Only regular files and directories count: a symlink or a submodule at a governed path
/// is left out, so it differs from the rules in force and is reported, never followed.
pub fn governed_map(tree: &Tree<'_>) -> BTreeMap<String, String> {
    GOVERNED
        .iter()
        .filter_map(|name| tree.get_name(name).map(|e| (*name, e)))
        .filter(|(_, e)| matches!(e.filemode(), 0o040000 | 0o100644 | 0o100755))
        .map(|(name, e)| (name.to_owned(), e.id().to_string()))
        .collect()
}

/// The tree holding exactly what `map` names, written to the object database.
pub fn rules_tree(git: &Repository, map: &BTreeMap<String, String>) -> Result<Oid> {
    let mut builder = git.treebuilder(None)?;
    for (name, id) in map {
        let oid = Oid::from_str(id)?;
        let object = git.find_object(oid, None).map_err(|e| {
            Error::new(
                ErrorKind::VerificationFailed,
                format!("the rules in force name `{name}` as {id}, which this clone does not have: {}", e.message()),
            )
            .hint("fetch the full history (a shallow clone lacks it)")
        })?;
        let mode = if object.kind() == Some(ObjectType::Tree) { 0o040000 } else { 0o100644 };
        builder.insert(name, oid, mode)?;
    }
    Ok(builder.write()?)
}

/// Read and check the log on a branch tree.
pub fn chain_at(git: &Repository, tree: &Tree<'_>) -> Result<Option<Chain>> {
    let Some(entry) = tree.get_path(std::path::Path::new(LOG)).ok() else {
        return Ok(None);
    };
    let bytes = git.find_blob(entry.id())?.content().to_vec();
    Ok(Some(check(&bytes, &|e| identities_in(git, e))))
}

// ----- pins: what this machine remembers of each repository -----

/// `$XDG_STATE_HOME/clearance` (default `~/.local/state/clearance`).
pub fn state_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .map(|d| d.join("clearance"))
}

/// The highest entry this machine accepted for a root.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Seen {
    seq: u64,
    entry: String,
}

/// A `sha256:` hash as bare hex, for file names and comparisons.
pub fn hex_of(hash: &str) -> &str {
    hash.strip_prefix("sha256:").unwrap_or(hash)
}

fn pin_path(repo: &ChangeRepo) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(repo.git.path()).unwrap_or_else(|_| repo.git.path().to_path_buf());
    let key = digest(dir.as_os_str().as_encoded_bytes());
    state_dir().map(|d| d.join("pins").join(hex_of(&key)))
}

fn seen_path(root: &str) -> Option<PathBuf> {
    state_dir().map(|d| d.join("roots").join(format!("{}.json", hex_of(root))))
}

/// Pin `root` for this clone, replacing any earlier pin: what `init` and `adopt` do for the
/// repository they just made (a new repository where an old one was is no rewrite).
pub fn pin(repo: &ChangeRepo, root: &str) {
    remember(pin_path(repo), root.as_bytes());
    // The history this clone saw was another repository's.
    crate::store::mark::forget(&repo.git);
}

/// The root this clone pinned, if any.
pub fn pinned(repo: &ChangeRepo) -> Option<String> {
    let text = std::fs::read_to_string(pin_path(repo)?).ok()?;
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

fn remember(path: Option<PathBuf>, bytes: &[u8]) {
    // Best effort: a machine whose state directory cannot be written still works, it only
    // cannot remember (the commands that need a pin say so).
    if let Some(path) = path {
        let _ = crate::store::fs::write_atomic(&path, bytes, false);
    }
}

/// Compare the chain with what this machine accepted before, and remember the new highest
/// entry. A shorter log, or one whose entry at the remembered position differs, is a
/// rollback, unless the chain is only older: read before another process here moved the
/// branch on and accepted a later entry, which the branch's log (`at_tip`, read now) holds
/// and which extends this chain.
pub fn check_seen(chain: &Chain, at_tip: impl FnOnce() -> Option<Chain>) -> Result<()> {
    let Some(root) = chain.root() else { return Ok(()) };
    check_seen_in(seen_path(root), root, chain, at_tip)
}

/// [`check_seen`] with what this machine accepted kept at `path`.
fn check_seen_in(
    path: Option<PathBuf>,
    root: &str,
    chain: &Chain,
    at_tip: impl FnOnce() -> Option<Chain>,
) -> Result<()> {
    let seen: Option<Seen> =
        path.as_ref().and_then(|p| std::fs::read(p).ok()).and_then(|b| serde_json::from_slice(&b).ok());
    if let Some(seen) = &seen {
        let at = chain.hashes.get(seen.seq as usize);
        let older = at.is_none()
            && at_tip().is_some_and(|tip| {
                tip.hashes.get(seen.seq as usize) == Some(&seen.entry) && tip.hashes.starts_with(&chain.hashes)
            });
        if older {
            return Ok(());
        }
        if at != Some(&seen.entry) {
            let now = chain.entries.len().saturating_sub(1);
            return Err(Error::new(
                ErrorKind::VerificationFailed,
                format!(
                    "governance rollback: this machine accepted entry {} ({}) of repository {root}, but the log's valid entries now end at {now}",
                    seen.seq, seen.entry
                ),
            )
            .hint("someone cut or rewrote governance/log.jsonl; restore it from a clone that has it (nothing was changed)"));
        }
    }
    let last = chain.entries.len() as u64 - 1;
    if seen.is_none_or(|s| s.seq < last) {
        let bytes = serde_json::to_vec(&Seen { seq: last, entry: chain.hashes[last as usize].clone() })?;
        remember(path, &bytes);
    }
    Ok(())
}

/// The governance log at the branch's tip as it is now, checked.
fn chain_at_tip(repo: &ChangeRepo) -> Option<Chain> {
    let tree = repo.git.find_commit(repo.head().ok()??).ok()?.tree().ok()?;
    let log = tree.get_path(std::path::Path::new(LOG)).ok()?;
    let bytes = repo.git.find_blob(log.id()).ok()?.content().to_vec();
    Some(check(&bytes, &|e| identities_in(&repo.git, e)))
}

/// Open a change repository whose governed paths are read from the rules in force (the
/// pin checked as on the command line without `--root`).
pub fn open(path: Option<&std::path::Path>) -> Result<ChangeRepo> {
    Ok(ChangeRepo::open(path)?.governed_by(Box::new(LogGovernor { root: None })))
}

/// This machine remembers which root each repository id it met had: a genesis that claims
/// a known id with another root is a replaced genesis (its approvals would carry over).
fn check_repo_id(repo_id: &str, root: &str) -> Result<()> {
    let Some(path) = state_dir().map(|d| d.join("repos").join(hex_of(&digest(repo_id.as_bytes())))) else {
        return Ok(());
    };
    match std::fs::read_to_string(&path) {
        Ok(known) if hex_of(known.trim()) != hex_of(root) => Err(Error::new(
            ErrorKind::VerificationFailed,
            format!("repository {repo_id} had root {} on this machine; this genesis is {root}", known.trim()),
        )
        .hint("someone replaced the governance log's genesis; restore it from a clone that has it")),
        Ok(_) => Ok(()),
        Err(_) => {
            remember(Some(path), root.as_bytes());
            Ok(())
        }
    }
}

/// The first time this machine meets a repository, its history must agree with the log:
/// every earlier version of the log on the branch began with this genesis, and the log's
/// valid entries now extend every earlier version's. A log deleted and begun again, or cut
/// back to an earlier entry, is refused even by a machine that never saw it before.
fn history_extends(repo: &ChangeRepo, chain: &Chain) -> Result<()> {
    let Some(head) = repo.head()? else { return Ok(()) };
    let mut walk = repo.git.revwalk()?;
    walk.push(head)?;
    let mut seen = BTreeSet::new();
    for oid in walk {
        let commit = repo.git.find_commit(oid?)?;
        let Ok(entry) = commit.tree()?.get_path(std::path::Path::new(LOG)) else { continue };
        if !seen.insert(entry.id()) {
            continue;
        }
        let bytes = repo.git.find_blob(entry.id())?.content().to_vec();
        let earlier = check(&bytes, &|e| identities_in(&repo.git, e));
        let n = earlier.hashes.len();
        if chain.hashes.get(..n) != Some(&earlier.hashes[..]) {
            let what = match earlier.root() {
                Some(r) if Some(r) != chain.root() => format!("began with genesis {r}"),
                _ => format!("had {n} valid entries that the log in force does not extend"),
            };
            return Err(Error::new(
                ErrorKind::VerificationFailed,
                format!("the governance log in commit {} {what}; it was cut or replaced since", commit.id()),
            )
            .hint("restore the log from a clone that has it; if the repository really started over, give its root with --root and remove this machine's state for it"));
        }
    }
    Ok(())
}

/// Finds the rules in force from the governance log, checked against the pinned root.
pub struct LogGovernor {
    /// `--root` / `CLEARANCE_ROOT`: the root this repository must have.
    pub root: Option<String>,
}

impl Governor for LogGovernor {
    fn in_force(&self, repo: &ChangeRepo, _branch: &Tree<'_>, log: Option<Oid>) -> Result<InForce> {
        let pin = self.root.clone().or_else(|| pinned(repo));
        let Some(log) = log else {
            return Err(match pin {
                Some(root) => Error::new(
                    ErrorKind::VerificationFailed,
                    format!("{LOG} is missing, but this repository's root is {root}"),
                )
                .hint("someone deleted the governance log; restore it from a clone that has it"),
                None => Error::not_found(format!("{} has no governance log ({LOG})", repo.display_path()))
                    .hint("a repository made before governance existed: an admin runs `clearance governance adopt --key-file KEY`"),
            });
        };
        let bytes = repo.git.find_blob(log)?.content().to_vec();
        let chain = check(&bytes, &|e| identities_in(&repo.git, e));
        let (Some(root), Some(entry)) = (chain.root(), chain.in_force()) else {
            let why = chain.problem.map(|p| format!("line {}: {}", p.line, p.message)).unwrap_or_default();
            return Err(Error::new(ErrorKind::VerificationFailed, format!("{LOG} has no valid genesis: {why}")));
        };
        if let Some(p) = pin.as_ref().filter(|p| hex_of(p) != hex_of(root)) {
            return Err(Error::new(
                ErrorKind::VerificationFailed,
                format!("this repository's genesis is {root}, but the root pinned for it is {p}"),
            )
            .hint("a different or rewritten repository; if it really replaced the old one, remove the pin under $XDG_STATE_HOME/clearance/pins"));
        }
        check_repo_id(&chain.entries[0].repo, root)?;
        if !known_root(root) {
            history_extends(repo, &chain)?;
        }
        if pin.is_none() {
            remember(pin_path(repo), root.as_bytes());
        }
        check_seen(&chain, || chain_at_tip(repo))?;
        let mut entries = BTreeMap::new();
        for (name, id) in &entry.tree {
            entries.insert(name.clone(), Oid::from_str(id)?);
        }
        Ok(InForce { entries, repo_id: chain.entries[0].repo.clone(), root: root.to_owned(), seq: entry.seq })
    }
}

/// The rules that were in force at `commit`, an ancestor on a branch whose checked chain
/// is `chain` and whose rules in force are `current`: the entry its log had reached there.
/// The branch's chain extends every earlier log (append-only is proven separately), so its
/// entries are the ones to read; no pin is consulted for a past commit.
pub fn in_force_at(git: &Repository, chain: &Chain, current: &InForce, commit: Oid) -> Result<Option<InForce>> {
    let tree = git.find_commit(commit)?.tree()?;
    let Ok(log) = tree.get_path(std::path::Path::new(LOG)) else { return Ok(None) };
    let lines = git.find_blob(log.id())?.content().split(|b| *b == b'\n').filter(|l| !l.is_empty()).count();
    let Some(entry) = lines.min(chain.entries.len()).checked_sub(1).and_then(|n| chain.entries.get(n)) else {
        return Ok(None);
    };
    let mut entries = BTreeMap::new();
    for (name, id) in &entry.tree {
        entries.insert(name.clone(), Oid::from_str(id)?);
    }
    Ok(Some(InForce { entries, seq: entry.seq, ..current.clone() }))
}

// ----- which key each principal held when -----

/// A key a principal held, from the entry that put it in force until the one that
/// replaced it (`None`: from the beginning, or still held).
#[derive(Debug, Clone)]
pub struct Span {
    pub key: String,
    pub public: PublicKey,
    pub from: Option<jiff::Timestamp>,
    pub until: Option<jiff::Timestamp>,
    /// The governance entries (sequence numbers) that put the key in force and ended it.
    pub opened: u64,
    pub closed: Option<u64>,
}

/// Principal -> the keys the rules in force trusted for it, oldest first.
pub type KeyHistory = BTreeMap<String, Vec<Span>>;

/// The key `principal` held at `at`, as `history` says (`None`: it does not say).
pub fn key_at<'h>(history: &'h KeyHistory, principal: &str, at: jiff::Timestamp) -> Option<&'h PublicKey> {
    let spans = history.get(principal)?;
    spans.iter().find(|s| s.from.is_none_or(|f| f <= at) && s.until.is_none_or(|u| at < u)).map(|s| &s.public)
}

/// Of the approval `files` on the branch at `head`, those recorded (in branch order) while
/// the key they are stored under was not trusted: after the governance entry that revoked
/// or replaced it, whatever time the statement claims. A stolen key, revoked, cannot sign
/// an approval dated before its revocation and have it count. Only keys that were ever
/// ended are looked up, so this costs nothing on a branch where none was.
pub fn recorded_untrusted<'f>(
    git: &Repository,
    head: Option<Oid>,
    history: &KeyHistory,
    files: impl IntoIterator<Item = &'f str>,
) -> Result<BTreeSet<String>> {
    let mut ended: BTreeMap<String, Vec<&Span>> = BTreeMap::new();
    for spans in history.values() {
        if spans.iter().any(|s| s.closed.is_some()) {
            for s in spans {
                ended.entry(format!("{}.json", keys::fingerprint_hex(&s.public))).or_default().push(s);
            }
        }
    }
    let mut late = BTreeSet::new();
    if ended.is_empty() {
        return Ok(late);
    }
    let order = crate::store::order::BranchOrder::new(git, head);
    let mut entry_at: BTreeMap<u64, Option<usize>> = BTreeMap::new();
    let mut position = |seq: u64| -> Result<Option<usize>> {
        if seq == 0 {
            return Ok(Some(0));
        }
        if let Some(p) = entry_at.get(&seq) {
            return Ok(*p);
        }
        let p = order.grew_to(LOG, seq as usize + 1)?;
        entry_at.insert(seq, p);
        Ok(p)
    };
    for file in files {
        let Some(spans) = file.rsplit('/').next().and_then(|name| ended.get(name)) else { continue };
        let Some(at) = order.appeared(file)? else { continue };
        let mut trusted = false;
        for span in spans {
            let opened = position(span.opened)?.is_some_and(|o| o <= at);
            let open = match span.closed {
                Some(seq) => position(seq)?.is_none_or(|c| at < c),
                None => true,
            };
            trusted |= opened && open;
        }
        if !trusted {
            late.insert(file.to_owned());
        }
    }
    Ok(late)
}

/// The key history the chain's entries put in force, each entry's time being the one its
/// admins signed. Keys from before the first entry count from the beginning (a repository
/// adopted with proposals already signed).
pub fn key_history(chain: &Chain, identities: &dyn Fn(&Entry) -> Result<Option<Identities>>) -> Result<KeyHistory> {
    let mut history: KeyHistory = BTreeMap::new();
    let mut last_trust: Option<&String> = None;
    for (n, entry) in chain.entries.iter().enumerate() {
        if entry.tree.get("trust") == last_trust && n > 0 {
            continue;
        }
        last_trust = entry.tree.get("trust");
        let at: Option<jiff::Timestamp> = if n == 0 { None } else { entry.at.parse().ok() };
        let mut trusted = identities(entry)?.map(|t| t.identities).unwrap_or_default();
        // A revoked key is no longer held.
        trusted.retain(|i| i.revoked_at.is_none());
        // Keys no longer held end here.
        for (principal, spans) in history.iter_mut() {
            let now = trusted.iter().find(|i| &i.principal == principal).and_then(|i| i.key.clone());
            if let Some(open) = spans.last_mut().filter(|s| s.closed.is_none())
                && now.as_deref().is_none_or(|k| !same_key(k, &open.key))
            {
                open.until = at;
                open.closed = Some(entry.seq);
            }
        }
        for identity in &trusted {
            let Some(key) = &identity.key else { continue };
            let spans = history.entry(identity.principal.clone()).or_default();
            if spans.last().is_some_and(|s| s.closed.is_none() && same_key(&s.key, key)) {
                continue;
            }
            if let Ok(public) = keys::parse_public(key) {
                spans.push(Span { key: key.clone(), public, from: at, until: None, opened: entry.seq, closed: None });
            }
        }
    }
    Ok(history)
}

// ----- bundles: the governance a proposal's proof depends on, checkable offline -----

/// The trust file an entry put in force, with the tree object that proves it belongs to
/// the tree the entry names.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustProof {
    /// The raw git tree object of `trust/`, hex-encoded.
    pub tree: String,
    /// `trust/identities.yaml` as that tree holds it.
    pub identities: String,
}

/// What a bundle carries of governance: the log up to the entry in force, and the trust
/// files its entries put in force, by tree id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proof {
    pub log: Vec<String>,
    pub trust: BTreeMap<String, TrustProof>,
}

/// The governance proof of the branch's log up to entry `seq`.
pub fn proof(git: &Repository, tree: &Tree<'_>, seq: u64) -> Result<Proof> {
    let Some(entry) = tree.get_path(std::path::Path::new(LOG)).ok() else {
        return Err(Error::not_found(format!("{LOG} is missing")));
    };
    let bytes = git.find_blob(entry.id())?.content().to_vec();
    let mut proof = Proof::default();
    for line in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).take(seq as usize + 1) {
        let entry: Entry = serde_json::from_slice(line)?;
        if let Some(trust) = entry.tree.get("trust")
            && !proof.trust.contains_key(trust)
        {
            let oid = Oid::from_str(trust)?;
            let raw = git.odb()?.read(oid)?.data().to_vec();
            let identities = match git.find_tree(oid)?.get_name("identities.yaml") {
                Some(e) => String::from_utf8_lossy(git.find_blob(e.id())?.content()).into_owned(),
                None => String::new(),
            };
            proof.trust.insert(trust.clone(), TrustProof { tree: crate::text::bytes::hex(&raw), identities });
        }
        proof.log.push(String::from_utf8_lossy(line).into_owned());
    }
    Ok(proof)
}

/// The trust file `entry` put in force, proven from a bundle's objects: the tree object
/// must hash to the id the signed entry names, and hold the identities file's blob id.
fn proven_identities(proof: &Proof, entry: &Entry) -> Result<Option<Identities>> {
    let Some(id) = entry.tree.get("trust") else { return Ok(None) };
    let bad = |why: &str| {
        Error::new(ErrorKind::VerificationFailed, format!("the bundle's trust/ of entry {}: {why}", entry.seq))
    };
    let objects = proof.trust.get(id).ok_or_else(|| bad("missing"))?;
    let raw = crate::text::bytes::unhex(&objects.tree).ok_or_else(|| bad("not hex"))?;
    if Oid::hash_object(ObjectType::Tree, &raw)?.to_string() != *id {
        return Err(bad("its tree object does not hash to the id the entry names"));
    }
    let blob = tree_entries(&raw).into_iter().find(|(name, _)| name == "identities.yaml").map(|(_, oid)| oid);
    let Some(blob) = blob else { return Ok(None) };
    if Oid::hash_object(ObjectType::Blob, objects.identities.as_bytes())? != blob {
        return Err(bad("identities.yaml does not hash to the id its tree names"));
    }
    Identities::parse(objects.identities.as_bytes()).map(Some)
}

/// The (name, id) entries of a raw git tree object: `<mode> <name>\0<20-byte id>`...
pub fn tree_entries(raw: &[u8]) -> Vec<(String, Oid)> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(space) = rest.iter().position(|b| *b == b' ') {
        let Some(nul) = rest.iter().position(|b| *b == 0) else { break };
        let (Some(name), Some(id)) = (rest.get(space + 1..nul), rest.get(nul + 1..nul + 21)) else { break };
        let Ok(oid) = Oid::from_bytes(id) else { break };
        out.push((String::from_utf8_lossy(name).into_owned(), oid));
        rest = rest.get(nul + 21..).unwrap_or_default();
    }
    out
}

/// Check a bundle's governance against `root`: the chain from that genesis, each entry
/// signed as the rules require. Returns the repository id and the trust file in force at
/// the last entry, the only keys the bundle's proposal is judged by.
pub fn check_proof(proof: &Proof, root: &str) -> Result<(String, Identities, KeyHistory)> {
    let bytes = proof.log.join("\n").into_bytes();
    let chain = check(&bytes, &|e| proven_identities(proof, e));
    let fail = |message: String| Error::new(ErrorKind::VerificationFailed, message);
    match chain.root() {
        Some(r) if hex_of(r) == hex_of(root) => {}
        Some(r) => return Err(fail(format!("the bundle's governance starts at {r}, not at the root {root}"))),
        None => return Err(fail("the bundle carries no valid governance genesis".into())),
    }
    if let Some(p) = &chain.problem {
        return Err(fail(format!("the bundle's governance log, line {}: {}", p.line, p.message)));
    }
    let last = chain.in_force().ok_or_else(|| fail("the bundle's governance log is empty".into()))?;
    let identities = proven_identities(proof, last)?.ok_or_else(|| fail("the bundle carries no trust file".into()))?;
    let history = key_history(&chain, &|e| proven_identities(proof, e))?;
    Ok((chain.entries[0].repo.clone(), identities, history))
}

/// Whether this machine has accepted `root` before (a clone of it pinned or used it).
pub fn known_root(root: &str) -> bool {
    seen_path(root).is_some_and(|p| p.exists())
}

/// A governance entry put together for signing: the rules in force changed to `tree`.
pub fn next_entry(chain: &Chain, tree: BTreeMap<String, String>, changed: Vec<String>, note: &str) -> Result<Entry> {
    let prev = chain.in_force().ok_or_else(|| Error::invalid("the governance log has no valid entry"))?;
    Ok(Entry {
        seq: prev.seq + 1,
        prev: chain.hashes.last().cloned(),
        repo: prev.repo.clone(),
        at: crate::text::time::rfc3339(crate::text::time::now()),
        admins: prev.admins.clone(),
        rules: prev.rules.clone(),
        tree,
        changed,
        note: note.to_owned(),
        signatures: Vec::new(),
    })
}

/// The genesis of a new repository: `admin` (holding `key`) as its only admin.
pub fn genesis(
    repo_id: &str,
    admin: &str,
    key: &PrivateKey,
    rules: Vec<Rule>,
    tree: BTreeMap<String, String>,
) -> Result<Entry> {
    let mut entry = Entry {
        seq: 0,
        prev: None,
        repo: repo_id.to_owned(),
        at: crate::text::time::rfc3339(crate::text::time::now()),
        admins: BTreeMap::from([(admin.to_owned(), keys::public_openssh(key.public_key()))]),
        rules,
        changed: tree.keys().cloned().collect(),
        tree,
        note: "genesis".into(),
        signatures: Vec::new(),
    };
    entry.sign(admin, key)?;
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> PrivateKey {
        keys::generate().unwrap()
    }

    fn tree(trust: &str) -> BTreeMap<String, String> {
        BTreeMap::from([("trust".to_owned(), trust.to_owned()), ("graph".to_owned(), "g".repeat(40))])
    }

    fn log(entries: &[&Entry]) -> Vec<u8> {
        let mut out = Vec::new();
        for e in entries {
            out.extend(e.line());
            out.push(b'\n');
        }
        out
    }

    fn no_identities(_: &Entry) -> Result<Option<Identities>> {
        Ok(None)
    }

    #[test]
    fn a_chain_needs_the_admin_threshold_of_the_entry_before() {
        let (a, b) = (key(), key());
        let mut genesis = genesis("r", "a", &a, default_rules(2), tree(&"1".repeat(40))).unwrap();
        genesis.admins.insert("b".into(), keys::public_openssh(b.public_key()));
        genesis.signatures.clear();
        genesis.sign("a", &a).unwrap();
        // Threshold 2 for the genesis itself: a alone is not enough.
        assert!(check(&log(&[&genesis]), &no_identities).problem.is_some());
        genesis.sign("b", &b).unwrap();
        let chain = check(&log(&[&genesis]), &no_identities);
        assert!(chain.problem.is_none(), "{:?}", chain.problem);

        let mut next = next_entry(&chain, tree(&"2".repeat(40)), vec![], "trust add").unwrap();
        next.sign("a", &a).unwrap();
        // The same admin twice counts once.
        next.sign("a", &a).unwrap();
        let twice = check(&log(&[&genesis, &next]), &no_identities);
        assert_eq!(twice.entries.len(), 1);
        assert!(twice.problem.unwrap().message.contains("needs 2 signature(s) of `admin`, has 1"));
        next.sign("b", &b).unwrap();
        assert_eq!(check(&log(&[&genesis, &next]), &no_identities).entries.len(), 2);
    }

    #[test]
    fn an_old_entry_replayed_at_the_tip_is_refused() {
        let a = key();
        let genesis = genesis("r", "a", &a, default_rules(1), tree(&"1".repeat(40))).unwrap();
        let chain = check(&log(&[&genesis]), &no_identities);
        let mut one = next_entry(&chain, tree(&"2".repeat(40)), vec![], "").unwrap();
        one.sign("a", &a).unwrap();
        let chain = check(&log(&[&genesis, &one]), &no_identities);
        let mut two = next_entry(&chain, tree(&"3".repeat(40)), vec![], "").unwrap();
        two.sign("a", &a).unwrap();
        // Copy entry 1 after entry 2: its sequence number and previous hash give it away.
        let replayed = check(&log(&[&genesis, &one, &two, &one]), &no_identities);
        assert_eq!(replayed.entries.len(), 3);
        assert!(replayed.problem.unwrap().message.contains("sequence number 1 where 3 was due"));
        // Renumbered by hand, its signature no longer matches.
        let mut renumbered = one.clone();
        renumbered.seq = 3;
        renumbered.prev = Some(digest(&two.line()));
        let replayed = check(&log(&[&genesis, &one, &two, &renumbered]), &no_identities);
        assert!(replayed.problem.unwrap().message.contains("has 0"));
    }

    /// A process whose snapshot was taken before another one here signed the next entry
    /// sees a shorter log than this machine accepted: older, not rolled back, as long as the
    /// branch's log holds that entry now.
    #[test]
    fn a_snapshot_older_than_what_this_machine_accepted_is_no_rollback() {
        let a = key();
        let genesis = genesis("r", "a", &a, default_rules(1), tree(&"1".repeat(40))).unwrap();
        let old = check(&log(&[&genesis]), &no_identities);
        let mut one = next_entry(&old, tree(&"2".repeat(40)), vec![], "").unwrap();
        one.sign("a", &a).unwrap();
        let new = check(&log(&[&genesis, &one]), &no_identities);
        let dir = tempfile::tempdir().unwrap();
        let path = Some(dir.path().join("seen.json"));
        let root = old.root().unwrap().to_owned();
        let newer = || Some(check(&log(&[&genesis, &one]), &no_identities));
        check_seen_in(path.clone(), &root, &new, || None).unwrap();
        check_seen_in(path.clone(), &root, &old, newer).unwrap();
        // The tip cut back to the genesis: a rollback, whatever snapshot says so.
        let cut = || Some(check(&log(&[&genesis]), &no_identities));
        let err = check_seen_in(path.clone(), &root, &old, cut).unwrap_err();
        assert!(err.message.contains("governance rollback"), "{err}");
        // An entry 1 other than the one accepted, at the tip: a rewrite.
        let mut other = next_entry(&old, tree(&"3".repeat(40)), vec![], "").unwrap();
        other.sign("a", &a).unwrap();
        let rewritten = || Some(check(&log(&[&genesis, &other]), &no_identities));
        assert!(check_seen_in(path.clone(), &root, &old, rewritten).is_err());
        // What was accepted is not lowered by the older snapshot.
        assert!(check_seen_in(path, &root, &old, cut).is_err());
    }

    #[test]
    fn a_key_not_among_the_admins_signs_for_nothing() {
        let (a, agent) = (key(), key());
        let genesis = genesis("r", "a", &a, default_rules(1), tree(&"1".repeat(40))).unwrap();
        let chain = check(&log(&[&genesis]), &no_identities);
        let mut next = next_entry(&chain, tree(&"2".repeat(40)), vec![], "").unwrap();
        next.admins.insert("agent".into(), keys::public_openssh(agent.public_key()));
        next.sign("agent", &agent).unwrap();
        // Even claiming to be `a`.
        next.sign("a", &agent).unwrap();
        assert_eq!(check(&log(&[&genesis, &next]), &no_identities).entries.len(), 1);
    }
}
