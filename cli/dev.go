package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"motcua/data/sqlite"
)

const usageDev = `  dev seed --dossiers N [--days D]     để dùng thử: thêm N hồ sơ mẫu trong D ngày trước hôm nay (tên, số định danh,
                                       thủ tục của danh mục mẫu, mọi trạng thái, biên bản); thiết lập đơn vị mẫu nếu chưa có
`

// Seeder fills a store with generated dossiers (sqlite.DB.Seed).
type Seeder interface {
	Seed(ctx context.Context, o sqlite.SeedOptions) error
	// SetUp gives a store not set up yet the generated stores' office
	// and the sample catalogue.
	SetUp(ctx context.Context) error
}

func runDev(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "seed" {
		return usagef("Lệnh dev chỉ có: dev seed --dossiers N [--days D].")
	}
	fs := flag.NewFlagSet("dev seed", flag.ContinueOnError)
	n := fs.Int("dossiers", 0, "")
	days := fs.Int("days", 0, "")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 || *n <= 0 || *days < 0 {
		return usagef("Cần --dossiers N (N > 0) và có thể --days D.")
	}
	if env.Seeder == nil {
		return usagef("Lệnh dev seed cần mở cơ sở dữ liệu.")
	}
	if err := env.Seeder.SetUp(ctx); err != nil {
		return err
	}
	line := newProgress(env.Stdout, "Đang tạo hồ sơ mẫu", "hồ sơ")
	start := time.Now()
	err = env.Seeder.Seed(ctx, sqlite.SeedOptions{Dossiers: *n, Days: *days, Seed: uint64(start.UnixNano()), Progress: line.report()})
	line.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Đã thêm %s hồ sơ mẫu trong %s.\n", grouped(*n), time.Since(start).Round(time.Second))
	return nil
}
