package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/intake"
	"motcua/data/scan"
)

// Channels and return methods in the order the radio groups offer them.
var (
	intakeChannels = []data.Channel{data.ChannelCounter, data.ChannelPostal, data.ChannelOnline}
	intakeReturns  = []data.ReturnMethod{data.ReturnCounter, data.ReturnPost}
)

// applicantForm is who files the dossier, typed or read from the ID card
// QR (Ctrl+K puts the cursor in its scan field; a card scanned into any
// field of the intake lands here too), how the dossier came and how its
// result goes back.
type applicantForm struct {
	u *UI
	r *cardReader

	banner        *widget.Label
	scanField     *field // the ID card scan field (Ctrl+K)
	name          *field
	idNumber      *field
	birth         *field
	phone         *field
	email         *field
	address       *field
	channel       *widget.RadioGroup
	postalItem    *field
	postalLabel   *widget.Label
	postalRow     fyne.CanvasObject
	returnMethod  *widget.RadioGroup
	returnAddress *field
	returnLabel   *widget.Label
	returnRow     fyne.CanvasObject
	grid          *fyne.Container

	channelField, returnField, postalField, returnAddressField *formField

	content fyne.CanvasObject
}

func newApplicantForm(u *UI, r *cardReader, f *form) *applicantForm {
	a := &applicantForm{u: u, r: r}
	a.banner = wrapped("", fyne.TextStyle{})
	a.banner.Hide()
	a.scanField = newField(u, lang.L("intake.scan.placeholder"))
	a.scanField.AlwaysShowValidationError = false
	a.scanField.OnChanged = func(text string) {
		if _, _, complete, ok := scan.FindIDCard(text); ok && complete {
			a.onScanField(text)
			r.expectEnter()
		}
	}
	a.scanField.OnSubmitted = func(text string) {
		if r.enterOfScan() {
			return
		}
		a.onScanField(text)
	}
	a.name = newField(u, lang.L("intake.name.placeholder"))
	a.idNumber = newField(u, lang.L("intake.id.placeholder"))
	a.birth = newField(u, lang.L("intake.birth.placeholder"))
	a.phone = newField(u, lang.L("intake.phone.placeholder"))
	a.email = newField(u, lang.L("intake.email.placeholder"))
	a.address = newField(u, lang.L("intake.address.placeholder"))
	a.postalItem = newField(u, lang.L("intake.postal.placeholder"))
	a.returnAddress = newField(u, lang.L("intake.returnAddress.placeholder"))

	channels := []string{lang.L("intake.channel.counter"), lang.L("intake.channel.postal"), lang.L("intake.channel.online")}
	returns := []string{lang.L("intake.return.counter"), lang.L("intake.return.post")}
	a.channel = widget.NewRadioGroup(channels, func(string) { a.onChannel() })
	// One under the other: side by side the three ways are wider than
	// the applicant's column on a 1024-pixel screen.
	a.channel.Horizontal = false
	a.channel.Required = true
	a.returnMethod = widget.NewRadioGroup(returns, func(string) { a.onReturnMethod() })
	a.returnMethod.Horizontal = true
	a.returnMethod.Required = true

	a.grid = container.New(layout.NewFormLayout())
	row := func(label string, input fyne.CanvasObject) *widget.Label {
		l := formLabel(label)
		a.grid.Add(l)
		a.grid.Add(input)
		return l
	}
	entry := func(name, key string, e *field) (*formField, fyne.CanvasObject) {
		ff := f.entry(name, lang.L(key), e)
		r.watch(e, ff)
		return ff, ff.under(e)
	}
	for _, in := range []struct {
		name, key string
		e         *field
	}{
		{intake.FieldName, "intake.name", a.name},
		{intake.FieldIDNumber, "intake.id", a.idNumber},
		{intake.FieldBirthDate, "intake.birth", a.birth},
		{intake.FieldPhone, "intake.phone", a.phone},
		{intake.FieldEmail, "intake.email", a.email},
		{intake.FieldAddress, "intake.address", a.address},
	} {
		_, box := entry(in.name, in.key, in.e)
		row(lang.L(in.key), box)
	}
	a.channelField = f.add(intake.FieldChannel, lang.L("intake.channel"), nil, nil)
	a.channelField.live = markAlways
	row(lang.L("intake.channel"), a.channelField.under(a.channel))
	a.postalField, a.postalRow = entry(intake.FieldPostalItem, "intake.postal", a.postalItem)
	a.postalLabel = row(lang.L("intake.postal"), a.postalRow)
	a.returnField = f.add(intake.FieldReturnMethod, lang.L("intake.return"), nil, nil)
	row(lang.L("intake.return"), a.returnField.under(a.returnMethod))
	a.returnAddressField, a.returnRow = entry(intake.FieldReturnAddress, "intake.returnAddress", a.returnAddress)
	a.returnLabel = row(lang.L("intake.returnAddress"), a.returnRow)

	scanLabel := widget.NewLabelWithStyle(lang.L("intake.scan"), fyne.TextAlignTrailing, fyne.TextStyle{})
	// The scan field takes what the heading leaves: a fixed width would
	// widen the intake past a small screen.
	head := container.NewVBox(
		container.NewBorder(nil, nil, heading(lang.L("intake.applicant")), nil,
			container.NewBorder(nil, nil, scanLabel, nil, a.scanField)),
		a.banner)
	a.content = container.NewVBox(head, a.grid)
	return a
}

// read puts the applicant and the channels in a request; bad gets a
// date of birth that is no date.
func (a *applicantForm) read(req *data.IntakeRequest, bad *data.Fields) {
	req.Applicant = data.Applicant{
		Name:     a.name.Text,
		IDNumber: a.idNumber.Text,
		Phone:    a.phone.Text,
		Email:    a.email.Text,
		Address:  a.address.Text,
	}
	if t := strings.TrimSpace(a.birth.Text); t != "" {
		if d, ok := parseBirth(t); ok {
			req.Applicant.BirthDate = d
		} else {
			bad.Add(intake.FieldBirthDate, "%s", lang.L("intake.birth.invalid"))
		}
	}
	req.Channel, req.ReturnMethod = a.chosenChannel(), a.chosenReturn()
	if req.Channel == data.ChannelPostal {
		req.PostalItem = a.postalItem.Text
	}
	if req.ReturnMethod == data.ReturnPost {
		req.ReturnAddress = a.returnAddress.Text
	}
}

// chosenChannel is the channel the radio group shows.
func (a *applicantForm) chosenChannel() data.Channel {
	for i, o := range a.channel.Options {
		if o == a.channel.Selected {
			return intakeChannels[i]
		}
	}
	return data.ChannelCounter
}

// chosenReturn is the return method the radio group shows.
func (a *applicantForm) chosenReturn() data.ReturnMethod {
	for i, o := range a.returnMethod.Options {
		if o == a.returnMethod.Selected {
			return intakeReturns[i]
		}
	}
	return data.ReturnCounter
}

// onChannel asks for the postal item number when the dossier came by post.
func (a *applicantForm) onChannel() {
	if a.postalRow != nil { // built
		a.choose(a.channelField, a.postalField, a.postalLabel, a.postalRow, a.chosenChannel() == data.ChannelPostal)
	}
}

// onReturnMethod asks where to send the result when it goes by post.
func (a *applicantForm) onReturnMethod() {
	if a.returnRow != nil {
		a.choose(a.returnField, a.returnAddressField, a.returnLabel, a.returnRow, a.chosenReturn() == data.ReturnPost)
	}
}

// choose follows a radio group's choice: its message goes, and the row
// that depends on it shows when on (its message going when not).
func (a *applicantForm) choose(radio, dependent *formField, label *widget.Label, row fyne.CanvasObject, on bool) {
	a.r.form.edited(radio)
	if !on {
		a.r.form.edited(dependent)
	}
	showRow(label, row, on)
	a.grid.Refresh()
	a.r.edited()
}

// onScanField reads what the scan field received.
func (a *applicantForm) onScanField(text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	a.scanField.SetText("")
	a.fill(scan.Parse(text))
}

// fill puts an ID card's fields in the applicant's, for the officer to
// check against the card. A scan that looks garbled (scan.Doubts) is not
// called read: an amber line says what looks wrong and how to scan again,
// and the cursor goes to the name to correct it.
func (a *applicantForm) fill(r scan.Result) {
	switch {
	case r.Kind == scan.KindIDCard && r.IDCard != nil:
		c := r.IDCard
		born := ""
		if !c.BirthDate.IsZero() {
			born = c.BirthDate.Format("02/01/2006")
		}
		a.name.SetText(c.Name)
		a.idNumber.SetText(c.Number)
		a.birth.SetText(born)
		a.address.SetText(c.Address)
		if len(r.Doubts) > 0 {
			a.setBanner(lang.L("intake.scan.doubt", map[string]any{"Doubts": doubtText(r.Doubts)}), widget.WarningImportance)
			a.u.win.Canvas().Focus(a.name)
			return
		}
		a.setBanner(lang.L("intake.scan.read", map[string]any{"Name": c.Name, "ID": c.Number, "Birth": born}), widget.SuccessImportance)
		a.u.win.Canvas().Focus(a.phone)
	case r.Kind == scan.KindIDCard:
		// The parser says what is missing; the doubts add what arrived
		// garbled.
		reason := strings.TrimRight(r.Reason, ". ")
		var more []scan.Doubt
		for _, d := range r.Doubts {
			if d.Field != scan.FieldQR {
				more = append(more, d)
			}
		}
		if len(more) > 0 {
			reason += "; " + doubtText(more)
		}
		a.setBanner(lang.L("intake.scan.bad", map[string]any{"Reason": reason}), widget.WarningImportance)
	case r.Kind == scan.KindUnknown:
		a.setBanner(r.Reason, widget.WarningImportance)
	default:
		a.setBanner(lang.L("intake.scan.notCard"), widget.WarningImportance)
	}
}

// doubtText joins what looks garbled in a scan, one field after another.
func doubtText(ds []scan.Doubt) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return strings.Join(parts, "; ")
}

// setBanner writes the line over the applicant; "" hides it.
func (a *applicantForm) setBanner(text string, imp widget.Importance) {
	setLine(a.banner, text, imp)
	a.r.form.relayout()
}

// clear empties the applicant: at the counter both ways.
func (a *applicantForm) clear() {
	for _, e := range []*field{a.name, a.idNumber, a.birth, a.phone, a.email, a.address, a.postalItem, a.returnAddress} {
		e.SetText("")
	}
	a.channel.SetSelected(a.channel.Options[0])
	a.returnMethod.SetSelected(a.returnMethod.Options[0])
	showRow(a.postalLabel, a.postalRow, false)
	showRow(a.returnLabel, a.returnRow, false)
	a.setBanner("", widget.MediumImportance)
}
