package platform

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// regMap is a registry: "key|name" → value, looked up ignoring case.
type regMap map[string]string

func (r regMap) value(key, name string) (string, bool) {
	for k, v := range r {
		if strings.EqualFold(k, key+"|"+name) {
			return v, true
		}
	}
	return "", false
}

const sumatraExe = `C:\Program Files\SumatraPDF\SumatraPDF.exe`

var (
	// A stock Windows 11: Edge opens PDFs and has no print verb.
	edge = regMap{
		userChoicePDF + "|ProgId":            "MSEdgePDF",
		`HKCR\.pdf|`:                         "MSEdgePDF",
		`HKCR\MSEdgePDF\shell\open\command|`: `"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --single-argument %1`,
	}
	// SumatraPDF chosen in Settings, over Edge for the machine.
	sumatraChosen = regMap{
		userChoicePDF + "|ProgId":                    "SumatraPDF.pdf",
		`HKCR\.pdf|`:                                 "MSEdgePDF",
		`HKCR\SumatraPDF.pdf\shell\print\command|`:   `"` + sumatraExe + `" -print-to-default "%1"`,
		`HKCR\SumatraPDF.pdf\shell\printto\command|`: `"` + sumatraExe + `" -print-to "%2" "%1"`,
	}
	// Acrobat Reader, registered for the machine, verbs capitalised.
	acrobat = regMap{
		`HKCR\.pdf|`: "Acrobat.Document.DC",
		`HKCR\Acrobat.Document.DC\shell\Print\command|`:   `"C:\Program Files\Adobe\Acrobat DC\Acrobat\Acrobat.exe" /p /h "%1"`,
		`HKCR\Acrobat.Document.DC\shell\Printto\command|`: `"C:\Program Files\Adobe\Acrobat DC\Acrobat\Acrobat.exe" /t "%1" "%2" "%3" "%4"`,
	}
	// A reader with a print verb only, run by a COM object.
	printOnly = regMap{
		`HKCR\.pdf|`: "Reader.pdf",
		`HKCR\Reader.pdf\shell\print\command|DelegateExecute`: "{00000000-0000-0000-0000-000000000001}",
	}
)

func TestPlanPrint(t *testing.T) {
	tests := []struct {
		name    string
		reg     regMap
		opt     PrintOptions
		def     string
		want    action
		wantErr error
	}{
		{name: "Edge", reg: edge, wantErr: ErrNoPrintVerb},
		{name: "Edge, chosen printer", reg: edge, opt: PrintOptions{Printer: "Canon"}, def: "HP", wantErr: ErrNoPrintVerb},
		{name: "nothing opens PDFs", reg: regMap{}, wantErr: ErrNoPDFReader},
		{name: "Acrobat, default printer", reg: acrobat, def: "HP", want: action{verb: "print"}},
		{name: "Acrobat, chosen printer", reg: acrobat, opt: PrintOptions{Printer: `\\srv\Canon A5`}, def: "HP",
			want: action{verb: "printto", params: `"\\srv\Canon A5"`}},
		{name: "Acrobat, chosen printer is the default", reg: acrobat, opt: PrintOptions{Printer: "hp"}, def: "HP", want: action{verb: "print"}},
		{name: "print verb only, default printer", reg: printOnly, want: action{verb: "print"}},
		{name: "print verb only, chosen printer", reg: printOnly, opt: PrintOptions{Printer: "Canon"}, def: "HP", wantErr: ErrNoPrintToVerb},
		{name: "Sumatra, default printer", reg: sumatraChosen, opt: PrintOptions{Paper: "A4"},
			want: action{exe: sumatraExe, args: []string{"-print-to-default", "-print-settings", "paper=A4", "-silent", `C:\d\r.pdf`}}},
		{name: "Sumatra, chosen printer, A5", reg: sumatraChosen, opt: PrintOptions{Printer: "Canon", Paper: "A5"}, def: "HP",
			want: action{exe: sumatraExe, args: []string{"-print-to", "Canon", "-print-settings", "paper=A5", "-silent", `C:\d\r.pdf`}}},
		{name: "Sumatra, no paper", reg: sumatraChosen,
			want: action{exe: sumatraExe, args: []string{"-print-to-default", "-silent", `C:\d\r.pdf`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := planPrint(pdfHandler(tc.reg), `C:\d\r.pdf`, tc.opt, tc.def)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("plan = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestPDFHandlerPrefersUserChoice(t *testing.T) {
	if h := pdfHandler(sumatraChosen); h.progID != "SumatraPDF.pdf" || h.print == "" || h.printto == "" {
		t.Errorf("handler = %+v", h)
	}
	if h := pdfHandler(edge); h.progID != "MSEdgePDF" || h.print != "" || h.printto != "" {
		t.Errorf("Edge handler = %+v", h)
	}
}

func TestCommandExe(t *testing.T) {
	tests := []struct{ name, cmd, want string }{
		{"quoted", `"C:\Program Files\SumatraPDF\SumatraPDF.exe" -print-to-default "%1"`, `C:\Program Files\SumatraPDF\SumatraPDF.exe`},
		{"unquoted with spaces", `C:\Program Files\Foo\foo.EXE /p "%1"`, `C:\Program Files\Foo\foo.EXE`},
		{"bare", `reader %1`, `reader`},
		{"empty", ``, ``},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := commandExe(tc.cmd); got != tc.want {
				t.Errorf("commandExe(%q) = %q, want %q", tc.cmd, got, tc.want)
			}
		})
	}
}
