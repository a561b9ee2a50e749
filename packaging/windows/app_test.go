package main

import (
	"os"
	"strings"
	"testing"
)

const fyneAppSample = `Website = "https://motcua.local"

[Details]
  Icon = "assets/icon.png"
  Name = "Một Cửa"
  ID = "vn.gov.motcua"
  Version = "%s"
  Build = %s

[Release]
  BuildName = "motcua"
`

func sample(version, build string) string {
	return strings.Replace(strings.Replace(fyneAppSample, "%s", version, 1), "%s", build, 1)
}

func TestReadApp(t *testing.T) {
	tests := []struct {
		name     string
		toml     string
		wantFile string // FileVersion; "" when an error is wanted
		wantMSI  string
	}{
		{"release", sample("0.1.0", "1"), "0.1.0.1", "motcua-0.1.0-x64.msi"},
		{"no build number", strings.Replace(sample("2.3.4", "0"), "Build = 0", "", 1), "2.3.4.0", "motcua-2.3.4-x64.msi"},
		{"largest fields", sample("255.255.65535", "65535"), "255.255.65535.65535", "motcua-255.255.65535-x64.msi"},
		{"two fields", sample("1.2", "1"), "", ""},
		{"four fields", sample("1.2.3.4", "1"), "", ""},
		{"letters", sample("1.2.3-beta", "1"), "", ""},
		{"leading zero", sample("1.02.3", "1"), "", ""},
		{"empty field", sample("1..3", "1"), "", ""},
		{"major above 255", sample("256.0.0", "1"), "", ""},
		{"patch above 65535", sample("1.0.65536", "1"), "", ""},
		{"negative build", sample("1.0.0", "-1"), "", ""},
		{"build above 65535", sample("1.0.0", "65536"), "", ""},
		{"no version", strings.Replace(sample("x", "1"), `Version = "x"`, "", 1), "", ""},
		{"no icon", strings.Replace(sample("1.0.0", "1"), `Icon = "assets/icon.png"`, "", 1), "", ""},
		{"not TOML", "Version = ", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ReadApp(strings.NewReader(tc.toml))
			if tc.wantFile == "" {
				if err == nil {
					t.Fatalf("ReadApp accepted %+v", a)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := a.FileVersion(); got != tc.wantFile {
				t.Errorf("FileVersion = %q, want %q", got, tc.wantFile)
			}
			if got := a.MSIName(); got != tc.wantMSI {
				t.Errorf("MSIName = %q, want %q", got, tc.wantMSI)
			}
			if a.Name != "Một Cửa" || a.Exe != "motcua" || a.Website != "https://motcua.local" {
				t.Errorf("ReadApp = %+v", a)
			}
		})
	}
}

// The repository's own FyneApp.toml must stay packable.
func TestRepositoryFyneApp(t *testing.T) {
	f, err := os.Open("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := ReadApp(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("../../" + a.Icon); err != nil {
		t.Errorf("icon: %v", err)
	}
}
