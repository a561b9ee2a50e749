package counter

import (
	"context"
	"fmt"
	"strings"

	"motcua/data"
)

// Search finds dossiers for an officer whose citizen has lost the
// receipt: by name (with or without diacritics), ID number, phone
// number, dossier code or postal item number. The list shows applicants'
// names and masked ID numbers: it is recorded in the audit log, as any
// view of personal data, with the dossiers it listed.
func (d *Desk) Search(ctx context.Context, text string) ([]data.SearchHit, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return nil, err
	}
	hits, err := d.store.Search(ctx, text, data.SearchLimit)
	if err != nil || len(hits) == 0 {
		return hits, err
	}
	codes := make([]string, len(hits))
	for i, h := range hits {
		codes[i] = h.Code
	}
	detail := fmt.Sprintf("tìm %q: %d hồ sơ: %s", data.Clean(text), len(hits), strings.Join(codes, ", "))
	if err := d.store.Audit(ctx, "", "dossier.search", hits[0].Code, detail); err != nil {
		return nil, err
	}
	return hits, nil
}
