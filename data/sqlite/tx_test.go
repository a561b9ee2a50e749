package sqlite

import (
	"context"
	"errors"
	"testing"
)

// A transaction whose work fails or panics leaves nothing behind, and the
// writer's connection serves the next one.
func TestTxRollsBackFailuresAndPanics(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if err := db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE probe (n INTEGER)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	insert := func(tx *Tx, n int) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO probe (n) VALUES (?)`, n); err != nil {
			t.Fatal(err)
		}
	}
	refused := errors.New("refused")
	if err := db.inTx(ctx, func(tx *Tx) error { insert(tx, 1); return refused }); !errors.Is(err, refused) {
		t.Fatalf("got %v, want the work's own error", err)
	}
	func() {
		defer func() { recover() }()
		db.inTx(ctx, func(tx *Tx) error { insert(tx, 2); panic("mid-transaction") })
	}()
	if err := db.inTx(ctx, func(tx *Tx) error { insert(tx, 3); return nil }); err != nil {
		t.Fatalf("the transaction after a panic: %v", err)
	}
	var got []int
	rows, err := db.read.QueryContext(ctx, `SELECT n FROM probe ORDER BY n`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n int
		rows.Scan(&n)
		got = append(got, n)
	}
	rows.Close()
	err = rows.Err()
	if err != nil || len(got) != 1 || got[0] != 3 {
		t.Fatalf("probe holds %v (%v), want only the committed 3", got, err)
	}
}
