package cli

import (
	"context"
	"fmt"
	"os"

	"motcua/data"
)

// commandActions is what each command does, for the check made before it
// runs: the least role is data.Action's (data/roles.go). A command is
// named by its verb, or its verb and subcommand, which wins; every verb
// has a line of its own (its strictest action when its subcommands
// differ). data.ActNone needs no account. A new command adds its lines
// here.
var commandActions = map[string]data.Action{
	"init":            data.ActSetup, // the first, with --admin, needs none: it makes the first account
	"catalog":         data.ActCatalog,
	"catalog list":    data.ActNone,
	"calendar":        data.ActCalendar,
	"calendar list":   data.ActNone,
	"calendar due":    data.ActNone,
	"intake":          data.ActIntake,
	"receipt":         data.ActIntake,
	"show":            data.ActView,
	"form":            data.ActStop,
	"form supplement": data.ActNotice,
	"form refuse":     data.ActNotice,
	"form stop":       data.ActStop,
	"form control":    data.ActReturnDesk,
	"scan":            data.ActNone,
	"enroll":          data.ActSetup,
	"sync":            data.ActSync,
	"manifest":        data.ActManifest,
	"status":          data.ActReturnDesk,
	"status undo":     data.ActUndo,
	"return":          data.ActReturnDesk,
	"apology":         data.ActApology,
	"lists":           data.ActView,
	"backup":          data.ActBackup,
	"restore":         data.ActBackup,
	"check":           data.ActNone,
	"printer":         data.ActSetup,
	"printer list":    data.ActNone,
	"user":            data.ActAccounts,
	"user passwd":     data.ActOwnPassword, // another's: the desk asks for ActAccounts
	"audit":           data.ActAudit,
	"fees":            data.ActReports,
	"fees receipt":    data.ActIntake,
	"register":        data.ActReports,
	"search":          data.ActView,
	"report":          data.ActReports,
	"report postal":   data.ActReports,
	"dev":             data.ActSetup, // on a folder with no account yet, none: it sets up a sample office
}

// actionOf is the action of a command line.
func actionOf(args []string) (data.Action, bool) {
	if len(args) > 1 {
		if a, ok := commandActions[args[0]+" "+args[1]]; ok {
			return a, true
		}
	}
	a, ok := commandActions[args[0]]
	return a, ok
}

func (env *Env) getenv(name string) string {
	if env.Getenv != nil {
		return env.Getenv(name)
	}
	return os.Getenv(name)
}

// logIn logs the command's account in at the desk and checks that its
// role allows the command, before the command reads or changes anything.
func (env *Env) logIn(ctx context.Context, args []string) error {
	act, ok := actionOf(args)
	if !ok {
		return fmt.Errorf("cli: command %q has no line in commandActions", args[0])
	}
	if act == data.ActNone {
		return nil
	}
	if env.Desk == nil {
		return nil // restore with a database that does not open: it checks the backup's accounts
	}
	switch has, err := env.Desk.HasAccounts(ctx); {
	case err != nil:
		return err
	case !has && (args[0] == "init" || args[0] == "restore" || args[0] == "dev"):
		// The first run: init makes the first administrator; restore
		// checks the backup's; dev seed fills a folder to try, whose
		// set-up screen then makes the first administrator.
		return nil
	case !has:
		return data.Errorf(data.ELoggedOut, "Chưa có tài khoản nào: hãy thiết lập trước (motcua init … --admin TÊN_ĐĂNG_NHẬP --admin-name \"HỌ TÊN\"). Chưa thay đổi gì.")
	}
	user, pw, err := env.credentials(act)
	if err != nil {
		return err
	}
	if _, err := env.Desk.Login(ctx, user, pw); err != nil {
		return err
	}
	return data.Permit(env.Desk.Officer(), act)
}

// credentials are the account a command runs as and its password.
func (env *Env) credentials(act data.Action) (user, pw string, err error) {
	if user = env.User; user == "" {
		user = env.getenv("MOTCUA_USER")
	}
	if user == "" {
		return "", "", data.Errorf(data.ELoggedOut, "Lệnh này (%s) cần đăng nhập: thêm --user TÊN_ĐĂNG_NHẬP trước lệnh (hoặc đặt MOTCUA_USER); mật khẩu lấy từ MOTCUA_PASSWORD hoặc được hỏi. Chưa thay đổi gì.",
			act.Describe())
	}
	pw, err = env.password("MOTCUA_PASSWORD", fmt.Sprintf("Mật khẩu của %s: ", user), false)
	return user, pw, err
}

// password reads a password from an environment variable, or else from
// the terminal without echo; a new one is typed twice.
func (env *Env) password(variable, prompt string, twice bool) (string, error) {
	if pw := env.getenv(variable); pw != "" {
		return pw, nil
	}
	if env.Terminal == nil || !env.Terminal.IsTerminal() {
		return "", data.Errorf(data.ELoggedOut, "Cần mật khẩu: đặt biến môi trường %s, hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập (chữ không hiện ra). Chưa thay đổi gì.", variable)
	}
	pw, err := env.Terminal.ReadPassword(prompt)
	if err != nil {
		return "", fmt.Errorf("cli: read password: %w", err)
	}
	if twice {
		again, err := env.Terminal.ReadPassword("Nhập lại mật khẩu: ")
		if err != nil {
			return "", fmt.Errorf("cli: read password: %w", err)
		}
		if again != pw {
			return "", data.Errorf(data.EInvalid, "Hai lần nhập mật khẩu không giống nhau. Chưa thay đổi gì.")
		}
	}
	return pw, nil
}
