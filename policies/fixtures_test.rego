# Shared inputs for the policy tests (package clearance_test).
package clearance_test

import rego.v1

agent := {
	"principal": "cost-optimizer",
	"role": "agent",
	"sponsor": "dana",
	"allow": {"actions": ["rds.*", "k8s.restart"], "environments": ["staging", "prod"]},
}

service(id, tier, owners, data_classes, via) := {"id": id, "tier": tier, "depth": 0, "via": via, "owners": owners, "data": data_classes, "tags": []}

radius(impacted) := {
	"targets": [s.id | some s in impacted; s.via == "target"],
	"impacted": impacted,
	"summary": {
		"count": count(impacted),
		"most_critical_tier": min({s.tier | some s in impacted}),
		"async_count": count([s | some s in impacted; s.via == "async"]),
		"data_classes": sort({c | some s in impacted; some c in s.data}),
		"owners": sort({o | some s in impacted; some o in s.owners}),
	},
}

small := radius([service("orders-db-old", 3, ["team-orders"], [], "target")])

intent(action, env, targets, reversible) := {
	"apiVersion": "clearance/v1",
	"kind": "Intent",
	"metadata": {"agent": "cost-optimizer", "labels": {}},
	"spec": {"action": action, "environment": env, "targets": targets, "reason": "test", "risk": {"write": true, "reversible": reversible}},
}

request(i, a, r) := {
	"intent": i,
	"agent": a,
	"blast_radius": r,
	"now": {"date": "2026-05-14", "weekday": "Thursday", "hour": 9},
	"history": {"proposals_last_hour": 0, "proposals_last_day": 0, "open_proposals": 0, "budget_usd_last_day": 0},
}

# A staging restart of a small reversible target by a known agent: nothing to object to.
benign := request(intent("k8s.restart", "staging", ["orders-db-old"], true), agent, small)
