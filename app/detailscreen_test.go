package app

import (
	"testing"

	"motcua/data"
)

// TestLanguageSwitchReopensManifestAndDossier: a window built again in
// another language opens again the manifest and the dossier on show,
// and keeps each screen's printer.
func TestLanguageSwitchReopensManifestAndDossier(t *testing.T) {
	backToVietnamese(t)
	h := openDesk(t)
	d := h.takeDossier("RR123456785VN")
	var manifestPrinter, returnsPrinter fakePrinter
	h.u.manifests.print, h.u.returns.print = manifestPrinter.send, returnsPrinter.send
	number := h.openManifest(data.ManifestFromPost, "Bưu điện Vị Thanh").m.Number
	h.openDossier(d.Code)
	oldManifests, oldReturns := h.u.manifests, h.u.returns

	h.u.onLanguage(English)
	h.wait()
	if h.u.manifests == oldManifests || h.u.returns == oldReturns {
		t.Fatal("switching language did not build the screens again")
	}

	screens := []struct {
		name    string
		shown   string
		want    string
		s       *detailScreen
		printer *fakePrinter
	}{
		{"manifests", h.u.manifests.m.Number, number, &h.u.manifests.detailScreen, &manifestPrinter},
		{"return desk", h.u.returns.v.Dossier.Code, d.Code, &h.u.returns.detailScreen, &returnsPrinter},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			if sc.shown != sc.want {
				t.Errorf("shows %q after switching, want %q", sc.shown, sc.want)
			}
			if !sc.s.detail.Visible() || sc.s.placeholder.Visible() {
				t.Errorf("detail shown %v, placeholder shown %v after switching", sc.s.detail.Visible(), sc.s.placeholder.Visible())
			}
			if err := sc.s.print("test.pdf"); err != nil || len(sc.printer.paths) != 1 {
				t.Errorf("printing after switching reached the test's printer %d times (%v)", len(sc.printer.paths), err)
			}
		})
	}
}
