package server

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"motcua/data"
	"motcua/data/report"
)

// officeJSON is one office's line of the province's report; the figures'
// keys are the period report's (data/report Figures).
type officeJSON struct {
	AgencyCode string `json:"agency_code"`
	Name       string `json:"name"`
	report.Figures
}

type provinceJSON struct {
	From    string         `json:"from"`
	To      string         `json:"to"`
	Offices []officeJSON   `json:"offices"`
	Total   report.Figures `json:"total"`
}

func reportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	dbURL := databaseFlag(fs)
	fromText := fs.String("from", "", "")
	toText := fs.String("to", "", "")
	asJSON := fs.Bool("json", false, "")
	out := fs.String("o", "", "")
	pos, err := flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *fromText == "" || *toText == "" {
		return usageError("Cần: report --from YYYY-MM-DD --to YYYY-MM-DD [--json] [-o TỆP.xlsx].")
	}
	if *out != "" && !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return data.Errorf(data.EInvalid, "Tệp %s cần đuôi .xlsx.", *out)
	}
	from, err := data.ParseDate(*fromText)
	if err != nil {
		return data.Errorf(data.EInvalid, "Ngày đầu %q cần dạng YYYY-MM-DD.", *fromText)
	}
	to, err := data.ParseDate(*toText)
	if err != nil {
		return data.Errorf(data.EInvalid, "Ngày cuối %q cần dạng YYYY-MM-DD.", *toText)
	}
	p, err := report.NewPeriod(from, to, time.Now())
	if err != nil {
		return err
	}
	store, err := openStore(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	r, err := store.ProvinceReport(ctx, p)
	if err != nil {
		return err
	}
	if *out != "" {
		f, err := os.OpenFile(*out, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
		if err != nil {
			return data.Errorf(data.EInvalid, "Không ghi được %s: %v", *out, err)
		}
		if err := ProvinceWorkbook(f, r); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return data.Errorf(data.EInvalid, "Không ghi được %s: %v", *out, err)
		}
	}
	if *asJSON {
		j := provinceJSON{From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly), Offices: []officeJSON{}, Total: r.Total}
		for _, o := range r.Offices {
			j.Offices = append(j.Offices, officeJSON(o))
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(j)
	}
	fmt.Fprintf(stdout, "SỐ LIỆU TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ CỦA TỈNH từ %s đến %s\n\n", p.From.Format("02/01/2006"), p.To.Format("02/01/2006"))
	tw := tabwriter.NewWriter(stdout, 0, 4, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Đơn vị\t"+strings.Join(provinceShort, "\t")+"\t")
	for _, o := range r.Offices {
		fmt.Fprintln(tw, o.AgencyCode+"\t"+strings.Join(figureCells(o.Figures), "\t")+"\t")
	}
	fmt.Fprintln(tw, "Tổng cộng\t"+strings.Join(figureCells(r.Total), "\t")+"\t")
	if err := tw.Flush(); err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintln(stdout, "\n"+*out)
	}
	return nil
}

// provinceShort are the short heads of the figures in the text table,
// ProvinceColumns the full ones of the Excel file, in the same order.
var provinceShort = []string{"Tồn", "Nhận", "Quầy", "BC", "TT", "Sớm", "Đúng", "Trễ", "Đang trong hạn", "Đang quá hạn", "Đã trả",
	"Từ chối", "Bổ sung", "Xin lỗi", "Dừng", "Đúng hạn"}

// ProvinceColumns are the heads of the figures' columns of the Excel file.
var ProvinceColumns = []string{"Tồn kỳ trước chuyển sang", "Tiếp nhận trong kỳ", "Trực tiếp", "Bưu chính công ích", "Trực tuyến",
	"Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn",
	"Đã trả kết quả", "Từ chối tiếp nhận", "Yêu cầu bổ sung", "Xin lỗi, hẹn lại", "Dừng giải quyết", "Tỷ lệ đúng hạn (%)"}

// figureCells are the figures in the order of provinceShort.
func figureCells(f report.Figures) []string {
	n := []int{f.CarriedOver, f.Received, f.ReceivedByChannel.Counter, f.ReceivedByChannel.Postal, f.ReceivedByChannel.Online,
		f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate, f.InProgressOnTime, f.InProgressOverdue, f.Returned, f.Refused,
		f.Supplement, f.Apologies, f.Stopped}
	out := make([]string, 0, len(n)+1)
	for _, v := range n {
		out = append(out, strconv.Itoa(v))
	}
	return append(out, percent(f.OnTimePercent))
}

func percent(p *float64) string {
	if p == nil {
		return "—"
	}
	return strings.Replace(strconv.FormatFloat(*p, 'f', 1, 64), ".", ",", 1) + "%"
}
