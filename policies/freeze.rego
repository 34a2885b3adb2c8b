# Freeze windows: production changes wait unless labelled `emergency: "true"`. The label is
# the agent's own word, so an emergency in a freeze also needs an approver from the
# break-glass group named in data (`break_glass_group`), on top of the usual quorum.
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

in_freeze if {
	some window in data.freeze_windows
	input.now.date >= window.from
	input.now.date <= window.to
}

approvals contains {"group": data.break_glass_group, "count": 1} if {
	production
	emergency
	in_freeze
}

warn contains msg if {
	production
	emergency
	in_freeze
	msg := sprintf("emergency change during a freeze: needs an approver from %s (break glass)", [data.break_glass_group])
}
