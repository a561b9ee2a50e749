package platform

import (
	"errors"
	"testing"

	"motcua/data"
)

// fakeSpooler records what reaches the system.
type fakeSpooler struct {
	list       []Printer
	listErr    error
	printErr   error
	openErr    error
	printed    []PrintOptions
	opened     []string
	printCalls int
}

func (f *fakeSpooler) printers() ([]Printer, error) { return f.list, f.listErr }

func (f *fakeSpooler) print(path string, opt PrintOptions) error {
	f.printCalls++
	if f.printErr != nil {
		return f.printErr
	}
	f.printed = append(f.printed, opt)
	return nil
}

func (f *fakeSpooler) open(path string) error {
	if f.openErr != nil {
		return f.openErr
	}
	f.opened = append(f.opened, path)
	return nil
}

func TestPrintWith(t *testing.T) {
	office := []Printer{{Name: "HP LaserJet 1020", Default: true}, {Name: `\\server\Canon A5`}}
	tests := []struct {
		name       string
		sp         fakeSpooler
		opt        PrintOptions
		wantErr    error // nil: printed
		wantCode   string
		wantSent   PrintOptions
		wantOpened bool
	}{
		{name: "default printer", sp: fakeSpooler{list: office}, opt: PrintOptions{Paper: "A4"}, wantSent: PrintOptions{Paper: "A4"}},
		{name: "chosen printer", sp: fakeSpooler{list: office}, opt: PrintOptions{Printer: `\\server\Canon A5`, Paper: "A5"}, wantSent: PrintOptions{Printer: `\\server\Canon A5`, Paper: "A5"}},
		{name: "name in another case", sp: fakeSpooler{list: office}, opt: PrintOptions{Printer: "hp laserjet 1020"}, wantSent: PrintOptions{Printer: "HP LaserJet 1020"}},
		{name: "printer removed", sp: fakeSpooler{list: office}, opt: PrintOptions{Printer: "Brother"}, wantErr: ErrPrinterMissing, wantCode: data.ENotFound},
		{name: "list unreadable", sp: fakeSpooler{listErr: errors.New("spooler stopped")}, opt: PrintOptions{Printer: "Brother"}, wantSent: PrintOptions{Printer: "Brother"}},
		{name: "bad paper", sp: fakeSpooler{list: office}, opt: PrintOptions{Paper: "Letter"}, wantCode: data.EInvalid},
		{name: "reader cannot print", sp: fakeSpooler{printErr: ErrNoPrintVerb}, wantErr: ErrNoPrintVerb, wantCode: data.EConflict, wantOpened: true},
		{name: "reader cannot choose printer", sp: fakeSpooler{list: office, printErr: ErrNoPrintToVerb}, opt: PrintOptions{Printer: `\\server\Canon A5`}, wantErr: ErrNoPrintToVerb, wantOpened: true},
		{name: "nothing opens PDFs", sp: fakeSpooler{printErr: ErrNoPrintVerb, openErr: ErrNoPDFReader}, wantErr: ErrNoPDFReader},
		{name: "printer jammed", sp: fakeSpooler{printErr: errors.New("lp: exit status 1")}, wantCode: data.EInternal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sp := tc.sp
			err := printWith(&sp, "receipt.pdf", tc.opt)
			if tc.wantErr == nil && tc.wantCode == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(sp.printed) != 1 || sp.printed[0] != tc.wantSent {
					t.Fatalf("sent %+v, want %+v", sp.printed, tc.wantSent)
				}
				return
			}
			if err == nil {
				t.Fatal("printWith succeeded")
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
			if tc.wantCode != "" && data.ErrorCode(err) != tc.wantCode {
				t.Errorf("code = %q, want %q (%v)", data.ErrorCode(err), tc.wantCode, err)
			}
			if got := len(sp.opened) == 1; got != tc.wantOpened {
				t.Errorf("opened = %v, want %v", sp.opened, tc.wantOpened)
			}
		})
	}
}

func TestPrintUsesRememberedChoice(t *testing.T) {
	sp := &fakeSpooler{list: []Printer{{Name: "Canon"}}}
	old := system
	system = sp
	t.Cleanup(func() { system = old; remembered.Store(nil) })

	if err := Print("a.pdf"); err != nil {
		t.Fatal(err)
	}
	choice := PrintOptions{Printer: "Canon", Paper: "A5"}
	Remember(func() (PrintOptions, error) { return choice, nil })
	if err := Print("b.pdf"); err != nil {
		t.Fatal(err)
	}
	want := []PrintOptions{{}, choice}
	if len(sp.printed) != 2 || sp.printed[0] != want[0] || sp.printed[1] != want[1] {
		t.Errorf("printed %+v, want %+v", sp.printed, want)
	}

	broken := errors.New("database is locked")
	Remember(func() (PrintOptions, error) { return PrintOptions{}, broken })
	if err := Print("c.pdf"); !errors.Is(err, broken) {
		t.Errorf("Print = %v, want the store's error", err)
	}
	if sp.printCalls != 2 {
		t.Errorf("printed %d times, want 2: an unreadable choice must not print elsewhere", sp.printCalls)
	}
}

func TestMessagesSayWhatToDo(t *testing.T) {
	for _, err := range []error{ErrNoPrintVerb, ErrNoPrintToVerb, ErrNoPDFReader, ErrPrinterMissing} {
		msg := data.ErrorMessage(err)
		if data.ErrorCode(err) == data.EInternal || len(msg) < 40 {
			t.Errorf("%q is not an officer's message", msg)
		}
	}
}
