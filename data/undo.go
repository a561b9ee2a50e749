package data

// A supervisor undoes a status set by mistake: the dossier goes back to
// the status before its last status change, with a reason, in its
// history and the audit trail, and the province learns of it as a
// dossier.status change marked Undo.
//
// Only the last change is undone: every later change rests on it (a
// result came back from the agency the dossier was sent to), so undoing
// an older one would leave the later standing on a status the dossier no
// longer has. An undo is undone by no further undo: the officer sets the
// status again the ordinary way, and the history keeps both lines.
// Not undone either:
//   - a change that gave the applicant a paper: the request to supplement
//     (Mẫu 02), the refusal (Mẫu 03), the stop notice (Mẫu 05). The
//     applicant holds it; taking it back is a new paper, not an undo;
//   - the intake: a dossier is never deleted, its number is never reused;
//   - a status the province put back when it refused a change;
//   - a result handed to the post for delivery, and its delivery: the
//     signed to-citizen manifest and the post's reports record them.

// ActionUndo is the history line of an undo: From is the status undone,
// To the status the dossier went back to, the note the reason.
const ActionUndo = "undo"

// ActionSyncRejected is the history line of a status the province put
// back when it refused a change.
const ActionSyncRejected = "sync.rejected"

// FieldUndoReason is the reason of an undo, as CleanUndoReason names it.
const FieldUndoReason = "reason"

// MaxUndoReason bounds the reason of an undo, in characters.
const MaxUndoReason = 500

// undoable are the statuses a change into which may be undone.
var undoable = map[Status]bool{
	StatusTransferred: true,
	StatusResultReady: true,
	StatusReturned:    true,
	StatusWithdrawn:   true,
	StatusReceived:    true, // a supplemented dossier marked back by mistake
}

// papers names the paper the applicant was given with a change into a
// status no undo takes back.
var papers = map[Status]string{
	StatusSupplement: "phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
	StatusRefused:    "phiếu từ chối tiếp nhận (Mẫu 03)",
	StatusStopped:    "thông báo dừng giải quyết hồ sơ (Mẫu 05)",
}

// LastChange is the status change of a dossier a supervisor may undo,
// from its history (oldest first): its last line that moved the status.
// The undo moves the dossier from its To back to its From. It is an
// EConflict saying why when that change may not be undone.
func LastChange(code string, history []Event) (Event, error) {
	last, ready := -1, -1
	for i, e := range history {
		if e.From != e.To {
			last = i
			if e.To == StatusResultReady {
				ready = i
			}
		}
	}
	if last < 0 || history[last].Action == "intake" {
		return Event{}, Errorf(EConflict, "Hồ sơ %s chưa có thay đổi trạng thái nào để hoàn tác.", code)
	}
	e := history[last]
	if ready >= 0 {
		for _, later := range history[ready:] {
			if later.Action == UpdateToPost {
				return Event{}, Errorf(EConflict, "Kết quả của hồ sơ %s đã giao bưu điện phát theo biên bản; thay đổi “%s” không hoàn tác được. Việc phát ghi theo biên bản giao kết quả.",
					code, e.To.Label())
			}
		}
	}
	switch {
	case e.Action == ActionUndo:
		return Event{}, Errorf(EConflict, "Trạng thái của hồ sơ %s vừa được hoàn tác; không hoàn tác tiếp được. Nếu cần, hãy chuyển trạng thái theo cách thông thường.", code)
	case e.Action == ActionSyncRejected:
		return Event{}, Errorf(EConflict, "Trạng thái “%s” của hồ sơ %s do tỉnh đặt lại khi từ chối một thay đổi; không hoàn tác được.", e.To.Label(), code)
	case papers[e.To] != "":
		return Event{}, Errorf(EConflict, "Hồ sơ %s đã chuyển sang “%s” kèm %s giao người nộp; không hoàn tác được. Nếu cần, hãy lập giấy tờ mới.",
			code, e.To.Label(), papers[e.To])
	case e.Action != "status" || !undoable[e.To] || !CanTransition(e.From, e.To):
		return Event{}, Errorf(EConflict, "Thay đổi sang “%s” của hồ sơ %s không hoàn tác được.", e.To.Label(), code)
	}
	return e, nil
}

// CleanUndoReason is the reason of an undo cleaned, or an EInvalid error
// naming FieldUndoReason: it is required, printable and at most
// MaxUndoReason characters.
func CleanUndoReason(reason string) (string, error) {
	r := Clean(reason)
	var f Fields
	if r == "" {
		f.Add(FieldUndoReason, "chưa ghi lý do hoàn tác")
	} else if p := CheckText("lý do hoàn tác", r, MaxUndoReason); p != "" {
		f.Add(FieldUndoReason, "%s", p)
	}
	if err := f.Err("Chưa hoàn tác được: lý do chưa hợp lệ."); err != nil {
		return "", err
	}
	return r, nil
}
