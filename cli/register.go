package cli

import (
	"context"
	"flag"
	"path/filepath"
	"strings"

	"motcua/counter"
	"motcua/data"
)

const usageRegister = `  register --from YYYY-MM-DD --to YYYY-MM-DD -o TỆP.pdf|TỆP.xlsx
                                       sổ theo dõi hồ sơ (Mẫu số 07) của các hồ sơ nhận trong kỳ, theo quyển của từng máy trạm
`

func runRegister(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("register", flag.ContinueOnError)
	period := newPeriodFlags(fs)
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || !period.given() || *out == "" {
		return usagef("Cần --from NGÀY, --to NGÀY (YYYY-MM-DD) và -o TỆP.pdf hoặc TỆP.xlsx.")
	}
	var format string
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".pdf":
		format = counter.RegisterPDF
	case ".xlsx":
		format = counter.RegisterXLSX
	default:
		return data.Errorf(data.EInvalid, "Tệp %s cần đuôi .pdf hoặc .xlsx.", *out)
	}
	from, to, err := period.dates()
	if err != nil {
		return err
	}
	line := newProgress(env.Stderr, "Đang ghi sổ theo dõi", "hồ sơ")
	kept, err := env.Desk.RegisterFile(data.WithProgress(ctx, line.report()), from, to, format)
	line.done()
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}
