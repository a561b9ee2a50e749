package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"motcua/data"
)

const usageCatalog = `  catalog import TỆP.json|TỆP.csv    nhập danh mục thủ tục (tệp lỗi bị từ chối cả tệp)
  catalog list [--search CHỮ] [--json]
  catalog set MÃ [--working-days N] [--same-day-cutoff HH:MM] [--fee le-phi:8000 [--fee phi:…] | --no-fee]
`

func runCatalog(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Thiếu lệnh con của catalog.")
	}
	switch args[0] {
	case "import":
		return catalogImport(ctx, env, args[1:])
	case "list":
		return catalogList(ctx, env, args[1:])
	case "set":
		return catalogSet(ctx, env, args[1:])
	}
	return usagef("Không có lệnh catalog %q.", args[0])
}

func catalogImport(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("catalog import", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần đúng một tệp danh mục.")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return data.Errorf(data.EInvalid, "Không mở được tệp danh mục %s: %v", pos[0], err)
	}
	defer f.Close()
	line := newProgress(env.Stdout, "Đang nhập danh mục", "thủ tục")
	rep, err := env.Desk.ImportCatalog(data.WithProgress(ctx, line.report()), pos[0], f)
	line.done()
	if err != nil {
		return err
	}
	review := rep.Review
	fmt.Fprintf(env.Stdout, "Đã nhập %d thủ tục: %d mới, %d cập nhật", rep.Total, rep.Added, rep.Updated)
	if rep.KeptLocal > 0 {
		fmt.Fprintf(env.Stdout, ", %d giữ thời hạn đã sửa tại đơn vị", rep.KeptLocal)
	}
	fmt.Fprintln(env.Stdout, ".")
	if review > 0 {
		fmt.Fprintf(env.Stdout, "%d thủ tục trong tệp chưa có số ngày làm việc (%s): dùng \"motcua catalog set MÃ --working-days N\".\n", review, data.NeedsReviewLabel)
	}
	if rep.FeesReview > 0 {
		fmt.Fprintf(env.Stdout, "%d thủ tục trong tệp chưa đọc được mức phí, lệ phí (%s): dùng \"motcua catalog set MÃ --fee le-phi:8000\" hoặc --no-fee.\n",
			rep.FeesReview, data.FeesNeedReviewLabel)
	}
	return nil
}

// procedureJSON is the --json form of a procedure.
type procedureJSON struct {
	Code          string  `json:"code"`
	Name          string  `json:"name"`
	Field         string  `json:"field"`
	WorkingDays   *int    `json:"working_days"`
	SameDayCutoff *string `json:"same_day_cutoff"`
	PostalAllowed bool    `json:"postal_allowed"`
	TimeLimitText string  `json:"time_limit_text"`
	NeedsReview   bool    `json:"needs_review"`
	Documents     int     `json:"documents"`
	// Fees are the amounts the office collects, null while not known
	// (fees_needs_review).
	Fees            []data.FeeAmountRecord `json:"fees"`
	FeesText        string                 `json:"fees_text"`
	FeesNeedsReview bool                   `json:"fees_needs_review"`
	FeeExemptible   bool                   `json:"fee_exemptible"`
}

func catalogList(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("catalog list", flag.ContinueOnError)
	search := fs.String("search", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("Thừa tham số: %v (tìm kiếm dùng --search)", pos)
	}
	ps, err := env.Desk.Procedures(ctx, *search)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]procedureJSON, 0, len(ps))
		for _, p := range ps {
			j := procedureJSON{Code: p.Code, Name: p.Name, Field: p.Field, WorkingDays: p.WorkingDays,
				PostalAllowed: p.PostalAllowed, TimeLimitText: p.TimeLimitText, NeedsReview: p.NeedsReview(), Documents: len(p.Documents),
				FeesText: p.FeesText, FeesNeedsReview: p.Fees.NeedsReview(), FeeExemptible: p.Fees.Exemptible}
			if p.Fees.Known {
				j.Fees = data.NewFeeScheduleRecord(p.Fees).Amounts
			}
			if p.SameDayCutoff != "" {
				c := p.SameDayCutoff
				j.SameDayCutoff = &c
			}
			out = append(out, j)
		}
		return printJSON(env.Stdout, out)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MÃ\tTHỜI HẠN\tPHÍ, LỆ PHÍ\tLĨNH VỰC\tTÊN THỦ TỤC")
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Code, limitText(p), p.Fees.Text(), p.Field, p.Name)
	}
	tw.Flush()
	fmt.Fprintf(env.Stdout, "%d thủ tục.\n", len(ps))
	return nil
}

func catalogSet(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("catalog set", flag.ContinueOnError)
	days := fs.Int("working-days", 0, "")
	cutoff := fs.String("same-day-cutoff", "", "")
	var fees feeFlags
	fs.Var(&fees, "fee", "")
	noFee := fs.Bool("no-fee", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần đúng một mã thủ tục.")
	}
	set := setFlags(fs)
	var tl data.TimeLimit
	if set["working-days"] {
		tl.WorkingDays = days
	}
	if set["same-day-cutoff"] {
		tl.SameDayCutoff = cutoff
	}
	setFees := len(fees) > 0 || *noFee
	switch {
	case tl.WorkingDays == nil && tl.SameDayCutoff == nil && !setFees:
		return usagef("Hãy nêu --working-days, --same-day-cutoff, --fee hoặc --no-fee.")
	case len(fees) > 0 && *noFee:
		return usagef("--fee và --no-fee không đi cùng nhau.")
	}
	// Check every amount before anything is stored.
	var schedule data.FeeSchedule
	for _, f := range fees {
		a, err := data.ParseFeeAmount(f)
		if err != nil {
			return err
		}
		schedule.Amounts = append(schedule.Amounts, a)
	}
	if err := schedule.Validate(); err != nil {
		return err
	}
	p, err := env.Desk.Procedure(ctx, pos[0])
	if err != nil {
		return err
	}
	if tl.WorkingDays != nil || tl.SameDayCutoff != nil {
		if p, err = env.Desk.SetTimeLimit(ctx, p.Code, tl); err != nil {
			return err
		}
	}
	if setFees {
		if p, err = env.Desk.SetFees(ctx, p.Code, schedule); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "%s %s: %s; %s.\n", p.Code, p.Name, limitText(p), p.Fees.Text())
	return nil
}

// feeFlags collects the repeated --fee flags.
type feeFlags []string

func (f *feeFlags) String() string     { return strings.Join(*f, ",") }
func (f *feeFlags) Set(v string) error { *f = append(*f, v); return nil }

// limitText says a procedure's time limit as lists show it.
func limitText(p data.Procedure) string {
	if p.WorkingDays == nil {
		return data.NeedsReviewLabel
	}
	s := strconv.Itoa(*p.WorkingDays) + " ngày làm việc"
	if p.SameDayCutoff != "" {
		s += " (nhận sau " + p.SameDayCutoff + " tính sang hôm sau)"
	}
	return s
}
