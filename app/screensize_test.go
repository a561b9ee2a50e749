package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/server/servertest"
)

// screenSizes are the counters' screens: the old 1024×768 PC and the
// common 1366×768 laptop.
var screenSizes = []fyne.Size{{Width: 1024, Height: 768}, {Width: 1366, Height: 768}}

// screenCase brings a screen forward in a state an officer meets.
type screenCase struct {
	name string
	// show opens the window and brings the screen forward; it returns
	// the labels that may end in "…" because their whole text is shown
	// elsewhere.
	show func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject)
}

// onScreen opens a set-up office's window at size.
func onScreen(t *testing.T, size fyne.Size) *harness {
	h := openDesk(t)
	h.u.Window().Resize(size)
	return h
}

// pickNeedingReview picks on the intake the first procedure of the
// sample without a time limit.
func (h *harness) pickNeedingReview(s *intakeScreen) {
	h.t.Helper()
	for _, p := range h.u.catalog.picker.found {
		if p.NeedsReview() {
			h.pickProcedure(s, p.Code)
			return
		}
	}
	h.t.Fatal("the sample has no procedure that needs review")
}

var screenCases = []screenCase{
	{"login", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := newHarness(t, true)
		h.startLocked(h.db, deskNow)
		h.u.Window().Resize(size)
		return h, nil
	}},
	{"first set-up", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := open(t, deskNow, false)
		h.u.Window().Resize(size)
		return h, nil
	}},
	{"set-up", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		h.press(sectionKey(sectionSetup))
		return h, nil
	}},
	{"intake empty", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		return onScreen(t, size), nil
	}},
	{"intake matches", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		s := h.u.intake
		test.Type(s.procedure.picker.search, "khai")
		h.wait()
		return h, nil
	}},
	{"intake death registration", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		s := h.u.intake
		h.pickProcedure(s, "đăng ký khai tử")
		h.fillApplicant(s)
		return h, []fyne.CanvasObject{s.papers.docList}
	}},
	{"intake needs review, invalid save", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		s := h.u.intake
		h.pickNeedingReview(s)
		h.save()
		if !s.bar.status.Visible() {
			t.Fatal("no summary after an invalid save")
		}
		return h, []fyne.CanvasObject{s.papers.docList}
	}},
	{"intake saved", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		h.u.intake.saved.print = func(string) error { return nil }
		h.takeWithFee(h.u.intake)
		h.save()
		if h.u.intake.saved.last.Code == "" {
			t.Fatal("not saved")
		}
		return h, nil
	}},
	{"return desk", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		for range 3 {
			h.takeDossier("")
		}
		h.press(sectionKey(sectionReturns))
		return h, []fyne.CanvasObject{h.u.returns.board.content}
	}},
	{"dossier view", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		d := h.takeDossier("EB123456785VN")
		h.setStatus(d.Code, data.StatusResultReady)
		h.openDossier(d.Code)
		// The lists' rows may shorten the name: the dossier opened shows it.
		return h, []fyne.CanvasObject{h.u.returns.board.content}
	}},
	{"manifests", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		h.press(sectionKey(sectionManifests))
		return h, nil
	}},
	{"dossier view, sent to the agency", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		d := h.takeDossier("")
		h.setStatus(d.Code, data.StatusTransferred) // the longest state's name
		h.openDossier(d.Code)
		return h, []fyne.CanvasObject{h.u.returns.board.content}
	}},
	{"manifests listed", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		h.signedManifests()
		h.press(sectionKey(sectionManifests))
		h.u.manifests.reloadRecent()
		// A manifest opened shows its kind and carrier whole.
		return h, []fyne.CanvasObject{h.u.manifests.opener.list}
	}},
	{"manifest open", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		collected := deskNow.Add(-2 * time.Hour)
		h.announce(servertest.Announcement(servertest.S10(1), "000.30.12.H30", "1.004837", 1, collected),
			servertest.Announcement(servertest.S10(2), "000.30.12.H30", "1.004837", 2, collected))
		d := h.takeDossier("EB123456785VN")
		s := h.openManifest(data.ManifestFromPost, "Bưu điện xã Vị Thanh")
		h.scanInto(s.items.scan, d.PostalItem)
		if s.announced.list.Length() != 2 {
			t.Fatalf("%d announced items", s.announced.list.Length())
		}
		return h, []fyne.CanvasObject{s.opener.list}
	}},
	{"manifest signed to the citizens", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		number := h.signedManifests()
		h.press(sectionKey(sectionManifests))
		s := h.u.manifests
		s.open(number)
		h.wait()
		s.items.list.Select(0)
		return h, []fyne.CanvasObject{s.opener.list}
	}},
	{"catalogue", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		h.press(sectionKey(sectionCatalog))
		s := h.u.catalog
		for i, p := range s.picker.found {
			if p.NeedsReview() {
				s.picker.list.Select(i)
				break
			}
		}
		// The detail beside the list shows the chosen procedure whole.
		return h, []fyne.CanvasObject{s.picker.list}
	}},
	{"calendar", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		h.press(sectionKey(sectionCalendar))
		s := h.u.calendar
		s.dueCalc.dueDays.SetText("3")
		test.Tap(s.dueCalc.computeDue)
		if s.dueCalc.due.Text == "" {
			t.Fatal("no due date")
		}

		// A day chosen in the list shows its whole name in the form.
		return h, []fyne.CanvasObject{s.list}
	}},
	{"reports", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		for range 3 {
			d := h.takeDossierAt(deskNow.AddDate(0, 0, -40), "")
			h.setStatus(d.Code, data.StatusTransferred)
		}
		h.press(sectionKey(sectionReports))
		h.wait()
		if len(h.u.reports.overdue.items) == 0 {
			t.Fatal("no dossier overdue")
		}
		// The dossier chosen shows its procedure and officer whole.
		return h, []fyne.CanvasObject{h.u.reports.overdue.list}
	}},
	{"sync", func(t *testing.T, size fyne.Size) (*harness, []fyne.CanvasObject) {
		h := onScreen(t, size)
		h.press(sectionKey(sectionSync))
		return h, nil
	}},
}

// signedManifests signs a manifest of each kind and leaves one from the
// post open; it returns the number of the one to the citizens.
func (h *harness) signedManifests() string {
	h.t.Helper()
	ctx := context.Background()
	result := h.takeDossier("EB123456785VN")
	h.setStatus(result.Code, data.StatusResultReady)
	sent := h.takeDossier("")
	kinds := []struct {
		kind           data.ManifestKind
		carrier, agent string
		code           string
		sign           bool
	}{
		{data.ManifestToCitizen, "Bưu điện thành phố Cần Thơ", "", result.Code, true},
		{data.ManifestToAgency, "", "Phòng Tài nguyên và Môi trường thành phố Cần Thơ", sent.Code, true},
		{data.ManifestFromPost, "Bưu điện xã Vị Thanh", "", h.takeDossier("EE000000014VN").Code, false},
	}
	var toCitizen string
	for _, k := range kinds {
		m, err := h.db.OpenManifest(ctx, k.kind, k.carrier, k.agent, adminName)
		if err != nil {
			h.t.Fatal(err)
		}
		if _, err := h.db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: k.code}, adminName); err != nil {
			h.t.Fatal(err)
		}
		if k.sign {
			if _, err := h.db.CloseManifest(ctx, m.Number, adminName, "Lê Thị Hoa"); err != nil {
				h.t.Fatal(err)
			}
		}
		if k.kind == data.ManifestToCitizen {
			toCitizen = m.Number
		}
	}
	return toCitizen
}

// TestScreensFitSmallScreens lays every screen out at the counters'
// screen sizes and checks its geometry.
func TestScreensFitSmallScreens(t *testing.T) {
	for _, size := range screenSizes {
		for _, sc := range screenCases {
			t.Run(fmt.Sprintf("%s at %vx%v", sc.name, size.Width, size.Height), func(t *testing.T) {
				h, shortened := sc.show(t, size)
				h.wait()
				if got := h.u.Window().Canvas().Size(); got != size {
					t.Fatalf("window is %v", got)
				}
				p := checkGeometry(h.u.Window().Canvas(), shortened...)
				if len(p) > 0 {
					t.Errorf("%d problems:\n%s", len(p), strings.Join(p, "\n"))
				}
			})
		}
	}
}

// visibleRows counts the checklist's papers wholly in sight.
func visibleRows(c *checklist) int {
	n := 0
	for _, r := range c.docs {
		if inView(c, r) {
			n++
		}
	}
	return n
}

// inView is true when a paper's row lies wholly in the checklist's view.
func inView(c *checklist, r *docRow) bool {
	top := r.box.Position().Y - c.scroll.Offset.Y
	return top >= -slack && top+r.box.Size().Height <= c.scroll.Size().Height+slack
}

// TestChecklistByKeyboardAtSmallScreens shows six papers of a death
// registration at 1024×768 and at 1366×768, and takes the officer
// through all eight by Tab, ticking each with Space and typing its
// counts, the row with the cursor always in sight.
func TestChecklistByKeyboardAtSmallScreens(t *testing.T) {
	for _, size := range screenSizes {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			h := onScreen(t, size)
			s := h.u.intake
			h.pickProcedure(s, "1.000656") // Thủ tục đăng ký khai tử: eight papers
			h.fillApplicant(s)
			c := s.papers
			checkGeometry(h.u.Window().Canvas()) // lays it out
			if len(c.docs) < 8 {
				t.Fatalf("%d papers", len(c.docs))
			}
			if n := visibleRows(c); n < 6 {
				t.Errorf("%d papers in sight, want at least six", n)
			}
			canvas := h.u.Window().Canvas()
			canvas.Focus(c.docs[0].check)
			for i, r := range c.docs {
				if canvas.Focused() != r.check {
					t.Fatalf("paper %d: the cursor is on %T, not its tick box", i, canvas.Focused())
				}
				relayout(canvas.Content())
				if !inView(c, r) {
					t.Errorf("paper %d has the cursor out of sight (row at %v, view %v+%v)", i,
						r.box.Position().Y, c.scroll.Offset.Y, c.scroll.Size().Height)
				}
				if !strings.HasPrefix(c.detail.Text, r.name) {
					t.Errorf("paper %d: the detail shows %q", i, c.detail.Text)
				}
				r.check.TypedRune(' ')
				canvas.FocusNext()
				if canvas.Focused() != r.originals {
					t.Fatalf("paper %d: Tab went to %T, not the originals", i, canvas.Focused())
				}
				r.originals.SetText("")
				test.Type(r.originals, "2")
				canvas.FocusNext()
				canvas.FocusNext() // over the copies
			}
			req, bad := s.request()
			if len(bad) > 0 || len(req.Documents) != len(c.docs) || req.Documents[7].Originals != 2 {
				t.Errorf("read %d papers (bad %v): %+v", len(req.Documents), bad, req.Documents)
			}
		})
	}
}
