package sqlite

import (
	"context"
	"strings"
	"testing"
)

// TestWritesBuildNoTemporaryTables: what an intake and a status change
// write must not make SQLite build a temporary table on every row, as a
// list of constants after IN in an index or a trigger does (it cost an
// intake a quarter of a millisecond). EXPLAIN lists the triggers'
// programs with the statement's own.
func TestWritesBuildNoTemporaryTables(t *testing.T) {
	db := counterDB(t)
	writes := map[string]string{
		"intake": `INSERT INTO dossier (code, procedure_code, procedure_name, applicant_name, applicant_id, sets, channel,
			return_method, received_at, working_days, due_date, status, book, register_no, workstation, updated_at)
			VALUES ('c', 'p', 'n', 'a', 'i', 1, 'counter', 'counter', 'r', 1, 'd', 'received', 2026, 1, 1, 'u')`,
		"status change": `UPDATE dossier SET status = 'returned', result_ready_at = 'r', updated_at = 'u' WHERE code = 'c'`,
		"history line": `INSERT INTO dossier_event (dossier_code, at, actor, account, action, from_status, to_status, note)
			VALUES ('c', 'a', 'x', 'y', 'status', 'received', 'returned', '')`,
		"documents": `INSERT INTO dossier_document (dossier_code, position, name_id, originals, copies) VALUES ('c', 1, 1, 1, 0)`,
		"audit": `INSERT INTO audit (id, at, account, actor, workstation, action, subject, detail, digest, prev_hash, hash)
			VALUES (1, 'a', 'b', 'c', 1, 'd', 'e', 'f', 'g', 'h', 'i')`,
		"outbox": `INSERT INTO outbox (key, kind, subject, payload, created_at) VALUES ('k', 'dossier.created', 's', '{}', 'c')`,
	}
	for name, write := range writes {
		t.Run(name, func(t *testing.T) {
			rows, err := db.write.QueryContext(context.Background(), "EXPLAIN "+write)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			cols, _ := rows.Columns()
			values := make([]any, len(cols))
			for i := range values {
				values[i] = new(any)
			}
			for rows.Next() {
				if err := rows.Scan(values...); err != nil {
					t.Fatal(err)
				}
				op := *(values[1].(*any))
				if s, _ := op.(string); strings.HasPrefix(s, "OpenEphemeral") || strings.HasPrefix(s, "OpenAutoindex") {
					t.Errorf("%s builds a temporary table (%s at %v)", name, s, *(values[0].(*any)))
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
