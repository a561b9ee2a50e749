package counter

import (
	"bytes"
	"context"
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
)

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
	return d.issue(ctx, dossier.Code, KindReceipt, actor, func(w io.Writer, reprint int) error {
		return printout.Receipt(w, printout.ReceiptInput{Office: office, Dossier: dossier, QRPayload: payload, Reprint: reprint})
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
	dossier, err := d.dossierFor(ctx, text)
	if err != nil {
		return data.Dossier{}, "", err
	}
	var clean []string
	for _, it := range items {
		for _, line := range strings.Split(it, "\n") {
			if line = data.Clean(line); line != "" {
				clean = append(clean, line)
			}
		}
	}
	if len(clean) == 0 {
		what := "giấy tờ cần bổ sung"
		if kind == KindRefusal {
			what = "lý do từ chối"
		}
		return data.Dossier{}, "", data.Errorf(data.EInvalid, "Hãy ghi rõ %s.", what)
	}
	to := data.StatusSupplement
	render := printout.Supplement
	if kind == KindRefusal {
		to, render = data.StatusRefused, printout.Refusal
	}
	office, err := d.store.Office(ctx)
	if err != nil {
		return data.Dossier{}, "", err
	}
	if dossier, err = d.store.SetStatus(ctx, dossier.Code, to, actor, strings.Join(clean, "; ")); err != nil {
		return data.Dossier{}, "", err
	}
	path, err := d.issue(ctx, dossier.Code, kind, actor, func(w io.Writer, _ int) error {
		return render(w, printout.NoticeInput{Office: office, Dossier: dossier, Items: clean, Issued: d.now(), Officer: actor})
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
