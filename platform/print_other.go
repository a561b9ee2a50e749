//go:build !windows

package platform

import (
	"fmt"
	"os/exec"
)

// Print sends a PDF to the default printer through CUPS.
func Print(path string) error {
	out, err := exec.Command("lp", "--", path).CombinedOutput()
	if err != nil {
		return fmt.Errorf("platform: lp %s: %v: %s", path, err, out)
	}
	return nil
}

// Open shows a PDF in the user's viewer.
func Open(path string) error {
	if err := exec.Command("xdg-open", path).Start(); err != nil {
		return fmt.Errorf("platform: open %s: %w", path, err)
	}
	return nil
}
