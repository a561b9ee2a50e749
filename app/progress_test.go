package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestProgressBar(t *testing.T) {
	test.NewTempApp(t)
	if err := useLanguage("vi"); err != nil {
		t.Fatal(err)
	}
	p := newProgressBar(countsText("sync.progress"))
	if p.content.Visible() {
		t.Error("a bar shown before any work")
	}
	tests := []struct {
		name        string
		done, total int
		shown       bool
		text        string
	}{
		{"under way", 45000, 200000, true, "Đang nhận từ tỉnh: 45.000/200.000 thay đổi (22%)"},
		{"done", 200000, 200000, false, ""},
		{"nothing to do", 0, 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p.set(tt.done, tt.total)
			if p.content.Visible() != tt.shown {
				t.Errorf("shown %v, want %v", p.content.Visible(), tt.shown)
			}
			if tt.shown && (p.label.Text != tt.text || p.bar.Value != float64(tt.done) || p.bar.Max != float64(tt.total)) {
				t.Errorf("%q %v/%v, want %q", p.label.Text, p.bar.Value, p.bar.Max, tt.text)
			}
		})
	}
}
