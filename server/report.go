package server

import (
	"context"
	"fmt"
	"time"

	"motcua/data"
	"motcua/data/report"
)

// OfficeFigures are one office's figures of a period, as its
// workstations synced them.
type OfficeFigures struct {
	AgencyCode string
	Name       string
	report.Figures
}

// ProvinceReport is every office's figures of a period and their total.
type ProvinceReport struct {
	Period  report.Period
	Offices []OfficeFigures // by agency code
	Total   report.Figures
}

// dueAt is the SQL of report.Facts.DueAt: the due date in force at a
// moment, the one before the apology until it was given.
const dueAt = `(CASE WHEN old_due IS NOT NULL AND apology_at IS NOT NULL AND %s < apology_at THEN old_due ELSE due_date END)`

// provinceFigures counts, in one pass over the index entries of the
// dossiers alive in the period ($1 its start, $2 its end, $3 the day of
// its end in Vietnam), the figures report.Classify gives each dossier:
// the index is read day of filing by day of filing, from the first to
// the period's end, each from the first dossier alive at its start
// (migration 007).
var provinceFigures = `WITH f AS (
	SELECT office_id,
		count(*) FILTER (WHERE received_at >= $1) AS received,
		count(*) FILTER (WHERE received_at >= $1 AND channel NOT IN ('postal', 'online')) AS counter,
		count(*) FILTER (WHERE received_at >= $1 AND channel = 'postal') AS postal,
		count(*) FILTER (WHERE received_at >= $1 AND channel = 'online') AS online,
		count(*) FILTER (WHERE received_at < $1 AND ` + open("$1") + `) AS carried_over,
		count(*) FILTER (WHERE ready_at >= $1 AND ready_at < $2 AND resolved < 0) AS early,
		count(*) FILTER (WHERE ready_at >= $1 AND ready_at < $2 AND resolved = 0) AS on_time,
		count(*) FILTER (WHERE ready_at >= $1 AND ready_at < $2 AND resolved > 0) AS late,
		count(*) FILTER (WHERE ` + open("$2") + ` AND ` + fmt.Sprintf(dueAt, "$2") + ` >= $3) AS open_on_time,
		count(*) FILTER (WHERE ` + open("$2") + ` AND ` + fmt.Sprintf(dueAt, "$2") + ` < $3) AS open_overdue,
		count(*) FILTER (WHERE returned_at >= $1 AND returned_at < $2) AS returned,
		count(*) FILTER (WHERE refused_at >= $1 AND refused_at < $2) AS refused,
		sum((SELECT count(*) FROM unnest(supplement_at) s WHERE s >= $1 AND s < $2)) FILTER (WHERE supplement_at IS NOT NULL) AS supplement,
		count(*) FILTER (WHERE apology_at >= $1 AND apology_at < $2) AS apologies,
		count(*) FILTER (WHERE stopped_at >= $1 AND stopped_at < $2) AS stopped
	FROM dossier
	WHERE received_day = ANY (ARRAY(SELECT generate_series((SELECT min(received_day) FROM dossier), ($2 AT TIME ZONE 'UTC')::date, INTERVAL '1 day')::date))
		AND active_until >= $1 AND received_at < $2
	GROUP BY office_id)
SELECT o.agency_code, o.name, COALESCE(received, 0), COALESCE(counter, 0), COALESCE(postal, 0), COALESCE(online, 0),
	COALESCE(carried_over, 0), COALESCE(early, 0), COALESCE(on_time, 0), COALESCE(late, 0), COALESCE(open_on_time, 0),
	COALESCE(open_overdue, 0), COALESCE(returned, 0), COALESCE(refused, 0), COALESCE(supplement, 0), COALESCE(apologies, 0),
	COALESCE(stopped, 0)
FROM office o LEFT JOIN f ON f.office_id = o.id
ORDER BY o.agency_code`

// open is the SQL of a dossier with neither a result nor an end at t.
func open(t string) string {
	return fmt.Sprintf(`(ended_at IS NULL OR ended_at >= %s)`, t)
}

// ProvinceReport computes in PostgreSQL every office's figures of a
// period from what its workstations synced, and the province's total.
func (s *Store) ProvinceReport(ctx context.Context, p report.Period) (ProvinceReport, error) {
	r := ProvinceReport{Period: p, Offices: []OfficeFigures{}}
	rows, err := s.pool.Query(ctx, provinceFigures, p.From, p.Until, data.DateOf(p.Until).Format(time.DateOnly))
	if err != nil {
		return r, fmt.Errorf("server: province report: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o OfficeFigures
		f := &o.Figures
		if err := rows.Scan(&o.AgencyCode, &o.Name, &f.Received, &f.ReceivedByChannel.Counter, &f.ReceivedByChannel.Postal,
			&f.ReceivedByChannel.Online, &f.CarriedOver, &f.ResolvedEarly, &f.ResolvedOnTime, &f.ResolvedLate, &f.InProgressOnTime,
			&f.InProgressOverdue, &f.Returned, &f.Refused, &f.Supplement, &f.Apologies, &f.Stopped); err != nil {
			return r, fmt.Errorf("server: province report: %w", err)
		}
		o.Figures = report.Sum(o.Figures) // with its on-time share
		r.Offices = append(r.Offices, o)
	}
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("server: province report: %w", err)
	}
	all := make([]report.Figures, len(r.Offices))
	for k, o := range r.Offices {
		all[k] = o.Figures
	}
	r.Total = report.Sum(all...)
	return r, nil
}
