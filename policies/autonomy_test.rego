package clearance_test

import rego.v1

test_small_reversible_staging_change_is_auto_approved if {
	data.clearance.auto_approve with input as benign
}

test_production_is_never_auto_approved if {
	inp := request(intent("k8s.restart", "prod", ["orders-db-old"], true), agent, small)
	not data.clearance.auto_approve with input as inp
}

test_irreversible_is_not_auto_approved if {
	inp := request(intent("k8s.restart", "staging", ["orders-db-old"], false), agent, small)
	not data.clearance.auto_approve with input as inp
}

test_a_wide_radius_is_not_auto_approved if {
	r := radius([service("a", 2, [], [], "target"), service("b", 2, [], [], "sync"), service("c", 2, [], [], "sync"), service("d", 2, [], [], "sync")])
	inp := request(intent("k8s.restart", "staging", ["a"], true), agent, r)
	not data.clearance.auto_approve with input as inp
}
