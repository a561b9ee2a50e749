package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEntry is one line of the audit trail: every change, and every
// view, print or export of personal data. Entries are chained: each
// holds the hash of the one before, and its own hash covers its fields
// and that link, so an entry edited, deleted or inserted outside the
// application breaks the chain where it was touched.
type AuditEntry struct {
	Seq         int64 // 1, 2, 3 … without gaps
	At          time.Time
	Account     string // the officer's username; "" for entries made before accounts
	Actor       string // the officer's full name
	Workstation int
	Action      string // "dossier.intake", "print.receipt", "account.save" …
	Subject     string // a dossier code, a manifest number, a username …
	Detail      string // a few words for people
	Digest      string // hex SHA-256 of the change's canonical JSON; "" when nothing changed
	PrevHash    string // the previous entry's Hash; "" for the first
	Hash        string // hex SHA-256 of the fields above (ComputeHash)
}

// ComputeHash is the SHA-256, in hex, of the entry's canonical fields
// and PrevHash: what Hash must hold.
func (e AuditEntry) ComputeHash() string {
	fields := struct {
		Seq         int64  `json:"seq"`
		At          string `json:"at"`
		Account     string `json:"account"`
		Actor       string `json:"actor"`
		Workstation int    `json:"workstation"`
		Action      string `json:"action"`
		Subject     string `json:"subject"`
		Detail      string `json:"detail"`
		Digest      string `json:"digest"`
		PrevHash    string `json:"prev_hash"`
	}{e.Seq, e.At.UTC().Format(time.RFC3339Nano), e.Account, e.Actor, e.Workstation, e.Action, e.Subject, e.Detail,
		e.Digest, e.PrevHash}
	b, _ := CanonicalJSON(fields) // plain strings and numbers
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// CanonicalJSON is v as JSON with object keys sorted, no insignificant
// space and no HTML escaping: the same bytes for the same content.
func CanonicalJSON(v any) ([]byte, error) {
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
	if err := enc.Encode(tree); err != nil { // maps encode with sorted keys
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Digest is the hex SHA-256 of a change's canonical JSON, "" for nil.
func Digest(change any) (string, error) {
	if change == nil {
		return "", nil
	}
	b, err := CanonicalJSON(change)
	if err != nil {
		return "", fmt.Errorf("audit digest: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// AuditHead is the newest entry of a chain: its number and hash.
type AuditHead struct {
	Seq  int64  `json:"seq"`
	Hash string `json:"hash"`
}

// Kinds of audit finding.
const (
	FindingEdited    = "edited"    // an entry's content no longer matches its hash
	FindingDeleted   = "deleted"   // entries are missing from the chain
	FindingInserted  = "inserted"  // an entry was put in outside the application
	FindingTruncated = "truncated" // the newest entries a head was given for are gone
	FindingMismatch  = "mismatch"  // the entry a head was given for is not the one there now
)

// AuditFinding is the first place where the chain is not as it was
// written.
type AuditFinding struct {
	Kind string `json:"kind"`
	Seq  int64  `json:"seq"`          // the first entry concerned
	To   int64  `json:"to,omitempty"` // the last, for a run of deleted entries
	// Against names the head that showed it: "" for the chain itself,
	// "province" for the head the province holds, "local" for the last
	// one the province acknowledged, as recorded here.
	Against string `json:"against,omitempty"`
}

// Message says the finding in Vietnamese.
func (f AuditFinding) Message() string {
	run := fmt.Sprintf("mục số %d", f.Seq)
	if f.To > f.Seq {
		run = fmt.Sprintf("các mục từ số %d đến %d", f.Seq, f.To)
	}
	against := ""
	switch f.Against {
	case "province":
		against = " (so với đầu chuỗi tỉnh đang giữ)"
	case "local":
		against = " (so với đầu chuỗi tỉnh đã xác nhận lần đồng bộ trước)"
	}
	switch f.Kind {
	case FindingEdited:
		return fmt.Sprintf("Nhật ký bị sửa: nội dung %s không còn khớp mã băm của nó%s.", run, against)
	case FindingDeleted:
		return fmt.Sprintf("Nhật ký bị xoá: thiếu %s%s.", run, against)
	case FindingInserted:
		return fmt.Sprintf("Nhật ký bị chèn: %s không do phần mềm ghi%s.", run, against)
	case FindingTruncated:
		return fmt.Sprintf("Nhật ký bị xoá: thiếu %s, là những mục mới nhất%s.", run, against)
	case FindingMismatch:
		return fmt.Sprintf("Nhật ký bị sửa: %s khác với mục tỉnh đã nhận%s; nhật ký đã bị viết lại từ đó trở về trước.", run, against)
	}
	return "Nhật ký không còn nguyên vẹn."
}

// ChainCheck verifies a chain fed to it entry by entry in the order of
// their numbers, holding only a few entries at a time. Heads given are
// checked too: the chain must hold each head's entry, unchanged.
type ChainCheck struct {
	heads   []namedHead
	win     []AuditEntry // the entries before the one judged next, and it
	pending *AuditEntry  // the entry waiting for the one after it
	count   int64
	last    AuditHead
	found   *AuditFinding
}

type namedHead struct {
	AuditHead
	name string
}

// NewChainCheck starts a check; heads maps a name ("province", "local")
// to a head that chain must hold.
func NewChainCheck(heads map[string]AuditHead) *ChainCheck {
	c := &ChainCheck{}
	for _, name := range []string{"province", "local"} {
		if h, ok := heads[name]; ok && h.Seq > 0 {
			c.heads = append(c.heads, namedHead{h, name})
		}
	}
	return c
}

// Add feeds the next entry.
func (c *ChainCheck) Add(e AuditEntry) {
	if c.found != nil {
		return
	}
	c.count++
	if c.pending != nil {
		c.judge(*c.pending, &e)
	}
	c.pending = &e
}

// Finish judges the last entry and the heads, and returns the first
// finding, nil when the chain is intact; with the chain's head.
func (c *ChainCheck) Finish() (*AuditFinding, AuditHead) {
	if c.found == nil && c.pending != nil {
		c.judge(*c.pending, nil)
	}
	if c.found == nil {
		for _, h := range c.heads {
			if c.last.Seq < h.Seq {
				c.found = &AuditFinding{Kind: FindingTruncated, Seq: c.last.Seq + 1, To: h.Seq, Against: h.name}
				break
			}
		}
	}
	return c.found, c.last
}

// Entries is how many entries were fed.
func (c *ChainCheck) Entries() int64 { return c.count }

// judge looks at e, knowing the entries before it (c.win) and the one
// after it (next, nil for the last).
func (c *ChainCheck) judge(e AuditEntry, next *AuditEntry) {
	prev := AuditEntry{} // before the first entry: seq 0, hash ""
	if n := len(c.win); n > 0 {
		prev = c.win[n-1]
	}
	intact := e.ComputeHash() == e.Hash
	linked := e.PrevHash == prev.Hash
	switch {
	case e.Seq > prev.Seq+1:
		c.found = &AuditFinding{Kind: FindingDeleted, Seq: prev.Seq + 1, To: e.Seq - 1}
	case e.Seq <= prev.Seq:
		c.found = &AuditFinding{Kind: FindingInserted, Seq: e.Seq}
	case intact && linked:
	case next != nil && next.PrevHash == prev.Hash:
		// the next one links over it: it was put in between
		c.found = &AuditFinding{Kind: FindingInserted, Seq: e.Seq}
	case linked: // its content changed after it was written
		c.found = &AuditFinding{Kind: FindingEdited, Seq: e.Seq}
	case len(c.win) > 1 && e.PrevHash == c.win[len(c.win)-2].Hash:
		// it links over prev: prev was put in between
		c.found = &AuditFinding{Kind: FindingInserted, Seq: prev.Seq}
	case intact && e.PrevHash != "" && next != nil && next.PrevHash == e.Hash:
		// a whole entry consistent with its followers whose link does not
		// match prev: prev was rewritten with a new hash
		c.found = &AuditFinding{Kind: FindingEdited, Seq: prev.Seq}
	case !intact:
		c.found = &AuditFinding{Kind: FindingInserted, Seq: e.Seq}
	default:
		c.found = &AuditFinding{Kind: FindingEdited, Seq: prev.Seq}
	}
	if c.found != nil {
		return
	}
	for _, h := range c.heads {
		if e.Seq == h.Seq && e.Hash != h.Hash {
			c.found = &AuditFinding{Kind: FindingMismatch, Seq: e.Seq, Against: h.name}
			return
		}
	}
	c.last = AuditHead{Seq: e.Seq, Hash: e.Hash}
	c.win = append(c.win, e)
	if len(c.win) > 2 {
		c.win = c.win[1:]
	}
}

// AuditFilter selects audit entries; empty fields select all.
type AuditFilter struct {
	Dossier string // the subject
	Account string
	From    time.Time // first day, in Zone
	To      time.Time // last day, in Zone (inclusive)
}

// AuditReport is what verifying the audit trail found.
type AuditReport struct {
	Entries int64
	Head    AuditHead
	// Finding is the first place the chain is not as written; nil when
	// it is intact.
	Finding *AuditFinding
	// Province is the head the province holds, when it could be asked.
	Province *AuditHead
	// Acknowledged is the last head the province acknowledged, as this
	// workstation recorded it.
	Acknowledged *AuditHead
}

// AuditService keeps the audit trail.
type AuditService interface {
	// AuditEntries lists the entries a filter selects, oldest first.
	AuditEntries(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
	// VerifyAudit checks the whole chain, and that it holds the heads
	// given (by name: "province", "local").
	VerifyAudit(ctx context.Context, heads map[string]AuditHead) (AuditReport, error)
	// AcknowledgedHead is the last head the province acknowledged; the
	// zero head before the first.
	AcknowledgedHead(ctx context.Context) (AuditHead, error)
}
