package server_test

import (
	"context"
	"net/url"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"motcua/data"
	"motcua/data/report"
	"motcua/server"
	"motcua/server/servertest"
)

// reportVersion changes whenever the report benchmark's generated rows
// change; a kept database of another version is filled again.
const reportVersion = 3

// reportDatabase returns a migrated database holding n dossiers of 100
// offices received over five years (2022–2026), each with the steps the
// figures count written as the history's trigger writes them, and a
// supplement request for one in fifty. With MOTCUA_BENCH_DATABASE_URL
// (make bench) it is the database motcua_bench_report of that cluster,
// kept between runs; else a fresh one for the run.
func reportDatabase(b *testing.B, n int) string {
	b.Helper()
	ctx := context.Background()
	dbURL := servertest.NewDatabase(b)
	if base := os.Getenv("MOTCUA_BENCH_DATABASE_URL"); base != "" {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			b.Fatal(err)
		}
		var ok bool
		conn.QueryRow(ctx, `SELECT true FROM pg_database WHERE datname = 'motcua_bench_report'`).Scan(&ok)
		if !ok {
			if _, err := conn.Exec(ctx, `CREATE DATABASE motcua_bench_report`); err != nil {
				b.Fatal(err)
			}
		}
		conn.Close(ctx)
		u, _ := url.Parse(base)
		u.Path = "/motcua_bench_report"
		dbURL = u.String()
	}
	store, err := server.Open(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	db := store.Pool()
	if _, err := db.Exec(ctx, `CREATE TABLE IF NOT EXISTS bench_info (version INTEGER, dossiers BIGINT)`); err != nil {
		b.Fatal(err)
	}
	var have int64
	if err := db.QueryRow(ctx, `SELECT dossiers FROM bench_info WHERE version = $1`, reportVersion).Scan(&have); err == nil && have == int64(n) {
		return dbURL
	}
	// The indexes are made again once the rows are in, as the migrations
	// define them.
	var indexes []string
	rows, _ := db.Query(ctx, `SELECT indexdef FROM pg_indexes WHERE tablename = 'dossier' AND indexname IN ('dossier_office', 'dossier_active')`)
	indexes, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(indexes) != 2 {
		b.Fatalf("indexes %v: %v", indexes, err)
	}
	start := time.Now()
	for _, q := range []string{
		`TRUNCATE bench_info, applied_change, feed, dossier_event, rating, dossier, enrollment_code, workstation_key, workstation, office CASCADE`,
		`INSERT INTO office (agency_code, name, place) SELECT format('000.%s.%s.H30', lpad((10 + o / 100)::text, 2, '0'), lpad((o % 100)::text, 2, '0')),
			'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ SỐ ' || o, 'Cần Thơ' FROM generate_series(0, 99) o`,
		// Dossier i: office i % 100, received at an even pace over five
		// years; its outcome by i % 100: results (a fifth of them late),
		// returned, refused, stopped, withdrawn, apologised, or still in
		// progress when received in the last two months.
		`DROP INDEX IF EXISTS dossier_office, dossier_active`,
		`WITH g AS (
			SELECT i, (SELECT min(id) FROM office) + i % 100 AS office, 1 + (i / 100) % 5 AS ws, i % 100 AS kind,
				TIMESTAMPTZ '2022-01-01 08:00+07' + (i::float8 / $1) * INTERVAL '1826 days' AS at
			FROM generate_series(0, $1 - 1) i),
		m AS (
			SELECT g.*, (at + INTERVAL '7 days')::date AS due,
				CASE WHEN kind < 80 THEN at + (1 + i % 10) * INTERVAL '1 day'
					WHEN kind BETWEEN 88 AND 89 THEN at + INTERVAL '9 days'
					WHEN kind >= 90 AND at < TIMESTAMPTZ '2026-11-01 00:00+07' THEN at + INTERVAL '6 days' END AS ready
			FROM g)
		INSERT INTO dossier (code, office_id, workstation, procedure_code, applicant_name, applicant_id, received_at, due_date, status,
			record, ready_at, returned_at, refused_at, stopped_at, withdrawn_at, apology_at, old_due)
		SELECT 'B' || lpad(i::text, 9, '0'), office, ws, '1.004837', 'Nguyễn Thị Hồng Nhung', '093190001234', at,
			CASE WHEN kind BETWEEN 88 AND 89 THEN due + 5 ELSE due END, 'received',
			CASE i % 20 WHEN 0 THEN '{"channel":"postal"}'::jsonb WHEN 1 THEN '{"channel":"online"}'::jsonb ELSE '{"channel":"counter"}'::jsonb END,
			ready, CASE WHEN kind < 70 THEN ready + INTERVAL '1 day' END,
			CASE WHEN kind BETWEEN 80 AND 84 THEN at + INTERVAL '1 day' END,
			CASE WHEN kind BETWEEN 85 AND 86 THEN at + INTERVAL '3 days' END,
			CASE WHEN kind = 87 THEN at + INTERVAL '2 days' END,
			CASE WHEN kind BETWEEN 88 AND 89 THEN at + INTERVAL '5 days' END,
			CASE WHEN kind BETWEEN 88 AND 89 THEN due END
		FROM m`,
		indexes[0], indexes[1],
		`INSERT INTO dossier_event (dossier_code, change_key, at, actor, action, from_status, to_status)
			SELECT code, 's-' || code, received_at + INTERVAL '2 days', 'Trần Văn Bình', 'status', 'received', 'supplement-requested'
			FROM dossier WHERE substr(code, 2)::bigint % 50 = 0`,
		`VACUUM ANALYZE`,
	} {
		args := []any{}
		if len(q) > 9 && q[:9] == "WITH g AS" {
			args = append(args, int64(n))
		}
		if _, err := db.Exec(ctx, q, args...); err != nil {
			b.Fatalf("%v\n%s", err, q)
		}
	}
	if _, err := db.Exec(ctx, `INSERT INTO bench_info (version, dossiers) VALUES ($1, $2)`, reportVersion, n); err != nil {
		b.Fatal(err)
	}
	b.Logf("province of %d dossiers generated in %s", n, time.Since(start).Round(time.Second))
	return dbURL
}

// BenchmarkProvinceReport computes the province's figures of a quarter
// and of a year over MOTCUA_BENCH_REPORT_DOSSIERS dossiers (20,000 by
// default; make bench: 10,000,000). Target: ≤ 5 s over 10,000,000. The
// baseline is counting every dossier, in the same run.
func BenchmarkProvinceReport(b *testing.B) {
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("MOTCUA_BENCH_REPORT_DOSSIERS")); err == nil && v > 0 {
		n = v
	}
	dbURL := reportDatabase(b, n)
	ctx := context.Background()
	store, err := server.Open(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	now := time.Date(2027, 1, 10, 9, 0, 0, 0, data.Zone)
	period := func(from, to time.Time) report.Period {
		p, err := report.NewPeriod(from, to, now)
		if err != nil {
			b.Fatal(err)
		}
		return p
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, data.Zone) }
	for _, c := range []struct {
		name string
		p    report.Period
	}{
		{"quarter", period(day(2026, 10, 1), day(2026, 12, 31))},
		{"year", period(day(2026, 1, 1), day(2026, 12, 31))},
		{"year-2023", period(day(2023, 1, 1), day(2023, 12, 31))},
	} {
		b.Run(c.name, func(b *testing.B) {
			var r server.ProvinceReport
			for b.Loop() {
				if r, err = store.ProvinceReport(ctx, c.p); err != nil {
					b.Fatal(err)
				}
			}
			if len(r.Offices) != 100 || r.Total.Received == 0 {
				b.Fatalf("%d offices, %d received", len(r.Offices), r.Total.Received)
			}
			b.ReportMetric(float64(r.Total.Received), "received")
		})
	}
	b.Run("baseline-count-all", func(b *testing.B) {
		pool := store.Pool()
		var total int64
		for b.Loop() {
			if err := pool.QueryRow(ctx, `SELECT count(*) FROM dossier`).Scan(&total); err != nil {
				b.Fatal(err)
			}
		}
		if total != int64(n) {
			b.Fatalf("%d dossiers, want %d", total, n)
		}
	})
}
