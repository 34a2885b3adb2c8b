use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind as ClapKind;

use clearance::commands::Cli;
use clearance::error::Error;
use clearance::text::ui::{Format, Ui, render_error};

fn main() -> ExitCode {
    // Buffers of 128 KiB and more are mapped and unmapped: freed, they leave the process.
    // Left to itself glibc raises this threshold after the first such buffer is freed, and
    // the later ones, freed into its heap, stay resident (a large graph's cold read).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: sets one allocator parameter before any thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    // This machine's configuration may name the format (human or json) and the repository.
    let local = clearance::trust::local::load();
    let configured = local.as_ref().ok().and_then(|l| l.format).filter(|f| matches!(f, Format::Human | Format::Json));
    let format = cli.global.format.or(configured).unwrap_or(Format::Human);
    let mut ui = Ui::new(format, cli.global.no_color, cli.global.quiet, cli.global.verbose);
    ui.wide = cli.global.wide;
    // A broken file is said once here, and refused by the commands that need what it says.
    let local = local.unwrap_or_else(|e| {
        let problems: Vec<String> =
            e.problems.iter().map(|p| format!("{}:{}: {}", p.line, p.column, p.message)).collect();
        ui.warn(format!(
            "ignoring this machine's config: {e}{}",
            if problems.is_empty() { String::new() } else { format!(" ({})", problems.join("; ")) }
        ));
        Default::default()
    });
    let started = std::time::Instant::now();
    let result = clearance::commands::run(cli, &ui, &local);
    if ui.verbose > 0 {
        eprintln!("({} ms)", started.elapsed().as_millis());
    }
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`clearance list | head`) is not an error worth reporting.
            if err.is_broken_pipe() {
                return ExitCode::SUCCESS;
            }
            report(&ui, &err);
            ExitCode::from(err.kind.exit_code() as u8)
        }
    }
}

fn report(ui: &Ui, err: &Error) {
    if ui.json() {
        eprintln!("{}", err.to_json());
    } else {
        eprint!("{}", render_error(ui, err));
    }
}

/// Help and version go to stdout as usual; real usage errors honour `--format json`, which
/// clap could not parse into the usual place, so look for it by hand.
fn usage_error(e: clap::Error) -> ExitCode {
    if matches!(
        e.kind(),
        ClapKind::DisplayHelp | ClapKind::DisplayVersion | ClapKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(if e.kind() == ClapKind::DisplayHelpOnMissingArgumentOrSubcommand { 2 } else { 0 });
    }
    let args: Vec<String> = std::env::args().collect();
    let json = args.windows(2).any(|w| w[0] == "--format" && w[1] == "json")
        || args.iter().any(|a| a == "--format=json")
        || std::env::var("CLEARANCE_FORMAT").is_ok_and(|v| v == "json");
    if !json {
        let _ = e.print();
        return ExitCode::from(2);
    }
    let ui = Ui::new(Format::Json, true, false, 0);
    let message = e.render().to_string();
    // The message is everything before the usage line (clap may continue it on the next
    // lines, e.g. the arguments not provided or the possible values).
    let first = message
        .split("\nUsage:")
        .next()
        .unwrap_or("usage error")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("tip: "))
        .collect::<Vec<_>>()
        .join(" ")
        .trim_start_matches("error: ")
        .to_owned();
    // clap's "tip: a similar subcommand exists: 'verify'" lines are the did-you-mean.
    let error = message
        .lines()
        .filter_map(|l| l.trim().strip_prefix("tip: "))
        .fold(Error::usage(first), |e, tip| e.hint(tip.to_owned()));
    report(&ui, &error);
    ExitCode::from(2)
}
