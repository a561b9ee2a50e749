package counter

import (
	"context"
	"fmt"

	"motcua/data"
	"motcua/platform"
)

// PrinterStore is what the print choice is read from.
type PrinterStore interface {
	data.OfficeService
	data.PrinterService
}

// PrintChoice is how this workstation prints: the printer remembered for
// it and the paper its forms are laid out on (A4 before set-up).
func PrintChoice(ctx context.Context, s PrinterStore) (platform.PrintOptions, error) {
	name, err := s.Printer(ctx)
	if err != nil {
		return platform.PrintOptions{}, fmt.Errorf("counter: print choice: %w", err)
	}
	paper := "A4"
	switch o, err := s.Office(ctx); {
	case err == nil:
		paper = o.PaperSize
	case data.ErrorCode(err) != data.ENotFound:
		return platform.PrintOptions{}, fmt.Errorf("counter: print choice: %w", err)
	}
	return platform.PrintOptions{Printer: name, Paper: paper}, nil
}

// PrintChoice is how this workstation prints.
func (d *Desk) PrintChoice(ctx context.Context) (platform.PrintOptions, error) {
	return PrintChoice(ctx, d.store)
}

// SetPrinter remembers the printer this workstation prints on; "" is the
// system's default printer.
func (d *Desk) SetPrinter(ctx context.Context, name string) error {
	ctx, _, err := d.begin(ctx, data.ActSetup)
	if err != nil {
		return err
	}
	return d.store.SetPrinter(ctx, name)
}
