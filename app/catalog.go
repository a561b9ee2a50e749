package app

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
)

// catalogScreen lists the procedures, searches them as the officer types
// (procedurePicker), shows one in detail and lets an administrator set
// its time limit (procedureDetail) and import a catalogue file.
type catalogScreen struct {
	u *UI

	picker    *procedurePicker
	count     *widget.Label
	importBtn *widget.Button
	progress  *widget.ProgressBarInfinite
	busy      *widget.Label
	importBar *progressBar // a large file's procedures stored so far
	detail    *procedureDetail

	content fyne.CanvasObject
}

func newCatalogScreen(u *UI) *catalogScreen {
	s := &catalogScreen{u: u}
	s.picker = newProcedurePicker(u, lang.L("catalog.search.placeholder"), true)
	s.picker.search.OnChanged = func(string) { s.load() }
	s.picker.search.OnSubmitted = func(string) { s.onSearchSubmitted() }
	s.picker.onFound = s.onFound
	s.picker.list.OnSelected = s.onSelect
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.importBtn = widget.NewButtonWithIcon(lang.L("catalog.import"), theme.FolderOpenIcon(), s.onImport)
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.busy = widget.NewLabel("")
	s.busy.Hide()
	s.detail = newProcedureDetail(u, s.limitSaved)

	top := container.NewVBox(s.picker.search, s.count)
	// Objects go in the order Tab visits them: search, list, the
	// detail's fields, then import.
	left := container.New(layout.NewBorderLayout(top, nil, nil, nil), top, s.picker.view)
	split := container.NewHSplit(left, s.detail.content)
	split.Offset = 0.5
	// Only an administrator changes the catalogue; the others are told so.
	s.importBtn.Hidden = !u.desk.May(data.ActCatalog)
	s.importBar = newProgressBar(countsText("progress.import"))
	bar := container.NewBorder(nil, nil, nil, s.importBtn, container.NewVBox(s.busy, s.progress, s.importBar.content, roleNote(u, data.ActCatalog)))
	s.content = container.New(layout.NewBorderLayout(nil, bar, nil, nil), split, bar)
	return s
}

// start loads the list; with sample, it first imports the sample
// catalogue when the catalogue is empty (a new office).
func (s *catalogScreen) start(sample bool) {
	if !sample {
		s.load()
		return
	}
	s.setBusy(lang.L("catalog.sample.loading"))
	background(&s.u.jobs, s.u.ctx, s.u.desk.ImportSample, func(_ bool, err error) {
		s.setBusy("")
		if err != nil {
			s.u.showError(err)
		}
		s.load()
	})
}

// load lists the procedures matching the search text.
func (s *catalogScreen) load() { s.picker.find(s.picker.search.Text) }

// onFound puts the procedures found in the list, keeping the chosen
// procedure chosen.
func (s *catalogScreen) onFound(err error) {
	if err != nil {
		s.u.showError(err)
		return
	}
	s.updateCount()
	s.picker.list.UnselectAll()
	s.picker.list.Refresh()
	if i := s.picker.indexOf(s.detail.shown.Code); i >= 0 {
		s.picker.list.Select(i)
	}
}

// updateCount says how many procedures the list shows and how many of
// them still need a time limit.
func (s *catalogScreen) updateCount() {
	n, review := len(s.picker.found), 0
	for _, p := range s.picker.found {
		if p.NeedsReview() {
			review++
		}
	}
	switch {
	case n == 0:
		s.count.SetText(lang.L("catalog.none"))
	case review > 0:
		s.count.SetText(lang.N("catalog.countReview", n, map[string]any{"Count": n, "Review": review}))
	default:
		s.count.SetText(lang.N("catalog.count", n, map[string]any{"Count": n}))
	}
}

// onSearchSubmitted (Enter in the search) chooses the first result and
// moves to the list, where the arrow keys go on.
func (s *catalogScreen) onSearchSubmitted() {
	if len(s.picker.found) == 0 {
		return
	}
	if s.picker.indexOf(s.detail.shown.Code) < 0 {
		s.picker.list.Select(0)
	}
	s.u.win.Canvas().Focus(s.picker.list)
}

func (s *catalogScreen) onSelect(id widget.ListItemID) {
	if id < 0 || id >= len(s.picker.found) {
		return
	}
	if p := s.picker.found[id]; p.Code != s.detail.shown.Code {
		s.detail.limit.setStatus("", widget.MediumImportance)
		s.detail.show(p)
	}
}

// limitSaved puts a procedure whose time limit was just saved back in
// the list.
func (s *catalogScreen) limitSaved(p data.Procedure) {
	if i := s.picker.indexOf(p.Code); i >= 0 {
		s.picker.found[i] = p
		s.picker.list.RefreshItem(i)
		s.updateCount()
	}
}

// onSaveLimit (Ctrl+S) saves the time limit of the procedure on show.
func (s *catalogScreen) onSaveLimit() { s.detail.limit.onSave() }

// onImport asks for a catalogue file and imports it.
func (s *catalogScreen) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		switch {
		case err != nil:
			s.u.showError(err)
		case r != nil:
			s.importFile(r.URI().Name(), r)
		}
	}, s.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".csv"}))
	d.Resize(fyne.NewSize(900, 600))
	s.u.showFileDialog(d)
}

// importFile reads a catalogue file (closing it) and imports it whole, or
// shows why it was refused, naming every bad record.
func (s *catalogScreen) importFile(name string, r io.ReadCloser) {
	s.importBtn.Disable()
	s.setBusy(lang.L("catalog.importing", map[string]any{"Name": name}))
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (counter.Imported, error) {
		defer r.Close()
		return s.u.desk.ImportCatalog(data.WithProgress(ctx, s.importBar.report()), name, r)
	}, func(rep counter.Imported, err error) {
		s.importBtn.Enable()
		s.setBusy("")
		if err != nil {
			s.u.showErrorTitled(lang.L("catalog.import.refused", map[string]any{"Name": name}), err)
			return
		}
		msg := lang.L("catalog.import.done", map[string]any{"Count": rep.Total, "Added": rep.Added, "Updated": rep.Updated})
		if rep.KeptLocal > 0 {
			msg += "\n" + lang.L("catalog.import.keptLocal", map[string]any{"Count": rep.KeptLocal})
		}
		if rep.Review > 0 {
			msg += "\n" + lang.L("catalog.import.review", map[string]any{"Count": rep.Review})
		}
		s.u.showDialog(dialog.NewInformation(lang.L("catalog.import"), msg, s.u.win))
		s.detail.shown = data.Procedure{}
		s.load()
	})
}

// setBusy shows text with a moving bar while work runs; "" hides them.
func (s *catalogScreen) setBusy(text string) {
	if text == "" {
		s.busy.Hide()
		s.progress.Stop()
		s.progress.Hide()
		return
	}
	s.busy.SetText(text)
	s.busy.Show()
	s.progress.Show()
	s.progress.Start()
}
