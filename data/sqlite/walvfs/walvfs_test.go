package walvfs_test

import (
	"bufio"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/data/sqlite/walvfs"
)

// open opens file in WAL mode with every commit synced, through the
// gathering VFS or the platform's own.
func open(t testing.TB, file string, gathering bool) *sql.DB {
	t.Helper()
	if err := walvfs.Register(); err != nil {
		t.Fatal(err)
	}
	dsn := "file:" + file + "?_journal_mode=WAL&_synchronous=FULL&_busy_timeout=5000"
	if gathering {
		dsn += "&vfs=" + walvfs.Name
	}
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	return db
}

func exec1(t testing.TB, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

const schema = `CREATE TABLE IF NOT EXISTS a (id INTEGER PRIMARY KEY, v BLOB NOT NULL);
	CREATE INDEX IF NOT EXISTS a_v ON a (v);
	CREATE TABLE IF NOT EXISTS b (id INTEGER PRIMARY KEY, note TEXT NOT NULL)`

// A commit that changes several pages reaches the log in one write,
// followed by one sync.
func TestCommitIsOneWrite(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.db")
	db := open(t, file, true)
	exec1(t, db, schema)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		before, _ := os.Stat(file + "-wal")
		w0, s0 := walvfs.Counts()
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		v := make([]byte, 300)
		for k := range v {
			v[k] = byte(r.Uint32())
		}
		if _, err := tx.Exec(`INSERT INTO a (v) VALUES (?)`, v); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO b (note) VALUES (?)`, strings.Repeat("ghi chú ", 20)); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		w1, s1 := walvfs.Counts()
		after, _ := os.Stat(file + "-wal")
		if w1-w0 != 1 || s1-s0 != 1 {
			t.Fatalf("commit %d: %d writes and %d syncs of the log, want 1 and 1", i, w1-w0, s1-s0)
		}
		// the table, its index and the other table: three pages at least
		if frames := (after.Size() - before.Size()) / (4096 + 24); frames < 3 {
			t.Fatalf("commit %d: the log grew by %d frames, want 3 or more in that one write", i, frames)
		}
	}
}

// Another connection, through the platform's VFS, sees every commit at
// once and whole, across checkpoints, log restarts, transactions larger
// than what is gathered at once and pages spilled before the commit.
func TestOthersSeeEveryCommit(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.db")
	w := open(t, file, true)
	exec1(t, w, schema)
	// A small cache makes large transactions spill pages to the log
	// before their commit and read them back from it.
	exec1(t, w, `PRAGMA wal_autocheckpoint = 8; PRAGMA cache_size = 10`)
	rd := open(t, file, false)
	r := rand.New(rand.NewPCG(3, 4))
	sum := sha256.New()
	var n, total int64
	for i := 0; i < 300; i++ {
		size := 1 + r.IntN(2000)
		if i%50 == 7 {
			size = 300_000 // spills past what is gathered, over several writes
		}
		v := make([]byte, size)
		for k := range v {
			v[k] = byte(r.Uint32())
		}
		exec1(t, w, `INSERT INTO a (v) VALUES (?)`, v)
		sum.Write(v)
		n++
		total += int64(size)
		if i%50 == 20 {
			// Thousands of rows in one transaction: pages spilled to the
			// log change again and are read back from it.
			tx, err := w.Begin()
			if err != nil {
				t.Fatal(err)
			}
			for k := 0; k < 3000; k++ {
				v = make([]byte, 100+r.IntN(200))
				for j := range v {
					v[j] = byte(r.Uint32())
				}
				if _, err := tx.Exec(`INSERT INTO a (v) VALUES (?)`, v); err != nil {
					t.Fatal(err)
				}
				sum.Write(v)
				n++
				total += int64(len(v))
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
		}
		var gotN, gotTotal int64
		var last []byte
		if err := rd.QueryRow(`SELECT COUNT(*), SUM(length(v)), (SELECT v FROM a ORDER BY id DESC LIMIT 1) FROM a`).Scan(&gotN, &gotTotal, &last); err != nil {
			t.Fatal(err)
		}
		if gotN != n || gotTotal != total || string(last) != string(v) {
			t.Fatalf("after commit %d the other connection sees %d rows of %d bytes, want %d of %d", i, gotN, gotTotal, n, total)
		}
	}
	rows, err := rd.Query(`SELECT v FROM a ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	again := sha256.New()
	for rows.Next() {
		var v []byte
		rows.Scan(&v)
		again.Write(v)
	}
	rows.Close()
	if string(again.Sum(nil)) != string(sum.Sum(nil)) {
		t.Fatal("the rows read back differ from those written")
	}
	var ok string
	rd.QueryRow(`PRAGMA integrity_check`).Scan(&ok)
	if ok != "ok" {
		t.Fatalf("integrity: %s", ok)
	}
}

// A writer killed at any moment keeps every commit it reported: the
// gathered bytes are on disk before the commit returns.
func TestKilledWriterKeepsCommits(t *testing.T) {
	if file := os.Getenv("WALVFS_WRITER"); file != "" {
		writer(t, file)
		return
	}
	file := filepath.Join(t.TempDir(), "x.db")
	r := rand.New(rand.NewPCG(5, 6))
	reported := map[int]bool{}
	for round := 0; round < 8; round++ {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestKilledWriterKeepsCommits$")
		cmd.Env = append(os.Environ(), "WALVFS_WRITER="+file)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan int)
		go func() {
			defer close(lines)
			s := bufio.NewScanner(out)
			for s.Scan() {
				if id, err := strconv.Atoi(s.Text()); err == nil {
					lines <- id
				}
			}
		}()
		kill := time.After(time.Duration(100+r.IntN(300)) * time.Millisecond)
	read:
		for {
			select {
			case id, ok := <-lines:
				if !ok {
					break read
				}
				reported[id] = true
			case <-kill:
				cmd.Process.Kill()
				kill = nil
			}
		}
		cmd.Wait()
		db := open(t, file, false)
		var ok string
		if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
			t.Fatalf("round %d: integrity %q %v", round, ok, err)
		}
		for id := range reported {
			var n int
			db.QueryRow(`SELECT COUNT(*) FROM a WHERE id = ?`, id).Scan(&n)
			if n != 1 {
				t.Fatalf("round %d: row %d was committed and reported but is gone", round, id)
			}
		}
		db.Close()
	}
	if len(reported) < 50 {
		t.Fatalf("only %d commits in all rounds: the writer did not run", len(reported))
	}
}

// writer commits rows one by one until killed, printing each id once
// its commit has returned.
func writer(t *testing.T, file string) {
	db := open(t, file, true)
	exec1(t, db, schema)
	exec1(t, db, `PRAGMA wal_autocheckpoint = 16`)
	for i := 0; ; i++ {
		res, err := db.Exec(`INSERT INTO a (v) VALUES (?)`, []byte(strings.Repeat(strconv.Itoa(i), 1+i%500)))
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		fmt.Println(id)
	}
}
