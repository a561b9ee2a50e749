package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// confirmAnnounced shows what the post announced of a scanned item (the
// applicant and the documents) and, once the officer confirms, makes the
// dossier of it and puts it on the manifest. The next scans wait.
func (m *manifestItems) confirmAnnounced(number string, a data.Announced) {
	u := m.s.u
	p := a.PostalAnnouncement
	docs := make([]string, len(p.Documents))
	for i, d := range p.Documents {
		docs[i] = fmt.Sprintf("%d. %s — %s", i+1, d.Name, lang.L("manifest.announced.copies",
			map[string]any{"Originals": d.Originals, "Copies": d.Copies}))
	}
	fee := lang.L("manifest.announced.noFee")
	if n, kind := announcedFeeText(p); n != "" {
		fee = kind + " " + n
	}
	line := func(text string) *widget.Label { return wrapped(text, fyne.TextStyle{}) }
	items := []*widget.FormItem{
		{Text: lang.L("manifest.announced.item"), Widget: line(p.Item + " · " + lang.L("manifest.announced.collected",
			map[string]any{"Time": p.Collected().In(data.Zone).Format("15:04 02/01/2006"), "Postman": p.Postman}))},
		{Text: lang.L("manifest.announced.applicant"), Widget: line(p.Applicant.Name + " · " +
			data.Applicant{IDNumber: p.Applicant.IDNumber}.MaskedID() + "\n" + p.Applicant.Address)},
		{Text: lang.L("manifest.announced.procedure"), Widget: line(p.ProcedureCode)},
		{Text: lang.L("manifest.announced.documents"), Widget: line(strings.Join(docs, "\n"))},
		{Text: lang.L("manifest.announced.fee"), Widget: line(fee)},
	}
	confirmed := false
	d := newFormDialog(lang.L("manifest.announced.title"), lang.L("manifest.announced.confirm"), items, func() {
		confirmed = true
		m.confirm = nil
		background(&u.jobs, u.ctx, func(ctx context.Context) (added, error) {
			man, it, _, err := u.desk.ReceiveAnnounced(ctx, number, p.Item)
			return added{item: it, m: man}, err
		}, func(r added, err error) {
			m.done(number, r, err, "manifest.announced.added")
		})
	}, u.win)
	d.SetOnClosed(func() {
		if confirmed {
			return
		}
		m.confirm = nil
		m.adding = false
		m.feedback.add(lang.L("manifest.announced.cancelled", map[string]any{"Item": p.Item}), widget.WarningImportance)
		m.s.focusScan()
		m.addNext()
	})
	d.Resize(fyne.NewSize(620, 0))
	m.confirm = d
	u.showDialog(d)
}

// announcedFeeText is the fee the postman collected, as the dialog says
// it, "" when none.
func announcedFeeText(p data.PostalAnnouncement) (amount, kind string) {
	if len(p.Fees) == 0 {
		return "", ""
	}
	n, err := p.Fees[0].Amount.Int64()
	if err != nil {
		return "", ""
	}
	return money(n), data.FeeKind(p.Fees[0].Kind).Label()
}
