// Package counter is the counter desk: it takes dossiers, signs their QR
// codes, renders and keeps their printouts, and reads what a scanner types.
// The screens and the commands both go through it.
package counter

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/scan"
	"motcua/platform"
	"motcua/printout"
)

// Store is what the desk needs of the store.
type Store interface {
	data.OfficeService
	data.CatalogService
	data.IntakeService
	data.DossierService
	data.KeyService
	data.ManifestService
	data.ReturnService
}

// Desk is one workstation's counter.
type Desk struct {
	Store   Store
	DataDir string
	Now     func() time.Time
}

// New returns a desk over a store and a data folder.
func New(store Store, dataDir string) *Desk {
	return &Desk{Store: store, DataDir: dataDir, Now: time.Now}
}

func (d *Desk) keyPath() string { return filepath.Join(d.DataDir, "keys", "workstation.key") }

// EnsureKey makes this workstation's signing key when it has none, keeps
// the private half in the data folder readable by its owner only, and
// records the public half in the store.
func (d *Desk) EnsureKey(ctx context.Context) (ed25519.PrivateKey, error) {
	office, err := d.Store.Office(ctx)
	if err != nil {
		return nil, err
	}
	key, err := d.loadKey()
	if errors.Is(err, os.ErrNotExist) {
		key, err = d.createKey()
	} else if err == nil {
		err = errors.Join(platform.PrivateDir(filepath.Dir(d.keyPath())), platform.PrivateFile(d.keyPath()))
	}
	if err != nil {
		return nil, err
	}
	pub := key.Public().(ed25519.PublicKey)
	if err := d.Store.AddKey(ctx, data.WorkstationKey{AgencyCode: office.AgencyCode, Workstation: office.Workstation, PublicKey: pub}); err != nil {
		return nil, err
	}
	return key, nil
}

func (d *Desk) loadKey() (ed25519.PrivateKey, error) {
	raw, err := os.ReadFile(d.keyPath())
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		return nil, fmt.Errorf("counter: key %s is not PEM", d.keyPath())
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("counter: key %s: %w", d.keyPath(), err)
	}
	key, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("counter: key %s is not Ed25519", d.keyPath())
	}
	return key, nil
}

func (d *Desk) createKey() (ed25519.PrivateKey, error) {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	if err := platform.PrivateDir(filepath.Dir(d.keyPath())); err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	f, err := os.OpenFile(d.keyPath(), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	werr := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if err := errors.Join(werr, f.Sync(), f.Close()); err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	return key, nil
}

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
func (d *Desk) Receipt(ctx context.Context, code, actor string, reprint bool) (path string, err error) {
	dossier, err := d.Store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	office, err := d.Store.Office(ctx)
	if err != nil {
		return "", err
	}
	key, err := d.EnsureKey(ctx)
	if err != nil {
		return "", err
	}
	payload, err := scan.SignReceipt(office.TrackingPrefix, dossier.Code, key)
	if err != nil {
		return "", fmt.Errorf("counter: sign %s: %w", code, err)
	}
	if !reprint {
		if n, err := d.Store.PrintCount(ctx, dossier.Code, KindReceipt); err != nil {
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
	n, err := d.Store.RecordPrint(ctx, code, kind, actor)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := render(&buf, n); err != nil {
		return "", fmt.Errorf("counter: %s %s: %w", kind, code, err)
	}
	return d.keep(code, kind, n, buf.Bytes())
}

// Notice issues Form 02 (supplement) or Form 03 (refusal) for a dossier:
// it moves the dossier's status and renders the form.
func (d *Desk) Notice(ctx context.Context, kind, code string, items []string, actor string) (string, error) {
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
		return "", data.Errorf(data.EInvalid, "Hãy ghi rõ %s.", what)
	}
	to := data.StatusSupplement
	render := printout.Supplement
	if kind == KindRefusal {
		to, render = data.StatusRefused, printout.Refusal
	}
	office, err := d.Store.Office(ctx)
	if err != nil {
		return "", err
	}
	dossier, err := d.Store.SetStatus(ctx, code, to, actor, strings.Join(clean, "; "))
	if err != nil {
		return "", err
	}
	return d.issue(ctx, dossier.Code, kind, actor, func(w io.Writer, _ int) error {
		return render(w, printout.NoticeInput{Office: office, Dossier: dossier, Items: clean, Issued: d.Now().In(data.Zone), Officer: actor})
	})
}

// keep writes a printout under printouts/YYYY-MM-DD/ in the data folder.
func (d *Desk) keep(code, kind string, reprint int, pdf []byte) (string, error) {
	dir := filepath.Join(d.DataDir, "printouts", d.Now().In(data.Zone).Format("2006-01-02"))
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

// ScanResult is what a scan means for the officer.
type ScanResult struct {
	Kind   string       `json:"kind"`
	Code   string       `json:"code"`
	Valid  bool         `json:"valid"`
	Reason string       `json:"reason"`
	IDCard *scan.IDCard `json:"id_card,omitempty"`
}

// Scan reads whatever a scanner typed and checks receipt signatures
// against every key the store knows.
func (d *Desk) Scan(ctx context.Context, text string) (ScanResult, error) {
	r := scan.Parse(text)
	res := ScanResult{Kind: r.Kind, Code: r.Code, Reason: r.Reason, IDCard: r.IDCard}
	switch r.Kind {
	case scan.KindReceipt, scan.KindManifest:
		if r.Signature == nil {
			return res, nil
		}
		keys, err := d.Store.Keys(ctx)
		if err != nil {
			return res, err
		}
		pubs := make([]ed25519.PublicKey, 0, len(keys))
		for _, k := range keys {
			pubs = append(pubs, k.PublicKey)
		}
		if len(pubs) == 0 {
			res.Reason = "Máy này chưa có khoá nào để kiểm tra chữ ký (chưa thiết lập hoặc chưa đồng bộ)."
			return res, nil
		}
		if err := scan.Verify(r, pubs); err != nil {
			res.Reason = data.ErrorMessage(err)
			return res, nil
		}
		res.Valid, res.Reason = true, ""
	case scan.KindIDCard:
		res.Valid = r.IDCard != nil
	case scan.KindPostalItem, scan.KindCode:
		res.Valid = r.Code != ""
	}
	return res, nil
}

// DossierFor finds the dossier a scan or typed text points at: a signed
// receipt (whose signature must verify), a dossier code, or a postal item
// number. A forged receipt or unreadable text is refused with the reason.
func (d *Desk) DossierFor(ctx context.Context, text string) (data.Dossier, error) {
	res, err := d.Scan(ctx, text)
	if err != nil {
		return data.Dossier{}, err
	}
	switch res.Kind {
	case scan.KindReceipt:
		if !res.Valid {
			return data.Dossier{}, data.Errorf(data.EInvalid, "Mã QR giấy tiếp nhận không hợp lệ, không mở hồ sơ: %s", res.Reason)
		}
		return d.Store.Dossier(ctx, res.Code)
	case scan.KindCode:
		return d.Store.Dossier(ctx, res.Code)
	case scan.KindPostalItem:
		if !res.Valid {
			return data.Dossier{}, data.Errorf(data.EInvalid, "Số hiệu bưu gửi sai: %s", res.Reason)
		}
		return d.Store.DossierByPostalItem(ctx, res.Code)
	case scan.KindManifest:
		return data.Dossier{}, data.Errorf(data.EInvalid, "Đây là mã của một biên bản giao nhận, không phải của hồ sơ.")
	case scan.KindIDCard:
		return data.Dossier{}, data.Errorf(data.EInvalid, "Đây là mã QR căn cước, không phải của hồ sơ.")
	}
	return data.Dossier{}, data.Errorf(data.EInvalid, "Không đọc được mã: %s", res.Reason)
}

// Reconcile checks what arrived against a manifest: every scan is matched
// to a listed dossier; listed dossiers not scanned are missing, scans that
// match nothing listed are unexpected, unreadable ones with their reason.
// The result is stored with the manifest.
func (d *Desk) Reconcile(ctx context.Context, number string, scans []string, actor string) (data.Reconciliation, error) {
	m, err := d.Store.Manifest(ctx, number)
	if err != nil {
		return data.Reconciliation{}, err
	}
	listed := map[string]bool{}
	for _, it := range m.Items {
		listed[it.DossierCode] = false
	}
	r := data.Reconciliation{At: d.Now().In(data.Zone), Actor: actor, Scanned: []string{}, Missing: []string{}, Unexpected: []string{}}
	for _, text := range scans {
		if strings.TrimSpace(text) == "" {
			continue
		}
		dossier, err := d.DossierFor(ctx, text)
		if err != nil {
			if data.ErrorCode(err) == data.EInternal {
				return r, err
			}
			r.Unexpected = append(r.Unexpected, fmt.Sprintf("%s (%s)", strings.TrimSpace(text), data.ErrorMessage(err)))
			continue
		}
		r.Scanned = append(r.Scanned, dossier.Code)
		if seen, ok := listed[dossier.Code]; ok {
			if !seen {
				listed[dossier.Code] = true
			}
			continue
		}
		r.Unexpected = append(r.Unexpected, dossier.Code)
	}
	for _, it := range m.Items {
		if !listed[it.DossierCode] {
			r.Missing = append(r.Missing, it.DossierCode)
		}
	}
	if err := d.Store.SaveReconciliation(ctx, m.Number, r); err != nil {
		return r, err
	}
	return r, nil
}

// ManifestPDF renders a manifest (or, with reconciliation, its
// reconciliation report) and keeps it under the data folder. Printouts
// after the first are marked as reprints.
func (d *Desk) ManifestPDF(ctx context.Context, number, actor string, reconciliation bool) (string, error) {
	m, err := d.Store.Manifest(ctx, number)
	if err != nil {
		return "", err
	}
	if reconciliation && m.Reconciled == nil {
		return "", data.Errorf(data.EConflict, "Biên bản %s chưa được đối chiếu.", m.Number)
	}
	office, err := d.Store.Office(ctx)
	if err != nil {
		return "", err
	}
	key, err := d.EnsureKey(ctx)
	if err != nil {
		return "", err
	}
	payload, err := scan.SignManifest(office.TrackingPrefix, office.AgencyCode+"-"+m.Number, key)
	if err != nil {
		return "", fmt.Errorf("counter: sign manifest %s: %w", m.Number, err)
	}
	n := 0
	if m.Status == data.ManifestClosed && !reconciliation {
		if n, err = d.Store.RecordManifestPrint(ctx, m.Number, actor); err != nil {
			return "", err
		}
	}
	var buf bytes.Buffer
	in := printout.ManifestInput{Office: office, Manifest: m, QRPayload: payload, Reprint: n, Reconciliation: reconciliation}
	if err := printout.Manifest(&buf, in); err != nil {
		return "", fmt.Errorf("counter: manifest %s: %w", m.Number, err)
	}
	kind := "manifest"
	if reconciliation {
		kind = "reconciliation"
	}
	return d.keep("BB-"+m.Number, kind, n, buf.Bytes())
}

// Apology records Form 04 for a late dossier, moves its due date and
// renders the form.
func (d *Desk) Apology(ctx context.Context, code string, newDue time.Time, reason, actor string) (string, error) {
	office, err := d.Store.Office(ctx)
	if err != nil {
		return "", err
	}
	a, err := d.Store.Apologise(ctx, code, newDue, reason, actor)
	if err != nil {
		return "", err
	}
	dossier, err := d.Store.Dossier(ctx, a.DossierCode)
	if err != nil {
		return "", err
	}
	return d.issue(ctx, dossier.Code, KindApology, actor, func(w io.Writer, _ int) error {
		return printout.Apology(w, printout.ApologyInput{Office: office, Dossier: dossier, Apology: a})
	})
}

// ReturnNote renders the confirmation of a returned result: to whom, by
// whom and when. Printouts after the first are marked as reprints.
func (d *Desk) ReturnNote(ctx context.Context, code, actor string) (string, error) {
	office, err := d.Store.Office(ctx)
	if err != nil {
		return "", err
	}
	dossier, err := d.Store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	ret, err := d.Store.Returned(ctx, dossier.Code)
	if err != nil {
		return "", err
	}
	return d.issue(ctx, dossier.Code, KindReturn, actor, func(w io.Writer, reprint int) error {
		return printout.ReturnNote(w, printout.ReturnInput{Office: office, Dossier: dossier, Return: ret, Reprint: reprint})
	})
}
