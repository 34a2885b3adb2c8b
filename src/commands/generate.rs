//! Completions and man pages, generated from the clap model and committed under
//! `completions/` and `man/`; a test fails when the committed copies are stale.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::commands::Cli;
use crate::commands::Session;
use crate::error::{IoContext, Result};

/// Write shell completions or man pages from the command-line model
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    pub what: What,
    /// Directory to write into
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum What {
    Completions,
    Man,
}

pub fn run(args: Args, _session: &Session<'_>) -> Result<u8> {
    match args.what {
        What::Completions => completions(&args.dir)?,
        What::Man => man_pages(&args.dir)?,
    }
    Ok(0)
}

pub fn completions(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_path(dir)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
        let mut cmd = Cli::command();
        clap_complete::generate_to(shell, &mut cmd, "clearance", dir).with_path(dir)?;
    }
    Ok(())
}

pub fn man_pages(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_path(dir)?;
    let mut cmd = Cli::command();
    cmd.build();
    write_page(dir, "clearance", cmd)
}

/// One page for the command and one per visible subcommand, `clearance-key-new.1` style.
fn write_page(dir: &Path, name: &str, cmd: clap::Command) -> Result<()> {
    let mut bytes = Vec::new();
    let page = cmd.clone().name(name.to_owned());
    clap_mangen::Man::new(page).render(&mut bytes).with_path(dir)?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, bytes).with_path(&path)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        write_page(dir, &format!("{name}-{}", sub.get_name()), sub.clone())?;
    }
    Ok(())
}
