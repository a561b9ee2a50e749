//go:build !windows

package platform

// AttachConsole does nothing: programs here keep the terminal they were
// started from.
func AttachConsole() {}
