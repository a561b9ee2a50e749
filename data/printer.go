package data

import (
	"context"
	"unicode"
	"unicode/utf8"
)

// PrinterService keeps the printer this workstation prints on. The paper
// is the office's PaperSize: the forms are laid out on it and printed on
// it, one setting so the two cannot disagree.
type PrinterService interface {
	// Printer returns the chosen printer's name; "" is the system's
	// default printer.
	Printer(ctx context.Context) (string, error)
	// SetPrinter remembers the printer; "" goes back to the default.
	SetPrinter(ctx context.Context, name string) error
}

// CheckPrinterName validates a printer name as Windows allows it: at most
// 220 characters, no control characters and no comma.
func CheckPrinterName(name string) error {
	if utf8.RuneCountInString(name) > 220 {
		return Errorf(EInvalid, "Tên máy in dài quá 220 ký tự.")
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == ',' {
			return Errorf(EInvalid, "Tên máy in %q có ký tự không dùng được; hãy chép đúng tên trong danh sách máy in (motcua printer list).", name)
		}
	}
	return nil
}
