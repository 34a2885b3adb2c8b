package clearance_test

import rego.v1

with_history(h) := object.union(benign, {"history": h})

test_rate_limit_denies_the_21st_proposal_in_an_hour if {
	inp := with_history({"proposals_last_hour": 20, "proposals_last_day": 20, "open_proposals": 0, "budget_usd_last_day": 0})
	some msg in data.clearance.deny with input as inp
	contains(msg, "rate limit: 20 proposals in the last hour")
}

test_under_the_rate_limit_passes if {
	inp := with_history({"proposals_last_hour": 19, "proposals_last_day": 19, "open_proposals": 0, "budget_usd_last_day": 0})
	count(data.clearance.deny) == 0 with input as inp
}

test_daily_budget_counts_this_change if {
	i := object.union(benign.intent, {"spec": {"limits": {"budget_usd": 10.5}}})
	inp := object.union(with_history({"proposals_last_hour": 0, "proposals_last_day": 3, "open_proposals": 0, "budget_usd_last_day": 40}), {"intent": i})
	some msg in data.clearance.deny with input as inp
	contains(msg, "daily budget")
}

test_within_budget_passes if {
	i := object.union(benign.intent, {"spec": {"limits": {"budget_usd": 9.5}}})
	inp := object.union(with_history({"proposals_last_hour": 0, "proposals_last_day": 3, "open_proposals": 0, "budget_usd_last_day": 40}), {"intent": i})
	count(data.clearance.deny) == 0 with input as inp
}
