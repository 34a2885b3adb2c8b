//! Completions and man pages are generated from the clap model and committed; they must
//! match what the current binary generates.

use std::path::Path;

use crate::common::run;

fn assert_same_tree(generated: &Path, committed: &Path, what: &str) {
    let mut names: Vec<_> = std::fs::read_dir(generated).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    let mut committed_names: Vec<_> = std::fs::read_dir(committed).unwrap().map(|e| e.unwrap().file_name()).collect();
    committed_names.sort();
    let fix = format!(
        "regenerate with `cargo run -q -- generate {what} {what_dir}`",
        what_dir = committed.file_name().unwrap().to_string_lossy()
    );
    assert_eq!(names, committed_names, "{} files differ; {fix}", committed.display());
    for name in names {
        let a = std::fs::read(generated.join(&name)).unwrap();
        let b = std::fs::read(committed.join(&name)).unwrap();
        assert!(a == b, "{} is stale; {fix}", committed.join(&name).display());
    }
}

#[test]
fn committed_completions_and_man_pages_are_current() {
    let tmp = tempfile::TempDir::new().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (what, dir) in [("completions", "completions"), ("man", "man")] {
        let out = tmp.path().join(dir);
        let r = run(tmp.path(), &["generate", what, out.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_same_tree(&out, &root.join(dir), what);
    }
}

/// Every man page has the sections a reader looks for, and examples where help has them.
#[test]
fn man_pages_have_exit_status_environment_files_examples_and_see_also() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let pages: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".1"))
        .collect();
    assert!(pages.len() > 40, "{pages:?}");
    for page in &pages {
        let text = std::fs::read_to_string(root.join(page)).unwrap();
        for section in [".SH EXAMPLES", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH FILES", ".SH \"SEE ALSO\""] {
            assert!(text.contains(section), "{page} lacks {section}");
        }
        assert!(!text.contains(".SH EXTRA"), "{page} still puts examples under EXTRA");
    }
    let approve = std::fs::read_to_string(root.join("clearance-approve.1")).unwrap();
    assert!(approve.contains("\\fBclearance\\fR(1)"), "SEE ALSO names the parent page");
}
