package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"motcua/data"
)

const usageUser = `  user add TÊN_ĐĂNG_NHẬP --name "HỌ TÊN" --role counter|supervisor|admin
                                       tạo tài khoản (mật khẩu từ MOTCUA_NEW_PASSWORD hoặc được hỏi)
  user list [--json]                   các tài khoản của đơn vị
  user disable|enable TÊN_ĐĂNG_NHẬP     vô hiệu hoá / dùng lại một tài khoản (mọi máy trạm, sau đồng bộ)
  user passwd [TÊN_ĐĂNG_NHẬP]          đổi mật khẩu của mình; quản trị đặt lại được của người khác
`

func runUser(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Thiếu lệnh con của user.")
	}
	sub := map[string]func(context.Context, *Env, []string) error{
		"add": userAdd, "list": userList, "disable": userDisable, "enable": userEnable, "passwd": userPasswd,
	}[args[0]]
	if sub == nil {
		return usagef("Không có lệnh user %q.", args[0])
	}
	return sub(ctx, env, args[1:])
}

// newPassword reads the password of a new account or a reset one.
func (env *Env) newPassword(username string) (string, error) {
	return env.password("MOTCUA_NEW_PASSWORD", fmt.Sprintf("Mật khẩu mới của %s: ", username), true)
}

func userAdd(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	name := fs.String("name", "", "")
	role := fs.String("role", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *role == "" {
		return usagef("Cần TÊN_ĐĂNG_NHẬP, --name \"HỌ TÊN\" và --role counter|supervisor|admin.")
	}
	// The account's fields are checked before its password is asked for.
	a := data.Account{Username: pos[0], FullName: *name, Role: data.Role(*role)}
	a.Normalize()
	if err := a.Validate(); err != nil {
		return asFlags(err)
	}
	pw, err := env.newPassword(a.Username)
	if err != nil {
		return err
	}
	if a, err = env.Desk.AddAccount(ctx, a.Username, a.FullName, a.Role, pw); err != nil {
		return asFlags(err)
	}
	fmt.Fprintf(env.Stdout, "Đã tạo tài khoản %s — %s (%s).\n", a.Username, a.FullName, a.Role.Label())
	return nil
}

type accountJSON struct {
	Username  string    `json:"username"`
	FullName  string    `json:"full_name"`
	Role      data.Role `json:"role"`
	Disabled  bool      `json:"disabled"`
	UpdatedAt string    `json:"updated_at"`
}

func userList(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("user list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	as, err := env.Desk.Accounts(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := []accountJSON{}
		for _, a := range as {
			out = append(out, accountJSON{a.Username, a.FullName, a.Role, a.Disabled, a.UpdatedAt.Format(time.RFC3339)})
		}
		return printJSON(env.Stdout, out)
	}
	fmt.Fprintf(env.Stdout, "%d tài khoản:\n", len(as))
	for _, a := range as {
		state := ""
		if a.Disabled {
			state = " — đã vô hiệu hoá"
		}
		fmt.Fprintf(env.Stdout, "  %-16s %s (%s)%s\n", a.Username, a.FullName, a.Role.Label(), state)
	}
	return nil
}

func oneUsername(name string, args []string) (string, error) {
	pos, err := parse(flag.NewFlagSet(name, flag.ContinueOnError), args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usagef("Cần đúng một TÊN_ĐĂNG_NHẬP.")
	}
	return pos[0], nil
}

func userDisable(ctx context.Context, env *Env, args []string) error {
	return setDisabled(ctx, env, args, true)
}
func userEnable(ctx context.Context, env *Env, args []string) error {
	return setDisabled(ctx, env, args, false)
}

func setDisabled(ctx context.Context, env *Env, args []string, disable bool) error {
	username, err := oneUsername("user", args)
	if err != nil {
		return err
	}
	a, err := env.Desk.SetDisabled(ctx, username, disable)
	if err != nil {
		return err
	}
	if disable {
		fmt.Fprintf(env.Stdout, "Đã vô hiệu hoá tài khoản %s; các máy trạm khác nhận sau lần đồng bộ tới.\n", a.Username)
	} else {
		fmt.Fprintf(env.Stdout, "Tài khoản %s dùng lại được.\n", a.Username)
	}
	return nil
}

func userPasswd(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(flag.NewFlagSet("user passwd", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("Cần nhiều nhất một TÊN_ĐĂNG_NHẬP.")
	}
	username := env.Desk.Officer().Username
	if len(pos) == 1 {
		username = pos[0]
	}
	// Who may reset whose password is checked before it is asked for.
	if username != env.Desk.Officer().Username {
		if err := data.Permit(env.Desk.Officer(), data.ActAccounts); err != nil {
			return err
		}
	}
	pw, err := env.newPassword(username)
	if err != nil {
		return err
	}
	a, err := env.Desk.SetPassword(ctx, username, pw)
	if err != nil {
		return asFlags(err)
	}
	fmt.Fprintf(env.Stdout, "Đã đổi mật khẩu của %s.\n", a.Username)
	return nil
}
