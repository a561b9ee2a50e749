package sqlite_test

import (
	"cmp"
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/sqlite"
	"motcua/data/sqlite/seedstore"
)

// TestListsHoldEveryDossier: on a generated store of months of work, the
// return desk's lists hold every dossier that belongs in them, in order,
// each row as the dossier read whole shows it: the lists as every
// dossier of the store, read one by one and sorted by the rules, gives
// them.
func TestListsHoldEveryDossier(t *testing.T) {
	db, dir := generated(t, 3000, 120)
	ctx := context.Background()
	got, err := db.Lists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := listsByRule(t, db, filepath.Join(dir, "motcua.db"))
	for _, l := range []struct {
		name      string
		got, want []data.Listed
	}{
		{"waiting", waitingRows(got.Waiting), waitingRows(want.Waiting)},
		{"due soon", got.DueSoon, want.DueSoon},
		{"overdue", got.Overdue, want.Overdue},
		{"stopped", got.Stopped, want.Stopped},
	} {
		t.Run(l.name, func(t *testing.T) {
			if len(l.want) == 0 {
				t.Fatal("the generated store has no dossier for this list")
			}
			if !slices.Equal(l.got, l.want) {
				t.Errorf("%d dossiers listed, %d belong:\n got %v\nwant %v", len(l.got), len(l.want), l.got, l.want)
			}
		})
	}
	if !slices.Equal(got.Waiting, want.Waiting) {
		t.Errorf("waiting since and days differ:\n got %v\nwant %v", got.Waiting, want.Waiting)
	}
}

func waitingRows(ws []data.Waiting) []data.Listed {
	out := []data.Listed{}
	for _, w := range ws {
		out = append(out, w.Dossier)
	}
	return out
}

// listsByRule reads every dossier of the store whole and sorts them into
// the lists as data.Lists documents them.
func listsByRule(t *testing.T, db *sqlite.DB, file string) data.Lists {
	t.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite3", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	cal, err := db.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	today := data.DateOf(seedstore.Now)
	horizon := cal.Due(today, data.DueSoonDays, 0)
	since := today.AddDate(0, 0, -data.StoppedDays)
	rows, err := raw.Query(`SELECT code, result_ready_at FROM dossier NOT INDEXED`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	l := data.Lists{Waiting: []data.Waiting{}, DueSoon: []data.Listed{}, Overdue: []data.Listed{}, Stopped: []data.Listed{}}
	stoppedAt := map[string]time.Time{}
	for rows.Next() {
		var code, ready string
		if err := rows.Scan(&code, &ready); err != nil {
			t.Fatal(err)
		}
		d, err := db.Dossier(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		it := data.ListedOf(d)
		open := d.Status == data.StatusReceived || d.Status == data.StatusTransferred || d.Status == data.StatusResultReady
		switch {
		case open && d.DueDate.Before(today):
			l.Overdue = append(l.Overdue, it)
		case (d.Status == data.StatusReceived || d.Status == data.StatusTransferred) && !d.DueDate.After(horizon):
			l.DueSoon = append(l.DueSoon, it)
		}
		if d.Status == data.StatusResultReady {
			at, _ := time.Parse(time.RFC3339, ready)
			at = at.In(data.Zone)
			l.Waiting = append(l.Waiting, data.Waiting{Dossier: it, Since: at, Days: int(today.Sub(data.DateOf(at)).Hours()/24 + 0.5)})
		}
		if d.Status != data.StatusStopped {
			continue
		}
		history, err := db.History(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range history {
			if e.To == data.StatusStopped && e.From != data.StatusStopped && !e.At.Before(since) && e.At.After(stoppedAt[code]) {
				stoppedAt[code] = e.At
			}
		}
		if !stoppedAt[code].IsZero() {
			l.Stopped = append(l.Stopped, it)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	byDue := func(a, b data.Listed) int {
		return cmp.Or(a.DueDate.Compare(b.DueDate), strings.Compare(a.Code, b.Code))
	}
	slices.SortFunc(l.Overdue, byDue)
	slices.SortFunc(l.DueSoon, byDue)
	slices.SortFunc(l.Waiting, func(a, b data.Waiting) int {
		return cmp.Or(a.Since.Compare(b.Since), strings.Compare(a.Dossier.Code, b.Dossier.Code))
	})
	slices.SortFunc(l.Stopped, func(a, b data.Listed) int {
		return cmp.Or(stoppedAt[b.Code].Compare(stoppedAt[a.Code]), strings.Compare(a.Code, b.Code))
	})
	return l
}
