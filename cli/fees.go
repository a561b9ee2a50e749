package cli

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"motcua/data"
)

const usageFees = `  fees receipt MÃ -o TỆP.pdf           in biên lai thu phí, lệ phí của hồ sơ (lần sau ghi BẢN IN LẠI)
  fees report --from YYYY-MM-DD --to YYYY-MM-DD [--json]
                                       phí, lệ phí đã thu: theo ngày, cán bộ, loại, hình thức; danh sách biên lai
`

func runFees(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Thiếu lệnh con của fees.")
	}
	switch args[0] {
	case "receipt":
		return feesReceipt(ctx, env, args[1:])
	case "report":
		return feesReport(ctx, env, args[1:])
	}
	return usagef("Không có lệnh fees %q.", args[0])
}

func feesReceipt(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("fees receipt", flag.ContinueOnError)
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("Cần MÃ hồ sơ và -o TỆP.pdf.")
	}
	kept, err := env.Desk.FeeReceipt(ctx, pos[0])
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}

// feeTotalJSON is one line of the report's totals; Key is named by the
// list it is in.
type feeTotalJSON struct {
	Key    string `json:"key"`
	Count  int    `json:"count"`
	Amount int64  `json:"amount"`
}

type feeReceiptJSON struct {
	Number      int    `json:"number"`
	NumberText  string `json:"number_text"`
	Series      string `json:"series"`
	Form        string `json:"form"`
	Code        string `json:"code"`
	IssuedAt    string `json:"issued_at"`
	Payer       string `json:"payer"`
	Kind        string `json:"kind"`
	Amount      int64  `json:"amount"`
	Method      string `json:"method"` // cash, transfer, or post for a fee the postman collected
	By          string `json:"by"`     // the officer, or post
	PostalStaff string `json:"postal_staff,omitempty"`
}

type exemptJSON struct {
	Code       string `json:"code"`
	ReceivedAt string `json:"received_at"`
	Officer    string `json:"officer"`
	Reason     string `json:"reason"`
}

type feeReportJSON struct {
	From      string           `json:"from"`
	To        string           `json:"to"`
	Total     int64            `json:"total"`
	Count     int              `json:"count"`
	ByDay     []feeTotalJSON   `json:"by_day"`
	ByOfficer []feeTotalJSON   `json:"by_officer"`
	ByKind    []feeTotalJSON   `json:"by_kind"`
	ByMethod  []feeTotalJSON   `json:"by_method"`
	Receipts  []feeReceiptJSON `json:"receipts"`
	Exempt    []exemptJSON     `json:"exempt"`
}

func totalsJSON(ts []data.FeeTotal) []feeTotalJSON {
	out := []feeTotalJSON{}
	for _, t := range ts {
		out = append(out, feeTotalJSON(t))
	}
	return out
}

func feesReport(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("fees report", flag.ContinueOnError)
	period := newPeriodFlags(fs)
	asJSON := fs.Bool("json", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || !period.given() {
		return usagef("Cần --from NGÀY và --to NGÀY (YYYY-MM-DD).")
	}
	from, to, err := period.dates()
	if err != nil {
		return err
	}
	rep, err := env.Desk.FeeReport(ctx, from, to)
	if err != nil {
		return err
	}
	if *asJSON {
		out := feeReportJSON{From: rep.From.Format(time.DateOnly), To: rep.To.Format(time.DateOnly), Total: rep.Total,
			Count: len(rep.Receipts), ByDay: totalsJSON(rep.ByDay), ByOfficer: totalsJSON(rep.ByOfficer),
			ByKind: totalsJSON(rep.ByKind), ByMethod: totalsJSON(rep.ByMethod), Receipts: []feeReceiptJSON{}, Exempt: []exemptJSON{}}
		for _, r := range rep.Receipts {
			out.Receipts = append(out.Receipts, feeReceiptJSON{Number: r.Number, NumberText: r.NumberText(), Series: r.SeriesSymbol,
				Form: r.FormSymbol, Code: r.DossierCode, IssuedAt: r.IssuedAt.Format(time.RFC3339), Payer: r.PayerName,
				Kind: string(r.Kind), Amount: r.Amount, Method: r.Collection(), By: r.CollectedBy(), PostalStaff: r.PostalStaff})
		}
		for _, e := range rep.Exemptions {
			out.Exempt = append(out.Exempt, exemptJSON{Code: e.DossierCode, ReceivedAt: e.ReceivedAt.Format(time.RFC3339),
				Officer: e.Officer, Reason: e.Reason})
		}
		return printJSON(env.Stdout, out)
	}
	w := env.Stdout
	fmt.Fprintf(w, "PHÍ, LỆ PHÍ ĐÃ THU từ %s đến %s: %s, %d biên lai.\n",
		rep.From.Format("02/01/2006"), rep.To.Format("02/01/2006"), data.FormatVND(rep.Total), len(rep.Receipts))
	section := func(title string, ts []data.FeeTotal, name func(string) string) {
		fmt.Fprintf(w, "\n%s\n", title)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		for _, t := range ts {
			fmt.Fprintf(tw, "  %s\t%d biên lai\t%s\t\n", name(t.Key), t.Count, data.FormatVND(t.Amount))
		}
		tw.Flush()
	}
	day := func(k string) string {
		d, _ := data.ParseDate(k)
		return d.Format("02/01/2006")
	}
	collector := func(k string) string {
		if k == data.CollectedByPost {
			return "Bưu điện thu hộ"
		}
		return k
	}
	section("Theo ngày", rep.ByDay, day)
	section("Theo cán bộ thu", rep.ByOfficer, collector)
	section("Theo loại", rep.ByKind, func(k string) string { return data.FeeKind(k).Label() })
	section("Theo hình thức", rep.ByMethod, methodLabel)
	fmt.Fprintln(w, "\nBiên lai")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  KÝ HIỆU\tSỐ\tNGÀY\tMÃ HỒ SƠ\tLOẠI\tSỐ TIỀN\tHÌNH THỨC\tNGƯỜI THU")
	for _, r := range rep.Receipts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.SeriesSymbol, r.NumberText(), r.IssuedAt.Format("15:04 02/01/2006"),
			r.DossierCode, r.Kind.Label(), data.FormatVND(r.Amount), methodLabel(r.Collection()), collector(r.CollectedBy()))
	}
	tw.Flush()
	if len(rep.Exemptions) > 0 {
		fmt.Fprintf(w, "\nMiễn phí, lệ phí: %d hồ sơ\n", len(rep.Exemptions))
		for _, e := range rep.Exemptions {
			fmt.Fprintf(w, "  %s  %s — %s\n", e.DossierCode, e.ReceivedAt.Format("02/01/2006"), e.Reason)
		}
	}
	return nil
}

// methodLabel names a method of the report in words.
func methodLabel(m string) string {
	if m == data.CollectedByPost {
		return "Bưu điện thu hộ"
	}
	return data.PaymentMethod(m).Label()
}
