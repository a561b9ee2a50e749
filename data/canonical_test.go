package data

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"
)

// treeCanonicalJSON is CanonicalJSON as defined: v marshalled, decoded
// into the generic tree and encoded again, sorted, without HTML escaping.
func treeCanonicalJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tree); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// TestCanonicalJSONAsTheTree: the one-pass form gives the very bytes of
// the tree's, so that every hash of the chain stays what it was.
func TestCanonicalJSONAsTheTree(t *testing.T) {
	at := time.Date(2027, 6, 1, 10, 0, 0, 0, Zone)
	tests := []struct {
		name string
		v    any
	}{
		{"dossier record", DossierRecord{Code: "000.30.12.H30-270601-1001", ProcedureCode: "1.004837", ProcedureName: "Đăng ký khai sinh",
			Applicant:  ApplicantRecord{Name: "Nguyễn Thị Hồng Nhung", IDNumber: "093190001234", Phone: "0912345678", Address: "Ấp 3 <Vị Thanh> & \"Cần Thơ\""},
			Documents:  []DocumentRecord{{Name: "Tờ khai", Originals: 1}, {Name: "Giấy chứng sinh", Originals: 1, Copies: 1}},
			ReceivedAt: at.Format(time.RFC3339), Status: StatusReceived, Book: 2027, RegisterNo: 12, Workstation: 1}},
		{"status change", StatusChange{Code: "X", From: StatusReceived, To: StatusTransferred, Note: "chuyển\tđi\n", Actor: "Bình"}},
		{"map keys out of order, non-ASCII and escaped", map[string]any{"b": 1, "a": "<x>", "é": true, "e\"q": nil, "\u2028k": "&", "<": []any{}, "": map[string]any{}}},
		{"nested", map[string]any{"z": []any{map[string]any{"y": 1.5, "x": -2e-9}, "s", nil, false}, "a": map[string]int{"k2": 2, "k1": 1}}},
		{"numbers", []any{0, -1, math.MaxInt64, uint64(math.MaxUint64), 3.14159, 1e21, 1e-7, float32(0.1)}},
		{"control characters and separators", "\x00\x01\x1f\b\f\r\\/\u2028\u2029\u007f"},
		{"invalid UTF-8 and the replacement character", "a\xffb\xc3(c\uFFFDd"},
		{"an escape typed as text", `\u003c and \ufffd`},
		{"keys that decode the same", map[string]any{"\xff": 1, "\uFFFD": 2, "a\xffb": 3, "a\uFFFDb": 4}},
		{"bytes", []byte("<html>")},
		{"raw message", json.RawMessage(`{ "b" : [1, 2], "a": "x" }`)},
		{"nil", nil},
		{"empty slice and map", map[string]any{"s": []string{}, "m": map[string]string{}, "n": []string(nil)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := treeCanonicalJSON(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			got, err := CanonicalJSON(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// FuzzCanonicalJSON compares the two on strings and map keys.
func FuzzCanonicalJSON(f *testing.F) {
	for _, s := range []string{"", "<&>", "\xff", "\u2028", "\\u003c", "Nguyễn", "\x00"} {
		f.Add(s, s+"k")
	}
	f.Fuzz(func(t *testing.T, s, k string) {
		v := map[string]any{k: s, s: []any{k, 1}, "x": map[string]string{s: k}}
		want, err := treeCanonicalJSON(v)
		if err != nil {
			t.Skip()
		}
		got, err := CanonicalJSON(v)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("got %s (%v), want %s", got, err, want)
		}
	})
}

func BenchmarkCanonicalJSON(b *testing.B) {
	rec := DossierRecord{Code: "000.30.12.H30-270601-1001", ProcedureCode: "1.004837", ProcedureName: "Đăng ký khai sinh",
		Applicant:  ApplicantRecord{Name: "Nguyễn Thị Hồng Nhung", IDNumber: "093190001234", Phone: "0912345678", Address: "Ấp 3, xã Vị Thanh, TP Cần Thơ"},
		Documents:  []DocumentRecord{{Name: "Tờ khai", Originals: 1}, {Name: "Giấy chứng sinh", Originals: 1, Copies: 1}},
		ReceivedAt: "2027-06-01T09:00:00+07:00", Status: StatusReceived, Book: 2027, RegisterNo: 12, Workstation: 1}
	for _, c := range []struct {
		name string
		f    func(any) ([]byte, error)
	}{{"one-pass", CanonicalJSON}, {"baseline-tree", treeCanonicalJSON}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				c.f(rec)
			}
		})
	}
}
