# Who may propose what: only registered agents, each within its allowlist.
package clearance

import rego.v1

deny contains msg if {
	input.agent == null
	msg := sprintf("unknown agent %q: register it in trust/identities.yaml with role agent", [input.intent.metadata.agent])
}

deny contains msg if {
	input.agent.revoked_at
	msg := sprintf("agent %q was revoked at %s", [input.agent.principal, input.agent.revoked_at])
}

deny contains msg if {
	input.agent != null
	not action_allowed
	msg := sprintf("agent %q may not use action %q", [input.agent.principal, input.intent.spec.action])
}

deny contains msg if {
	input.agent != null
	not environment_allowed
	msg := sprintf("agent %q may not act in environment %q", [input.agent.principal, input.intent.spec.environment])
}

action_allowed if {
	some pattern in input.agent.allow.actions
	pattern_matches(pattern, input.intent.spec.action)
}

environment_allowed if input.intent.spec.environment in input.agent.allow.environments

# Exact, or a prefix ending in `*`: `rds.*` allows `rds.delete-instance`.
pattern_matches(pattern, value) if pattern == value

pattern_matches(pattern, value) if {
	endswith(pattern, "*")
	startswith(value, trim_suffix(pattern, "*"))
}
