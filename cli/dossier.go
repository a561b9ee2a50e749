package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"motcua/counter"
	"motcua/data"
	"motcua/data/intake"
)

const usageDossier = `  intake --json TỆP|-                  tiếp nhận một hồ sơ mô tả bằng JSON; dòng đầu: mã hồ sơ
  receipt MÃ -o TỆP.pdf [--reprint]    in giấy tiếp nhận (Mẫu 01); lần sau phải có --reprint
  show MÃ --json                       xem hồ sơ (ghi nhật ký người xem)
  form supplement|refuse MÃ --reason "…" -o TỆP.pdf
                                       phiếu yêu cầu bổ sung (Mẫu 02) / từ chối (Mẫu 03)
  form stop MÃ --reason "…" [--basis "…"] -o TỆP.pdf
                                       thông báo dừng giải quyết hồ sơ (Mẫu 05); --reprint in lại
  form control MÃ -o TỆP.pdf           phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)
  scan CHỮ                             đọc chuỗi máy quét gõ vào; in JSON, mã thoát 0 khi hợp lệ
`

// intakeJSON is the JSON form of an intake request.
type intakeJSON struct {
	ProcedureCode string                `json:"procedure_code"`
	Applicant     data.ApplicantRecord  `json:"applicant"`
	Documents     []data.DocumentRecord `json:"documents"`
	Sets          int                   `json:"sets"`
	Channel       string                `json:"channel"`
	ReturnMethod  string                `json:"return_method"`
	ReturnAddress string                `json:"return_address"`
	PostalItem    string                `json:"postal_item"`
	ReceivedAt    string                `json:"received_at"`
	WorkingDays   *int                  `json:"working_days"`
	Officer       string                `json:"officer"`
	Fees          []data.FeeEntry       `json:"fees"`
	FeeExempt     string                `json:"fee_exempt"`
}

// decodeIntake reads one intake request, naming what is malformed.
func decodeIntake(raw []byte) (data.IntakeRequest, error) {
	var in intakeJSON
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			return data.IntakeRequest{}, &data.Error{Code: data.EInvalid, Message: "Hồ sơ chưa hợp lệ, chưa lưu:",
				Fields: []data.FieldError{{Field: te.Field, Message: "sai kiểu dữ liệu"}}}
		case strings.Contains(err.Error(), "invalid number literal"): // a fee's amount written as text
			return data.IntakeRequest{}, &data.Error{Code: data.EInvalid, Message: "Hồ sơ chưa hợp lệ, chưa lưu:",
				Fields: []data.FieldError{{Field: "fees", Message: "số tiền phải là một số (đồng), ví dụ 8000; sai kiểu dữ liệu"}}}
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return data.IntakeRequest{}, data.Errorf(data.EInvalid, "Hồ sơ chưa hợp lệ, chưa lưu: trường %s không có trong định dạng.",
				strings.TrimPrefix(err.Error(), "json: unknown field "))
		}
		return data.IntakeRequest{}, data.Errorf(data.EInvalid, "Hồ sơ chưa hợp lệ, chưa lưu: JSON không đọc được (%v).", err)
	}
	var bad data.Fields
	r := data.IntakeRequest{
		ProcedureCode: in.ProcedureCode,
		Applicant: data.Applicant{Name: in.Applicant.Name, IDNumber: in.Applicant.IDNumber, Phone: in.Applicant.Phone,
			Email: in.Applicant.Email, Address: in.Applicant.Address},
		Sets: in.Sets, Channel: data.Channel(in.Channel), ReturnMethod: data.ReturnMethod(in.ReturnMethod),
		ReturnAddress: in.ReturnAddress, PostalItem: in.PostalItem, WorkingDays: in.WorkingDays, Officer: in.Officer,
		Fees: in.Fees, FeeExempt: in.FeeExempt,
	}
	if b := strings.TrimSpace(in.Applicant.BirthDate); b != "" {
		t, err := parseDay(b)
		if err != nil {
			bad.Add(intake.FieldBirthDate, "ngày sinh %q cần dạng YYYY-MM-DD", b)
		}
		r.Applicant.BirthDate = t
	}
	for _, d := range in.Documents {
		r.Documents = append(r.Documents, data.SubmittedDocument(d))
	}
	if s := strings.TrimSpace(in.ReceivedAt); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			bad.Add(intake.FieldReceivedAt, "thời điểm nhận %q cần dạng RFC 3339, ví dụ 2027-02-03T09:00:00+07:00", s)
		}
		r.ReceivedAt = t
	}
	return r, bad.Err("Hồ sơ chưa hợp lệ, chưa lưu:")
}

func parseDay(s string) (time.Time, error) {
	if t, err := data.ParseDate(s); err == nil {
		return t, nil
	}
	return time.ParseInLocation("02/01/2006", s, data.Zone)
}

func runIntake(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("intake", flag.ContinueOnError)
	file := fs.String("json", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *file == "" || len(pos) > 0 {
		return usagef("Cần --json TỆP (hoặc - để đọc từ đầu vào chuẩn).")
	}
	var raw []byte
	if *file == "-" {
		raw, err = io.ReadAll(env.Stdin)
	} else {
		raw, err = os.ReadFile(*file)
	}
	if err != nil {
		return data.Errorf(data.EInvalid, "Không đọc được %s: %v", *file, err)
	}
	req, err := decodeIntake(raw)
	if err != nil {
		return err
	}
	// The logged-in officer receives the dossier and signs its receipt.
	if me := env.Desk.Officer(); req.Officer != "" && data.Clean(req.Officer) != me.FullName {
		return &data.Error{Code: data.EInvalid, Message: "Hồ sơ chưa hợp lệ, chưa lưu:", Fields: []data.FieldError{{Field: "officer",
			Message: fmt.Sprintf("người tiếp nhận là cán bộ đang đăng nhập (%s); hãy bỏ trường này hoặc đăng nhập bằng tài khoản của người đó", me.FullName)}}}
	}
	d, err := env.Desk.Intake(ctx, req)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, d.Code)
	fmt.Fprintf(env.Stdout, "Đã tiếp nhận: %s — %s. Hẹn trả %s, %s. Sổ theo dõi quyển %d, số %d.\n",
		d.Applicant.Name, d.ProcedureName, WeekdayName(d.DueDate.Weekday()), d.DueDate.Format("02/01/2006"), d.Book, d.RegisterNo)
	if len(d.Fees) > 0 {
		rs, err := env.Desk.FeeReceipts(ctx, d.Code)
		if err != nil {
			return err
		}
		for _, r := range rs {
			fmt.Fprintf(env.Stdout, "Đã thu %s %s (%s): biên lai ký hiệu %s số %s.\n", strings.ToLower(r.Kind.Label()),
				data.FormatVND(r.Amount), strings.ToLower(r.Method.Label()), r.SeriesSymbol, r.NumberText())
		}
	} else if d.FeeExempt != "" {
		fmt.Fprintf(env.Stdout, "Miễn phí, lệ phí: %s.\n", d.FeeExempt)
	}
	return nil
}

// writeOut copies a kept printout to the path the administrator named.
func writeOut(env *Env, kept, out string) error {
	pdf, err := os.ReadFile(kept)
	if err != nil {
		return fmt.Errorf("cli: read printout: %w", err)
	}
	if err := os.WriteFile(out, pdf, 0o600); err != nil {
		return data.Errorf(data.EInvalid, "Không ghi được %s: %v", out, err)
	}
	fmt.Fprintf(env.Stdout, "%s\n(bản lưu: %s)\n", out, kept)
	return nil
}

func runReceipt(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("receipt", flag.ContinueOnError)
	out := fs.String("o", "", "")
	reprint := fs.Bool("reprint", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("Cần MÃ hồ sơ và -o TỆP.pdf.")
	}
	kept, err := env.Desk.Receipt(ctx, pos[0], *reprint)
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}

func runForm(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("form", flag.ContinueOnError)
	out := fs.String("o", "", "")
	reason := fs.String("reason", "", "")
	basis := fs.String("basis", "", "")
	reprint := fs.Bool("reprint", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || *out == "" {
		return usagef("Cần supplement|refuse|stop|control, MÃ hồ sơ, --reason và -o TỆP.pdf.")
	}
	switch pos[0] {
	case "stop":
		var kept string
		if *reprint {
			kept, err = env.Desk.StopNotice(ctx, pos[1])
		} else {
			_, kept, err = env.Desk.Stop(ctx, pos[1], *reason, *basis)
		}
		if err != nil {
			return asFlags(err)
		}
		return writeOut(env, kept, *out)
	case "control":
		kept, err := env.Desk.ControlSheet(ctx, pos[1])
		if err != nil {
			return err
		}
		return writeOut(env, kept, *out)
	}
	kind := map[string]string{"supplement": counter.KindSupplement, "refuse": counter.KindRefusal}[pos[0]]
	if kind == "" {
		return usagef("Loại phiếu %q không có (supplement, refuse, stop hoặc control).", pos[0])
	}
	_, kept, err := env.Desk.Notice(ctx, kind, pos[1], []string{*reason})
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}

// dossierJSON is the --json form of a dossier.
type dossierJSON struct {
	Code          string                `json:"code"`
	Status        data.Status           `json:"status"`
	StatusLabel   string                `json:"status_label"`
	ProcedureCode string                `json:"procedure_code"`
	ProcedureName string                `json:"procedure_name"`
	ReceivedAt    string                `json:"received_at"`
	DueDate       string                `json:"due_date"`
	WorkingDays   int                   `json:"working_days"`
	Applicant     map[string]any        `json:"applicant"`
	Documents     []data.DocumentRecord `json:"documents"`
	Sets          int                   `json:"sets"`
	Channel       data.Channel          `json:"channel"`
	ReturnMethod  data.ReturnMethod     `json:"return_method"`
	ReturnAddress string                `json:"return_address"`
	PostalItem    string                `json:"postal_item"`
	Book          int                   `json:"book"`
	RegisterNo    int                   `json:"register_no"`
	Officer       string                `json:"officer"`
	History       []eventJSON           `json:"history"`
	// FormSet is the circular whose forms the dossier prints.
	FormSet   string                  `json:"form_set"`
	Fees      []data.FeeReceiptRecord `json:"fees"`
	FeeExempt string                  `json:"fee_exempt"`
}

type eventJSON struct {
	At     string `json:"at"`
	Actor  string `json:"actor"`
	Action string `json:"action"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Note   string `json:"note,omitempty"`
	// Undone marks a status change a supervisor undid.
	Undone bool `json:"undone,omitempty"`
}

func runShow(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	fs.Bool("json", true, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần đúng một mã hồ sơ.")
	}
	// The full ID number is personal data: who saw it is logged.
	d, hist, err := env.Desk.Show(ctx, pos[0], "xem đầy đủ qua dòng lệnh")
	if err != nil {
		return err
	}
	out := dossierJSON{Code: d.Code, Status: d.Status, StatusLabel: d.Status.Label(), ProcedureCode: d.ProcedureCode,
		ProcedureName: d.ProcedureName, ReceivedAt: d.ReceivedAt.Format(time.RFC3339), DueDate: d.DueDate.Format("2006-01-02"),
		WorkingDays: d.WorkingDays, Sets: d.Sets, Channel: d.Channel, ReturnMethod: d.ReturnMethod,
		ReturnAddress: d.ReturnAddress, PostalItem: d.PostalItem, Book: d.Book, RegisterNo: d.RegisterNo, Officer: d.Officer,
		Applicant: map[string]any{"name": d.Applicant.Name, "id_number": d.Applicant.IDNumber, "birth_date": dateOrNull(d.Applicant.BirthDate),
			"phone": d.Applicant.Phone, "email": d.Applicant.Email, "address": d.Applicant.Address},
		Documents: []data.DocumentRecord{}, History: []eventJSON{}}
	for _, doc := range d.Documents {
		out.Documents = append(out.Documents, data.DocumentRecord(doc))
	}
	for _, e := range hist {
		out.History = append(out.History, eventJSON{At: e.At.Format(time.RFC3339), Actor: e.Actor, Action: e.Action,
			From: string(e.From), To: string(e.To), Note: e.Note, Undone: e.Undone})
	}
	out.FormSet, out.FeeExempt, out.Fees = d.Forms().Circular, d.FeeExempt, []data.FeeReceiptRecord{}
	rs, err := env.Desk.FeeReceipts(ctx, d.Code)
	if err != nil {
		return err
	}
	for _, r := range rs {
		out.Fees = append(out.Fees, data.NewFeeReceiptRecord(r))
	}
	return printJSON(env.Stdout, out)
}

func dateOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02")
}

// errInvalidScan makes the scan command exit 1 after printing its JSON.
var errInvalidScan = &data.Error{Code: data.EInvalid}

func runScan(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Cần chuỗi máy quét đã gõ.")
	}
	res, err := env.Desk.Scan(ctx, strings.Join(args, " "))
	if err != nil {
		return err
	}
	if err := printJSON(env.Stdout, res); err != nil {
		return err
	}
	if !res.Valid {
		return errInvalidScan
	}
	return nil
}
