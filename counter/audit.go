package counter

import (
	"context"

	"motcua/data"
	"motcua/province"
)

// AuditEntries lists the audit entries a filter selects.
func (d *Desk) AuditEntries(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error) {
	ctx, _, err := d.begin(ctx, data.ActAudit)
	if err != nil {
		return nil, err
	}
	return d.store.AuditEntries(ctx, f)
}

// AuditCheck is what verifying the audit trail found, and whether the
// province could be asked for the head it holds.
type AuditCheck struct {
	data.AuditReport
	Enrolled bool
	// Offline says why the province's head could not be had, "" when it
	// was (or the workstation is not enrolled).
	Offline string
}

// VerifyAudit checks the audit trail's chain, and that it holds the head
// the province acknowledged last (as recorded here) and, when the
// workstation is enrolled and the province answers, the head the
// province holds.
func (d *Desk) VerifyAudit(ctx context.Context) (AuditCheck, error) {
	ctx, _, err := d.begin(ctx, data.ActAudit)
	if err != nil {
		return AuditCheck{}, err
	}
	var c AuditCheck
	heads := map[string]data.AuditHead{}
	settings, err := d.store.SyncSettings(ctx)
	if err != nil {
		return c, err
	}
	if c.Enrolled = settings.Enrolled(); c.Enrolled {
		h, err := d.provinceHead(ctx, settings)
		if err != nil {
			c.Offline = data.ErrorMessage(SyncError(err))
		} else {
			heads["province"] = h
		}
	}
	if c.AuditReport, err = d.store.VerifyAudit(ctx, heads); err != nil {
		return c, err
	}
	if h, ok := heads["province"]; ok && h.Seq > 0 {
		c.Province = &h
	}
	return c, nil
}

func (d *Desk) provinceHead(ctx context.Context, s data.SyncSettings) (data.AuditHead, error) {
	client, err := province.NewClient(s)
	if err != nil {
		return data.AuditHead{}, err
	}
	client.Now = d.Now
	return client.AuditHead(ctx)
}
