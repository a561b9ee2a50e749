package app

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// fakePrinter stands for the office printer.
type fakePrinter struct{ paths []string }

func (p *fakePrinter) send(path string) error {
	p.paths = append(p.paths, path)
	return nil
}

// openManifest opens a manifest of a kind through the screen's form.
func (h *harness) openManifest(kind data.ManifestKind, carrier string) *manifestsScreen {
	h.t.Helper()
	h.press(sectionKey(sectionManifests))
	s := h.u.manifests
	if h.focused() != s.kind {
		h.t.Fatalf("Ctrl+5 put the cursor in %T", h.focused())
	}
	s.kind.SetSelected(kindName(kind))
	s.carrier.SetText(carrier)
	test.Tap(s.openBtn)
	h.wait()
	if s.m.Number == "" || s.m.Kind != kind {
		h.t.Fatalf("no manifest opened (%q)", s.openMsg.Text)
	}
	if h.focused() != s.scan {
		h.t.Fatalf("the cursor is not in the manifest's scan field")
	}
	return s
}

func TestManifestScannedClosedAndPrinted(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	a := h.takeDossier("RR123456785VN")
	b := h.takeDossier("EE000000014VN")
	atCounter := h.takeDossier("")
	var p fakePrinter
	h.u.manifests.print = p.send

	s := h.openManifest(data.ManifestFromPost, "Bưu điện Vị Thanh")
	if s.m.Number != "270203-101" || s.title.Text != data.ManifestFromPost.Title() {
		t.Errorf("opened %q %q", s.m.Number, s.title.Text)
	}
	s.fee.SetText("25.000")
	h.scanInto(s.scan, "https://trá-cứu.vn/"+h.receiptQR(a.Code))
	h.scanInto(s.scan, "EE000000014VN")
	if len(s.m.Items) != 2 || s.items.Length() != 2 {
		t.Fatalf("%d items after two scans (%q)", len(s.m.Items), s.feedback.last())
	}
	if !strings.Contains(s.feedback.last(), b.Code) || s.feedback.lines[0].Importance != widget.SuccessImportance {
		t.Errorf("feedback %q", s.feedback.last())
	}

	// Each refusal is said next to the field, in red, and the next scan
	// goes on.
	refusals := []struct{ scan, want string }{
		{forgeSignature(h.receiptQR(a.Code)), "không hợp lệ"},
		{"RR123456784VN", "số kiểm tra"},
		{atCounter.Code, "không nộp qua bưu chính"},
		{"000.30.12.H30-270203-1999", "Không tìm thấy"},
		{b.Code, "đã có trong biên bản này"},
		{"ăâđ", "tắt bộ gõ tiếng Việt"},
	}
	for _, r := range refusals {
		h.scanInto(s.scan, r.scan)
		if msg := s.feedback.last(); !strings.Contains(msg, r.want) || s.feedback.lines[0].Importance != widget.DangerImportance {
			t.Errorf("%.20q: feedback %q, want %q in red", r.scan, msg, r.want)
		}
		if h.focused() != s.scan {
			t.Errorf("%.20q: the cursor left the scan field", r.scan)
		}
	}
	if len(s.m.Items) != 2 {
		t.Fatalf("refused scans changed the items: %d", len(s.m.Items))
	}
	if got := s.totals.Text; !strings.Contains(got, "2 hồ sơ · 4 giấy tờ (2 bản chính, 2 bản sao) · cước 50.000 đ") {
		t.Errorf("totals %q", got)
	}
	var row strings.Builder
	collectText(test.WidgetRenderer(s.items).Objects()[0], &row)
	for _, want := range []string{a.Code, deskApplicant.Name, "Thủ tục đăng ký giám hộ", "2 (1 chính, 1 sao)", "RR123456785VN", "25.000 đ"} {
		if !strings.Contains(row.String(), want) {
			t.Errorf("item row lacks %q:\n%s", want, row.String())
		}
	}

	// A wrong one is taken off again.
	s.items.Select(1)
	test.Tap(s.remove)
	h.wait()
	if len(s.m.Items) != 1 || s.m.Items[0].DossierCode != a.Code || h.focused() != s.scan {
		t.Fatalf("after removing: %v", s.m.Items)
	}
	h.scanInto(s.scan, b.Code)

	// Signing needs both names.
	s.officer.SetText("Trần Văn Bình")
	test.Tap(s.closeBtn)
	h.wait()
	if !s.postalErr.Visible() || !strings.Contains(s.postalErr.Text, "nhân viên bưu điện") || h.focused() != s.postal {
		t.Errorf("closing without the postal staff: %q", s.postalErr.Text)
	}
	test.Type(s.postal, "Lê Thị Hoa")
	s.postal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()

	m, err := h.db.Manifest(ctx, s.m.Number)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != data.ManifestClosed || m.Officer != "Trần Văn Bình" || m.PostalStaff != "Lê Thị Hoa" || !m.ClosedAt.Equal(deskNow) || len(m.Items) != 2 {
		t.Fatalf("stored %+v", m)
	}
	if m.Items[0].Fee != 25000 || m.Items[1].Fee != 25000 {
		t.Errorf("fees %d, %d", m.Items[0].Fee, m.Items[1].Fee)
	}
	if len(p.paths) != 1 {
		t.Fatalf("printed %v (%q)", p.paths, s.actionMsg.message())
	}
	if pdf, err := os.ReadFile(p.paths[0]); err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Errorf("printout: %v", err)
	}
	if !strings.Contains(s.actionMsg.message(), "Đã ký biên bản 270203-101 lúc 10:00 03/02/2027") || s.openBar.Visible() || !s.closedBar.Visible() {
		t.Errorf("after signing: %q", s.actionMsg.message())
	}
	if !strings.Contains(s.meta.Text, "cán bộ Trần Văn Bình, bưu điện Lê Thị Hoa") {
		t.Errorf("meta %q", s.meta.Text)
	}
	if names, _ := h.db.Names(ctx, "postal"); len(names) != 1 || s.postal.Text != "Lê Thị Hoa" {
		t.Errorf("postal names %v", names)
	}

	// Signed, it takes no more dossiers: scans go to the reconciliation.
	h.scanInto(s.scan, atCounter.Code)
	if m, _ := h.db.Manifest(ctx, s.m.Number); len(m.Items) != 2 || len(s.scans) != 1 {
		t.Errorf("a signed manifest changed: %d items, %d scans", len(m.Items), len(s.scans))
	}

	test.Tap(s.reprint)
	h.wait()
	if len(p.paths) != 2 || !strings.Contains(p.paths[1], "in-lai") {
		t.Errorf("reprint %v", p.paths)
	}

	// The list on the left knows it is signed.
	var left strings.Builder
	collectText(test.WidgetRenderer(s.list).Objects()[0], &left)
	if !strings.Contains(left.String(), "Đã ký 10:00 03/02 · 2 hồ sơ") {
		t.Errorf("manifest row:\n%s", left.String())
	}
}

func TestManifestReconciliation(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	a, b := h.takeDossier("RR123456785VN"), h.takeDossier("EE000000014VN")
	other := h.takeDossier("")
	m, err := h.db.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Thử nghiệm")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{a.Code, b.Code} {
		if _, err := h.db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: code}, "Thử nghiệm"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.db.CloseManifest(ctx, m.Number, "Bình", "Hoa"); err != nil {
		t.Fatal(err)
	}
	var p fakePrinter
	s := h.u.manifests
	s.print = p.send
	h.scanInto(h.u.scan.entry, h.manifestQR(m.Number))
	if s.m.Number != m.Number || !s.reconcile.Disabled() || !s.printRecon.Disabled() {
		t.Fatalf("manifest %q on show", s.m.Number)
	}

	for _, text := range []string{h.receiptQR(a.Code), other.Code, "rác"} {
		h.scanInto(s.scan, text)
	}
	if s.reconcile.Disabled() || !strings.Contains(s.reconcile.Text, "3") {
		t.Fatalf("reconcile button %q", s.reconcile.Text)
	}
	test.Tap(s.reconcile)
	h.wait()

	stored, _ := h.db.Manifest(ctx, m.Number)
	r := stored.Reconciled
	if r == nil || len(r.Missing) != 1 || r.Missing[0] != b.Code || len(r.Unexpected) != 2 {
		t.Fatalf("stored reconciliation %+v", r)
	}
	text := s.reconResult.Text
	for _, want := range []string{"LỆCH", "thiếu 1, thừa 2", b.Code, other.Code, "rác"} {
		if !strings.Contains(text, want) {
			t.Errorf("reconciliation lacks %q:\n%s", want, text)
		}
	}
	if s.reconResult.Importance != widget.DangerImportance || len(s.scans) != 0 {
		t.Errorf("importance %v, scans left %d", s.reconResult.Importance, len(s.scans))
	}
	if state, _ := s.itemState(s.m.Items[1]); state != "Thiếu" {
		t.Errorf("missing item marked %q", state)
	}

	test.Tap(s.printRecon)
	h.wait()
	if len(p.paths) != 1 || !strings.Contains(p.paths[0], "reconciliation") {
		t.Errorf("printed %v (%q)", p.paths, s.actionMsg.message())
	}
}

func TestManifestDeliveryToCitizens(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	a, b := h.takeDossier("RR123456785VN"), h.takeDossier("EE000000014VN")
	h.setStatus(a.Code, data.StatusResultReady)
	h.setStatus(b.Code, data.StatusResultReady)
	var p fakePrinter
	h.u.manifests.print = p.send

	s := h.openManifest(data.ManifestToCitizen, "Bưu điện Vị Thanh")
	h.scanInto(s.scan, a.Code)
	h.scanInto(s.scan, b.Code)
	if !s.delivered.Visible() || !s.delivered.Disabled() {
		t.Error("delivery buttons offered before signing")
	}
	s.officer.SetText("Trần Văn Bình")
	s.postal.SetText("Lê Thị Hoa")
	test.Tap(s.closeBtn)
	h.wait()
	if s.m.Status != data.ManifestClosed {
		t.Fatalf("not signed: %q", s.actionMsg.message())
	}

	s.items.Select(0)
	test.Tap(s.delivered)
	h.wait()
	if got, _ := h.db.Dossier(ctx, a.Code); got.Status != data.StatusReturned {
		t.Errorf("delivered result: %s", got.Status)
	}
	s.items.Select(1)
	test.Tap(s.failed)
	h.wait()
	if state, _ := s.itemState(s.m.Items[1]); state != "Phát lỗi lần 1" || s.failed.Disabled() {
		t.Errorf("one failure: %q", state)
	}
	test.Tap(s.failed)
	h.wait()
	if state, _ := s.itemState(s.m.Items[1]); state != "Chuyển về quầy" || !s.failed.Disabled() {
		t.Errorf("two failures: %q", state)
	}
	// Back at the counter, the result waits there.
	w := h.u.returns.lists.Waiting
	if len(w) != 1 || w[0].Dossier.Code != b.Code || w[0].Dossier.ReturnMethod != data.ReturnCounter {
		t.Errorf("waiting %v", w)
	}
}

func TestManifestKindsAreNamed(t *testing.T) {
	for _, code := range []string{Vietnamese, English} {
		tr := readTranslations(t, code)
		for _, k := range manifestKinds {
			if tr["manifest.kind."+string(k)] == nil {
				t.Errorf("%s.json lacks manifest.kind.%s", code, k)
			}
		}
	}
}
