package clearance_test

import rego.v1

in_freeze(i) := object.union(request(i, agent, small), {"now": {"date": "2026-12-24", "weekday": "Thursday", "hour": 10}})

test_production_change_in_a_freeze_is_denied if {
	inp := in_freeze(intent("k8s.restart", "prod", ["orders-db-old"], true))
	some msg in data.clearance.deny with input as inp
	contains(msg, "end-of-year freeze")
}

test_emergency_changes_pass_the_freeze_with_a_break_glass_approver if {
	i := intent("k8s.restart", "prod", ["orders-db-old"], true)
	emergency := object.union(i, {"metadata": {"agent": "cost-optimizer", "labels": {"emergency": "true"}}})
	count(data.clearance.deny) == 0 with input as in_freeze(emergency)
	{"group": "incident-commanders", "count": 1} in data.clearance.approvals with input as in_freeze(emergency)
}

test_emergency_outside_a_freeze_needs_no_break_glass if {
	i := intent("k8s.restart", "prod", ["orders-db-old"], true)
	emergency := object.union(i, {"metadata": {"agent": "cost-optimizer", "labels": {"emergency": "true"}}})
	inp := request(emergency, agent, small)
	groups := {q.group | some q in data.clearance.approvals} with input as inp
	not "incident-commanders" in groups
}

test_staging_is_not_frozen if {
	count(data.clearance.deny) == 0 with input as in_freeze(intent("k8s.restart", "staging", ["orders-db-old"], true))
}

test_outside_the_window_is_not_frozen if {
	inp := request(intent("k8s.restart", "prod", ["orders-db-old"], true), agent, small)
	count(data.clearance.deny) == 0 with input as inp
}
