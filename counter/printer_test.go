package counter_test

import (
	"context"
	"path/filepath"
	"testing"

	"motcua/counter"
	"motcua/data"
	"motcua/data/sqlite"
	"motcua/platform"
)

func TestPrintChoice(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	office := data.Office{AgencyCode: "000.30.12.H30", Name: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH",
		Parent: "ỦY BAN NHÂN DÂN XÃ VỊ THANH", Place: "Vị Thanh", Workstation: 1, PaperSize: "A5"}
	steps := []struct {
		name string
		do   func() error
		want platform.PrintOptions
	}{
		{"before set-up", func() error { return nil }, platform.PrintOptions{Paper: "A4"}},
		{"office on A5", func() error { return store.SaveOffice(ctx, office) }, platform.PrintOptions{Paper: "A5"}},
		{"printer chosen", func() error { return store.SetPrinter(ctx, "Canon LBP 2900") }, platform.PrintOptions{Printer: "Canon LBP 2900", Paper: "A5"}},
		{"default printer again", func() error { return store.SetPrinter(ctx, "") }, platform.PrintOptions{Paper: "A5"}},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got, err := counter.PrintChoice(ctx, store)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got != s.want {
			t.Errorf("%s: PrintChoice = %+v, want %+v", s.name, got, s.want)
		}
	}
}
