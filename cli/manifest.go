package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

const usageManifest = `  manifest new --kind from-post|to-agency|to-citizen [--carrier TÊN] [--agency TÊN]
                                       mở biên bản giao nhận; dòng đầu: số biên bản
  manifest add SỐ CHỮ [--item S10] [--fee [phi:|le-phi:]ĐỒNG]
                                       thêm hồ sơ (CHỮ: chuỗi máy quét gõ hoặc mã hồ sơ); --fee: phí, lệ phí
                                       bưu điện đã thu (from-post) hoặc cước phát (to-citizen); CHỮ là số
                                       hiệu bưu gửi bưu điện đã báo: lập hồ sơ từ thông báo (kênh bưu chính)
                                       rồi thêm vào biên bản từ bưu điện, với khoản bưu điện đã thu
  manifest announced [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                       bưu gửi bưu điện đã báo, chưa giao; đối chiếu trong kỳ: đã báo chưa
                                       giao, đã giao không báo (mặc định từ đầu quý đến hôm nay)
  manifest remove SỐ MÃ
  manifest close SỐ --postal TÊN [--officer TÊN]
                                       ký giao nhận; cán bộ ký mặc định là người đang đăng nhập
  manifest pdf SỐ -o TỆP.pdf [--reconciliation]
  manifest show SỐ --json
  manifest reconcile SỐ CHỮ…             đối chiếu; mã thoát 0 chỉ khi không thiếu, không thừa
  manifest delivery SỐ MÃ delivered|failed
  manifest results-back SỐ             kết quả về theo biên bản chuyển cơ quan giải quyết: chờ trả
`

func runManifest(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Thiếu lệnh con của manifest.")
	}
	sub := map[string]func(context.Context, *Env, []string) error{
		"new": manifestNew, "add": manifestAdd, "remove": manifestRemove, "close": manifestClose,
		"pdf": manifestPDF, "show": manifestShow, "reconcile": manifestReconcile, "delivery": manifestDelivery,
		"results-back": manifestResultsBack, "announced": manifestAnnounced,
	}[args[0]]
	if sub == nil {
		return usagef("Không có lệnh manifest %q.", args[0])
	}
	return sub(ctx, env, args[1:])
}

func manifestNew(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("manifest new", flag.ContinueOnError)
	kind := fs.String("kind", "", "")
	carrier := fs.String("carrier", "", "")
	agency := fs.String("agency", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *kind == "" {
		return usagef("Cần --kind from-post|to-agency|to-citizen.")
	}
	m, err := env.Desk.OpenManifest(ctx, data.ManifestKind(*kind), *carrier, *agency)
	if err != nil {
		return asFlags(err)
	}
	fmt.Fprintln(env.Stdout, m.Number)
	fmt.Fprintf(env.Stdout, "Đã mở %s số %s.\n", m.Kind.Title(), m.Number)
	return nil
}

func manifestAdd(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("manifest add", flag.ContinueOnError)
	item := fs.String("item", "", "")
	fee := fs.String("fee", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("Cần SỐ biên bản và chuỗi quét (hoặc mã hồ sơ).")
	}
	var add data.ManifestAdd
	if f := strings.TrimSpace(*fee); f != "" {
		if strings.Contains(f, ":") {
			a, err := data.ParseFeeAmount(f)
			if err != nil {
				return err
			}
			add.Fee, add.FeeKind = a.Amount, a.Kind
		} else if add.Fee, err = data.ParseVND(f); err != nil {
			return err
		}
	}
	if *item != "" {
		if add.PostalItem, err = scan.CheckS10(*item); err != nil {
			return data.Errorf(data.EInvalid, "Không thêm %s: %s", *item, data.ErrorMessage(err))
		}
	}
	a, announced, err := env.Desk.AnnouncedFor(ctx, pos[1])
	if err != nil {
		return err
	}
	if announced {
		return manifestReceive(ctx, env, pos[0], a)
	}
	d, err := env.Desk.DossierFor(ctx, pos[1])
	if err != nil {
		return data.Errorf(data.ErrorCode(err), "Không thêm %q: %s", pos[1], data.ErrorMessage(err))
	}
	m, it, err := env.Desk.AddToManifest(ctx, pos[0], d.Code, add)
	if data.ErrorCode(err) == data.EInternal {
		return err
	}
	if err != nil {
		return data.Errorf(data.ErrorCode(err), "Không thêm %s: %s", d.Code, data.ErrorMessage(err))
	}
	t := m.Totals()
	fmt.Fprintf(env.Stdout, "%s  %s — %s\nBiên bản %s: %d hồ sơ, %d giấy tờ (%d bản chính, %d bản sao), %s %s.\n",
		it.DossierCode, it.Applicant, it.ProcedureName, m.Number, t.Items, t.Documents, t.Originals, t.Copies,
		strings.ToLower(m.Kind.FeeLabel()), data.FormatVND(t.Fees))
	return nil
}

func manifestRemove(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(flag.NewFlagSet("manifest remove", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("Cần SỐ biên bản và MÃ hồ sơ.")
	}
	m, err := env.Desk.RemoveFromManifest(ctx, pos[0], pos[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Đã bỏ %s khỏi biên bản %s; còn %d hồ sơ.\n", pos[1], m.Number, len(m.Items))
	return nil
}

func manifestClose(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("manifest close", flag.ContinueOnError)
	officer := fs.String("officer", "", "")
	postal := fs.String("postal", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần SỐ biên bản.")
	}
	m, sheets, err := env.Desk.CloseManifest(ctx, pos[0], *officer, *postal)
	if err != nil && m.Status != data.ManifestClosed {
		return err
	}
	t := m.Totals()
	fmt.Fprintf(env.Stdout, "Đã ký biên bản %s lúc %s: %d hồ sơ; cán bộ %s, bưu điện %s.\n",
		m.Number, m.ClosedAt.Format("15:04:05 02/01/2006"), t.Items, m.Officer, m.PostalStaff)
	if m.Kind == data.ManifestFromPost && t.Fees > 0 {
		fmt.Fprintf(env.Stdout, "Phí, lệ phí bưu điện đã thu và giao: %s; đã lập biên lai.\n", data.FormatVND(t.Fees))
	}
	for _, s := range sheets {
		fmt.Fprintf(env.Stdout, "Phiếu kiểm soát: %s\n", s)
	}
	return err
}

func manifestPDF(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("manifest pdf", flag.ContinueOnError)
	out := fs.String("o", "", "")
	recon := fs.Bool("reconciliation", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("Cần SỐ biên bản và -o TỆP.pdf.")
	}
	kept, err := env.Desk.ManifestPDF(ctx, pos[0], *recon)
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}

type manifestItemJSON struct {
	Code       string `json:"code"`
	Applicant  string `json:"applicant"`
	Procedure  string `json:"procedure"`
	Documents  int    `json:"documents"`
	Originals  int    `json:"originals"`
	Copies     int    `json:"copies"`
	PostalItem string `json:"postal_item"`
	Fee        int64  `json:"fee"`
	FeeKind    string `json:"fee_kind,omitempty"`
	Attempts   int    `json:"attempts"`
	Outcome    string `json:"outcome"`
}

type manifestJSON struct {
	Number         string               `json:"number"`
	Kind           data.ManifestKind    `json:"kind"`
	Status         string               `json:"status"`
	Carrier        string               `json:"carrier"`
	Agency         string               `json:"agency"`
	OpenedAt       string               `json:"opened_at"`
	ClosedAt       *string              `json:"closed_at"`
	Officer        string               `json:"officer"`
	PostalStaff    string               `json:"postal_staff"`
	Items          []manifestItemJSON   `json:"items"`
	Totals         map[string]int64     `json:"totals"`
	Reconciliation *data.Reconciliation `json:"reconciliation"`
}

func manifestShow(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("manifest show", flag.ContinueOnError)
	fs.Bool("json", true, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần SỐ biên bản.")
	}
	m, err := env.Desk.ShowManifest(ctx, pos[0])
	if err != nil {
		return err
	}
	t := m.Totals()
	out := manifestJSON{Number: m.Number, Kind: m.Kind, Status: m.Status, Carrier: m.Carrier, Agency: m.Agency,
		OpenedAt: m.OpenedAt.Format(time.RFC3339), Officer: m.Officer, PostalStaff: m.PostalStaff,
		Items: []manifestItemJSON{}, Reconciliation: m.Reconciled,
		Totals: map[string]int64{"items": int64(t.Items), "documents": int64(t.Documents), "originals": int64(t.Originals),
			"copies": int64(t.Copies), "fees": t.Fees}}
	if !m.ClosedAt.IsZero() {
		c := m.ClosedAt.Format(time.RFC3339)
		out.ClosedAt = &c
	}
	for _, it := range m.Items {
		out.Items = append(out.Items, manifestItemJSON{Code: it.DossierCode, Applicant: it.Applicant, Procedure: it.ProcedureName,
			Documents: it.Documents, Originals: it.Originals, Copies: it.Copies, PostalItem: it.PostalItem, Fee: it.Fee, FeeKind: string(it.FeeKind),
			Attempts: it.Attempts, Outcome: it.Outcome})
	}
	return printJSON(env.Stdout, out)
}

func manifestReconcile(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(flag.NewFlagSet("manifest reconcile", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) < 1 {
		return usagef("Cần SỐ biên bản và các chuỗi quét.")
	}
	m, err := env.Desk.Reconcile(ctx, pos[0], pos[1:])
	if err != nil {
		return err
	}
	r := m.Reconciled
	if err := printJSON(env.Stdout, map[string]any{"number": pos[0], "scanned": r.Scanned, "missing": r.Missing,
		"unexpected": r.Unexpected, "balanced": r.Balanced()}); err != nil {
		return err
	}
	if !r.Balanced() {
		return data.Errorf(data.EConflict, "Biên bản %s lệch: thiếu %d, thừa %d.", pos[0], len(r.Missing), len(r.Unexpected))
	}
	return nil
}

func manifestDelivery(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(flag.NewFlagSet("manifest delivery", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) != 3 || (pos[2] != "delivered" && pos[2] != "failed") {
		return usagef("Cần SỐ biên bản, MÃ hồ sơ và delivered|failed.")
	}
	_, it, err := env.Desk.RecordDelivery(ctx, pos[0], pos[1], pos[2] == "delivered")
	if err != nil {
		return err
	}
	switch it.Outcome {
	case data.DeliveryDelivered:
		fmt.Fprintf(env.Stdout, "%s: đã phát ngày %s, hồ sơ đã trả kết quả.\n", it.DossierCode, it.OutcomeAt.Format("02/01/2006"))
	case data.DeliveryReturning:
		fmt.Fprintf(env.Stdout, "%s: phát không thành công lần %d; kết quả chuyển về bộ phận một cửa.\n", it.DossierCode, it.Attempts)
	default:
		fmt.Fprintf(env.Stdout, "%s: phát không thành công lần %d.\n", it.DossierCode, it.Attempts)
	}
	return nil
}

func manifestResultsBack(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(flag.NewFlagSet("manifest results-back", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần SỐ biên bản.")
	}
	codes, err := env.Desk.ResultsBack(ctx, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Biên bản %s: %d hồ sơ đã có kết quả, chờ trả.\n", pos[0], len(codes))
	for _, c := range codes {
		fmt.Fprintln(env.Stdout, c)
	}
	return nil
}

// manifestReceive makes the dossier of an announced item and puts it on
// a from-post manifest, after saying what the announcement holds.
func manifestReceive(ctx context.Context, env *Env, number string, a data.Announced) error {
	p := a.PostalAnnouncement
	fmt.Fprintf(env.Stdout, "Bưu điện đã báo bưu gửi %s (nhận lúc %s, nhân viên %s):\n  Người nộp: %s, số định danh %s, %s\n  Thủ tục: %s\n",
		p.Item, p.Collected().In(data.Zone).Format("15:04 02/01/2006"), p.Postman, p.Applicant.Name,
		data.Applicant{IDNumber: p.Applicant.IDNumber}.MaskedID(), p.Applicant.Address, p.ProcedureCode)
	for i, doc := range p.Documents {
		fmt.Fprintf(env.Stdout, "  %d. %s — %d bản chính, %d bản sao\n", i+1, doc.Name, doc.Originals, doc.Copies)
	}
	m, it, d, err := env.Desk.ReceiveAnnounced(ctx, number, p.Item)
	if data.ErrorCode(err) == data.EInternal {
		return err
	}
	if err != nil {
		return data.Errorf(data.ErrorCode(err), "Không thêm bưu gửi %s: %s", p.Item, data.ErrorMessage(err))
	}
	t := m.Totals()
	fmt.Fprintf(env.Stdout, "%s  %s — %s (lập từ thông báo của bưu điện)\nBiên bản %s: %d hồ sơ, %d giấy tờ (%d bản chính, %d bản sao), %s %s.\n",
		d.Code, it.Applicant, it.ProcedureName, m.Number, t.Items, t.Documents, t.Originals, t.Copies,
		strings.ToLower(m.Kind.FeeLabel()), data.FormatVND(t.Fees))
	return nil
}

func manifestAnnounced(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("manifest announced", flag.ContinueOnError)
	fromFlag := fs.String("from", "", "")
	toFlag := fs.String("to", "", "")
	err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	now := env.Desk.Now().In(data.Zone)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, data.Zone)
	from := time.Date(now.Year(), (now.Month()-1)/3*3+1, 1, 0, 0, 0, 0, data.Zone)
	to := today
	for _, f := range []struct {
		text string
		day  *time.Time
	}{{*fromFlag, &from}, {*toFlag, &to}} {
		if f.text == "" {
			continue
		}
		if *f.day, err = data.ParseDate(f.text); err != nil {
			return err
		}
	}
	list, err := env.Desk.AnnouncedItems(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Bưu điện đã báo, chưa giao: %d\n", len(list))
	for _, a := range list {
		where := ""
		if a.Manifest != "" {
			where = " — trong biên bản " + a.Manifest + " (chưa ký)"
		}
		fmt.Fprintf(env.Stdout, "  %s  %s  %s  báo lúc %s%s\n", a.Item, a.Applicant.Name, a.ProcedureCode,
			a.Announced().In(data.Zone).Format("15:04 02/01/2006"), where)
	}
	c, err := env.Desk.PostalReconciliation(ctx, from, to.AddDate(0, 0, 1))
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Đối chiếu từ %s đến %s: bưu điện báo %d, đã giao %d.\n", from.Format("02/01/2006"), to.Format("02/01/2006"),
		c.Announced, c.HandedOver)
	fmt.Fprintf(env.Stdout, "  Đã báo, chưa giao (%d): %s\n  Đã giao, không báo (%d): %s\n", len(c.NotHandedOver), itemList(c.NotHandedOver),
		len(c.NotAnnounced), itemList(c.NotAnnounced))
	return nil
}

func itemList(items []string) string {
	if len(items) == 0 {
		return "không có"
	}
	return strings.Join(items, ", ")
}
