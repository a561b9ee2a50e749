package app

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/platform"
)

// printerChoice picks the printer this workstation prints on: the
// system's default or one of the installed printers. The list is read off
// the UI goroutine; a printer chosen before and no longer installed stays
// in the list, so that saving does not change it unasked.
type printerChoice struct {
	u      *UI
	sel    *widget.Select
	byName map[string]string // label → printer name; "" for the default
}

// installedPrinters lists the machine's printers; tests replace it.
var installedPrinters = platform.Printers

func newPrinterChoice(u *UI, onChanged func()) *printerChoice {
	c := &printerChoice{u: u}
	c.sel = widget.NewSelect(nil, func(string) {
		if onChanged != nil {
			onChanged()
		}
	})
	c.sel.PlaceHolder = lang.L("setup.printer.loading")
	return c
}

// load reads the installed printers and the one remembered.
func (c *printerChoice) load() {
	type found struct {
		printers []platform.Printer
		listErr  error
		chosen   string
	}
	background(&c.u.jobs, c.u.ctx, func(ctx context.Context) (found, error) {
		chosen, err := c.u.desk.Printer(ctx)
		if err != nil {
			return found{}, err
		}
		ps, listErr := installedPrinters()
		return found{ps, listErr, chosen}, nil
	}, func(f found, err error) {
		if err != nil {
			c.sel.PlaceHolder = c.u.errorText(err)
			c.sel.Refresh()
			return
		}
		def := lang.L("setup.printer.default")
		c.byName = map[string]string{def: ""}
		options := []string{def}
		known := f.chosen == ""
		for _, p := range f.printers {
			c.byName[p.Name] = p.Name
			options = append(options, p.Name)
			known = known || p.Name == f.chosen
		}
		if !known {
			label := lang.L("setup.printer.missing", map[string]any{"Name": f.chosen})
			c.byName[label] = f.chosen
			options = append(options, label)
		}
		c.sel.Options = options
		c.sel.PlaceHolder = ""
		if f.listErr != nil {
			c.sel.PlaceHolder = lang.L("setup.printer.unreadable")
		}
		for label, name := range c.byName {
			if name == f.chosen {
				c.sel.SetSelected(label)
			}
		}
		c.sel.Refresh()
	})
}

// chosen is the printer picked, "" for the system's default, and false
// before the list has come.
func (c *printerChoice) chosen() (string, bool) {
	name, ok := c.byName[c.sel.Selected]
	return name, ok
}
