package main

import (
	"bytes"
	"image"
	"image/color"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestWindowShows builds the real binary, starts it on a new data
// directory under the X display in $DISPLAY, waits for its window and
// checks from a screenshot that the window was painted. Without a display
// it is skipped, unless $MOTCUA_GUI_TEST asks for it ("make test" sets it
// and starts Xvfb).
func TestWindowShows(t *testing.T) {
	required := os.Getenv("MOTCUA_GUI_TEST") != ""
	skip := func(why string) {
		t.Helper()
		if required {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	if os.Getenv("DISPLAY") == "" {
		skip("no X display: $DISPLAY is empty")
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			skip(tool + " is not installed")
		}
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "motcua")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}

	var logs bytes.Buffer
	cmd := exec.Command(bin, "--data", filepath.Join(dir, "data"))
	cmd.Stdout = &logs
	cmd.Stderr = &logs
	// Fyne keeps preferences under the user's configuration directory:
	// give it one of its own.
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
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

	// poll runs check until it succeeds, failing the test when the
	// program exits or the deadline passes.
	poll := func(what string, timeout time.Duration, check func() bool) {
		t.Helper()
		deadline := time.Now().Add(timeout)
		for !check() {
			select {
			case err := <-exited:
				t.Fatalf("motcua exited (%v) before %s:\n%s", err, what, logs.String())
			case <-time.After(250 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %s after %v:\n%s", what, timeout, logs.String())
			}
		}
	}

	poll("window named “Một Cửa”", 60*time.Second, func() bool {
		out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Một Cửa").Output()
		return err == nil && len(bytes.TrimSpace(out)) > 0
	})

	shot := filepath.Join(dir, "shot.png")
	colours := 0
	poll("painted window", 30*time.Second, func() bool {
		if out, err := exec.Command("import", "-window", "root", shot).CombinedOutput(); err != nil {
			t.Logf("import: %v: %s", err, out)
			return false
		}
		colours = distinctColours(t, shot)
		// A blank screen is one colour; a window with text and icons
		// has hundreds.
		return colours >= 64
	})
	t.Logf("screenshot %s: %d distinct colours", shot, colours)
}

// distinctColours counts the colours of a PNG image, up to a few thousand.
func distinctColours(t testing.TB, file string) int {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Logf("decode %s: %v", file, err)
		return 0
	}
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			seen[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)] = true
			if len(seen) >= 4096 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
