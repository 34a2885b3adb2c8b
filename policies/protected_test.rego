package clearance_test

import rego.v1

test_protected_target_is_denied if {
	r := radius([service("payments-db", 0, ["team-payments"], ["pci"], "target")])
	inp := request(intent("rds.reboot", "staging", ["payments-db"], true), agent, r)
	some msg in data.clearance.deny with input as inp
	contains(msg, "target \"payments-db\" is protected")
}

test_protected_list_comes_from_data if {
	inp := request(intent("k8s.restart", "staging", ["orders-db-old"], true), agent, small)
	some msg in data.clearance.deny with input as inp with data.protected_targets as ["orders-db-old"]
	contains(msg, "is protected")
}
