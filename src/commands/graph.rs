use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::commands::Session;
use crate::error::{Error, Result};
use crate::model::backstage;
use crate::model::graph::{self, EdgeKind, ServiceGraph};
use crate::store::repo::ChangeRepo;
use crate::text::ui::{Style, Ui};

/// Check or import the service graph
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Validate a service graph: the branch's, or FILE before you commit it
    #[command(
        after_help = "Examples:\n  clearance graph check\n  clearance graph check graph/services.yaml\n  clearance graph check big-graph.json --format json"
    )]
    Check {
        /// A graph file (YAML, or JSON when it ends in .json) [default: the graph on the branch]
        file: Option<PathBuf>,
    },
    /// List the services of the graph in force: what intents may name as targets
    #[command(
        after_help = "Examples:\n  clearance graph list\n  clearance graph list --owner team-payments --tier 0\n  clearance graph list --format json | jq -r '.[].id'"
    )]
    List {
        /// Only services this team owns
        #[arg(long)]
        owner: Option<String>,
        /// Only services of this tier (0 most critical .. 3)
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=3))]
        tier: Option<u8>,
    },
    /// Build the service graph from another source of truth
    #[command(subcommand)]
    Import(Import),
}

#[derive(Debug, clap::Subcommand)]
pub enum Import {
    /// Turn Backstage catalog entities (Component, Resource, API, System) into a graph
    ///
    /// Prints graph/services.yaml on stdout, or commits it with --commit.
    #[command(
        after_help = "Examples:\n  clearance graph import backstage catalog-info.yaml teams/*.yaml \\\n      > graph/services.yaml\n  clearance graph import backstage catalog/*.yaml --commit"
    )]
    Backstage {
        /// Catalog files; each may hold several YAML documents
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Sign the result into force as graph/services.yaml instead of printing it (the
        /// key must be a graph maintainer's or an admin's)
        #[arg(long)]
        commit: bool,
        #[command(flatten)]
        key: crate::trust::keys::KeyArgs,
        #[command(flatten)]
        push: crate::act::sync::PushArgs,
    },
}

#[derive(Serialize)]
struct CheckReport {
    file: String,
    valid: bool,
    services: usize,
    edges: usize,
    async_edges: usize,
    tiers: [usize; 4],
}

pub fn run(command: Command, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (session.repo_path, session.ui);
    match command {
        Command::Check { file } => check(file.as_deref(), repo, ui),
        Command::List { owner, tier } => list(session, owner.as_deref(), tier),
        Command::Import(Import::Backstage { files, commit, key, push }) => import(&files, commit, &key, &push, session),
    }
}

fn check(file: Option<&Path>, repo: Option<&Path>, ui: &Ui) -> Result<u8> {
    let (name, graph) = match file {
        Some(path) => {
            let limit = crate::model::graph::MAX_GRAPH_BYTES as u64;
            let bytes = crate::store::fs::read_bounded(path, limit, "a service graph")?;
            let name = path.display().to_string();
            let graph = ServiceGraph::parse(&bytes, &name)?;
            (name, graph)
        }
        None => {
            let repo = ChangeRepo::open(repo)?;
            let snapshot = repo.snapshot()?;
            let path =
                graph::PATHS.iter().find(|p| snapshot.exists(p).unwrap_or(false)).copied().unwrap_or(graph::PATHS[0]);
            (path.to_owned(), graph::load(&snapshot)?)
        }
    };
    let edges: usize = graph.services.iter().map(|s| s.depends_on.len()).sum();
    let async_edges = graph.services.iter().flat_map(|s| &s.depends_on).filter(|e| e.kind() == EdgeKind::Async).count();
    let mut tiers = [0usize; 4];
    for s in &graph.services {
        tiers[s.tier.min(3) as usize] += 1;
    }
    let report = CheckReport { file: name, valid: true, services: graph.services.len(), edges, async_edges, tiers };
    if ui.json() {
        ui.out_json(&report)?;
    } else {
        ui.out(format!(
            "{} {}: {} services, {} edges ({} async); tiers 0/1/2/3: {}/{}/{}/{}\n",
            ui.paint(Style::Green, "ok"),
            report.file,
            report.services,
            report.edges,
            report.async_edges,
            tiers[0],
            tiers[1],
            tiers[2],
            tiers[3]
        ))?;
    }
    Ok(0)
}

fn import(
    files: &[PathBuf],
    commit: bool,
    key: &crate::trust::keys::KeyArgs,
    push: &crate::act::sync::PushArgs,
    session: &Session<'_>,
) -> Result<u8> {
    let ui = session.ui;
    let mut inputs = Vec::new();
    for path in files {
        let limit = crate::model::graph::MAX_GRAPH_BYTES as u64;
        let bytes = crate::store::fs::read_bounded(path, limit, "a catalog file")?;
        let text =
            String::from_utf8(bytes).map_err(|e| Error::invalid(format!("{} is not UTF-8: {e}", path.display())))?;
        inputs.push((path.display().to_string(), text));
    }
    let imported = backstage::import(&inputs)?;
    for w in &imported.warnings {
        ui.warn(w);
    }
    let mut yaml = format!(
        "# Generated by `clearance graph import backstage` from {}.\n",
        files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    yaml.push_str(&serde_yaml::to_string(&imported.graph).map_err(|e| Error::io(e.to_string()))?);
    // What we write must pass our own checks.
    ServiceGraph::parse(yaml.as_bytes(), graph::PATHS[0])?;
    if !commit {
        ui.out(yaml)?;
        return Ok(0);
    }
    let repo = session.repo()?;
    let signer = key.load()?;
    let note = format!("graph import of {} services from Backstage", imported.graph.services.len());
    let signed =
        crate::trust::change::edit_file(&repo, &signer, graph::PATHS[0], &note, |_| Ok(yaml.clone().into_bytes()))?;
    crate::commands::after_write(&repo, push, Some(key), ui)?;
    if ui.json() {
        ui.out_json(&serde_json::json!({"commit": signed.commit, "services": imported.graph.services.len(), "path": graph::PATHS[0], "governance": &signed}))?;
    } else {
        crate::commands::governance::report_signed(ui, &signed, None)?;
        ui.status(format!(
            "{} ({} services) as {}",
            if signed.landed { "in force" } else { "signed" },
            imported.graph.services.len(),
            graph::PATHS[0],
        ));
    }
    Ok(0)
}

/// The services of the graph in force, filtered.
fn list(session: &Session<'_>, owner: Option<&str>, tier: Option<u8>) -> Result<u8> {
    let (repo, ui) = (session.repo()?, session.ui);
    let graph = graph::load(&repo.snapshot()?)?;
    let services: Vec<&graph::Service> = graph
        .services
        .iter()
        .filter(|s| owner.is_none_or(|o| s.owners.iter().any(|x| x == o)))
        .filter(|s| tier.is_none_or(|t| s.tier == t))
        .collect();
    if ui.json() {
        ui.out_json(&services)?;
        return Ok(0);
    }
    let mut table = crate::text::ui::table(&["SERVICE", "TIER", "OWNERS", "DATA", "DEPENDS ON"], ui.width(), &[0]);
    for s in &services {
        let esc = |t: &str| crate::text::ui::escape_controls(t).into_owned();
        table.add_row([
            esc(&s.id),
            s.tier.to_string(),
            esc(&s.owners.join(",")),
            esc(&s.data.join(",")),
            s.depends_on.len().to_string(),
        ]);
    }
    ui.out(crate::text::ui::table_text(&table))?;
    ui.status(format!("{} of {} services", services.len(), graph.services.len()));
    Ok(0)
}
