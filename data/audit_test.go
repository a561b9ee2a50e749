package data

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// chain is n entries as the store writes them.
func chain(n int) []AuditEntry {
	var es []AuditEntry
	prev := ""
	for i := 1; i <= n; i++ {
		e := AuditEntry{Seq: int64(i), At: time.Date(2027, 2, 3, 9, i, 0, 0, Zone), Account: "binh", Actor: "Trần Văn Bình",
			Workstation: 1, Action: "dossier.view", Subject: fmt.Sprintf("000.30.12.H30-270203-%04d", 1000+i), PrevHash: prev}
		e.Hash = e.ComputeHash()
		prev = e.Hash
		es = append(es, e)
	}
	return es
}

// rehash recomputes the hashes from entry i on, as someone who knows the
// scheme would after a change.
func rehash(es []AuditEntry, i int) []AuditEntry {
	for ; i < len(es); i++ {
		if i > 0 {
			es[i].PrevHash = es[i-1].Hash
		}
		es[i].Hash = es[i].ComputeHash()
	}
	return es
}

func check(es []AuditEntry, heads map[string]AuditHead) *AuditFinding {
	c := NewChainCheck(heads)
	for _, e := range es {
		c.Add(e)
	}
	f, _ := c.Finish()
	return f
}

func TestChainCheck(t *testing.T) {
	head := func(es []AuditEntry, seq int64) AuditHead { return AuditHead{Seq: seq, Hash: es[seq-1].Hash} }
	tests := []struct {
		name   string
		change func([]AuditEntry) ([]AuditEntry, map[string]AuditHead)
		want   *AuditFinding
	}{
		{"intact", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			return es, map[string]AuditHead{"province": head(es, 10)}
		}, nil},
		{"an entry edited", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			es[3].Subject = "000.30.12.H30-270203-9999"
			return es, nil
		}, &AuditFinding{Kind: FindingEdited, Seq: 4}},
		{"the first entry edited", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			es[0].Account = "hoa"
			return es, nil
		}, &AuditFinding{Kind: FindingEdited, Seq: 1}},
		{"the newest entry edited", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			es[9].Detail = "không có gì"
			return es, nil
		}, &AuditFinding{Kind: FindingEdited, Seq: 10}},
		{"an entry edited and its hash recomputed", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			es[4].Actor = "Người khác"
			es[4].Hash = es[4].ComputeHash()
			return es, nil
		}, &AuditFinding{Kind: FindingEdited, Seq: 5}},
		{"an entry deleted", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			return slices.Delete(es, 5, 6), nil
		}, &AuditFinding{Kind: FindingDeleted, Seq: 6, To: 6}},
		{"the first entries deleted", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			return es[2:], nil
		}, &AuditFinding{Kind: FindingDeleted, Seq: 1, To: 2}},
		{"a run deleted", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			return slices.Delete(es, 2, 5), nil
		}, &AuditFinding{Kind: FindingDeleted, Seq: 3, To: 5}},
		{"an entry inserted at the end", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			return append(es, AuditEntry{Seq: 11, At: time.Now(), Action: "dossier.view", Subject: "x"}), nil
		}, &AuditFinding{Kind: FindingInserted, Seq: 11}},
		{"an entry inserted between, the rest renumbered", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			in := AuditEntry{Seq: 4, At: es[3].At, Action: "dossier.view", Subject: "x", PrevHash: es[2].Hash}
			es = slices.Insert(es, 3, in)
			for i := 4; i < len(es); i++ {
				es[i].Seq++
			}
			return es, nil
		}, &AuditFinding{Kind: FindingInserted, Seq: 4}},
		{"an entry inserted between with its hash computed", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			in := AuditEntry{Seq: 4, At: es[3].At, Action: "dossier.view", Subject: "x", PrevHash: es[2].Hash}
			in.Hash = in.ComputeHash()
			es = slices.Insert(es, 3, in)
			for i := 4; i < len(es); i++ {
				es[i].Seq++
			}
			return es, nil
		}, &AuditFinding{Kind: FindingInserted, Seq: 4}},
		{"the newest entries deleted after the province had them", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			return es[:7], map[string]AuditHead{"province": head(es, 10)}
		}, &AuditFinding{Kind: FindingTruncated, Seq: 8, To: 10, Against: "province"}},
		{"the newest entries deleted, offline", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			return es[:7], map[string]AuditHead{"local": head(es, 9)}
		}, &AuditFinding{Kind: FindingTruncated, Seq: 8, To: 9, Against: "local"}},
		{"the chain rewritten from an entry the province had", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			h := head(es, 8)
			es[2].Subject = "000.30.12.H30-270203-9999"
			return rehash(es, 2), map[string]AuditHead{"province": h}
		}, &AuditFinding{Kind: FindingMismatch, Seq: 8, Against: "province"}},
		{"entries deleted and new ones written in their place", func(es []AuditEntry) ([]AuditEntry, map[string]AuditHead) {
			h := head(es, 10)
			es[8].Subject, es[9].Subject = "a", "b"
			return rehash(es, 8), map[string]AuditHead{"province": h}
		}, &AuditFinding{Kind: FindingMismatch, Seq: 10, Against: "province"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, heads := tt.change(chain(10))
			got := check(es, heads)
			if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Errorf("finding %+v, want %+v", got, tt.want)
			}
			if got != nil && got.Message() == "" {
				t.Error("no message")
			}
		})
	}
}

func TestCanonicalJSON(t *testing.T) {
	a, _ := CanonicalJSON(map[string]any{"b": 1, "a": "<x>"})
	b, _ := CanonicalJSON(struct {
		B int    `json:"b"`
		A string `json:"a"`
	}{1, "<x>"})
	if string(a) != `{"a":"<x>","b":1}` || string(a) != string(b) {
		t.Errorf("%s and %s", a, b)
	}
	if d, _ := Digest(nil); d != "" {
		t.Errorf("digest of nothing %q", d)
	}
}
