package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"motcua/data"
)

const usageAudit = `  audit verify [--json]                kiểm tra chuỗi nhật ký (và đầu chuỗi tỉnh giữ); mã thoát 0 khi nguyên vẹn
  audit list [--dossier MÃ] [--user TÊN_ĐĂNG_NHẬP] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]
                                       các mục nhật ký: ai, lúc nào, làm gì, với hồ sơ nào
`

func runAudit(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Thiếu lệnh con của audit.")
	}
	switch args[0] {
	case "verify":
		return auditVerify(ctx, env, args[1:])
	case "list":
		return auditList(ctx, env, args[1:])
	}
	return usagef("Không có lệnh audit %q.", args[0])
}

type findingJSON struct {
	data.AuditFinding
	Message string `json:"message"`
}

type verifyJSON struct {
	Intact       bool            `json:"intact"`
	Entries      int64           `json:"entries"`
	Head         data.AuditHead  `json:"head"`
	Finding      *findingJSON    `json:"finding"`
	Province     *data.AuditHead `json:"province"`
	Acknowledged *data.AuditHead `json:"acknowledged"`
	Enrolled     bool            `json:"enrolled"`
	Offline      string          `json:"offline,omitempty"`
}

func auditVerify(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("audit verify", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	c, err := env.Desk.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := verifyJSON{Intact: c.Finding == nil, Entries: c.Entries, Head: c.Head, Province: c.Province,
			Acknowledged: c.Acknowledged, Enrolled: c.Enrolled, Offline: c.Offline}
		if c.Finding != nil {
			out.Finding = &findingJSON{*c.Finding, c.Finding.Message()}
		}
		if err := printJSON(env.Stdout, out); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(env.Stdout, "Nhật ký: %d mục, mục mới nhất số %d.\n", c.Entries, c.Head.Seq)
		switch {
		case !c.Enrolled:
			fmt.Fprintln(env.Stdout, "Máy trạm chưa đăng ký với tỉnh: chỉ kiểm tra được chuỗi trên máy này.")
		case c.Offline != "":
			fmt.Fprintf(env.Stdout, "Không hỏi được tỉnh (%s); đã so với đầu chuỗi tỉnh xác nhận lần đồng bộ trước.\n", c.Offline)
		case c.Province != nil:
			fmt.Fprintf(env.Stdout, "Đã so với đầu chuỗi tỉnh đang giữ: mục số %d.\n", c.Province.Seq)
		default:
			fmt.Fprintln(env.Stdout, "Tỉnh chưa nhận đầu chuỗi nào của máy này (chưa đồng bộ sau khi có nhật ký).")
		}
		if c.Acknowledged != nil {
			fmt.Fprintf(env.Stdout, "Đầu chuỗi tỉnh xác nhận lần trước: mục số %d.\n", c.Acknowledged.Seq)
		}
		if c.Finding == nil {
			fmt.Fprintln(env.Stdout, "Nhật ký nguyên vẹn.")
		}
	}
	if c.Finding != nil {
		return data.Errorf(data.EConflict, "%s", c.Finding.Message())
	}
	return nil
}

type auditJSON struct {
	Seq         int64  `json:"seq"`
	At          string `json:"at"`
	Account     string `json:"account"`
	Actor       string `json:"actor"`
	Workstation int    `json:"workstation"`
	Action      string `json:"action"`
	Subject     string `json:"subject"`
	Detail      string `json:"detail"`
	Digest      string `json:"digest"`
	Hash        string `json:"hash"`
}

func auditList(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("audit list", flag.ContinueOnError)
	dossier := fs.String("dossier", "", "")
	user := fs.String("user", "", "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f := data.AuditFilter{Dossier: *dossier, Account: *user}
	var bad data.Fields
	for _, d := range []struct {
		flag, value string
		into        *time.Time
	}{{"--from", *from, &f.From}, {"--to", *to, &f.To}} {
		if d.value == "" {
			continue
		}
		t, err := data.ParseDate(d.value)
		if err != nil {
			bad.Add(d.flag, "ngày %q cần dạng YYYY-MM-DD", d.value)
		}
		*d.into = t
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		bad.Add("--to", "ngày cuối trước ngày đầu")
	}
	if err := bad.Err("Điều kiện lọc chưa hợp lệ."); err != nil {
		return err
	}
	es, err := env.Desk.AuditEntries(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		out := []auditJSON{}
		for _, e := range es {
			out = append(out, auditJSON{e.Seq, e.At.Format(time.RFC3339), e.Account, e.Actor, e.Workstation, e.Action,
				e.Subject, e.Detail, e.Digest, e.Hash})
		}
		return printJSON(env.Stdout, out)
	}
	fmt.Fprintf(env.Stdout, "%d mục nhật ký:\n", len(es))
	for _, e := range es {
		who := e.Actor
		if e.Account != "" {
			who = e.Account + " (" + e.Actor + ")"
		}
		fmt.Fprintf(env.Stdout, "%6d  %s  máy %d  %s  %s  %s", e.Seq, e.At.Format("02/01/2006 15:04:05"), e.Workstation, who, e.Action, e.Subject)
		if e.Detail != "" {
			fmt.Fprintf(env.Stdout, "  — %s", e.Detail)
		}
		fmt.Fprintln(env.Stdout)
	}
	return nil
}
