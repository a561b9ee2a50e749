package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// deskView is a dossier as the return desk shows it.
func deskView(status data.Status) data.DossierView {
	d := data.Dossier{Code: "000.30.12.H30-270203-1001", ProcedureCode: "1.004837", ProcedureName: "Thủ tục đăng ký giám hộ",
		Applicant: deskApplicant, Documents: []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}, {Name: "Bản sao giấy khai sinh", Copies: 1}},
		Channel: data.ChannelCounter, ReturnMethod: data.ReturnCounter, ReceivedAt: vn(2027, 2, 3, 9, 0),
		DueDate: time.Date(2027, 2, 15, 0, 0, 0, 0, data.Zone), Status: status, Officer: "Trần Văn Bình"}
	return data.DossierView{Dossier: d, Manifests: []string{"270203-101"}, History: []data.Event{
		{At: vn(2027, 2, 3, 9, 0), Actor: "Trần Văn Bình", Action: "intake", To: data.StatusReceived, Note: "Tiếp nhận trực tiếp"}}}
}

func TestDossierDetailShowsTheDossierAndItsActions(t *testing.T) {
	h := openDesk(t)
	d := h.u.returns.dossier
	cases := []struct {
		name                              string
		v                                 func() data.DossierView
		due                               string
		importance                        widget.Importance
		ready, transfer, handOver, apolog bool
	}{
		{"on time", func() data.DossierView { return deskView(data.StatusReceived) }, "15/02/2027", widget.MediumImportance, true, true, false, true},
		{"due soon", func() data.DossierView { v := deskView(data.StatusTransferred); v.DueSoon = true; return v }, "sắp đến hạn", widget.WarningImportance, true, false, false, true},
		{"late", func() data.DossierView { v := deskView(data.StatusReceived); v.Late = 3; return v }, "quá hạn 3 ngày", widget.DangerImportance, true, true, false, true},
		{"apologised", func() data.DossierView {
			v := deskView(data.StatusReceived)
			v.History = append(v.History, data.Event{Action: "apology"})
			return v
		}, "15/02/2027", widget.MediumImportance, true, true, false, false},
		{"ready", func() data.DossierView { return deskView(data.StatusResultReady) }, "15/02/2027", widget.MediumImportance, false, false, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d.show(c.v())
			if !strings.Contains(d.due.Text, c.due) || d.due.Importance != c.importance {
				t.Errorf("due %q (importance %v)", d.due.Text, d.due.Importance)
			}
			for _, b := range []struct {
				name string
				btn  *widget.Button
				on   bool
			}{{"ready", d.ready, c.ready}, {"transfer", d.transfer, c.transfer}, {"hand over", d.handOver, c.handOver}, {"apology", d.apology, c.apolog}} {
				if b.btn.Disabled() == b.on {
					t.Errorf("%s enabled %v, want %v", b.name, !b.btn.Disabled(), b.on)
				}
			}
		})
	}
	if d.idNumber.Text != "********1234" || !d.showID.Visible() {
		t.Errorf("ID %q", d.idNumber.Text)
	}
	if !strings.Contains(d.docs.Text, "Bản sao giấy khai sinh — 1 bản sao") || len(d.timeline.Objects) != 1 || len(d.travelled.Objects) != 1 {
		t.Errorf("documents %q, %d events, %d manifests", d.docs.Text, len(d.timeline.Objects), len(d.travelled.Objects))
	}
}

func TestDossierDetailMarkup(t *testing.T) {
	h := openDesk(t)
	d := newDossierDetail(h.u.returns)
	v := deskView(data.StatusReceived)
	v.Late = 2
	d.show(v)
	assertMarkup(t, "returns/dossier.xml", stacked(d.header, d.info, d.actions, d.timeline), fyne.NewSize(760, 520))
}

func TestDossierDetailShowsTheCitizensRating(t *testing.T) {
	h := openDesk(t)
	d := h.u.returns.dossier
	v := deskView(data.StatusReturned)
	d.show(v)
	if !strings.Contains(d.rating.Text, "Chưa đánh giá") {
		t.Errorf("no rating yet: %q", d.rating.Text)
	}
	v.Rating = &data.Rating{DossierCode: v.Dossier.Code, Level: data.RatingUnsatisfied, Comment: "Chờ lâu",
		RatedAt: vn(2027, 2, 20, 8, 30).UTC()}
	d.show(v)
	if want := "Không hài lòng — 08:30 20/02/2027\n“Chờ lâu”"; d.rating.Text != want || d.rating.Importance != widget.WarningImportance {
		t.Errorf("rating %q (importance %v), want %q", d.rating.Text, d.rating.Importance, want)
	}
}
