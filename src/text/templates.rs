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
    file("clearance.yaml", include_str!("../../templates/clearance.yaml")),
    file("graph/services.yaml", include_str!("../../templates/graph/services.yaml")),
    file("trust/identities.yaml", include_str!("../../templates/trust/identities.yaml")),
    file("policies/agents.rego", include_str!("../../policies/agents.rego")),
    file("policies/agents_test.rego", include_str!("../../policies/agents_test.rego")),
    file("policies/autonomy.rego", include_str!("../../policies/autonomy.rego")),
    file("policies/autonomy_test.rego", include_str!("../../policies/autonomy_test.rego")),
    file("policies/data.yaml", include_str!("../../policies/data.yaml")),
    file("policies/fixtures_test.rego", include_str!("../../policies/fixtures_test.rego")),
    file("policies/freeze.rego", include_str!("../../policies/freeze.rego")),
    file("policies/freeze_test.rego", include_str!("../../policies/freeze_test.rego")),
    file("policies/limits.rego", include_str!("../../policies/limits.rego")),
    file("policies/limits_test.rego", include_str!("../../policies/limits_test.rego")),
    file("policies/protected.rego", include_str!("../../policies/protected.rego")),
    file("policies/protected_test.rego", include_str!("../../policies/protected_test.rego")),
    file("policies/quorum.rego", include_str!("../../policies/quorum.rego")),
    file("policies/quorum_test.rego", include_str!("../../policies/quorum_test.rego")),
];
