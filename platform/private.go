package platform

import (
	"fmt"
	"os"
)

// PrivateDir creates each folder if needed and makes it its owner's only
// (0700), whatever the umask or the mode it had.
func PrivateDir(dirs ...string) error {
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return fmt.Errorf("platform: folder %s: %w", d, err)
		}
		if err := os.Chmod(d, 0o700); err != nil {
			return fmt.Errorf("platform: folder %s: %w", d, err)
		}
	}
	return nil
}

// PrivateFile makes an existing file readable and writable by its owner
// only (0600).
func PrivateFile(path string) error {
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("platform: file %s: %w", path, err)
	}
	return nil
}
