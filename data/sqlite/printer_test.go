package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"motcua/data"
)

func TestPrinter(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "motcua.db")
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if name, err := db.Printer(ctx); err != nil || name != "" {
		t.Fatalf("fresh store: Printer = %q, %v; want the default printer", name, err)
	}
	steps := []struct {
		name     string
		set      string
		want     string
		wantCode string
	}{
		{"network printer", ` \\may-chu\Canon  LBP 2900 `, `\\may-chu\Canon LBP 2900`, ""},
		{"Vietnamese name", "Máy in tầng 1", "Máy in tầng 1", ""},
		{"comma refused", "HP,LaserJet", "Máy in tầng 1", data.EInvalid},
		{"control character refused", "HP\x1bLaserJet", "Máy in tầng 1", data.EInvalid},
		{"back to the default", "", "", ""},
	}
	for _, s := range steps {
		err := db.SetPrinter(ctx, s.set)
		if data.ErrorCode(err) != s.wantCode {
			t.Fatalf("%s: SetPrinter(%q) = %v, want code %q", s.name, s.set, err, s.wantCode)
		}
		if got, _ := db.Printer(ctx); got != s.want {
			t.Errorf("%s: Printer = %q, want %q", s.name, got, s.want)
		}
	}
	if err := db.SetPrinter(ctx, "Canon"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, _ := db.Printer(ctx); got != "Canon" {
		t.Errorf("after reopening Printer = %q, want Canon", got)
	}
}
