package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSecondWindowRefused: with the window open on a data folder, a
// second window on it is refused with a message, while commands still
// run beside the first.
func TestSecondWindowRefused(t *testing.T) {
	required := os.Getenv("MOTCUA_GUI_TEST") != ""
	if os.Getenv("DISPLAY") == "" || exec.Command("xdotool", "version").Run() != nil {
		if required {
			t.Fatal("no X display or no xdotool")
		}
		t.Skip("no X display or no xdotool")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "motcua")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	env := append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	start := func(logs *bytes.Buffer, args ...string) (*exec.Cmd, chan error) {
		cmd := exec.Command(bin, append([]string{"--data", data}, args...)...)
		cmd.Stdout, cmd.Stderr, cmd.Env = logs, logs, env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		t.Cleanup(func() {
			select {
			case <-exited:
			default:
				cmd.Process.Kill()
				<-exited
			}
		})
		return cmd, exited
	}
	windows := func(name string) int {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", name).Output()
		return len(strings.Fields(string(out)))
	}
	wait := func(what string, check func() bool) {
		t.Helper()
		for deadline := time.Now().Add(60 * time.Second); !check(); time.Sleep(250 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("no %s", what)
			}
		}
	}
	var first bytes.Buffer
	_, firstExited := start(&first)
	wait("first window", func() bool { return windows("^Một Cửa$") > 0 })

	var second bytes.Buffer
	_, secondExited := start(&second)
	wait("refusal window", func() bool { return windows("đã mở") > 0 })
	if !strings.Contains(second.String(), "không mở được cửa sổ thứ hai") {
		t.Errorf("second window said:\n%s", second.String())
	}
	select {
	case err := <-firstExited:
		t.Fatalf("the first window closed: %v\n%s", err, first.String())
	case err := <-secondExited:
		t.Fatalf("the refusal closed by itself: %v", err)
	default:
	}
	// A command still runs beside the window (one that needs no account:
	// the folder has none yet).
	cmd := exec.Command(bin, "--data", data, "calendar", "list", "2027")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("a command beside the window: %v\n%s", err, out)
	}
}
