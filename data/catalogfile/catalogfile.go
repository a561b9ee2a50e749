// Package catalogfile reads procedure catalogues from the province's JSON
// export and from CSV. A file with any bad record is refused whole, with
// every bad record and field named, so a half-imported catalogue never
// reaches a counter.
package catalogfile

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"motcua/data"
)

// Parse reads a catalogue; name's extension (.json or .csv) picks the
// format, and content that starts with '[' is taken as JSON.
func Parse(name string, r io.Reader) ([]data.Procedure, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("catalogfile: read %s: %w", name, err)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if err := checkEncoding(raw); err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(raw)
	if strings.EqualFold(filepath.Ext(name), ".json") || bytes.HasPrefix(trimmed, []byte("[")) {
		return ParseJSON(raw)
	}
	return ParseCSV(raw)
}

// checkEncoding refuses anything that is not UTF-8, naming the first bad line.
func checkEncoding(raw []byte) error {
	if bytes.HasPrefix(raw, []byte{0xff, 0xfe}) || bytes.HasPrefix(raw, []byte{0xfe, 0xff}) {
		return data.Errorf(data.EInvalid, "Tệp danh mục mã hoá UTF-16; hãy lưu lại bằng UTF-8.")
	}
	if utf8.Valid(raw) {
		return nil
	}
	line := 1
	for len(raw) > 0 {
		r, size := utf8.DecodeRune(raw)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line++
		}
		raw = raw[size:]
	}
	return data.Errorf(data.EInvalid, "Tệp danh mục không phải UTF-8 (lỗi mã hoá ở dòng %d); hãy lưu lại bằng UTF-8.", line)
}

// jsonRecord is one record of the province's JSON export. Pointers tell a
// missing field from an empty one.
type jsonRecord struct {
	Code                 *string        `json:"code"`
	Name                 *string        `json:"name"`
	Field                *string        `json:"field"`
	Level                *string        `json:"level"`
	TimeLimitText        *string        `json:"time_limit_text"`
	TimeLimitWorkingDays *float64       `json:"time_limit_working_days"`
	SameDayCutoff        *string        `json:"same_day_cutoff"`
	FeesText             *string        `json:"fees_text"`
	PostalAllowed        *bool          `json:"postal_allowed"`
	Documents            []jsonDocument `json:"documents"`
}

type jsonDocument struct {
	Name       *string `json:"name"`
	CopiesText *string `json:"copies_text"`
	Originals  *int    `json:"originals"`
	Copies     *int    `json:"copies"`
	Case       *string `json:"case"`
	Form       *string `json:"form"`
}

// ParseJSON reads an array of procedure records.
func ParseJSON(raw []byte) ([]data.Procedure, error) {
	var records []json.RawMessage
	if err := json.Unmarshal(raw, &records); err != nil {
		return nil, data.Errorf(data.EInvalid, "Tệp danh mục không phải JSON hợp lệ (cần một mảng các thủ tục): %s", jsonProblem(raw, err))
	}
	var bad data.Fields
	ps := make([]data.Procedure, 0, len(records))
	for i, rec := range records {
		where := fmt.Sprintf("bản ghi %d", i+1)
		var jr jsonRecord
		if err := json.Unmarshal(rec, &jr); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				bad.Add(where+", trường "+te.Field, "sai kiểu dữ liệu (cần %s)", typeName(te.Type.String()))
			} else {
				bad.Add(where, "không phải một đối tượng JSON")
			}
			continue
		}
		p, fieldErrs := jr.procedure()
		for _, fe := range fieldErrs {
			bad.Add(where+codeSuffix(p.Code)+", trường "+fe.Field, "%s", fe.Message)
		}
		ps = append(ps, p)
	}
	return finish(ps, bad)
}

func codeSuffix(code string) string {
	if code == "" {
		return ""
	}
	return " (" + code + ")"
}

func typeName(goType string) string {
	switch {
	case strings.Contains(goType, "string"):
		return "chuỗi"
	case strings.Contains(goType, "float"), strings.Contains(goType, "int"):
		return "số"
	case strings.Contains(goType, "bool"):
		return "true/false"
	case strings.HasPrefix(goType, "[]"):
		return "mảng"
	}
	return "đối tượng"
}

func jsonProblem(raw []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(raw[:min(int(se.Offset), len(raw))], []byte("\n"))
		return fmt.Sprintf("lỗi cú pháp ở dòng %d", line)
	}
	return "nội dung không phải mảng"
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return data.Clean(*p)
}

func (jr jsonRecord) procedure() (data.Procedure, data.Fields) {
	var bad data.Fields
	p := data.Procedure{
		Code:          str(jr.Code),
		Name:          str(jr.Name),
		Field:         str(jr.Field),
		Level:         str(jr.Level),
		TimeLimitText: str(jr.TimeLimitText),
		SameDayCutoff: str(jr.SameDayCutoff),
		FeesText:      str(jr.FeesText),
	}
	p.Fees = ReadFees(p.FeesText).Fees
	if jr.PostalAllowed != nil {
		p.PostalAllowed = *jr.PostalAllowed
	}
	if d := jr.TimeLimitWorkingDays; d != nil {
		if *d != float64(int(*d)) || *d < 0 || *d > data.MaxWorkingDays {
			bad.Add("time_limit_working_days", "phải là số nguyên từ 0 đến %d", data.MaxWorkingDays)
		} else {
			n := int(*d)
			p.WorkingDays = &n
		}
	}
	for j, d := range jr.Documents {
		doc := data.RequiredDocument{
			Name:       str(d.Name),
			CopiesText: str(d.CopiesText),
			Case:       str(d.Case),
			Form:       str(d.Form),
		}
		doc.Originals, doc.Copies = countsFromText(doc.CopiesText)
		if d.Originals != nil {
			doc.Originals = *d.Originals
		}
		if d.Copies != nil {
			doc.Copies = *d.Copies
		}
		if doc.Name == "" {
			bad.Add(fmt.Sprintf("documents[%d].name", j), "thiếu tên giấy tờ")
		}
		if doc.Originals < 0 || doc.Copies < 0 {
			bad.Add(fmt.Sprintf("documents[%d]", j), "số bản không được âm")
		}
		p.Documents = append(p.Documents, doc)
	}
	bad = append(bad, validate(p)...)
	return p, bad
}

// validate checks what every record must have, whatever its format.
func validate(p data.Procedure) data.Fields {
	var bad data.Fields
	switch {
	case p.Code == "":
		bad.Add("code", "thiếu mã thủ tục")
	case !data.ProcedureCodePattern.MatchString(p.Code):
		bad.Add("code", "mã thủ tục %q không đúng dạng (ví dụ 1.001193)", p.Code)
	}
	if p.Name == "" {
		bad.Add("name", "thiếu tên thủ tục")
	}
	if _, err := data.ParseClock(p.SameDayCutoff); err != nil {
		bad.Add("same_day_cutoff", "giờ %q không đúng dạng HH:MM", p.SameDayCutoff)
	}
	return bad
}

// finish refuses the whole file when any record was bad or a code repeats.
func finish(ps []data.Procedure, bad data.Fields) ([]data.Procedure, error) {
	seen := make(map[string]int, len(ps))
	for i, p := range ps {
		if p.Code == "" {
			continue
		}
		if first, ok := seen[p.Code]; ok {
			bad.Add(fmt.Sprintf("bản ghi %d (%s), trường code", i+1, p.Code), "trùng mã với bản ghi %d", first+1)
			continue
		}
		seen[p.Code] = i
	}
	if len(ps) == 0 && len(bad) == 0 {
		return nil, data.Errorf(data.EInvalid, "Tệp danh mục không có thủ tục nào.")
	}
	if err := bad.Err(fmt.Sprintf("Tệp danh mục có %d lỗi; chưa nhập thủ tục nào.", len(bad))); err != nil {
		return nil, err
	}
	return ps, nil
}

var (
	originalsPattern = regexp.MustCompile(`(\d+)\s*bản chính`)
	copiesPattern    = regexp.MustCompile(`(\d+)\s*bản sao`)
)

// countsFromText reads "1 bản chính, 1 bản sao" as published.
func countsFromText(s string) (originals, copies int) {
	if m := originalsPattern.FindStringSubmatch(s); m != nil {
		originals, _ = strconv.Atoi(m[1])
	}
	if m := copiesPattern.FindStringSubmatch(s); m != nil {
		copies, _ = strconv.Atoi(m[1])
	}
	return originals, copies
}

// CSVColumns are the columns of the CSV format, in any order; code and
// name are required, the others optional.
var CSVColumns = []string{"code", "name", "field", "level", "time_limit_text", "working_days", "same_day_cutoff", "fees_text", "postal_allowed", "documents"}

// ParseCSV reads a CSV catalogue with a header row naming CSVColumns.
// The documents cell holds one paper a line: "name | 1 bản chính, 1 bản sao".
func ParseCSV(raw []byte) ([]data.Procedure, error) {
	cr := csv.NewReader(bytes.NewReader(raw))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, data.Errorf(data.EInvalid, "Tệp CSV không đọc được dòng tiêu đề.")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	var bad data.Fields
	for _, need := range []string{"code", "name"} {
		if _, ok := col[need]; !ok {
			bad.Add("dòng 1", "thiếu cột %q", need)
		}
	}
	for h := range col {
		if !slices.Contains(CSVColumns, h) {
			bad.Add("dòng 1", "cột %q không có trong định dạng (các cột: %s)", h, strings.Join(CSVColumns, ", "))
		}
	}
	if len(bad) > 0 {
		return finish(nil, bad)
	}
	var ps []data.Procedure
	for {
		line, _ := cr.FieldPos(0)
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad.Add(fmt.Sprintf("dòng %d", pe.Line), "lỗi cú pháp CSV")
			} else {
				bad.Add("tệp", "lỗi đọc CSV")
			}
			break
		}
		line, _ = cr.FieldPos(0)
		cell := func(name string) string {
			if i, ok := col[name]; ok && i < len(row) {
				return data.Clean(row[i])
			}
			return ""
		}
		p := data.Procedure{
			Code: cell("code"), Name: cell("name"), Field: cell("field"), Level: cell("level"),
			TimeLimitText: cell("time_limit_text"), SameDayCutoff: cell("same_day_cutoff"), FeesText: cell("fees_text"),
		}
		p.Fees = ReadFees(p.FeesText).Fees
		where := fmt.Sprintf("dòng %d%s, cột ", line, codeSuffix(p.Code))
		if v := cell("working_days"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > data.MaxWorkingDays {
				bad.Add(where+"working_days", "phải là số nguyên từ 0 đến %d", data.MaxWorkingDays)
			} else {
				p.WorkingDays = &n
			}
		}
		switch v := strings.ToLower(cell("postal_allowed")); v {
		case "", "false", "0", "không", "khong":
		case "true", "1", "có", "co":
			p.PostalAllowed = true
		default:
			bad.Add(where+"postal_allowed", "phải là true hoặc false")
		}
		if i, ok := col["documents"]; ok && i < len(row) {
			p.Documents = csvDocuments(row[i])
		}
		for _, fe := range validate(p) {
			bad.Add(where+fe.Field, "%s", fe.Message)
		}
		ps = append(ps, p)
	}
	return finish(ps, bad)
}

func csvDocuments(cell string) []data.RequiredDocument {
	var docs []data.RequiredDocument
	for _, line := range strings.Split(cell, "\n") {
		name, counts, _ := strings.Cut(line, "|")
		name = data.Clean(name)
		if name == "" {
			continue
		}
		doc := data.RequiredDocument{Name: name, CopiesText: data.Clean(counts)}
		doc.Originals, doc.Copies = countsFromText(doc.CopiesText)
		docs = append(docs, doc)
	}
	return docs
}
