package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

func TestPreviewBarSaysWhatSavingWouldDo(t *testing.T) {
	open(t, vn(2027, 1, 10, 9, 0), true)
	b := newPreviewBar(func() {}, func() {})
	missing := func(err error, days string, noDue bool) string { return "thiếu: " + days }
	due := vn(2027, 1, 14, 0, 0)
	invalid := data.Errorf(data.EInvalid, "Hồ sơ chưa hợp lệ.")
	cases := []struct {
		name           string
		chosen         bool
		r              previewed
		err            error
		code, dueText  string
		note           string
		noteImportance widget.Importance
	}{
		{"no procedure", false, previewed{}, nil, "—", "", "Chọn thủ tục", widget.LowImportance},
		{"ready", true, previewed{dossier: data.Dossier{Code: firstCode}, due: due, days: 3}, nil, firstCode, "14/01/2027", "Đủ thông tin", widget.SuccessImportance},
		{"missing fields", true, previewed{err: invalid, due: due, days: 3}, nil, "cấp khi đủ thông tin", "14/01/2027", "thiếu: 3 ngày làm việc", widget.LowImportance},
		{"no time limit", true, previewed{err: invalid}, nil, "cấp khi đủ thông tin", "Chưa tính được", "thiếu", widget.LowImportance},
		{"desk failed", true, previewed{}, data.Errorf(data.EConflict, "Máy trạm đã dùng hết số."), "—", "", "Máy trạm đã dùng hết số.", widget.DangerImportance},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b.show(c.chosen, c.r, c.err, missing)
			if !strings.Contains(b.code.Text, c.code) || !strings.Contains(b.due.Text, c.dueText) || (c.dueText == "" && b.due.Text != "") {
				t.Errorf("code %q, due %q", b.code.Text, b.due.Text)
			}
			if !strings.Contains(b.note.Text, c.note) || b.note.Importance != c.noteImportance {
				t.Errorf("note %q (importance %v)", b.note.Text, b.note.Importance)
			}
		})
	}
}

func TestPreviewBarMarkup(t *testing.T) {
	open(t, vn(2027, 1, 10, 9, 0), true)
	b := newPreviewBar(func() {}, func() {})
	b.show(true, previewed{dossier: data.Dossier{Code: firstCode}, due: vn(2027, 1, 14, 0, 0), days: 3}, nil, nil)
	assertMarkup(t, "intake/preview.xml", b.content, fyne.NewSize(620, 160))
}
