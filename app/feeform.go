package app

import (
	"encoding/json"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/intake"
)

// The kinds and methods in the order the fee form offers them.
var (
	feeKinds   = []data.FeeKind{data.FeeLePhi, data.FeePhi}
	feeMethods = []data.PaymentMethod{data.PayCash, data.PayTransfer}
)

// feeForm is what the intake collects for the chosen procedure: the fee
// due as the catalogue has it, and a row per charge collected — kind,
// amount (prefilled from the catalogue) and cash or transfer — or the
// reason the applicant is exempt. A dossier by post carries no fee here:
// the postman collects it and hands it over with the manifest.
type feeForm struct {
	u *UI
	r *cardReader
	// relayout lays the screen out again as the form grows and shrinks.
	relayout func()

	proc   data.Procedure
	postal bool

	due       *widget.Label // "Phải thu: Lệ phí 8.000 đồng"
	review    *widget.Label // the catalogue does not know the fees
	postNote  *widget.Label
	rows      []*feeRow
	rowsBox   *fyne.Container
	exempt    *widget.Check
	reason    *field
	reasonRow *fyne.Container

	feesField, reasonField *formField

	content *fyne.Container
}

// feeRow is one charge collected.
type feeRow struct {
	kind   *widget.Select
	amount *field
	method *widget.RadioGroup

	kindField, amountField, methodField *formField
	box                                 fyne.CanvasObject
}

func newFeeForm(u *UI, r *cardReader, relayout func()) *feeForm {
	f := &feeForm{u: u, r: r, relayout: relayout}
	f.due = wrapped("", fyne.TextStyle{Bold: true})
	f.review = wrapped(lang.L("intake.fees.review"), fyne.TextStyle{})
	f.review.Importance = widget.WarningImportance
	f.postNote = note(lang.L("intake.fees.byPost"))
	f.rowsBox = container.NewVBox()
	f.feesField = &formField{names: []string{intake.FieldFees}, label: lang.L("intake.fees"), msg: errorLabel()}
	f.reason = newField(u, lang.L("intake.fees.exempt.placeholder"))
	f.reasonField = &formField{names: []string{intake.FieldFeeExempt}, label: lang.L("intake.fees.exempt.reason"),
		entry: &f.reason.Entry, focus: f.reason, owns: []fyne.Focusable{f.reason}, live: markTyped, msg: errorLabel()}
	r.watch(f.reason, f.reasonField)
	f.exempt = widget.NewCheck(lang.L("intake.fees.exempt"), func(on bool) { f.onExempt(on) })
	f.feesField.focus = f.exempt
	f.reasonRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("intake.fees.exempt.reason")), nil, f.reasonField.under(f.reason))
	f.content = container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, heading(lang.L("intake.fees")), nil, f.due),
		f.review, f.postNote, f.rowsBox, f.exempt, f.reasonRow, f.feesField.msg)
	f.fill(data.Procedure{})
	return f
}

// fields are the form's fields, in screen order.
func (f *feeForm) fields() []*formField {
	out := []*formField{f.feesField}
	for _, r := range f.rows {
		out = append(out, r.kindField, r.amountField, r.methodField)
	}
	return append(out, f.reasonField)
}

// fill shows what a procedure just chosen charges, with a row for each
// of its amounts prefilled (one empty row when the catalogue does not
// know them, none when it charges nothing).
func (f *feeForm) fill(p data.Procedure) {
	f.proc = p
	f.rows = nil
	f.rowsBox.Objects = nil
	f.exempt.SetChecked(false)
	f.reason.SetText("")
	switch {
	case p.Code == "":
	case p.Fees.Charges():
		for _, a := range p.Fees.Amounts {
			f.addRow(a)
		}
	case !p.Fees.Known:
		f.addRow(data.FeeAmount{})
	}
	f.show()
}

// setPostal follows the channel: a dossier by post pays the postman.
func (f *feeForm) setPostal(postal bool) {
	if f.postal != postal {
		f.postal = postal
		f.show()
	}
}

// show lays the form out for the procedure, the channel and the
// exemption.
func (f *feeForm) show() {
	p := f.proc
	if p.Code == "" {
		f.content.Hide()
		f.relayout()
		return
	}
	due := p.Fees.Text()
	if p.Fees.Charges() {
		due = lang.L("intake.fees.due", map[string]any{"Fees": due})
	}
	f.due.SetText(due)
	f.review.Hidden = p.Fees.Known || f.postal
	f.postNote.Hidden = !f.postal
	collect := !f.postal && (p.Fees.Charges() || !p.Fees.Known)
	f.rowsBox.Hidden = !collect || f.exempt.Checked
	f.exempt.Hidden = !collect
	f.reasonRow.Hidden = !collect || !f.exempt.Checked
	f.content.Show()
	f.content.Refresh()
	f.relayout()
}

// addRow adds a row for a charge, prefilled with a.
func (f *feeForm) addRow(a data.FeeAmount) {
	i := len(f.rows)
	r := &feeRow{}
	labels := make([]string, len(feeKinds))
	for k, kind := range feeKinds {
		labels[k] = kind.Label()
	}
	r.kindField = &formField{names: []string{intake.FeeField(i, "kind")}, label: lang.L("intake.fees.kind"), msg: errorLabel()}
	r.amountField = &formField{names: []string{intake.FeeField(i, "amount")}, label: lang.L("intake.fees.amount"), live: markTyped, msg: errorLabel()}
	r.methodField = &formField{names: []string{intake.FeeField(i, "method")}, label: lang.L("intake.fees.method"), msg: errorLabel()}
	r.kind = widget.NewSelect(labels, func(string) { f.r.form.edited(r.kindField); f.r.edited() })
	r.kind.PlaceHolder = lang.L("intake.fees.kind.choose")
	if a.Kind.Valid() {
		r.kind.SetSelected(a.Kind.Label())
	}
	r.amount = newField(f.u, "0")
	if a.Amount > 0 {
		r.amount.SetText(data.GroupThousands(a.Amount))
	}
	r.amountField.entry, r.amountField.focus, r.amountField.owns = &r.amount.Entry, r.amount, []fyne.Focusable{r.amount}
	f.r.watch(r.amount, r.amountField)
	methods := make([]string, len(feeMethods))
	for k, m := range feeMethods {
		methods[k] = m.Label()
	}
	r.method = widget.NewRadioGroup(methods, func(string) { f.r.form.edited(r.methodField); f.r.edited() })
	r.method.Horizontal = true
	r.method.Required = true
	r.method.SetSelected(data.PayCash.Label())
	r.kindField.focus = r.kind
	amountBox := container.NewGridWrap(fyne.NewSize(130, r.amount.MinSize().Height), r.amount)
	kindBox := container.NewGridWrap(fyne.NewSize(max(110, r.kind.MinSize().Width), r.kind.MinSize().Height), r.kind)
	// The way it is paid goes on a line of its own: beside the amount it
	// would widen the intake past a 1024-pixel screen.
	r.box = container.NewVBox(
		container.NewHBox(kindBox, amountBox, widget.NewLabel("đ")),
		r.method,
		r.kindField.msg, r.amountField.msg, r.methodField.msg)
	f.rows = append(f.rows, r)
	f.rowsBox.Add(r.box)
}

// onExempt shows the reason instead of the charges.
func (f *feeForm) onExempt(on bool) {
	f.r.form.edited(f.feesField)
	if !on {
		f.r.form.edited(f.reasonField)
	}
	f.show()
	if on {
		f.u.win.Canvas().Focus(f.reason)
	}
	f.r.edited()
}

// read puts what was collected in a request; bad gets an amount that is
// no amount.
func (f *feeForm) read(req *data.IntakeRequest, bad *data.Fields) {
	if f.proc.Code == "" || f.postal {
		return
	}
	if f.exempt.Checked {
		req.FeeExempt = f.reason.Text
		return
	}
	for _, r := range f.rows {
		// The rules name a charge by its place among those collected.
		i := len(req.Fees)
		r.kindField.names = []string{intake.FeeField(i, "kind")}
		r.amountField.names = []string{intake.FeeField(i, "amount")}
		r.methodField.names = []string{intake.FeeField(i, "method")}
		if r.amount.Text == "" {
			r.kindField.names, r.amountField.names, r.methodField.names = nil, nil, nil
			continue // not collected
		}
		v, err := data.ParseVND(r.amount.Text)
		if err != nil {
			bad.Add(intake.FeeField(i, "amount"), "%s", data.ErrorMessage(err))
			v = -1 // keeps its place; the screen's message wins
		}
		e := data.FeeEntry{Amount: json.Number(strconv.FormatInt(v, 10))}
		if v < 0 {
			e.Amount = json.Number("")
		}
		if k := r.kind.SelectedIndex(); k >= 0 {
			e.Kind = string(feeKinds[k])
		}
		if m := r.method.Selected; m != "" {
			for _, pm := range feeMethods {
				if pm.Label() == m {
					e.Method = string(pm)
				}
			}
		}
		req.Fees = append(req.Fees, e)
	}
}

// clear forgets the procedure.
func (f *feeForm) clear() {
	f.postal = false
	f.fill(data.Procedure{})
}
