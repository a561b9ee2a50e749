package server_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motcua/server"
	"motcua/server/servertest"
)

func TestAdminCommands(t *testing.T) {
	db := servertest.NewDatabase(t)
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := server.Main(context.Background(), args, &out, &errOut)
		return code, out.String(), errOut.String()
	}
	dir := t.TempDir()
	if code, out, errOut := run("dev-cert", "--out", dir, "--host", "tinh.example"); code != 0 || !strings.Contains(out, "ca.pem") {
		t.Fatalf("dev-cert: %d %s %s", code, out, errOut)
	}
	if _, err := tls.LoadX509KeyPair(filepath.Join(dir, server.DevCertFile), filepath.Join(dir, server.DevKeyFile)); err != nil {
		t.Errorf("dev-cert pair: %v", err)
	}
	if fi, err := os.Stat(filepath.Join(dir, server.DevKeyFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("server key mode %v %v", fi, err)
	}
	code, out, errOut := run("enroll", "--database", db, "--agency-code", "000.30.12.H30", "--workstation", "3")
	if code != 0 || len(strings.SplitN(out, "\n", 2)[0]) != 19 {
		t.Errorf("enroll: %d %q %s", code, out, errOut)
	}
	if code, _, errOut := run("enroll", "--database", db, "--agency-code", "H30", "--workstation", "12"); code != 1 ||
		!strings.Contains(errOut, "agency-code") || !strings.Contains(errOut, "workstation") {
		t.Errorf("bad enroll: %d %s", code, errOut)
	}
	if code, out, errOut := run("catalog", "import", "../assets/catalog/sample.json", "--database", db); code != 0 || !strings.Contains(out, "61") {
		t.Errorf("catalog import: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := run("calendar", "off", "2027-02-05", "--name", "Nghỉ Tết", "--database", db); code != 0 || !strings.Contains(out, "05/02/2027") {
		t.Errorf("calendar: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := run("status", "000.30.12.H30-270203-1001", "transferred", "--agency", "Phòng Tư pháp", "--database", db); code != 1 || !strings.Contains(errOut, "Không tìm thấy") {
		t.Errorf("status of an unknown dossier: %d %s", code, errOut)
	}
	if code, out, errOut := run("postal-key", "--name", "VNPost Cần Thơ", "--database", db); code != 0 ||
		len(strings.SplitN(out, "\n", 2)[0]) != 43 || !strings.Contains(out, "--revoke") {
		t.Errorf("postal-key: %d %q %s", code, out, errOut)
	}
	if code, out, errOut := run("postal-key", "--revoke", "VNPost Cần Thơ", "--database", db); code != 0 || !strings.Contains(out, "thu hồi") {
		t.Errorf("postal-key --revoke: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := run("postal-key", "--revoke", "VNPost Cần Thơ", "--database", db); code != 1 || !strings.Contains(errOut, "Không có khoá") {
		t.Errorf("revoke twice: %d %s", code, errOut)
	}
	if code, _, _ := run("postal-key", "--database", db); code != 2 {
		t.Errorf("postal-key without a name: exit %d", code)
	}
	if code, _, _ := run("serve", "--database", db); code != 2 {
		t.Errorf("serve without certificates: exit %d", code)
	}
	if code, _, _ := run("fly"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}
