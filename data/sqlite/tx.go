package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"

	"github.com/mattn/go-sqlite3"
)

// Tx is a write transaction on the writer's connection, begun and ended
// by statements (inTx). database/sql's own Tx starts a goroutine to
// watch the context for every transaction and every query in it: the
// scheduler's wake-ups they cost were a third of an intake's time beyond
// the disk's own.
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

// inTx runs fn in a write transaction on the writer's connection,
// committing when it returns nil. When fn fails, the commit fails or fn
// panics, the transaction is rolled back; a connection left inside one
// all the same is dropped from the pool rather than used again.
func (db *DB) inTx(ctx context.Context, fn func(tx *Tx) error) error {
	c, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
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
