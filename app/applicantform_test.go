package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/intake"
	"motcua/data/scan"
)

func TestApplicantFormReadsTheApplicantAndTheChannels(t *testing.T) {
	_, s, _ := openIntake(t)
	a := s.applicant
	a.fill(scan.Parse(citizenCard))
	if a.name.Text != citizenName || a.birth.Text != citizenBirth || !strings.Contains(a.banner.Text, citizenName) {
		t.Fatalf("card filled name %q, birth %q, banner %q", a.name.Text, a.birth.Text, a.banner.Text)
	}
	a.phone.SetText("0912345678")
	a.channel.SetSelected(a.channel.Options[1])
	a.returnMethod.SetSelected(a.returnMethod.Options[1])
	if !a.postalRow.Visible() || !a.returnRow.Visible() {
		t.Fatal("the postal item and the return address are not asked")
	}
	a.postalItem.SetText("RR123456785VN")
	a.returnAddress.SetText("Hộp thư 12")

	var req data.IntakeRequest
	var bad data.Fields
	a.read(&req, &bad)
	if req.Applicant.Name != citizenName || req.Applicant.IDNumber != citizenID || req.Applicant.BirthDate.Format("02/01/2006") != citizenBirth ||
		req.Channel != data.ChannelPostal || req.PostalItem != "RR123456785VN" || req.ReturnMethod != data.ReturnPost || req.ReturnAddress != "Hộp thư 12" || len(bad) != 0 {
		t.Errorf("read %+v, bad %+v", req, bad)
	}

	// Back at the counter, the post's fields are neither asked nor sent.
	a.channel.SetSelected(a.channel.Options[0])
	a.birth.SetText("31/02/1990")
	req, bad = data.IntakeRequest{}, nil
	a.read(&req, &bad)
	if a.postalRow.Visible() || req.PostalItem != "" || len(bad) != 1 || bad[0].Field != intake.FieldBirthDate {
		t.Errorf("at the counter: row shown %v, item %q, bad %+v", a.postalRow.Visible(), req.PostalItem, bad)
	}

	// A card that lost fields on its way says so.
	a.fill(scan.Parse(citizenID + "|361234567|" + citizenName))
	if a.banner.Importance != widget.DangerImportance || !strings.Contains(a.banner.Text, "thiếu trường") {
		t.Errorf("short card: %q", a.banner.Text)
	}
}

func TestApplicantFormMarkup(t *testing.T) {
	h, _, _ := openIntake(t)
	s := newIntakeScreen(h.u)
	a := s.applicant
	a.fill(scan.Parse(citizenCard))
	a.channel.SetSelected(a.channel.Options[1])
	s.showErrors(fieldsErr(intake.FieldPhone, "số điện thoại 123 phải gồm 10 chữ số", intake.FieldPostalItem, "hồ sơ qua bưu chính phải có số hiệu bưu gửi"))
	assertMarkup(t, "intake/applicant.xml", a.content, fyne.NewSize(620, 560))
}
