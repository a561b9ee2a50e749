package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"motcua/data"
)

const usageSearch = `  search CHỮ [--json]                  tìm hồ sơ theo tên người nộp (có dấu hay không), số định danh,
                                       số điện thoại, mã hồ sơ hoặc số hiệu bưu gửi (ghi nhật ký người xem)
`

// searchJSON is one dossier found, as search --json prints it.
type searchJSON struct {
	Code          string `json:"code"`
	Match         string `json:"match"`
	ApplicantName string `json:"applicant_name"`
	IDNumber      string `json:"id_number"` // masked
	ProcedureCode string `json:"procedure_code"`
	ProcedureName string `json:"procedure_name"`
	Status        string `json:"status"`
	ReceivedAt    string `json:"received_at"`
	DueDate       string `json:"due_date"`
}

func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	text := strings.TrimSpace(strings.Join(pos, " "))
	if text == "" {
		return usagef("Cần chữ để tìm: tên, số định danh, số điện thoại, mã hồ sơ hoặc số hiệu bưu gửi.")
	}
	hits, err := env.Desk.Search(ctx, text)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]searchJSON, 0, len(hits))
		for _, h := range hits {
			out = append(out, searchJSON{Code: h.Code, Match: h.Match, ApplicantName: h.ApplicantName, IDNumber: h.MaskedID,
				ProcedureCode: h.ProcedureCode, ProcedureName: h.ProcedureName, Status: string(h.Status),
				ReceivedAt: h.ReceivedAt.Format("2006-01-02T15:04:05Z07:00"), DueDate: h.DueDate.Format("2006-01-02")})
		}
		return printJSON(env.Stdout, out)
	}
	if len(hits) == 0 {
		fmt.Fprintf(env.Stdout, "Không tìm thấy hồ sơ nào với %q.\n", text)
		return nil
	}
	for _, h := range hits {
		fmt.Fprintf(env.Stdout, "%s  %s  %s  %s  %s\n", h.Code, h.ReceivedAt.In(data.Zone).Format("02/01/2006"), h.MaskedID,
			h.ApplicantName, h.Status.Label())
	}
	return nil
}
