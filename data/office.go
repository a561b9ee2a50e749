package data

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Office is the configuration of this workstation's office: what forms
// print in their headers and what dossier codes start with.
type Office struct {
	AgencyCode  string // electronic identifier, e.g. 000.30.12.H30
	Name        string // unit name as printed on forms
	Parent      string // parent authority, first line of the left header
	Place       string // place name in "…, ngày … tháng … năm …"
	Workstation int    // 1–9; draws dossier sequences W001–W999
	// TrackingPrefix is an optional URL written before the receipt QR
	// payload so that a phone camera opens the public tracking page.
	TrackingPrefix string
	PaperSize      string // "A4" (default) or "A5"
	// LockMinutes is how long the window waits, with no key pressed and
	// the mouse still, before it locks back to the login screen.
	LockMinutes int
	// Collector is the organisation that collects fees and issues the
	// receipts (tổ chức thu phí, lệ phí); zero until set up, and then an
	// office takes no fee.
	Collector FeeCollector
}

// DefaultLockMinutes is the idle time before the window locks, until an
// administrator sets another.
const DefaultLockMinutes = 15

// agencyCodePattern matches electronic identifiers of administrative
// units: 000.00.00.H30, 000.A0.01.H26, G01.xx.yy.Hnn.
var agencyCodePattern = regexp.MustCompile(`^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$`)

// Normalize cleans every text field and applies defaults.
func (o *Office) Normalize() {
	o.AgencyCode = Clean(o.AgencyCode)
	o.Name = Clean(o.Name)
	o.Parent = Clean(o.Parent)
	o.Place = Clean(o.Place)
	o.TrackingPrefix = Clean(o.TrackingPrefix)
	if o.PaperSize == "" {
		o.PaperSize = "A4"
	}
	if o.LockMinutes == 0 {
		o.LockMinutes = DefaultLockMinutes
	}
	c := &o.Collector
	c.Name, c.TaxCode, c.Address = Clean(c.Name), Clean(c.TaxCode), Clean(c.Address)
	c.FormSymbol, c.SeriesLetters = strings.ToUpper(Clean(c.FormSymbol)), strings.ToUpper(Clean(c.SeriesLetters))
	if c.Configured() {
		if c.FormSymbol == "" {
			c.FormSymbol = EReceiptFormSymbol
		}
		if c.SeriesLetters == "" {
			c.SeriesLetters = DefaultSeriesLetters
		}
	}
}

// Field names of the office set-up, as Validate names them: the set-up
// screen's fields and the init command's flags.
const (
	FieldAgencyCode     = "agency-code"
	FieldOfficeName     = "office"
	FieldParent         = "parent"
	FieldPlace          = "place"
	FieldWorkstation    = "workstation"
	FieldTrackingPrefix = "tracking-prefix"
	FieldPaper          = "paper"
	FieldLockMinutes    = "lock-minutes"
	// The fee collector's fields (FeeCollector.Validate).
	FieldFeeCollector     = "fee-collector"
	FieldTaxCode          = "tax-code"
	FieldCollectorAddress = "collector-address"
	FieldReceiptForm      = "receipt-form"
	FieldReceiptSeries    = "receipt-series"
)

// Validate names every field that is wrong.
func (o Office) Validate() error {
	var f Fields
	if !agencyCodePattern.MatchString(o.AgencyCode) {
		f.Add(FieldAgencyCode, "mã định danh cơ quan %q không đúng dạng (ví dụ 000.30.12.H30)", o.AgencyCode)
	}
	checkText := func(field, label, v string) {
		switch {
		case v == "":
			f.Add(field, "chưa nhập %s", label)
		case utf8.RuneCountInString(v) > 200:
			f.Add(field, "%s dài quá 200 ký tự", label)
		}
	}
	checkText(FieldOfficeName, "tên đơn vị", o.Name)
	checkText(FieldParent, "tên cơ quan chủ quản", o.Parent)
	checkText(FieldPlace, "địa danh", o.Place)
	if o.Workstation < 1 || o.Workstation > 9 {
		f.Add(FieldWorkstation, "số máy trạm phải từ 1 đến 9 (đang là %d)", o.Workstation)
	}
	if o.PaperSize != "A4" && o.PaperSize != "A5" {
		f.Add(FieldPaper, "khổ giấy phải là A4 hoặc A5")
	}
	if o.LockMinutes < 1 || o.LockMinutes > 240 {
		f.Add(FieldLockMinutes, "thời gian tự khoá phải từ 1 đến 240 phút (đang là %d)", o.LockMinutes)
	}
	// The collector is optional; once named, it must be whole.
	if c := o.Collector; c.Configured() || c.Address != "" {
		var de *Error
		if errors.As(c.Validate(), &de) {
			f = append(f, de.Fields...)
		}
	}
	return f.Err("Cấu hình đơn vị chưa hợp lệ.")
}

// OfficeService keeps the office configuration.
type OfficeService interface {
	// Office returns the configuration, or an ENotFound error before set-up.
	Office(ctx context.Context) (Office, error)
	// SaveOffice validates and stores the configuration.
	SaveOffice(ctx context.Context, o Office) error
}
