# Freeze windows: production changes wait unless labelled `emergency: "true"`.
package clearance

import rego.v1

deny contains msg if {
	production
	not emergency
	some window in data.freeze_windows
	input.now.date >= window.from
	input.now.date <= window.to
	msg := sprintf("%s (%s to %s): only emergency changes may be proposed for production", [window.reason, window.from, window.to])
}

emergency if input.intent.metadata.labels.emergency == "true"
