package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"motcua/data"
	"motcua/platform"
)

const usagePrinter = `  printer list
        các máy in đã cài trên máy này, máy in và khổ giấy đang dùng
  printer set [--name "TÊN MÁY IN"] [--paper A4|A5]
        chọn máy in cho máy này (--name "" là máy in mặc định của Windows) và
        khổ giấy của các mẫu in; chỉ đổi những gì được nêu
`

func runPrinter(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Thiếu lệnh con: list hoặc set.")
	}
	switch args[0] {
	case "list":
		if len(args) > 1 {
			return usagef("Thừa tham số: %v", args[1:])
		}
		return printerList(ctx, env)
	case "set":
		return printerSet(ctx, env, args[1:])
	}
	return usagef("Không có lệnh con %q: dùng list hoặc set.", args[0])
}

// printers lists the machine's printers with a message an administrator
// can act on when the system will not tell.
func (env *Env) printers() ([]platform.Printer, error) {
	list := env.Printers
	if list == nil {
		list = platform.Printers
	}
	ps, err := list()
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", errPrintersUnreadable, err)
	}
	return ps, nil
}

var errPrintersUnreadable = data.Errorf(data.EConflict, "Không đọc được danh sách máy in của máy này. Hãy kiểm tra dịch vụ in của Windows (Print Spooler) đang chạy rồi thử lại.")

func printerList(ctx context.Context, env *Env) error {
	choice, err := env.Desk.PrintChoice(ctx)
	if err != nil {
		return err
	}
	ps, err := env.printers()
	if err != nil {
		return err
	}
	var def string
	if len(ps) == 0 {
		fmt.Fprintln(env.Stdout, "Máy này chưa cài máy in nào.")
	} else {
		fmt.Fprintln(env.Stdout, "Máy in trên máy này (* là máy in đang dùng):")
	}
	for _, p := range ps {
		mark, note := " ", ""
		if p.Default {
			def, note = p.Name, " (mặc định của Windows)"
		}
		if strings.EqualFold(p.Name, choice.Printer) || (choice.Printer == "" && p.Default) {
			mark = "*"
		}
		fmt.Fprintf(env.Stdout, "%s %s%s\n", mark, p.Name, note)
	}
	switch {
	case choice.Printer != "":
		fmt.Fprintf(env.Stdout, "Đang in ra: %s\n", choice.Printer)
	case def != "":
		fmt.Fprintf(env.Stdout, "Đang in ra: máy in mặc định của Windows (%s)\n", def)
	default:
		fmt.Fprintln(env.Stdout, "Đang in ra: máy in mặc định của Windows")
	}
	fmt.Fprintf(env.Stdout, "Khổ giấy: %s\n", choice.Paper)
	return nil
}

func printerSet(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("printer set", flag.ContinueOnError)
	name := fs.String("name", "", "")
	paper := fs.String("paper", "", "")
	err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	set := setFlags(fs)
	if !set["name"] && !set["paper"] {
		return usagef("Hãy nêu --name, --paper hoặc cả hai.")
	}
	// Check everything before saving anything.
	var office data.Office
	if set["paper"] {
		if err := (platform.PrintOptions{Paper: *paper}).Validate(); err != nil || *paper == "" {
			return data.Errorf(data.EInvalid, "--paper: khổ giấy phải là A4 hoặc A5.")
		}
		if office, err = env.Desk.Office(ctx); err != nil {
			return err
		}
		office.PaperSize = *paper
	}
	printer := data.Clean(*name)
	if set["name"] && printer != "" {
		if printer, err = installedPrinter(env, printer); err != nil {
			return err
		}
	}
	if set["name"] {
		if err := env.Desk.SetPrinter(ctx, printer); err != nil {
			return err
		}
	}
	if set["paper"] {
		if _, err := env.Desk.SaveOffice(ctx, office); err != nil {
			return err
		}
	}
	choice, err := env.Desk.PrintChoice(ctx)
	if err != nil {
		return err
	}
	where := choice.Printer
	if where == "" {
		where = "máy in mặc định của Windows"
	}
	fmt.Fprintf(env.Stdout, "Đã lưu cách in của máy này.\n  Máy in: %s\n  Khổ giấy: %s\n", where, choice.Paper)
	return nil
}

// installedPrinter returns the name under which the machine lists
// printer, so that a name typed in another case still matches.
func installedPrinter(env *Env, printer string) (string, error) {
	ps, err := env.printers()
	if err != nil {
		return "", err
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		if strings.EqualFold(p.Name, printer) {
			return p.Name, nil
		}
		names[i] = "“" + p.Name + "”"
	}
	if len(names) == 0 {
		return "", data.Errorf(data.ENotFound, "Không có máy in “%s”: máy này chưa cài máy in nào. Hãy cài máy in trong Windows trước rồi chọn lại.", printer)
	}
	return "", data.Errorf(data.ENotFound, "Không có máy in “%s” trên máy này. Các máy in đã cài: %s. Hãy chép đúng một tên trong đó (motcua printer list).", printer, strings.Join(names, ", "))
}
