package main

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
	"golang.org/x/text/unicode/norm"
)

func testApp() App {
	return App{Name: "Một Cửa", ID: "vn.gov.motcua", Icon: "icon.png", Version: "1.4.2", Build: 7, Exe: "motcua", Website: "https://motcua.local"}
}

func testImage() image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 300))
	for x := 0; x < 300; x++ {
		img.Set(x, x, color.NRGBA{200, 0, 0, 255})
	}
	return img
}

func TestResources(t *testing.T) {
	a := testApp()
	ico, err := Icon(testImage())
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Resources(a, ico)
	if err != nil {
		t.Fatal(err)
	}
	data := rs.Get(winres.RT_VERSION, winres.ID(1), langVietnamese)
	if data == nil {
		t.Fatal("no Vietnamese version resource")
	}
	vi, err := version.FromBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	want := [4]uint16{1, 4, 2, 7}
	if vi.FileVersion != want || vi.ProductVersion != want {
		t.Errorf("versions = %v / %v, want %v", vi.FileVersion, vi.ProductVersion, want)
	}
	js, err := vi.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"ProductName":"Một Cửa"`, `"CompanyName":"` + company + `"`, `"FileVersion":"1.4.2.7"`, `"OriginalFilename":"motcua.exe"`} {
		if !bytes.Contains(js, []byte(s)) {
			t.Errorf("version information %s lacks %s", js, s)
		}
	}
	if rs.Get(winres.RT_MANIFEST, winres.ID(1), winres.LCIDDefault) == nil {
		t.Error("no manifest")
	}
	var icons int
	rs.WalkType(winres.RT_ICON, func(winres.Identifier, uint16, []byte) bool { icons++; return true })
	if icons != len(iconSizes) {
		t.Errorf("%d icon pictures, want %d", icons, len(iconSizes))
	}
	var obj bytes.Buffer
	if err := WriteSyso(&obj, rs); err != nil {
		t.Fatal(err)
	}
	// An amd64 COFF object: machine 0x8664, little-endian.
	if b := obj.Bytes(); len(b) < 2 || b[0] != 0x64 || b[1] != 0x86 {
		t.Errorf("resource object does not start as an amd64 COFF file: % x", obj.Bytes()[:min(4, obj.Len())])
	}
}

// Explorer shows these texts as they are: they must be composed
// Vietnamese, or accents land beside their letters.
func TestTextsAreNFC(t *testing.T) {
	for _, s := range []string{company, description, copyright, downgradeMessage} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC", s)
		}
	}
}
