package sqlite

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// reserveBlock is how many dossier numbers one journal write reserves.
const reserveBlock = 10

// journal remembers, outside the database, the highest dossier number
// reserved each day, so that a number is never handed out twice, not
// after a crash and not when an older copy of the database is restored.
// A block of numbers is written and synced before any of them is used;
// numbers reserved by an earlier run count as used, so a restart may skip
// up to reserveBlock-1 numbers but never reuses one.
type journal struct {
	mu       sync.Mutex
	path     string
	floor    map[string]int // day (YYMMDD) → highest number an earlier run reserved
	reserved map[string]int // day → highest number reserved so far
	lines    int
}

func openJournal(path string) (*journal, error) {
	j := &journal{path: path, floor: map[string]int{}, reserved: map[string]int{}}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return j, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: sequence journal: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		day, num, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || len(day) != 6 {
			continue // a line torn by a crash: its block was never used
		}
		j.lines++
		j.floor[day] = max(j.floor[day], n)
		j.reserved[day] = j.floor[day]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: sequence journal: %w", err)
	}
	return j, nil
}

// next returns the number to hand out for day after the database's last,
// reserving a new block when needed. A result above limit is not reserved:
// the caller refuses it.
func (j *journal) next(day string, last, limit int) (int, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	n := max(last, j.floor[day]) + 1
	if n > limit || n <= j.reserved[day] {
		return n, nil
	}
	if err := j.reserve(day, min(n+reserveBlock-1, limit)); err != nil {
		return 0, err
	}
	return n, nil
}

func (j *journal) reserve(day string, upTo int) error {
	if j.lines > 4*len(j.reserved)+64 {
		if err := j.compact(); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(j.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("sqlite: sequence journal: %w", err)
	}
	_, werr := fmt.Fprintf(f, "%s %d\n", day, upTo)
	serr := f.Sync()
	cerr := f.Close()
	if werr != nil || serr != nil || cerr != nil {
		return fmt.Errorf("sqlite: sequence journal: write %v, sync %v, close %v", werr, serr, cerr)
	}
	j.lines++
	j.reserved[day] = upTo
	return nil
}

// compact rewrites the journal with one line a day.
func (j *journal) compact() error {
	days := make([]string, 0, len(j.reserved))
	for d := range j.reserved {
		days = append(days, d)
	}
	sort.Strings(days)
	var b strings.Builder
	for _, d := range days {
		fmt.Fprintf(&b, "%s %d\n", d, j.reserved[d])
	}
	tmp := j.path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("sqlite: compact sequence journal: %w", err)
	}
	_, werr := f.WriteString(b.String())
	serr := f.Sync()
	cerr := f.Close()
	if werr != nil || serr != nil || cerr != nil {
		return fmt.Errorf("sqlite: compact sequence journal: write %v, sync %v, close %v", werr, serr, cerr)
	}
	if err := os.Rename(tmp, j.path); err != nil {
		return fmt.Errorf("sqlite: compact sequence journal: %w", err)
	}
	j.lines = len(days)
	return nil
}
