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
	if a.banner.Importance != widget.WarningImportance || !strings.Contains(a.banner.Text, "thiếu trường") || !strings.Contains(a.banner.Text, "tiếng Anh") {
		t.Errorf("short card: %q", a.banner.Text)
	}
}

// A scan that lost its Vietnamese letters on the way is not called read:
// an amber line says what looks wrong and to switch the keyboard to
// English; a good one is read.
func TestApplicantFormGarbledScans(t *testing.T) {
	_, s, _ := openIntake(t)
	a := s.applicant
	for _, tc := range []struct {
		name, text string
		says       []string // in the line; nil: read correctly
	}{
		{"dropped letters", "094195000001||Trn Th Ngc Hn|05051995|Nữ|Sóc Trăng|07072021", []string{"“Trn”", "không có nguyên âm", "Unikey/EVKey", "tiếng Anh"}},
		{"ascii only", "094195000001||Tran Thi Ngoc Han|05051995|Nu|Soc Trang|07072021", []string{"không có dấu nào", "Giới tính", "tiếng Anh"}},
		{"missing fields", "094195000001||Trn Th Hn|05051995", []string{"thiếu trường", "“Trn”", "tiếng Anh"}},
		{"good", "092088001234||Lê Văn Tư|29021988|Nam|Cần Thơ|01012022", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a.fill(scan.Parse(tc.text))
			if tc.says == nil {
				if a.banner.Importance != widget.SuccessImportance || !strings.Contains(a.banner.Text, "Đã đọc căn cước") {
					t.Fatalf("good scan: %q (%v)", a.banner.Text, a.banner.Importance)
				}
				return
			}
			if a.banner.Importance != widget.WarningImportance || strings.Contains(a.banner.Text, "Đã đọc") {
				t.Errorf("line %q in importance %v, want amber and not read", a.banner.Text, a.banner.Importance)
			}
			for _, w := range tc.says {
				if !strings.Contains(a.banner.Text, w) {
					t.Errorf("line %q does not say %q", a.banner.Text, w)
				}
			}
		})
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
