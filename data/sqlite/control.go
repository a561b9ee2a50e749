package sqlite

import (
	"context"
	"fmt"
	"sort"

	"motcua/data"
)

var _ data.HandOverService = (*DB)(nil)

// HandOvers are the hand-overs of a dossier the store knows, the rows of
// its control sheet, oldest first: the intake (from the applicant at the
// counter, or from the post by a signed from-post manifest), each signed
// manifest to a processing agency, each result that came back, and the
// return (to the recipient at the counter, or to the post to deliver).
// A result's row says whether it came back before, on or after the due
// date.
func (db *DB) HandOvers(ctx context.Context, code string) ([]data.HandOver, error) {
	d, err := db.Dossier(ctx, code)
	if err != nil {
		return nil, err
	}
	office, err := db.Office(ctx)
	if err != nil {
		return nil, err
	}
	unit := office.Name
	var steps []data.HandOver

	type signedManifest struct {
		number, kind, carrier, agency, closed, officer, postal string
	}
	rows, err := db.read.QueryContext(ctx, `SELECT m.number, m.kind, m.carrier, m.agency, m.closed_at, m.officer, m.postal_staff
		FROM manifest_item i JOIN manifest m ON m.number = i.manifest_number
		WHERE i.dossier_code = ? AND m.status = 'closed' ORDER BY m.closed_at`, d.Code)
	if err != nil {
		return nil, fmt.Errorf("sqlite: hand-overs %s: %w", code, err)
	}
	var ms []signedManifest
	for rows.Next() {
		var m signedManifest
		if err := rows.Scan(&m.number, &m.kind, &m.carrier, &m.agency, &m.closed, &m.officer, &m.postal); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: hand-overs %s: %w", code, err)
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: hand-overs %s: %w", code, err)
	}
	post := func(carrier string) string {
		if carrier == "" {
			return "Bưu điện"
		}
		return carrier
	}
	fromPost := false
	lastAgency := ""
	for _, m := range ms {
		at := parseStamp(m.closed)
		note := "Biên bản số " + m.number
		switch data.ManifestKind(m.kind) {
		case data.ManifestFromPost:
			fromPost = true
			steps = append(steps, data.HandOver{At: at, FromUnit: post(m.carrier), From: m.postal, ToUnit: unit, To: m.officer, Note: note})
		case data.ManifestToAgency:
			lastAgency = m.agency
			steps = append(steps, data.HandOver{At: at, FromUnit: unit, From: m.officer, ToUnit: m.agency, To: m.postal, Note: note})
		case data.ManifestToCitizen:
			steps = append(steps, data.HandOver{At: at, FromUnit: unit, From: m.officer, ToUnit: post(m.carrier), To: m.postal,
				Note: note + ": phát kết quả cho người nhận"})
		}
	}
	if !fromPost {
		steps = append(steps, data.HandOver{At: d.ReceivedAt, FromUnit: "Người nộp hồ sơ", From: d.Applicant.Name, ToUnit: unit, To: d.Officer,
			Note: "Tiếp nhận hồ sơ"})
	}

	// Results that came back: a status change to result-ready that no
	// supervisor undid (an undo back to it is no result either). One made
	// here was recorded by the officer who took the result; one pulled
	// from the province was the agency's own.
	rows, err = db.read.QueryContext(ctx, `SELECT at, actor, remote_key IS NOT NULL FROM dossier_event
		WHERE dossier_code = ? AND to_status = ? AND from_status <> to_status AND undone = 0 AND action <> ? ORDER BY id`,
		d.Code, data.StatusResultReady, data.ActionUndo)
	if err != nil {
		return nil, fmt.Errorf("sqlite: hand-overs %s: %w", code, err)
	}
	for rows.Next() {
		var (
			at, actor string
			remote    bool
		)
		if err := rows.Scan(&at, &actor, &remote); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: hand-overs %s: %w", code, err)
		}
		t := parseStamp(at)
		h := data.HandOver{At: t, FromUnit: lastAgency, ToUnit: unit, To: actor, Result: data.Timeliness(t, d.DueDate), Note: "Nhận kết quả"}
		if remote {
			h.FromUnit, h.To = actor, ""
		}
		steps = append(steps, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: hand-overs %s: %w", code, err)
	}

	switch r, err := db.Returned(ctx, d.Code); {
	case err == nil:
		note := "Trả kết quả cho người nộp"
		if r.Authorised {
			note = "Trả kết quả cho người được ủy quyền"
		}
		steps = append(steps, data.HandOver{At: r.At, FromUnit: unit, From: r.Officer, ToUnit: "Người nhận kết quả", To: r.Name, Note: note})
	case data.ErrorCode(err) != data.ENotFound:
		return nil, err
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].At.Before(steps[j].At) })
	return steps, nil
}
