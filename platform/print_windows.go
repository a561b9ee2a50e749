package platform

import (
	"errors"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// shell prints through the PDF reader the user has, as Explorer's
// context menu does.
type shell struct{}

func newSpooler() spooler { return shell{} }

var (
	shell32          = windows.NewLazySystemDLL("shell32.dll")
	procShellExecute = shell32.NewProc("ShellExecuteW")
)

// seErrNoAssoc is ShellExecute's result when no program has the verb.
const seErrNoAssoc = 31

func (shell) print(path string, opt PrintOptions) error {
	def, _ := defaultPrinter()
	act, err := planPrint(pdfHandler(winRegistry{}), path, opt, def)
	if err != nil {
		return err
	}
	if act.exe != "" {
		cmd := exec.Command(act.exe, act.args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
		if err := cmd.Start(); err != nil {
			return err
		}
		go cmd.Wait() // the reader prints and exits on its own
		return nil
	}
	err = shellExecute(act.verb, path, act.params, windows.SW_HIDE)
	if errors.Is(err, errNoAssociation) {
		// The registry said yes, the shell says no: believe the shell.
		if act.verb == "printto" {
			return ErrNoPrintToVerb
		}
		return ErrNoPrintVerb
	}
	return err
}

func (shell) open(path string) error {
	err := shellExecute("open", path, "", windows.SW_SHOWNORMAL)
	if errors.Is(err, errNoAssociation) {
		return ErrNoPDFReader
	}
	return err
}

var errNoAssociation = windows.ERROR_NO_ASSOCIATION

// shellExecute runs verb on file. COM is set up on the calling thread,
// as the shell needs it for readers whose verbs are COM objects.
func shellExecute(verb, file, params string, show int32) error {
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	f, err := windows.UTF16PtrFromString(file)
	if err != nil {
		return err
	}
	var p *uint16
	if params != "" {
		if p, err = windows.UTF16PtrFromString(params); err != nil {
			return err
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil {
		defer windows.CoUninitialize()
	}
	r, _, lastErr := procShellExecute.Call(0, uintptr(unsafe.Pointer(v)), uintptr(unsafe.Pointer(f)), uintptr(unsafe.Pointer(p)), 0, uintptr(show))
	if r > 32 { // success is any value above 32
		return nil
	}
	if r == seErrNoAssoc || errors.Is(lastErr, windows.ERROR_NO_ASSOCIATION) {
		return errNoAssociation
	}
	return &shellError{verb: verb, code: r, err: lastErr}
}

type shellError struct {
	verb string
	code uintptr
	err  error
}

func (e *shellError) Error() string {
	return "ShellExecute " + e.verb + ": code " + strconv.FormatUint(uint64(e.code), 10) + ": " + e.err.Error()
}

func (e *shellError) Unwrap() error { return e.err }

// winRegistry reads the real registry.
type winRegistry struct{}

func (winRegistry) value(key, name string) (string, bool) {
	rootName, path, _ := strings.Cut(key, `\`)
	roots := map[string]registry.Key{"HKCU": registry.CURRENT_USER, "HKCR": registry.CLASSES_ROOT}
	root, ok := roots[rootName]
	if !ok {
		return "", false
	}
	k, err := registry.OpenKey(root, path, registry.QUERY_VALUE)
	if err != nil {
		return "", false
	}
	defer k.Close()
	s, typ, err := k.GetStringValue(name)
	if err != nil {
		return "", false
	}
	if typ == registry.EXPAND_SZ {
		if x, err := registry.ExpandString(s); err == nil {
			s = x
		}
	}
	return s, true
}
