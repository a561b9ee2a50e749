package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"motcua/data"
)

const usageBackup = `  backup [-o TỆP.db]                   sao lưu cơ sở dữ liệu (mặc định vào backups/ trong thư mục dữ liệu)
`

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("Thừa tham số: %v", pos)
	}
	path := *out
	if path == "" {
		dir := filepath.Join(env.Desk.DataDir, "backups")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("cli: backup: %w", err)
		}
		path = filepath.Join(dir, "motcua-"+env.Desk.Now().In(data.Zone).Format("20060102-150405")+".db")
	}
	if _, err := os.Stat(path); err == nil {
		return data.Errorf(data.EConflict, "Tệp %s đã có; hãy chọn tên khác.", path)
	}
	if err := env.Desk.Backup(ctx, path); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, path)
	return nil
}
