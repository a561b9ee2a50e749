package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/data/sqlite"
	"motcua/data/sqlite/seedstore"
)

// BenchmarkWindowOpen starts the real window, under the X display of
// make bench (Xvfb), on a copy of the generated store of 1,000,000
// dossiers (MOTCUA_BENCH_DOSSIERS), and reports how long it takes to show
// the painted intake screen and the resident memory a few seconds later,
// once the return desk's lists and the catalogue have loaded. Targets:
// ≤ 1.5 s, ≤ 300 MiB, reported, not asserted. The baseline is the same
// on a store of 1,000 dossiers. The day's backup is marked taken: the
// first start of a day takes it in the background, after the window opens.
func BenchmarkWindowOpen(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("no X display: $DISPLAY is empty")
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skip(tool + " is not installed")
		}
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "motcua")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	n := seedstore.Size(1_000_000)
	var open, rss, baseOpen, baseRSS float64
	for b.Loop() {
		open, rss = openWindow(b, bin, n)
		baseOpen, baseRSS = openWindow(b, bin, 1000)
	}
	b.ReportMetric(open, "open-s")
	b.ReportMetric(rss, "rss-MiB")
	b.ReportMetric(baseOpen, "baseline-open-s")
	b.ReportMetric(baseRSS, "baseline-rss-MiB")
	b.ReportMetric(float64(n), "dossiers")
}

// openWindow starts the window on a copy of the cached store of n
// dossiers and returns the seconds until it was painted and its resident
// memory in MiB.
func openWindow(b *testing.B, bin string, n int) (seconds, mib float64) {
	b.Helper()
	src, err := seedstore.Cached(context.Background(), n)
	if err != nil {
		b.Fatal(err)
	}
	home := b.TempDir()
	data := filepath.Join(home, "data")
	if err := seedstore.CopyTo(src, data); err != nil {
		b.Fatal(err)
	}
	backups := sqlite.BackupDir(data)
	os.MkdirAll(backups, 0o700)
	os.WriteFile(filepath.Join(backups, sqlite.BackupName(time.Now())), nil, 0o600)
	var logs bytes.Buffer
	cmd := exec.Command(bin, "--data", data)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"))
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	shot := filepath.Join(home, "shot.png")
	for deadline := start.Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatalf("no window after 60 s:\n%s", logs.String())
		}
		id, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Một Cửa").Output()
		if err != nil || len(bytes.TrimSpace(id)) == 0 {
			continue
		}
		at := time.Since(start)
		// Painted: a window with text and icons has hundreds of colours.
		win := strings.Fields(string(id))[0]
		if out, err := exec.Command("import", "-window", win, shot).CombinedOutput(); err != nil {
			b.Logf("import: %v: %s", err, out)
			continue
		}
		if distinctColours(b, shot) >= 64 {
			seconds = at.Seconds()
			break
		}
	}
	time.Sleep(5 * time.Second) // the lists and the catalogue load
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			mib = float64(kb) / 1024
		}
	}
	b.Logf("window on %d dossiers: painted after %.2f s, %.0f MiB resident", n, seconds, mib)
	return seconds, mib
}
