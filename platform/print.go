package platform

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"motcua/data"
)

// PrintOptions say where a PDF prints.
type PrintOptions struct {
	// Printer is the printer's name as the system lists it; "" is the
	// system's default printer.
	Printer string
	// Paper is the sheet, "A4" or "A5"; "" leaves it to the printer.
	Paper string
}

// Printer is a printer installed on this machine.
type Printer struct {
	Name    string
	Default bool // the system's default printer
}

// What can stop a print. Each is a *data.Error whose message tells the
// officer what to do; test with errors.Is.
var (
	// ErrNoPrintVerb: the default PDF reader cannot print without its
	// window (Microsoft Edge, the reader of a stock Windows). The PDF has
	// been opened in it for the officer to print with Ctrl+P.
	ErrNoPrintVerb = data.Errorf(data.EConflict, "Trình đọc PDF mặc định của máy này (thường là Microsoft Edge) không tự in được, nên tệp đã được mở ra: bấm Ctrl+P để in. Muốn in bằng một lần bấm, hãy cài SumatraPDF hoặc Adobe Acrobat Reader và chọn nó làm ứng dụng mở tệp PDF mặc định.")
	// ErrNoPrintToVerb: the reader prints, but only to the default
	// printer, and another one is chosen. The PDF has been opened.
	ErrNoPrintToVerb = data.Errorf(data.EConflict, "Trình đọc PDF mặc định của máy này chỉ in ra máy in mặc định của Windows, không in ra máy in đã chọn được, nên tệp đã được mở ra: bấm Ctrl+P và chọn máy in để in. Muốn in bằng một lần bấm, hãy đặt máy in đã chọn làm máy in mặc định của Windows, hoặc cài SumatraPDF.")
	// ErrNoPDFReader: nothing on this machine opens a PDF.
	ErrNoPDFReader = data.Errorf(data.EConflict, "Máy này chưa có ứng dụng mở tệp PDF. Hãy cài SumatraPDF hoặc Adobe Acrobat Reader rồi in lại.")
	// ErrPrinterMissing: the printer chosen for this workstation is no
	// longer installed.
	ErrPrinterMissing = data.Errorf(data.ENotFound, "Máy in đã chọn cho máy này không còn được cài trong Windows. Hãy chọn lại máy in (hoặc chọn in ra máy in mặc định) rồi in lại.")
)

// Papers are the sheets the forms are made for.
var Papers = []string{"A4", "A5"}

// Validate checks the paper: "", A4 or A5.
func (o PrintOptions) Validate() error {
	switch o.Paper {
	case "", "A4", "A5":
		return nil
	}
	return data.Errorf(data.EInvalid, "Khổ giấy phải là A4 hoặc A5 (đang là %q).", o.Paper)
}

// spooler is what differs between systems: the printers there are, and
// how a PDF reaches one or the viewer.
type spooler interface {
	printers() ([]Printer, error)
	print(path string, opt PrintOptions) error
	open(path string) error
}

// system is this system's spooler; tests replace it.
var system spooler = newSpooler()

// remembered gives the options a plain Print uses.
var remembered atomic.Pointer[func() (PrintOptions, error)]

// Remember makes every Print ask choice for the printer and paper chosen
// for this workstation. The screens take Print as a plain function;
// main points it at the store once it is open.
func Remember(choice func() (PrintOptions, error)) { remembered.Store(&choice) }

// Print sends a PDF to the printer and paper chosen for this workstation
// (see Remember), or to the default printer when none is.
func Print(path string) error {
	var opt PrintOptions
	if choice := remembered.Load(); choice != nil {
		o, err := (*choice)()
		if err != nil {
			return fmt.Errorf("platform: print %s: printer chosen: %w", path, err)
		}
		opt = o
	}
	return PrintWith(path, opt)
}

// PrintWith sends a PDF to the printer opt names. When the PDF reader
// cannot print by itself it opens the PDF for the officer instead and
// returns ErrNoPrintVerb or ErrNoPrintToVerb, whose messages say so.
func PrintWith(path string, opt PrintOptions) error { return printWith(system, path, opt) }

func printWith(sp spooler, path string, opt PrintOptions) error {
	if err := opt.Validate(); err != nil {
		return err
	}
	if opt.Printer != "" {
		name, err := installed(sp, opt.Printer)
		if err != nil {
			return fmt.Errorf("platform: print %s: %w", path, err)
		}
		opt.Printer = name
	}
	err := sp.print(path, opt)
	if errors.Is(err, ErrNoPrintVerb) || errors.Is(err, ErrNoPrintToVerb) {
		if oerr := sp.open(path); oerr != nil {
			return fmt.Errorf("platform: print %s: %w", path, oerr)
		}
	}
	if err != nil {
		return fmt.Errorf("platform: print %s: %w", path, err)
	}
	return nil
}

// installed returns the name under which the system lists printer
// (names are compared as Windows does, ignoring case), or
// ErrPrinterMissing. When the list cannot be read the name is kept and
// the print itself will tell.
func installed(sp spooler, printer string) (string, error) {
	list, err := sp.printers()
	if err != nil {
		return printer, nil
	}
	for _, p := range list {
		if strings.EqualFold(p.Name, printer) {
			return p.Name, nil
		}
	}
	return "", ErrPrinterMissing
}

// Printers lists the printers installed on this machine.
func Printers() ([]Printer, error) {
	list, err := system.printers()
	if err != nil {
		return nil, fmt.Errorf("platform: printers: %w", err)
	}
	return list, nil
}

// Open shows a PDF in the user's viewer.
func Open(path string) error {
	if err := system.open(path); err != nil {
		return fmt.Errorf("platform: open %s: %w", path, err)
	}
	return nil
}
