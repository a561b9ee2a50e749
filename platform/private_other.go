//go:build !windows

package platform

import "os"

// OthersMayRead reports whether a file or folder is open to anyone but
// its owner.
func OthersMayRead(fi os.FileInfo) bool { return fi.Mode().Perm()&0o077 != 0 }
