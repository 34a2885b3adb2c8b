use std::path::PathBuf;

use serde::Serialize;

use crate::commands::Session;
use crate::error::{Error, Result};
use crate::text::ui::Ui;
use crate::trust::keys;

/// Create and inspect signing keys (Ed25519, OpenSSH format)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub
    #[command(
        after_help = "Examples:\n  clearance key new dana                    # keyring; prints the public key\n  clearance key new ci-executor --file ~/.config/clearance/executor\n  clearance trust add dana --role approver --group security \\\n      --key \"$(clearance key export dana)\""
    )]
    New {
        name: String,
        /// Write an OpenSSH private key file (and FILE.pub) instead of using the keyring
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// Replace an existing key of that name
        #[arg(long)]
        force: bool,
    },
    /// List the keys this machine created (in its keyring, or as files)
    #[command(after_help = "Examples:\n  clearance key list\n  clearance key list --format json | jq -r '.[].name'")]
    List,
    /// Show a key's public half and fingerprint (from the keyring, or --file)
    #[command(
        after_help = "Examples:\n  clearance key show dana\n  clearance key show --file ~/.config/clearance/agent"
    )]
    Show {
        name: Option<String>,
        #[arg(long, value_name = "FILE", conflicts_with = "name", required_unless_present = "name")]
        file: Option<PathBuf>,
    },
    /// Print a key's public half in OpenSSH format
    #[command(
        after_help = "Examples:\n  clearance key export dana > dana.pub\n  clearance key export --file agent.key"
    )]
    Export {
        name: Option<String>,
        #[arg(long, value_name = "FILE", conflicts_with = "name", required_unless_present = "name")]
        file: Option<PathBuf>,
    },
}

#[derive(Serialize)]
struct KeyView {
    name: String,
    public_key: String,
    fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<PathBuf>,
}

fn view(name: String, key: &ssh_key::PrivateKey, file: Option<PathBuf>) -> KeyView {
    KeyView {
        name,
        public_key: keys::public_openssh(key.public_key()),
        fingerprint: keys::fingerprint(key.public_key()),
        file,
    }
}

fn load(name: Option<String>, file: Option<PathBuf>) -> Result<(String, ssh_key::PrivateKey)> {
    match (name, file) {
        (_, Some(path)) => Ok((path.display().to_string(), keys::load_file(&path)?)),
        (Some(name), None) => {
            let key = keys::load_keyring(&name)?;
            Ok((name, key))
        }
        (None, None) => Err(Error::usage("give a key NAME or --file")),
    }
}

pub fn run(command: Command, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    match command {
        Command::New { name, file, force } => {
            let key = keys::generate()?;
            let v = match file {
                Some(path) => {
                    let public = keys::write_file(&path, &key, force)?;
                    let file = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    // Remembered so `key list` shows it; best effort (the file is what counts).
                    let _ = keys::remember(
                        &name,
                        keys::Made::File { public: keys::public_openssh(key.public_key()), file },
                    );
                    ui.status(format!("wrote {} (0600) and {}", path.display(), public.display()));
                    view(name, &key, Some(path))
                }
                None => {
                    let backend = keys::store_keyring(&name, &key, force)?;
                    keys::remember(&name, keys::Made::Keyring(keys::public_openssh(key.public_key())))?;
                    ui.status(format!("stored `{name}` in the {backend} keyring"));
                    view(name, &key, None)
                }
            };
            print(ui, &v)
        }
        Command::List => {
            let known = keys::remembered()?;
            if ui.json() {
                // An array of records, as every other list clearance prints.
                let listed: Vec<serde_json::Value> = known
                    .iter()
                    .map(|(name, made)| {
                        let fingerprint =
                            keys::parse_public(made.public()).map(|k| keys::fingerprint(&k)).unwrap_or_default();
                        let file = match made {
                            keys::Made::Keyring(_) => None,
                            keys::Made::File { file, .. } => Some(file.display().to_string()),
                        };
                        serde_json::json!({
                            "name": name,
                            "fingerprint": fingerprint,
                            "public_key": made.public(),
                            "store": if file.is_some() { "file" } else { "keyring" },
                            "file": file,
                        })
                    })
                    .collect();
                return ui.out_json(&listed).map(|_| 0);
            }
            if known.is_empty() {
                ui.status("no keys yet; create one with `clearance key new NAME`");
            }
            let mut table = crate::text::ui::table(&["NAME", "FINGERPRINT", "STORED IN"], ui.width(), &[0]);
            for (name, made) in &known {
                let fp = keys::parse_public(made.public()).map(|k| keys::fingerprint(&k)).unwrap_or_default();
                let place = match made {
                    keys::Made::Keyring(_) => "keyring".to_owned(),
                    keys::Made::File { file, .. } => format!("file {}", file.display()),
                };
                table.add_row([name.clone(), fp, place]);
            }
            if !known.is_empty() {
                ui.out(crate::text::ui::table_text(&table))?;
            }
            Ok(0)
        }
        Command::Show { name, file } => {
            let (name, key) = load(name, file)?;
            print(ui, &view(name, &key, None))
        }
        Command::Export { name, file } => {
            let (name, key) = load(name, file)?;
            if ui.json() {
                return print(ui, &view(name, &key, None));
            }
            ui.out(format!("{}\n", keys::public_openssh(key.public_key())))?;
            Ok(0)
        }
    }
}

fn print(ui: &Ui, v: &KeyView) -> Result<u8> {
    if ui.json() {
        ui.out_json(v)?;
    } else {
        ui.out(format!("{}\n", v.public_key))?;
        ui.status(format!("fingerprint {}", v.fingerprint));
    }
    Ok(0)
}
