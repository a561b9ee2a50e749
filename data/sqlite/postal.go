package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"motcua/data"
)

var _ data.PostalService = (*DB)(nil)

// applyAnnounced keeps an item the postal operator announced for this
// office.
func (db *DB) applyAnnounced(ctx context.Context, tx *Tx, a data.PostalAnnouncement, office data.Office) error {
	if a.AgencyCode != office.AgencyCode {
		return nil // not ours: the province sends none, but a restored store may be of another office
	}
	raw, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO postal_announcement (item, agency_code, record, announced_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (item) DO NOTHING`, a.Item, a.AgencyCode, string(raw), a.Announced().In(data.Zone).Format(time.RFC3339))
	return err
}

// applyDelivery records a delivery attempt the postal operator reported
// to the province, as `manifest delivery` records one typed here: the
// to-citizen manifest's item (on the workstation that holds it), the
// dossier's status or return method, and its history. The province did
// the same on its side, so nothing goes back to it.
func (db *DB) applyDelivery(ctx context.Context, tx *Tx, c data.RemoteChange, r data.DeliveryRecord) error {
	var status data.Status
	var seen int64
	err := tx.QueryRowContext(ctx, `SELECT status, sync_seq FROM dossier WHERE code = ?`, r.Code).Scan(&status, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a dossier this workstation never had
	}
	if err != nil {
		return err
	}
	at, _ := time.Parse(time.RFC3339, r.At) // checked
	_, err = tx.ExecContext(ctx, `UPDATE manifest_item SET attempts = ?, outcome = ?, outcome_at = ?
		WHERE dossier_code = ? AND outcome NOT IN (?, ?) AND (postal_item = ? OR postal_item = '')
		AND manifest_number IN (SELECT number FROM manifest WHERE kind = ? AND status = ?)`,
		r.Attempts, r.Outcome, at.In(data.Zone).Format(time.RFC3339), r.Code, data.DeliveryDelivered, data.DeliveryReturning,
		r.Item, data.ManifestToCitizen, data.ManifestClosed)
	if err != nil {
		return err
	}
	to := status
	if r.Outcome == data.DeliveryDelivered && status == data.StatusResultReady {
		to = data.StatusReturned
	}
	action := "delivery-failed"
	if r.Outcome == data.DeliveryDelivered {
		action = "status"
	}
	if err := db.remoteEvent(ctx, tx, c, r.Code, data.Clean(r.Actor), action, status, to, r.Note()); err != nil {
		return err
	}
	if c.Seq <= seen || db.waiting(ctx, tx, r.Code) {
		// A change of the dossier still waiting here will be judged by
		// the province after this one: until then the officer's stands.
		_, err = tx.ExecContext(ctx, `UPDATE dossier SET sync_seq = MAX(sync_seq, ?) WHERE code = ?`, c.Seq, r.Code)
		return err
	}
	method := ""
	if r.Outcome == data.DeliveryReturning {
		method = string(data.ReturnCounter)
	}
	_, err = tx.ExecContext(ctx, `UPDATE dossier SET status = ?, sync_seq = ?, updated_at = ?,
		return_method = CASE WHEN ? <> '' THEN ? ELSE return_method END WHERE code = ?`,
		to, c.Seq, db.stamp(), method, method, r.Code)
	return err
}

// announcedQuery reads announcements with the dossier each became and
// the from-post manifest it is on.
const announcedQuery = `SELECT a.record,
		COALESCE((SELECT code FROM dossier WHERE postal_item = a.item ORDER BY received_at LIMIT 1), ''),
		COALESCE((SELECT m.number FROM manifest_item i JOIN manifest m ON m.number = i.manifest_number
			WHERE i.postal_item = a.item AND m.kind = 'from-post' ORDER BY m.status = 'closed' DESC LIMIT 1), '')
	FROM postal_announcement a`

// handedOver is true for an item on a signed from-post manifest.
const handedOver = `EXISTS (SELECT 1 FROM manifest_item i JOIN manifest m ON m.number = i.manifest_number
	WHERE i.postal_item = a.item AND m.kind = 'from-post' AND m.status = 'closed')`

func scanAnnounced(rows interface{ Scan(...any) error }) (data.Announced, error) {
	var (
		a   data.Announced
		raw string
	)
	if err := rows.Scan(&raw, &a.DossierCode, &a.Manifest); err != nil {
		return a, err
	}
	err := json.Unmarshal([]byte(raw), &a.PostalAnnouncement)
	return a, err
}

// Announcements lists the items the postal operator announced that no
// signed from-post manifest holds yet, oldest first.
func (db *DB) Announcements(ctx context.Context) ([]data.Announced, error) {
	rows, err := db.read.QueryContext(ctx, announcedQuery+` WHERE NOT `+handedOver+` ORDER BY a.announced_at, a.item`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: announcements: %w", err)
	}
	defer rows.Close()
	out := []data.Announced{}
	for rows.Next() {
		a, err := scanAnnounced(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: announcements: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: announcements: %w", err)
	}
	return out, nil
}

// Announcement returns the announcement of an item.
func (db *DB) Announcement(ctx context.Context, item string) (data.Announced, error) {
	a, err := scanAnnounced(db.read.QueryRowContext(ctx, announcedQuery+` WHERE a.item = ?`, data.Clean(item)))
	if errors.Is(err, sql.ErrNoRows) {
		return a, data.Errorf(data.ENotFound, "Bưu điện chưa báo bưu gửi %s.", item)
	}
	if err != nil {
		return a, fmt.Errorf("sqlite: announcement %s: %w", item, err)
	}
	return a, nil
}

// PostalCounts compares, for the period [from, to), the items the postal
// operator announced with the postal dossiers signed in on from-post
// manifests: how many of each, the items announced in the period not
// handed over by its end, and those handed over in it never announced.
func (db *DB) PostalCounts(ctx context.Context, from, to time.Time) (data.PostalCounts, error) {
	c := data.PostalCounts{From: from, To: to, NotHandedOver: []string{}, NotAnnounced: []string{}}
	f, t := from.In(data.Zone).Format(time.RFC3339), to.In(data.Zone).Format(time.RFC3339)
	// Items signed in: their postal item on a closed from-post manifest,
	// by the manifest's signing time.
	const signed = `SELECT i.postal_item AS item, m.closed_at AS at FROM manifest_item i JOIN manifest m ON m.number = i.manifest_number
		WHERE m.kind = 'from-post' AND m.status = 'closed' AND i.postal_item <> ''`
	err := db.read.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM postal_announcement WHERE announced_at >= ?1 AND announced_at < ?2),
			(SELECT COUNT(*) FROM (`+signed+`) WHERE at >= ?1 AND at < ?2)`, f, t).Scan(&c.Announced, &c.HandedOver)
	if err != nil {
		return c, fmt.Errorf("sqlite: postal counts: %w", err)
	}
	lists := []struct {
		query string
		out   *[]string
	}{
		{`SELECT a.item FROM postal_announcement a WHERE a.announced_at >= ?1 AND a.announced_at < ?2
			AND NOT EXISTS (SELECT 1 FROM (` + signed + `) s WHERE s.item = a.item AND s.at < ?2) ORDER BY a.announced_at, a.item`, &c.NotHandedOver},
		{`SELECT s.item FROM (` + signed + `) s WHERE s.at >= ?1 AND s.at < ?2
			AND NOT EXISTS (SELECT 1 FROM postal_announcement a WHERE a.item = s.item) ORDER BY s.at, s.item`, &c.NotAnnounced},
	}
	for _, l := range lists {
		rows, err := db.read.QueryContext(ctx, l.query, f, t)
		if err != nil {
			return c, fmt.Errorf("sqlite: postal counts: %w", err)
		}
		for rows.Next() {
			var item string
			if err := rows.Scan(&item); err != nil {
				rows.Close()
				return c, fmt.Errorf("sqlite: postal counts: %w", err)
			}
			*l.out = append(*l.out, item)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return c, fmt.Errorf("sqlite: postal counts: %w", err)
		}
	}
	return c, nil
}
