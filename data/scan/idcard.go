package scan

import (
	"fmt"
	"strings"
	"time"

	"motcua/data"
)

// IDCard holds the fields of a chip ID card QR.
type IDCard struct {
	Number, OldNumber, Name, Gender, Address string
	BirthDate, IssueDate                     time.Time // midnight UTC; zero when absent
}

// The fields of an ID card QR in order, as the officer calls them.
var idCardFields = [...]string{
	"Số định danh cá nhân",
	"Số CMND cũ",
	"Họ và tên",
	"Ngày sinh",
	"Giới tính",
	"Nơi thường trú",
	"Ngày cấp",
}

// ParseIDCard parses the QR of a chip ID card: ID number | old 9-digit ID
// (may be empty) | full name | date of birth ddmmyyyy | gender | address |
// issue date ddmmyyyy. Fields after the seventh are ignored. The text is
// NFC-normalised; a scanner may garble non-ASCII letters, and what arrived
// is kept for the officer to confirm against the card.
func ParseIDCard(text string) (IDCard, error) {
	text = data.Clean(strings.ToValidUTF8(text, "\uFFFD"))
	parts := strings.Split(text, "|")
	if len(parts) < len(idCardFields) {
		var bad data.Fields
		for _, name := range idCardFields[len(parts):] {
			bad.Add(name, "thiếu")
		}
		return IDCard{}, bad.Err(fmt.Sprintf("Mã QR căn cước thiếu trường: cần %d trường cách nhau bởi dấu |, chỉ đọc được %d. Hãy quét lại.", len(idCardFields), len(parts)))
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	c := IDCard{
		Number:    parts[0],
		OldNumber: parts[1],
		Name:      parts[2],
		Gender:    parts[4],
		Address:   parts[5],
	}
	var bad data.Fields
	var birthOK bool
	c.BirthDate, birthOK = parseCardDate(&bad, idCardFields[3], parts[3])
	c.IssueDate, _ = parseCardDate(&bad, idCardFields[6], parts[6])

	birth := c.BirthDate
	if !birthOK {
		birth = time.Time{} // the date is reported already; check the number alone
	}
	if err := CheckIDNumber(c.Number, birth); err != nil {
		bad.Add(idCardFields[0], "%s", data.ErrorMessage(err))
	}
	if c.OldNumber != "" && (len(c.OldNumber) != 9 || !allDigits(c.OldNumber)) {
		bad.Add(idCardFields[1], "phải trống hoặc có đúng 9 chữ số, đọc được %s", quote(c.OldNumber))
	}
	if c.Name == "" {
		bad.Add(idCardFields[2], "trống")
	}
	if !c.BirthDate.IsZero() && !c.IssueDate.IsZero() && c.IssueDate.Before(c.BirthDate) {
		bad.Add(idCardFields[6], "ngày cấp %s trước ngày sinh %s", c.IssueDate.Format("02/01/2006"), c.BirthDate.Format("02/01/2006"))
	}
	if err := bad.Err("Mã QR căn cước không hợp lệ"); err != nil {
		return IDCard{}, err
	}
	return c, nil
}

// parseCardDate parses a ddmmyyyy date; "" is the zero time. ok is false
// when the field is malformed (and reported in bad).
func parseCardDate(bad *data.Fields, field, s string) (t time.Time, ok bool) {
	if s == "" {
		return time.Time{}, true
	}
	if len(s) != 8 || !allDigits(s) {
		bad.Add(field, "phải có dạng ngàythángnăm 8 chữ số (ví dụ 15031999), đọc được %s", quote(s))
		return time.Time{}, false
	}
	t, err := time.Parse("02012006", s)
	if err != nil {
		bad.Add(field, "%s/%s/%s không phải là ngày có thật", s[:2], s[2:4], s[4:])
		return time.Time{}, false
	}
	return t, true
}

// provinces holds the codes of the 63 provinces and centrally governed
// cities where a birth is registered, as listed in Annex 1 of Circular
// 07/2016/TT-BCA (kept by Circular 59/2021/TT-BCA). They are the first three
// digits of a personal ID number. The 2025 merger of provinces issued no
// new codes: ID numbers keep the code of the old province.
var provinces = map[string]string{
	"001": "Hà Nội",
	"002": "Hà Giang",
	"004": "Cao Bằng",
	"006": "Bắc Kạn",
	"008": "Tuyên Quang",
	"010": "Lào Cai",
	"011": "Điện Biên",
	"012": "Lai Châu",
	"014": "Sơn La",
	"015": "Yên Bái",
	"017": "Hòa Bình",
	"019": "Thái Nguyên",
	"020": "Lạng Sơn",
	"022": "Quảng Ninh",
	"024": "Bắc Giang",
	"025": "Phú Thọ",
	"026": "Vĩnh Phúc",
	"027": "Bắc Ninh",
	"030": "Hải Dương",
	"031": "Hải Phòng",
	"033": "Hưng Yên",
	"034": "Thái Bình",
	"035": "Hà Nam",
	"036": "Nam Định",
	"037": "Ninh Bình",
	"038": "Thanh Hóa",
	"040": "Nghệ An",
	"042": "Hà Tĩnh",
	"044": "Quảng Bình",
	"045": "Quảng Trị",
	"046": "Thừa Thiên Huế",
	"048": "Đà Nẵng",
	"049": "Quảng Nam",
	"051": "Quảng Ngãi",
	"052": "Bình Định",
	"054": "Phú Yên",
	"056": "Khánh Hòa",
	"058": "Ninh Thuận",
	"060": "Bình Thuận",
	"062": "Kon Tum",
	"064": "Gia Lai",
	"066": "Đắk Lắk",
	"067": "Đắk Nông",
	"068": "Lâm Đồng",
	"070": "Bình Phước",
	"072": "Tây Ninh",
	"074": "Bình Dương",
	"075": "Đồng Nai",
	"077": "Bà Rịa - Vũng Tàu",
	"079": "Hồ Chí Minh",
	"080": "Long An",
	"082": "Tiền Giang",
	"083": "Bến Tre",
	"084": "Trà Vinh",
	"086": "Vĩnh Long",
	"087": "Đồng Tháp",
	"089": "An Giang",
	"091": "Kiên Giang",
	"092": "Cần Thơ",
	"093": "Hậu Giang",
	"094": "Sóc Trăng",
	"095": "Bạc Liêu",
	"096": "Cà Mau",
}

// centuries maps the gender/century digit (4th digit of an ID number) to
// the first year of the century of birth: even digits male, odd female.
var centuries = [10]int{1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800}

// CheckIDNumber validates a 12-digit personal ID number: digits only, a
// known province code, and — when birth is not zero — the century digit and
// 2-digit year agree with the birth date. There is no check digit.
func CheckIDNumber(id string, birth time.Time) error {
	id = data.Clean(id)
	switch {
	case id == "":
		return data.Errorf(data.EInvalid, "Chưa có số định danh cá nhân (12 chữ số trên thẻ căn cước)")
	case !allDigits(id):
		return data.Errorf(data.EInvalid, "Số định danh cá nhân %s chỉ được gồm chữ số", quote(id))
	case len(id) != 12:
		return data.Errorf(data.EInvalid, "Số định danh cá nhân phải có đúng 12 chữ số, %s có %d", quote(id), len(id))
	}
	if _, ok := provinces[id[:3]]; !ok {
		return data.Errorf(data.EInvalid, "Số định danh cá nhân %s: 3 chữ số đầu %s không phải mã tỉnh, thành phố nào", id, id[:3])
	}
	if birth.IsZero() {
		return nil
	}
	digit := int(id[3] - '0')
	year := centuries[digit] + int(id[4]-'0')*10 + int(id[5]-'0')
	if year != birth.Year() {
		return data.Errorf(data.EInvalid, "Số định danh cá nhân %s ghi năm sinh %d (chữ số thứ 4 là %d, chữ số 5–6 là %s) nhưng ngày sinh là %s", id, year, digit, id[4:6], birth.Format("02/01/2006"))
	}
	return nil
}

// FindIDCard finds an ID card QR that a scanner typed into a field among
// what the officer had typed there: twelve digits, a '|', and what
// follows up to the issue date's eight digits. ok is false when text
// holds none; complete is true when all seven fields have arrived and
// end the text, so that the scan need not wait for its Enter.
func FindIDCard(text string) (start, end int, complete, ok bool) {
	for i := 0; i < len(text); i++ {
		if text[i] != '|' {
			continue
		}
		if i < 12 || !allDigits(text[i-12:i]) {
			continue
		}
		start = i - 12
		pipes, j := 0, i
		for ; j < len(text) && pipes < len(idCardFields)-1; j++ {
			if text[j] == '|' {
				pipes++
			}
		}
		if pipes < len(idCardFields)-1 {
			return start, len(text), false, true
		}
		k := j // after the last '|': the issue date
		for k < len(text) && k-j < 8 && '0' <= text[k] && text[k] <= '9' {
			k++
		}
		return start, k, k-j == 8 && k == len(text), true
	}
	return 0, 0, false, false
}
