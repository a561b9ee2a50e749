package catalogfile

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"motcua/data"
)

// FeeReading is what ReadFees made of a published fees text.
type FeeReading struct {
	// Fees is Known when the text states the fees unambiguously: one
	// amount, or no fee at all.
	Fees data.FeeSchedule
	// Reason says, when Fees is not Known, why an administrator must
	// set the fees ("nhiều mức thu: 10.000 đồng, 5.000 đồng").
	Reason string
}

// ReadFees reads a procedure's published fees text (fees_text). It reads
// an amount only when the text states exactly one, however often and on
// however many channels it repeats it; anything else is left for an
// administrator (data.FeesNeedReviewLabel), as a missing time limit is.
//
// The national database writes "<kênh>: <mức> <đơn vị tiền> (<ghi chú>)",
// joined by "; ", the figures with a comma ("10,000 Việt Nam Đồng") and
// the notes with a dot ("10.000 đồng/lần"). So:
//   - one amount in đồng, written once or repeated ("8,000 VNĐ (8.000
//     đồng/Văn bản …)" on three channels), is read, with its unit when
//     short ("50,000 Việt Nam Đồng (/giao dịch)" is 50.000 đồng per
//     "giao dịch"; "Lệ phí: 8.000 đồng/bản" is 8.000 đồng per "bản"). A
//     per-unit amount is still one amount: the officer collects the
//     multiple;
//   - several amounts (online and counter rates, per-page steps), a range
//     ("từ 10.000 đến 50.000 đồng"), a cap ("tối đa", "không quá"), a
//     percentage, a foreign currency, or an amount above data.MaxFee:
//     review;
//   - no amount: "Không", "Miễn phí", "Miễn lệ phí" (on every channel)
//     is no fee; but a text saying the rate is set elsewhere ("Mức lệ phí
//     cụ thể do Hội đồng nhân dân tỉnh … quyết định", "Theo quy định của
//     Luật phí và lệ phí") is review, whatever placeholder precedes it,
//     and so is an empty text or one that cannot be read;
//   - the kind is the one the text names ("lệ phí" only, or "phí" only);
//     when it names neither or both, the amount is read with the kind
//     unstated and the officer names it at the counter;
//   - "Miễn lệ phí cho …", "không phải nộp …", "được miễn" mark the
//     procedure as having exemptions.
func ReadFees(text string) FeeReading {
	t := data.Clean(text)
	exemptible := exemptPattern.MatchString(t)
	review := func(format string, args ...any) FeeReading {
		return FeeReading{Fees: data.FeeSchedule{Exemptible: exemptible}, Reason: fmt.Sprintf(format, args...)}
	}
	if t == "" {
		return review("không có thông tin phí, lệ phí")
	}
	if foreignPattern.MatchString(t) {
		return review("có mức thu bằng ngoại tệ")
	}
	var values []int64
	unit := ""
	for _, m := range amountPattern.FindAllStringSubmatchIndex(t, -1) {
		before, _ := utf8.DecodeLastRuneInString(t[:m[0]])
		after, _ := utf8.DecodeRuneInString(t[m[1]:])
		if m[0] > 0 && (unicode.IsDigit(before) || before == '.' || before == ',') ||
			m[1] < len(t) && (unicode.IsLetter(after) || unicode.IsDigit(after)) {
			continue // part of a longer number, or "đ" starting a word
		}
		v, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "").Replace(t[m[2]:m[3]]), 10, 64)
		if err != nil {
			return review("mức thu quá lớn")
		}
		if !slices.Contains(values, v) {
			values = append(values, v)
		}
		if unit == "" {
			unit = unitAfter(t[m[1]:])
		}
	}
	free := FeeReading{Fees: data.FeeSchedule{Known: true, Exemptible: exemptible}}
	switch {
	case len(values) > 1:
		amounts := make([]string, len(values))
		for k, v := range values {
			amounts[k] = data.FormatVND(v)
		}
		return review("nhiều mức thu: %s", strings.Join(amounts, ", "))
	case rangePattern.MatchString(t):
		return review("mức thu theo khoảng, mức tối đa hoặc tỷ lệ")
	case len(values) == 1 && values[0] == 0:
		return free
	case len(values) == 1 && values[0] > data.MaxFee:
		return review("mức thu %s vượt mức tối đa %s", data.FormatVND(values[0]), data.FormatVND(data.MaxFee))
	case len(values) == 1:
		free.Fees.Amounts = []data.FeeAmount{{Kind: kindNamed(t), Amount: values[0], Unit: unit}}
		return free
	case elsewherePattern.MatchString(t):
		return review("mức thu do văn bản khác quy định")
	case saysFree(t):
		return free
	}
	return review("không đọc được mức thu")
}

var (
	// An amount in đồng: "10,000 Việt Nam Đồng", "8.000 đồng", "400.000đ",
	// "5000 đồng", "8,000 VNĐ". Not a date or a document number, which
	// no currency follows; ReadFees checks what surrounds a match.
	amountPattern = regexp.MustCompile(`(?i)(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:việt nam đồng|vnđ|vnd|đồng|đ)`)
	// The same in a foreign currency.
	foreignPattern = regexp.MustCompile(`(?i)\d\s*(?:usd|eur|đô la|\$)(?:$|[^\p{L}])`)
	// A range, a cap or a percentage.
	rangePattern = regexp.MustCompile(`(?i)từ\s+\d[\d.,]*\s*(?:việt nam đồng|vnđ|đồng|đ)?\s*(?:đến|-|–)\s*\d|tối đa|tối thiểu|không quá|\d\s*%`)
	// The rate is set by another text.
	elsewherePattern = regexp.MustCompile(`(?i)mức (?:lệ phí|phí|thu)|hội đồng nhân dân|theo quy định của luật phí`)
	// Some applicants are exempt.
	exemptPattern = regexp.MustCompile(`(?i)miễn (?:lệ phí|phí)[^.;]*?(?:cho|đối với)|không phải nộp|được miễn`)
	// Where the channel or kind label ends: "Trực tiếp: Miễn phí".
	labelPattern = regexp.MustCompile(`^[^:]*:\s*`)
)

// freePhrases are what a text says when nothing is charged.
var freePhrases = []string{
	"không", "không có", "không thu", "không thu phí", "không thu lệ phí", "không thu phí, lệ phí",
	"miễn phí", "miễn lệ phí", "miễn phí, lệ phí", "miễn phí và lệ phí", "không mất phí",
}

// saysFree reports whether every entry of the text, notes in brackets and
// channel labels aside, is one of freePhrases.
func saysFree(t string) bool {
	entries := strings.Split(withoutBrackets(t), ";")
	n := 0
	for _, e := range entries {
		e = strings.ToLower(strings.Trim(labelPattern.ReplaceAllString(strings.TrimSpace(e), ""), " .,;"))
		if e == "" {
			continue
		}
		if !slices.Contains(freePhrases, e) {
			return false
		}
		n++
	}
	return n > 0
}

// withoutBrackets drops every bracketed note, nested ones included.
func withoutBrackets(t string) string {
	var b strings.Builder
	depth := 0
	for _, r := range t {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unitAfter reads the unit an amount is charged per from the text after
// it: "/trang; …" or " (/giao dịch)". A unit of more than a few words is
// a description, not a unit, and is left out.
func unitAfter(rest string) string {
	rest = strings.TrimLeft(rest, " ")
	rest = strings.TrimPrefix(rest, "(")
	if !strings.HasPrefix(rest, "/") {
		return ""
	}
	rest = rest[1:]
	if end := strings.IndexAny(rest, ";,.()"); end >= 0 {
		rest = rest[:end]
	}
	u := strings.TrimSpace(rest)
	if u == "" || utf8.RuneCountInString(u) > 30 {
		return ""
	}
	r, size := utf8.DecodeRuneInString(u)
	if word, _, _ := strings.Cut(u, " "); word != strings.ToUpper(word) {
		u = string(unicode.ToLower(r)) + u[size:]
	}
	return u
}

// kindNamed is the kind the text names: lệ phí only, or phí only (the
// placeholder "Miễn phí" and "chi phí" aside).
func kindNamed(t string) data.FeeKind {
	s := strings.ToLower(t)
	if strings.Contains(s, "phí, lệ phí") || strings.Contains(s, "phí và lệ phí") {
		return data.FeeUnstated
	}
	le := strings.Count(s, "lệ phí")
	s = strings.ReplaceAll(s, "lệ phí", "")
	s = strings.ReplaceAll(s, "miễn phí", "")
	s = strings.ReplaceAll(s, "chi phí", "")
	phi := strings.Count(s, "phí")
	switch {
	case le > 0 && phi == 0:
		return data.FeeLePhi
	case phi > 0 && le == 0:
		return data.FeePhi
	}
	return data.FeeUnstated
}
