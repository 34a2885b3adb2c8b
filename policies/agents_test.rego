package clearance_test

import rego.v1

test_known_agent_within_its_allowlist_is_not_denied if {
	count(data.clearance.deny) == 0 with input as benign
}

test_unknown_agent_is_denied if {
	inp := request(intent("k8s.restart", "staging", ["orders-db-old"], true), null, small)
	some msg in data.clearance.deny with input as inp
	contains(msg, "unknown agent \"cost-optimizer\"")
}

test_action_outside_the_allowlist_is_denied if {
	inp := request(intent("iam.grant-admin", "staging", ["orders-db-old"], true), agent, small)
	some msg in data.clearance.deny with input as inp
	contains(msg, "may not use action \"iam.grant-admin\"")
	contains(msg, "(allowed: ")
}

test_wildcard_action_is_allowed if {
	inp := request(intent("rds.delete-instance", "staging", ["orders-db-old"], true), agent, small)
	count(data.clearance.deny) == 0 with input as inp
}

test_environment_outside_the_allowlist_is_denied if {
	inp := request(intent("k8s.restart", "dev", ["orders-db-old"], true), agent, small)
	some msg in data.clearance.deny with input as inp
	contains(msg, "may not act in environment \"dev\"")
}

test_agent_without_an_allowlist_may_do_nothing if {
	bare := {"principal": "cost-optimizer", "role": "agent"}
	inp := request(intent("k8s.restart", "staging", ["orders-db-old"], true), bare, small)
	count(data.clearance.deny) == 2 with input as inp
}

test_revoked_agent_is_denied if {
	revoked := object.union(agent, {"revoked_at": "2026-01-01T00:00:00Z"})
	inp := request(intent("k8s.restart", "staging", ["orders-db-old"], true), revoked, small)
	some msg in data.clearance.deny with input as inp
	contains(msg, "was revoked")
}

test_an_agent_without_an_allowlist_is_denied_and_told_so if {
	inp := request(intent("k8s.restart", "staging", ["orders-db-old"], true), object.remove(agent, ["allow"]), small)
	some msg in data.clearance.deny with input as inp
	contains(msg, "(allowed: none)")
}
