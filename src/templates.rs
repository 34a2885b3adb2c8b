//! Files `clearance init` writes, embedded from `templates/` and `policies/` at build time.

pub struct Template {
    pub path: &'static str,
    pub text: &'static str,
    pub executable: bool,
}

const fn file(path: &'static str, text: &'static str) -> Template {
    Template { path, text, executable: false }
}

/// The scaffold of a new change repository. `{{repo_id}}` is replaced by a fresh uuid.
pub const REPO: &[Template] = &[
    file("clearance.yaml", include_str!("../templates/clearance.yaml")),
    file("graph/services.yaml", include_str!("../templates/graph/services.yaml")),
    file("trust/identities.yaml", include_str!("../templates/trust/identities.yaml")),
    file("policies/clearance.rego", include_str!("../policies/clearance.rego")),
];
