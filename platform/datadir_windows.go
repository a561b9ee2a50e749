package platform

import "os"

// userDataRoot is %AppData% (roaming application data).
func userDataRoot() (string, error) {
	return os.UserConfigDir()
}
