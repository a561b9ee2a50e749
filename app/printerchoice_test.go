package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"motcua/data"
	"motcua/platform"
)

// TestPrinterChoiceRemembered: the set-up screen offers the system's
// default and every installed printer, saves the one picked with the
// office, and shows it again next time.
func TestPrinterChoiceRemembered(t *testing.T) {
	h := open(t, vn(2027, 2, 3, 9, 0), true)
	c := h.u.setup.printer
	if got := strings.Join(c.sel.Options, "|"); got != "Máy in mặc định của Windows|Canon LBP2900|HP LaserJet M1005" {
		t.Fatalf("options %q", got)
	}
	if c.sel.Selected != "Máy in mặc định của Windows" {
		t.Errorf("selected %q before any choice", c.sel.Selected)
	}
	c.sel.SetSelected("Canon LBP2900")
	h.u.setup.paper.SetSelected("A5")
	h.u.setup.onSave()
	h.wait()
	choice, err := h.u.desk.PrintChoice(context.Background())
	if err != nil || choice != (platform.PrintOptions{Printer: "Canon LBP2900", Paper: "A5"}) {
		t.Fatalf("print choice %+v, %v", choice, err)
	}
	// A printer since removed stays chosen, marked.
	if err := h.db.SetPrinter(context.Background(), "Brother HL-1110"); err != nil {
		t.Fatal(err)
	}
	c.load()
	h.wait()
	if c.sel.Selected != "Brother HL-1110 (không còn được cài)" {
		t.Errorf("selected %q", c.sel.Selected)
	}
	if name, ok := c.chosen(); !ok || name != "Brother HL-1110" {
		t.Errorf("chosen %q %v", name, ok)
	}
}

// TestPrintMessageSaysWhatToDo: when the PDF reader cannot print by
// itself the officer reads what to do, not a log id.
func TestPrintMessageSaysWhatToDo(t *testing.T) {
	h := open(t, vn(2027, 2, 3, 9, 0), true)
	msg := h.u.printMessage("Đã lưu.", printed{path: "x.pdf", printErr: platform.ErrNoPrintVerb})
	if !strings.Contains(msg, "Ctrl+P") || strings.Contains(msg, "mã") {
		t.Errorf("no print verb: %q", msg)
	}
	msg = h.u.printMessage("Đã lưu.", printed{path: "x.pdf", printErr: errors.New(`exec: "lp": executable file not found in $PATH`)})
	if strings.Contains(msg, "exec") || strings.Contains(msg, "$PATH") || data.ErrorCode(errors.New("x")) != data.EInternal {
		t.Errorf("raw error shown: %q", msg)
	}
}
