package main

import (
	"fmt"
	"image"
	"io"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// iconSizes are the pictures of the icon: Explorer's large views, the
// Start menu, the taskbar and the title bar.
var iconSizes = []int{256, 64, 48, 32, 24, 16}

// Icon makes the Windows icon from the app's picture.
func Icon(img image.Image) (*winres.Icon, error) {
	ico, err := winres.NewIconFromResizedImage(img, iconSizes)
	if err != nil {
		return nil, fmt.Errorf("icon: %w", err)
	}
	return ico, nil
}

// VersionInfo is what Explorer's Details tab shows for the exe.
func VersionInfo(a App) (version.Info, error) {
	var vi version.Info
	for key, value := range map[string]string{
		version.ProductName:      a.Name,
		version.CompanyName:      company,
		version.FileDescription:  description,
		version.LegalCopyright:   copyright,
		version.InternalName:     a.Exe,
		version.OriginalFilename: a.Exe + ".exe",
	} {
		if err := vi.Set(langVietnamese, key, value); err != nil {
			return vi, fmt.Errorf("version information %s: %w", key, err)
		}
	}
	// After the texts: these set the version in every language present.
	vi.SetFileVersion(a.FileVersion())
	vi.SetProductVersion(a.FileVersion())
	return vi, nil
}

// Resources is the exe's resource set: icon, version information and a
// manifest that asks for no elevation and sharp text on scaled screens.
func Resources(a App, icon *winres.Icon) (*winres.ResourceSet, error) {
	rs := &winres.ResourceSet{}
	// GLFW gives its window class the icon named GLFW_ICON, so the
	// taskbar shows the same picture as the Start menu.
	if err := rs.SetIcon(winres.Name("GLFW_ICON"), icon); err != nil {
		return nil, fmt.Errorf("icon resource: %w", err)
	}
	vi, err := VersionInfo(a)
	if err != nil {
		return nil, err
	}
	rs.SetVersionInfo(vi)
	rs.SetManifest(winres.AppManifest{
		Description:    description,
		Compatibility:  winres.Win10AndAbove,
		ExecutionLevel: winres.AsInvoker,
		DPIAwareness:   winres.DPIPerMonitorV2,
		LongPathAware:  true,
	})
	return rs, nil
}

// WriteSyso writes the resource set as the object file go build links
// into a windows/amd64 program.
func WriteSyso(w io.Writer, rs *winres.ResourceSet) error {
	if err := rs.WriteObject(w, winres.ArchAMD64); err != nil {
		return fmt.Errorf("resource object: %w", err)
	}
	return nil
}

// ExeVersion reads back the version information of a built exe.
func ExeVersion(exe io.ReadSeeker) (*version.Info, error) {
	rs, err := winres.LoadFromEXESingleType(exe, winres.RT_VERSION)
	if err != nil {
		return nil, fmt.Errorf("read resources: %w", err)
	}
	data := rs.Get(winres.RT_VERSION, winres.ID(1), langVietnamese)
	if data == nil {
		return nil, fmt.Errorf("no Vietnamese version information")
	}
	return version.FromBytes(data)
}
