package data

import (
	"strings"
	"testing"
)

func TestDecodeChange(t *testing.T) {
	const code = "000.30.12.H30-270203-1001"
	cases := []struct {
		name    string
		kind    ChangeKind
		payload string
		subject string // "" when nothing could be read
		bad     string // in the error; "" when valid
	}{
		{"status", ChangeDossierStatus, `{"code":"` + code + `","from":"received","to":"transferred"}`, code, ""},
		{"undo", ChangeDossierStatus, `{"code":"` + code + `","from":"result-ready","to":"transferred","undo":true,"note":"Bấm nhầm hồ sơ"}`, code, ""},
		{"undo without a reason", ChangeDossierStatus, `{"code":"` + code + `","from":"result-ready","to":"transferred","undo":true,"note":" "}`, code, "lý do hoàn tác"},
		{"undo from nowhere", ChangeDossierStatus, `{"code":"` + code + `","from":"lost","to":"transferred","undo":true,"note":"Bấm nhầm"}`, code, "trạng thái"},
		{"status to nowhere", ChangeDossierStatus, `{"code":"` + code + `","to":"lost"}`, code, "trạng thái"},
		{"update", ChangeDossierUpdated, `{"code":"` + code + `","action":"apology","due_date":"2027-02-22"}`, code, ""},
		{"update of no kind", ChangeDossierUpdated, `{"code":"` + code + `","action":"repaint"}`, code, "loại cập nhật"},
		{"created without a name", ChangeDossierCreated, `{"code":"` + code + `","procedure_code":"1.004837","received_at":"2027-02-03T09:00:00+07:00","due_date":"2027-02-08","status":"received","workstation":1}`, code, "tên người nộp"},
		{"procedure", ChangeProcedure, `{"code":"1.004837","name":"Đăng ký giám hộ"}`, "1.004837", ""},
		{"procedure without code", ChangeProcedure, `{"name":"Đăng ký giám hộ"}`, "", "mã thủ tục"},
		{"override", ChangeOverride, `{"date":"2027-02-05","off":true,"name":"Tết"}`, "2027-02-05", ""},
		{"override on no day", ChangeOverride, `{"date":"2027-02-30","off":true}`, "2027-02-30", "YYYY-MM-DD"},
		{"unreadable", ChangeDossierStatus, `{"code":`, "", "không đọc được thay đổi trạng thái"},
		{"unknown kind", "dossier.painted", `{}`, "", "không có"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := DecodeChange(c.kind, []byte(c.payload))
			switch {
			case c.bad == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.bad != "" && (err == nil || !strings.Contains(err.Error(), c.bad)):
				t.Fatalf("error %v, want one saying %q", err, c.bad)
			case c.bad != "" && ErrorCode(err) != EInvalid:
				t.Errorf("code %s, want invalid", ErrorCode(err))
			}
			got := ""
			if p != nil {
				got = p.Subject()
			}
			if got != c.subject && !(c.subject == "" && p == nil) {
				t.Errorf("subject %q, want %q", got, c.subject)
			}
		})
	}
}

func TestChangeKindsFromWorkstations(t *testing.T) {
	for k, want := range map[ChangeKind]bool{ChangeDossierCreated: true, ChangeDossierStatus: true, ChangeDossierUpdated: true,
		ChangeProcedure: false, ChangeOverride: false, "dossier.painted": false} {
		if got := k.FromWorkstation(); got != want {
			t.Errorf("%s from a workstation: %v, want %v", k, got, want)
		}
	}
}
