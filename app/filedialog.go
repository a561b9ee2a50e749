package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// fileDialogPlaces are the places Fyne 2.7.2's file dialog lists on its
// left (dialog/file.go loadFavorites and getFavoritesOrder, file_unix.go
// getPlaces). Fyne writes them as plain strings, never through lang, so
// the dialog says "Home" and "Computer" whatever the language; each gets
// a message "file.place.<name>".
var fileDialogPlaces = []string{"Home", "App Files", "Computer", "Desktop", "Documents", "Downloads", "Music", "Pictures", "Movies", "Videos"}

// showFileDialog shows a file dialog of Fyne's with its places named in
// the window's language.
func (u *UI) showFileDialog(d dialogLike) {
	u.showDialog(d)
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		localizePlaces(top)
	}
}

// localizePlaces finds the list of places in a file dialog's pop-up (the
// leading side of its split) and names each row's place through lang.
func localizePlaces(o fyne.CanvasObject) bool {
	switch x := o.(type) {
	case *widget.PopUp:
		return localizePlaces(x.Content)
	case *fyne.Container:
		for _, c := range x.Objects {
			if localizePlaces(c) {
				return true
			}
		}
	case *container.Split:
		if l, ok := x.Leading.(*widget.List); ok {
			relabelPlaces(l)
			return true
		}
	}
	return false
}

// relabelPlaces makes l translate the place name its rows are given.
func relabelPlaces(l *widget.List) {
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		row, ok := item.(*fyne.Container)
		if !ok || len(row.Objects) < 2 {
			return
		}
		if label, ok := row.Objects[1].(*widget.Label); ok {
			label.SetText(placeName(label.Text))
		}
	}
	l.Refresh()
}

// placeName is the name of one of Fyne's places in the window's language;
// a drive ("C:") or any other name stays as it is.
func placeName(name string) string {
	for _, p := range fileDialogPlaces {
		if p == name {
			return lang.X("file.place."+name, name)
		}
	}
	return name
}
