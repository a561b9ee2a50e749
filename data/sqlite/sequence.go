package sqlite

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"motcua/platform"
)

// reserveBlock is how many numbers one journal write reserves.
const reserveBlock = 10

// maxRegisterNo bounds the register numbers of a book.
const maxRegisterNo = 9_999_999

// staleRun is how long after its start a run that never gave its numbers
// back counts as dead, so that compaction may fold its lines. Folding a
// live run only makes the unused rest of its block skipped: never reused.
const staleRun = 24 * time.Hour

// journal remembers, outside the database, the highest dossier number of
// each day and register number of each book that may have been handed
// out, so that a number is never handed out twice: not after a crash, not
// when an older copy of the database is restored, not with several
// processes (the window and commands) on one data folder.
//
// The file has one record a line:
//
//	R key upTo run   run reserved the key's numbers up to upTo
//	U key used run   run ended cleanly, having used up to used
//	F key n          a floor: numbers up to n are spent for good
//	YYMMDD n         a floor, as older versions wrote it
//
// A key's high-water is the greatest floor and, for every run, its "used"
// once it ended cleanly, else what it reserved. A block is written and
// synced before any of its numbers is used; a run killed never gives its
// block back, so a restart may skip numbers but never reuses one. Every
// read-modify-write of the file, compaction included, happens under an
// OS file lock and starts by reading the file again, so that concurrent
// processes never drop each other's lines.
type journal struct {
	mu   sync.Mutex
	path string
	lock *flock.Flock
	run  string

	others   map[string]int // every other run's and floor's high-water, as last read
	reserved map[string]int // this run's reservations
	used     map[string]int // the highest number this run handed out
}

// dayKey names the dossier numbers of a day (YYMMDD) at workstation w.
func dayKey(day string, w int) string { return "day/" + day + "/" + strconv.Itoa(w) }

// bookKey names the register numbers of a book at workstation w.
func bookKey(book, w int) string { return "book/" + strconv.Itoa(book) + "/" + strconv.Itoa(w) }

func openJournal(path string) (*journal, error) {
	var id [4]byte
	rand.Read(id[:])
	j := &journal{path: path, lock: flock.New(path + ".lock"),
		run:    strconv.FormatInt(time.Now().Unix(), 10) + "-" + hex.EncodeToString(id[:]),
		others: map[string]int{}, reserved: map[string]int{}, used: map[string]int{}}
	err := j.locked(func(st *journalState) error {
		j.others = st.high(j.run)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return j, nil
}

// journalState is the journal file as read.
type journalState struct {
	floor   map[string]int
	runs    map[string]*runLines
	lines   int
	newline bool // the file ends with a newline (or is empty)
	exists  bool
}

type runLines struct {
	reserved, released map[string]int
	ended              bool
}

func parseJournal(raw []byte) *journalState {
	st := &journalState{floor: map[string]int{}, runs: map[string]*runLines{},
		newline: len(raw) == 0 || raw[len(raw)-1] == '\n'}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		// A line torn by a crash does not parse: its block was never used.
		switch {
		case len(f) == 2 && len(f[0]) == 6:
			n, err := strconv.Atoi(f[1])
			if err != nil || !allDigits(f[0]) {
				continue
			}
			k := dayKey(f[0], n/1000)
			st.floor[k] = max(st.floor[k], n)
		case len(f) == 3 && f[0] == "F":
			n, err := strconv.Atoi(f[2])
			if err != nil {
				continue
			}
			st.floor[f[1]] = max(st.floor[f[1]], n)
		case len(f) == 4 && (f[0] == "R" || f[0] == "U"):
			n, err := strconv.Atoi(f[2])
			if err != nil {
				continue
			}
			r := st.runs[f[3]]
			if r == nil {
				r = &runLines{reserved: map[string]int{}, released: map[string]int{}}
				st.runs[f[3]] = r
			}
			if f[0] == "R" {
				r.reserved[f[1]] = max(r.reserved[f[1]], n)
			} else {
				r.released[f[1]] = max(r.released[f[1]], n)
				r.ended = true
			}
		default:
			continue
		}
		st.lines++
	}
	return st
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// value is what a run holds of key: what it used once it ended, else
// what it reserved.
func (r *runLines) value(key string) int {
	if u, ok := r.released[key]; ok && r.ended {
		return u
	}
	return r.reserved[key]
}

// high returns each key's high-water over the floors and every run but
// skip ("" skips none).
func (st *journalState) high(skip string) map[string]int {
	h := make(map[string]int, len(st.floor))
	for k, n := range st.floor {
		h[k] = n
	}
	for id, r := range st.runs {
		if id == skip {
			continue
		}
		for k := range r.reserved {
			h[k] = max(h[k], r.value(k))
		}
		for k := range r.released {
			h[k] = max(h[k], r.value(k))
		}
	}
	return h
}

// locked runs fn with the journal file locked and freshly read.
func (j *journal) locked(fn func(st *journalState) error) error {
	if err := j.lock.Lock(); err != nil {
		return fmt.Errorf("sqlite: lock sequence journal: %w", err)
	}
	defer j.lock.Unlock()
	platform.PrivateFile(j.path + ".lock")
	raw, err := os.ReadFile(j.path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("sqlite: sequence journal: %w", err)
	}
	st := parseJournal(raw)
	st.exists = err == nil
	return fn(st)
}

// ask is one number wanted from the journal.
type ask struct {
	key   string
	last  int // the database's last number of the key
	floor int // the number before the first allowed
	limit int // the last allowed
}

// candidate is the number to hand out for a, as far as this run knows.
func (j *journal) candidate(a ask) int {
	n := a.floor
	if a.last > a.floor && a.last <= a.limit {
		n = a.last // a last outside the block is another workstation's
	}
	return max(n, j.others[a.key], j.used[a.key]) + 1
}

// next returns a number for each ask, reserving new blocks when needed,
// in one locked write. It stops at the first ask whose number is above
// its limit: that number is returned unreserved for the caller to refuse,
// and the asks after it get 0.
func (j *journal) next(asks ...ask) ([]int, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	ns := make([]int, len(asks))
	need := false
	for i, a := range asks {
		ns[i] = j.candidate(a)
		if ns[i] > a.limit {
			break
		}
		need = need || ns[i] > j.reserved[a.key]
	}
	if need {
		err := j.locked(func(st *journalState) error {
			j.others = st.high(j.run)
			var b strings.Builder
			upTo := map[string]int{}
			for i, a := range asks {
				ns[i] = j.candidate(a)
				if ns[i] > a.limit {
					break
				}
				if ns[i] > j.reserved[a.key] {
					upTo[a.key] = min(ns[i]+reserveBlock-1, a.limit)
					fmt.Fprintf(&b, "R %s %d %s\n", a.key, upTo[a.key], j.run)
				}
			}
			if err := j.append(st, b.String()); err != nil {
				return err
			}
			for k, n := range upTo {
				j.reserved[k] = n
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for i, a := range asks {
		if ns[i] > a.limit {
			for k := i + 1; k < len(ns); k++ {
				ns[k] = 0
			}
			break
		}
		j.used[a.key] = max(j.used[a.key], ns[i])
	}
	return ns, nil
}

// peek returns the number next would hand out for a, reserving nothing.
func (j *journal) peek(a ask) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.candidate(a)
}

// raise records floors: numbers up to each value are spent for good.
func (j *journal) raise(floors map[string]int) error {
	if len(floors) == 0 {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.locked(func(st *journalState) error {
		h := st.high("")
		keys := make([]string, 0, len(floors))
		for k, n := range floors {
			if n > h[k] {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, "F %s %d\n", k, floors[k])
		}
		if err := j.append(st, b.String()); err != nil {
			return err
		}
		for _, k := range keys {
			j.others[k] = max(j.others[k], floors[k])
		}
		return nil
	})
}

// release gives back, on a clean exit, the reserved numbers this run did
// not use.
func (j *journal) release() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.reserved) == 0 {
		return nil
	}
	keys := make([]string, 0, len(j.reserved))
	for k := range j.reserved {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "U %s %d %s\n", k, j.used[k], j.run)
	}
	err := j.locked(func(st *journalState) error { return j.append(st, b.String()) })
	if err == nil {
		j.reserved = map[string]int{}
	}
	return err
}

// append writes lines at the end of the file and syncs them, compacting
// the file first when it has grown well past what it holds. It runs
// under the lock.
func (j *journal) append(st *journalState, lines string) error {
	if lines == "" {
		return nil
	}
	if !st.newline {
		lines = "\n" + lines // never glue a record to a torn one
	}
	if folded := j.compacted(st); st.lines > 2*strings.Count(folded, "\n")+32 {
		return j.rewrite(folded + lines)
	}
	f, err := os.OpenFile(j.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("sqlite: sequence journal: %w", err)
	}
	_, werr := f.WriteString(lines)
	if err := errors.Join(werr, f.Sync(), f.Close(), platform.PrivateFile(j.path)); err != nil {
		return fmt.Errorf("sqlite: sequence journal: %w", err)
	}
	if !st.exists {
		return platform.SyncDir(filepath.Dir(j.path))
	}
	return nil
}

// compacted is the journal with one floor line a key for the floors and
// every run that ended or is stale, and the lines of the other runs as
// they were.
func (j *journal) compacted(st *journalState) string {
	floor := make(map[string]int, len(st.floor))
	for k, n := range st.floor {
		floor[k] = n
	}
	var live []string
	for id, r := range st.runs {
		if r.ended || (id != j.run && stale(id)) {
			for k := range r.reserved {
				floor[k] = max(floor[k], r.value(k))
			}
			for k := range r.released {
				floor[k] = max(floor[k], r.value(k))
			}
			continue
		}
		for k, n := range r.reserved {
			live = append(live, fmt.Sprintf("R %s %d %s\n", k, n, id))
		}
	}
	keys := make([]string, 0, len(floor))
	for k := range floor {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sort.Strings(live)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "F %s %d\n", k, floor[k])
	}
	for _, l := range live {
		b.WriteString(l)
	}
	return b.String()
}

// stale reports whether a run started more than staleRun ago.
func stale(run string) bool {
	start, _, _ := strings.Cut(run, "-")
	sec, err := strconv.ParseInt(start, 10, 64)
	return err == nil && time.Since(time.Unix(sec, 0)) > staleRun
}

// rewrite replaces the file with content, atomically.
func (j *journal) rewrite(content string) error {
	tmp := j.path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("sqlite: compact sequence journal: %w", err)
	}
	_, werr := f.WriteString(content)
	if err := errors.Join(werr, f.Sync(), f.Close(), platform.PrivateFile(tmp)); err != nil {
		return fmt.Errorf("sqlite: compact sequence journal: %w", err)
	}
	if err := os.Rename(tmp, j.path); err != nil {
		return fmt.Errorf("sqlite: compact sequence journal: %w", err)
	}
	return platform.SyncDir(filepath.Dir(j.path))
}

// journalHigh reads the high-water of every key in the journal at path,
// live runs included.
func journalHigh(path string) (map[string]int, error) {
	raw, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("sqlite: sequence journal: %w", err)
	}
	return parseJournal(raw).high(""), nil
}
