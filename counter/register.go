package counter

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"motcua/data"
	"motcua/platform"
	"motcua/printout"
)

// Register formats.
const (
	RegisterPDF  = "pdf"
	RegisterXLSX = "xlsx"
)

// Register reads the register's lines of the dossiers filed in a period:
// a view of applicants' personal data, which the audit trail records.
func (d *Desk) Register(ctx context.Context, from, to time.Time) (data.Register, error) {
	ctx, _, err := d.begin(ctx, data.ActReports)
	if err != nil {
		return data.Register{}, err
	}
	reg, err := d.store.Register(ctx, from, to)
	if err != nil {
		return reg, err
	}
	return reg, d.store.Audit(ctx, "", "register.view", registerSubject(reg), strconv.Itoa(len(reg.Lines))+" hồ sơ")
}

func registerSubject(r data.Register) string {
	return r.From.Format(time.DateOnly) + ".." + r.To.Format(time.DateOnly)
}

// RegisterFile writes the register of a period as a PDF (Mẫu số 07 of
// the form set in force on the period's last day) or an Excel file, keeps
// it under printouts/ in the data folder and returns its path; the
// audit trail records the export.
func (d *Desk) RegisterFile(ctx context.Context, from, to time.Time, format string) (string, error) {
	ctx, _, err := d.begin(ctx, data.ActReports)
	if err != nil {
		return "", err
	}
	reg, err := d.store.Register(ctx, from, to)
	if err != nil {
		return "", err
	}
	office, err := d.store.Office(ctx)
	if err != nil {
		return "", err
	}
	in := printout.RegisterInput{Office: office, Register: reg, At: d.now(),
		Progress: func(done, total int) { data.ReportProgress(ctx, done, total) }}
	var buf bytes.Buffer
	switch format {
	case RegisterPDF:
		err = printout.Register(&buf, in)
	case RegisterXLSX:
		err = printout.RegisterWorkbook(&buf, in)
	default:
		return "", data.Errorf(data.EInvalid, "Sổ theo dõi hồ sơ ghi ra tệp .pdf hoặc .xlsx, không ghi được dạng %q.", format)
	}
	if err != nil {
		return "", fmt.Errorf("counter: register: %w", err)
	}
	if err := d.store.Audit(ctx, "", "register.export", registerSubject(reg), format+", "+strconv.Itoa(len(reg.Lines))+" hồ sơ"); err != nil {
		return "", err
	}
	dir := filepath.Join(d.DataDir, "printouts", d.now().Format("2006-01-02"))
	if err := platform.PrivateDir(filepath.Dir(dir), dir); err != nil {
		return "", fmt.Errorf("counter: keep register: %w", err)
	}
	name := "so-theo-doi-" + strings.ReplaceAll(registerSubject(reg), "..", "-den-") + "." + format
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		return "", fmt.Errorf("counter: keep register: %w", err)
	}
	return path, platform.PrivateFile(path)
}
