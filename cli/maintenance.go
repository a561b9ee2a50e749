package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"motcua/counter"
	"motcua/data"
	"motcua/data/sqlite"
)

const usageMaintenance = `  check [--json]                       kiểm tra cơ sở dữ liệu, sổ ghi số, quyền tệp, bản sao lưu; mã thoát 0 khi ổn
  restore TỆP.db                       khôi phục cơ sở dữ liệu từ bản sao lưu (đóng cửa sổ và mọi lệnh khác trước)
`

// restoreLogin makes sure an administrator restores. With the current
// database open, the dispatcher logged one in: the store is closed now,
// as restore needs the data folder to itself. A database that does not
// open (the reason to restore, often) cannot say who may: the backup's
// own accounts do, whose administrators are those in force after it; so
// do they for a database with no account yet.
// It returns the check Restore makes of the backup's accounts, nil when
// an administrator is logged in already.
func (env *Env) restoreLogin() (func(context.Context, string) error, error) {
	if env.CloseStore != nil {
		if err := env.CloseStore(); err != nil {
			return nil, err
		}
	}
	if env.Desk != nil && env.Desk.Officer().Username != "" {
		return nil, nil
	}
	user, pw, err := env.credentials(data.ActBackup)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, backup string) error {
		a, err := sqlite.BackupAccount(ctx, backup, user)
		if data.ErrorCode(err) == data.ENotFound {
			return data.Errorf(data.EPassword, "Sai tên đăng nhập hoặc mật khẩu (tài khoản được kiểm tra theo bản sao lưu). Chưa khôi phục.")
		}
		if err != nil {
			return err
		}
		return counter.CheckBackupLogin(a, pw)
	}, nil
}

func runCheck(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	h, err := env.Desk.Check(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := printJSON(env.Stdout, h); err != nil {
			return err
		}
	} else {
		yes := map[bool]string{true: "ok", false: "CÓ VẤN ĐỀ"}
		last := "chưa có"
		if h.LastBackup != nil {
			last = h.LastBackup.Format("15:04 02/01/2006")
		}
		fmt.Fprintf(env.Stdout, "Toàn vẹn cơ sở dữ liệu: %s\nChế độ lưu (synchronous): %s\nSổ ghi số: %s\nQuyền tệp: %s\nSao lưu gần nhất: %s\n",
			h.Integrity, h.Synchronous, yes[h.JournalOK], yes[h.ModesOK], last)
		for _, p := range h.Problems {
			fmt.Fprintf(env.Stdout, "  - %s\n", p)
		}
	}
	if !h.OK() {
		return errQuiet
	}
	return nil
}

func runRestore(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần đúng một TỆP.db sao lưu.")
	}
	allow, err := env.restoreLogin()
	if err != nil {
		return err
	}
	r, err := sqlite.Restore(ctx, filepath.Join(env.dataDir(), "motcua.db"), pos[0], time.Now(), allow)
	if err != nil {
		return err
	}
	when := r.TakenAt.In(data.Zone).Format("15:04 02/01/2006")
	if !r.TakenAtKnown {
		when += " (theo thời gian sửa tệp)"
	}
	fmt.Fprintf(env.Stdout, "Đã khôi phục bản sao lưu lúc %s: %d hồ sơ, máy trạm %d của đơn vị %s.\n",
		when, r.Dossiers, r.Workstation, r.AgencyCode)
	if r.Aside != "" {
		fmt.Fprintf(env.Stdout, "Cơ sở dữ liệu trước khi khôi phục được giữ ở %s.\n", r.Aside)
	}
	fmt.Fprintln(env.Stdout, "Sổ ghi số (motcua.db.seq) được giữ nguyên: không số nào bị cấp lại. Hãy đồng bộ (motcua sync --once) để nhận lại từ tỉnh những hồ sơ đã gửi sau lúc sao lưu.")
	return nil
}

// errQuiet ends a command with exit status 1 when its output has said
// why already.
var errQuiet = &data.Error{Code: data.EConflict}
