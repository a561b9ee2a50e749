package app

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// manifestActions is what a signed manifest allows: print it again,
// reconcile what arrived against it and print the reconciliation, record
// the delivery of the results the post took to the citizens, and mark
// ready the results a to-agency manifest's dossiers came back with.
type manifestActions struct {
	s *manifestsScreen

	reprint     *widget.Button
	reconcile   *widget.Button
	printRecon  *widget.Button
	delivered   *widget.Button
	failed      *widget.Button
	resultsBack *widget.Button
	reconResult *widget.Label

	content *fyne.Container
}

func newManifestActions(s *manifestsScreen) *manifestActions {
	a := &manifestActions{s: s}
	a.reprint = widget.NewButtonWithIcon(lang.L("manifest.reprint"), theme.DocumentPrintIcon(), func() { a.onPrint(false) })
	a.reconcile = widget.NewButtonWithIcon(lang.L("manifest.reconcile"), theme.ConfirmIcon(), a.onReconcile)
	a.printRecon = widget.NewButtonWithIcon(lang.L("manifest.printReconciliation"), theme.DocumentPrintIcon(), func() { a.onPrint(true) })
	a.delivered = widget.NewButton(lang.L("manifest.delivered"), func() { a.onDelivery(true) })
	a.failed = widget.NewButton(lang.L("manifest.failed"), func() { a.onDelivery(false) })
	a.resultsBack = widget.NewButton(lang.L("manifest.resultsBack"), a.onResultsBack)
	a.reconResult = wrapped("", fyne.TextStyle{})
	a.reconResult.Hide()
	// The delivery of the chosen item is recorded beside the items (the
	// screen places a.delivered and a.failed there).
	a.content = container.NewVBox(
		container.NewHBox(a.reprint, a.reconcile, a.printRecon, a.resultsBack),
		a.reconResult,
	)
	return a
}

// forget drops what another manifest's reconciliation showed.
func (a *manifestActions) forget() { a.reconResult.Hide() }

// showButtons enables what the manifest and the chosen item allow.
func (a *manifestActions) showButtons(m data.Manifest, it *data.ManifestItem) {
	scans := len(a.s.items.scans)
	setEnabled(a.reconcile, scans > 0)
	a.reconcile.SetText(lang.L("manifest.reconcile.count", map[string]any{"Count": scans}))
	setEnabled(a.printRecon, m.Reconciled != nil)
	toCitizen := m.Kind == data.ManifestToCitizen
	pending := it != nil && (it.Outcome == data.DeliveryPending || it.Outcome == data.DeliveryFailed)
	for _, b := range []*widget.Button{a.delivered, a.failed} {
		b.Hidden = !toCitizen || m.Status == data.ManifestOpen
		setEnabled(b, pending)
	}
	a.resultsBack.Hidden = m.Kind != data.ManifestToAgency
}

// show says what the manifest's last reconciliation found.
func (a *manifestActions) show(m data.Manifest) {
	r := m.Reconciled
	if r == nil {
		a.reconResult.Hide()
		return
	}
	if r.Balanced() {
		a.reconResult.Importance = widget.SuccessImportance
		a.reconResult.SetText(lang.L("manifest.recon.balanced", map[string]any{"Time": r.At.Format("15:04 02/01/2006"), "Count": len(r.Scanned)}))
	} else {
		a.reconResult.Importance = widget.DangerImportance
		text := lang.L("manifest.recon.unbalanced", map[string]any{"Time": r.At.Format("15:04 02/01/2006"),
			"Missing": len(r.Missing), "Unexpected": len(r.Unexpected)})
		if len(r.Missing) > 0 {
			text += "\n" + lang.L("manifest.recon.missingList", map[string]any{"List": strings.Join(r.Missing, ", ")})
		}
		if len(r.Unexpected) > 0 {
			text += "\n" + lang.L("manifest.recon.unexpectedList", map[string]any{"List": strings.Join(r.Unexpected, "; ")})
		}
		a.reconResult.SetText(text)
	}
	a.reconResult.Show()
}

// fail says on the action line why something was not done.
func (a *manifestActions) fail(err error) {
	a.s.actionMsg.show(a.s.u.errorText(err), widget.DangerImportance)
}

// onPrint prints the manifest again, or its reconciliation.
func (a *manifestActions) onPrint(reconciliation bool) {
	u, number := a.s.u, a.s.m.Number
	if number == "" {
		return
	}
	printKept(u, a.s.print, func(ctx context.Context) (string, error) {
		return u.desk.ManifestPDF(ctx, number, reconciliation)
	}, func(p printed, err error) {
		u.showPrinted(a.s.actionMsg, lang.L("manifest.printed", map[string]any{"Number": number}), p, err)
	})
}

// onReconcile compares the scans collected with the manifest's items,
// stores the result and shows it.
func (a *manifestActions) onReconcile() {
	u, number, scans := a.s.u, a.s.m.Number, slices.Clone(a.s.items.scans)
	if number == "" || len(scans) == 0 {
		return
	}
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return u.desk.Reconcile(ctx, number, scans)
	}, func(m data.Manifest, err error) {
		if err != nil {
			a.fail(err)
			return
		}
		if a.s.m.Number == number {
			a.s.items.scans = nil
			a.s.items.feedback.clear()
			a.s.show(m)
		}
		a.s.focusScan()
	})
}

// onDelivery records the outcome of a delivery attempt of the chosen
// result.
func (a *manifestActions) onDelivery(delivered bool) {
	it := a.s.items.chosen()
	if it == nil {
		return
	}
	u := a.s.u
	number, code := a.s.m.Number, it.DossierCode
	type recorded struct {
		it data.ManifestItem
		m  data.Manifest
	}
	background(&u.jobs, u.ctx, func(ctx context.Context) (recorded, error) {
		m, it, err := u.desk.RecordDelivery(ctx, number, code, delivered)
		return recorded{it, m}, err
	}, func(r recorded, err error) {
		if err != nil {
			a.fail(err)
			return
		}
		text, imp := itemState(r.m, r.it)
		a.s.actionMsg.show(r.it.DossierCode+": "+text, imp)
		sel := a.s.items.selected
		a.s.show(r.m)
		a.s.items.list.Select(sel)
		u.returnDesk().reloadLists()
	})
}

// onResultsBack marks ready the results of the dossiers this to-agency
// manifest sent.
func (a *manifestActions) onResultsBack() {
	u, number := a.s.u, a.s.m.Number
	background(&u.jobs, u.ctx, func(ctx context.Context) ([]string, error) {
		return u.desk.ResultsBack(ctx, number)
	}, func(codes []string, err error) {
		if err != nil {
			a.fail(err)
			return
		}
		n := len(codes)
		a.s.actionMsg.show(lang.N("returns.results.manifest", n, map[string]any{"Count": n, "Number": number}), widget.SuccessImportance)
		u.returnDesk().reloadLists()
	})
}
