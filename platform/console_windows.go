package platform

import (
	"os"

	"golang.org/x/sys/windows"
)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// AttachConsole lets a command typed in a console print there. The exe
// is a window program, which Windows starts without a console: it
// borrows the one of the shell that started it. Output redirected to a
// file or a pipe stays where it is.
func AttachConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return // started from Explorer, or already has a console
	}
	reopen := func(std uint32, name string, flag int, f **os.File) {
		if h, err := windows.GetStdHandle(std); err == nil && h != 0 && h != windows.InvalidHandle {
			return
		}
		if c, err := os.OpenFile(name, flag, 0); err == nil {
			*f = c
		}
	}
	// Read access too: without it Go cannot see that CONOUT$ is a console
	// and would write bytes in the console's code page, not Vietnamese.
	reopen(windows.STD_OUTPUT_HANDLE, "CONOUT$", os.O_RDWR, &os.Stdout)
	reopen(windows.STD_ERROR_HANDLE, "CONOUT$", os.O_RDWR, &os.Stderr)
	reopen(windows.STD_INPUT_HANDLE, "CONIN$", os.O_RDONLY, &os.Stdin)
}
