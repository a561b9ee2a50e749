package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"motcua/data"
)

// setMenu sets the window's menu: the screens' commands while an officer
// is logged in, only the language while the window is locked.
func (u *UI) setMenu() {
	find := shortcut(fyne.KeyF)
	open := shortcut(fyne.KeyO)
	save := shortcut(fyne.KeyS)
	newIntake := shortcut(fyne.KeyN)
	scanID := shortcut(fyne.KeyK)

	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	var langItems []*fyne.MenuItem
	current := languageOf(u.app.Preferences())
	for _, l := range languages {
		it := fyne.NewMenuItem(l.name, func() { u.onLanguage(l.code) })
		it.Checked = l.code == current
		langItems = append(langItems, it)
	}
	langMenu := fyne.NewMenuItem(lang.L("menu.language"), nil)
	langMenu.ChildMenu = fyne.NewMenu("", langItems...)
	settings := fyne.NewMenu(lang.L("menu.settings"), langMenu)
	if u.locked != nil || u.firstRun {
		u.win.SetMainMenu(fyne.NewMainMenu(settings))
		return
	}
	var goItems []*fyne.MenuItem
	for i, tab := range u.tabs.Items {
		sec := u.sections[i]
		goItems = append(goItems, item(tab.Text, sectionKey(sec), func() { u.show(sec) }))
	}
	// Ctrl+T ("tiếp nhận") opens intake too, as officers learn it: a
	// shortcut of the window (build), not a second menu item of the same
	// name.
	file := []*fyne.MenuItem{
		item(lang.L("intake.menu.new"), newIntake, u.intake.onNew),
		item(lang.L("menu.save"), save, u.onSave),
		item(lang.L("intake.menu.scan"), scanID, u.onScanIDCard),
	}
	if u.desk.May(data.ActCatalog) {
		file = append(file, item(lang.L("menu.import"), open, u.onImportCatalog))
	}
	file = append(file, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("session.switch"), u.lock))
	u.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(lang.L("menu.file"), file...),
		fyne.NewMenu(lang.L("menu.go"), append(goItems,
			fyne.NewMenuItemSeparator(),
			item(lang.L("menu.find"), find, func() { u.show(sectionCatalog) }),
			item(lang.L("scan.menu"), &desktop.CustomShortcut{KeyName: fyne.KeyF2}, u.scan.focus),
		)...),
		settings,
	))
}

// sectionKey is a section's shortcut: Ctrl with its place in the menu
// order, the same for every officer.
func sectionKey(s section) fyne.Shortcut {
	return shortcut(fyne.KeyName(strconv.Itoa(int(s) + 1)))
}

// shortcut is Ctrl (⌘ on macOS) with key.
func shortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}
