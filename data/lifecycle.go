package data

// transitions lists, for each status, the statuses a dossier may move to.
// Refused, returned, withdrawn and stopped dossiers are closed. A dossier
// is stopped (Mẫu số 05 of Circular 03/2025) while it is being processed:
// received, at the agency, or waiting for the applicant's papers.
var transitions = map[Status][]Status{
	StatusReceived:    {StatusTransferred, StatusResultReady, StatusSupplement, StatusRefused, StatusWithdrawn, StatusStopped},
	StatusSupplement:  {StatusReceived, StatusRefused, StatusWithdrawn, StatusStopped},
	StatusTransferred: {StatusResultReady, StatusSupplement, StatusRefused, StatusWithdrawn, StatusStopped},
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
