package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// printed is a printout kept in the data folder and whether it reached
// the printer.
type printed struct {
	path     string
	printErr error
}

// printKept renders a printout with the desk and sends it to the
// printer, off the UI goroutine; done learns where it is kept and
// whether it printed.
func printKept(u *UI, print func(string) error, render func(context.Context) (string, error), done func(printed, error)) {
	background(&u.jobs, u.ctx, func(ctx context.Context) (printed, error) {
		path, err := render(ctx)
		if err != nil {
			return printed{}, err
		}
		return printed{path, print(path)}, nil
	}, done)
}

// printMessage adds to done that the printout went to the printer, or
// where it is kept when it did not reach it; the printer's own words go
// to the error log, under the id the message gives.
func (u *UI) printMessage(done string, p printed) string {
	if p.printErr == nil {
		return done + " " + lang.L("returns.printSent")
	}
	if data.ErrorCode(p.printErr) != data.EInternal {
		// The system's printing said what the officer can do (the PDF
		// reader cannot print by itself and the file was opened, the
		// printer chosen is gone …).
		return done + " " + data.ErrorMessage(p.printErr)
	}
	return done + " " + lang.L("returns.printFailed", map[string]any{"Path": p.path, "ID": u.printErrorID(p)})
}

// printErrorID logs why a printout did not print and returns the id.
func (u *UI) printErrorID(p printed) string {
	return u.report.Report(fmt.Errorf("app: print %s: %w", p.path, p.printErr))
}

// showPrinted says on a message band how a printout went: why it was not
// made, or done and whether it printed.
func (u *UI) showPrinted(b *banner, done string, p printed, err error) {
	if err != nil {
		b.show(u.errorText(err), widget.DangerImportance)
		return
	}
	b.show(u.printMessage(done, p), printImportance(p))
}

func printImportance(p printed) widget.Importance {
	if p.printErr != nil {
		return widget.WarningImportance
	}
	return widget.SuccessImportance
}
