package platform

import (
	"fmt"
	"syscall"
	"unsafe"
)

var shellExecute = syscall.NewLazyDLL("shell32.dll").NewProc("ShellExecuteW")

// shell runs the shell's verb ("print", "open") on a file, as Explorer's
// context menu does: printing goes to the default printer through the
// PDF reader the user has.
func shell(verb, path string) error {
	v, err := syscall.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	const swHide, swShow = 0, 1
	show := swShow
	if verb == "print" {
		show = swHide
	}
	r, _, _ := shellExecute.Call(0, uintptr(unsafe.Pointer(v)), uintptr(unsafe.Pointer(p)), 0, 0, uintptr(show))
	if r <= 32 { // ShellExecute returns a value above 32 on success
		return fmt.Errorf("platform: %s %s: ShellExecute error %d", verb, path, r)
	}
	return nil
}

// Print sends a PDF to the default printer.
func Print(path string) error { return shell("print", path) }

// Open shows a PDF in the user's viewer.
func Open(path string) error { return shell("open", path) }
