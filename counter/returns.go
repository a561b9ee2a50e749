package counter

import (
	"context"
	"io"
	"time"

	"motcua/data"
	"motcua/printout"
)

// This file holds the return desk's workflows. Each returns the dossier
// as the return desk shows it after the change.

// View is everything the return desk shows of a dossier: its history,
// its return record, the manifests it travelled on and how close its due
// date is.
func (d *Desk) View(ctx context.Context, code string) (data.DossierView, error) {
	var v data.DossierView
	var err error
	if v.Dossier, err = d.store.Dossier(ctx, code); err != nil {
		return v, err
	}
	code = v.Dossier.Code
	if v.History, err = d.store.History(ctx, code); err != nil {
		return v, err
	}
	switch r, err := d.store.Returned(ctx, code); {
	case err == nil:
		v.Return = &r
	case data.ErrorCode(err) != data.ENotFound:
		return v, err
	}
	if v.Manifests, err = d.store.ManifestsOf(ctx, code); err != nil {
		return v, err
	}
	switch r, err := d.store.Rating(ctx, code); {
	case err == nil:
		v.Rating = &r
	case data.ErrorCode(err) != data.ENotFound:
		return v, err
	}
	if v.Dossier.Status == data.StatusStopped {
		switch st, err := d.store.Stopped(ctx, code); {
		case err == nil:
			v.Stop = &st
		case data.ErrorCode(err) != data.ENotFound:
			return v, err
		}
	}
	switch v.Dossier.Status {
	case data.StatusReceived, data.StatusTransferred: // the clock runs
		cal, err := d.store.Calendar(ctx)
		if err != nil {
			return v, err
		}
		today := data.DateOf(d.now())
		due := v.Dossier.DueDate
		v.Late = max(int(today.Sub(due).Hours()/24+0.5), 0)
		v.DueSoon = v.Late == 0 && !due.After(cal.Due(today, data.DueSoonDays, 0))
	}
	return v, nil
}

// SetStatus records a status change an officer makes by hand.
func (d *Desk) SetStatus(ctx context.Context, code string, to data.Status, actor, note string) (data.DossierView, error) {
	dossier, err := d.store.SetStatus(ctx, code, to, actor, note)
	if err != nil {
		return data.DossierView{}, err
	}
	return d.View(ctx, dossier.Code)
}

// Return hands a ready result to its applicant or an authorised person.
func (d *Desk) Return(ctx context.Context, code string, r data.Recipient, actor string) (data.DossierView, error) {
	ret, err := d.store.ReturnResult(ctx, code, r, actor)
	if err != nil {
		return data.DossierView{}, err
	}
	return d.View(ctx, ret.DossierCode)
}

// Apology records Form 04 for a late dossier, moves its due date and
// renders the form; it returns the dossier and where the form is kept.
func (d *Desk) Apology(ctx context.Context, code string, newDue time.Time, reason, actor string) (data.DossierView, string, error) {
	office, err := d.store.Office(ctx)
	if err != nil {
		return data.DossierView{}, "", err
	}
	a, err := d.store.Apologise(ctx, code, newDue, reason, actor)
	if err != nil {
		return data.DossierView{}, "", err
	}
	v, err := d.View(ctx, a.DossierCode)
	if err != nil {
		return v, "", err
	}
	path, err := d.issue(ctx, a.DossierCode, KindApology, actor, func(w io.Writer, _ int) error {
		return printout.Apology(w, printout.ApologyInput{Office: office, Dossier: v.Dossier, Apology: a,
			Forms: formsFor(v.Dossier, data.FormApology)})
	})
	return v, path, err
}

// ShowID records that an officer saw a dossier's full ID number.
func (d *Desk) ShowID(ctx context.Context, code, actor string) error {
	return d.store.Audit(ctx, actor, "dossier.view-id", code, "")
}
