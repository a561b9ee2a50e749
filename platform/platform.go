// Package platform holds what differs between Windows and the other
// systems: where data lives, how a PDF is printed or opened.
package platform

import (
	"fmt"
	"os"
)

// appFolder is the name of the data folder under the user's data root.
const appFolder = "MotCua"

// DataDir returns the folder that holds everything the app writes: dir
// when given, else $MOTCUA_DATA, else the user's application data folder.
// The folder is created if missing.
func DataDir(dir string) (string, error) {
	if dir == "" {
		dir = os.Getenv("MOTCUA_DATA")
	}
	if dir == "" {
		root, err := userDataRoot()
		if err != nil {
			return "", fmt.Errorf("platform: data folder: %w", err)
		}
		dir = root + string(os.PathSeparator) + appFolder
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("platform: data folder: %w", err)
	}
	return dir, nil
}
