package main

import (
	_ "embed"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"text/template"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed motcua.wxs
var wxsSource string

var wxsTemplate = template.Must(template.New("motcua.wxs").Option("missingkey=error").Parse(wxsSource))

// Installer is what the .wxs needs beyond App: where the files to pack are.
type Installer struct {
	App
	ExeFile  string // the (signed) exe to install
	IconFile string // the .ico of the Start menu shortcut
}

// wxsData is the template's view: every value escaped for XML.
type wxsData struct {
	Name, Version, Manufacturer, Description, UpgradeCode, ComponentGUID string
	DowngradeMessage, Website, Folder, ExeName, ExeFile, IconFile        string
}

// downgradeMessage is shown when an older MSI is run over a newer install.
const downgradeMessage = "Máy này đã cài phiên bản Một Cửa mới hơn. Hãy dùng bộ cài mới nhất; muốn quay về bản cũ thì gỡ bản đang có trước (dữ liệu không bị xóa)."

// WriteWXS writes the installer source for wixl.
//
// wixl 0.101 leaves the database code page neutral and crashes on any
// letter outside Latin-1, so the source carries the texts without their
// diacritics; Localize then sets the Vietnamese code page and writes the
// real texts into the built MSI.
func WriteWXS(w io.Writer, in Installer) error {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(ascii(s))) // quotes too: every value is an attribute
		return b.String()
	}
	d := wxsData{
		Name:             esc(in.Name),
		Version:          esc(in.Version),
		Manufacturer:     esc(company),
		Description:      esc(description),
		UpgradeCode:      upgradeCode,
		ComponentGUID:    componentGUID,
		DowngradeMessage: esc(downgradeMessage),
		Website:          esc(in.Website),
		Folder:           esc(installFolder),
		ExeName:          esc(in.Exe + ".exe"),
		ExeFile:          esc(in.ExeFile),
		IconFile:         esc(in.IconFile),
	}
	if err := wxsTemplate.Execute(w, d); err != nil {
		return fmt.Errorf("installer source: %w", err)
	}
	return nil
}

// ascii writes s without diacritics (đ as d): what wixl can store.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		case r == '–' || r == '—':
			r = '-'
		case r > unicode.MaxASCII:
			r = '?'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codepageVietnamese is Windows' Vietnamese code page (1258), in which
// Windows Installer stores the MSI's strings. UTF-8 is not a code page
// Windows Installer supports.
const codepageVietnamese = 1258

// ForceCodepage is the _ForceCodepage table that, imported, sets the
// database's code page.
func ForceCodepage() string {
	return fmt.Sprintf("\r\n\r\n%d\t_ForceCodepage\r\n", codepageVietnamese)
}

// Localize is the SQL that writes the Vietnamese texts into the MSI wixl
// built from WriteWXS, and lets a rebuild of the same version replace the
// installed one instead of installing beside it (WiX's
// AllowSameVersionUpgrades, which wixl lacks).
func Localize(a App) ([]string, error) {
	updates := []struct{ table, column, value, key, id string }{
		{"Property", "Value", a.Name, "Property", "ProductName"},
		{"Property", "Value", company, "Property", "Manufacturer"},
		// A short 8.3 name, then the long one: the Filename type.
		{"Shortcut", "Name", shortcutShortName + "|" + a.Name, "Shortcut", "StartMenu"},
		{"Shortcut", "Description", description, "Shortcut", "StartMenu"},
		{"LaunchCondition", "Description", downgradeMessage, "Condition", "NOT WIX_DOWNGRADE_DETECTED"},
	}
	var q []string
	for _, u := range updates {
		if strings.ContainsAny(u.value, "'\r\n") {
			// MSI SQL has no escape for a quote inside a literal.
			return nil, fmt.Errorf("installer text %q: quotes and line breaks cannot be stored", u.value)
		}
		q = append(q, fmt.Sprintf("UPDATE `%s` SET `%s` = '%s' WHERE `%s` = '%s'",
			u.table, u.column, norm.NFC.String(u.value), u.key, u.id))
	}
	// The attributes are part of the Upgrade table's key: the row is
	// replaced. 1 = migrate features, 512 = the maximum is inclusive.
	q = append(q,
		"DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'",
		fmt.Sprintf("INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMax`, `Attributes`, `ActionProperty`) VALUES ('%s', '%s', 513, 'WIX_UPGRADE_DETECTED')",
			upgradeCode, a.Version))
	return q, nil
}
