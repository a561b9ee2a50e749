package catalogfile

import (
	"os"
	"strings"
	"testing"

	"motcua/data"
)

func TestParseSample(t *testing.T) {
	f, err := os.Open("../../assets/catalog/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := Parse("sample.json", f)
	if err != nil {
		t.Fatalf("sample refused: %v", err)
	}
	if len(ps) != 61 {
		t.Fatalf("got %d procedures, want 61", len(ps))
	}
	byCode := map[string]data.Procedure{}
	for _, p := range ps {
		byCode[p.Code] = p
	}
	birth := byCode["1.001193"]
	if birth.Name != "Thủ tục đăng ký khai sinh" || birth.WorkingDays != nil || birth.SameDayCutoff != "15:00" || !birth.PostalAllowed {
		t.Errorf("1.001193 = %+v", birth)
	}
	if d := byCode["1.004837"].WorkingDays; d == nil || *d != 3 {
		t.Errorf("1.004837 working days = %v, want 3", d)
	}
	for _, p := range ps {
		for _, d := range p.Documents {
			if d.CopiesText == "0 bản chính,1 bản sao" && (d.Originals != 0 || d.Copies != 1) {
				t.Fatalf("%s: %q read as %d/%d", p.Code, d.CopiesText, d.Originals, d.Copies)
			}
		}
	}
}

func TestParseRefusesWholeFile(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		input string
		want  []string // each must appear in the message
	}{
		{"missing code", "x.json", `[{"code":"1.000001","name":"A"},{"name":"B"}]`, []string{"bản ghi 2", "code", "thiếu mã"}},
		{"missing name", "x.json", `[{"code":"1.000001"}]`, []string{"bản ghi 1", "name"}},
		{"malformed code", "x.json", `[{"code":"1-0001","name":"A"}]`, []string{"bản ghi 1", "1-0001"}},
		{"wrong type", "x.json", `[{"code":"1.000001","name":"A","time_limit_working_days":"năm"}]`, []string{"bản ghi 1", "time_limit_working_days", "số"}},
		{"wrong bool", "x.json", `[{"code":"1.000001","name":"A","postal_allowed":"có"}]`, []string{"postal_allowed"}},
		{"fractional days", "x.json", `[{"code":"1.000001","name":"A","time_limit_working_days":2.5}]`, []string{"time_limit_working_days"}},
		{"bad cutoff", "x.json", `[{"code":"1.000001","name":"A","same_day_cutoff":"3pm"}]`, []string{"same_day_cutoff"}},
		{"duplicate code", "x.json", `[{"code":"1.000001","name":"A"},{"code":"1.000001","name":"B"}]`, []string{"bản ghi 2", "trùng"}},
		{"several bad", "x.json", `[{"code":"1.000001"},{"code":"x","name":"B"}]`, []string{"bản ghi 1", "bản ghi 2", "2 lỗi"}},
		{"not an array", "x.json", `{"code":"1.000001"}`, []string{"JSON"}},
		{"syntax", "x.json", "[\n{\"code\": }\n]", []string{"dòng 2"}},
		{"latin1", "x.json", "[{\"code\":\"1.000001\",\"name\":\"Th\xe1 t\xfbc\"}]", []string{"UTF-8"}},
		{"utf16", "x.csv", "\xff\xfec\x00o\x00", []string{"UTF-16"}},
		{"empty", "x.json", `[]`, []string{"không có thủ tục"}},
		{"csv missing name column", "x.csv", "code\n1.000001\n", []string{"name"}},
		{"csv unknown column", "x.csv", "code,name,colour\n1.000001,A,red\n", []string{"colour"}},
		{"csv bad days", "x.csv", "code,name,working_days\n1.000001,A,3\n1.000002,B,ba\n", []string{"dòng 3", "working_days"}},
		{"csv bad code", "x.csv", "code,name\n1.000001,A\n2.x,B\n", []string{"dòng 3", "code"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := Parse(tt.file, strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("accepted: %+v", ps)
			}
			if ps != nil {
				t.Errorf("refused file still returned %d procedures", len(ps))
			}
			if data.ErrorCode(err) != data.EInvalid {
				t.Errorf("code = %q, want invalid", data.ErrorCode(err))
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
		})
	}
}

func TestParseCSV(t *testing.T) {
	in := "code,name,field,working_days,same_day_cutoff,postal_allowed,documents\n" +
		"1.000001,Thủ tục đăng ký khai tử,Hộ tịch,3,,true,\"Tờ khai | 1 bản chính\nGiấy báo tử | 0 bản chính, 1 bản sao\"\n" +
		"1.000002,Thủ tục khác,,,15:00,false,\n"
	ps, err := Parse("c.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("got %d", len(ps))
	}
	p := ps[0]
	if p.WorkingDays == nil || *p.WorkingDays != 3 || !p.PostalAllowed || len(p.Documents) != 2 {
		t.Fatalf("p = %+v", p)
	}
	if d := p.Documents[1]; d.Name != "Giấy báo tử" || d.Originals != 0 || d.Copies != 1 {
		t.Errorf("document = %+v", d)
	}
	if ps[1].WorkingDays != nil || ps[1].SameDayCutoff != "15:00" {
		t.Errorf("second = %+v", ps[1])
	}
}

func TestParseNormalizesToNFC(t *testing.T) {
	// "Đăng ký" written decomposed: D-stroke is precomposed, but the vowels
	// carry combining marks.
	nfd := "Thu\u0309 tu\u0323c đa\u0306ng ky\u0301"
	ps, err := Parse("x.json", strings.NewReader(`[{"code":"1.000001","name":"`+nfd+`"}]`))
	if err != nil {
		t.Fatal(err)
	}
	if ps[0].Name != "Thủ tục đăng ký" {
		t.Errorf("name %q is not NFC", ps[0].Name)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("x.json", `[{"code":"1.000001","name":"A","documents":[{"name":"B","copies_text":"1 bản chính"}]}]`)
	f.Add("x.csv", "code,name,documents\n1.000001,A,\"B | 1 bản sao\"\n")
	f.Fuzz(func(t *testing.T, name, input string) {
		ps, err := Parse(name, strings.NewReader(input))
		if err != nil && ps != nil {
			t.Fatal("error with procedures")
		}
		for _, p := range ps {
			if !data.ProcedureCodePattern.MatchString(p.Code) || p.Name == "" {
				t.Fatalf("invalid procedure accepted: %+v", p)
			}
		}
	})
}
