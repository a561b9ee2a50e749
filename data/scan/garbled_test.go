package scan

import (
	"slices"
	"strings"
	"testing"
)

// card is an ID card QR with the name, gender and address given.
func card(name, gender, address string) string {
	return "094195000001||" + name + "|05051995|" + gender + "|" + address + "|07072021"
}

var doubtCases = []struct {
	name string
	text string
	// fields the doubts name, in order, and a word each doubt quotes;
	// nil when the scan must pass.
	fields []string
	quotes []string
}{
	// Good scans that must pass.
	{name: "marked name and address", text: card("Trần Thị Ngọc Hân", "Nữ", "Số 12, đường 3/2, P. Xuân Khánh, Q. Ninh Kiều, TP Cần Thơ")},
	{name: "short syllables", text: card("Lê Văn Tư", "Nam", "Ấp 3, xã Mỹ Xuyên, Sóc Trăng")},
	{name: "decomposed text", text: card("Le\u0302 Va\u0306n Tu\u031b", "Nam", "Ca\u0302\u0300n Tho\u031b")},
	{name: "abbreviations of addresses", text: card("Phạm Minh", "Nam", "KP 4, Tp. Vị Thanh, Hậu Giang")},
	{name: "Ê Đê name without marks", text: card("Y Moan Enuol", "Nam", "Buôn Ma Thuột, Đắk Lắk")},
	{name: "Ê Đê name with an apostrophe", text: card("H'Hen Niê", "Nữ", "Krông Pắc, Đắk Lắk")},
	{name: "Jrai name", text: card("Ksor Kpa", "Nam", "Ayun Pa, Gia Lai")},
	{name: "one-word name", text: card("Minh", "Nam", "Cần Thơ")},
	{name: "trailing bar", text: card("Trần Văn Bình", "Nam", "Cần Thơ") + "|"},
	{name: "capitals", text: card("NGUYỄN THỊ HỒNG", "Nữ", "SÓC TRĂNG")},
	{name: "absent gender and address", text: card("Phạm Minh", "", "")},

	// Letters dropped by the keyboard.
	{name: "dropped letters", text: card("Trn Th Ngc Hn", "N", "Sc Trng"),
		fields: []string{"Họ và tên", "Giới tính", "Nơi thường trú"}, quotes: []string{"Trn", "“N”", "Sc"}},
	{name: "dropped single letters", text: card("L Vn T", "Nam", "Cần Thơ"),
		fields: []string{"Họ và tên"}, quotes: []string{"“L”, “Vn”, “T”"}},
	{name: "question marks", text: card("Nguy?n Th? H?ng", "N?", "S?c Tr?ng"),
		fields: []string{"Họ và tên", "Giới tính", "Nơi thường trú"}, quotes: []string{"?", "N?", "?"}},
	{name: "mojibake", text: card("NguyÃ¡Â»â€¦n", "Ná»¯", "SÃ³c TrÄƒng"),
		fields: []string{"Họ và tên", "Giới tính", "Nơi thường trú"}, quotes: []string{"Ã", "Ná»¯", "Ã"}},
	{name: "replacement characters", text: card("Nguy\uFFFDn V\uFFFDn An", "Nam", "Cần Thơ"),
		fields: []string{"Họ và tên"}, quotes: []string{"\uFFFD"}},

	// Marks lost: ASCII only.
	{name: "ascii name of plain syllables", text: card("Tran Thi Ngoc Han", "Nu", "Soc Trang"),
		fields: []string{"Họ và tên", "Giới tính", "Nơi thường trú"}, quotes: []string{"không có dấu nào", "Nu", "không có dấu nào"}},
	{name: "vowels that need a mark", text: card("Nguyen Van Tien", "Nam", "Phuong 5, Vi Thanh"),
		fields: []string{"Họ và tên", "Nơi thường trú"}, quotes: []string{"“Nguyen”, “Tien”", "Phuong"}},
	{name: "one unmarked word among marked ones", text: card("Trương Thị Tuyet", "Nữ", "Cần Thơ"),
		fields: []string{"Họ và tên"}, quotes: []string{"Tuyet"}},

	// Wrong number of fields.
	{name: "cut short", text: "094195000001||Trần Thị Hân|05051995", fields: []string{"Mã QR"}, quotes: []string{"có 4 trường"}},
	{name: "a bar too many", text: "094195000001||Trần Thị|Hân|05051995|Nữ|Sóc Trăng|07072021",
		fields: []string{"Mã QR", "Giới tính"}, quotes: []string{"có 8 trường", "05051995"}},
}

func TestDoubts(t *testing.T) {
	for _, tc := range doubtCases {
		t.Run(tc.name, func(t *testing.T) {
			ds := Doubts(tc.text)
			var fields []string
			for _, d := range ds {
				fields = append(fields, d.Field)
			}
			if !slices.Equal(fields, tc.fields) {
				t.Fatalf("Doubts name %q, want %q\n%v", fields, tc.fields, ds)
			}
			for i, d := range ds {
				if !strings.Contains(d.What, tc.quotes[i]) {
					t.Errorf("doubt %q does not quote %q", d, tc.quotes[i])
				}
			}
		})
	}
}

// The ID card cases that parse and are not garbled raise no doubt.
func TestDoubtsOfGoodCards(t *testing.T) {
	for _, tc := range idCardCases {
		if tc.bad != nil || strings.ContainsAny(tc.text, "?Ã") {
			continue
		}
		if ds := Doubts(tc.text); ds != nil && tc.name != "absent dates, extra field ignored" {
			t.Errorf("%s: Doubts = %v, want none", tc.name, ds)
		}
	}
}

func TestSyllableShape(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"lan", shapePlain}, {"thi", shapePlain}, {"gi", shapePlain}, {"giang", shapePlain}, {"quy", shapePlain},
		{"hoang", shapePlain}, {"khuya", shapePlain}, {"ngoc", shapePlain}, {"nghia", shapePlain},
		{"nguyen", shapeNeedsMarks}, {"truong", shapeNeedsMarks}, {"yen", shapeNeedsMarks}, {"kieu", shapeNeedsMarks},
		{"ksor", shapeOther}, {"enuol", shapeOther}, {"kpa", shapeOther}, {"john", shapeOther},
	} {
		if got := syllableShape(tc.word); got != tc.want {
			t.Errorf("syllableShape(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

func FuzzDoubts(f *testing.F) {
	for _, tc := range doubtCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range Doubts(text) {
			if d.Field == "" || d.What == "" {
				t.Fatalf("empty doubt %+v", d)
			}
		}
	})
}
