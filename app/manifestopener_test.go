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
	if o.form.message(data.FieldManifestKind) == "" || h.focused() != o.kind || h.u.manifests.m.Number != "" {
		t.Fatalf("opened without a kind: %q", o.form.message(data.FieldManifestKind))
	}
	if o.agencyBox.Visible() {
		t.Error("the agency is asked before the kind says so")
	}
	o.kind.SetSelected(kindName(data.ManifestToAgency))
	if o.form.message(data.FieldManifestKind) != "" {
		t.Error("choosing a kind left its message")
	}
	if !o.agencyBox.Visible() || !o.agencyLabel.Visible() {
		t.Fatal("a manifest to an agency does not ask which")
	}
	test.Tap(o.openBtn)
	h.wait()
	if !strings.Contains(o.form.message(data.FieldAgency), "cơ quan nhận") || h.focused() != o.agency {
		t.Errorf("to-agency without agency: %q", o.form.message(data.FieldAgency))
	}
	o.agency.SetText("Phòng Tư pháp")
	test.Tap(o.openBtn)
	h.wait()
	m := h.u.manifests.m
	if m.Kind != data.ManifestToAgency || m.Agency != "Phòng Tư pháp" || o.form.hasErrors() || len(o.recent) != 1 {
		t.Fatalf("opened %+v; %d recent", m, len(o.recent))
	}
	if names, _ := h.db.Names(t.Context(), "agency"); len(names) != 1 || names[0] != "Phòng Tư pháp" {
		t.Errorf("the agency is not kept for next time: %v", names)
	}
}
