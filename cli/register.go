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
	fromText := fs.String("from", "", "")
	toText := fs.String("to", "", "")
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *fromText == "" || *toText == "" || *out == "" {
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
	from, err := data.ParseDate(*fromText)
	if err != nil {
		return data.Errorf(data.EInvalid, "Ngày đầu %q cần dạng YYYY-MM-DD.", *fromText)
	}
	to, err := data.ParseDate(*toText)
	if err != nil {
		return data.Errorf(data.EInvalid, "Ngày cuối %q cần dạng YYYY-MM-DD.", *toText)
	}
	kept, err := env.Desk.RegisterFile(ctx, from, to, format)
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}
