package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/counter"
	"motcua/data"
)

// noticeRun is a notice dialog open on the desk's window, with what it
// printed and issued.
type noticeRun struct {
	n       *noticeDialog
	printer fakePrinter
	issued  []data.Dossier
}

func openNotice(h *harness, kind, code string) *noticeRun {
	r := &noticeRun{}
	r.n = newNoticeDialog(h.u, kind, code, r.printer.send, func(k string, d data.Dossier, _ printed) {
		if k != kind {
			h.t.Errorf("issued a %s, want a %s", k, kind)
		}
		r.issued = append(r.issued, d)
	})
	return r
}

func (h *harness) dialogOpen() bool { return h.u.Window().Canvas().Overlays().Top() != nil }

func TestNoticeDialogMarksTheBadField(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	cases := []struct {
		name        string
		kind        string
		code, items string
		field       string // the field marked
		want        string // part of its message
	}{
		{"no code", counter.KindRefusal, "", "Không thuộc thẩm quyền", data.FieldNoticeCode, "mã hồ sơ"},
		{"no papers", counter.KindSupplement, d.Code, "", data.FieldNoticeItems, "giấy tờ cần bổ sung"},
		{"blank reasons", counter.KindRefusal, d.Code, " \n\t\n", data.FieldNoticeItems, "lý do từ chối"},
		{"no such dossier", counter.KindSupplement, "000.30.12.H30-270203-1999", "Tờ khai", data.FieldNoticeCode, "Không tìm thấy"},
		{"typed with the Vietnamese keyboard on", counter.KindSupplement, "ăâđ", "Tờ khai", data.FieldNoticeCode, "bộ gõ tiếng Việt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := openNotice(h, c.kind, "")
			n := r.n
			defer n.d.Hide()
			n.code.SetText(c.code)
			n.items.SetText(c.items)
			test.Tap(n.issue)
			h.wait()

			bad, otherName := n.code, data.FieldNoticeItems
			if c.field == data.FieldNoticeItems {
				bad, otherName = n.items, data.FieldNoticeCode
			}
			if msg := n.form.message(c.field); !strings.Contains(msg, c.want) {
				t.Errorf("under the field: %q, want %q (summary %q)", msg, c.want, n.msg.Text)
			}
			if msg := n.form.message(otherName); msg != "" {
				t.Errorf("the good field says %q", msg)
			}
			if h.focused() != bad {
				t.Errorf("the cursor is in %T, not the bad field", h.focused())
			}
			if !h.dialogOpen() || len(r.issued) != 0 || len(r.printer.paths) != 0 {
				t.Errorf("a bad notice: dialog open %v, issued %d, printed %v", h.dialogOpen(), len(r.issued), r.printer.paths)
			}
			if got, _ := h.db.Dossier(context.Background(), d.Code); got.Status != data.StatusReceived {
				t.Fatalf("a bad notice moved the dossier to %s", got.Status)
			}

			// Editing the bad field takes its message away.
			test.Type(bad, "x")
			if msg := n.form.message(c.field); msg != "" {
				t.Errorf("after editing: %q under the field", msg)
			}
		})
	}
}

func TestNoticeDialogIssuesAndCloses(t *testing.T) {
	h := openDesk(t)
	cases := []struct {
		name    string
		kind    string
		confirm bool // a refusal is asked once more
		status  data.Status
	}{
		{"supplement", counter.KindSupplement, false, data.StatusSupplement},
		{"refusal", counter.KindRefusal, true, data.StatusRefused},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := h.takeDossier("")
			r := openNotice(h, c.kind, d.Code)
			if h.focused() != r.n.items {
				t.Fatalf("with the code given the cursor is in %T, not the items", h.focused())
			}
			test.Type(r.n.items, "Bản sao giấy khai sinh\nTờ khai")
			test.Tap(r.n.issue)
			if c.confirm {
				h.confirm()
			} else {
				h.wait()
			}
			got, err := h.db.Dossier(context.Background(), d.Code)
			if err != nil || got.Status != c.status {
				t.Fatalf("status %s (%v), want %s", got.Status, err, c.status)
			}
			if len(r.issued) != 1 || r.issued[0].Code != d.Code || r.issued[0].Status != c.status {
				t.Errorf("issued %+v", r.issued)
			}
			if len(r.printer.paths) != 1 || !strings.Contains(r.printer.paths[0], d.Code+"-"+c.kind) {
				t.Errorf("printed %v", r.printer.paths)
			}
			if h.dialogOpen() {
				t.Errorf("the dialog stayed open:\n%s", h.overlayText())
			}
		})
	}
}

// TestNoticeDialogKeepsF2: F2, which sends a scan to the window's scan
// field, sends it to the dialog's code field while the dialog is open.
func TestNoticeDialogKeepsF2(t *testing.T) {
	h := openDesk(t)
	r := openNotice(h, counter.KindSupplement, "000.30.12.H30-270203-1001")
	if h.focused() != r.n.items {
		t.Fatalf("the cursor is in %T, not the items", h.focused())
	}
	r.n.items.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	if h.focused() != r.n.code {
		t.Errorf("F2 put the cursor in %T, not the dialog's code field", h.focused())
	}
}
