// Package cli is Một Cửa's headless command line: the same services the
// screens use, for administrators' scripts and for tests.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"motcua/counter"
	"motcua/data"
	"motcua/errlog"
	"motcua/platform"
)

// Env is what a command runs against.
type Env struct {
	// Desk is the counter desk: the commands read through it and change
	// data only through its workflows.
	Desk *counter.Desk
	// Sync is the provincial sync the sync command runs.
	Sync   *counter.Sync
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// User is the account the commands run as (--user); "" takes
	// MOTCUA_USER.
	User string
	// Getenv reads the environment (MOTCUA_USER, MOTCUA_PASSWORD,
	// MOTCUA_NEW_PASSWORD); nil reads the process's.
	Getenv func(string) string
	// Terminal asks for passwords without echoing them; nil when no
	// person is at a terminal.
	Terminal Terminal
	// CloseStore closes the store the desk runs on, for restore, which
	// needs the data folder to itself; nil when no store is open.
	CloseStore func() error
	// Printers lists the machine's printers; nil asks the system.
	Printers func() ([]platform.Printer, error)
	// Reporter logs an internal error and returns the id the message
	// gives; nil logs to the data folder's errlog.
	Reporter Reporter
	// Seeder fills the store with generated dossiers, for dev seed.
	Seeder Seeder
	// DataDir is the data folder, for the commands that run with no
	// store open (restore); the others use the desk's.
	DataDir string
}

// dataDir is the data folder the command runs on.
func (env *Env) dataDir() string {
	if env.Desk != nil {
		return env.Desk.DataDir
	}
	return env.DataDir
}

// Reporter logs an internal error under an id.
type Reporter interface {
	Report(err error) (id string)
}

// command is one verb; run gets the arguments after the verb's name.
type command struct {
	usage string
	run   func(ctx context.Context, env *Env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"init":     {usageInit, runInit},
		"catalog":  {usageCatalog, runCatalog},
		"calendar": {usageCalendar, runCalendar},
		"intake":   {usageDossier, runIntake},
		"receipt":  {usageDossier, runReceipt},
		"show":     {usageDossier, runShow},
		"form":     {usageDossier, runForm},
		"scan":     {usageDossier, runScan},
		"enroll":   {usageSync, runEnroll},
		"sync":     {usageSync, runSync},
		"manifest": {usageManifest, runManifest},
		"status":   {usageReturns, runStatus},
		"return":   {usageReturns, runReturn},
		"apology":  {usageReturns, runApology},
		"lists":    {usageReturns, runLists},
		"backup":   {usageBackup, runBackup},
		"check":    {usageMaintenance, runCheck},
		"restore":  {usageMaintenance, runRestore},
		"printer":  {usagePrinter, runPrinter},
		"user":     {usageUser, runUser},
		"audit":    {usageAudit, runAudit},
		"fees":     {usageFees, runFees},
		"register": {usageRegister, runRegister},
		"search":   {usageSearch, runSearch},
		"report":   {usageReport, runReport},
		"dev":      {usageDev, runDev},
	}
}

// Usage is the summary printed for an unknown or missing command.
func Usage() string {
	var b strings.Builder
	b.WriteString("Cách dùng: motcua [--data THƯ_MỤC] [--user TÊN_ĐĂNG_NHẬP] LỆNH …\n\n" +
		"Lệnh thay đổi dữ liệu hoặc cho xem dữ liệu cá nhân cần đăng nhập: --user (hoặc MOTCUA_USER),\n" +
		"mật khẩu từ MOTCUA_PASSWORD hoặc được hỏi (không hiện chữ).\n\nCác lệnh:\n")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	seen := map[string]bool{}
	for _, n := range names {
		if u := cmds[n].usage; !seen[u] {
			seen[u] = true
			b.WriteString(u)
		}
	}
	return b.String()
}

// Run runs the command named by args[0] and returns the exit status:
// 0 on success, 1 when the command refused its input, 2 for bad usage.
func Run(ctx context.Context, env *Env, args []string) int {
	if env.Reporter == nil {
		env.Reporter = errlog.New(env.dataDir())
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, Usage())
		return 2
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "Không có lệnh %q.\n\n%s", args[0], Usage())
		return 2
	}
	err := env.logIn(ctx, args)
	if err == nil {
		err = cmd.run(ctx, env, args[1:])
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "%s\n\nCách dùng:\n%s", ue.msg, cmd.usage)
		return 2
	case err == errInvalidScan, err == errQuiet:
		return 1
	case data.ErrorCode(err) == data.EInternal:
		fmt.Fprintln(env.Stderr, data.InternalMessage(env.Reporter.Report(err)))
		return 1
	}
	fmt.Fprintln(env.Stderr, data.ErrorMessage(err))
	return 1
}

// asFlags names an error's fields as the flags the administrator typed:
// the rules' field names are the flags' names.
func asFlags(err error) error {
	var de *data.Error
	if errors.As(err, &de) {
		for i := range de.Fields {
			de.Fields[i].Field = "--" + de.Fields[i].Field
		}
	}
	return err
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// parse parses flags that may stand before, between or after the
// positional arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseFlags parses a command that takes flags only: any other argument
// is a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	pos, err := parse(fs, args)
	if err == nil && len(pos) > 0 {
		err = usagef("Thừa tham số: %v", pos)
	}
	return err
}

// setFlags reports which flags were given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
