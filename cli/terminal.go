package cli

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// Terminal asks a person at a terminal for a password.
type Terminal interface {
	// IsTerminal reports whether a person is at a terminal to type.
	IsTerminal() bool
	// ReadPassword shows the prompt and reads a line, without echoing
	// what is typed.
	ReadPassword(prompt string) (string, error)
}

// StdTerminal is the terminal of a file (standard input), prompting on w
// (standard error, so that output stays clean for scripts).
func StdTerminal(in *os.File, w io.Writer) Terminal { return &fileTerminal{in: in, w: w} }

type fileTerminal struct {
	in *os.File
	w  io.Writer
}

func (t *fileTerminal) IsTerminal() bool { return term.IsTerminal(int(t.in.Fd())) }

func (t *fileTerminal) ReadPassword(prompt string) (string, error) {
	fmt.Fprint(t.w, prompt)
	pw, err := term.ReadPassword(int(t.in.Fd()))
	fmt.Fprintln(t.w)
	return string(pw), err
}
