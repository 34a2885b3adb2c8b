//! Files outside git objects: the work tree and the caches under `.git/clearance/`.
//!
//! Repository content is data: a symlink an agent committed never redirects a write. Temp
//! files get random names and are created exclusively, never through a link.

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::error::{Error, IoContext, Result};

/// Read a file the user named, refusing it once it passes `limit` bytes: a regular file by
/// its size before reading, a stream (`/dev/zero`, a pipe) after at most one byte more. `what` names the kind of
/// input in the message, e.g. "a bundle".
pub fn read_bounded(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let file = fs::File::open(path)
        .map_err(|e| Error::not_found(format!("cannot read {}: {e}", path.display())).caused_by(e))?;
    let too_large =
        || Error::invalid(format!("{} is larger than {}, the limit for {what}", path.display(), human_size(limit)));
    // A regular file says its size: refused before reading a byte.
    if file.metadata().is_ok_and(|m| m.is_file() && m.len() > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).with_path(path)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `limit` in the largest whole binary unit: 512 MiB, 64 KiB, 100 bytes.
fn human_size(limit: u64) -> String {
    match limit {
        l if l >= 1 << 20 && l % (1 << 20) == 0 => format!("{} MiB", l >> 20),
        l if l >= 1 << 10 && l % (1 << 10) == 0 => format!("{} KiB", l >> 10),
        l => format!("{l} bytes"),
    }
}

/// Write a file so that readers see either the old or the new content, never half of it.
/// The temporary file is created exclusively (`O_EXCL|O_NOFOLLOW`) under a random name, and
/// the rename replaces a symlink at `dest` rather than following it.
pub fn write_atomic(dest: &Path, bytes: &[u8], executable: bool) -> Result<()> {
    write_atomic_with(dest, executable, |f| f.write_all(bytes))
}

/// [`write_atomic`] for content written piece by piece: `write` gets the temporary file
/// (buffered), and what it writes replaces `dest` only once all of it is on disk.
pub fn write_atomic_with(
    dest: &Path,
    executable: bool,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_path(dir)?;
    let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("f");
    let tmp =
        dir.join(format!(".{name}.clearance-tmp-{}", crate::text::bytes::hex(&crate::text::bytes::random::<8>()?)));
    let mode = if executable { 0o755 } else { 0o644 };
    let written = (|| {
        let mut f =
            fs::OpenOptions::new().write(true).create_new(true).custom_flags(libc::O_NOFOLLOW).mode(mode).open(&tmp)?;
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut f);
        write(&mut buffered)?;
        buffered.flush()?;
        drop(buffered);
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e).with_path(&tmp);
    }
    // The mode asked for, whatever the umask made of it.
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&tmp, fs::Permissions::from_mode(mode)).with_path(&tmp)?;
    if let Err(e) = fs::rename(&tmp, dest) {
        let _ = fs::remove_file(&tmp);
        return Err(e).with_path(dest);
    }
    Ok(())
}

/// Refuse to write `relative` under `root` when any directory on the way is a symlink (a
/// link committed to the repository could point anywhere).
pub fn check_no_links(root: &Path, relative: &str) -> Result<()> {
    let mut at = root.to_path_buf();
    let parts: Vec<&str> = relative.split('/').collect();
    for part in parts.iter().take(parts.len().saturating_sub(1)) {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(Error::new(
                    crate::error::ErrorKind::VerificationFailed,
                    format!("refusing to write {relative}: {} is a symlink", at.display()),
                )
                .hint("a symlink in the repository never redirects a write; remove it with git"));
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(())
}
