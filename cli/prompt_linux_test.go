//go:build linux

package cli

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// TestPromptDoesNotEcho types a password into the real prompt through a
// pseudo-terminal: the prompt shows, the password does not.
func TestPromptDoesNotEcho(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	term := StdTerminal(tty, tty)
	if !term.IsTerminal() {
		t.Fatal("a pseudo-terminal is not a terminal")
	}
	got := make(chan string, 1)
	go func() {
		pw, err := term.ReadPassword("Mật khẩu của binh: ")
		if err != nil {
			pw = "error: " + err.Error()
		}
		got <- pw
	}()
	r := bufio.NewReader(ptmx)
	prompt, err := r.ReadString(' ')
	for err == nil && !strings.HasSuffix(prompt, "binh: ") {
		var more string
		more, err = r.ReadString(' ')
		prompt += more
	}
	if err != nil {
		t.Fatalf("prompt %q: %v", prompt, err)
	}
	// A person types after the prompt, not within microseconds of it:
	// wait for the echo to be off, as it is by then.
	waitEchoOff(t, tty)
	if _, err := ptmx.Write([]byte("mật-khẩu-bí-mật\n")); err != nil {
		t.Fatal(err)
	}
	if pw := <-got; pw != "mật-khẩu-bí-mật" {
		t.Fatalf("read %q", pw)
	}
	// What the terminal shows after the prompt: the new line, no password.
	ptmx.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	var shown []byte
	buf := make([]byte, 256)
	for {
		n, err := r.Read(buf)
		shown = append(shown, buf[:n]...)
		if err != nil || strings.Contains(string(shown), "\n") {
			break
		}
	}
	if strings.Contains(string(shown), "bí") || strings.Contains(string(shown), "mật") {
		t.Errorf("the terminal echoed %q", shown)
	}
}

// waitEchoOff waits until the terminal no longer echoes what is typed.
func waitEchoOff(t *testing.T, tty *os.File) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		st, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
		if err != nil {
			t.Fatal(err)
		}
		if st.Lflag&unix.ECHO == 0 {
			return
		}
	}
	t.Fatal("the terminal's echo was never turned off")
}
