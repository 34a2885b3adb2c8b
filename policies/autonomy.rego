# Governed autonomy: low-risk work outside production clears without humans.
package clearance

import rego.v1

default auto_approve := false

auto_approve if {
	not production
	input.intent.spec.risk.reversible == true
	input.blast_radius.summary.count <= data.auto_approve.max_blast_radius
}
