use std::path::PathBuf;

use crate::error::Result;
use crate::generate;

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

pub fn run(args: Args) -> Result<u8> {
    match args.what {
        What::Completions => generate::completions(&args.dir)?,
        What::Man => generate::man_pages(&args.dir)?,
    }
    Ok(0)
}
