package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/intake"
	"motcua/platform"
)

// previewDelay is how long the form must stay still before the dossier
// is previewed again.
var previewDelay = 300 * time.Millisecond

// intakeScreen takes a dossier at the counter. It is made of components,
// each in its file: the procedure (intakeProcedure) over its papers
// (checklist) on the left; the applicant and how the dossier comes and
// goes (applicantForm) on the right, over the preview of the code and
// due date the dossier will get (previewBar); and above, the logged-in
// officer who receives it and the dossier just saved with its printouts
// (savedBar).
// One form shows what the rules of data/intake find wrong, field by
// field; a cardReader hears every entry for an ID card scan.
type intakeScreen struct {
	u *UI

	form      *form
	reader    *cardReader
	officer   *widget.Label
	saved     *savedBar
	procedure *intakeProcedure
	papers    *checklist
	applicant *applicantForm
	fees      *feeForm
	bar       *previewBar
	right     *fyne.Container // the applicant and the fees over the preview
	// formScroll scrolls the applicant and the fees.
	formScroll *container.Scroll
	// applicantFields are the form's fields the applicant form made.
	applicantFields []*formField

	debounce   debounce
	previewing latest
	// latest holds the messages of the latest preview by field name; nil
	// when the form has changed since.
	latest map[string]string
	saving bool

	content fyne.CanvasObject
}

func newIntakeScreen(u *UI) *intakeScreen {
	s := &intakeScreen{u: u}
	s.debounce = debounce{j: &u.jobs, delay: previewDelay}
	s.form = newForm(u, s.relayout)
	s.reader = &cardReader{u: u, form: s.form, edited: s.onEdit, latest: func() map[string]string { return s.latest }}
	s.papers = newChecklist(u, s.reader, s.form, s.papersChanged)
	s.procedure = newIntakeProcedure(u, s.reader, s.form, s.papers.panel, s.picked, s.focusAfterPick)
	n := len(s.form.fields)
	s.applicant = newApplicantForm(u, s.reader, s.form)
	s.applicantFields = append([]*formField(nil), s.form.fields[n:]...)
	s.reader.fill = s.applicant.fill
	s.fees = newFeeForm(u, s.reader, s.relayout)
	s.bar = newPreviewBar(s.onSave, s.onNew)
	backToProcedure := func() { u.win.Canvas().Focus(s.procedure.picker.search) }
	s.officer = widget.NewLabel(lang.L("intake.officer", map[string]any{"Name": u.desk.Officer().FullName}))
	s.saved = newSavedBar(u, platform.Print, platform.Open, backToProcedure)
	// Cleared before it is put together: laid out now, at no size, it
	// would be laid out again in the window (and wrap every text at
	// zero width on the way).
	s.clear()

	// No title over the screen (its tab says it): on a 768-pixel screen
	// every line goes to the papers and the applicant. The officer who
	// receives stands beside the code the dossier will get; the fees
	// scroll with the applicant, the preview and the save button stay.
	top := s.saved.content
	s.bar.aside.Add(s.officer)
	p := s.procedure
	left := container.New(layout.NewBorderLayout(p.top, s.papers.bottom, nil, nil), p.top, p.center, s.papers.bottom)
	foot := s.bar.content
	s.formScroll = container.NewVScroll(container.NewVBox(s.applicant.content, s.fees.content))
	s.right = container.New(layout.NewBorderLayout(nil, foot, nil, nil), s.formScroll, foot)
	right := s.right
	columns := container.NewHSplit(left, right)
	columns.Offset = 0.47
	// Objects go in the order Tab visits them: the form, then the header.
	s.content = container.New(layout.NewBorderLayout(top, nil, nil, nil), columns, top)
	return s
}

// first is where the cursor goes when the screen comes forward.
func (s *intakeScreen) first() fyne.Focusable { return s.procedure.picker.search }

// papersChanged orders the form's fields as the screen shows them, the
// checklist's rows among them, and shows the papers.
func (s *intakeScreen) papersChanged() {
	fields := []*formField{s.procedure.procField, s.procedure.daysField}
	fields = append(fields, s.papers.fields()...)
	fields = append(fields, s.applicantFields...)
	s.form.fields = append(fields, s.fees.fields()...)
	s.procedure.showBelow()
}

// picked makes the checklist of a procedure just chosen.
func (s *intakeScreen) picked(p data.Procedure, changed bool) {
	if changed {
		s.fees.fill(p)
		s.papers.fill(p)
		s.papersChanged()
	}
	s.onEdit()
	s.focusAfterPick()
}

// focusAfterPick puts the cursor where the officer goes on after
// choosing the procedure: the applicant, or the papers once the
// applicant is in.
func (s *intakeScreen) focusAfterPick() {
	if s.applicant.name.Text == "" || len(s.papers.docs) == 0 {
		s.u.win.Canvas().Focus(s.applicant.name)
		return
	}
	s.u.win.Canvas().Focus(s.papers.docs[0].check)
}

// request reads the form into a request. bad names the fields that could
// not be read (a date or a count that is not one).
func (s *intakeScreen) request() (req data.IntakeRequest, bad data.Fields) {
	req = data.IntakeRequest{ProcedureCode: s.procedure.proc.Code}
	s.applicant.read(&req, &bad)
	s.fees.setPostal(req.Channel == data.ChannelPostal)
	s.fees.read(&req, &bad)
	req.Documents, req.Sets = s.papers.read(&bad)
	if days, ok := s.procedure.workingDays(); ok {
		req.WorkingDays = days
	} else {
		bad.Add(intake.FieldWorkingDays, "%s", lang.L("intake.days.invalid"))
	}
	return req, bad
}

// merge puts the fields the screen could not read ahead of the desk's
// verdict on the rest; a field named in both keeps the screen's message.
func merge(bad data.Fields, err error) error {
	if len(bad) == 0 {
		return err
	}
	var de *data.Error
	if err != nil && !errors.As(err, &de) {
		return err // not a verdict on the fields
	}
	all := append(data.Fields(nil), bad...)
	message := lang.L("intake.invalid")
	if de != nil {
		message = de.Message
		for _, f := range de.Fields {
			if !named(bad, f.Field) {
				all = append(all, f)
			}
		}
	}
	return all.Err(message)
}

func named(fs data.Fields, name string) bool {
	for _, f := range fs {
		if f.Field == name {
			return true
		}
	}
	return false
}

// onEdit runs after every change of the form: the preview is stale.
func (s *intakeScreen) onEdit() {
	s.latest = nil
	s.fees.setPostal(s.applicant.chosenChannel() == data.ChannelPostal)
	if s.bar.status.Visible() && !s.form.hasErrors() {
		s.setStatus("")
	}
	s.debounce.call(s.runPreview)
}

// runPreview asks the desk what saving the form would do.
func (s *intakeScreen) runPreview() {
	s.previewing.stop()
	if s.procedure.proc.Code == "" {
		s.bar.show(false, previewed{}, nil, s.missing)
		return
	}
	req, bad := s.request()
	runLatest(&s.previewing, &s.u.jobs, s.u.ctx, func(ctx context.Context) (previewed, error) {
		pv, err := s.u.desk.Preview(ctx, req)
		if err != nil {
			return previewed{}, err
		}
		r := previewed{dossier: pv.Dossier, due: pv.Dossier.DueDate, days: pv.Dossier.WorkingDays}
		if r.err = merge(bad, pv.Invalid); r.err != nil {
			r.dossier.Code = "" // not until the form is right
		}
		return r, nil
	}, func(r previewed, err error) {
		s.bar.show(true, r, err, s.missing)
		if r.err != nil {
			s.latest, _ = fieldMessages(r.err)
			s.form.markLive(s.latest)
		} else if err == nil {
			s.latest = map[string]string{}
		}
	})
}

// missing says which fields are still empty or wrong.
func (s *intakeScreen) missing(err error, days string, noDue bool) string {
	bad, _ := fieldMessages(err)
	var names []string
	for _, ff := range s.form.fields {
		if _, ok := ff.messageIn(bad); ok && ff.label != "" {
			names = append(names, ff.label)
		}
	}
	if _, ok := bad[intake.FieldDocuments]; !ok {
		for name := range bad {
			if strings.HasPrefix(name, intake.FieldDocuments+"[") { // a paper's count
				names = append(names, lang.L("intake.documents"))
				break
			}
		}
	}
	text := lang.L("intake.preview.missing", map[string]any{"Fields": strings.Join(names, ", ")})
	if !noDue {
		text = days + ". " + text
	}
	return text
}

// showErrors marks every bad field, says why under the save button and
// puts the cursor in the first bad field; any other error goes to a
// dialog.
func (s *intakeScreen) showErrors(err error) {
	summary, ok := s.form.show(err)
	if !ok {
		s.u.showError(err)
		return
	}
	s.setStatus(summary)
}

// setStatus writes the line under the save button; "" hides it.
func (s *intakeScreen) setStatus(text string) {
	setLine(s.bar.status, text, widget.DangerImportance)
	s.relayout()
}

// relayout lays the screen out again as messages come and go.
func (s *intakeScreen) relayout() {
	if s.content == nil {
		return // still being built: the window lays it out
	}
	s.applicant.grid.Refresh()
	s.papers.docList.Refresh()
	s.right.Refresh()
	s.content.Refresh()
}

// onScanShortcut (Ctrl+K) puts the cursor in the ID card scan field.
func (s *intakeScreen) onScanShortcut() {
	s.u.win.Canvas().Focus(s.applicant.scanField)
}

// onNew (Ctrl+N) clears the form for the next citizen.
func (s *intakeScreen) onNew() {
	s.clear()
	s.u.show(sectionIntake)
	s.u.win.Canvas().Focus(s.first())
}

// clear empties the form: no procedure, no papers, no applicant, at the
// counter both ways, one set.
func (s *intakeScreen) clear() {
	s.previewing.stop()
	s.procedure.clear()
	s.papers.clear()
	s.applicant.clear()
	s.fees.clear()
	s.form.clearAll()
	s.setStatus("")
	s.debounce.stop() // the SetTexts asked for one
	s.latest = nil
	s.bar.show(false, previewed{}, nil, s.missing)
}

// savedDossier is what saving did: the dossier, and how its receipt went.
type savedDossier struct {
	dossier    data.Dossier
	receipt    printed // path "" when it could not be made
	receiptErr error
}

// onSave saves the dossier in one transaction, then makes and prints its
// receipt. A receipt that fails to print leaves the dossier saved.
func (s *intakeScreen) onSave() {
	if s.saving {
		return
	}
	req, bad := s.request()
	s.debounce.stop()
	s.previewing.stop()
	s.saving = true
	s.bar.save.Disable()
	printPDF, desk := s.saved.print, s.u.desk
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (savedDossier, error) {
		if len(bad) > 0 {
			pv, err := desk.Preview(ctx, req) // to name the other bad fields too
			if err != nil {
				return savedDossier{}, err
			}
			return savedDossier{}, merge(bad, pv.Invalid)
		}
		d, err := desk.Intake(ctx, req)
		if err != nil {
			return savedDossier{}, err
		}
		out := savedDossier{dossier: d}
		out.receipt.path, out.receiptErr = desk.Receipt(ctx, d.Code, false)
		if out.receiptErr == nil {
			out.receipt.printErr = printPDF(out.receipt.path)
		}
		return out, nil
	}, func(r savedDossier, err error) {
		s.saving = false
		s.bar.save.Enable()
		if err != nil {
			s.showErrors(err)
			return
		}
		s.saved.saved(r.dossier, r.receipt, r.receiptErr)
		s.clear()
		s.u.win.Canvas().Focus(s.first())
	})
}
