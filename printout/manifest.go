package printout

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"motcua/data"
)

// ManifestInput is what a postal hand-over manifest needs.
type ManifestInput struct {
	Office    data.Office
	Manifest  data.Manifest
	QRPayload string // signed payload identifying the manifest
	Reprint   int    // 0 first print; n > 0 marks "BẢN IN LẠI (lần n)"
	// Reconciliation prints the stored reconciliation instead of the
	// manifest itself.
	Reconciliation bool
}

// landscape is A4 turned, for manifests' wide tables; Decree 30's margins
// stay on the same edges of the text.
var landscape = func() metrics {
	m := a4
	m.pageW, m.pageH = 297, 210
	m.headLeft = 100
	m.table = 10
	return m
}()

// sides says who hands over and who receives on a manifest of a kind.
func sides(in ManifestInput) (giver, taker [2]string) {
	m := in.Manifest
	unit := [2]string{clean(in.Office.Name), clean(m.Officer)}
	post := [2]string{orText(clean(m.Carrier), "Bưu điện"), clean(m.PostalStaff)}
	if m.Kind == data.ManifestFromPost {
		return post, unit
	}
	return unit, post
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// Manifest writes a manifest (biên bản giao nhận) on A4 landscape: number,
// kind, date and time of signing, both sides, one row per dossier, totals,
// both signature blocks and a QR code identifying it. An unsigned manifest
// prints as a draft; with Reconciliation set, the reconciliation report.
func Manifest(w io.Writer, in ManifestInput) error {
	if err := writeManifest(w, in); err != nil {
		return fmt.Errorf("printout: manifest: %w", err)
	}
	return nil
}

func writeManifest(w io.Writer, in ManifestInput) error {
	m := in.Manifest
	if m.Number == "" {
		return errors.New("the manifest has no number")
	}
	if in.QRPayload == "" {
		return errors.New("no QR payload")
	}
	if in.Reconciliation && m.Reconciled == nil {
		return errors.New("the manifest was not reconciled")
	}
	giver, taker := sides(in)
	texts := []string{clean(in.Office.Parent), clean(in.Office.Name), clean(in.Office.Place), clean(m.Agency),
		giver[0], giver[1], taker[0], taker[1]}
	rows := make([][]string, len(m.Items))
	for k, it := range m.Items {
		rows[k] = []string{strconv.Itoa(k + 1), clean(it.DossierCode), clean(it.Applicant), clean(it.ProcedureName),
			strconv.Itoa(it.Documents), strconv.Itoa(it.Originals) + "/" + strconv.Itoa(it.Copies),
			clean(it.PostalItem), money(it.Fee)}
		texts = append(texts, rows[k]...)
	}
	if r := m.Reconciled; r != nil {
		texts = append(append(texts, r.Missing...), r.Unexpected...)
	}
	s, err := newSheet(landscape, m.Kind.Title()+" "+m.Number, clean(in.Office.Name), texts)
	if err != nil {
		return err
	}
	qr, err := newQR(in.QRPayload)
	if err != nil {
		return err
	}
	date := m.ClosedAt
	if date.IsZero() {
		date = m.OpenedAt
	}
	title := m.Kind.Title()
	if in.Reconciliation {
		title = "BIÊN BẢN ĐỐI CHIẾU HỒ SƠ THEO BIÊN BẢN GIAO NHẬN"
	}
	s.page()
	s.cont = func() { s.continuation("Biên bản số " + m.Number + " (tiếp theo)") }
	s.header(header{parent: clean(in.Office.Parent), unit: clean(in.Office.Name), number: "Số: " + m.Number, place: clean(in.Office.Place), date: date})
	s.manifestTitle(title, in)
	s.qr(qr, "Biên bản số "+m.Number)
	if in.Reconciliation {
		s.reconciliation(m)
	} else {
		s.manifestBody(m, giver, taker, rows)
	}
	s.clearFloat()
	s.signatures(signer{title: "ĐẠI DIỆN BÊN GIAO", name: giver[1]}, signer{title: "ĐẠI DIỆN BÊN NHẬN", name: taker[1]})
	return s.write(w)
}

func (s *sheet) manifestTitle(title string, in ManifestInput) {
	m := in.Manifest
	s.y += s.lineH(s.m.body) * 0.9
	s.y, _ = s.block([]span{strong(title)}, s.m.title, s.contentL(), s.contentR(), s.y)
	if m.Kind == data.ManifestToAgency && m.Agency != "" {
		s.y, _ = s.block([]span{plain("Nơi nhận hồ sơ: "), strong(clean(m.Agency))}, s.m.body, s.contentL(), s.contentR(), s.y)
	}
	s.y += s.lineH(s.m.body) * 0.4
	if in.Reprint > 0 {
		s.reprintMark(in.Reprint)
	}
	if m.Status != data.ManifestClosed {
		s.y, _ = s.block([]span{strong("BẢN NHÁP — CHƯA KÝ GIAO NHẬN")}, s.m.body, s.contentL(), s.contentR(), s.y)
		s.y += s.m.gap
	}
}

func (s *sheet) manifestBody(m data.Manifest, giver, taker [2]string, rows [][]string) {
	when := "Hôm nay"
	if !m.ClosedAt.IsZero() {
		when = "Hồi " + hm(m.ClosedAt) + ", ngày " + dmy(m.ClosedAt)
	}
	s.text(para{spans: []span{plain(when + ", chúng tôi gồm:")}})
	party := func(role string, p [2]string) {
		sp := []span{plain(role), strong(p[0])}
		if p[1] != "" {
			sp = append(sp, plain(", đại diện: "), strong(p[1]))
		}
		s.text(para{spans: sp})
	}
	party("Bên giao: ", giver)
	party("Bên nhận: ", taker)
	s.clearFloat()
	size := s.m.table
	nums := make([]string, len(rows))
	fees := make([]string, len(rows))
	items := make([]string, len(rows))
	for k, r := range rows {
		nums[k], items[k], fees[k] = r[0], r[6], r[7]
	}
	codes := make([]string, len(rows))
	for k, r := range rows {
		codes[k] = r[1]
	}
	cols := []column{
		s.fitColumn("STT", nums, size, alignCenter),
		s.fitColumn("Mã hồ sơ", codes, size, alignLeft),
		{head: "Người nộp", width: 42, align: alignLeft},
		{head: "Thủ tục", align: alignLeft},
		s.fitColumn("Số giấy tờ", nil, size, alignCenter),
		s.fitColumn("Chính/Sao", nil, size, alignCenter),
		s.fitColumn("Số hiệu bưu gửi", items, size, alignCenter),
		s.fitColumn(m.Kind.FeeLabel()+" (đồng)", fees, size, alignRight),
	}
	s.table([]span{plain("Giao nhận các hồ sơ sau:")}, cols, rows, size)
	t := m.Totals()
	total := "tiền cước"
	if m.Kind == data.ManifestFromPost {
		total = "phí, lệ phí bưu điện đã thu và giao kèm hồ sơ"
	}
	s.text(para{spans: []span{strong("Tổng cộng: "), plain(fmt.Sprintf("%d hồ sơ, %d giấy tờ (%d bản chính, %d bản sao); %s: %s đồng.",
		t.Items, t.Documents, t.Originals, t.Copies, total, money(t.Fees)))}})
	s.text(para{spans: []span{plain("Hai bên đã kiểm đếm đủ số hồ sơ nêu trên. Thời điểm ký biên bản này là thời điểm giao nhận. Biên bản lập thành 02 bản, mỗi bên giữ 01 bản./.")}, align: alignJustify})
}

func (s *sheet) reconciliation(m data.Manifest) {
	r := m.Reconciled
	s.text(para{spans: []span{plain(fmt.Sprintf("Đối chiếu lúc %s ngày %s, người đối chiếu: ", hm(r.At), dmy(r.At))), strong(clean(r.Actor))}})
	s.text(para{spans: []span{plain(fmt.Sprintf("Biên bản ghi %d hồ sơ; đã quét %d.", len(m.Items), len(r.Scanned)))}})
	s.clearFloat()
	list := func(title string, codes []string) {
		if len(codes) == 0 {
			s.text(para{spans: []span{strong(title), plain(" không có.")}})
			return
		}
		s.text(para{spans: []span{strong(fmt.Sprintf("%s %d:", title, len(codes)))}})
		for k, c := range codes {
			s.text(para{spans: []span{plain(strconv.Itoa(k+1) + ". " + clean(c))}})
		}
	}
	list("Hồ sơ có trong biên bản nhưng không nhận được (thiếu):", r.Missing)
	list("Hồ sơ nhận được nhưng không có trong biên bản (thừa):", r.Unexpected)
	if r.Balanced() {
		s.text(para{spans: []span{strong("Kết luận: khớp đủ với biên bản.")}})
	} else {
		s.text(para{spans: []span{strong("Kết luận: có chênh lệch, hai bên cùng xác minh./.")}})
	}
}

// money writes đồng with dots between thousands: 1.250.000.
func money(v int64) string { return data.GroupThousands(v) }
