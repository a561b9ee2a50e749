package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"motcua/data"
	"motcua/data/sqlite/seedstore"
)

// TestSeedHasFeeReceipts: a generated store's dossiers of procedures
// that charge carry their fee receipts, collected at the counter or by
// the postman, or an exemption where the procedure allows one. The
// receipts are numbered in each workstation's block, restarting each
// year, in the order issued and journalled, so that check finds all in
// order and a real intake afterwards gets the next number.
func TestSeedHasFeeReceipts(t *testing.T) {
	// Two hundred days back from 1 June: the numbers restart on 1 January.
	db, dir := generated(t, 4000, 200)
	ctx := context.Background()
	office, err := db.Office(ctx)
	if err != nil {
		t.Fatal(err)
	}
	procs, err := db.Procedures(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	fees := map[string]data.FeeSchedule{}
	for _, p := range procs {
		fees[p.Code] = p.Fees
	}
	raw, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "motcua.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()

	rows, err := raw.Query(`SELECT code FROM dossier`)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		codes = append(codes, c)
	}
	rows.Close()
	count := map[string]int{}
	for _, code := range codes {
		d, err := db.Dossier(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := db.FeeReceipts(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		s := fees[d.ProcedureCode]
		switch {
		case !s.Charges():
			if len(rs) > 0 || d.FeeExempt != "" {
				t.Errorf("%s of a procedure that charges nothing: %d receipts, exempt %q", code, len(rs), d.FeeExempt)
			}
			continue
		case d.FeeExempt != "":
			count["exempt"]++
			if !s.Exemptible || len(rs) > 0 {
				t.Errorf("%s exempt (%q) from %s, which exempts no one, or with %d receipts", code, d.FeeExempt, s.Text(), len(rs))
			}
			continue
		case d.Channel == data.ChannelPostal:
			// A from-post item carries one fee, which the postman collected.
			count["by post"]++
			want := 0
			if len(s.Amounts) == 1 {
				want = 1
			}
			if len(rs) != want || want == 1 && (!rs[0].ByPost || rs[0].PostalStaff == "") {
				t.Errorf("%s by post: receipts %+v, want %d the postman collected for %s", code, rs, want, s.Text())
			}
		default:
			count["at the counter"]++
			if len(rs) != len(s.Amounts) {
				t.Errorf("%s: %d receipts for %s", code, len(rs), s.Text())
			}
		}
		for i, r := range rs {
			if err := r.Validate(); err != nil {
				t.Errorf("%s receipt %s: %v", code, r.NumberText(), err)
			}
			if a := s.Amounts[i]; r.Amount%a.Amount != 0 || a.Kind.Valid() && r.Kind != a.Kind {
				t.Errorf("%s receipt %s: %s %d for %s", code, r.NumberText(), r.Kind, r.Amount, s.Text())
			}
			if r.Workstation != d.Workstation || r.PayerName != d.Applicant.Name || r.IssuedAt.Before(d.ReceivedAt) || !r.IssuedAt.Before(seedstore.Now) {
				t.Errorf("%s (workstation %d, received %s) receipt %+v", code, d.Workstation, d.ReceivedAt, r)
			}
		}
		if d.Channel == data.ChannelPostal && d.Workstation == office.Workstation && len(rs) == 1 {
			var fee int64
			raw.QueryRow(`SELECT i.fee FROM manifest_item i JOIN manifest m ON m.number = i.manifest_number
				WHERE i.dossier_code = ? AND m.kind = 'from-post'`, code).Scan(&fee)
			if fee != rs[0].Amount {
				t.Errorf("%s: the from-post manifest carries %d, the receipt %d", code, fee, rs[0].Amount)
			}
		}
	}
	for _, k := range []string{"at the counter", "by post", "exempt"} {
		if count[k] == 0 {
			t.Errorf("no dossier paid or exempt %s", k)
		}
	}

	// Each workstation's numbers of a year run from the first of its
	// block, one after the other in the order issued.
	rows, err = raw.Query(`SELECT year, workstation, number, issued_at FROM fee_receipt ORDER BY year, workstation, number`)
	if err != nil {
		t.Fatal(err)
	}
	var last struct{ year, ws, number int }
	var lastAt string
	years := map[int]bool{}
	for rows.Next() {
		var year, ws, number int
		var at string
		rows.Scan(&year, &ws, &number, &at)
		years[year] = true
		first, _ := data.ReceiptBlock(ws)
		switch {
		case year != last.year || ws != last.ws:
			if number != first {
				t.Errorf("workstation %d's first receipt of %d is number %d, want %d", ws, year, number, first)
			}
		case number != last.number+1 || at < lastAt:
			t.Errorf("workstation %d, %d: number %d (%s) after %d (%s)", ws, year, number, at, last.number, lastAt)
		}
		last.year, last.ws, last.number, lastAt = year, ws, number, at
	}
	rows.Close()
	if len(years) < 2 {
		t.Errorf("receipts of years %v: want the numbering restarted on 1 January", years)
	}

	if _, err := db.DailyBackup(ctx, dir); err != nil {
		t.Fatal(err)
	}
	if h, err := db.Check(ctx, dir); err != nil || len(h.Problems) > 0 || !h.JournalOK {
		t.Errorf("check: %+v %v", h, err)
	}

	// A real intake afterwards takes the next number of the year.
	var high int
	first, limit := data.ReceiptBlock(office.Workstation)
	raw.QueryRow(`SELECT MAX(number) FROM fee_receipt WHERE year = ? AND workstation = ? AND number BETWEEN ? AND ?`,
		seedstore.Now.Year(), office.Workstation, first, limit).Scan(&high)
	if high == 0 {
		t.Fatal("no receipt of this workstation this year")
	}
	r := intakeRequest()
	r.ProcedureCode = "2.002516" // lệ phí 8.000 đồng
	r.Fees = []data.FeeEntry{{Kind: "le-phi", Amount: "8000", Method: "cash"}}
	days := 3
	r.WorkingDays = &days // the catalogue has none
	d, err := db.Intake(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := db.FeeReceipts(ctx, d.Code)
	if err != nil || len(rs) != 1 || rs[0].Number != high+1 {
		t.Errorf("receipt of a real intake %+v %v, want number %d", rs, err, high+1)
	}
}
