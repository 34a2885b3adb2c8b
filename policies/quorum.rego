# Production needs approvers from the teams that own the targets; more when the change
# reaches a tier-0 service or many services. Regulated data adds a security approver.
package clearance

import rego.v1

production if input.intent.spec.environment in data.production_environments

owning_teams contains team if {
	some service in input.blast_radius.impacted
	service.via == "target"
	some team in service.owners
}

default quorum_size := 1

quorum_size := 2 if input.blast_radius.summary.most_critical_tier == 0

quorum_size := 2 if input.blast_radius.summary.count > data.large_blast_radius

approvals contains {"group": team, "count": quorum_size} if {
	production
	some team in owning_teams
}

# Nobody owns the targets: the platform team decides.
approvals contains {"group": "platform", "count": quorum_size} if {
	production
	count(owning_teams) == 0
}

approvals contains {"group": data.security_group, "count": 1} if {
	production
	some class in input.blast_radius.summary.data_classes
	class in data.regulated_data
}

warn contains msg if {
	production
	input.intent.spec.risk.reversible == false
	not input.intent.spec.rollback
	msg := "irreversible production change without a rollback plan"
}

warn contains msg if {
	input.blast_radius.summary.async_count > 0
	msg := sprintf("%d service(s) depend on the targets asynchronously and may degrade", [input.blast_radius.summary.async_count])
}
