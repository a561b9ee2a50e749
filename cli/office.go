package cli

import (
	"context"
	"flag"
	"fmt"

	"motcua/data"
)

const usageInit = `  init --agency-code MÃ --office "TÊN" --parent "TÊN" --place "ĐỊA DANH" --workstation N
        [--tracking-prefix URL] [--paper A4|A5]
        tạo hoặc sửa cấu hình đơn vị; chỉ đổi những gì được nêu
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
	return nil
}
