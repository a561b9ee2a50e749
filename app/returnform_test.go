package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/data/returns"
)

func TestReturnFormShowsTheFormOrTheRecord(t *testing.T) {
	h := openDesk(t)
	f := h.u.returns.handover
	cases := []struct {
		name             string
		v                data.DossierView
		form, hint, note bool
	}{
		{"not ready", deskView(data.StatusReceived), true, true, false},
		{"ready", deskView(data.StatusResultReady), true, false, false},
		{"withdrawn", deskView(data.StatusWithdrawn), false, false, false},
		{"returned", func() data.DossierView {
			v := deskView(data.StatusReturned)
			v.Return = &data.Return{DossierCode: v.Dossier.Code, At: vn(2027, 2, 10, 9, 30), Officer: "Trần Văn Bình",
				Name: "Lê Văn Tư", IDNumber: "092085000111", Authorised: true, Authorisation: "Giấy ủy quyền ngày 01/02/2027"}
			return v
		}(), false, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f.show(c.v)
			if f.returnForm.Visible() != c.form || f.returnHint.Visible() != c.hint || f.returnNote.Visible() != c.note || f.returnRecord.Visible() != c.note {
				t.Errorf("form %v, hint %v, record %v", f.returnForm.Visible(), f.returnHint.Visible(), f.returnRecord.Visible())
			}
		})
	}
	if !strings.Contains(f.returnRecord.Text, "Lê Văn Tư") || !strings.Contains(f.returnRecord.Text, "********0111") {
		t.Errorf("record %q", f.returnRecord.Text)
	}
}

func TestReturnFormNamesWhatAnAuthorisedPersonLacks(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	h.setStatus(d.Code, data.StatusResultReady)
	s := h.openDossier(d.Code)
	f := s.handover
	test.Tap(f.authorised)
	test.Type(f.authName, "Lê Văn Tư")
	test.Tap(f.returnBtn)
	h.wait()
	for name, named := range map[string]bool{returns.FieldRecipientID: true, returns.FieldAuthorisedName: false, returns.FieldAuthorisation: true} {
		if (f.form.message(name) != "") != named {
			t.Errorf("%s named %v, want %v", name, !named, named)
		}
	}
	if h.focused() != f.recipientID || !strings.Contains(f.returnMsg.Text, "Chưa trả được kết quả") {
		t.Errorf("message %q", f.returnMsg.Text)
	}
	test.Type(f.recipientID, "092085000111")
	if f.form.message(returns.FieldRecipientID) != "" || f.form.message(returns.FieldAuthorisation) == "" {
		t.Error("editing a field cleared the wrong messages")
	}
}

func TestReturnFormMarkup(t *testing.T) {
	h := openDesk(t)
	f := newReturnForm(h.u.returns)
	f.show(deskView(data.StatusResultReady))
	f.authorised.SetChecked(true)
	f.showErrors(fieldsErr(returns.FieldAuthorisation, "chưa ghi giấy ủy quyền (số, ngày, người ủy quyền)"))
	assertMarkup(t, "returns/returnform.xml", f.content, fyne.NewSize(700, 360))
}
