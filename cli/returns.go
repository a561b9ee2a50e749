package cli

import (
	"context"
	"flag"
	"fmt"

	"motcua/data"
)

const usageReturns = `  status MÃ transferred|result-ready|withdrawn [--note "…"]
  status undo MÃ --reason "…"          hoàn tác thay đổi trạng thái cuối, đặt nhầm (lãnh đạo)
  return MÃ --recipient-id SỐ [--authorised-name TÊN --authorisation "…"] [-o TỆP.pdf]
                                       trả kết quả; -o in phiếu giao nhận kết quả
  apology MÃ --new-due YYYY-MM-DD --reason "…" -o TỆP.pdf
                                       phiếu xin lỗi và hẹn lại (Mẫu 04), một lần mỗi hồ sơ
  lists --json                         waiting / due_soon / overdue / stopped
`

// statusVerbs are the status changes an officer records by hand; the
// others follow from intake, forms, manifests and returns.
var statusVerbs = map[string]data.Status{
	"transferred":  data.StatusTransferred,
	"result-ready": data.StatusResultReady,
	"withdrawn":    data.StatusWithdrawn,
	"received":     data.StatusReceived, // a supplemented dossier comes back
}

func runStatus(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 && args[0] == "undo" {
		return runStatusUndo(ctx, env, args[1:])
	}
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	note := fs.String("note", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("Cần MÃ hồ sơ và trạng thái mới.")
	}
	to, ok := statusVerbs[pos[1]]
	if !ok {
		return usagef("Trạng thái %q không đặt tay được (transferred, result-ready, withdrawn, received).", pos[1])
	}
	v, err := env.Desk.SetStatus(ctx, pos[0], to, *note)
	if err != nil {
		return err
	}
	d := v.Dossier
	fmt.Fprintf(env.Stdout, "%s: %s.\n", d.Code, d.Status.Label())
	return nil
}

// runStatusUndo takes back a dossier's last status change, set by
// mistake, with the supervisor's reason.
func runStatusUndo(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("status undo", flag.ContinueOnError)
	reason := fs.String("reason", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần đúng một MÃ hồ sơ: status undo MÃ --reason \"…\".")
	}
	v, err := env.Desk.UndoStatus(ctx, pos[0], *reason)
	if err != nil {
		return asFlags(err)
	}
	undo := v.History[len(v.History)-1]
	fmt.Fprintf(env.Stdout, "%s: đã hoàn tác “%s”, trở lại “%s”.\n", v.Dossier.Code, undo.From.Label(), v.Dossier.Status.Label())
	return nil
}

func runReturn(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("return", flag.ContinueOnError)
	id := fs.String("recipient-id", "", "")
	name := fs.String("authorised-name", "", "")
	auth := fs.String("authorisation", "", "")
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần đúng một MÃ hồ sơ.")
	}
	v, err := env.Desk.Return(ctx, pos[0], data.Recipient{IDNumber: *id, Name: *name, Authorisation: *auth})
	if err != nil {
		return err
	}
	ret := *v.Return
	who := "người nộp"
	if ret.Authorised {
		who = "người được ủy quyền"
	}
	fmt.Fprintf(env.Stdout, "%s: đã trả kết quả lúc %s cho %s %s.\n", ret.DossierCode, ret.At.Format("15:04 02/01/2006"), who, ret.Name)
	if *out == "" {
		return nil
	}
	kept, err := env.Desk.ReturnNote(ctx, ret.DossierCode)
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}

func runApology(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("apology", flag.ContinueOnError)
	newDue := fs.String("new-due", "", "")
	reason := fs.String("reason", "", "")
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("Cần MÃ hồ sơ, --new-due, --reason và -o TỆP.pdf.")
	}
	due, err := data.ParseDate(*newDue)
	if err != nil {
		return data.Errorf(data.EInvalid, "Ngày hẹn mới %q cần dạng YYYY-MM-DD.", *newDue)
	}
	_, kept, err := env.Desk.Apology(ctx, pos[0], due, *reason)
	if err != nil {
		return err
	}
	return writeOut(env, kept, *out)
}

type waitingJSON struct {
	Code  string `json:"code"`
	Since string `json:"since"`
	Days  int    `json:"days"`
}

func runLists(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("lists", flag.ContinueOnError)
	fs.Bool("json", true, "")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	l, err := env.Desk.Lists(ctx)
	if err != nil {
		return err
	}
	codes := func(ds []data.Listed) []string {
		out := []string{}
		for _, d := range ds {
			out = append(out, d.Code)
		}
		return out
	}
	waiting := []string{}
	detail := []waitingJSON{}
	for _, w := range l.Waiting {
		waiting = append(waiting, w.Dossier.Code)
		detail = append(detail, waitingJSON{w.Dossier.Code, w.Since.Format("2006-01-02"), w.Days})
	}
	return printJSON(env.Stdout, map[string]any{"waiting": waiting, "waiting_days": detail,
		"due_soon": codes(l.DueSoon), "overdue": codes(l.Overdue), "stopped": codes(l.Stopped)})
}
