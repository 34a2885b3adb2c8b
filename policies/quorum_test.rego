package clearance_test

import rego.v1

test_staging_needs_no_approvers if {
	count(data.clearance.approvals) == 0 with input as benign
}

test_production_needs_one_approver_from_the_owning_team if {
	inp := request(intent("k8s.restart", "prod", ["orders-db-old"], true), agent, small)
	data.clearance.approvals == {{"group": "team-orders", "count": 1}} with input as inp
}

test_reaching_tier_0_needs_two if {
	r := radius([
		service("orders-db", 1, ["team-orders"], [], "target"),
		service("checkout", 0, ["team-payments"], [], "sync"),
	])
	inp := request(intent("k8s.restart", "prod", ["orders-db"], true), agent, r)
	data.clearance.approvals == {{"group": "team-orders", "count": 2}} with input as inp
}

test_a_wide_radius_needs_two if {
	r := radius([service("orders-db", 2, ["team-orders"], [], "target"), service("a", 2, [], [], "sync"), service("b", 3, [], [], "async")])
	inp := request(intent("k8s.restart", "prod", ["orders-db"], true), agent, r)
	data.clearance.approvals == {{"group": "team-orders", "count": 2}} with input as inp with data.large_blast_radius as 2
}

test_regulated_data_adds_security if {
	r := radius([service("orders-db", 2, ["team-orders"], ["pii"], "target")])
	inp := request(intent("k8s.restart", "prod", ["orders-db"], true), agent, r)
	{"group": "security", "count": 1} in data.clearance.approvals with input as inp
}

test_unowned_targets_go_to_platform if {
	r := radius([service("orphan", 2, [], [], "target")])
	inp := request(intent("k8s.restart", "prod", ["orphan"], true), agent, r)
	data.clearance.approvals == {{"group": "platform", "count": 1}} with input as inp
}

test_irreversible_production_change_without_rollback_warns if {
	inp := request(intent("k8s.restart", "prod", ["orders-db-old"], false), agent, small)
	"irreversible production change without a rollback plan" in data.clearance.warn with input as inp
}
