// Command windows makes what the Windows packages of Một Cửa need from
// FyneApp.toml and the app's icon: the exe's resources (icon, version
// information, manifest), the installer's icon and its wixl source. It
// also reads a built exe's version information back, for CI. The
// Makefile's windows and msi targets run it; see scripts/msi.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	_ "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

const usage = `usage: go run ./packaging/windows [-app FyneApp.toml] COMMAND
  version              print the version (major.minor.patch)
  msi-name             print the installer's file name
  upgrade-code         print the installer's upgrade code
  resources SYSO       write the exe's resource object (icon, version, manifest)
  installer ICO WXS EXE
                       write the shortcut icon and the wixl source packing EXE
  localize MSI         write the Vietnamese texts into MSI (runs msibuild)
  check-exe EXE        print EXE's version information; fail unless it is this version
`

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "packaging/windows:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New(usage)

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("windows", flag.ContinueOnError)
	appFile := fs.String("app", "FyneApp.toml", "the app's metadata")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	args = fs.Args()
	if len(args) == 0 {
		return errUsage
	}
	a, err := loadApp(*appFile)
	if err != nil {
		return err
	}
	// The icon's path in FyneApp.toml is relative to that file.
	iconPath := filepath.Join(filepath.Dir(*appFile), a.Icon)
	switch cmd, rest := args[0], args[1:]; {
	case cmd == "version" && len(rest) == 0:
		fmt.Fprintln(stdout, a.Version)
	case cmd == "msi-name" && len(rest) == 0:
		fmt.Fprintln(stdout, a.MSIName())
	case cmd == "upgrade-code" && len(rest) == 0:
		fmt.Fprintln(stdout, upgradeCode)
	case cmd == "resources" && len(rest) == 1:
		return writeResources(a, iconPath, rest[0])
	case cmd == "installer" && len(rest) == 3:
		return writeInstaller(a, iconPath, rest[0], rest[1], rest[2])
	case cmd == "localize" && len(rest) == 1:
		return localize(a, rest[0])
	case cmd == "check-exe" && len(rest) == 1:
		return checkExe(a, rest[0], stdout)
	default:
		return errUsage
	}
	return nil
}

func loadApp(path string) (App, error) {
	f, err := os.Open(path)
	if err != nil {
		return App{}, err
	}
	defer f.Close()
	return ReadApp(f)
}

func loadIcon(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("icon %s: %w", path, err)
	}
	return img, nil
}

func writeResources(a App, iconPath, syso string) error {
	img, err := loadIcon(iconPath)
	if err != nil {
		return err
	}
	ico, err := Icon(img)
	if err != nil {
		return err
	}
	rs, err := Resources(a, ico)
	if err != nil {
		return err
	}
	return writeFile(syso, func(w io.Writer) error { return WriteSyso(w, rs) })
}

func writeInstaller(a App, iconPath, icoFile, wxsFile, exeFile string) error {
	img, err := loadIcon(iconPath)
	if err != nil {
		return err
	}
	ico, err := Icon(img)
	if err != nil {
		return err
	}
	if err := writeFile(icoFile, ico.SaveICO); err != nil {
		return err
	}
	in := Installer{App: a, ExeFile: exeFile, IconFile: icoFile}
	return writeFile(wxsFile, func(w io.Writer) error { return WriteWXS(w, in) })
}

func localize(a App, msi string) error {
	queries, err := Localize(a)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "motcua-msi-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	// msibuild names the imported table after the file.
	idt := filepath.Join(dir, "_ForceCodepage.idt")
	if err := os.WriteFile(idt, []byte(ForceCodepage()), 0o644); err != nil {
		return err
	}
	args := []string{msi, "-i", idt}
	for _, q := range queries {
		args = append(args, "-q", q)
	}
	cmd := exec.Command("msibuild", args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("msibuild %s: %w", msi, err)
	}
	return nil
}

func checkExe(a App, exe string, stdout io.Writer) error {
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	vi, err := ExeVersion(f)
	if err != nil {
		return fmt.Errorf("%s: %w", exe, err)
	}
	out, err := json.MarshalIndent(vi, "", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s\n", out)
	want, err := VersionInfo(a)
	if err != nil {
		return err
	}
	if vi.FileVersion != want.FileVersion || vi.ProductVersion != want.ProductVersion {
		return fmt.Errorf("%s carries version %v, FyneApp.toml says %s", exe, vi.FileVersion, a.FileVersion())
	}
	return nil
}

// writeFile writes through a temporary file so that a failed run leaves
// no half-written output behind.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
