package cli

import (
	"context"
	"flag"
	"fmt"

	"motcua/data"
)

const usageInit = `  init --agency-code MÃ --office "TÊN" --parent "TÊN" --place "ĐỊA DANH" --workstation N
        [--tracking-prefix URL] [--paper A4|A5] [--lock-minutes N]
        [--fee-collector "TÊN" --tax-code MST [--collector-address "…"] [--receipt-form EBL01] [--receipt-series AA]]
        [--admin TÊN_ĐĂNG_NHẬP --admin-name "HỌ TÊN"]
        tạo hoặc sửa cấu hình đơn vị và tổ chức thu phí, lệ phí; chỉ đổi những gì được nêu. Lần đầu tạo luôn quản trị
        đầu tiên (mật khẩu từ MOTCUA_PASSWORD hoặc được hỏi); sau đó cần đăng nhập quản trị
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
	lock := fs.Int("lock-minutes", 0, "")
	admin := fs.String("admin", "", "")
	adminName := fs.String("admin-name", "", "")
	collector := fs.String(data.FieldFeeCollector, "", "")
	taxCode := fs.String(data.FieldTaxCode, "", "")
	collectorAddress := fs.String(data.FieldCollectorAddress, "", "")
	receiptForm := fs.String(data.FieldReceiptForm, "", "")
	receiptSeries := fs.String(data.FieldReceiptSeries, "", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	first, err := env.firstAdmin(ctx, *admin, *adminName)
	if err != nil {
		return err
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
		"lock-minutes":    func() { o.LockMinutes = *lock },

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
	if first == nil {
		o, err = env.Desk.SaveOffice(ctx, o)
	} else {
		o, err = env.Desk.SetUp(ctx, o)
	}
	if err != nil {
		return asFlags(err)
	}
	if first != nil {
		if _, err := env.Desk.CreateFirstAdmin(ctx, first.Username, first.FullName, first.password); err != nil {
			return asFlags(err)
		}
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
	fmt.Fprintf(env.Stdout, "  Tự khoá màn hình sau: %d phút\n", o.LockMinutes)
	if first != nil {
		fmt.Fprintf(env.Stdout, "Đã tạo quản trị đầu tiên: %s — %s.\n", first.Username, first.FullName)
	}
	return nil
}

// newAdmin is the first administrator init makes, with its password.
type newAdmin struct {
	data.Account
	password string
}

// firstAdmin reads the first administrator init must make while the
// office has no account, checked before anything is saved; nil once it
// has accounts (the dispatcher logged an administrator in).
func (env *Env) firstAdmin(ctx context.Context, username, fullName string) (*newAdmin, error) {
	has, err := env.Desk.HasAccounts(ctx)
	switch {
	case err != nil:
		return nil, err
	case has && username != "":
		return nil, data.Errorf(data.EConflict, "Đơn vị đã có tài khoản; tạo thêm bằng motcua --user QUẢN_TRỊ user add. Chưa thay đổi gì.")
	case has:
		return nil, nil
	case username == "":
		return nil, data.Errorf(data.EInvalid, "Lần thiết lập đầu tiên cần tạo quản trị: thêm --admin TÊN_ĐĂNG_NHẬP --admin-name \"HỌ TÊN\" (mật khẩu từ MOTCUA_PASSWORD hoặc được hỏi). Chưa thay đổi gì.")
	}
	a := newAdmin{Account: data.Account{Username: username, FullName: fullName, Role: data.RoleAdmin}}
	a.Normalize()
	if err := a.Validate(); err != nil {
		return nil, adminFlags(err)
	}
	if a.password, err = env.password("MOTCUA_PASSWORD", fmt.Sprintf("Mật khẩu của quản trị %s: ", a.Username), true); err != nil {
		return nil, err
	}
	if err := data.CheckPassword(a.password); err != nil {
		return nil, adminFlags(err)
	}
	return &a, nil
}

// adminFlags names an account's fields as init's flags.
func adminFlags(err error) error {
	names := map[string]string{data.FieldUsername: "--admin", data.FieldFullName: "--admin-name", data.FieldPassword: "MOTCUA_PASSWORD"}
	if de, ok := err.(*data.Error); ok {
		for i, f := range de.Fields {
			if n, ok := names[f.Field]; ok {
				de.Fields[i].Field = n
			}
		}
	}
	return err
}
