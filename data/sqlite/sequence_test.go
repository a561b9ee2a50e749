package sqlite

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// TestJournalWritersRaceCompaction: journals of several processes
// reserve and compact at once; no reservation is lost from the file.
func TestJournalWritersRaceCompaction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "motcua.db.seq")
	const writers, rounds = 4, 2000
	js := make([]*journal, writers)
	for i := range js {
		j, err := openJournal(path)
		if err != nil {
			t.Fatal(err)
		}
		js[i] = j
	}
	var wg sync.WaitGroup
	for i, j := range js {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				// A block of 10 a line: each journal writes 200 lines
				// over 4 keys, enough to compact the file many times.
				if _, err := j.next(ask{key: fmt.Sprintf("book/%d/%d", r%4, i), limit: maxRegisterNo}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	high, err := journalHigh(path)
	if err != nil {
		t.Fatal(err)
	}
	lost := 0
	for _, j := range js {
		for k, n := range j.used {
			if high[k] < n {
				lost++
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d reservations lost from the journal", lost)
	}
	// Clean exits give the rest back; the file then folds into one line
	// a key.
	for _, j := range js {
		if err := j.release(); err != nil {
			t.Fatal(err)
		}
	}
	high, _ = journalHigh(path)
	for _, j := range js {
		for k, n := range j.used {
			if high[k] != n {
				t.Errorf("%s: high-water %d after release, used %d", k, high[k], n)
			}
		}
	}
}
