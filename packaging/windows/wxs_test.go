package main

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"unicode"
)

// wix is the part of the installer source the tests look at.
type wix struct {
	Product struct {
		Name        string `xml:"Name,attr"`
		Version     string `xml:"Version,attr"`
		UpgradeCode string `xml:"UpgradeCode,attr"`
		Package     struct {
			InstallScope string `xml:"InstallScope,attr"`
		} `xml:"Package"`
		MajorUpgrade *struct{} `xml:"MajorUpgrade"`
		Icon         struct {
			Id         string `xml:"Id,attr"`
			SourceFile string `xml:"SourceFile,attr"`
		} `xml:"Icon"`
		Directory struct {
			Dirs []struct {
				Id   string `xml:"Id,attr"`
				Dirs []struct {
					Id        string `xml:"Id,attr"`
					Name      string `xml:"Name,attr"`
					Component struct {
						Guid string `xml:"Guid,attr"`
						File struct {
							Name   string `xml:"Name,attr"`
							Source string `xml:"Source,attr"`
						} `xml:"File"`
						Shortcut struct {
							Directory string `xml:"Directory,attr"`
							Target    string `xml:"Target,attr"`
							Icon      string `xml:"Icon,attr"`
						} `xml:"Shortcut"`
					} `xml:"Component"`
				} `xml:"Directory"`
			} `xml:"Directory"`
		} `xml:"Directory"`
	} `xml:"Product"`
}

func TestWriteWXS(t *testing.T) {
	tests := []struct {
		name string
		in   Installer
	}{
		{"release", Installer{App: testApp(), ExeFile: "motcua.exe", IconFile: "motcua.ico"}},
		{"markup in paths", Installer{App: testApp(), ExeFile: `a&b "c".exe`, IconFile: "<x>.ico"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteWXS(&buf, tc.in); err != nil {
				t.Fatal(err)
			}
			for i, r := range buf.String() {
				if r > unicode.MaxASCII && !inComment(buf.String(), i) {
					t.Fatalf("non-ASCII %q at %d: wixl cannot store it", r, i)
				}
			}
			var w wix
			if err := xml.Unmarshal(buf.Bytes(), &w); err != nil {
				t.Fatalf("not XML: %v\n%s", err, buf.String())
			}
			p := w.Product
			if p.Name != "Mot Cua" || p.Version != "1.4.2" || p.UpgradeCode != upgradeCode {
				t.Errorf("Product = %q %q %q", p.Name, p.Version, p.UpgradeCode)
			}
			if p.Package.InstallScope != "perMachine" || p.MajorUpgrade == nil {
				t.Errorf("not a per-machine package with major upgrades")
			}
			if p.Icon.SourceFile != tc.in.IconFile {
				t.Errorf("icon %q, want %q", p.Icon.SourceFile, tc.in.IconFile)
			}
			if len(p.Directory.Dirs) == 0 || p.Directory.Dirs[0].Id != "ProgramFiles64Folder" || len(p.Directory.Dirs[0].Dirs) != 1 {
				t.Fatalf("program folder not under ProgramFiles64Folder: %+v", p.Directory)
			}
			c := p.Directory.Dirs[0].Dirs[0].Component
			if c.Guid != componentGUID || c.File.Name != "motcua.exe" || c.File.Source != tc.in.ExeFile {
				t.Errorf("component = %+v", c)
			}
			if c.Shortcut.Directory != "ProgramMenuFolder" || c.Shortcut.Target != "[#motcua.exe]" || c.Shortcut.Icon != p.Icon.Id {
				t.Errorf("shortcut = %+v", c.Shortcut)
			}
		})
	}
}

func inComment(s string, i int) bool {
	return strings.LastIndex(s[:i], "<!--") > strings.LastIndex(s[:i], "-->")
}

func TestASCII(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tones", "Một Cửa", "Mot Cua"},
		{"đ both cases", "Đồng đội", "Dong doi"},
		{"dash", "a – b", "a - b"},
		{"decomposed input", "Mo\u0302\u0323t", "Mot"},
		{"outside Vietnamese", "日", "?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ascii(tc.in); got != tc.want {
				t.Errorf("ascii(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLocalize(t *testing.T) {
	q, err := Localize(testApp())
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(q, "\n")
	for _, want := range []string{
		"UPDATE `Property` SET `Value` = 'Một Cửa' WHERE `Property` = 'ProductName'",
		"SET `Value` = '" + company + "' WHERE `Property` = 'Manufacturer'",
		"SET `Name` = 'MOTCUA|Một Cửa' WHERE `Shortcut` = 'StartMenu'",
		"DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'",
		"VALUES ('" + upgradeCode + "', '1.4.2', 513, 'WIX_UPGRADE_DETECTED')",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("queries lack %s:\n%s", want, all)
		}
	}
	bad := testApp()
	bad.Name = "Một 'Cửa'"
	if _, err := Localize(bad); err == nil {
		t.Error("a quote in a text was accepted into MSI SQL")
	}
	if got := ForceCodepage(); !strings.Contains(got, "1258\t_ForceCodepage") {
		t.Errorf("ForceCodepage = %q", got)
	}
}
