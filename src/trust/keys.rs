//! Ed25519 keys in OpenSSH format, SSHSIG signatures, and where private keys live: the OS
//! keyring (Secret Service, falling back to kernel keyutils) or a 0600 key file.
//!
//! Private key material is held in `ssh_key::PrivateKey`, which zeroizes on drop, and the
//! OpenSSH text form in `Zeroizing<String>`; neither is ever printed or logged.

use std::path::{Path, PathBuf};

use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use zeroize::Zeroizing;

use crate::error::{Error, IoContext, Result};

/// The keyring service name under which clearance stores keys.
const KEYRING_SERVICE: &str = "clearance";
/// Key files are a few hundred bytes; anything past this is not one.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

/// Namespaces of the signatures clearance makes (docs/reference.md#keys-and-signatures).
pub const NS_APPROVAL: &str = "clearance-approval";
pub const NS_EVIDENCE: &str = "clearance-evidence";

/// Where to find the signing key for a command.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct KeyArgs {
    /// Sign with the key of this name from the OS keyring
    #[arg(long, value_name = "NAME", conflicts_with = "key_file")]
    pub key: Option<String>,
    /// Sign with this OpenSSH private key file (mode 0600)
    #[arg(long, value_name = "PATH", env = "CLEARANCE_KEY_FILE", hide_env_values = true)]
    pub key_file: Option<PathBuf>,
}

impl KeyArgs {
    /// Whether a key is named at all: on the command line, in the environment or in this
    /// machine's configuration.
    pub fn given(&self) -> Result<bool> {
        Ok(self.key.is_some() || self.key_file.is_some() || crate::trust::local::load()?.key.is_some())
    }

    /// Load the signing key, or explain how to give one.
    pub fn load(&self) -> Result<PrivateKey> {
        match (&self.key, &self.key_file) {
            (Some(name), _) => load_keyring(name),
            (None, Some(path)) => load_file(path),
            (None, None) => match crate::trust::local::load()?.key {
                Some(crate::trust::local::KeyRef::Keyring(name)) => load_keyring(&name),
                Some(crate::trust::local::KeyRef::File(path)) => load_file(&crate::trust::local::expand(&path)),
                None => Err(Error::usage("this command signs: give --key NAME (keyring) or --key-file PATH")
                    .hint("or set CLEARANCE_KEY_FILE, or `key:` in $XDG_CONFIG_HOME/clearance/config.yaml; create a key with `clearance key new NAME`")),
            },
        }
    }
}

/// `N` bytes from the operating system's random source.
pub fn generate() -> Result<PrivateKey> {
    PrivateKey::random(&mut rand_core::OsRng, Algorithm::Ed25519)
        .map_err(|e| Error::io(format!("cannot generate a key: {e}")))
}

pub fn public_openssh(key: &PublicKey) -> String {
    key.to_openssh().unwrap_or_default()
}

/// `SHA256:...`, as `ssh-keygen -l` prints it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// A file-name-safe form of the fingerprint (hex of the SHA-256 of the key blob).
pub fn fingerprint_hex(key: &PublicKey) -> String {
    crate::text::bytes::hex(key.fingerprint(HashAlg::Sha256).as_bytes())
}

pub fn parse_public(text: &str) -> Result<PublicKey> {
    let key =
        PublicKey::from_openssh(text.trim()).map_err(|e| Error::invalid(format!("not an OpenSSH public key: {e}")))?;
    if key.algorithm() != Algorithm::Ed25519 {
        return Err(Error::invalid(format!("only ssh-ed25519 keys are accepted, found {}", key.algorithm())));
    }
    Ok(key)
}

/// A public key given on the command line: the key text itself, or a path to a `.pub` file.
pub fn public_from_arg(arg: &str) -> Result<PublicKey> {
    if arg.trim_start().starts_with("ssh-") {
        return parse_public(arg);
    }
    let path = Path::new(arg);
    let bytes = crate::store::fs::read_bounded(path, MAX_KEY_FILE_BYTES, "a public key")?;
    let text = String::from_utf8(bytes).map_err(|_| Error::invalid(format!("public key {arg} is not UTF-8")))?;
    parse_public(&text).map_err(|e| e.context(path.display()))
}

/// Sign `msg` and return the armored `-----BEGIN SSH SIGNATURE-----` text.
pub fn sign(key: &PrivateKey, namespace: &str, msg: &[u8]) -> Result<String> {
    let sig = key.sign(namespace, HashAlg::Sha512, msg).map_err(|e| Error::io(format!("signing failed: {e}")))?;
    sig.to_pem(LineEnding::LF).map_err(|e| Error::io(format!("signing failed: {e}")))
}

/// Parse an armored signature and check it claims to be by `key` in `namespace`.
fn parse_for(key: &PublicKey, namespace: &str, armored: &str) -> std::result::Result<SshSig, String> {
    let sig = SshSig::from_pem(armored.as_bytes()).map_err(|e| format!("not an SSH signature: {e}"))?;
    if sig.public_key() != key.key_data() {
        let signer = PublicKey::from(sig.public_key().clone());
        return Err(format!("signed by {} but the trusted key is {}", fingerprint(&signer), fingerprint(key)));
    }
    if sig.namespace() != namespace {
        return Err(format!("namespace is `{}`, expected `{namespace}`", sig.namespace()));
    }
    Ok(sig)
}

/// Check an armored signature over `msg` by `key` in `namespace`. The error says which
/// step failed: the armor, the signer's key, the namespace, or the signature itself.
pub fn verify(key: &PublicKey, namespace: &str, msg: &[u8], armored: &str) -> std::result::Result<(), String> {
    let sig = parse_for(key, namespace, armored)?;
    key.verify(namespace, msg, &sig).map_err(|_| "signature does not match the signed text".to_owned())
}

// ----- key storage -----

/// The keyrings to use, in order: the Secret Service (persistent, desktop or
/// gnome-keyring), then the kernel's keyutils (session keyring). `CLEARANCE_KEYRING=
/// secret-service|keyutils` pins one.
fn backends(name: &str) -> Result<Vec<(&'static str, keyring::Entry)>> {
    let pinned = std::env::var("CLEARANCE_KEYRING").ok();
    let mut out = Vec::new();
    if pinned.as_deref() != Some("keyutils") {
        let credential = keyring::secret_service::SsCredential::new_with_target(None, KEYRING_SERVICE, name)
            .map_err(|e| Error::io(format!("keyring: {e}")))?;
        out.push(("secret-service", keyring::Entry::new_with_credential(Box::new(credential))));
    }
    if pinned.as_deref() != Some("secret-service") {
        let credential = keyring::keyutils::KeyutilsCredential::new_with_target(None, KEYRING_SERVICE, name)
            .map_err(|e| Error::io(format!("keyring: {e}")))?;
        out.push(("keyutils", keyring::Entry::new_with_credential(Box::new(credential))));
    }
    Ok(out)
}

fn unavailable(e: &keyring::Error) -> bool {
    matches!(e, keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_))
}

/// Store a new key in the keyring under `name`; refuses to replace one unless `force`.
/// Returns the backend that took it.
pub fn store_keyring(name: &str, key: &PrivateKey, force: bool) -> Result<&'static str> {
    let text = key.to_openssh(LineEnding::LF).map_err(|e| Error::io(e.to_string()))?;
    let mut reasons = Vec::new();
    for (backend, entry) in backends(name)? {
        match entry.get_secret() {
            Ok(_) if !force => {
                return Err(Error::new(
                    crate::error::ErrorKind::Conflict,
                    format!("the {backend} keyring already holds a key named `{name}`"),
                )
                .hint("choose another name, or pass --force to replace it"));
            }
            Err(e) if unavailable(&e) => {
                reasons.push(format!("{backend}: {e}"));
                continue;
            }
            _ => {}
        }
        match entry.set_secret(text.as_bytes()) {
            Ok(()) => return Ok(backend),
            // keyutils adds the key to the session keyring, then links it into the persistent
            // one; where the kernel refuses that link (some containers) the key is still stored.
            Err(keyring::Error::NoEntry) if entry.get_secret().is_ok_and(|s| s == text.as_bytes()) => {
                return Ok(backend);
            }
            // NoEntry from a store that kept nothing: this keyring cannot hold keys here
            // (a kernel keyring a container does not persist); try the next, then say so.
            Err(e) if unavailable(&e) || matches!(e, keyring::Error::NoEntry) => {
                reasons.push(format!("{backend}: {e}"))
            }
            Err(e) => return Err(Error::io(format!("{backend} keyring: cannot store `{name}`: {e}"))),
        }
    }
    Err(Error::io(format!("no keyring is available ({})", reasons.join("; ")))
        .hint("use --file PATH for a key file instead"))
}

pub fn load_keyring(name: &str) -> Result<PrivateKey> {
    let mut reasons = Vec::new();
    for (backend, entry) in backends(name)? {
        match entry.get_secret() {
            Ok(secret) => {
                let secret = Zeroizing::new(secret);
                let text = std::str::from_utf8(&secret)
                    .map_err(|_| Error::invalid(format!("{backend} keyring entry `{name}` is not text")))?;
                return PrivateKey::from_openssh(text).map_err(|e| {
                    Error::invalid(format!("{backend} keyring entry `{name}` is not an OpenSSH private key: {e}"))
                });
            }
            Err(keyring::Error::NoEntry) => reasons.push(format!("{backend}: none")),
            Err(e) if unavailable(&e) => reasons.push(format!("{backend}: {e}")),
            Err(e) => return Err(Error::io(format!("{backend} keyring: {e}"))),
        }
    }
    let made = remembered().ok().and_then(|all| all.get(name).cloned());
    let hint = match made {
        Some(Made::File { file, .. }) => format!("`{name}` was made as a key file: use --key-file {}", file.display()),
        _ if reasons.iter().any(|r| !r.ends_with(": none")) => {
            "no keyring is reachable here (no desktop session?): keep the key in a file, `clearance key new NAME --file PATH`, and use --key-file".to_owned()
        }
        _ => "create one with `clearance key new NAME` (or `--file PATH` for a key file)".to_owned(),
    };
    Err(Error::not_found(format!("no key named `{name}` in the keyring ({})", reasons.join("; "))).hint(hint))
}

/// Write `key` to `path` (mode 0600) and its public half to `path.pub`.
pub fn write_file(path: &Path, key: &PrivateKey, force: bool) -> Result<PathBuf> {
    let public = PathBuf::from(format!("{}.pub", path.display()));
    if !force {
        for p in [path, public.as_path()] {
            if p.exists() {
                return Err(Error::new(crate::error::ErrorKind::Conflict, format!("{} already exists", p.display()))
                    .hint("pass --force to overwrite it"));
            }
        }
    }
    let text = key.to_openssh(LineEnding::LF).map_err(|e| Error::io(e.to_string()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_path(dir)?;
    }
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::remove_file(path);
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).with_path(path)?;
        f.write_all(text.as_bytes()).with_path(path)?;
    }
    std::fs::write(&public, format!("{}\n", public_openssh(key.public_key()))).with_path(&public)?;
    Ok(public)
}

/// Read a private key file, refusing one that others can read.
pub fn load_file(path: &Path) -> Result<PrivateKey> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::not_found(format!("cannot read key file {}: {e}", path.display())))?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(Error::invalid(format!("key file {} is readable by others (mode {mode:o})", path.display()))
            .hint(format!("chmod 600 {}", path.display())));
    }
    let text = Zeroizing::new(crate::store::fs::read_bounded(path, MAX_KEY_FILE_BYTES, "a private key")?);
    let key = PrivateKey::from_openssh(&*text)
        .map_err(|e| Error::invalid(format!("{} is not an OpenSSH private key: {e}", path.display())))?;
    if key.is_encrypted() {
        return Err(Error::invalid(format!(
            "{} is passphrase-protected; clearance needs an unencrypted key file",
            path.display()
        )));
    }
    if key.algorithm() != Algorithm::Ed25519 {
        return Err(Error::invalid(format!("{} is not an Ed25519 key", path.display())));
    }
    Ok(key)
}

// ----- the list of keys this machine made (names and public keys only) -----

fn registry_path() -> Result<PathBuf> {
    Ok(crate::trust::local::config_dir()
        .ok_or_else(|| Error::io("neither XDG_CONFIG_HOME nor HOME is set"))?
        .join("keys.json"))
}

/// A key made on this machine: its public half, and the file holding it (none: the keyring).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Made {
    /// The public key of a key in the keyring (how the registry first stored them).
    Keyring(String),
    File {
        public: String,
        file: PathBuf,
    },
}

impl Made {
    pub fn public(&self) -> &str {
        match self {
            Made::Keyring(public) | Made::File { public, .. } => public,
        }
    }
}

/// Names and public keys of the keys created here, in the keyring or in files (keyrings
/// cannot be listed).
pub fn remembered() -> Result<std::collections::BTreeMap<String, Made>> {
    let path = registry_path()?;
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|e| Error::json_in("not clearance's list of keys", &path.display().to_string(), None, 1, &e)),
        Err(_) => Ok(Default::default()),
    }
}

pub fn remember(name: &str, made: Made) -> Result<()> {
    let mut all = remembered()?;
    all.insert(name.to_owned(), made);
    let path = registry_path()?;
    crate::store::fs::write_atomic(&path, &serde_json::to_vec_pretty(&all)?, false)
}

/// Signature checks collected and verified together: Ed25519 batch verification is about
/// twice as fast per signature on one core. Structural checks (armor, signer key,
/// namespace) happen at `push`; the cryptography at `finish`, which, when a batch fails,
/// checks its members one by one to name the bad ones.
#[derive(Default)]
pub struct Batch<T> {
    items: Vec<(Vec<u8>, ed25519_dalek::Signature, ed25519_dalek::VerifyingKey, T)>,
}

impl<T> Batch<T> {
    pub fn new() -> Self {
        Batch { items: Vec::new() }
    }

    /// Queue a check of `armored` over `msg` by `key` in `namespace`; structural problems
    /// are returned at once.
    pub fn push(
        &mut self,
        key: &PublicKey,
        namespace: &str,
        msg: &[u8],
        armored: &str,
        tag: T,
    ) -> std::result::Result<(), String> {
        let sig = parse_for(key, namespace, armored)?;
        let data = SshSig::signed_data(namespace, sig.hash_alg(), msg).map_err(|e| e.to_string())?;
        let signature = ed25519_dalek::Signature::from_slice(sig.signature_bytes())
            .map_err(|e| format!("bad signature encoding: {e}"))?;
        let ssh_key::public::KeyData::Ed25519(k) = key.key_data() else { return Err("not an Ed25519 key".to_owned()) };
        let verifying = ed25519_dalek::VerifyingKey::from_bytes(&k.0).map_err(|e| format!("bad key: {e}"))?;
        self.items.push((data, signature, verifying, tag));
        Ok(())
    }

    /// The tags of the signatures that do not verify.
    pub fn finish(self) -> Vec<T> {
        let mut bad = Vec::new();
        let mut items = self.items;
        while !items.is_empty() {
            let chunk: Vec<_> = items.drain(..items.len().min(1024)).collect();
            let messages: Vec<&[u8]> = chunk.iter().map(|c| c.0.as_slice()).collect();
            let signatures: Vec<_> = chunk.iter().map(|c| c.1).collect();
            let verifying: Vec<_> = chunk.iter().map(|c| c.2).collect();
            if ed25519_dalek::verify_batch(&messages, &signatures, &verifying).is_ok() {
                continue;
            }
            for (data, signature, key, tag) in chunk {
                if key.verify_strict(&data, &signature).is_err() {
                    bad.push(tag);
                }
            }
        }
        bad
    }
}

impl crate::store::repo::CommitSigner for PrivateKey {
    fn sign_commit(&self, content: &[u8]) -> Result<String> {
        sign(self, "git", content)
    }
}
