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
	msg := sprintf("agent %q may not use action %q (allowed: %s)", [input.agent.principal, input.intent.spec.action, allowed(allowed_actions)])
}

deny contains msg if {
	input.agent != null
	not environment_allowed
	msg := sprintf("agent %q may not act in environment %q (allowed: %s)", [input.agent.principal, input.intent.spec.environment, allowed(allowed_environments)])
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

# The allowed values, for a deny message an agent can act on (an agent with no allowlist
# is still denied: the message then says "none").
default allowed_actions := []

allowed_actions := input.agent.allow.actions

default allowed_environments := []

allowed_environments := input.agent.allow.environments

allowed(values) := concat(", ", values) if count(values) > 0

allowed(values) := "none" if count(values) == 0
