package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"motcua/counter"
	"motcua/data"
	"motcua/province"
)

const usageSync = `  enroll --server https://… --code MÃ [--ca TỆP.pem]
                                       đăng ký máy trạm với máy chủ tỉnh (mã dùng một lần)
  sync [--once]                        đồng bộ với tỉnh: gửi hàng đợi, nhận thay đổi; --once: một lượt
  sync dismiss KHOÁ                    đã xử lý một thay đổi tỉnh từ chối: bỏ khỏi danh sách cần xử lý
`

func runEnroll(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("enroll", flag.ContinueOnError)
	server := fs.String("server", "", "")
	code := fs.String("code", "", "")
	ca := fs.String("ca", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *server == "" || *code == "" {
		return usagef("Cần --server https://… và --code MÃ.")
	}
	resp, err := env.Desk.Enroll(ctx, *server, *code, *ca)
	if err != nil {
		return err
	}
	base, _ := province.CheckURL(*server)
	fmt.Fprintf(env.Stdout, "Đã đăng ký máy trạm %d của đơn vị %s với máy chủ %s.\n", resp.Workstation, resp.AgencyCode, base)
	return nil
}

func runSync(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	once := fs.Bool("once", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 2 && pos[0] == "dismiss" {
		return dismiss(ctx, env, pos[1])
	}
	if len(pos) > 0 {
		return usagef("Thừa tham số: %v", pos)
	}
	w, err := env.Sync.Worker(ctx)
	if err != nil {
		return err
	}
	if *once {
		line := newProgress(env.Stdout, "Đang nhận từ tỉnh", "thay đổi")
		rep, err := w.SyncOnce(data.WithProgress(ctx, line.report()))
		line.done()
		printReport(env, w.Status(), rep)
		if err != nil {
			return counter.SyncError(err)
		}
		return printAttention(ctx, env)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	fmt.Fprintf(env.Stdout, "Đồng bộ với %s; Ctrl+C để dừng.\n", w.Client.BaseURL)
	syncing := false
	unwatch := w.Watch(func(s province.Status) {
		if syncing && !s.Syncing { // a round ended
			printReport(env, s, s.LastReport)
		}
		syncing = s.Syncing
	})
	defer unwatch()
	w.Run(ctx)
	return printAttention(context.WithoutCancel(ctx), env)
}

func printReport(env *Env, s province.Status, rep province.Report) {
	fmt.Fprintf(env.Stdout, "Đã gửi %d thay đổi (%d tỉnh đã có), %d bị từ chối; đã nhận %d thay đổi. Còn chờ gửi: %d.\n",
		rep.Sent, rep.Duplicates, rep.Rejected, rep.Received, s.Queue)
	for _, r := range rep.Rejections {
		fmt.Fprintf(env.Stdout, "  Bị từ chối %s: %s\n", r.Key, r.Reason)
	}
	if s.LastError != "" {
		fmt.Fprintf(env.Stdout, "Lỗi: %s\n", s.LastError)
	}
	if warn := s.ClockWarning(); warn != "" {
		fmt.Fprintf(env.Stdout, "Cảnh báo: %s\n", warn)
	}
}

func printAttention(ctx context.Context, env *Env) error {
	rs, err := env.Desk.NeedsAttention(ctx)
	if err != nil || len(rs) == 0 {
		return err
	}
	fmt.Fprintf(env.Stdout, "Cần xử lý (%d thay đổi tỉnh từ chối):\n", len(rs))
	for _, r := range rs {
		fmt.Fprintf(env.Stdout, "  - %s %s %s (%s): %s\n", r.Key, r.CreatedAt.In(data.Zone).Format("02/01/2006 15:04"), r.Subject, r.Kind, r.Reason)
	}
	return nil
}

// dismiss records that an officer has seen to a change the province
// refused, as the sync screen's button does.
func dismiss(ctx context.Context, env *Env, key string) error {
	left, err := env.Desk.DismissRejection(ctx, key)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Đã xử lý %s; còn %d thay đổi cần xử lý.\n", key, len(left))
	return nil
}
