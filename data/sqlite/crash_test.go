package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/data"
)

// TestMain lets the crash test start this binary as an intake process
// (MOTCUA_CRASH_CHILD names the data folder).
func TestMain(m *testing.M) {
	if dir := os.Getenv("MOTCUA_CRASH_CHILD"); dir != "" {
		os.Exit(crashChild(dir))
	}
	os.Exit(m.Run())
}

// crashChild takes dossiers one after another, printing "code register"
// once each is saved, until it is killed, or, with MOTCUA_CRASH_CLEAN=N,
// until it has taken N and closes the store as a clean exit does.
func crashChild(dir string) int {
	db, err := Open(context.Background(), filepath.Join(dir, "motcua.db"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	db.Now = func() time.Time { return time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone) }
	day, _ := strconv.Atoi(os.Getenv("MOTCUA_CRASH_DAY"))
	clean, _ := strconv.Atoi(os.Getenv("MOTCUA_CRASH_CLEAN"))
	for i := 0; clean == 0 || i < clean; i++ {
		r := birthRequest()
		r.ReceivedAt = time.Date(2027, 1, day, 8, 0, i%3600, 0, data.Zone)
		d, err := db.Intake(context.Background(), r)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Printf("%s %d\n", d.Code, d.RegisterNo)
	}
	if err := db.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// crashRun is what the intake processes of a crash test printed.
type crashRun struct {
	mu    sync.Mutex
	codes map[string]int // code → times printed
	regs  map[int]int    // register number → times printed
	kills int
}

// TestIntakeSurvivesSIGKILL: intake processes, several at once on one
// data folder, are killed at random moments; afterwards the database is
// sound, holds every code a process printed, and no code or register
// number was handed out twice. Then a backup taken halfway is restored
// and more processes are killed: still no code or register number twice.
// MOTCUA_CRASH_KILLS sets how many processes are killed (default 100).
func TestIntakeSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	kills := 100
	if n, err := strconv.Atoi(os.Getenv("MOTCUA_CRASH_KILLS")); err == nil && n > 0 {
		kills = n
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, %d kills", seed, kills)
	rng := rand.New(rand.NewPCG(seed, seed>>7))
	dir := t.TempDir()
	file := filepath.Join(dir, "motcua.db")
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	setUp(t, db)
	db.Close()

	run := &crashRun{codes: map[string]int{}, regs: map[int]int{}}
	halfway := filepath.Join(t.TempDir(), "halfway.db")
	crashRound(t, rng, dir, run, kills, func() {
		b, err := Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		b.Now = func() time.Time { return time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone) }
		if err := b.Backup(ctx, halfway); err != nil {
			t.Fatal(err)
		}
		b.Close()
	})
	printed := len(run.codes)
	checkCrash(t, file, run, true)

	if _, err := Restore(ctx, file, halfway, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	after := &crashRun{codes: map[string]int{}, regs: map[int]int{}}
	crashRound(t, rng, dir, after, max(kills/4, 20), nil)
	checkCrash(t, file, after, true)
	for c, n := range after.codes {
		run.codes[c] += n
	}
	for r, n := range after.regs {
		run.regs[r] += n
	}
	checkCrash(t, file, run, false)
	t.Logf("%d codes printed before the restore, %d after", printed, len(after.codes))
	if printed == 0 || len(after.codes) == 0 {
		t.Error("the processes were killed before taking any dossier")
	}
}

// crashRound starts intake processes four at a time and kills them at
// random moments until kills of them were killed; one process in five
// takes a few dossiers and exits cleanly instead. mid runs once, about
// halfway.
func crashRound(t *testing.T, rng *rand.Rand, dir string, run *crashRun, kills int, mid func()) {
	t.Helper()
	const par = 4
	var (
		wg      sync.WaitGroup
		slots   = make(chan struct{}, par)
		started int
		rngMu   sync.Mutex
	)
	random := func(n int) int {
		rngMu.Lock()
		defer rngMu.Unlock()
		return rng.IntN(n)
	}
	for killed := 0; killed < kills; started++ {
		if mid != nil && killed >= kills/2 {
			wg.Wait()
			mid()
			mid = nil
		}
		clean := random(5) == 0
		if !clean {
			killed++
		}
		slots <- struct{}{}
		wg.Add(1)
		go func(i int, clean bool) {
			defer func() { <-slots; wg.Done() }()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "MOTCUA_CRASH_CHILD="+dir, fmt.Sprintf("MOTCUA_CRASH_DAY=%d", 1+(i/2)%25))
			if clean {
				cmd.Env = append(cmd.Env, fmt.Sprintf("MOTCUA_CRASH_CLEAN=%d", 1+random(5)))
			}
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Error(err)
				return
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Error(err)
				return
			}
			read := make(chan struct{})
			go func() {
				defer close(read)
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					code, reg, ok := strings.Cut(sc.Text(), " ")
					n, err := strconv.Atoi(reg)
					if !ok || err != nil {
						continue // torn by the kill: not printed
					}
					run.mu.Lock()
					run.codes[code]++
					run.regs[n]++
					run.mu.Unlock()
				}
			}()
			if !clean {
				time.Sleep(time.Duration(5+random(120)) * time.Millisecond)
				cmd.Process.Kill()
			}
			<-read
			err = cmd.Wait()
			if clean && err != nil {
				t.Errorf("a clean intake process failed: %v\n%s", err, stderr.String())
			}
			if !clean && err == nil {
				t.Logf("process %d ended before its kill", i)
			}
			if strings.Contains(stderr.String(), "sqlite") {
				t.Errorf("process %d: %s", i, stderr.String())
			}
		}(started, clean)
	}
	wg.Wait()
	run.kills += kills
}

// checkCrash checks the database after a round: sound, and (when
// inStore) holding every code printed; and that nothing was printed twice.
func checkCrash(t *testing.T, file string, run *crashRun, inStore bool) {
	t.Helper()
	for c, n := range run.codes {
		if n > 1 {
			t.Errorf("code %s handed out %d times", c, n)
		}
	}
	for r, n := range run.regs {
		if n > 1 {
			t.Errorf("register number %d handed out %d times", r, n)
		}
	}
	db, err := Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.read.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity check: %s %v", res, err)
	}
	if !inStore {
		return
	}
	missing := 0
	for c := range run.codes {
		var n int
		db.read.QueryRow(`SELECT COUNT(*) FROM dossier WHERE code = ?`, c).Scan(&n)
		if n != 1 {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d printed codes are not in the store", missing, len(run.codes))
	}
	h, err := db.Check(context.Background(), filepath.Dir(file))
	if err != nil || !h.JournalOK {
		t.Errorf("journal against database: %+v %v", h.Problems, err)
	}
}
