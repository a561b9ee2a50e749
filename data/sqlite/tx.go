package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"

	"github.com/mattn/go-sqlite3"
)

// Tx is a transaction on one connection of a pool, begun and ended by
// statements. database/sql's own Tx starts a goroutine to watch the
// context for every transaction and every query in it; the scheduler's
// wake-ups these cost were a tenth of an intake's time beyond the disk.
type Tx struct{ c *sql.Conn }

func (t *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.c.ExecContext(ctx, query, args...)
}

func (t *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.c.QueryContext(ctx, query, args...)
}

func (t *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.c.QueryRowContext(ctx, query, args...)
}

func (t *Tx) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return t.c.PrepareContext(ctx, query)
}

// transact runs fn between begin and COMMIT on c. When fn fails, the
// commit fails or fn panics, the transaction is rolled back; a
// connection left inside one all the same is dropped from its pool
// rather than handed to the next caller.
func transact(ctx context.Context, c *sql.Conn, begin string, fn func(tx *Tx) error) error {
	if _, err := c.ExecContext(ctx, begin); err != nil {
		return err
	}
	done := false
	defer func() {
		if done {
			return
		}
		c.ExecContext(context.WithoutCancel(ctx), "ROLLBACK") // none open after some errors: nothing to undo
		c.Raw(func(dc any) error {
			if sc, ok := dc.(*sqlite3.SQLiteConn); ok && !sc.AutoCommit() {
				return driver.ErrBadConn
			}
			return nil
		})
	}()
	if err := fn(&Tx{c}); err != nil {
		return err
	}
	if _, err := c.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	done = true
	return nil
}

// readTx runs fn in a read transaction: one snapshot of the store for
// every query in it.
func (db *DB) readTx(ctx context.Context, fn func(tx *Tx) error) error {
	c, err := db.read.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return transact(ctx, c, "BEGIN", fn)
}
