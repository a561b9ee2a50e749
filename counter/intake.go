package counter

import (
	"context"

	"motcua/data"
	"motcua/data/intake"
)

// Preview says what saving a request would do now: the dossier's code
// when it is valid, and its due date as soon as its procedure and time
// limit are known, valid or not, so that the officer sees it while
// typing.
func (d *Desk) Preview(ctx context.Context, req data.IntakeRequest) (data.IntakePreview, error) {
	ctx, o, err := d.begin(ctx, data.ActIntake)
	if err != nil {
		return data.IntakePreview{}, err
	}
	req.Officer = o.FullName
	dossier, err := d.store.Preview(ctx, req)
	if err == nil {
		return data.IntakePreview{Dossier: dossier}, nil
	}
	if data.ErrorCode(err) != data.EInvalid {
		return data.IntakePreview{}, err
	}
	pv := data.IntakePreview{Invalid: err}
	intake.Normalize(&req)
	p, perr := d.store.Procedure(ctx, req.ProcedureCode)
	switch {
	case data.ErrorCode(perr) == data.ENotFound || req.ProcedureCode == "":
		return pv, nil
	case perr != nil:
		return data.IntakePreview{}, perr
	}
	pv.Dossier = data.Dossier{ProcedureCode: p.Code, ProcedureName: p.Name}
	if p.NeedsReview() && req.WorkingDays == nil {
		return pv, nil // no time limit yet
	}
	days := intake.WorkingDays(req, p)
	if days < 0 || days > data.MaxWorkingDays {
		return pv, nil
	}
	cal, err := d.store.Calendar(ctx)
	if err != nil {
		return data.IntakePreview{}, err
	}
	received := req.ReceivedAt
	if received.IsZero() {
		received = d.now()
	}
	pv.Dossier.WorkingDays = days
	pv.Dossier.DueDate = cal.Due(received, days, p.CutoffDuration())
	return pv, nil
}

// Intake validates and saves a dossier, in one transaction; the
// logged-in officer receives it.
func (d *Desk) Intake(ctx context.Context, req data.IntakeRequest) (data.Dossier, error) {
	ctx, o, err := d.begin(ctx, data.ActIntake)
	if err != nil {
		return data.Dossier{}, err
	}
	req.Officer = o.FullName
	return d.store.Intake(ctx, req)
}

// Show returns a dossier with its history, its full ID number for an
// officer who may see it (masked for the others), and records in the
// audit trail who saw it.
func (d *Desk) Show(ctx context.Context, code, detail string) (data.Dossier, []data.Event, error) {
	ctx, o, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Dossier{}, nil, err
	}
	dossier, err := d.store.Dossier(ctx, code)
	if err != nil {
		return dossier, nil, err
	}
	hist, err := d.store.History(ctx, dossier.Code)
	if err != nil {
		return dossier, nil, err
	}
	if o.Role.Allows(data.ActRevealID) {
		detail += ", đủ số định danh"
	}
	mask(o, &dossier)
	if err := d.store.Audit(ctx, "", "dossier.view", dossier.Code, detail); err != nil {
		return dossier, nil, err
	}
	return dossier, hist, nil
}
