package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"motcua/data"
)

var _ data.RatingService = (*DB)(nil)

// applyRated records a citizen's rating that came through the province's
// feed; the first one of a dossier stands.
func (db *DB) applyRated(ctx context.Context, tx *Tx, c data.RemoteChange, r data.RatingRecord) error {
	at, _ := time.Parse(time.RFC3339, r.RatedAt) // validated
	comment, _ := data.CleanComment(r.Comment)   // validated
	_, err := tx.ExecContext(ctx, `INSERT INTO rating (dossier_code, level, comment, rated_at, remote_key)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, r.Code, r.Level, comment, at.In(data.Zone).Format(time.RFC3339), c.Key)
	return err
}

// Rating is a dossier's rating, ENotFound when it has none.
func (db *DB) Rating(ctx context.Context, code string) (data.Rating, error) {
	r := data.Rating{DossierCode: data.Clean(code)}
	var at string
	err := db.read.QueryRowContext(ctx, `SELECT level, comment, rated_at FROM rating WHERE dossier_code = ?`, r.DossierCode).
		Scan(&r.Level, &r.Comment, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return r, data.Errorf(data.ENotFound, "Hồ sơ %s chưa được người dân đánh giá.", r.DossierCode)
	}
	if err != nil {
		return r, fmt.Errorf("sqlite: rating %s: %w", code, err)
	}
	if r.RatedAt, err = time.Parse(time.RFC3339, at); err != nil {
		return r, fmt.Errorf("sqlite: rating %s: %w", code, err)
	}
	r.RatedAt = r.RatedAt.In(data.Zone)
	return r, nil
}

// RatingCounts counts the ratings given in [from, to), by level.
func (db *DB) RatingCounts(ctx context.Context, from, to time.Time) (data.RatingCounts, error) {
	var c data.RatingCounts
	// Every rated_at is written in Vietnam's zone: as text they sort as
	// times.
	rows, err := db.read.QueryContext(ctx, `SELECT level, COUNT(*) FROM rating WHERE rated_at >= ? AND rated_at < ? GROUP BY level`,
		from.In(data.Zone).Format(time.RFC3339), to.In(data.Zone).Format(time.RFC3339))
	if err != nil {
		return c, fmt.Errorf("sqlite: rating counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			level data.RatingLevel
			n     int
		)
		if err := rows.Scan(&level, &n); err != nil {
			return c, fmt.Errorf("sqlite: rating counts: %w", err)
		}
		c.Add(level, n)
	}
	return c, rows.Err()
}
