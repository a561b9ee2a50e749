package platform

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	winspool              = windows.NewLazySystemDLL("winspool.drv")
	procEnumPrinters      = winspool.NewProc("EnumPrintersW")
	procGetDefaultPrinter = winspool.NewProc("GetDefaultPrinterW")
)

// printerInfo4 is PRINTER_INFO_4W: the cheapest level, read from the
// registry without asking each printer.
type printerInfo4 struct {
	name       *uint16
	server     *uint16
	attributes uint32
}

// Local printers and the network printers this user connected to.
const enumLocalAndConnections = 0x2 | 0x4 // PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS

func (shell) printers() ([]Printer, error) {
	var needed, returned uint32
	buf := make([]byte, 4096)
	for {
		r, _, err := procEnumPrinters.Call(enumLocalAndConnections, 0, 4,
			uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)),
			uintptr(unsafe.Pointer(&needed)), uintptr(unsafe.Pointer(&returned)))
		if r != 0 {
			break
		}
		if !errors.Is(err, windows.ERROR_INSUFFICIENT_BUFFER) || int(needed) <= len(buf) {
			return nil, err
		}
		buf = make([]byte, needed)
	}
	def, _ := defaultPrinter()
	infos := unsafe.Slice((*printerInfo4)(unsafe.Pointer(&buf[0])), returned)
	list := make([]Printer, 0, len(infos))
	for _, in := range infos {
		name := windows.UTF16PtrToString(in.name)
		list = append(list, Printer{Name: name, Default: name == def})
	}
	return list, nil
}

// defaultPrinter is the user's default printer; "" when there is none.
func defaultPrinter() (string, error) {
	var size uint32
	procGetDefaultPrinter.Call(0, uintptr(unsafe.Pointer(&size)))
	if size == 0 {
		return "", nil
	}
	buf := make([]uint16, size)
	r, _, err := procGetDefaultPrinter.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&size)))
	if r == 0 {
		return "", err
	}
	return windows.UTF16ToString(buf), nil
}
