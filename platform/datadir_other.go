//go:build !windows

package platform

import (
	"os"
	"path/filepath"
)

// userDataRoot is $XDG_DATA_HOME, or ~/.local/share.
func userDataRoot() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}
