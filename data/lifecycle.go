package data

// transitions lists, for each status, the statuses a dossier may move to.
// Refused, returned and withdrawn dossiers are closed.
var transitions = map[Status][]Status{
	StatusReceived:    {StatusTransferred, StatusResultReady, StatusSupplement, StatusRefused, StatusWithdrawn},
	StatusSupplement:  {StatusReceived, StatusRefused, StatusWithdrawn},
	StatusTransferred: {StatusResultReady, StatusSupplement, StatusRefused, StatusWithdrawn},
	StatusResultReady: {StatusReturned},
}

// CanTransition reports whether a dossier in status from may move to to.
func CanTransition(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// TransitionError is the officer's message for a refused transition.
func TransitionError(code string, from, to Status) error {
	return Errorf(EConflict, "Hồ sơ %s đang ở trạng thái %q, không thể chuyển sang %q.", code, from.Label(), to.Label())
}
