package scan

import (
	"errors"
	"slices"
	"testing"
	"time"

	"motcua/data"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var idCardCases = []struct {
	name string
	text string
	want IDCard
	bad  []string // fields the error names; nil when the card parses
}{
	{
		name: "complete",
		text: "001099012345|123456789|Nguyễn Văn An|15031999|Nam|Số 1 phố Tràng Tiền, Hoàn Kiếm, Hà Nội|20042021",
		want: IDCard{Number: "001099012345", OldNumber: "123456789", Name: "Nguyễn Văn An", Gender: "Nam",
			Address: "Số 1 phố Tràng Tiền, Hoàn Kiếm, Hà Nội", BirthDate: date(1999, 3, 15), IssueDate: date(2021, 4, 20)},
	},
	{
		name: "no old number, 2000s female, trailing Enter",
		text: "093301001234||Trần Thị Bích|01022001|Nữ|Vị Thanh, Hậu Giang|10102021\r\n",
		want: IDCard{Number: "093301001234", Name: "Trần Thị Bích", Gender: "Nữ", Address: "Vị Thanh, Hậu Giang",
			BirthDate: date(2001, 2, 1), IssueDate: date(2021, 10, 10)},
	},
	{
		name: "decomposed text becomes NFC",
		text: "092088001234||Le\u0302 Va\u0306n Tu\u031b\u0300|29021988|Nam|Ca\u0302\u0300n Tho\u031b|01012022",
		want: IDCard{Number: "092088001234", Name: "Lê Văn Từ", Gender: "Nam", Address: "Cần Thơ",
			BirthDate: date(1988, 2, 29), IssueDate: date(2022, 1, 1)},
	},
	{
		name: "garbled name kept as it arrived",
		text: "094195000001||Nguy?n Th? H?ng|05051995|N?|S?c Tr?ng|07072021",
		want: IDCard{Number: "094195000001", Name: "Nguy?n Th? H?ng", Gender: "N?", Address: "S?c Tr?ng",
			BirthDate: date(1995, 5, 5), IssueDate: date(2021, 7, 7)},
	},
	{
		name: "mojibake name kept as it arrived",
		text: "094195000001||NguyÃ¡Â»â€¦n|05051995|Ná»¯|SÃ³c TrÄƒng|07072021",
		want: IDCard{Number: "094195000001", Name: "NguyÃ¡Â»â€¦n", Gender: "Ná»¯", Address: "SÃ³c TrÄƒng",
			BirthDate: date(1995, 5, 5), IssueDate: date(2021, 7, 7)},
	},
	{
		name: "absent dates, extra field ignored",
		text: "079200001234||Phạm Minh||Nam|TP Hồ Chí Minh||thêm",
		want: IDCard{Number: "079200001234", Name: "Phạm Minh", Gender: "Nam", Address: "TP Hồ Chí Minh"},
	},
	{name: "empty", text: "", bad: []string{"Số CMND cũ", "Họ và tên", "Ngày sinh", "Giới tính", "Nơi thường trú", "Ngày cấp"}},
	{name: "cut after the name", text: "001099012345|123456789|Nguyễn Văn An", bad: []string{"Ngày sinh", "Giới tính", "Nơi thường trú", "Ngày cấp"}},
	{name: "day 32", text: "001099012345||Nguyễn Văn An|32031999|Nam|Hà Nội|20042021", bad: []string{"Ngày sinh"}},
	{name: "month 13", text: "001099012345||Nguyễn Văn An|15131999|Nam|Hà Nội|20042021", bad: []string{"Ngày sinh"}},
	{name: "29 February of a common year", text: "001099012345||Nguyễn Văn An|29021999|Nam|Hà Nội|20042021", bad: []string{"Ngày sinh"}},
	{name: "seven-digit issue date", text: "001099012345||Nguyễn Văn An|15031999|Nam|Hà Nội|2004202", bad: []string{"Ngày cấp"}},
	{name: "slashed date", text: "001099012345||Nguyễn Văn An|15/03/1999|Nam|Hà Nội|20042021", bad: []string{"Ngày sinh"}},
	{name: "issued before birth", text: "001099012345||Nguyễn Văn An|15031999|Nam|Hà Nội|20041998", bad: []string{"Ngày cấp"}},
	{name: "number disagrees with birth year", text: "001099012345||Nguyễn Văn An|15032001|Nam|Hà Nội|20042021", bad: []string{"Số định danh cá nhân"}},
	{name: "unknown province", text: "003099012345||Nguyễn Văn An|15031999|Nam|Hà Nội|20042021", bad: []string{"Số định danh cá nhân"}},
	{name: "short old number", text: "001099012345|12345|Nguyễn Văn An|15031999|Nam|Hà Nội|20042021", bad: []string{"Số CMND cũ"}},
	{name: "no name", text: "001099012345|||15031999|Nam|Hà Nội|20042021", bad: []string{"Họ và tên"}},
	{name: "everything wrong", text: "00109901234X|1|| 1503 |Nam|Hà Nội|x", bad: []string{"Ngày sinh", "Ngày cấp", "Số định danh cá nhân", "Số CMND cũ", "Họ và tên"}},
}

func TestParseIDCard(t *testing.T) {
	for _, tc := range idCardCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseIDCard(tc.text)
			if tc.bad == nil {
				if err != nil {
					t.Fatalf("ParseIDCard: %v", err)
				}
				if got != tc.want {
					t.Fatalf("ParseIDCard = %+v, want %+v", got, tc.want)
				}
				return
			}
			var de *data.Error
			if !errors.As(err, &de) || de.Code != data.EInvalid {
				t.Fatalf("ParseIDCard = %+v, %v; want an EInvalid *data.Error", got, err)
			}
			var fields []string
			for _, f := range de.Fields {
				fields = append(fields, f.Field)
			}
			if !slices.Equal(fields, tc.bad) {
				t.Fatalf("error names fields %q, want %q\n%v", fields, tc.bad, err)
			}
		})
	}
}

func TestProvinces(t *testing.T) {
	if len(provinces) != 63 {
		t.Fatalf("%d province codes, want 63", len(provinces))
	}
	for code := range provinces {
		if len(code) != 3 || !allDigits(code) || code < "001" || code > "096" {
			t.Errorf("bad province code %q", code)
		}
	}
}

func TestCheckIDNumber(t *testing.T) {
	tests := []struct {
		name  string
		id    string
		birth time.Time
		ok    bool
	}{
		{"1900s male, no birth date", "001099012345", time.Time{}, true},
		{"1900s male", "001099012345", date(1999, 3, 15), true},
		{"1900s female", "092185000001", date(1985, 12, 31), true},
		{"2000s male", "093200000001", date(2000, 1, 1), true},
		{"2000s female", "094301000001", date(2001, 6, 1), true},
		{"2100s", "096400000001", date(2100, 1, 1), true},
		{"2200s female", "096700000001", date(2200, 1, 1), true},
		{"1800s", "001899000001", date(1899, 1, 1), true},
		{"surrounding space", " 001099012345 ", time.Time{}, true},
		{"empty", "", time.Time{}, false},
		{"eleven digits", "00109901234", time.Time{}, false},
		{"thirteen digits", "0010990123456", time.Time{}, false},
		{"old nine-digit ID", "123456789", time.Time{}, false},
		{"letter", "00109901234O", time.Time{}, false},
		{"inner space", "001 099 012345", time.Time{}, false},
		{"province 000", "000099012345", time.Time{}, false},
		{"province 003 unused", "003099012345", time.Time{}, false},
		{"province 097 beyond the list", "097099012345", time.Time{}, false},
		{"century disagrees", "001099012345", date(2099, 3, 15), false},
		{"year disagrees", "001099012345", date(1998, 3, 15), false},
		{"female digit, male century ok but year off", "001301000001", date(2011, 1, 1), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckIDNumber(tc.id, tc.birth)
			if (err == nil) != tc.ok {
				t.Fatalf("CheckIDNumber(%q, %v) = %v, want ok %v", tc.id, tc.birth.Format("2006-01-02"), err, tc.ok)
			}
			if err != nil && data.ErrorCode(err) != data.EInvalid {
				t.Fatalf("error %v has code %q", err, data.ErrorCode(err))
			}
		})
	}
}
