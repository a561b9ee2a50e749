// Command motcua-server is the provincial sync server of Một Cửa: it
// keeps every office's dossiers in PostgreSQL and serves the counter
// workstations over HTTPS. Run it without arguments for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"motcua/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := server.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
