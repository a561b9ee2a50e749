package counter

import (
	"context"
	"fmt"
	"strings"

	"motcua/data"
	"motcua/data/scan"
)

// This file holds the postal hand-over manifests' workflows. Each returns
// the manifest as it stands after it.

// OpenManifest starts a manifest of a kind.
func (d *Desk) OpenManifest(ctx context.Context, kind data.ManifestKind, carrier, agency string) (data.Manifest, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Manifest{}, err
	}
	return d.store.OpenManifest(ctx, kind, carrier, agency, o.FullName)
}

// AddToManifest puts on an open manifest the dossier a scan or code
// names, with the postal item number and fee of add; it returns the
// manifest and the new item.
func (d *Desk) AddToManifest(ctx context.Context, number, text string, add data.ManifestAdd) (data.Manifest, data.ManifestItem, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, err
	}
	dossier, err := d.dossierFor(ctx, text)
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, err
	}
	add.DossierCode = dossier.Code
	m, err := d.store.AddItem(ctx, number, add, o.FullName)
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, err
	}
	it, _ := m.Item(dossier.Code)
	return m, it, nil
}

// RemoveFromManifest takes a dossier off an open manifest.
func (d *Desk) RemoveFromManifest(ctx context.Context, number, code string) (data.Manifest, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Manifest{}, err
	}
	return d.store.RemoveItem(ctx, number, code, o.FullName)
}

// CloseManifest signs a manifest with both names and moves its dossiers;
// the office's signer is the logged-in officer unless another is named.
// A signed to-agency manifest sends each dossier on with its control
// sheet: they are rendered and kept, and where comes back in the order
// of the items. A control sheet that could not be made leaves the
// manifest signed: the manifest comes back with the error.
func (d *Desk) CloseManifest(ctx context.Context, number, officer, postalStaff string) (data.Manifest, []string, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Manifest{}, nil, err
	}
	if data.Clean(officer) == "" {
		officer = o.FullName
	}
	m, err := d.store.CloseManifest(ctx, number, officer, postalStaff)
	if err != nil || m.Kind != data.ManifestToAgency {
		return m, nil, err
	}
	office, key, err := d.officeKey(ctx)
	if err != nil {
		return m, nil, err
	}
	var sheets []string
	for _, it := range m.Items {
		dossier, err := d.store.Dossier(ctx, it.DossierCode)
		if err != nil {
			return m, sheets, err
		}
		path, err := d.controlSheet(ctx, office, key, dossier, m.Officer)
		if err != nil {
			return m, sheets, err
		}
		sheets = append(sheets, path)
	}
	return m, sheets, nil
}

// RecordDelivery records the outcome of a delivery attempt of a result
// the post took; it returns the manifest and the item.
func (d *Desk) RecordDelivery(ctx context.Context, number, code string, delivered bool) (data.Manifest, data.ManifestItem, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, err
	}
	m, err := d.store.RecordDelivery(ctx, number, code, delivered, o.FullName)
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, err
	}
	it, _ := m.Item(data.Clean(code))
	return m, it, nil
}

// Reconcile checks what arrived against a manifest: every scan is matched
// to a listed dossier; listed dossiers not scanned are missing, scans that
// match nothing listed are unexpected, unreadable ones with their reason.
// The result is stored with the manifest, which comes back with it.
func (d *Desk) Reconcile(ctx context.Context, number string, scans []string) (data.Manifest, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Manifest{}, err
	}
	actor := o.FullName
	m, err := d.store.Manifest(ctx, number)
	if err != nil {
		return data.Manifest{}, err
	}
	listed := map[string]bool{}
	for _, it := range m.Items {
		listed[it.DossierCode] = false
	}
	r := data.Reconciliation{At: d.now(), Actor: actor, Scanned: []string{}, Missing: []string{}, Unexpected: []string{}}
	for _, text := range scans {
		if strings.TrimSpace(text) == "" {
			continue
		}
		dossier, err := d.dossierFor(ctx, text)
		if err != nil {
			if data.ErrorCode(err) == data.EInternal {
				return data.Manifest{}, err
			}
			r.Unexpected = append(r.Unexpected, fmt.Sprintf("%s (%s)", strings.TrimSpace(text), data.ErrorMessage(err)))
			continue
		}
		r.Scanned = append(r.Scanned, dossier.Code)
		if _, ok := listed[dossier.Code]; ok {
			listed[dossier.Code] = true
			continue
		}
		r.Unexpected = append(r.Unexpected, dossier.Code)
	}
	for _, it := range m.Items {
		if !listed[it.DossierCode] {
			r.Missing = append(r.Missing, it.DossierCode)
		}
	}
	return d.store.SaveReconciliation(ctx, m.Number, r)
}

// ResultsBack marks ready, in one transaction, the results of the
// dossiers a signed to-agency manifest sent that are still at the agency,
// and returns their codes.
func (d *Desk) ResultsBack(ctx context.Context, number string) ([]string, error) {
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return nil, err
	}
	return d.store.ResultsBack(ctx, number, o.FullName)
}

// Results is what a result scanned in at the return desk marked ready.
type Results struct {
	Manifest string       // the manifest they came back by, "" for one dossier
	Codes    []string     // the dossiers whose results are now ready
	Dossier  data.Dossier // the one dossier, when a dossier was scanned
}

// ResultBack takes what a scanner typed at the return desk as results
// that came back from the agency: a manifest QR marks ready every result
// of its dossiers still at the agency, a receipt QR, code or postal item
// number the result of its dossier.
func (d *Desk) ResultBack(ctx context.Context, text string) (Results, error) {
	ctx, o, err := d.begin(ctx, data.ActReturnDesk)
	if err != nil {
		return Results{}, err
	}
	actor := o.FullName
	res, err := d.Scan(ctx, text)
	if err != nil {
		return Results{}, err
	}
	if res.Kind == scan.KindManifest {
		if !res.Valid {
			return Results{}, data.Errorf(data.EInvalid, "MÃ QR BIÊN BẢN KHÔNG HỢP LỆ — KHÔNG MỞ BIÊN BẢN. %s.", strings.TrimRight(res.Reason, ". "))
		}
		number := ManifestNumber(res.Code)
		codes, err := d.store.ResultsBack(ctx, number, actor)
		return Results{Manifest: number, Codes: codes}, err
	}
	dossier, err := d.dossierFor(ctx, text)
	if err != nil {
		return Results{}, err
	}
	if dossier, err = d.store.SetStatus(ctx, dossier.Code, data.StatusResultReady, actor, ""); err != nil {
		return Results{}, err
	}
	return Results{Codes: []string{dossier.Code}, Dossier: dossier}, nil
}

// ManifestNumber is the manifest number in a manifest QR's identifier,
// "<agency code>-<number>"; agency codes hold no dash.
func ManifestNumber(id string) string {
	if _, number, ok := strings.Cut(id, "-"); ok {
		return number
	}
	return id
}
