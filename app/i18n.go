package app

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"text/template"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"motcua/assets"
)

// The languages the window speaks. Vietnamese is the default whatever the
// system's locale: the officers' Windows is often installed in English.
const (
	Vietnamese = "vi"
	English    = "en"
)

// prefLanguage is the preference that keeps the officer's choice.
const prefLanguage = "language"

// languages lists the choices of the language menu, each named in its own
// language so that anyone can find theirs.
var languages = []struct{ code, name string }{
	{Vietnamese, "Tiếng Việt"},
	{English, "English"},
}

const translationsDir = "translations"

var registerOnce sync.Once

// useLanguage makes every text of the window speak code ("vi" or "en"),
// Fyne's own dialog buttons and entry menus included.
//
// The embedded files are registered with Fyne's lang package, which on its
// own follows the system's locale and offers no way (in Fyne 2.7) for an
// application to choose. So lang's shortcuts L, N, X and XN — the package
// variables that every Fyne widget and every screen of ours call — are
// pointed at a localizer for the chosen language built from the same
// files. Keys missing in the chosen language fall back to English.
func useLanguage(code string) error {
	registerOnce.Do(func() {
		if err := lang.AddTranslationsFS(assets.Translations, translationsDir); err != nil {
			fyne.LogError("app: register translations", err)
		}
	})
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(assets.Translations, translationsDir+"/*.json")
	if err != nil {
		return fmt.Errorf("app: translations: %w", err)
	}
	for _, f := range files {
		raw, err := fs.ReadFile(assets.Translations, f)
		if err != nil {
			return fmt.Errorf("app: translations: %w", err)
		}
		if _, err := bundle.ParseMessageFileBytes(raw, path.Base(f)); err != nil {
			return fmt.Errorf("app: translations %s: %w", f, err)
		}
	}
	t := translator{i18n.NewLocalizer(bundle, code)}
	lang.L = func(in string, data ...any) string { return t.localize(in, in, nil, data) }
	lang.N = func(in string, count int, data ...any) string { return t.localize(in, in, &count, data) }
	lang.X = func(key, fallback string, data ...any) string { return t.localize(key, fallback, nil, data) }
	lang.XN = func(key, fallback string, count int, data ...any) string {
		return t.localize(key, fallback, &count, data)
	}
	return nil
}

// languageOf returns the language the preferences ask for, Vietnamese
// unless English was chosen.
func languageOf(p fyne.Preferences) string {
	if p.StringWithFallback(prefLanguage, Vietnamese) == English {
		return English
	}
	return Vietnamese
}

// translator looks messages up for one language.
type translator struct {
	loc *i18n.Localizer
}

func (t translator) localize(key, fallback string, count *int, data []any) string {
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	cfg := &i18n.LocalizeConfig{
		DefaultMessage: &i18n.Message{ID: key, Other: fallback},
		TemplateData:   d,
	}
	if count != nil {
		cfg.PluralCount = *count
	}
	// A message missing in the chosen language comes back in English,
	// with an error that only says so.
	if s, err := t.loc.Localize(cfg); err == nil || s != "" {
		return s
	}
	tmpl, err := template.New(key).Parse(fallback)
	if err != nil {
		return fallback
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, d); err != nil {
		return fallback
	}
	return b.String()
}
