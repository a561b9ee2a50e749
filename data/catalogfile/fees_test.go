package catalogfile

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"motcua/data"
)

var feeCases = []struct {
	name   string
	text   string
	known  bool
	amount int64 // 0 with known: no fee
	kind   data.FeeKind
	unit   string
	exempt bool
	reason string // words of the review reason
}{
	// One amount.
	{name: "plain", text: "50.000 đồng", known: true, amount: 50000},
	{name: "national database figures", text: "8,000 VNĐ", known: true, amount: 8000},
	{name: "per unit in brackets", text: "50,000 Việt Nam Đồng (/giao dịch)", known: true, amount: 50000, unit: "giao dịch"},
	{name: "kind and unit named", text: "Lệ phí: 8.000 đồng/bản", known: true, amount: 8000, kind: data.FeeLePhi, unit: "bản"},
	{name: "phí named", text: "Phí chứng thực: 10.000 đồng/trường hợp", known: true, amount: 10000, kind: data.FeePhi, unit: "trường hợp"},
	{name: "đ glued", text: "Mức thu: 400.000đ/trường hợp", known: true, amount: 400000, unit: "trường hợp"},
	{name: "no separator", text: "5000 đồng", known: true, amount: 5000},
	{name: "same amount on three channels",
		text:  "Trực tuyến: 8,000 VNĐ (8.000 đồng/Văn bản xác nhận về một việc hộ tịch của cá nhân đã đăng ký. Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật.); Dịch vụ bưu chính: 8,000 VNĐ (8.000 đồng/Văn bản xác nhận về một việc hộ tịch của cá nhân đã đăng ký.); Trực tiếp: 8,000 VNĐ",
		known: true, amount: 8000, kind: data.FeeLePhi, exempt: true},
	{name: "exemption named after the amount",
		text:  "50,000 Việt Nam Đồng (/giao dịch) — Cá nhân, hộ gia đình vay vốn tại tổ chức tín dụng để phục vụ phát triển nông nghiệp, nông thôn theo quy định tại Nghị định số 55/2015/NĐ-về chính sách tín dụng thì không phải nộp phí chứng thực hợp đồng thế chấp tài sản.",
		known: true, amount: 50000, kind: data.FeePhi, unit: "giao dịch", exempt: true},
	{name: "dates and document numbers are no amounts",
		text:  "10.000 đồng (theo Thông tư số 281/2016/TT-BTC ngày 14/11/2016)",
		known: true, amount: 10000, kind: data.FeeUnstated},
	{name: "zero", text: "0 đồng", known: true},

	// Several amounts.
	{name: "online and counter", text: "Trực tiếp: 10,000 Việt Nam Đồng (Trường hợp công dân nộp hồ sơ trực tiếp thu 10.000 đồng/lần đăng ký;); Trực tuyến: 5,000 Việt Nam Đồng (Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 5000 đồng/lần đăng ký;)",
		reason: "nhiều mức thu 10.000 5.000"},
	{name: "per-page steps", text: "2,000 Việt Nam Đồng (2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản.)", reason: "nhiều mức thu"},
	{name: "amounts without space", text: "8.000đ;5.000đ", reason: "nhiều mức thu"},
	{name: "foreign currency", text: "Trực tiếp: 10,000 Việt Nam Đồng (/trường hợp); Trực tiếp: 10 USD (/bản) — Tại cơ quan đại diện: 10 USD/bản.", reason: "ngoại tệ"},

	// Ranges, caps and rates.
	{name: "range", text: "từ 10.000 đến 50.000 đồng", reason: "khoảng"},
	{name: "range with a dash", text: "Từ 10.000 - 50.000 đồng", reason: "khoảng"},
	{name: "range, both in đồng", text: "từ 10.000 đồng đến 50.000 đồng", reason: "nhiều mức thu"},
	{name: "cap", text: "Tối đa 100.000 đồng/hồ sơ", reason: "khoảng tối đa"},
	{name: "percentage", text: "0,15% giá trị tài sản, tối thiểu 20.000 đồng", reason: "khoảng"},
	{name: "too much", text: "150.000.000 đồng", reason: "vượt"},

	// No amount.
	{name: "Không", text: "Không", known: true},
	{name: "Miễn lệ phí", text: "Miễn lệ phí.", known: true},
	{name: "Miễn phí", text: "Miễn phí", known: true},
	{name: "free with a note", text: "Miễn phí (Không quy định.)", known: true},
	{name: "free on every channel, optional copy fee noted",
		text:  "Trực tuyến: Miễn phí (Phí cấp bản sao Trích lục đăng ký giám hộ (nếu có yêu cầu) thực hiện theo quy định tại Thông tư số 281/2016/TT-BTC ngày 14/11/2016 của Bộ Tài chính.); Dịch vụ bưu chính: Miễn phí; Trực tiếp: Miễn phí (Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật.)",
		known: true, exempt: true},
	{name: "placeholder, rate set by the province",
		text:   "Miễn phí (Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định. Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật.)",
		exempt: true, reason: "văn bản khác"},
	{name: "placeholder, per the law", text: "Miễn phí (Theo quy định của Luật phí và lệ phí và các văn bản quy phạm pháp luật hướng dẫn Luật phí và lệ phí)", reason: "văn bản khác"},
	{name: "amount in words", text: "Một trăm nghìn đồng", reason: "không đọc được"},
	{name: "millions in words", text: "1,5 triệu đồng", reason: "không đọc được"},
	{name: "empty", text: "  ", reason: "không có thông tin"},
}

func TestReadFees(t *testing.T) {
	for _, tc := range feeCases {
		t.Run(tc.name, func(t *testing.T) {
			r := ReadFees(tc.text)
			s := r.Fees
			if s.Known != tc.known {
				t.Fatalf("Known = %v (reason %q), want %v", s.Known, r.Reason, tc.known)
			}
			if s.Exemptible != tc.exempt {
				t.Errorf("Exemptible = %v, want %v", s.Exemptible, tc.exempt)
			}
			if !tc.known {
				if len(s.Amounts) != 0 || r.Reason == "" {
					t.Errorf("review reading has amounts %v or no reason", s.Amounts)
				}
				for _, w := range strings.Fields(tc.reason) {
					if !strings.Contains(r.Reason, w) {
						t.Errorf("reason %q lacks %q", r.Reason, w)
					}
				}
				return
			}
			if r.Reason != "" {
				t.Errorf("read with a reason %q", r.Reason)
			}
			if tc.amount == 0 {
				if len(s.Amounts) != 0 {
					t.Errorf("no-fee text read as %+v", s.Amounts)
				}
				return
			}
			want := data.FeeAmount{Kind: tc.kind, Amount: tc.amount, Unit: tc.unit}
			if len(s.Amounts) != 1 || s.Amounts[0] != want {
				t.Errorf("amounts %+v, want [%+v]", s.Amounts, want)
			}
		})
	}
}

// TestReadFeesSample reads every fees text of the sample catalogue: the
// shapes a real export has.
func TestReadFeesSample(t *testing.T) {
	raw, err := os.ReadFile("../../assets/catalog/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		Code     string  `json:"code"`
		FeesText *string `json:"fees_text"`
	}
	if err := json.Unmarshal(raw, &recs); err != nil {
		t.Fatal(err)
	}
	read := map[string]string{}
	count := map[string]int{}
	for _, r := range recs {
		text := ""
		if r.FeesText != nil {
			text = *r.FeesText
		}
		f := ReadFees(text)
		switch {
		case !f.Fees.Known:
			read[r.Code] = "review"
		case len(f.Fees.Amounts) == 0:
			read[r.Code] = "free"
		default:
			read[r.Code] = f.Fees.Text()
		}
		count[read[r.Code]]++
	}
	for code, want := range map[string]string{
		"1.001193": "free",                              // "Miễn phí"
		"1.000894": "free",                              // "Miễn lệ phí. Phí cấp bản sao … (nếu có yêu cầu)"
		"1.000656": "review",                            // "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh …"
		"1.013978": "review",                            // "Theo quy định của Luật phí và lệ phí"
		"1.003677": "review",                            // no text
		"2.000635": "Phí, lệ phí 8.000 đồng",            // "8,000 VNĐ"
		"2.002516": "Lệ phí 8.000 đồng",                 // same amount on three channels
		"2.001263": "Lệ phí 400.000 đồng/trường hợp",    // adoption
		"2.001035": "Phí 50.000 đồng/giao dịch",         // "không phải nộp phí chứng thực"
		"2.000913": "Phí, lệ phí 30.000 đồng/giao dịch", // kind unstated
		"2.000815": "review",                            // VND and USD
		"2.000942": "review",                            // per-page steps with a cap
		"1.004222": "review",                            // online 10.000, counter 20.000
		"1.001612": "review",                            // 150.000 and 50.000
		"1.004837": "free",                              // free on every channel
	} {
		if read[code] != want {
			t.Errorf("%s read as %q, want %q", code, read[code], want)
		}
	}
	t.Logf("sample: %v", count)
}

func FuzzReadFees(f *testing.F) {
	for _, tc := range feeCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := ReadFees(text)
		s := r.Fees
		if s.Known == (r.Reason != "") {
			t.Fatalf("%q: known %v with reason %q", text, s.Known, r.Reason)
		}
		if len(s.Amounts) > 1 || !s.Known && len(s.Amounts) > 0 {
			t.Fatalf("%q: amounts %+v", text, s.Amounts)
		}
		for _, a := range s.Amounts {
			if a.Amount <= 0 || a.Amount > data.MaxFee {
				t.Fatalf("%q: amount %d", text, a.Amount)
			}
			// The amount read is written in the text.
			if !strings.Contains(strings.NewReplacer(".", "", ",", "").Replace(text), strconv.FormatInt(a.Amount, 10)) {
				t.Fatalf("%q: amount %d not in the text", text, a.Amount)
			}
		}
	})
}
