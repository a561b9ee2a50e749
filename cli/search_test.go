package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"motcua/data/sqlite/seedstore"
)

func TestSearchCommand(t *testing.T) {
	h := counterHarness(t)
	code := h.intake(intakeDoc)
	tests := []struct {
		name, text string
		match      string
	}{
		{"name without diacritics", "nguyen thi hong nhung", "name"},
		{"ID number", "093190001234", "id"},
		{"dossier code", code, "code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits []map[string]any
			if err := json.Unmarshal([]byte(h.ok("search", tt.text, "--json")), &hits); err != nil {
				t.Fatal(err)
			}
			if len(hits) != 1 || hits[0]["code"] != code || hits[0]["match"] != tt.match || hits[0]["id_number"] != "********1234" {
				t.Errorf("search %q: %v", tt.text, hits)
			}
		})
	}
	if out := h.ok("search", "Lý Thái Tổ"); !strings.Contains(out, "Không tìm thấy") {
		t.Errorf("nothing found: %q", out)
	}
	if code, _, _ := h.run("search"); code != 2 {
		t.Errorf("search without text: exit %d, want 2", code)
	}
}

func TestDevSeed(t *testing.T) {
	h := newHarness(t)
	h.env.Seeder = seedstore.Tool{DB: h.store}
	out := h.ok("dev", "seed", "--dossiers", "300", "--days", "10")
	if !strings.Contains(out, "300") {
		t.Errorf("output %q", out)
	}
	// The seeded office has no account yet: init makes the first
	// administrator, as the set-up screen would.
	h.ok("init", "--admin", adminUser, "--admin-name", adminName)
	var lists map[string][]string
	json.Unmarshal([]byte(h.ok("lists", "--json")), &lists)
	if len(lists["waiting"])+len(lists["due_soon"])+len(lists["overdue"]) == 0 {
		t.Errorf("no dossier in the lists of a seeded store: %v", lists)
	}
	if _, health, _ := h.run("check", "--json"); !strings.Contains(health, `"journal_ok": true`) || !strings.Contains(health, `"integrity": "ok"`) {
		t.Errorf("check after seeding: %s", health)
	}
	// Intake goes on above the seeded numbers; a second seed is refused.
	h.intake(intakeDoc)
	if code, _, errOut := h.run("dev", "seed", "--dossiers", "10"); code != 1 || !strings.Contains(errOut, "đã có hồ sơ") {
		t.Errorf("second seed: exit %d, %q", code, errOut)
	}
}

func TestProgressText(t *testing.T) {
	tests := []struct {
		done, total int
		want        string
	}{
		{45000, 200000, "Đang nhận từ tỉnh: 45.000/200.000 thay đổi (22%)"},
		{7, 0, "Đang nhận từ tỉnh: 7 thay đổi"},
		{1234567, 1234567, "Đang nhận từ tỉnh: 1.234.567/1.234.567 thay đổi (100%)"},
	}
	for _, tt := range tests {
		if got := progressText("Đang nhận từ tỉnh", "thay đổi", tt.done, tt.total); got != tt.want {
			t.Errorf("%d/%d: %q, want %q", tt.done, tt.total, got, tt.want)
		}
	}
	var b strings.Builder
	p := newProgress(&b, "x", "y")
	p.report()(1, 2)
	p.done()
	if b.Len() != 0 {
		t.Errorf("a progress line written to a non-terminal: %q", b.String())
	}
}
