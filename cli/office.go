package cli

import (
	"context"
	"flag"
	"fmt"

	"motcua/data"
)

const usageInit = `  init --agency-code MÃ --office "TÊN" --parent "TÊN" --place "ĐỊA DANH" --workstation N
        [--tracking-prefix URL] [--paper A4|A5]
        [--fee-collector "TÊN" --tax-code MST [--collector-address "…"] [--receipt-form EBL01] [--receipt-series AA]]
        tạo hoặc sửa cấu hình đơn vị và tổ chức thu phí, lệ phí; chỉ đổi những gì được nêu
`

func runInit(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	code := fs.String("agency-code", "", "")
	office := fs.String("office", "", "")
	parent := fs.String("parent", "", "")
	place := fs.String("place", "", "")
	ws := fs.Int("workstation", 0, "")
	prefix := fs.String("tracking-prefix", "", "")
	paper := fs.String("paper", "", "")
	collector := fs.String(data.FieldFeeCollector, "", "")
	taxCode := fs.String(data.FieldTaxCode, "", "")
	collectorAddress := fs.String(data.FieldCollectorAddress, "", "")
	receiptForm := fs.String(data.FieldReceiptForm, "", "")
	receiptSeries := fs.String(data.FieldReceiptSeries, "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("Thừa tham số: %v", pos)
	}
	o, err := env.Desk.Office(ctx)
	if err != nil && data.ErrorCode(err) != data.ENotFound {
		return err
	}
	set := setFlags(fs)
	apply := map[string]func(){
		"agency-code":     func() { o.AgencyCode = *code },
		"office":          func() { o.Name = *office },
		"parent":          func() { o.Parent = *parent },
		"place":           func() { o.Place = *place },
		"workstation":     func() { o.Workstation = *ws },
		"tracking-prefix": func() { o.TrackingPrefix = *prefix },
		"paper":           func() { o.PaperSize = *paper },

		data.FieldFeeCollector:     func() { o.Collector.Name = *collector },
		data.FieldTaxCode:          func() { o.Collector.TaxCode = *taxCode },
		data.FieldCollectorAddress: func() { o.Collector.Address = *collectorAddress },
		data.FieldReceiptForm:      func() { o.Collector.FormSymbol = *receiptForm },
		data.FieldReceiptSeries:    func() { o.Collector.SeriesLetters = *receiptSeries },
	}
	for name, f := range apply {
		if set[name] {
			f()
		}
	}
	o, err = env.Desk.SaveOffice(ctx, o)
	if err != nil {
		return asFlags(err)
	}
	// The workstation's key signs receipt QR codes.
	if _, err := env.Desk.EnsureKey(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Đã lưu cấu hình đơn vị.\n  Mã định danh: %s\n  Đơn vị: %s\n  Cơ quan chủ quản: %s\n  Địa danh: %s\n  Máy trạm: %d\n  Khổ giấy: %s\n",
		o.AgencyCode, o.Name, o.Parent, o.Place, o.Workstation, o.PaperSize)
	if o.TrackingPrefix != "" {
		fmt.Fprintf(env.Stdout, "  Tiền tố tra cứu: %s\n", o.TrackingPrefix)
	}
	if c := o.Collector; c.Configured() {
		fmt.Fprintf(env.Stdout, "  Tổ chức thu phí, lệ phí: %s (mã số thuế %s), biên lai mẫu %s, ký hiệu %s\n",
			c.Name, c.TaxCode, c.FormSymbol, c.SeriesLetters)
	}
	return nil
}
