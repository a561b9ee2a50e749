package app

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// roleName is a role in the window's language.
func roleName(r data.Role) string { return lang.L("role." + string(r)) }

// roleNote says which of the actions the logged-in officer may not use,
// and the role each needs ("Cần quyền lãnh đạo: …"); it is hidden when
// the officer may use them all.
func roleNote(u *UI, acts ...data.Action) *widget.Label {
	byRole := map[data.Role][]string{}
	var roles []data.Role
	for _, a := range acts {
		if u.desk.May(a) {
			continue
		}
		r := a.Needs()
		if byRole[r] == nil {
			roles = append(roles, r)
		}
		byRole[r] = append(byRole[r], lang.L("action."+string(a)))
	}
	var parts []string
	for _, r := range roles {
		parts = append(parts, lang.L("role.needs", map[string]any{"Role": roleName(r), "Actions": strings.Join(byRole[r], ", ")}))
	}
	l := note(strings.Join(parts, " "))
	l.Importance = widget.WarningImportance
	l.Hidden = len(parts) == 0
	return l
}
