# Placeholder policy: evaluation arrives with the policy engine. Until then every proposal
# waits for a human (state `pending`).
package clearance

default auto_approve := false
