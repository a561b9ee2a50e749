// Package errlog keeps the internal errors of the window and of the
// commands: each is written with an id to a log file in the data folder,
// and the officer is shown the id, never the error's own text (SQL, file
// paths, network addresses).
package errlog

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"motcua/data"
)

// Log is the data folder's error log, logs/motcua.log. It is safe for
// concurrent use.
type Log struct {
	Path string
	Now  func() time.Time

	mu sync.Mutex
}

// New returns the error log of a data folder.
func New(dataDir string) *Log {
	return &Log{Path: filepath.Join(dataDir, "logs", "motcua.log"), Now: time.Now}
}

// Report writes err to the log under a new id and returns the id. A log
// that cannot be written loses the line, not the id: the officer still
// has something to quote, and the error goes to standard error.
func (l *Log) Report(err error) string {
	var b [4]byte
	rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	line := fmt.Sprintf("%s [%s] %s\n", now().In(data.Zone).Format(time.RFC3339), id, strings.ReplaceAll(err.Error(), "\n", " | "))
	if werr := l.write(line); werr != nil {
		fmt.Fprintf(os.Stderr, "motcua: error log %s: %v\n%s", l.Path, werr, line)
	}
	return id
}

func (l *Log) write(line string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(l.Path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(l.Path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.WriteString(line)
	if err := f.Close(); werr == nil {
		werr = err
	}
	return werr
}

// Message is what the officer reads of err: the domain's message, or for
// an internal error the id it was logged under and what to do.
func (l *Log) Message(err error) string {
	if data.ErrorCode(err) == data.EInternal {
		return data.InternalMessage(l.Report(err))
	}
	return data.ErrorMessage(err)
}
