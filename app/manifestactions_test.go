package app

import (
	"testing"

	"motcua/data"
)

func TestManifestActionsFollowTheKind(t *testing.T) {
	h := openDesk(t)
	a := h.u.manifests.actions
	item := &data.ManifestItem{DossierCode: "A"}
	cases := []struct {
		kind                         data.ManifestKind
		delivery, resultsBack, recon bool
	}{
		{data.ManifestToCitizen, true, false, false},
		{data.ManifestToAgency, false, true, false},
		{data.ManifestFromPost, false, false, true},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			m := data.Manifest{Kind: c.kind, Status: data.ManifestClosed}
			if c.recon {
				m.Reconciled = &data.Reconciliation{Scanned: []string{"A"}}
			}
			a.showButtons(m, item)
			if a.delivered.Visible() != c.delivery || a.failed.Visible() != c.delivery || a.resultsBack.Visible() != c.resultsBack {
				t.Errorf("delivery shown %v, results back shown %v", a.delivered.Visible(), a.resultsBack.Visible())
			}
			if a.printRecon.Disabled() == c.recon || !a.reconcile.Disabled() {
				t.Errorf("print reconciliation enabled %v; reconcile enabled with no scans %v", !a.printRecon.Disabled(), !a.reconcile.Disabled())
			}
			a.show(m)
			if a.reconResult.Visible() != c.recon {
				t.Errorf("reconciliation shown %v", a.reconResult.Visible())
			}
		})
	}
}
