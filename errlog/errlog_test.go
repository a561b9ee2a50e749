package errlog

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

func TestReportWritesTheErrorUnderItsID(t *testing.T) {
	dir := t.TempDir()
	l := New(dir)
	l.Now = func() time.Time { return time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone) }
	raw := fmt.Errorf("sqlite: dossier: %w", errors.New("disk I/O error at /home/ha/MotCua/motcua.db\nsecond line"))

	msg := l.Message(raw)
	log, err := os.ReadFile(l.Path)
	if err != nil {
		t.Fatal(err)
	}
	line := string(log)
	id := line[strings.Index(line, "[")+1 : strings.Index(line, "]")]
	if len(id) != 8 || !strings.Contains(msg, "Lỗi nội bộ (mã "+id+")") {
		t.Errorf("message %q, log line %q", msg, line)
	}
	for _, leak := range []string{"sqlite", "disk I/O", "/home/ha"} {
		if strings.Contains(msg, leak) {
			t.Errorf("the officer reads %q: %q", leak, msg)
		}
	}
	if !strings.HasPrefix(line, "2027-02-03T10:00:00+07:00 [") || !strings.Contains(line, "motcua.db | second line") || strings.Count(line, "\n") != 1 {
		t.Errorf("log line %q", line)
	}
	if fi, err := os.Stat(l.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("log file mode %v, %v", fi.Mode(), err)
	}

	// A domain error is the officer's message as it is, and not logged.
	if got := l.Message(data.Errorf(data.EConflict, "Hồ sơ đã trả.")); got != "Hồ sơ đã trả." {
		t.Errorf("domain message %q", got)
	}
	if after, _ := os.ReadFile(l.Path); len(after) != len(log) {
		t.Errorf("a domain error was logged")
	}
}

func TestReportWithoutLogFileStillGivesAnID(t *testing.T) {
	l := &Log{Path: "/proc/motcua/cannot/log"}
	if id := l.Report(errors.New("x")); len(id) != 8 {
		t.Errorf("id %q", id)
	}
}
