//go:build !windows

package platform

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// cups prints through the CUPS commands.
type cups struct{}

func newSpooler() spooler { return cups{} }

func (cups) print(path string, opt PrintOptions) error {
	out, err := exec.Command("lp", lpArgs(path, opt)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("lp: %v: %s", err, bytes.TrimSpace(out))
	}
	return nil
}

// lpArgs are lp's arguments for a print.
func lpArgs(path string, opt PrintOptions) []string {
	var args []string
	if opt.Printer != "" {
		args = append(args, "-d", opt.Printer)
	}
	if opt.Paper != "" {
		args = append(args, "-o", "media="+opt.Paper)
	}
	return append(args, "--", path)
}

func (cups) printers() ([]Printer, error) {
	cmd := exec.Command("lpstat", "-d", "-a")
	cmd.Env = append(os.Environ(), "LC_ALL=C") // parsed below
	out, err := cmd.CombinedOutput()
	if err != nil && !strings.Contains(string(out), "No destinations added") {
		return nil, fmt.Errorf("lpstat: %v: %s", err, bytes.TrimSpace(out))
	}
	return parseLpstat(string(out)), nil
}

// parseLpstat reads `lpstat -d -a`: a line naming the default
// destination, then one line per queue that accepts jobs.
func parseLpstat(out string) []Printer {
	var def string
	var list []Printer
	for _, line := range strings.Split(out, "\n") {
		if d, ok := strings.CutPrefix(line, "system default destination: "); ok {
			def = strings.TrimSpace(d)
			continue
		}
		if name, _, ok := strings.Cut(line, " accepting requests"); ok && name != "" {
			list = append(list, Printer{Name: name})
		}
	}
	for i := range list {
		list[i].Default = list[i].Name == def
	}
	return list
}

func (cups) open(path string) error {
	cmd := exec.Command("xdg-open", path)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // the viewer outlives the call
	return nil
}
