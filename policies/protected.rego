# Protected targets: agents may not change them at all.
package clearance

import rego.v1

deny contains msg if {
	some target in input.intent.spec.targets
	target in data.protected_targets
	msg := sprintf("target %q is protected: agents may not change it", [target])
}
