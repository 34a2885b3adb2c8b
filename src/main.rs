use std::process::ExitCode;

use clap::Parser;

use clearance::cli::Cli;
use clearance::error::ErrorKind;
use clearance::ui::{Ui, render_error};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = Ui::new(cli.global.format, cli.global.no_color, cli.global.quiet, cli.global.verbose);
    match clearance::commands::run(cli, &ui) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`clearance list | head`) is not an error worth reporting.
            if err.kind == ErrorKind::Io && err.message.contains("Broken pipe") {
                return ExitCode::SUCCESS;
            }
            if ui.json() {
                eprintln!("{}", err.to_json());
            } else {
                eprint!("{}", render_error(&ui, &err));
            }
            ExitCode::from(err.kind.exit_code() as u8)
        }
    }
}
