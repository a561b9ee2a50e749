package counter

import (
	"context"
	"fmt"
	"time"

	"motcua/data"
)

// FeeReport totals the fees collected over the days from and to, with
// each receipt and its payer: a supervisor's report, recorded in the
// audit trail as an export of personal data.
func (d *Desk) FeeReport(ctx context.Context, from, to time.Time) (data.FeeReport, error) {
	ctx, _, err := d.begin(ctx, data.ActReports)
	if err != nil {
		return data.FeeReport{}, err
	}
	rep, err := d.store.FeeReport(ctx, from, to)
	if err != nil {
		return rep, err
	}
	period := from.Format("2006-01-02") + "/" + to.Format("2006-01-02")
	detail := fmt.Sprintf("%d biên lai, %d hồ sơ miễn", len(rep.Receipts), len(rep.Exemptions))
	if err := d.store.Audit(ctx, "", "report.fees", period, detail); err != nil {
		return data.FeeReport{}, err
	}
	return rep, nil
}
