package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// setupScreen edits the office configuration: the same fields as
// "motcua init". At the first run it also makes the first administrator.
type setupScreen struct {
	u *UI

	agencyCode     *field
	name           *field
	parent         *field
	place          *field
	workstation    *widget.Select
	trackingPrefix *field
	paper          *widget.RadioGroup
	lockMinutes    *field
	printer        *printerChoice
	// The fee collector (tổ chức thu phí, lệ phí), optional.
	collector        *field
	taxCode          *field
	collectorAddress *field
	receiptSeries    *field
	receiptForm      string // set by init --receipt-form; kept as is
	save             *widget.Button

	// The first administrator, at the first run only.
	adminUser, adminName, adminPass, adminAgain *field

	intro  *widget.Label
	status *widget.Label
	page   *fyne.Container
	form   *form

	content fyne.CanvasObject
}

func newSetupScreen(u *UI) *setupScreen {
	s := &setupScreen{u: u}
	entry := func(placeholder string) *field {
		e := newField(u, placeholder)
		e.OnSubmitted = func(string) { s.onSave() }
		return e
	}
	s.agencyCode = entry(lang.L("setup.agencyCode.example"))
	s.name = entry(lang.L("setup.name.example"))
	s.parent = entry(lang.L("setup.parent.example"))
	s.place = entry(lang.L("setup.place.example"))
	s.trackingPrefix = entry(lang.L("setup.tracking.example"))
	s.collector = entry(lang.L("setup.collector.example"))
	s.taxCode = entry(lang.L("setup.taxCode.example"))
	s.collectorAddress = entry("")
	s.receiptSeries = entry(lang.L("setup.receiptSeries.example"))
	s.workstation = widget.NewSelect([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, func(string) { s.edited(data.FieldWorkstation) })
	s.workstation.PlaceHolder = lang.L("setup.workstation.choose")
	s.paper = widget.NewRadioGroup([]string{"A4", "A5"}, func(string) { s.edited(data.FieldPaper) })
	s.paper.Horizontal = true
	s.paper.Required = true
	s.paper.SetSelected("A4")
	s.lockMinutes = entry("15")
	s.lockMinutes.SetText("15")
	s.adminUser = entry(lang.L("setup.admin.username.example"))
	s.adminName = entry(lang.L("setup.admin.name.example"))
	s.adminPass = entry("")
	s.adminPass.Password = true
	s.adminAgain = entry("")
	s.adminAgain.Password = true
	s.save = widget.NewButtonWithIcon(lang.L("setup.save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance

	s.intro = wrapped(lang.L("setup.intro.first"), fyne.TextStyle{})
	s.status = wrapped("", fyne.TextStyle{})

	s.form = newForm(u, func() { s.page.Refresh() })
	grid := container.New(layout.NewFormLayout())
	fees := container.New(layout.NewFormLayout())
	target := grid // where add puts the field: the office's, then the collector's
	add := func(name, label string, input fyne.CanvasObject, e *field, focus fyne.Focusable) {
		ff := s.form.add(name, label, e, focus)
		if e != nil {
			e.OnChanged = func(string) { s.edited(name) }
		}
		target.Add(formLabel(label))
		target.Add(ff.under(input))
	}
	add(data.FieldAgencyCode, lang.L("setup.agencyCode"), s.agencyCode, s.agencyCode, nil)
	add(data.FieldOfficeName, lang.L("setup.name"), s.name, s.name, nil)
	add(data.FieldParent, lang.L("setup.parent"), s.parent, s.parent, nil)
	add(data.FieldPlace, lang.L("setup.place"), s.place, s.place, nil)
	add(data.FieldWorkstation, lang.L("setup.workstation"), s.workstation, nil, s.workstation)
	add(data.FieldTrackingPrefix, lang.L("setup.tracking"), s.trackingPrefix, s.trackingPrefix, nil)
	add(data.FieldPaper, lang.L("setup.paper"), s.paper, nil, nil)
	add(data.FieldLockMinutes, lang.L("setup.lockMinutes"), s.lockMinutes, s.lockMinutes, nil)
	s.printer = newPrinterChoice(u, nil)
	grid.Add(formLabel(lang.L("setup.printer")))
	grid.Add(s.printer.sel)
	s.printer.load()
	target = fees
	add(data.FieldFeeCollector, lang.L("setup.collector"), s.collector, s.collector, nil)
	add(data.FieldTaxCode, lang.L("setup.taxCode"), s.taxCode, s.taxCode, nil)
	add(data.FieldCollectorAddress, lang.L("setup.collectorAddress"), s.collectorAddress, s.collectorAddress, nil)
	add(data.FieldReceiptSeries, lang.L("setup.receiptSeries"), s.receiptSeries, s.receiptSeries, nil)

	s.page = container.NewVBox(title(lang.L("nav.setup")), s.intro, grid,
		heading(lang.L("setup.collector.title")), note(lang.L("setup.collector.note")), fees)
	if u.firstRun {
		grid = container.New(layout.NewFormLayout())
		target = grid
		add(data.FieldUsername, lang.L("setup.admin.username"), s.adminUser, s.adminUser, nil)
		add(data.FieldFullName, lang.L("setup.admin.name"), s.adminName, s.adminName, nil)
		add(data.FieldPassword, lang.L("setup.admin.password"), s.adminPass, s.adminPass, nil)
		add(fieldPasswordAgain, lang.L("setup.admin.again"), s.adminAgain, s.adminAgain, nil)
		s.page.Add(heading(lang.L("setup.admin")))
		s.page.Add(note(lang.L("setup.admin.intro")))
		s.page.Add(grid)
	}
	s.page.Add(container.NewHBox(s.save))
	s.page.Add(s.status)
	s.content = container.NewVScroll(container.New(maxWidth(760), s.page))
	return s
}

// fieldPasswordAgain is the first administrator's password typed again.
const fieldPasswordAgain = "password-again"

// office reads the fields.
func (s *setupScreen) office() data.Office {
	ws, _ := strconv.Atoi(s.workstation.Selected)
	lock, err := strconv.Atoi(strings.TrimSpace(s.lockMinutes.Text))
	if err != nil {
		lock = -1 // refused by the rule, with its message
	}
	return data.Office{
		LockMinutes:    lock,
		AgencyCode:     s.agencyCode.Text,
		Name:           s.name.Text,
		Parent:         s.parent.Text,
		Place:          s.place.Text,
		Workstation:    ws,
		TrackingPrefix: s.trackingPrefix.Text,
		PaperSize:      s.paper.Selected,
		Collector: data.FeeCollector{Name: s.collector.Text, TaxCode: s.taxCode.Text, Address: s.collectorAddress.Text,
			FormSymbol: s.receiptForm, SeriesLetters: s.receiptSeries.Text},
	}
}

// fill shows o in the fields.
func (s *setupScreen) fill(o data.Office) {
	s.agencyCode.SetText(o.AgencyCode)
	s.name.SetText(o.Name)
	s.parent.SetText(o.Parent)
	s.place.SetText(o.Place)
	s.trackingPrefix.SetText(o.TrackingPrefix)
	s.collector.SetText(o.Collector.Name)
	s.taxCode.SetText(o.Collector.TaxCode)
	s.collectorAddress.SetText(o.Collector.Address)
	s.receiptSeries.SetText(o.Collector.SeriesLetters)
	s.receiptForm = o.Collector.FormSymbol
	if o.Workstation >= 1 && o.Workstation <= 9 {
		s.workstation.SetSelected(strconv.Itoa(o.Workstation))
	} else {
		s.workstation.ClearSelected()
	}
	if o.PaperSize == "A5" {
		s.paper.SetSelected("A5")
	} else {
		s.paper.SetSelected("A4")
	}
	if o.LockMinutes > 0 {
		s.lockMinutes.SetText(strconv.Itoa(o.LockMinutes))
	}
	s.clearErrors()
}

// load shows the stored configuration.
func (s *setupScreen) load(o data.Office) {
	s.fill(o)
	s.intro.SetText(lang.L("setup.intro"))
}

func (s *setupScreen) onSave() {
	if s.u.firstRun {
		s.onFirstRun()
		return
	}
	o := s.office()
	s.clearErrors()
	s.save.Disable()
	printer, pick := s.printer.chosen()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Office, error) {
		saved, err := s.u.desk.SaveOffice(ctx, o)
		if err == nil && pick {
			err = s.u.desk.SetPrinter(ctx, printer)
		}
		return saved, err
	}, func(saved data.Office, err error) {
		s.save.Enable()
		if err != nil {
			s.showErrors(err)
			return
		}
		s.u.lockAfter = time.Duration(saved.LockMinutes) * time.Minute
		s.u.idle.start(s.u.lockAfter)
		first := !s.u.configured
		s.u.configured = true
		s.intro.SetText(lang.L("setup.intro"))
		s.setStatus(lang.L("setup.saved"), widget.SuccessImportance)
		if first {
			s.u.show(sectionCatalog)
		}
	})
}

// showErrors puts each field's message under the field and the cursor in
// the first bad one; any other error goes to a dialog.
func (s *setupScreen) showErrors(err error) {
	summary, ok := s.form.show(err)
	if !ok {
		s.u.showError(err)
		return
	}
	if ws := s.form.field(data.FieldWorkstation); ws.shown() != "" && s.workstation.Selected == "" {
		ws.set(lang.L("setup.workstation.missing"))
	}
	s.setStatus(summary, widget.DangerImportance)
}

// edited takes a field's message away once the field is edited, and the
// summary with the last one.
func (s *setupScreen) edited(name string) {
	if s.form == nil {
		return // still being built
	}
	s.form.edited(s.form.field(name))
	if s.status.Importance == widget.DangerImportance && !s.form.hasErrors() {
		s.setStatus("", widget.MediumImportance)
	}
}

func (s *setupScreen) clearErrors() {
	s.form.clearAll()
	s.setStatus("", widget.MediumImportance)
}

// setStatus writes the line under the save button and lays the page out
// again, as messages come and go.
func (s *setupScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
	s.page.Refresh()
}

// onFirstRun saves the office's first set-up and makes its first
// administrator, who is then logged in. The administrator's fields are
// checked with the office's, before anything is saved.
func (s *setupScreen) onFirstRun() {
	o := s.office()
	s.clearErrors()
	o.Normalize()
	admin := data.Account{Username: strings.ToLower(s.adminUser.Text), FullName: s.adminName.Text, Role: data.RoleAdmin}
	admin.Normalize()
	pw := s.adminPass.Text
	var bad data.Fields
	for _, err := range []error{o.Validate(), admin.Validate(), data.CheckPassword(pw)} {
		if de, ok := err.(*data.Error); ok {
			bad = append(bad, de.Fields...)
		}
	}
	if pw != s.adminAgain.Text {
		bad.Add(fieldPasswordAgain, "%s", lang.L("setup.admin.mismatch"))
	}
	if err := bad.Err(lang.L("setup.invalid")); err != nil {
		s.showErrors(err)
		return
	}
	s.save.Disable()
	u := s.u
	printer, pick := s.printer.chosen()
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.Account, error) {
		if _, err := u.desk.SetUp(ctx, o); err != nil {
			return data.Account{}, err
		}
		return u.desk.CreateFirstAdmin(ctx, admin.Username, admin.FullName, pw)
	}, func(a data.Account, err error) {
		s.save.Enable()
		if err != nil {
			s.showErrors(err)
			return
		}
		u.configured = true
		u.lockAfter = time.Duration(o.LockMinutes) * time.Minute
		u.locked = nil
		u.loggedIn(a)
		u.show(sectionCatalog)
		if pick { // the administrator, now logged in, may choose it
			backgroundErr(&u.jobs, u.ctx, func(ctx context.Context) error {
				return u.desk.SetPrinter(ctx, printer)
			}, func(err error) {
				if err != nil {
					u.showError(err)
				}
			})
		}
	})
}
