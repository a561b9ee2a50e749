// Package assets embeds what ships inside the binary: the fonts of the
// printed forms (with their licence), the icon, the translations and the
// sample procedure catalogue loaded on first run.
package assets

import "embed"

// Fonts holds Tinos (Times New Roman metrics, Vietnamese coverage) under
// fonts/, with its SIL Open Font License in fonts/OFL.txt.
//
//go:embed fonts/*.ttf fonts/OFL.txt
var Fonts embed.FS

// Icon is the application icon (PNG).
//
//go:embed icon.png
var Icon []byte

// Translations holds the interface texts, one JSON file per language
// (translations/vi.json, translations/en.json), in the message format of
// Fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS

// SampleCatalog is a real sample of commune-level procedures, in the JSON
// catalogue format, imported when a new office's catalogue is empty.
//
//go:embed catalog/sample.json
var SampleCatalog []byte

// SampleCatalogName is the file name the sample is parsed under.
const SampleCatalogName = "sample.json"
