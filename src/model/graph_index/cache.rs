//! The cache file: a header (magic, format version, the blob's id, the body's length and
//! checksum), then the body in the compiled graph's own layout: its words (native byte
//! order: the cache never leaves this machine, and a machine of the other order reads a
//! version it does not know and rebuilds), the tiers, the interned text.

use std::path::Path;

use git2::Oid;

use super::{COUNTS, Compiled, Layout, Store};
use crate::error::Result;
use crate::store::fs::{Mapped, write_atomic_with};

const MAGIC: &[u8; 4] = b"CLRG";
const VERSION: u32 = 3;
/// magic, version, blob id, body length, checksum; a multiple of 4, so the words that
/// follow are aligned in a mapping.
const HEADER: usize = 4 + 4 + 20 + 8 + 8;

/// The body in pieces of bytes, in order.
fn body(compiled: &Compiled, mut piece: impl FnMut(&[u8]) -> std::io::Result<()>) -> std::io::Result<()> {
    let mut buf = [0u8; 1 << 14];
    for chunk in compiled.words().chunks(buf.len() / 4) {
        for (out, w) in buf.chunks_exact_mut(4).zip(chunk) {
            out.copy_from_slice(&w.to_ne_bytes());
        }
        piece(&buf[..chunk.len() * 4])?;
    }
    piece(compiled.tiers())?;
    piece(compiled.text().as_bytes())
}

/// Write `compiled` as the cache for blob `key`, replacing any cache there.
pub fn write(compiled: &Compiled, path: &Path, key: Oid) -> Result<()> {
    let mut sum = Checksum::default();
    let mut len = 0u64;
    body(compiled, |piece| {
        sum.update(piece);
        len += piece.len() as u64;
        Ok(())
    })
    .expect("hashing does not fail");
    let sum = sum.finish();
    write_atomic_with(path, false, |out| {
        out.write_all(MAGIC)?;
        out.write_all(&VERSION.to_ne_bytes())?;
        out.write_all(key.as_bytes())?;
        out.write_all(&len.to_le_bytes())?;
        out.write_all(&sum.to_le_bytes())?;
        body(compiled, |piece| out.write_all(piece))
    })
}

/// The cache at `path` if it was built from blob `key` and is whole and consistent.
pub fn open(path: &Path, key: Oid) -> Option<Compiled> {
    let map = Mapped::open(path)?;
    let bytes = map.bytes();
    let header = bytes.get(..HEADER)?;
    if &header[..4] != MAGIC || header[4..8] != VERSION.to_ne_bytes() || &header[8..28] != key.as_bytes() {
        return None;
    }
    let len = u64::from_le_bytes(header[28..36].try_into().ok()?);
    let sum = u64::from_le_bytes(header[36..44].try_into().ok()?);
    let body = &bytes[HEADER..];
    if body.len() as u64 != len || Checksum::of(body) != sum {
        return None;
    }
    let layout = Layout::new(map.words(HEADER)?.get(..COUNTS)?)?;
    let words = HEADER..HEADER.checked_add(layout.words.checked_mul(4)?)?;
    let tier = words.end..words.end.checked_add(layout.n)?;
    let text = tier.end..tier.end.checked_add(layout.text_len)?;
    if text.end != bytes.len() || std::str::from_utf8(&bytes[text.clone()]).is_err() {
        return None;
    }
    Compiled::new(Store::Mapped { map, words, tier, text })
}

/// FNV-1a in four lanes of 8-byte words, fed in pieces of any length: cheap, and enough
/// to catch a torn or edited cache file.
#[derive(Default)]
struct Checksum {
    lanes: [u64; 4],
    pending: Vec<u8>,
    len: u64,
}

const PRIME: u64 = 0x0000_0100_0000_01b3;

impl Checksum {
    fn of(bytes: &[u8]) -> u64 {
        let mut sum = Checksum::default();
        sum.update(bytes);
        sum.finish()
    }

    fn block(&mut self, block: &[u8]) {
        for (lane, word) in self.lanes.iter_mut().zip(block.chunks_exact(8)) {
            *lane = (*lane ^ u64::from_le_bytes(word.try_into().expect("8 bytes"))).wrapping_mul(PRIME);
        }
    }

    fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if !self.pending.is_empty() {
            let take = (32 - self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.pending.len() < 32 {
                return;
            }
            let block = std::mem::take(&mut self.pending);
            self.block(&block);
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            self.block(block);
        }
        self.pending.extend_from_slice(blocks.remainder());
    }

    fn finish(self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for x in self.lanes.iter().chain(&[self.len]) {
            h = (h ^ x).wrapping_mul(PRIME);
        }
        for &b in &self.pending {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_is_the_same_in_any_pieces_and_sees_one_flipped_bit() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = Checksum::of(&bytes);
        for cut in [1, 5, 31, 32, 33, 64, 999] {
            let mut sum = Checksum::default();
            for piece in bytes.chunks(cut) {
                sum.update(piece);
            }
            assert_eq!(sum.finish(), whole, "pieces of {cut}");
        }
        for at in [0, 8, 31, 500, 999] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1;
            assert_ne!(Checksum::of(&flipped), whole, "flipped byte {at}");
        }
        assert_ne!(Checksum::of(&bytes[..999]), whole);
    }

    #[test]
    fn a_cache_for_another_blob_or_with_one_flipped_byte_is_refused() {
        let yaml = "apiVersion: clearance/v1\nkind: ServiceGraph\nservices:\n  - {id: a, tier: 0, owners: [t1], data: [pci]}\n  - {id: b, depends_on: [a], owners: [t1]}\n  - {id: c, depends_on: [{service: b, kind: async}, c], tags: [x]}\n";
        let compiled = super::super::parse(yaml.as_bytes(), "g.yaml").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.bin");
        let key = Oid::hash_object(git2::ObjectType::Blob, b"x").unwrap();
        let other = Oid::hash_object(git2::ObjectType::Blob, b"y").unwrap();
        write(&compiled, &path, key).unwrap();
        assert!(open(&path, key).is_some());
        assert!(open(&path, other).is_none());
        let bytes = std::fs::read(&path).unwrap();
        for i in [0, 5, 30, 40, HEADER, HEADER + 4, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[i] ^= 0x40;
            std::fs::write(&path, &bad).unwrap();
            assert!(open(&path, key).is_none(), "flipped byte {i} was accepted");
        }
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(open(&path, key).is_none());
        std::fs::write(&path, b"").unwrap();
        assert!(open(&path, key).is_none());
    }
}
