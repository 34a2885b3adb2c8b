# Per-agent rate limit and daily budget.
package clearance

import rego.v1

deny contains msg if {
	input.history.proposals_last_hour >= data.limits.proposals_per_hour
	msg := sprintf("rate limit: %d proposals in the last hour (limit %d)", [input.history.proposals_last_hour, data.limits.proposals_per_hour])
}

default requested_budget := 0

requested_budget := input.intent.spec.limits.budget_usd

deny contains msg if {
	spent := input.history.budget_usd_last_day + requested_budget
	spent > data.limits.budget_usd_per_day
	msg := sprintf("daily budget: this change would bring the agent to %v USD in 24 hours (limit %v)", [spent, data.limits.budget_usd_per_day])
}
