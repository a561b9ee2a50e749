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
	if h.focused() != s.opener.kind {
		h.t.Fatalf("Ctrl+5 put the cursor in %T", h.focused())
	}
	s.opener.kind.SetSelected(kindName(kind))
	s.opener.carrier.SetText(carrier)
	test.Tap(s.opener.openBtn)
	h.wait()
	if s.m.Number == "" || s.m.Kind != kind {
		h.t.Fatalf("no manifest opened (%q)", s.opener.openMsg.Text)
	}
	if h.focused() != s.items.scan {
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
	if s.m.Number != "270203-101" || s.items.title.Text != data.ManifestFromPost.Title() {
		t.Errorf("opened %q %q", s.m.Number, s.items.title.Text)
	}
	s.items.fee.SetText("le-phi:25.000") // 1.004837 charges nothing by the catalogue: the kind is named
	h.scanInto(s.items.scan, "https://trá-cứu.vn/"+h.receiptQR(a.Code))
	h.scanInto(s.items.scan, "EE000000014VN")
	if len(s.m.Items) != 2 || s.items.list.Length() != 2 {
		t.Fatalf("%d items after two scans (%q)", len(s.m.Items), s.items.feedback.last())
	}
	if !strings.Contains(s.items.feedback.last(), b.Code) || s.items.feedback.lines[0].Importance != widget.SuccessImportance {
		t.Errorf("feedback %q", s.items.feedback.last())
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
		h.scanInto(s.items.scan, r.scan)
		if msg := s.items.feedback.last(); !strings.Contains(msg, r.want) || s.items.feedback.lines[0].Importance != widget.DangerImportance {
			t.Errorf("%.20q: feedback %q, want %q in red", r.scan, msg, r.want)
		}
		if h.focused() != s.items.scan {
			t.Errorf("%.20q: the cursor left the scan field", r.scan)
		}
	}
	if len(s.m.Items) != 2 {
		t.Fatalf("refused scans changed the items: %d", len(s.m.Items))
	}
	if got := s.items.totals.Text; !strings.Contains(got, "2 hồ sơ · 4 giấy tờ (2 bản chính, 2 bản sao) · phí, lệ phí bưu điện thu 50.000 đ") {
		t.Errorf("totals %q", got)
	}
	var row strings.Builder
	collectText(test.WidgetRenderer(s.items.list).Objects()[0], &row)
	for _, want := range []string{a.Code, deskApplicant.Name, "Thủ tục đăng ký giám hộ", "2 (1 chính, 1 sao)", "RR123456785VN", "25.000 đ"} {
		if !strings.Contains(row.String(), want) {
			t.Errorf("item row lacks %q:\n%s", want, row.String())
		}
	}

	// A wrong one is taken off again.
	s.items.list.Select(1)
	test.Tap(s.items.remove)
	h.wait()
	if len(s.m.Items) != 1 || s.m.Items[0].DossierCode != a.Code || h.focused() != s.items.scan {
		t.Fatalf("after removing: %v", s.m.Items)
	}
	h.scanInto(s.items.scan, b.Code)

	// Signing needs both names.
	s.sign.officer.SetText("Trần Văn Bình")
	test.Tap(s.sign.closeBtn)
	h.wait()
	if !strings.Contains(s.sign.form.message(data.FieldPostalStaff), "nhân viên bưu điện") || h.focused() != s.sign.postal {
		t.Errorf("closing without the postal staff: %q", s.sign.form.message(data.FieldPostalStaff))
	}
	test.Type(s.sign.postal, "Lê Thị Hoa")
	s.sign.postal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
	h.confirm()

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
	if !strings.Contains(s.actionMsg.message(), "Đã ký biên bản 270203-101 lúc 10:00 03/02/2027") || s.sign.content.Visible() || !s.actions.content.Visible() {
		t.Errorf("after signing: %q", s.actionMsg.message())
	}
	if !strings.Contains(s.items.meta.Text, "cán bộ Trần Văn Bình, bưu điện Lê Thị Hoa") {
		t.Errorf("meta %q", s.items.meta.Text)
	}
	if names, _ := h.db.Names(ctx, "postal"); len(names) != 1 || s.sign.postal.Text != "Lê Thị Hoa" {
		t.Errorf("postal names %v", names)
	}

	// Signed, it takes no more dossiers: scans go to the reconciliation.
	h.scanInto(s.items.scan, atCounter.Code)
	if m, _ := h.db.Manifest(ctx, s.m.Number); len(m.Items) != 2 || len(s.items.scans) != 1 {
		t.Errorf("a signed manifest changed: %d items, %d scans", len(m.Items), len(s.items.scans))
	}

	test.Tap(s.actions.reprint)
	h.wait()
	if len(p.paths) != 2 || !strings.Contains(p.paths[1], "in-lai") {
		t.Errorf("reprint %v", p.paths)
	}

	// The list on the left knows it is signed.
	var left strings.Builder
	collectText(test.WidgetRenderer(s.opener.list).Objects()[0], &left)
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
	if s.m.Number != m.Number || !s.actions.reconcile.Disabled() || !s.actions.printRecon.Disabled() {
		t.Fatalf("manifest %q on show", s.m.Number)
	}

	for _, text := range []string{h.receiptQR(a.Code), other.Code, "rác"} {
		h.scanInto(s.items.scan, text)
	}
	if s.actions.reconcile.Disabled() || !strings.Contains(s.actions.reconcile.Text, "3") {
		t.Fatalf("reconcile button %q", s.actions.reconcile.Text)
	}
	test.Tap(s.actions.reconcile)
	h.wait()

	stored, _ := h.db.Manifest(ctx, m.Number)
	r := stored.Reconciled
	if r == nil || len(r.Missing) != 1 || r.Missing[0] != b.Code || len(r.Unexpected) != 2 {
		t.Fatalf("stored reconciliation %+v", r)
	}
	text := s.actions.reconResult.Text
	for _, want := range []string{"LỆCH", "thiếu 1, thừa 2", b.Code, other.Code, "rác"} {
		if !strings.Contains(text, want) {
			t.Errorf("reconciliation lacks %q:\n%s", want, text)
		}
	}
	if s.actions.reconResult.Importance != widget.DangerImportance || len(s.items.scans) != 0 {
		t.Errorf("importance %v, scans left %d", s.actions.reconResult.Importance, len(s.items.scans))
	}
	if state, _ := itemState(s.m, s.m.Items[1]); state != "Thiếu" {
		t.Errorf("missing item marked %q", state)
	}

	test.Tap(s.actions.printRecon)
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
	h.scanInto(s.items.scan, a.Code)
	h.scanInto(s.items.scan, b.Code)
	if s.actions.delivered.Visible() || s.actions.failed.Visible() {
		t.Error("delivery buttons offered before signing")
	}
	s.sign.officer.SetText("Trần Văn Bình")
	s.sign.postal.SetText("Lê Thị Hoa")
	test.Tap(s.sign.closeBtn)
	h.confirm()
	if s.m.Status != data.ManifestClosed {
		t.Fatalf("not signed: %q", s.actionMsg.message())
	}

	if !s.actions.delivered.Visible() || !s.actions.delivered.Disabled() {
		t.Error("no delivery buttons, disabled until an item is chosen, once signed")
	}
	s.items.list.Select(0)
	if s.actions.delivered.Disabled() || !strings.Contains(s.items.chosenTxt.Text, a.Code) {
		t.Errorf("delivery disabled for the chosen item; chosen %q", s.items.chosenTxt.Text)
	}
	test.Tap(s.actions.delivered)
	h.wait()
	if got, _ := h.db.Dossier(ctx, a.Code); got.Status != data.StatusReturned {
		t.Errorf("delivered result: %s", got.Status)
	}
	s.items.list.Select(1)
	test.Tap(s.actions.failed)
	h.wait()
	if state, _ := itemState(s.m, s.m.Items[1]); state != "Phát lỗi lần 1" || s.actions.failed.Disabled() {
		t.Errorf("one failure: %q", state)
	}
	test.Tap(s.actions.failed)
	h.wait()
	if state, _ := itemState(s.m, s.m.Items[1]); state != "Chuyển về quầy" || !s.actions.failed.Disabled() {
		t.Errorf("two failures: %q", state)
	}
	// Back at the counter, the result waits there.
	w := h.u.returns.board.lists.Waiting
	if len(w) != 1 || w[0].Dossier.Code != b.Code {
		t.Errorf("waiting %v", w)
	}
	if got, _ := h.db.Dossier(ctx, b.Code); got.ReturnMethod != data.ReturnCounter {
		t.Errorf("returned to the counter, to be returned by %s", got.ReturnMethod)
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
