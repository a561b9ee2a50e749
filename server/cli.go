package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/catalogfile"
)

// Usage is the server's command summary.
const Usage = `Cách dùng: motcua-server LỆNH …

  serve --database URL [--listen ĐỊA_CHỈ] --tls-cert TỆP --tls-key TỆP
        [--public-listen ĐỊA_CHỈ [--public-tls-cert TỆP --public-tls-key TỆP]
         [--trusted-proxy CIDR]… [--public-rate N]]
        chạy máy chủ đồng bộ (mặc định --listen 127.0.0.1:8443); với --public-listen
        còn phục vụ trang tra cứu hồ sơ cho người dân (/tra-cuu)
  enroll --database URL --agency-code MÃ --workstation N [--ttl 24h] [--replace]
        in mã đăng ký dùng một lần cho một máy trạm; --replace: cho máy thay thế
        một máy trạm đã đăng ký (mã truy cập của máy cũ bị thu hồi ngay)
  dev-cert --out THƯ_MỤC [--host TÊN]…
        tạo CA riêng và chứng chỉ máy chủ để thử (ca.pem, server.pem, server-key.pem)
  catalog import TỆP.json|TỆP.csv --database URL
        công bố danh mục thủ tục cho mọi đơn vị
  calendar off|work YYYY-MM-DD --name "TÊN" --database URL
        công bố ngày nghỉ / ngày làm bù cho mọi đơn vị
  postal-key --name "TÊN" --database URL
        cấp khoá cho hệ thống của bưu điện (in một lần, ở dòng đầu); khoá chỉ dùng
        được API bưu chính (/postal/v1/…), cho mọi đơn vị của tỉnh
  postal-key --revoke "TÊN" --database URL
        thu hồi ngay khoá bưu điện tên đó
  status MÃ_HỒ_SƠ TRẠNG_THÁI --agency "CƠ QUAN" [--note "…"] --database URL
        ghi quyết định của cơ quan giải quyết (transferred, result-ready, …)
  report --from YYYY-MM-DD --to YYYY-MM-DD [--json] [-o TỆP.xlsx] --database URL
        số liệu của kỳ theo từng đơn vị và tổng cộng của tỉnh (tiếp nhận, giải quyết
        trước hạn/đúng hạn/quá hạn, đang giải quyết, đã trả, từ chối, bổ sung, xin lỗi, dừng)

--database có thể thay bằng biến môi trường MOTCUA_DATABASE_URL.
`

// Main runs a server command and returns the exit status: 0 done,
// 1 refused or failed, 2 wrong usage.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		args = append([]string{"serve"}, args...)
	}
	cmds := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"serve": serve, "enroll": enrollCmd, "dev-cert": devCertCmd, "catalog": catalogCmd, "calendar": calendarCmd, "status": statusCmd,
		"postal-key": postalKeyCmd,
		"report":     reportCmd,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "Không có lệnh %q.\n\n%s", args[0], Usage)
		return 2
	}
	err := cmd(ctx, args[1:], stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "%s\n\n%s", ue, Usage)
		return 2
	case data.ErrorCode(err) == data.EInternal:
		fmt.Fprintf(stderr, "Lỗi: %v\n", err)
		return 1
	}
	fmt.Fprintln(stderr, data.ErrorMessage(err))
	return 1
}

type usageError string

func (e usageError) Error() string { return string(e) }

// flags parses flags standing anywhere among the positional arguments.
func flags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError(err.Error())
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func databaseFlag(fs *flag.FlagSet) *string {
	return fs.String("database", os.Getenv("MOTCUA_DATABASE_URL"), "")
}

func openStore(ctx context.Context, url string) (*Store, error) {
	if url == "" {
		return nil, usageError("Cần --database URL (hoặc biến MOTCUA_DATABASE_URL).")
	}
	return Open(ctx, url)
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:8443", "")
	dbURL := databaseFlag(fs)
	cert := fs.String("tls-cert", "", "")
	key := fs.String("tls-key", "", "")
	pub := publicFlags(fs)
	if pos, err := flags(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError(fmt.Sprintf("Thừa tham số: %v", pos))
	}
	if *cert == "" || *key == "" {
		return usageError("Cần --tls-cert và --tls-key (dùng \"motcua-server dev-cert\" để thử).")
	}
	if err := pub.check(*cert, *key); err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	store, err := openStore(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	srv := &http.Server{
		Addr:              *listen,
		Handler:           (&API{Store: store, Log: log}).Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 2)
	go func() { done <- srv.ListenAndServeTLS(*cert, *key) }()
	log.Info("listening", "addr", *listen)
	public, err := pub.server(ctx, store, log)
	if err != nil {
		srv.Close()
		return err
	}
	if public != nil {
		go func() { done <- public.ListenAndServeTLS(pub.cert, pub.key) }()
		log.Info("public pages listening", "addr", pub.listen)
	}
	select {
	case err := <-done:
		srv.Close()
		if public != nil {
			public.Close()
		}
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if public != nil {
		public.Shutdown(shutdown)
	}
	return srv.Shutdown(shutdown)
}

func enrollCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("enroll", flag.ContinueOnError)
	dbURL := databaseFlag(fs)
	agency := fs.String("agency-code", "", "")
	number := fs.Int("workstation", 0, "")
	ttl := fs.Duration("ttl", 24*time.Hour, "")
	replace := fs.Bool("replace", false, "")
	if _, err := flags(fs, args); err != nil {
		return err
	}
	store, err := openStore(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	issue := store.NewEnrollment
	if *replace {
		issue = store.NewReplacement
	}
	code, err := issue(ctx, *agency, *number, *ttl)
	if err != nil {
		return err
	}

	fmt.Fprintln(stdout, code)
	fmt.Fprintf(stdout, "Mã đăng ký cho máy trạm %d của đơn vị %s, dùng một lần, hết hạn sau %s.\n"+
		"Trên máy trạm: motcua enroll --server https://… --code %s [--ca ca.pem]\n", *number, *agency, *ttl, code)
	if *replace {
		fmt.Fprintf(stdout, "Mã này dành cho máy thay thế: mã truy cập của máy cũ đã bị thu hồi. Trên máy mới: motcua init … --workstation %d, "+
			"rồi enroll, rồi sync --once để nhận lại mọi hồ sơ của đơn vị.\n", *number)
	}
	return nil
}

func devCertCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dev-cert", flag.ContinueOnError)
	out := fs.String("out", "", "")
	var hosts []string
	fs.Func("host", "", func(s string) error { hosts = append(hosts, s); return nil })
	if _, err := flags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError("Cần --out THƯ_MỤC.")
	}
	if err := WriteDevCert(*out, hosts, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã ghi %s (đưa cho máy trạm: --ca), %s và %s (--tls-cert, --tls-key) vào %s.\n",
		DevCAFile, DevCertFile, DevKeyFile, *out)
	return nil
}

func catalogCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("catalog", flag.ContinueOnError)
	dbURL := databaseFlag(fs)
	pos, err := flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "import" {
		return usageError("Cần: catalog import TỆP.")
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return data.Errorf(data.EInvalid, "Không mở được tệp danh mục %s: %v", pos[1], err)
	}
	defer f.Close()
	ps, err := catalogfile.Parse(pos[1], f)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.ImportProcedures(ctx, ps)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã công bố %d thủ tục mới hoặc thay đổi (tệp có %d).\n", n, len(ps))
	return nil
}

func calendarCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("calendar", flag.ContinueOnError)
	dbURL := databaseFlag(fs)
	name := fs.String("name", "", "")
	pos, err := flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || (pos[0] != "off" && pos[0] != "work") {
		return usageError("Cần: calendar off|work YYYY-MM-DD --name \"TÊN\".")
	}
	date, err := data.ParseDate(pos[1])
	if err != nil {
		return err
	}
	store, err := openStore(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.SetOverride(ctx, data.Override{Date: date, Off: pos[0] == "off", Name: *name}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã công bố ngày %s.\n", date.Format("02/01/2006"))
	return nil
}

func statusCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	dbURL := databaseFlag(fs)
	agency := fs.String("agency", "", "")
	note := fs.String("note", "", "")
	pos, err := flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || *agency == "" {
		return usageError("Cần: status MÃ_HỒ_SƠ TRẠNG_THÁI --agency \"CƠ QUAN\".")
	}
	store, err := openStore(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.SetStatus(ctx, pos[0], data.Status(pos[1]), *agency, *note); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Hồ sơ %s: %s.\n", pos[0], data.Status(pos[1]).Label())
	return nil
}

func postalKeyCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("postal-key", flag.ContinueOnError)
	dbURL := databaseFlag(fs)
	name := fs.String("name", "", "")
	revoke := fs.String("revoke", "", "")
	if pos, err := flags(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError(fmt.Sprintf("Thừa tham số: %v", pos))
	}
	if (*name == "") == (*revoke == "") {
		return usageError("Cần đúng một trong hai: postal-key --name \"TÊN\" hoặc postal-key --revoke \"TÊN\".")
	}
	store, err := openStore(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	if *revoke != "" {
		if err := store.RevokePostalKey(ctx, *revoke); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã thu hồi khoá bưu điện %q: mọi yêu cầu dùng khoá đó bị từ chối (403) từ bây giờ.\n", data.Clean(*revoke))
		return nil
	}
	key, err := store.NewPostalKey(ctx, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, key)
	fmt.Fprintf(stdout, "Khoá cho hệ thống bưu điện %q. Tỉnh chỉ lưu bản băm: hãy chuyển khoá này cho bưu điện qua kênh an toàn, nó không in lại được.\n"+
		"Bưu điện gửi kèm mọi yêu cầu: Authorization: Bearer <khoá>. Khoá chỉ dùng được /postal/v1/…; thu hồi: motcua-server postal-key --revoke %q.\n",
		data.Clean(*name), data.Clean(*name))
	return nil
}
