//! Files outside git objects: the work tree and the caches under `.git/clearance/`.

use std::fs::{self, File};
use std::io::Write as _;
use std::path::Path;

use crate::error::{IoContext, Result};

/// Write a file so that readers see either the old or the new content, never half of it.
pub fn write_atomic(dest: &Path, bytes: &[u8], executable: bool) -> Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_path(dir)?;
    let tmp = dir.join(format!(
        ".{}.clearance-tmp-{}",
        dest.file_name().and_then(|n| n.to_str()).unwrap_or("f"),
        std::process::id()
    ));
    {
        let mut f = File::create(&tmp).with_path(&tmp)?;
        f.write_all(bytes).with_path(&tmp)?;
        f.sync_all().with_path(&tmp)?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if executable { 0o755 } else { 0o644 };
        fs::set_permissions(&tmp, fs::Permissions::from_mode(mode)).with_path(&tmp)?;
    }
    fs::rename(&tmp, dest).with_path(dest)?;
    Ok(())
}
