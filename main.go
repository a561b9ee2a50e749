// Command motcua is Một Cửa, the counter application of a one-stop public
// administrative service centre. With a command it runs headless; without
// one it opens the window.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"motcua/app"
	"motcua/cli"
	"motcua/counter"
	"motcua/data/sqlite"
	"motcua/data/sqlite/seedstore"
	"motcua/errlog"
	"motcua/platform"
)

func main() {
	os.Exit(run())
}

func run() int {
	if len(os.Args) > 1 {
		platform.AttachConsole() // a command typed in a console prints there
	}
	fs := flag.NewFlagSet("motcua", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dataFlag := fs.String("data", "", "thư mục dữ liệu")
	userFlag := fs.String("user", "", "tên đăng nhập")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "%v\n\n%s", err, cli.Usage())
		return 2
	}
	dir, err := platform.DataDir(*dataFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx := context.Background()
	reporter := errlog.New(dir)
	env := &cli.Env{DataDir: dir, Reporter: reporter, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		User: *userFlag, Terminal: cli.StdTerminal(os.Stdin, os.Stderr)}
	// restore checks its administrator against the backup when there is
	// no database here, or one that does not open.
	dbFile := filepath.Join(dir, "motcua.db")
	restoring := fs.NArg() > 0 && fs.Arg(0) == "restore"
	if _, err := os.Stat(dbFile); restoring && err != nil {
		return cli.Run(ctx, env, fs.Args())
	}
	var unlockWindow func() error
	if fs.NArg() == 0 {
		if unlockWindow, err = sqlite.LockWindow(dir); err != nil {
			return refuseWindow(reporter.Message(err))
		}
		defer unlockWindow()
	}
	store, err := sqlite.Open(ctx, dbFile)
	if err != nil && restoring {
		return cli.Run(ctx, env, fs.Args())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, reporter.Message(err))
		return 1
	}
	var closeOnce sync.Once
	closeStore := func() (err error) {
		closeOnce.Do(func() { err = store.Close() })
		return err
	}
	defer closeStore()
	// The first start of each day takes a backup: a command before it
	// runs, the window in the background once an officer is in.
	if fs.NArg() > 0 {
		if _, err := store.DailyBackup(ctx, dir); err != nil {
			fmt.Fprintln(os.Stderr, "Cảnh báo: chưa sao lưu tự động được hôm nay: "+reporter.Message(err))
		}
	}

	// Every service is built once, here, and handed to the commands or
	// the window.
	desk := counter.New(store, dir)
	provinceSync := counter.NewSync(store)
	// Every print goes to the printer and paper chosen for this workstation.
	platform.Remember(func() (platform.PrintOptions, error) { return desk.PrintChoice(ctx) })
	if fs.NArg() > 0 {
		env.Desk, env.Sync, env.CloseStore, env.Seeder = desk, provinceSync, closeStore, seedstore.Tool{DB: store}
		return cli.Run(ctx, env, fs.Args())
	}
	a := fyneapp.NewWithID(app.ID)
	ui, err := app.New(ctx, a, app.Services{Desk: desk, Sync: provinceSync, Reporter: reporter, DailyBackup: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, reporter.Message(err))
		return 1
	}
	ui.Window().ShowAndRun()
	return 0
}

// refuseWindow says, in a small window of its own, why a second window
// on the same data folder does not open.
func refuseWindow(msg string) int {
	fmt.Fprintln(os.Stderr, msg)
	a := fyneapp.NewWithID(app.ID)
	w := a.NewWindow("Một Cửa — đã mở")
	w.SetContent(container.NewVBox(widget.NewLabel(msg), widget.NewButton("Đóng", a.Quit)))
	w.ShowAndRun()
	return 1
}
