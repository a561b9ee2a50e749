package app

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/server/servertest"
)

// announce brings the office announcements of the post, as the
// province's feed does.
func (h *harness) announce(items ...data.PostalAnnouncement) {
	h.t.Helper()
	var page data.PullPage
	for i, a := range items {
		a.AnnouncedAt = deskNow.Add(-time.Hour).Format(time.RFC3339)
		raw, _ := json.Marshal(a)
		page.Changes = append(page.Changes, data.RemoteChange{Seq: int64(100 + i), Key: "ann-" + a.Item, Kind: data.ChangePostalItem,
			Subject: a.Item, Payload: raw, At: deskNow.Add(-time.Hour)})
		page.Next = int64(100 + i)
	}
	if n, err := h.db.ApplyRemote(context.Background(), page); err != nil || n != len(items) {
		h.t.Fatalf("applied %d of %d announcements: %v", n, len(items), err)
	}
}

// TestAnnouncedItemsOnTheFromPostManifest: the from-post manifest lists
// what the post announced and did not hand over; scanning an announced
// item shows the applicant and the documents, and confirming makes the
// dossier and puts it on the manifest; cancelling changes nothing;
// choosing one in the list does what its scan does; once signed, they
// leave the list.
func TestAnnouncedItemsOnTheFromPostManifest(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	collected := deskNow.Add(-2 * time.Hour)
	first := servertest.Announcement(servertest.S10(1), "000.30.12.H30", "1.004837", 1, collected)
	first.Fees = []data.FeeEntry{{Kind: "le-phi", Amount: "8000", Method: "cash"}}
	second := servertest.Announcement(servertest.S10(2), "000.30.12.H30", "1.004837", 2, collected)
	h.announce(first, second)
	var p fakePrinter
	h.u.manifests.print = p.send

	s := h.openManifest(data.ManifestFromPost, "Bưu điện Vị Thanh")
	h.wait()
	a := s.announced
	if !a.content.Visible() || a.heading.Text != "Bưu điện đã báo, chưa giao (2)" || a.list.Length() != 2 || a.empty.Visible() {
		t.Fatalf("announced list %q, %d rows", a.heading.Text, a.list.Length())
	}
	var row strings.Builder
	collectText(test.WidgetRenderer(a.list).Objects()[0], &row)
	for _, want := range []string{servertest.S10(1), "Nguyễn Văn Bưu 1", "1.004837 · báo lúc 09:00 03/02"} {
		if !strings.Contains(row.String(), want) {
			t.Errorf("announced row lacks %q:\n%s", want, row.String())
		}
	}

	// Scanned, the item asks the officer to check it first.
	h.scanInto(s.items.scan, servertest.S10(1))
	if s.items.confirm == nil || len(s.m.Items) != 0 {
		t.Fatalf("no confirmation before the dossier is made (%q)", s.items.feedback.last())
	}
	shown := h.overlayText()
	for _, want := range []string{"Bưu gửi bưu điện đã báo", "Nguyễn Văn Bưu 1", "********0001", "Tờ khai theo mẫu — 1 bản chính, 0 bản sao",
		"Bản sao giấy tờ tùy thân — 0 bản chính, 1 bản sao", "Lệ phí 8.000 đ", "Lê Văn Phát"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the confirmation lacks %q:\n%s", want, shown)
		}
	}
	s.items.confirm.Submit()
	h.wait()
	if len(s.m.Items) != 1 || s.m.Items[0].PostalItem != servertest.S10(1) || s.m.Items[0].Fee != 8000 {
		t.Fatalf("items after confirming: %+v (%q)", s.m.Items, s.items.feedback.last())
	}
	if fb := s.items.feedback.last(); !strings.Contains(fb, "Đã lập hồ sơ") || s.items.feedback.lines[0].Importance != widget.SuccessImportance {
		t.Errorf("feedback %q", fb)
	}
	d, err := h.db.Dossier(ctx, s.m.Items[0].DossierCode)
	if err != nil || d.Channel != data.ChannelPostal || d.Applicant.IDNumber != "093090000001" || len(d.Documents) != 2 || d.Officer != adminName {
		t.Errorf("dossier made: %+v %v", d, err)
	}
	if h.focused() != s.items.scan {
		t.Error("the cursor is not back in the scan field")
	}
	var onManifest strings.Builder
	collectText(test.WidgetRenderer(a.list).Objects()[0], &onManifest)
	if a.list.Length() != 2 || !strings.Contains(onManifest.String(), "trong biên bản "+s.m.Number) {
		t.Errorf("the item on the open manifest:\n%s", onManifest.String())
	}

	// Cancelled, nothing is made.
	h.scanInto(s.items.scan, servertest.S10(2))
	if s.items.confirm == nil {
		t.Fatal("no confirmation for the second item")
	}
	s.items.confirm.Hide()
	h.wait()
	if len(s.m.Items) != 1 || !strings.Contains(s.items.feedback.last(), "Chưa nhận bưu gửi "+servertest.S10(2)) {
		t.Errorf("after cancelling: %d items, %q", len(s.m.Items), s.items.feedback.last())
	}
	if _, err := h.db.DossierByPostalItem(ctx, servertest.S10(2)); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("a cancelled item became a dossier: %v", err)
	}

	// Chosen in the list, it is confirmed as a scan is.
	a.list.Select(1)
	h.wait()
	if s.items.confirm == nil {
		t.Fatal("choosing an announced item asks nothing")
	}
	s.items.confirm.Submit()
	h.wait()
	if len(s.m.Items) != 2 || s.m.Items[1].PostalItem != servertest.S10(2) {
		t.Fatalf("items after choosing: %+v", s.m.Items)
	}

	// Signed, they are handed over.
	s.sign.officer.SetText(adminName)
	test.Type(s.sign.postal, "Lê Văn Phát")
	s.sign.postal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
	h.confirm()
	if s.m.Status != data.ManifestClosed {
		t.Fatalf("not signed: %q", s.actionMsg.message())
	}
	if a.list.Length() != 0 || a.heading.Text != "Bưu điện đã báo, chưa giao (0)" || !a.empty.Visible() {
		t.Errorf("after signing: %q, %d rows", a.heading.Text, a.list.Length())
	}
	if d, _ := h.db.Dossier(ctx, s.m.Items[0].DossierCode); !d.ReceivedAt.Equal(deskNow) {
		t.Errorf("filing time %v, want the signing %v", d.ReceivedAt, deskNow)
	}
}

func TestAnnouncedListMarkup(t *testing.T) {
	h := openDesk(t)
	collected := deskNow.Add(-2 * time.Hour)
	h.announce(servertest.Announcement(servertest.S10(1), "000.30.12.H30", "1.004837", 1, collected),
		servertest.Announcement(servertest.S10(2), "000.30.12.H30", "1.004837", 2, collected))
	s := h.openManifest(data.ManifestFromPost, "Bưu điện Vị Thanh")
	h.wait()
	assertMarkup(t, "manifests/announced.xml", s.announced.content, fyne.NewSize(320, 240))
}
