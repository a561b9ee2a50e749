package counter

import (
	"context"
	"io"
	"time"

	"motcua/data"
	"motcua/data/returns"
	"motcua/printout"
)

// This file holds the return desk's workflows. Each returns the dossier
// as the return desk shows it after the change.

// View is everything the return desk shows of a dossier: its history,
// its return record, the manifests it travelled on and how close its due
// date is.
func (d *Desk) View(ctx context.Context, code string) (data.DossierView, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.DossierView{}, err
	}
	return d.view(ctx, code)
}

// The views the desk returns mask the ID number from an officer who may
// not see it in full (ShowID reveals it to one who may).

// Open is View for an officer opening a dossier, which the audit trail
// records.
func (d *Desk) Open(ctx context.Context, code string) (data.DossierView, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.DossierView{}, err
	}
	v, err := d.view(ctx, code)
	if err != nil {
		return v, err
	}
	return v, d.store.Audit(ctx, "", "dossier.open", v.Dossier.Code, "")
}

func (d *Desk) view(ctx context.Context, code string) (data.DossierView, error) {
	var v data.DossierView
	var err error
	if v.Dossier, err = d.store.Dossier(ctx, code); err != nil {
		return v, err
	}
	mask(data.OfficerFrom(ctx), &v.Dossier)
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
func (d *Desk) SetStatus(ctx context.Context, code string, to data.Status, note string) (data.DossierView, error) {
	ctx, o, err := d.begin(ctx, data.ActReturnDesk)
	if err != nil {
		return data.DossierView{}, err
	}
	dossier, err := d.store.SetStatus(ctx, code, to, o.FullName, note)
	if err != nil {
		return data.DossierView{}, err
	}
	return d.view(ctx, dossier.Code)
}

// UndoStatus undoes the dossier's last status change, set by mistake,
// with the supervisor's reason (data.LastChange says which may be).
func (d *Desk) UndoStatus(ctx context.Context, code, reason string) (data.DossierView, error) {
	ctx, o, err := d.begin(ctx, data.ActUndo)
	if err != nil {
		return data.DossierView{}, err
	}
	dossier, err := d.store.UndoStatus(ctx, code, reason, o.FullName)
	if err != nil {
		return data.DossierView{}, err
	}
	return d.view(ctx, dossier.Code)
}

// Return hands a ready result to its applicant or an authorised person.
func (d *Desk) Return(ctx context.Context, code string, r data.Recipient) (data.DossierView, error) {
	ctx, o, err := d.begin(ctx, data.ActReturnDesk)
	if err != nil {
		return data.DossierView{}, err
	}
	ret, err := d.store.ReturnResult(ctx, code, r, o.FullName)
	if err != nil {
		return data.DossierView{}, err
	}
	return d.view(ctx, ret.DossierCode)
}

// CheckReturn applies the rules of a hand-over without recording it, so
// that the screen asks for confirmation only of a return the store would
// take: the result ready, the recipient the applicant or authorised.
func (d *Desk) CheckReturn(ctx context.Context, code string, r data.Recipient) error {
	ctx, _, err := d.begin(ctx, data.ActReturnDesk)
	if err != nil {
		return err
	}
	doc, err := d.store.Dossier(ctx, data.Clean(code))
	if err != nil {
		return err
	}
	switch doc.Status {
	case data.StatusResultReady:
	case data.StatusReturned:
		prev, err := d.store.Returned(ctx, doc.Code)
		if err != nil {
			return err
		}
		return data.Errorf(data.EConflict, "Hồ sơ %s đã trả kết quả lúc %s cho %s.", doc.Code, prev.At.In(data.Zone).Format("15:04 02/01/2006"), prev.Name)
	default:
		return data.Errorf(data.EConflict, "Hồ sơ %s chưa có kết quả để trả (trạng thái: %s).", doc.Code, doc.Status.Label())
	}
	r.IDNumber, r.Name, r.Authorisation = data.Clean(r.IDNumber), data.Clean(r.Name), data.Clean(r.Authorisation)
	return returns.CheckRecipient(doc, r)
}

// Apology records Form 04 for a late dossier, moves its due date and
// renders the form; it returns the dossier and where the form is kept.
func (d *Desk) Apology(ctx context.Context, code string, newDue time.Time, reason string) (data.DossierView, string, error) {
	ctx, o, err := d.begin(ctx, data.ActApology)
	if err != nil {
		return data.DossierView{}, "", err
	}
	actor := o.FullName
	office, err := d.store.Office(ctx)
	if err != nil {
		return data.DossierView{}, "", err
	}
	a, err := d.store.Apologise(ctx, code, newDue, reason, actor)
	if err != nil {
		return data.DossierView{}, "", err
	}
	v, err := d.view(ctx, a.DossierCode)
	if err != nil {
		return v, "", err
	}
	path, err := d.issue(ctx, a.DossierCode, KindApology, actor, func(w io.Writer, _ int) error {
		return printout.Apology(w, printout.ApologyInput{Office: office, Dossier: v.Dossier, Apology: a,
			Forms: formsFor(v.Dossier, data.FormApology)})
	})
	return v, path, err
}

// ShowID returns a dossier's full ID number, which only a supervisor
// may see, and records who saw it.
func (d *Desk) ShowID(ctx context.Context, code string) (string, error) {
	ctx, _, err := d.begin(ctx, data.ActRevealID)
	if err != nil {
		return "", err
	}
	dossier, err := d.store.Dossier(ctx, code)
	if err != nil {
		return "", err
	}
	return dossier.Applicant.IDNumber, d.store.Audit(ctx, "", "dossier.view-id", dossier.Code, "")
}
