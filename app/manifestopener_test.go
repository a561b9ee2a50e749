package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/data"
)

func TestManifestOpenerAsksTheKindAndTheAgency(t *testing.T) {
	h := openDesk(t)
	o := h.u.manifests.opener
	h.press(sectionKey(sectionManifests))
	test.Tap(o.openBtn)
	h.wait()
	if !o.openMsg.Visible() || h.focused() != o.kind || h.u.manifests.m.Number != "" {
		t.Fatalf("opened without a kind: %q", o.openMsg.Text)
	}
	if o.agency.Visible() {
		t.Error("the agency is asked before the kind says so")
	}
	o.kind.SetSelected(kindName(data.ManifestToAgency))
	if !o.agency.Visible() || !o.agencyLabel.Visible() {
		t.Fatal("a manifest to an agency does not ask which")
	}
	test.Tap(o.openBtn)
	h.wait()
	if !strings.Contains(o.openMsg.Text, "cơ quan nhận") {
		t.Errorf("to-agency without agency: %q", o.openMsg.Text)
	}
	o.agency.SetText("Phòng Tư pháp")
	test.Tap(o.openBtn)
	h.wait()
	m := h.u.manifests.m
	if m.Kind != data.ManifestToAgency || m.Agency != "Phòng Tư pháp" || o.openMsg.Visible() || len(o.recent) != 1 {
		t.Fatalf("opened %+v; %d recent", m, len(o.recent))
	}
	if names, _ := h.db.Names(t.Context(), "agency"); len(names) != 1 || names[0] != "Phòng Tư pháp" {
		t.Errorf("the agency is not kept for next time: %v", names)
	}
}
