package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestLanguageSwitchKeepsIntake(t *testing.T) {
	backToVietnamese(t)
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "dang ky giam ho")
	test.Type(s.applicant.name, citizenName)
	test.Type(s.applicant.idNumber, citizenID)
	s.papers.docs[0].check.SetChecked(true)
	s.papers.docs[0].copies.SetText("2")
	s.papers.extra.SetText("Giấy uỷ quyền")
	s.papers.onAddExtra()
	code, docs := s.procedure.proc.Code, len(s.papers.docs)

	h.u.onLanguage(English)
	h.wait()

	s = h.u.intake
	if s.procedure.proc.Code != code || s.procedure.picker.search.Text != code {
		t.Errorf("procedure %q (field %q) after switching, want %q", s.procedure.proc.Code, s.procedure.picker.search.Text, code)
	}
	if s.applicant.name.Text != citizenName || s.applicant.idNumber.Text != citizenID {
		t.Errorf("applicant %q, %q after switching", s.applicant.name.Text, s.applicant.idNumber.Text)
	}
	if len(s.papers.docs) != docs {
		t.Fatalf("%d papers after switching, want %d", len(s.papers.docs), docs)
	}
	first, last := s.papers.docs[0], s.papers.docs[docs-1]
	if !first.check.Checked || first.copies.Text != "2" || s.papers.docs[1].check.Checked {
		t.Errorf("first paper ticked %v with %q copies after switching; second ticked %v", first.check.Checked, first.copies.Text, s.papers.docs[1].check.Checked)
	}
	if !last.extra || last.name != "Giấy uỷ quyền" || !last.check.Checked {
		t.Errorf("added paper %+v after switching", last)
	}
}
