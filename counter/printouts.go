package counter

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"motcua/data"
	"motcua/data/scan"
	"motcua/platform"
	"motcua/printout"
)

// This file holds the printouts: each is counted in the store, rendered
// and kept under printouts/YYYY-MM-DD/ in the data folder.

// Printout kinds.
const (
	KindReceipt    = "receipt"
	KindSupplement = "supplement"
	KindRefusal    = "refusal"
	KindApology    = "apology"
	KindReturn     = "return"
	KindStop       = "stop"        // Mẫu số 05 of 03/2025
	KindControl    = "control"     // Mẫu số 06 of 03/2025, 05 of 01/2018
	KindFeeReceipt = "fee-receipt" // biên lai thu phí, lệ phí
)

// formsFor is the form set a dossier's paper of kind k prints with: the
// set the dossier's papers print with (data.Dossier.Forms), or, when that
// set lacks the kind (01/2018 has no stop notice), none, so that the
// printout takes the set in force on the day the paper is issued.
func formsFor(d data.Dossier, k data.FormKind) data.FormSet {
	s := d.Forms()
	if _, ok := s.Form(k); ok {
		return s
	}
	return data.FormSet{}
}

// Receipt renders Form 01 of a dossier and keeps it under the data folder
// by date. The first print of a dossier is plain; later ones are marked
// as reprints, and only when reprint is asked for.
func (d *Desk) Receipt(ctx context.Context, code string, reprint bool) (path string, err error) {
	ctx, o, err := d.begin(ctx, data.ActIntake)
	if err != nil {
		return "", err
	}
	actor := o.FullName
	dossier, err := d.store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	office, key, err := d.officeKey(ctx)
	if err != nil {
		return "", err
	}
	payload, err := scan.SignReceipt(office.TrackingPrefix, dossier.Code, key)
	if err != nil {
		return "", fmt.Errorf("counter: sign %s: %w", code, err)
	}
	if !reprint {
		if n, err := d.store.PrintCount(ctx, dossier.Code, KindReceipt); err != nil {
			return "", err
		} else if n > 0 {
			return "", data.Errorf(data.EConflict, "Giấy tiếp nhận của hồ sơ %s đã in; muốn in lại hãy chọn “In lại” (--reprint).", code)
		}
	}
	receipts, err := d.store.FeeReceipts(ctx, dossier.Code)
	if err != nil {
		return "", err
	}
	feeReprint := 0
	if len(receipts) > 0 {
		if feeReprint, err = d.store.RecordPrint(ctx, dossier.Code, KindFeeReceipt, actor); err != nil {
			return "", err
		}
	}
	return d.issue(ctx, dossier.Code, KindReceipt, actor, func(w io.Writer, reprint int) error {
		return printout.Receipt(w, printout.ReceiptInput{Office: office, Dossier: dossier, QRPayload: payload, Reprint: reprint,
			Forms: formsFor(dossier, data.FormReceipt), Fees: dossier.Fees, FeeExempt: dossier.FeeExempt,
			FeeReceipts: receipts, FeeReprint: feeReprint})
	})
}

// FeeReceipt renders the receipts of the fees collected for a dossier
// (one per fee) in one document and keeps it; printouts after the first
// are marked as reprints.
func (d *Desk) FeeReceipt(ctx context.Context, code string) (string, error) {
	ctx, o, err := d.begin(ctx, data.ActIntake)
	if err != nil {
		return "", err
	}
	actor := o.FullName
	office, err := d.store.Office(ctx)
	if err != nil {
		return "", err
	}
	dossier, err := d.store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	receipts, err := d.store.FeeReceipts(ctx, dossier.Code)
	if err != nil {
		return "", err
	}
	if len(receipts) == 0 {
		why := "không thu phí, lệ phí"
		if dossier.FeeExempt != "" {
			why = "được miễn phí, lệ phí (" + dossier.FeeExempt + ")"
		}
		return "", data.Errorf(data.ENotFound, "Hồ sơ %s %s nên không có biên lai.", dossier.Code, why)
	}
	return d.issue(ctx, dossier.Code, KindFeeReceipt, actor, func(w io.Writer, reprint int) error {
		return printout.FeeReceipts(w, office, receipts, reprint)
	})
}

// Stop stops the dossier a scan or code names — Mẫu số 05, with its
// reason — and renders the notice; it returns the dossier as the return
// desk shows it and where the notice is kept.
func (d *Desk) Stop(ctx context.Context, text, reason, basis string) (data.DossierView, string, error) {
	ctx, o, err := d.begin(ctx, data.ActStop)
	if err != nil {
		return data.DossierView{}, "", err
	}
	actor := o.FullName
	dossier, err := d.dossierFor(ctx, text)
	if err != nil {
		return data.DossierView{}, "", err
	}
	office, key, err := d.officeKey(ctx)
	if err != nil {
		return data.DossierView{}, "", err
	}
	if _, _, ok := data.FormFor(data.FormStop, dossier.ReceivedAt, d.now()); !ok {
		return data.DossierView{}, "", data.Errorf(data.EConflict, "Ngày %s chưa có mẫu thông báo dừng giải quyết hồ sơ (Mẫu số 05 của Thông tư 03/2025/TT-VPCP áp dụng từ %s).",
			d.now().Format("02/01/2006"), data.FormSets()[len(data.FormSets())-1].Effective.Format("02/01/2006"))
	}
	st, err := d.store.StopDossier(ctx, data.Stop{DossierCode: dossier.Code, Reason: reason, Basis: basis, Officer: actor})
	if err != nil {
		return data.DossierView{}, "", err
	}
	v, err := d.view(ctx, dossier.Code)
	if err != nil {
		return v, "", err
	}
	path, err := d.stopNotice(ctx, office, key, v.Dossier, st, actor)
	return v, path, err
}

// StopNotice renders again the stop notice of a stopped dossier, marked
// as a reprint.
func (d *Desk) StopNotice(ctx context.Context, code string) (string, error) {
	ctx, o, err := d.begin(ctx, data.ActReturnDesk)
	if err != nil {
		return "", err
	}
	actor := o.FullName
	dossier, err := d.store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	st, err := d.store.Stopped(ctx, dossier.Code)
	if err != nil {
		return "", err
	}
	office, key, err := d.officeKey(ctx)
	if err != nil {
		return "", err
	}
	return d.stopNotice(ctx, office, key, dossier, st, actor)
}

func (d *Desk) stopNotice(ctx context.Context, office data.Office, key ed25519.PrivateKey, dossier data.Dossier, st data.Stop, actor string) (string, error) {
	payload, err := scan.SignReceipt(office.TrackingPrefix, dossier.Code, key)
	if err != nil {
		return "", fmt.Errorf("counter: sign %s: %w", dossier.Code, err)
	}
	if st.Officer == "" {
		st.Officer = actor
	}
	return d.issue(ctx, dossier.Code, KindStop, actor, func(w io.Writer, reprint int) error {
		return printout.StopNotice(w, printout.StopInput{Office: office, Dossier: dossier, Stop: st, QRPayload: payload,
			Reprint: reprint, Forms: formsFor(dossier, data.FormStop)})
	})
}

// controlRows is how many rows a control sheet has at least: as many as
// fit on its first A4 page.
const controlRows = 3

// agencyOf is the agency a dossier was last sent to on a to-agency
// manifest; "" when none.
func (d *Desk) agencyOf(ctx context.Context, code string) (string, error) {
	numbers, err := d.store.ManifestsOf(ctx, code)
	if err != nil {
		return "", err
	}
	agency := ""
	for _, n := range numbers {
		m, err := d.store.Manifest(ctx, n)
		if err != nil {
			return "", err
		}
		if m.Kind == data.ManifestToAgency && m.Agency != "" {
			agency = m.Agency
		}
	}
	return agency, nil
}

// ControlSheet renders the control sheet of a dossier (phiếu kiểm soát
// quá trình giải quyết hồ sơ) as it stands: a row per hand-over the
// store knows, blank rows for the steps done on paper, and the signed
// receipt QR, which opens the dossier at any counter. Each print is the
// sheet as of now, so none is marked as a reprint.
func (d *Desk) ControlSheet(ctx context.Context, code string) (string, error) {
	ctx, o, err := d.begin(ctx, data.ActReturnDesk)
	if err != nil {
		return "", err
	}
	actor := o.FullName
	dossier, err := d.store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	office, key, err := d.officeKey(ctx)
	if err != nil {
		return "", err
	}
	return d.controlSheet(ctx, office, key, dossier, actor)
}

func (d *Desk) controlSheet(ctx context.Context, office data.Office, key ed25519.PrivateKey, dossier data.Dossier, actor string) (string, error) {
	steps, err := d.store.HandOvers(ctx, dossier.Code)
	if err != nil {
		return "", err
	}
	payload, err := scan.SignReceipt(office.TrackingPrefix, dossier.Code, key)
	if err != nil {
		return "", fmt.Errorf("counter: sign %s: %w", dossier.Code, err)
	}
	agency, err := d.agencyOf(ctx, dossier.Code)
	if err != nil {
		return "", err
	}
	return d.issue(ctx, dossier.Code, KindControl, actor, func(w io.Writer, _ int) error {
		// Blank rows for the steps done on paper, as many as keep a new
		// dossier's sheet on one page; always one for a note.
		return printout.ControlSheet(w, printout.ControlInput{Office: office, Dossier: dossier, Steps: steps, Agency: agency,
			BlankRows: max(1, controlRows-len(steps)), QRPayload: payload, Forms: formsFor(dossier, data.FormControl)})
	})
}

// issue counts a printout of a dossier, renders it and keeps it.
func (d *Desk) issue(ctx context.Context, code, kind, actor string, render func(w io.Writer, reprint int) error) (string, error) {
	n, err := d.store.RecordPrint(ctx, code, kind, actor)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := render(&buf, n); err != nil {
		return "", fmt.Errorf("counter: %s %s: %w", kind, code, err)
	}
	return d.keep(code, kind, n, buf.Bytes())
}

// Notice issues Form 02 (supplement) or Form 03 (refusal) for the dossier
// a scan or code names: it moves the dossier's status and renders the
// form. It returns the dossier as it now stands and where the form is kept.
func (d *Desk) Notice(ctx context.Context, kind, text string, items []string) (data.Dossier, string, error) {
	ctx, o, err := d.begin(ctx, data.ActNotice)
	if err != nil {
		return data.Dossier{}, "", err
	}
	actor := o.FullName
	formKind, to, render := data.FormSupplement, data.StatusSupplement, printout.Supplement
	if kind == KindRefusal {
		formKind, to, render = data.FormRefusal, data.StatusRefused, printout.Refusal
	}
	clean := data.NoticeLines(items)
	var dossier data.Dossier
	var notFound error // a code that names no dossier is the officer's to correct
	if data.Clean(text) != "" {
		dossier, notFound = d.dossierFor(ctx, text)
		if data.ErrorCode(notFound) == data.EInternal {
			return data.Dossier{}, "", notFound
		}
	}
	if err := data.CheckNotice(formKind, text, notFound, clean); err != nil {
		return data.Dossier{}, "", err
	}
	office, err := d.store.Office(ctx)
	if err != nil {
		return data.Dossier{}, "", err
	}
	if dossier, err = d.store.SetStatus(ctx, dossier.Code, to, actor, strings.Join(clean, "; ")); err != nil {
		return data.Dossier{}, "", err
	}
	path, err := d.issue(ctx, dossier.Code, kind, actor, func(w io.Writer, _ int) error {
		return render(w, printout.NoticeInput{Office: office, Dossier: dossier, Items: clean, Issued: d.now(), Officer: actor,
			Forms: formsFor(dossier, formKind)})
	})
	return dossier, path, err
}

// keep writes a printout under printouts/YYYY-MM-DD/ in the data folder.
func (d *Desk) keep(code, kind string, reprint int, pdf []byte) (string, error) {
	dir := filepath.Join(d.DataDir, "printouts", d.now().Format("2006-01-02"))
	if err := platform.PrivateDir(filepath.Dir(dir), dir); err != nil {
		return "", fmt.Errorf("counter: keep printout: %w", err)
	}
	name := code + "-" + kind
	if reprint > 0 {
		name += fmt.Sprintf("-in-lai-%d", reprint)
	}
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		return "", fmt.Errorf("counter: keep printout: %w", err)
	}
	if err := platform.PrivateFile(path); err != nil {
		return "", err
	}
	return path, nil
}

// ManifestPDF renders a manifest (or, with reconciliation, its
// reconciliation report) and keeps it under the data folder. Printouts
// after the first are marked as reprints.
func (d *Desk) ManifestPDF(ctx context.Context, number string, reconciliation bool) (string, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return "", err
	}
	actor := o.FullName
	m, err := d.store.Manifest(ctx, number)
	if err != nil {
		return "", err
	}
	if reconciliation && m.Reconciled == nil {
		return "", data.Errorf(data.EConflict, "Biên bản %s chưa được đối chiếu.", m.Number)
	}
	office, key, err := d.officeKey(ctx)
	if err != nil {
		return "", err
	}
	payload, err := scan.SignManifest(office.TrackingPrefix, office.AgencyCode+"-"+m.Number, key)
	if err != nil {
		return "", fmt.Errorf("counter: sign manifest %s: %w", m.Number, err)
	}
	kind := "manifest"
	if reconciliation {
		kind = "reconciliation"
	}
	// A signed manifest's prints are counted (and audited); a draft or a
	// reconciliation report is audited only.
	n := 0
	if m.Status == data.ManifestClosed && !reconciliation {
		if n, err = d.store.RecordManifestPrint(ctx, m.Number, actor); err != nil {
			return "", err
		}
	} else if err := d.store.Audit(ctx, "", "print."+kind, m.Number, ""); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	in := printout.ManifestInput{Office: office, Manifest: m, QRPayload: payload, Reprint: n, Reconciliation: reconciliation}
	if err := printout.Manifest(&buf, in); err != nil {
		return "", fmt.Errorf("counter: manifest %s: %w", m.Number, err)
	}
	return d.keep("BB-"+m.Number, kind, n, buf.Bytes())
}

// ReturnNote renders the confirmation of a returned result: to whom, by
// whom and when. Printouts after the first are marked as reprints.
func (d *Desk) ReturnNote(ctx context.Context, code string) (string, error) {
	ctx, o, err := d.begin(ctx, data.ActReturnDesk)
	if err != nil {
		return "", err
	}
	actor := o.FullName
	office, err := d.store.Office(ctx)
	if err != nil {
		return "", err
	}
	dossier, err := d.store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	ret, err := d.store.Returned(ctx, dossier.Code)
	if err != nil {
		return "", err
	}
	return d.issue(ctx, dossier.Code, KindReturn, actor, func(w io.Writer, reprint int) error {
		return printout.ReturnNote(w, printout.ReturnInput{Office: office, Dossier: dossier, Return: ret, Reprint: reprint})
	})
}
