package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// procedureDetail shows one procedure of the catalogue: its time limit
// as published and as the office counts it (timeLimitForm), its fees,
// whether it is accepted by post, and its documents.
type procedureDetail struct {
	u *UI
	// shown is the procedure on show; its Code is "" when none.
	shown data.Procedure

	placeholder *widget.Label // instead of the detail when nothing is chosen
	detail      *fyne.Container
	title       *widget.Label
	meta        *widget.Label
	limitText   *widget.Label
	limit       *timeLimitForm
	fees        *widget.Label // what the office collects
	feesText    *widget.Label // as published
	feesReview  *widget.Label
	postal      *widget.Label
	docs        *fyne.Container
	scroll      *container.Scroll

	content *fyne.Container
}

// newProcedureDetail makes the panel; saved hears of a time limit saved.
func newProcedureDetail(u *UI, saved func(data.Procedure)) *procedureDetail {
	d := &procedureDetail{u: u}
	d.title = wrapped("", fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.meta = wrapped("", fyne.TextStyle{})
	d.meta.Importance = widget.LowImportance
	d.limitText = wrapped("", fyne.TextStyle{})
	d.limit = newTimeLimitForm(u, func() { d.content.Refresh() }, func(p data.Procedure) {
		saved(p)
		if d.shown.Code == p.Code {
			d.show(p)
		}
	})
	// Only an administrator sets the office's time limit.
	d.limit.content.Hidden = !u.desk.May(data.ActCatalog)

	d.fees = wrapped("", fyne.TextStyle{Bold: true})
	d.feesText = note("")
	d.feesReview = wrapped(lang.L("catalog.fees.review.hint"), fyne.TextStyle{})
	d.feesReview.Importance = widget.WarningImportance
	d.postal = wrapped("", fyne.TextStyle{})
	d.docs = container.NewVBox()

	d.detail = container.NewVBox(
		d.title, d.meta,
		widget.NewSeparator(),
		heading(lang.L("catalog.limit")), d.limitText, d.limit.content,
		widget.NewSeparator(),
		heading(lang.L("catalog.fees")), d.fees, d.feesText, d.feesReview,
		heading(lang.L("catalog.postal")), d.postal,
		widget.NewSeparator(),
		heading(lang.L("catalog.documents")), d.docs,
	)
	d.detail.Hide()
	d.placeholder = widget.NewLabel(lang.L("catalog.choose"))
	d.placeholder.Importance = widget.LowImportance
	// The pane scrolls as a whole: long names and document lists wrap.
	d.scroll, d.content = newTextScroll(container.NewPadded(container.NewVBox(d.placeholder, d.detail)))
	return d
}

// show fills the panel with p.
func (d *procedureDetail) show(p data.Procedure) {
	another := p.Code != d.shown.Code
	d.shown = p
	d.placeholder.Hide()
	d.title.SetText(p.Name)
	meta := []string{lang.L("catalog.code", map[string]any{"Code": p.Code})}
	for _, v := range []string{p.Field, p.Level} {
		if v != "" {
			meta = append(meta, v)
		}
	}
	d.meta.SetText(strings.Join(meta, " · "))
	published := p.TimeLimitText
	if published == "" {
		published = lang.L("catalog.notPublished")
	}
	d.limitText.SetText(lang.L("catalog.published", map[string]any{"Text": published}))
	d.limit.edit(p)
	d.fees.SetText(p.Fees.Text())
	d.fees.Importance = widget.MediumImportance
	if p.Fees.NeedsReview() {
		d.fees.Importance = widget.WarningImportance
	}
	d.feesReview.Hidden = !p.Fees.NeedsReview()
	feesText := p.FeesText
	if feesText == "" {
		feesText = lang.L("catalog.notPublished")
	}
	d.feesText.SetText(lang.L("catalog.fees.published", map[string]any{"Text": feesText}))
	if p.PostalAllowed {
		d.postal.SetText(lang.L("Yes"))
	} else {
		d.postal.SetText(lang.L("No"))
	}
	d.docs.Objects = nil
	group := ""
	for _, doc := range p.Documents {
		addCaseHeading(d.docs, &group, doc.Case)
		text := "• " + doc.Name
		if c := copiesText(doc); c != "" {
			text += " — " + c
		}
		d.docs.Add(wrapped(text, fyne.TextStyle{}))
	}
	if len(p.Documents) == 0 {
		d.docs.Add(widget.NewLabel(lang.L("catalog.notPublished")))
	}
	d.detail.Show()
	if another {
		d.scroll.ScrollToTop()
	}
	d.content.Refresh() // texts changed height: lay the panel out again
}
