package counter

import (
	"context"
	"time"

	"motcua/data"
)

// This file holds the reads of personal data: the Reader's own methods of
// the same names, for a logged-in officer only. The screens' other reads
// (catalogue, calendar, settings) need no account.

// mask hides all but the last four digits of the applicant's ID number
// from an officer whose role may not see it in full.
func mask(o data.Officer, ds ...*data.Dossier) {
	if o.Role.Allows(data.ActRevealID) {
		return
	}
	for _, d := range ds {
		d.Applicant.IDNumber = d.Applicant.MaskedID()
	}
}

// Dossier returns a dossier, its ID number masked unless the officer may
// see it.
func (d *Desk) Dossier(ctx context.Context, code string) (data.Dossier, error) {
	ctx, o, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Dossier{}, err
	}
	dossier, err := d.store.Dossier(ctx, code)
	mask(o, &dossier)
	return dossier, err
}

// History returns a dossier's history.
func (d *Desk) History(ctx context.Context, code string) ([]data.Event, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return nil, err
	}
	return d.store.History(ctx, code)
}

// DossiersOf returns the dossiers of an ID number, as an ID card scanned
// at the scan bar shows them; the audit trail records the search.
func (d *Desk) DossiersOf(ctx context.Context, idNumber string) ([]data.Dossier, error) {
	ctx, o, err := d.begin(ctx, data.ActView)
	if err != nil {
		return nil, err
	}
	ds, err := d.store.DossiersOf(ctx, idNumber)
	if err != nil {
		return nil, err
	}
	for i := range ds {
		mask(o, &ds[i])
	}
	masked := data.Applicant{IDNumber: idNumber}.MaskedID()
	return ds, d.store.Audit(ctx, "", "dossier.search-id", masked, "")
}

// DossierByPostalItem finds the dossier of a postal item number.
func (d *Desk) DossierByPostalItem(ctx context.Context, item string) (data.Dossier, error) {
	ctx, o, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Dossier{}, err
	}
	dossier, err := d.store.DossierByPostalItem(ctx, item)
	mask(o, &dossier)
	return dossier, err
}

// Lists returns the return desk's lists.
func (d *Desk) Lists(ctx context.Context) (data.Lists, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Lists{}, err
	}
	return d.store.Lists(ctx)
}

// Returned returns a dossier's return record.
func (d *Desk) Returned(ctx context.Context, code string) (data.Return, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Return{}, err
	}
	return d.store.Returned(ctx, code)
}

// Manifest returns a manifest with its items.
func (d *Desk) Manifest(ctx context.Context, number string) (data.Manifest, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Manifest{}, err
	}
	return d.store.Manifest(ctx, number)
}

// ShowManifest is Manifest for an officer who opens or exports it, which
// the audit trail records: its items name applicants.
func (d *Desk) ShowManifest(ctx context.Context, number string) (data.Manifest, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Manifest{}, err
	}
	m, err := d.store.Manifest(ctx, number)
	if err != nil {
		return m, err
	}
	return m, d.store.Audit(ctx, "", "manifest.view", m.Number, "")
}

// Manifests lists open manifests and those closed since a time.
func (d *Desk) Manifests(ctx context.Context, closedSince time.Time) ([]data.Manifest, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return nil, err
	}
	return d.store.Manifests(ctx, closedSince)
}

// ManifestsOf lists the manifests a dossier travelled on.
func (d *Desk) ManifestsOf(ctx context.Context, code string) ([]string, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return nil, err
	}
	return d.store.ManifestsOf(ctx, code)
}

// Rating returns a dossier's rating by its applicant.
func (d *Desk) Rating(ctx context.Context, code string) (data.Rating, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Rating{}, err
	}
	return d.store.Rating(ctx, code)
}

// RatingCounts counts the ratings of a period: a report.
func (d *Desk) RatingCounts(ctx context.Context, from, to time.Time) (data.RatingCounts, error) {
	ctx, _, err := d.begin(ctx, data.ActReports)
	if err != nil {
		return data.RatingCounts{}, err
	}
	return d.store.RatingCounts(ctx, from, to)
}
