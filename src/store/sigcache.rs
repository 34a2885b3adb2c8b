//! Approval signatures this machine has already verified, so `list` does not verify the
//! same signature again on every run.
//!
//! A signature's validity is a pure function of key, namespace, message and signature, so
//! the cache holds only sha256 digests of those four; an approval is still judged in full
//! (trust, revocation, expiry, digests) on every read. `verify` never uses it: proof is
//! always checked from scratch. Kept in `.git/clearance/signatures.bin` (32 bytes each);
//! safe to delete.

use std::cell::{Cell, RefCell};
use std::path::PathBuf;

use rustc_hash::FxHashSet;
use sha2::{Digest, Sha256};

use crate::store::repo::ChangeRepo;

#[derive(Debug)]
pub struct SigCache {
    path: PathBuf,
    known: RefCell<FxHashSet<[u8; 32]>>,
    learned: Cell<bool>,
}

impl SigCache {
    pub fn open(repo: &ChangeRepo) -> SigCache {
        let path = repo.cache_dir().join("signatures.bin");
        let bytes = std::fs::read(&path).unwrap_or_default();
        let known = bytes.chunks_exact(32).map(|c| c.try_into().expect("32 bytes")).collect();
        SigCache { path, known: RefCell::new(known), learned: Cell::new(false) }
    }

    /// The digest naming one (key, namespace, message, signature).
    pub fn entry(key: &str, namespace: &str, message: &[u8], signature: &str) -> [u8; 32] {
        let mut h = Sha256::new();
        for part in [key.as_bytes(), namespace.as_bytes(), message, signature.as_bytes()] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.finalize().into()
    }

    pub fn known(&self, entry: &[u8; 32]) -> bool {
        self.known.borrow().contains(entry)
    }

    pub fn learn(&self, entry: [u8; 32]) {
        self.learned.set(self.known.borrow_mut().insert(entry) || self.learned.get());
    }

    /// Write what was learned; a cache that cannot be written only costs time next run.
    pub fn save(&self) {
        if !self.learned.get() {
            return;
        }
        let bytes: Vec<u8> = self.known.borrow().iter().flatten().copied().collect();
        let _ = crate::store::fs::write_atomic(&self.path, &bytes, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_name_every_part_and_survive_a_save() {
        let dir = tempfile::TempDir::new().unwrap();
        let git = git2::Repository::init(dir.path()).unwrap();
        let repo = ChangeRepo::from_git(git).unwrap();
        let entry = SigCache::entry("k", "ns", b"msg", "sig");
        for other in [
            SigCache::entry("k2", "ns", b"msg", "sig"),
            SigCache::entry("k", "ns2", b"msg", "sig"),
            SigCache::entry("k", "ns", b"msg2", "sig"),
            SigCache::entry("k", "ns", b"msg", "sig2"),
            SigCache::entry("kn", "s", b"msg", "sig"),
        ] {
            assert_ne!(entry, other);
        }
        let cache = SigCache::open(&repo);
        assert!(!cache.known(&entry));
        cache.learn(entry);
        cache.save();
        let again = SigCache::open(&repo);
        assert!(again.known(&entry));
        assert!(!again.known(&SigCache::entry("k", "ns", b"msg", "sig2")));
    }
}
