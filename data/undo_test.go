package data

import (
	"strings"
	"testing"
	"time"
)

func TestLastChangeToUndo(t *testing.T) {
	const code = "000.30.12.H30-270203-1001"
	at := time.Date(2027, 2, 3, 9, 0, 0, 0, Zone)
	n := 0
	ev := func(action string, from, to Status) Event {
		n++
		return Event{At: at.Add(time.Duration(n) * time.Hour), Actor: "Trần Văn Bình", Action: action, From: from, To: to}
	}
	intake := func() Event { return ev("intake", "", StatusReceived) }
	status := func(from, to Status) Event { return ev("status", from, to) }
	tests := []struct {
		name    string
		history []Event
		// back is the status the undo returns to; "" when refused, with
		// bad in the message.
		back Status
		bad  string
	}{
		{"result ready by mistake", []Event{intake(), status(StatusReceived, StatusTransferred), status(StatusTransferred, StatusResultReady)}, StatusTransferred, ""},
		{"result ready at the counter", []Event{intake(), status(StatusReceived, StatusResultReady)}, StatusReceived, ""},
		{"transferred", []Event{intake(), status(StatusReceived, StatusTransferred)}, StatusReceived, ""},
		{"returned", []Event{intake(), status(StatusReceived, StatusResultReady), status(StatusResultReady, StatusReturned)}, StatusResultReady, ""},
		{"withdrawn", []Event{intake(), status(StatusReceived, StatusTransferred), status(StatusTransferred, StatusWithdrawn)}, StatusTransferred, ""},
		{"supplement back", []Event{intake(), status(StatusReceived, StatusSupplement), status(StatusSupplement, StatusReceived)}, StatusSupplement, ""},
		{"lines after it that change no status", []Event{intake(), status(StatusReceived, StatusResultReady),
			ev("fees", StatusResultReady, StatusResultReady)}, StatusReceived, ""},
		{"an agency's result", []Event{intake(), status(StatusReceived, StatusTransferred),
			{At: at.Add(9 * time.Hour), Actor: "Phòng Tư pháp", Action: "status", From: StatusTransferred, To: StatusResultReady}}, StatusTransferred, ""},

		{"nothing but the intake", []Event{intake()}, "", "chưa có thay đổi trạng thái"},
		{"no history", nil, "", "chưa có thay đổi trạng thái"},
		{"refused (Mẫu 03)", []Event{intake(), status(StatusReceived, StatusRefused)}, "", "phiếu từ chối"},
		{"supplement (Mẫu 02)", []Event{intake(), status(StatusReceived, StatusSupplement)}, "", "phiếu yêu cầu bổ sung"},
		{"stopped (Mẫu 05)", []Event{intake(), status(StatusReceived, StatusStopped)}, "", "thông báo dừng"},
		{"an undo", []Event{intake(), status(StatusReceived, StatusResultReady), ev(ActionUndo, StatusResultReady, StatusReceived)}, "", "vừa được hoàn tác"},
		{"the province's status", []Event{intake(), status(StatusReceived, StatusResultReady),
			ev("sync.rejected", StatusResultReady, StatusReceived)}, "", "tỉnh"},
		{"result with the postman", []Event{intake(), status(StatusReceived, StatusResultReady),
			ev(UpdateToPost, StatusResultReady, StatusResultReady)}, "", "bưu điện"},
		{"delivered by post", []Event{intake(), status(StatusReceived, StatusResultReady),
			ev(UpdateToPost, StatusResultReady, StatusResultReady), status(StatusResultReady, StatusReturned)}, "", "bưu điện"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := LastChange(code, tt.history)
			if tt.back == "" {
				if ErrorCode(err) != EConflict || !strings.Contains(ErrorMessage(err), tt.bad) || !strings.Contains(ErrorMessage(err), code) {
					t.Errorf("refusal %v, want a conflict naming %s saying %q", err, code, tt.bad)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			// The change undone is the last that moved the status, never
			// an older one: undoing an older would leave the later
			// standing on a status the dossier no longer has.
			var last Event
			for _, h := range tt.history {
				if h.From != h.To {
					last = h
				}
			}
			if e != last || e.From != tt.back {
				t.Errorf("undoes %+v, want %+v back to %s", e, last, tt.back)
			}
		})
	}
}

func TestCleanUndoReason(t *testing.T) {
	tests := []struct {
		name, reason, want string
		bad                string // in the field's message; "" when fit
	}{
		{"good", "  Bấm nhầm hồ sơ  khác ", "Bấm nhầm hồ sơ khác", ""},
		{"decomposed", "Bấm nha\u0302\u0300m", "Bấm nhầm", ""},
		{"empty", "", "", "chưa ghi lý do hoàn tác"},
		{"spaces", "   \t ", "", "chưa ghi lý do hoàn tác"},
		{"invisible", "\u200b\u200b", "", "không nhìn thấy"},
		{"control", "Bấm\x00nhầm", "", "điều khiển"},
		{"bidi", "Bấm \u202enhầm", "", "đảo chiều"},
		{"longest", strings.Repeat("ư", MaxUndoReason), strings.Repeat("ư", MaxUndoReason), ""},
		{"too long", strings.Repeat("ư", MaxUndoReason+1), "", "dài quá"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CleanUndoReason(tt.reason)
			if tt.bad == "" {
				if err != nil || got != tt.want {
					t.Errorf("%q %v, want %q", got, err, tt.want)
				}
				return
			}
			de, ok := err.(*Error)
			if !ok || de.Code != EInvalid || len(de.Fields) != 1 || de.Fields[0].Field != FieldUndoReason || !strings.Contains(de.Fields[0].Message, tt.bad) {
				t.Errorf("error %v, want %s saying %q", err, FieldUndoReason, tt.bad)
			}
		})
	}
}
