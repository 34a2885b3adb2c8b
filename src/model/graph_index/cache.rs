//! The cache file: a header (magic, format version, the blob's id, the body's length and
//! checksum), then the body in the compiled graph's own layout: its words (native byte
//! order: the cache never leaves this machine, and a machine of the other order reads a
//! version it does not know and rebuilds), the tiers, the interned text.

use std::io::Read as _;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use git2::Oid;

use super::{COUNTS, Compiled, Layout, Store};
use crate::error::Result;
use crate::store::fs::write_atomic_with;

const MAGIC: &[u8; 4] = b"CLRG";
const VERSION: u32 = 3;
/// magic, version, blob id, body length, checksum.
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

/// The cache at `path` if it was built from blob `key` and is whole and consistent. It is
/// read straight into the words it holds (nothing is decoded or copied twice), and checked
/// before it is used.
pub fn open(path: &Path, key: Oid) -> Option<Compiled> {
    let mut file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW).open(path).ok()?;
    let mut head = [0u8; HEADER + COUNTS * 4];
    file.read_exact(&mut head).ok()?;
    if &head[..4] != MAGIC || head[4..8] != VERSION.to_ne_bytes() || &head[8..28] != key.as_bytes() {
        return None;
    }
    let len = u64::from_le_bytes(head[28..36].try_into().ok()?);
    let sum = u64::from_le_bytes(head[36..44].try_into().ok()?);
    let counts: Vec<u32> =
        head[HEADER..].chunks_exact(4).map(|c| u32::from_ne_bytes(c.try_into().expect("4 bytes"))).collect();
    let layout = Layout::new(&counts)?;
    let body =
        (layout.words as u64).checked_mul(4)?.checked_add(layout.n as u64)?.checked_add(layout.text_len as u64)?;
    // The sizes the counts give must be the file's before anything is allocated for them.
    if body != len || file.metadata().ok()?.len() != HEADER as u64 + len {
        return None;
    }
    let mut check = Checksum::default();
    check.update(&head[HEADER..]);
    // Zeroed allocations come from the system untouched: the pages are first written by
    // the read itself.
    let mut words = vec![0u32; layout.words];
    populate(&mut words);
    words[..COUNTS].copy_from_slice(&counts);
    let rest = bytes_mut(&mut words[COUNTS..]);
    file.read_exact(rest).ok()?;
    check.update(rest);
    let mut tier = vec![0; layout.n];
    file.read_exact(&mut tier).ok()?;
    check.update(&tier);
    let mut text = vec![0; layout.text_len];
    file.read_exact(&mut text).ok()?;
    check.update(&text);
    if check.finish() != sum {
        return None;
    }
    Compiled::new(Store { words, tier, text: String::from_utf8(text).ok()? })
}

/// Ask the kernel to back `words` with pages now, in one call, rather than one fault per
/// page as the read fills them (a third of a warm run's faults on a large graph). Only
/// advice: on a kernel without it nothing changes.
fn populate(words: &mut [u32]) {
    let start = words.as_mut_ptr() as usize;
    let (first, end) = (start.next_multiple_of(4096), (start + std::mem::size_of_val(words)) & !4095);
    if end > first {
        // SAFETY: advice on whole pages inside memory this slice owns; populating for writing
        // changes no byte of it.
        unsafe { libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_POPULATE_WRITE) };
    }
}

/// The bytes of `words`, to read them in place.
fn bytes_mut(words: &mut [u32]) -> &mut [u8] {
    // SAFETY: the same memory, exclusively borrowed: u8 needs no alignment, and every byte
    // pattern is a valid u32.
    unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr().cast::<u8>(), std::mem::size_of_val(words)) }
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
    #[cfg(test)]
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
        // Counts promising more than the file holds are refused before anything is allocated.
        let mut big = bytes.clone();
        big[HEADER..HEADER + 4].copy_from_slice(&u32::MAX.to_ne_bytes());
        std::fs::write(&path, &big).unwrap();
        assert!(open(&path, key).is_none());
    }
}
