package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// App is what the Windows packages say about the program, read from
// FyneApp.toml so that the version is written in one place.
type App struct {
	Name    string // shown in the Start menu and in Apps & features
	ID      string
	Icon    string // PNG, relative to the repository root
	Version string // major.minor.patch
	Build   int
	Exe     string // file name without .exe
	Website string
}

// fyneApp is the part of FyneApp.toml that matters here.
type fyneApp struct {
	Website string
	Details struct {
		Icon    string
		Name    string
		ID      string
		Version string
		Build   int
	}
	Release struct {
		BuildName string
	}
}

// ReadApp parses FyneApp.toml and checks that its version fits what
// Windows Installer can compare: only the first three fields count for an
// upgrade, major and minor up to 255, patch up to 65535.
func ReadApp(r io.Reader) (App, error) {
	var f fyneApp
	if _, err := toml.NewDecoder(r).Decode(&f); err != nil {
		return App{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	a := App{
		Name:    f.Details.Name,
		ID:      f.Details.ID,
		Icon:    f.Details.Icon,
		Version: f.Details.Version,
		Build:   f.Details.Build,
		Exe:     f.Release.BuildName,
		Website: f.Website,
	}
	if a.Exe == "" {
		a.Exe = "motcua"
	}
	switch {
	case a.Name == "":
		return App{}, fmt.Errorf("FyneApp.toml: Details.Name is empty")
	case a.Icon == "":
		return App{}, fmt.Errorf("FyneApp.toml: Details.Icon is empty")
	}
	if _, err := versionFields(a.Version); err != nil {
		return App{}, fmt.Errorf("FyneApp.toml: Details.Version: %w", err)
	}
	if a.Build < 0 || a.Build > 65535 {
		return App{}, fmt.Errorf("FyneApp.toml: Details.Build %d is not between 0 and 65535", a.Build)
	}
	return a, nil
}

// versionFields splits major.minor.patch and checks each field's range.
func versionFields(v string) ([3]int, error) {
	var out [3]int
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return out, fmt.Errorf("%q is not major.minor.patch", v)
	}
	limits := [3]int{255, 255, 65535}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || p != strconv.Itoa(n) || n < 0 {
			return out, fmt.Errorf("%q: field %q is not a number", v, p)
		}
		if n > limits[i] {
			return out, fmt.Errorf("%q: field %d is above %d", v, n, limits[i])
		}
		out[i] = n
	}
	return out, nil
}

// FileVersion is the four-field version of the exe: the version, then the
// build number.
func (a App) FileVersion() string { return fmt.Sprintf("%s.%d", a.Version, a.Build) }

// MSIName is the installer's file name.
func (a App) MSIName() string { return fmt.Sprintf("%s-%s-x64.msi", a.Exe, a.Version) }
