package sqlite

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// SeedVersion changes whenever Seed makes different stores: caches of
// generated stores are keyed by it.
const SeedVersion = 7

// SeedOptions say what Seed generates.
type SeedOptions struct {
	Dossiers int
	// Days is how many calendar days before today the dossiers spread
	// over; 0 picks enough for the office's five workstations.
	Days int
	// Stations is how many workstations of the office took them (this
	// one among them); 0 means 5.
	Stations int
	// Seed makes the store: the same options and seed give the same one.
	Seed uint64
	// KeepSent keeps the changes the province acknowledged in the outbox
	// with their payloads, as versions before schema 10 did: only to
	// measure what compacting them saves.
	KeepSent bool
	// Progress, when set, is told how many dossiers are written so far.
	Progress func(done, total int)
}

// seedBatch is how many dossiers one transaction writes.
const seedBatch = 20_000

// Seed fills a set-up store fast with generated dossiers as a busy
// centre's years of work leave them: Vietnamese names, ID numbers that
// agree with the birth dates, phones and addresses, the catalogue's
// procedures, every status in realistic shares, their history, receipts
// printed, the fees of the procedures that charge with their fee
// receipts (collected at the counter or by the postman; some applicants
// exempt where the procedure allows it) once the office has a fee
// collector, manifests of the three kinds, the office's other
// workstations' dossiers as pulled from the province, and the changes
// sent (only their keys kept) or a few still queued. It writes directly,
// in large transactions, keeping the day sequences, the register, the
// fee receipt numbers and the number journal in step, so that the app
// goes on working on the store.
// It is a tool to try the app and to measure it, not for a real office.
func (db *DB) Seed(ctx context.Context, o SeedOptions) error {
	g, err := db.newSeeder(ctx, o)
	if err != nil {
		return err
	}
	if _, err := db.write.ExecContext(ctx, `PRAGMA synchronous = OFF`); err != nil {
		return fmt.Errorf("sqlite: seed: %w", err)
	}
	defer db.write.ExecContext(context.WithoutCancel(ctx), `PRAGMA synchronous = FULL`)
	for g.done < g.total {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := db.inTx(ctx, g.batch); err != nil {
			return fmt.Errorf("sqlite: seed: %w", err)
		}
		if o.Progress != nil {
			o.Progress(g.done, g.total)
		}
	}
	if err := db.inTx(ctx, g.finish); err != nil {
		return fmt.Errorf("sqlite: seed: %w", err)
	}
	_, err = db.write.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

type seeder struct {
	db       *DB
	o        SeedOptions
	r        *rand.Rand
	office   data.Office
	cal      *data.Calendar
	now      time.Time
	procs    []data.Procedure
	pweights []weighted
	stations []int
	officers map[int]string

	days  []time.Time // working days, oldest first
	total int
	done  int

	// where the generation stands
	day      int
	inDay    int
	perDay   []int
	seq      map[int]int    // workstation → last sequence number of the day
	register map[[2]int]int // (book, workstation) → last register number
	docIDs   map[string]int64
	manifest map[data.ManifestKind][]string // own dossiers of the day for each kind
	mseq     int                            // manifests of the day
	feed     int64                          // the province's feed position, for pulled dossiers

	collects  bool                    // the office has a fee collector: fees are collected
	receiptNo map[[2]int]int          // (year, workstation) → last fee receipt number
	postman   string                  // who of the post office hands over the day's dossiers
	postalFee map[string]data.FeePaid // fee each own from-post dossier of the day came with
}

func (db *DB) newSeeder(ctx context.Context, o SeedOptions) (*seeder, error) {
	office, err := db.Office(ctx)
	if err != nil {
		return nil, err
	}
	procs, err := db.Procedures(ctx, "")
	if err != nil {
		return nil, err
	}
	if len(procs) == 0 {
		return nil, data.Errorf(data.ENotFound, "Danh mục thủ tục đang trống: hãy nhập danh mục trước khi tạo hồ sơ mẫu.")
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	if o.Stations <= 0 {
		o.Stations = 5
	}
	o.Stations = min(o.Stations, 9)
	g := &seeder{db: db, o: o, r: rand.New(rand.NewPCG(o.Seed, 0x6d6f74637561)), office: office, cal: cal,
		now: db.Now().In(data.Zone), procs: procs, total: o.Dossiers, seq: map[int]int{}, register: map[[2]int]int{},
		docIDs: map[string]int64{}, manifest: map[data.ManifestKind][]string{}, officers: map[int]string{},
		collects: office.Collector.Configured(), receiptNo: map[[2]int]int{}, postalFee: map[string]data.FeePaid{}}
	g.stations = []int{office.Workstation}
	for w := 1; len(g.stations) < o.Stations; w++ {
		if w != office.Workstation {
			g.stations = append(g.stations, w)
		}
	}
	// A few procedures take most of the dossiers (birth, residence,
	// certification), as at a real counter.
	for i, p := range procs {
		g.pweights = append(g.pweights, weighted{p.Code, 1 + 60/(i%20+1)})
	}
	for _, w := range g.stations {
		g.officers[w] = g.personName(g.r.IntN(2) == 0)
	}
	days := o.Days
	perStationDay := 160 // a busy counter's day
	if days <= 0 {
		days = o.Dossiers/(perStationDay*len(g.stations))*7/5 + 2
	}
	today := data.DateOf(g.now)
	for d := today.AddDate(0, 0, -days); d.Before(today); d = d.AddDate(0, 0, 1) {
		if cal.IsWorkingDay(d) {
			g.days = append(g.days, d)
		}
	}
	if len(g.days) == 0 {
		return nil, data.Errorf(data.EInvalid, "Không có ngày làm việc nào trong %d ngày trước hôm nay: hãy chọn --days lớn hơn.", days)
	}
	g.perDay = make([]int, len(g.days))
	for i := range g.perDay {
		g.perDay[i] = o.Dossiers / len(g.days)
		if i < o.Dossiers%len(g.days) {
			g.perDay[i]++
		}
	}
	if g.perDay[0] > 999*len(g.stations) {
		return nil, data.Errorf(data.EInvalid, "%d hồ sơ trong %d ngày làm việc là quá %d hồ sơ một ngày của %d máy trạm: hãy chọn --days lớn hơn.",
			o.Dossiers, len(g.days), 999*len(g.stations), len(g.stations))
	}
	// Generated numbers start at each day's and book's first: only a
	// store without dossiers takes them.
	var held int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM dossier LIMIT 1)`).Scan(&held); err != nil {
		return nil, err
	}
	if held > 0 {
		return nil, data.Errorf(data.EConflict, "Cơ sở dữ liệu này đã có hồ sơ: hồ sơ mẫu chỉ tạo được trong một thư mục dữ liệu mới (--data THƯ_MỤC_MỚI).")
	}
	return g, nil
}

func (g *seeder) pick(ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.weight
	}
	n := g.r.IntN(total)
	for _, w := range ws {
		if n < w.weight {
			return w.name
		}
		n -= w.weight
	}
	return ws[len(ws)-1].name
}

func (g *seeder) personName(male bool) string {
	middle, given := femaleMiddle, femaleGiven
	if male {
		middle, given = maleMiddle, maleGiven
	}
	parts := []string{g.pick(familyNames), g.pick(middle)}
	if second := g.pick(middle); g.r.IntN(5) == 0 && second != parts[1] { // a second middle name
		parts = append(parts, second)
	}
	return strings.Join(append(parts, g.pick(given)), " ")
}

// applicant makes a citizen: a 12-digit ID whose century digit and year
// agree with the birth date.
func (g *seeder) applicant() data.Applicant {
	male := g.r.IntN(2) == 0
	birth := time.Date(1940+g.r.IntN(68), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, data.Zone)
	digit := 0
	if birth.Year() >= 2000 {
		digit = 2
	}
	if !male {
		digit++
	}
	a := data.Applicant{Name: g.personName(male), BirthDate: birth,
		IDNumber: fmt.Sprintf("%s%d%02d%06d", g.pick(birthProvinces), digit, birth.Year()%100, g.r.IntN(1_000_000))}
	if g.r.IntN(100) < 85 {
		a.Phone = fmt.Sprintf("%s%07d", phonePrefixes[g.r.IntN(len(phonePrefixes))], g.r.IntN(10_000_000))
	}
	if g.r.IntN(100) < 8 {
		a.Email = fmt.Sprintf("%s%d@gmail.com", strings.ReplaceAll(data.Fold(a.Name), " ", ""), g.r.IntN(1000))
	}
	commune := communes[g.r.IntN(len(communes))]
	if strings.HasPrefix(commune, "xã") {
		a.Address = fmt.Sprintf("Ấp %d, %s, thành phố Cần Thơ", 1+g.r.IntN(12), commune)
	} else {
		a.Address = fmt.Sprintf("Số %d, đường %s, %s, thành phố Cần Thơ", 1+g.r.IntN(300), streets[g.r.IntN(len(streets))], commune)
	}
	return a
}

func (g *seeder) postalItem() string {
	digits := fmt.Sprintf("%08d", g.r.IntN(100_000_000))
	c, _ := scan.S10CheckDigit(digits)
	return fmt.Sprintf("RR%s%dVN", digits, c)
}

func (g *seeder) key() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return hex.EncodeToString(b[:])
}

// step is one change of a generated dossier's life after its intake.
type step struct {
	at       time.Time
	from, to data.Status
	note     string
}

// life decides how far a dossier received at got by now, and when.
func (g *seeder) life(d *data.Dossier, toAgency bool) []step {
	today := data.DateOf(g.now)
	at := d.ReceivedAt
	soon := func(h int) time.Time { return at.Add(time.Duration(10+g.r.IntN(h*60)) * time.Minute) }
	clamp := func(t time.Time) time.Time {
		if t.After(g.now) {
			return g.now.Add(-time.Minute)
		}
		return t
	}
	u := g.r.IntN(1000)
	switch {
	case u < 15:
		return []step{{soon(2), data.StatusReceived, data.StatusRefused, "Hồ sơ không thuộc thẩm quyền giải quyết"}}
	case u < 50:
		return []step{{soon(4), data.StatusReceived, data.StatusSupplement, "Thiếu bản sao giấy tờ tùy thân"}}
	case u < 60:
		return []step{{clamp(soon(48)), data.StatusReceived, data.StatusWithdrawn, "Người nộp xin rút hồ sơ"}}
	case u < 65:
		return []step{{clamp(soon(72)), data.StatusReceived, data.StatusStopped, "Người nộp đề nghị dừng giải quyết"}}
	}
	var steps []step
	status := data.StatusReceived
	if toAgency {
		steps = append(steps, step{clamp(soon(24)), status, data.StatusTransferred, "Chuyển " + agencies[g.r.IntN(len(agencies))]})
		status = data.StatusTransferred
	}
	late := today.Sub(d.DueDate).Hours() / 24 // days past due, negative before
	ready := d.DueDate.Add(time.Duration(8*60+g.r.IntN(9*60))*time.Minute).AddDate(0, 0, -g.r.IntN(2))
	if ready.Before(at) {
		ready = soon(6)
	}
	switch {
	case late < 0 && g.r.IntN(100) < 50, late >= 0 && late <= 20 && g.r.IntN(100) < 2:
		return steps // still being processed: due soon, or overdue
	case ready.After(g.now):
		return steps
	}
	steps = append(steps, step{ready, status, data.StatusResultReady, ""})
	back := ready.Add(time.Duration(1+g.r.IntN(72)) * time.Hour)
	if back.After(g.now) || late <= 20 && g.r.IntN(100) < 2 {
		return steps // waiting to be collected
	}
	return append(steps, step{back, data.StatusResultReady, data.StatusReturned, ""})
}

// batch writes the next dossiers in one transaction.
func (g *seeder) batch(tx *Tx) error {
	ctx := context.Background()
	st, err := prepareSeed(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	for n := 0; n < seedBatch && g.done < g.total; n++ {
		if g.inDay == g.perDay[g.day] {
			if err := g.endDay(ctx, tx, st); err != nil {
				return err
			}
			g.day, g.inDay = g.day+1, 0
			continue
		}
		if err := g.dossier(ctx, tx, st); err != nil {
			return err
		}
		g.inDay++
		g.done++
	}
	// The batch's dossiers enter the search index at once.
	var upto int64
	if err := tx.QueryRowContext(ctx, `SELECT upto FROM search_indexed WHERE id = 1`).Scan(&upto); err != nil {
		return err
	}
	return indexTail(ctx, tx, upto)
}

func (g *seeder) dossier(ctx context.Context, tx *Tx, st *seedStatements) error {
	day := g.days[g.day]
	if g.inDay == 0 {
		g.postman = postalStaff[g.r.IntN(len(postalStaff))]
	}
	ws := g.stations[g.inDay%len(g.stations)]
	own := ws == g.office.Workstation
	first, _ := data.SequenceBlock(ws)
	if g.seq[ws] < first {
		g.seq[ws] = first - 1
	}
	g.seq[ws]++
	// Spread over the working hours, 7:30–11:30 and 13:30–17:00, in the
	// order taken.
	minute := 7*60 + 30 + g.inDay*(450)/max(g.perDay[g.day], 1)
	if minute >= 11*60+30 {
		minute += 2 * 60
	}
	at := day.Add(time.Duration(minute)*time.Minute + time.Duration(g.r.IntN(60))*time.Second)
	p := g.procs[0]
	code := g.pick(g.pweights)
	for _, q := range g.procs {
		if q.Code == code {
			p = q
			break
		}
	}
	days := 1 + g.r.IntN(10)
	if p.WorkingDays != nil {
		days = *p.WorkingDays
	}
	d := data.Dossier{Code: data.DossierCode(g.office.AgencyCode, at, g.seq[ws]), ProcedureCode: p.Code,
		ProcedureName: p.Name, Applicant: g.applicant(), Sets: 1, Channel: data.ChannelCounter,
		ReturnMethod: data.ReturnCounter, ReceivedAt: at, WorkingDays: days, Status: data.StatusReceived,
		Book: at.Year(), Officer: g.officers[ws], Workstation: ws, FormSet: data.FormSetFor(at).Circular}
	switch u := g.r.IntN(100); {
	case u < 12 && p.PostalAllowed:
		d.Channel, d.PostalItem = data.ChannelPostal, g.postalItem()
	case u < 20:
		d.Channel = data.ChannelOnline
	}
	if g.r.IntN(100) < 10 && p.PostalAllowed {
		d.ReturnMethod, d.ReturnAddress = data.ReturnPost, d.Applicant.Address
	}
	d.DueDate = g.cal.Due(at, days, p.CutoffDuration())
	reg := [2]int{d.Book, ws}
	g.register[reg]++
	d.RegisterNo = g.register[reg]
	for i, doc := range p.Documents {
		if i == 6 {
			break
		}
		d.Documents = append(d.Documents, data.SubmittedDocument{Name: doc.Name, Originals: 1, Copies: g.r.IntN(2)})
	}
	if len(d.Documents) == 0 {
		d.Documents = []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}}
	}
	steps := g.life(&d, g.r.IntN(100) < 35)
	readyAt := ""
	for _, s := range steps {
		d.Status = s.to
		if s.to == data.StatusResultReady {
			readyAt = s.at.Format(time.RFC3339)
		}
	}
	// The fees: paid at the counter with the intake, or to the postman,
	// who hands them over with the dossier (one fee a from-post item).
	var byPost *data.FeePaid
	if paid := g.fees(&d, p); d.Channel != data.ChannelPostal {
		d.Fees = paid
	} else if len(paid) == 1 {
		byPost = &paid[0]
	}
	g.feed++
	syncSeq := int64(0)
	if !own {
		syncSeq = g.feed
	}
	stamp := at.Format(time.RFC3339)
	_, err := st.dossier.ExecContext(ctx, d.Code, d.ProcedureCode, d.ProcedureName, d.Applicant.Name, d.Applicant.IDNumber,
		dateOrEmpty(d.Applicant.BirthDate), d.Applicant.Phone, d.Applicant.Email, d.Applicant.Address, d.Sets, d.Channel,
		d.ReturnMethod, d.ReturnAddress, d.PostalItem, stamp, d.WorkingDays, d.DueDate.Format(dateLayout), d.Status,
		d.Book, d.RegisterNo, d.Officer, d.Workstation, d.FeeExempt, d.FormSet, stamp, readyAt, syncSeq)
	if err != nil {
		return err
	}
	for i, doc := range d.Documents {
		id, ok := g.docIDs[doc.Name]
		if !ok {
			if err := tx.QueryRowContext(ctx, `INSERT INTO document_name (name) VALUES (?)
				ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`, doc.Name).Scan(&id); err != nil {
				return err
			}
			g.docIDs[doc.Name] = id
		}
		if _, err := st.document.ExecContext(ctx, d.Code, i+1, id, doc.Originals, doc.Copies); err != nil {
			return err
		}
	}
	// The intake with its receipts and each step: in the history, and at
	// this workstation in the audit log and the outbox; another
	// workstation's came pulled, its receipts with its intake.
	key := g.key()
	var receipts []data.FeeReceipt
	for _, fee := range d.Fees {
		r, err := g.receipt(ctx, st, d, fee, at, d.Officer, "", pulledKey(own, key))
		if err != nil {
			return err
		}
		receipts = append(receipts, r)
	}
	final := d.Status
	d.Status = data.StatusReceived
	if err := g.record(ctx, st, d.Code, own, seedChange{key: key, at: at, actor: d.Officer, action: "intake",
		to: data.StatusReceived, note: data.IntakeNote(d.Channel, d.DueDate), kind: data.ChangeDossierCreated,
		audit: d.ProcedureCode, payload: func() any { return dossierPayload(d, receipts) }}); err != nil {
		return err
	}
	if byPost != nil {
		// Received as the from-post manifest is signed: the postman's
		// money is receipted then.
		key := g.key()
		r, err := g.receipt(ctx, st, d, *byPost, at, d.Officer, g.postman, pulledKey(own, key))
		if err != nil {
			return err
		}
		note := postalFeeNote(r, fromPostNumber(at, d.Workstation))
		if err := g.record(ctx, st, d.Code, own, seedChange{key: key, at: at, actor: d.Officer, action: "fees",
			from: data.StatusReceived, to: data.StatusReceived, note: note, kind: data.ChangeDossierFees,
			payload: func() any {
				return data.FeesRecord{Code: d.Code, Actor: d.Officer, Note: note, Receipts: []data.FeeReceiptRecord{data.NewFeeReceiptRecord(r)}}
			}}); err != nil {
			return err
		}
		if own {
			g.postalFee[d.Code] = data.FeePaid{Kind: r.Kind, Amount: r.Amount, Method: r.Method}
		}
	}
	d.Status = final
	if own {
		if _, err := st.printout.ExecContext(ctx, d.Code, "receipt", 0, stamp, d.Officer); err != nil {
			return err
		}
		if _, err := st.audit.ExecContext(ctx, stamp, d.Officer, "print.receipt", d.Code, "lần in 1"); err != nil {
			return err
		}
	}
	for _, s := range steps {
		note := s.note
		if s.to == data.StatusReturned {
			name, authorised, auth := d.Applicant.Name, false, ""
			if g.r.IntN(10) == 0 {
				name, authorised, auth = g.personName(g.r.IntN(2) == 0), true, "Giấy ủy quyền có chứng thực"
				note = "Trả kết quả cho người được ủy quyền " + name + " (" + auth + ")"
			} else {
				note = "Trả kết quả cho người nộp " + name
			}
			if own {
				if _, err := st.returned.ExecContext(ctx, d.Code, s.at.Format(time.RFC3339), d.Officer, name, d.Applicant.IDNumber, authorised, auth); err != nil {
					return err
				}
			}
		}
		if s.to == data.StatusStopped {
			// The stop notice (Mẫu 05) the dossier's own workstation issued.
			if own {
				if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_stop (dossier_code, issued_at, reason, basis, officer)
					VALUES (?, ?, ?, ?, ?)`, d.Code, s.at.Format(time.RFC3339), note, "Đơn đề nghị của người nộp", d.Officer); err != nil {
					return err
				}
			}
			note = stopNote + note
		}
		if err := g.record(ctx, st, d.Code, own, seedChange{key: g.key(), at: s.at, actor: d.Officer, action: "status",
			from: s.from, to: s.to, note: note, kind: data.ChangeDossierStatus, audit: string(s.from) + " → " + string(s.to),
			payload: func() any {
				return data.StatusChange{Code: d.Code, From: s.from, To: s.to, Note: note, Actor: d.Officer}
			}}); err != nil {
			return err
		}
		if own {
			switch s.to {
			case data.StatusTransferred:
				g.manifest[data.ManifestToAgency] = append(g.manifest[data.ManifestToAgency], d.Code)
			case data.StatusReturned:
				if d.ReturnMethod == data.ReturnPost {
					g.manifest[data.ManifestToCitizen] = append(g.manifest[data.ManifestToCitizen], d.Code)
				}
			}
		}
	}
	if own && d.Channel == data.ChannelPostal {
		g.manifest[data.ManifestFromPost] = append(g.manifest[data.ManifestFromPost], d.Code)
	}
	return nil
}

// fees decides what a dossier of p pays, once the office collects fees:
// each charge of the procedure (per copy or transaction, sometimes more
// than one), in cash or by transfer (online, always), or nothing with
// the reason of an exemption, for a tenth of the applicants where the
// procedure allows exemptions.
func (g *seeder) fees(d *data.Dossier, p data.Procedure) []data.FeePaid {
	if !g.collects || !p.Fees.Charges() {
		return nil
	}
	if p.Fees.Exemptible && g.r.IntN(10) == 0 {
		reasons := exemptions[p.Code]
		if reasons == nil {
			reasons = civilExemptions
		}
		d.FeeExempt = reasons[g.r.IntN(len(reasons))]
		return nil
	}
	var paid []data.FeePaid
	for _, a := range p.Fees.Amounts {
		// The sample catalogue's charges of no stated kind are fees for
		// copies and certifications: phí.
		kind := a.Kind
		if !kind.Valid() {
			kind = data.FeePhi
		}
		n := int64(1)
		if a.Unit != "" && g.r.IntN(5) == 0 {
			n = int64(2 + g.r.IntN(2))
		}
		method := data.PayCash
		if d.Channel == data.ChannelOnline || g.r.IntN(100) < 15 {
			method = data.PayTransfer
		}
		paid = append(paid, data.FeePaid{Kind: kind, Amount: n * a.Amount, Method: method})
	}
	return paid
}

// receipt numbers and writes the receipt of a fee a generated dossier
// paid at t, next in its workstation's block of the year, as
// issueReceipt does.
func (g *seeder) receipt(ctx context.Context, st *seedStatements, d data.Dossier, fee data.FeePaid, t time.Time,
	officer, postalStaff, remoteKey string) (data.FeeReceipt, error) {
	c := g.office.Collector
	series, err := data.ReceiptSeriesSymbol(t.Year(), c.SeriesLetters)
	if err != nil {
		return data.FeeReceipt{}, err
	}
	k := [2]int{t.Year(), d.Workstation}
	if first, _ := data.ReceiptBlock(d.Workstation); g.receiptNo[k] < first {
		g.receiptNo[k] = first - 1
	}
	g.receiptNo[k]++
	r := data.FeeReceipt{FormSymbol: c.FormSymbol, SeriesSymbol: series, Number: g.receiptNo[k], IssuedAt: t,
		Collector: c, Officer: officer, ByPost: postalStaff != "", PostalStaff: postalStaff, Workstation: d.Workstation,
		PayerName: d.Applicant.Name, PayerID: d.Applicant.IDNumber, PayerAddress: d.Applicant.Address,
		DossierCode: d.Code, ProcedureCode: d.ProcedureCode, ProcedureName: d.ProcedureName,
		Kind: fee.Kind, Amount: fee.Amount, Method: fee.Method}
	_, err = st.receipt.ExecContext(ctx, receiptArgs(r, remoteKey)...)
	return r, err
}

// pulledKey is the key a pulled row carries: the change's, for another
// workstation's; none for this one's.
func pulledKey(own bool, key string) string {
	if own {
		return ""
	}
	return key
}

// fromPostNumber is the number of a workstation's first manifest of the
// day: its from-post manifest, when it has one.
func fromPostNumber(day time.Time, w int) string {
	return fmt.Sprintf("%s-%d01", day.Format("060102"), w)
}

// seedChange is one change of a generated dossier's life.
type seedChange struct {
	key           string
	at            time.Time
	actor, action string
	from, to      data.Status
	note          string
	kind          data.ChangeKind
	audit         string // the audit record's detail; "" for none
	payload       func() any
}

// record writes a change of a generated dossier: a line of its history,
// and at this workstation an audit record and the outbox's row (its key
// alone once sent); another workstation's came pulled under its key.
func (g *seeder) record(ctx context.Context, st *seedStatements, code string, own bool, c seedChange) error {
	at := c.at.Format(time.RFC3339)
	if _, err := st.event.ExecContext(ctx, code, at, c.actor, c.action, c.from, c.to, c.note, eventKey(pulledKey(own, c.key))); err != nil {
		return err
	}
	if !own {
		return nil
	}
	if c.audit != "" {
		if _, err := st.audit.ExecContext(ctx, at, c.actor, "dossier."+c.action, code, c.audit); err != nil {
			return err
		}
	}
	sent := g.now.Sub(c.at) > time.Hour
	if sent && !g.o.KeepSent {
		_, err := st.sent.ExecContext(ctx, c.key)
		return err
	}
	body, err := json.Marshal(c.payload())
	if err != nil {
		return err
	}
	var sentAt any
	if sent {
		sentAt = c.at.Add(time.Minute).Format(time.RFC3339)
	}
	_, err = st.outbox.ExecContext(ctx, c.key, c.kind, code, string(body), at, sentAt)
	return err
}

// eventKey is what a generated history line keeps of its change's key:
// nothing for one made here, else as a pulled line keeps it (lineKey).
func eventKey(key string) any {
	if key == "" {
		return nil
	}
	return lineKey(key)
}

// endDay signs the day's manifests of this workstation and records its
// last dossier number.
func (g *seeder) endDay(ctx context.Context, tx *Tx, st *seedStatements) error {
	day := g.days[g.day]
	key := day.Format("060102")
	w := g.office.Workstation
	if g.seq[w] > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO day_sequence (day, last) VALUES (?, ?)
			ON CONFLICT (day) DO UPDATE SET last = MAX(last, excluded.last)`, key, g.seq[w]); err != nil {
			return err
		}
		if err := g.db.seq.raise(map[string]int{dayKey(key, w): g.seq[w]}); err != nil {
			return err
		}
	}
	n := 0
	for _, kind := range []data.ManifestKind{data.ManifestFromPost, data.ManifestToAgency, data.ManifestToCitizen} {
		codes := g.manifest[kind]
		if len(codes) == 0 {
			continue
		}
		n++
		number := fmt.Sprintf("%s-%d%02d", key, w, n)
		closed := day.Add(16*time.Hour + time.Duration(g.r.IntN(60))*time.Minute).Format(time.RFC3339)
		agency, carrier := "", "Bưu điện thành phố Cần Thơ"
		if kind == data.ManifestToAgency {
			agency = agencies[g.r.IntN(len(agencies))]
		}
		staff := postalStaff[g.r.IntN(len(postalStaff))]
		if kind == data.ManifestFromPost {
			staff = g.postman // who brought the day's dossiers and their fees
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO manifest (number, kind, status, carrier, agency, opened_at, opened_by,
				closed_at, officer, postal_staff, prints) VALUES (?, ?, 'closed', ?, ?, ?, ?, ?, ?, ?, 1)`,
			number, kind, carrier, agency, day.Add(8*time.Hour).Format(time.RFC3339), g.officers[w], closed, g.officers[w], staff); err != nil {
			return err
		}
		for i, c := range codes {
			var item string
			var outcome string
			if kind == data.ManifestToCitizen {
				outcome = data.DeliveryDelivered
			}
			var fee data.FeePaid
			if kind == data.ManifestFromPost {
				fee = g.postalFee[c]
			}
			tx.QueryRowContext(ctx, `SELECT postal_item FROM dossier WHERE code = ?`, c).Scan(&item)
			if _, err := st.item.ExecContext(ctx, number, c, i+1, item, outcome, fee.Amount, fee.Kind); err != nil {
				return err
			}
		}
		if _, err := st.audit.ExecContext(ctx, closed, g.officers[w], "manifest.close", number, string(kind)); err != nil {
			return err
		}
		g.manifest[kind] = nil
	}
	if n > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO manifest_sequence (day, last) VALUES (?, ?)
			ON CONFLICT (day) DO UPDATE SET last = MAX(last, excluded.last)`, key, n); err != nil {
			return err
		}
	}
	for ws := range g.seq {
		delete(g.seq, ws)
	}
	clear(g.postalFee)
	return nil
}

// finish closes the last day and records the register's last numbers.
func (g *seeder) finish(tx *Tx) error {
	ctx := context.Background()
	st, err := prepareSeed(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	if g.day < len(g.days) {
		if err := g.endDay(ctx, tx, st); err != nil {
			return err
		}
	}
	raised := map[string]int{}
	for k, last := range g.register {
		if k[1] != g.office.Workstation {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO register_book (book, last) VALUES (?, ?)
			ON CONFLICT (book) DO UPDATE SET last = MAX(last, excluded.last)`, k[0], last); err != nil {
			return err
		}
		raised[bookKey(k[0], k[1])] = last
	}
	for k, last := range g.receiptNo {
		if k[1] == g.office.Workstation {
			raised[receiptKey(k[0], k[1])] = last
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sync_state (id, cursor, updated_at) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET cursor = MAX(cursor, excluded.cursor)`, g.feed, g.db.stamp()); err != nil {
		return err
	}
	for _, role := range []string{"carrier", "postal", "officer", "agency"} {
		names := map[string][]string{"carrier": {"Bưu điện thành phố Cần Thơ"}, "postal": postalStaff,
			"officer": {g.officers[g.office.Workstation]}, "agency": agencies}[role]
		for _, n := range names {
			if _, err := tx.ExecContext(ctx, `INSERT INTO known_name (role, name, uses, used_at) VALUES (?, ?, 1, ?)
				ON CONFLICT DO NOTHING`, role, n, g.db.stamp()); err != nil {
				return err
			}
		}
	}
	return g.db.seq.raise(raised)
}

type seedStatements struct {
	dossier, document, event, audit, sent, outbox, printout, returned, item, receipt *sql.Stmt
}

func prepareSeed(ctx context.Context, tx *Tx) (*seedStatements, error) {
	st := &seedStatements{}
	for _, s := range []struct {
		to  **sql.Stmt
		sql string
	}{
		{&st.dossier, `INSERT INTO dossier (code, procedure_code, procedure_name, applicant_name, applicant_id, applicant_birth,
			applicant_phone, applicant_email, applicant_address, sets, channel, return_method, return_address, postal_item,
			received_at, working_days, due_date, status, book, register_no, officer, workstation, fee_exempt, form_set, updated_at,
			result_ready_at, sync_seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.document, `INSERT INTO dossier_document (dossier_code, position, name_id, originals, copies) VALUES (?, ?, ?, ?, ?)`},
		{&st.event, `INSERT INTO dossier_event (dossier_code, at, actor, action, from_status, to_status, note, remote_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.audit, `INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)`},
		{&st.sent, `INSERT INTO outbox_sent (key) VALUES (?)`},
		{&st.outbox, `INSERT INTO outbox (key, kind, subject, payload, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?)`},
		{&st.printout, `INSERT INTO printout (dossier_code, kind, reprint, at, actor) VALUES (?, ?, ?, ?, ?)`},
		{&st.returned, `INSERT INTO dossier_return (dossier_code, returned_at, officer, recipient_name, recipient_id, authorised,
			authorisation) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&st.item, `INSERT INTO manifest_item (manifest_number, dossier_code, position, postal_item, outcome, fee, fee_kind)
			VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&st.receipt, insertReceiptSQL},
	} {
		p, err := tx.PrepareContext(ctx, s.sql)
		if err != nil {
			st.close()
			return nil, err
		}
		*s.to = p
	}
	return st, nil
}

func (st *seedStatements) close() {
	for _, s := range []*sql.Stmt{st.dossier, st.document, st.event, st.audit, st.sent, st.outbox, st.printout, st.returned, st.item, st.receipt} {
		if s != nil {
			s.Close()
		}
	}
}
