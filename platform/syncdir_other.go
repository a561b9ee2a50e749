//go:build !windows

package platform

import (
	"errors"
	"fmt"
	"os"
)

// SyncDir makes a folder's entries (a file created, renamed or removed
// in it) durable, as fsync does for a file's content.
func SyncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("platform: sync folder %s: %w", dir, err)
	}
	if err := errors.Join(f.Sync(), f.Close()); err != nil {
		return fmt.Errorf("platform: sync folder %s: %w", dir, err)
	}
	return nil
}
