package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"motcua/data"
	"motcua/data/sqlite"
	"motcua/platform"
)

const usageBackup = `  backup [-o TỆP.db]                   sao lưu cơ sở dữ liệu (mặc định vào backups/ trong thư mục dữ liệu;
                                       mỗi ngày lần mở đầu tiên tự sao lưu vào đó, giữ 30 bản)
`

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	out := fs.String("o", "", "")
	err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	path := *out
	if path == "" {
		dir := sqlite.BackupDir(env.Desk.DataDir)
		if err := platform.PrivateDir(dir); err != nil {
			return err
		}
		path = filepath.Join(dir, sqlite.BackupName(env.Desk.Now()))
	}
	line := newProgress(env.Stdout, "Đang sao lưu", "MB")
	err = env.Desk.Backup(data.WithProgress(ctx, line.report()), path)
	line.done()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, path)
	return nil
}
