package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"motcua/counter"
	"motcua/data"
	"motcua/data/report"
	"motcua/printout"
)

const usageReport = `  report --from YYYY-MM-DD --to YYYY-MM-DD [--json] [-o TỆP.pdf|TỆP.xlsx]
                                       báo cáo tình hình tiếp nhận, giải quyết hồ sơ của kỳ
  report postal --quarter 2026Q4 [--json] [-o TỆP.pdf|TỆP.xlsx]
                                       báo cáo quý về dịch vụ bưu chính công ích
`

func runReport(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 && args[0] == "postal" {
		return reportPostal(ctx, env, args[1:])
	}
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	period := newPeriodFlags(fs)
	asJSON := fs.Bool("json", false, "")
	out := fs.String("o", "", "")
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
	format, err := exportFormat(*out)
	if err != nil {
		return err
	}
	line := newProgress(env.Stderr, "Đang lập báo cáo", "bước")
	r, err := env.Desk.PeriodReport(data.WithProgress(ctx, line.report()), from, to)
	line.done()
	if err != nil {
		return err
	}
	if *out != "" {
		line := newProgress(env.Stderr, "Đang ghi tệp báo cáo", "bước")
		b, err := env.Desk.ExportPeriod(data.WithProgress(ctx, line.report()), r, format)
		line.done()
		if err != nil {
			return err
		}
		if err := writeFile(env, *out, b); err != nil {
			return err
		}
	}
	if *asJSON {
		return printJSON(env.Stdout, periodJSON(r))
	}
	if *out != "" {
		return nil
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s\n%s\n\n", "BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ", printout.PeriodLine(r))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, l := range r.Figures.Lines() {
		fmt.Fprintf(tw, "  %s\t%s\n", l.Label, l.Value)
	}
	fmt.Fprintf(tw, "  Đánh giá: rất hài lòng / hài lòng / không hài lòng\t%d / %d / %d\n", r.Ratings.VerySatisfied, r.Ratings.Satisfied, r.Ratings.Unsatisfied)
	tw.Flush()
	if len(r.Overdue) > 0 {
		fmt.Fprintf(w, "\nĐang giải quyết quá hạn: %d hồ sơ\n", len(r.Overdue))
		for _, o := range r.Overdue {
			fmt.Fprintf(w, "  %s  hẹn %s, quá %d ngày  %s\n", o.Code, o.Due.Format("02/01/2006"), o.DaysLate, o.Procedure)
		}
	}
	return nil
}

// exportFormat is the format a file's name asks for; none for "".
func exportFormat(out string) (string, error) {
	switch strings.ToLower(filepath.Ext(out)) {
	case "":
		if out == "" {
			return "", nil
		}
	case ".pdf":
		return counter.FormatPDF, nil
	case ".xlsx":
		return counter.FormatXLSX, nil
	}
	return "", data.Errorf(data.EInvalid, "Tệp %q: chỉ xuất được báo cáo ra tệp .pdf hoặc .xlsx.", out)
}

func writeFile(env *Env, out string, b []byte) error {
	if err := os.WriteFile(out, b, 0o600); err != nil {
		return data.Errorf(data.EInvalid, "Không ghi được %s: %v", out, err)
	}
	if env.Stderr != nil {
		fmt.Fprintln(env.Stderr, out)
	}
	return nil
}

// periodReportJSON is the period report as --json prints it: the keys
// the README documents.
type periodReportJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
	report.Figures
	ByField     []report.Row      `json:"by_field"`
	ByProcedure []report.Row      `json:"by_procedure"`
	ByOfficer   []report.Row      `json:"by_officer"`
	Ratings     data.RatingCounts `json:"ratings"`
	Overdue     []overdueJSON     `json:"overdue"`
}

type overdueJSON struct {
	Code      string `json:"code"`
	Procedure string `json:"procedure"`
	Field     string `json:"field"`
	Officer   string `json:"officer"`
	Received  string `json:"received_at"`
	Due       string `json:"due_date"`
	DaysLate  int    `json:"days_late"`
}

func periodJSON(r report.Report) periodReportJSON {
	out := periodReportJSON{From: r.From.Format(time.DateOnly), To: r.To.Format(time.DateOnly), Figures: r.Figures,
		ByField: r.ByField, ByProcedure: r.ByProcedure, ByOfficer: r.ByOfficer, Ratings: r.Ratings, Overdue: []overdueJSON{}}
	for _, o := range r.Overdue {
		out.Overdue = append(out.Overdue, overdueJSON{Code: o.Code, Procedure: o.Procedure, Field: o.Field, Officer: o.Officer,
			Received: o.Received.Format(time.RFC3339), Due: o.Due.Format(time.DateOnly), DaysLate: o.DaysLate})
	}
	for _, rows := range []*[]report.Row{&out.ByField, &out.ByProcedure, &out.ByOfficer} {
		if *rows == nil {
			*rows = []report.Row{}
		}
	}
	return out
}

type postalReportJSON struct {
	Quarter string `json:"quarter"`
	report.Postal
}

func reportPostal(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("report postal", flag.ContinueOnError)
	quarter := fs.String("quarter", "", "")
	asJSON := fs.Bool("json", false, "")
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *quarter == "" {
		return usagef("Cần --quarter NĂMQsố, ví dụ 2026Q4.")
	}
	q, err := report.ParseQuarter(*quarter)
	if err != nil {
		return err
	}
	format, err := exportFormat(*out)
	if err != nil {
		return err
	}
	r, err := env.Desk.PostalReport(ctx, q)
	if err != nil {
		return err
	}
	if *out != "" {
		b, err := env.Desk.ExportPostal(ctx, r, format)
		if err != nil {
			return err
		}
		if err := writeFile(env, *out, b); err != nil {
			return err
		}
	}
	if *asJSON {
		return printJSON(env.Stdout, postalReportJSON{Quarter: q.String(), Postal: r})
	}
	if *out != "" {
		return nil
	}
	fmt.Fprintf(env.Stdout, "BÁO CÁO DỊCH VỤ BƯU CHÍNH CÔNG ÍCH – %s\n\n", q.Label())
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, l := range printout.PostalLines(r) {
		fmt.Fprintf(tw, "  %s\t%s\n", l[0], l[1])
	}
	return tw.Flush()
}
