// Package pdftest reads printouts back for the tests of the packages
// that print through the desk: the text of each page (poppler's
// pdftotext) and the QR codes on them (zbarimg). Without the tools a test
// is skipped, unless MOTCUA_GUI_TEST is set (make test installs them).
package pdftest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("MOTCUA_GUI_TEST") == "" {
			t.Skipf("%s not installed", name)
		}
		t.Fatalf("%s not installed (MOTCUA_GUI_TEST is set)", name)
	}
	return p
}

// Pages is the text of each page of the PDF at path, in reading order,
// runs of white space folded to one space.
func Pages(t testing.TB, path string) []string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	ps := strings.Split(string(out), "\f")
	ps = ps[:len(ps)-1] // pdftotext ends every page with a form feed
	for k, p := range ps {
		ps[k] = strings.Join(strings.Fields(p), " ")
	}
	return ps
}

// Text is the text of every page of the PDF at path, joined.
func Text(t testing.TB, path string) string {
	t.Helper()
	return strings.Join(Pages(t, path), " ")
}

// QRs are the QR codes of the PDF at path, page by page in order; a page
// without one gives "".
func QRs(t testing.TB, path string) []string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command(tool(t, "pdftoppm"), "-r", "150", "-png", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm %s: %v\n%s", path, err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	var codes []string
	for _, f := range files {
		out, err := exec.Command(tool(t, "zbarimg"), "-q", "--raw", "-Sdisable", "-Sqrcode.enable", f).Output()
		if err != nil {
			codes = append(codes, "") // exit status 4: no code on this page
			continue
		}
		codes = append(codes, strings.TrimSpace(string(out)))
	}
	return codes
}
