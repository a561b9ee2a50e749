package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// The scan bar's messages replace each other, fade unless they are
// errors, and keep their place: the screens under them never move.
func TestMessagesFadeReplaceAndKeepTheirPlace(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	b := h.u.scan
	height := func() float32 { return b.content.MinSize().Height }
	empty := height()

	h.openDossier(d.Code)
	if msg := b.banner.message(); !strings.Contains(msg, "Đã mở hồ sơ "+d.Code) {
		t.Fatalf("banner %q", msg)
	}
	if height() != empty {
		t.Errorf("“Đã mở hồ sơ” moved the screens by %v px", height()-empty)
	}
	h.advance(fadeAfter - time.Second)
	if b.banner.message() == "" {
		t.Error("the message went before its time")
	}
	h.advance(2 * time.Second)
	if msg := b.banner.message(); msg != "" {
		t.Errorf("after %v the message stays: %q", fadeAfter+time.Second, msg)
	}
	if height() != empty {
		t.Errorf("the message going moved the screens by %v px", height()-empty)
	}

	// An error replaces what was there and stays until the next message.
	h.openDossier(d.Code)
	h.scanInto(b.entry, forgeSignature(h.receiptQR(d.Code)))
	if msg := b.banner.message(); !strings.Contains(msg, "KHÔNG HỢP LỆ") || strings.Contains(msg, "Đã mở") || b.banner.importance() != widget.DangerImportance {
		t.Fatalf("banner %q", msg)
	}
	if height() != empty {
		t.Errorf("a long error moved the screens by %v px", height()-empty)
	}
	h.advance(10 * time.Minute / 10)
	if !strings.Contains(b.banner.message(), "KHÔNG HỢP LỆ") {
		t.Error("the error faded")
	}
	// The fade of the message before does not take the next one early.
	h.openDossier(d.Code)
	h.advance(fadeAfter / 2)
	h.openDossier(d.Code)
	h.advance(fadeAfter/2 + time.Second)
	if b.banner.message() == "" {
		t.Error("an old fade hid the newer message")
	}
}

// After the return, the dossier view no longer says the result waits;
// after a manifest is signed, the refusals of its scans go.
func TestOldMessagesGoWhenTheirWorkIsDone(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	s := h.openDossier(d.Code)
	// Marked ready through the screen, then returned.
	s.dossier.onStatus(data.StatusResultReady)
	h.wait()
	if !strings.Contains(s.dossier.actionMsg.message(), "Có kết quả") {
		t.Fatalf("action line %q", s.dossier.actionMsg.message())
	}
	h.scanInto(s.handover.recipientID, deskApplicant.IDNumber)
	h.confirm()
	if msg := s.dossier.actionMsg.message(); strings.Contains(msg, "Có kết quả") {
		t.Errorf("after the return the line says %q", msg)
	}

	a := h.takeDossier("RR123456785VN")
	m := h.openManifest(data.ManifestFromPost, "Bưu điện Vị Thanh")
	m.print = func(string) error { return nil }
	h.scanInto(m.items.scan, a.Code)
	h.scanInto(m.items.scan, "000.30.12.H30-270203-9999")
	if m.items.feedback.last() == "" {
		t.Fatal("no refusal line for a dossier that does not exist")
	}
	m.sign.postal.SetText("Lê Thị Hoa")
	m.sign.onClose()
	h.confirm()
	if last := m.items.feedback.last(); last != "" {
		t.Errorf("after signing the scan lines say %q", last)
	}
}
