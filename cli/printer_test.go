package cli

import (
	"errors"
	"strings"
	"testing"

	"motcua/platform"
)

func printerHarness(t *testing.T) *harness {
	h := newHarness(t)
	h.env.Printers = func() ([]platform.Printer, error) {
		return []platform.Printer{{Name: "HP LaserJet 1020", Default: true}, {Name: `\\may-chu\Canon LBP 2900`}}, nil
	}
	return h
}

func TestPrinterSetAndList(t *testing.T) {
	h := printerHarness(t)
	h.ok(initArgs...)

	out := h.ok("printer", "list")
	for _, want := range []string{"* HP LaserJet 1020 (mặc định của Windows)", `  \\may-chu\Canon LBP 2900`, "Đang in ra: máy in mặc định của Windows (HP LaserJet 1020)", "Khổ giấy: A4"} {
		if !strings.Contains(out, want) {
			t.Errorf("fresh list lacks %q:\n%s", want, out)
		}
	}

	// A name typed in another case is stored as Windows spells it.
	out = h.ok("printer", "set", "--name", `\\MAY-CHU\canon lbp 2900`, "--paper", "A5")
	if !strings.Contains(out, `Máy in: \\may-chu\Canon LBP 2900`) || !strings.Contains(out, "Khổ giấy: A5") {
		t.Errorf("set output:\n%s", out)
	}
	out = h.ok("printer", "list")
	if !strings.Contains(out, `* \\may-chu\Canon LBP 2900`) || !strings.Contains(out, "  HP LaserJet 1020") || !strings.Contains(out, "Khổ giấy: A5") {
		t.Errorf("list after set:\n%s", out)
	}
	// The paper is the office's: init shows it too.
	if out := h.ok("init"); !strings.Contains(out, "Khổ giấy: A5") {
		t.Errorf("init does not show the paper chosen:\n%s", out)
	}

	// Changing one leaves the other.
	h.ok("printer", "set", "--paper", "A4")
	if out := h.ok("printer", "list"); !strings.Contains(out, `Đang in ra: \\may-chu\Canon LBP 2900`) || !strings.Contains(out, "Khổ giấy: A4") {
		t.Errorf("paper change moved the printer:\n%s", out)
	}
	h.ok("printer", "set", "--name", "")
	if out := h.ok("printer", "list"); !strings.Contains(out, "Đang in ra: máy in mặc định của Windows") {
		t.Errorf("--name \"\" did not go back to the default:\n%s", out)
	}
}

func TestPrinterSetRefuses(t *testing.T) {
	h := printerHarness(t)
	h.ok(initArgs...)
	h.ok("printer", "set", "--name", "HP LaserJet 1020")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown printer", []string{"printer", "set", "--name", "Brother", "--paper", "A5"}, 1, "Các máy in đã cài: “HP LaserJet 1020”, “\\\\may-chu\\Canon LBP 2900”"},
		{"bad paper", []string{"printer", "set", "--paper", "Letter", "--name", `\\may-chu\Canon LBP 2900`}, 1, "A4 hoặc A5"},
		{"nothing to set", []string{"printer", "set"}, 2, "--name"},
		{"no sub-command", []string{"printer"}, 2, "list hoặc set"},
		{"unknown sub-command", []string{"printer", "show"}, 2, "list hoặc set"},
		{"extra argument", []string{"printer", "list", "x"}, 2, "Thừa tham số"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := h.run(tc.args...)
			if code != tc.wantCode || !strings.Contains(errOut, tc.wantErr) {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.wantCode, errOut)
			}
			// Nothing was half-saved.
			if out := h.ok("printer", "list"); !strings.Contains(out, "Đang in ra: HP LaserJet 1020") || !strings.Contains(out, "Khổ giấy: A4") {
				t.Errorf("a refused set changed the choice:\n%s", out)
			}
		})
	}
}

func TestPrinterBeforeSetUp(t *testing.T) {
	h := printerHarness(t)
	// Before the set-up there is no administrator to choose a printer.
	for _, args := range [][]string{{"printer", "set", "--paper", "A5"}, {"printer", "set", "--name", "HP LaserJet 1020"}} {
		code, _, errOut := h.run(args...)
		if code != 1 || !strings.Contains(errOut, "motcua init") {
			t.Errorf("%v before init: exit %d\n%s", args, code, errOut)
		}
	}
	h.ok("printer", "list")
}

func TestPrinterListUnreadable(t *testing.T) {
	h := newHarness(t)
	h.env.Printers = func() ([]platform.Printer, error) { return nil, errors.New("lpstat: executable file not found") }
	code, _, errOut := h.run("printer", "list")
	if code != 1 || !strings.Contains(errOut, "Print Spooler") || strings.Contains(errOut, "lpstat") {
		t.Errorf("exit %d; stderr must say what to do, without the raw error:\n%s", code, errOut)
	}
}
