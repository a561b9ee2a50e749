package data

import "strings"

// Field names of a Form 02 (supplement) or 03 (refusal), as CheckNotice
// names them.
const (
	FieldNoticeCode  = "code"  // the dossier's code, or its receipt's QR
	FieldNoticeItems = "items" // the papers to supplement, or the reasons to refuse
)

// NoticeLines are the items of a Form 02 or 03, written one a line:
// each line cleaned, the empty ones left out.
func NoticeLines(texts []string) []string {
	var lines []string
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			if line = Clean(line); line != "" {
				lines = append(lines, line)
			}
		}
	}
	return lines
}

// CheckNotice names what a Form 02 or 03 (kind FormSupplement or
// FormRefusal) lacks: the dossier, typed or scanned, and at least one
// item. lines come as NoticeLines gives them; notFound says why the
// dossier typed was not found (not a dossier's code, no such dossier),
// nil when it was or was not looked up.
func CheckNotice(kind FormKind, code string, notFound error, lines []string) error {
	var bad Fields
	switch {
	case Clean(code) == "":
		bad.Add(FieldNoticeCode, "chưa nhập mã hồ sơ (hoặc quét mã QR trên giấy tiếp nhận)")
	case notFound != nil:
		bad.Add(FieldNoticeCode, "%s", ErrorMessage(notFound))
	}
	what, form := "giấy tờ cần bổ sung", "phiếu yêu cầu bổ sung (Mẫu 02)"
	if kind == FormRefusal {
		what, form = "lý do từ chối", "phiếu từ chối (Mẫu 03)"
	}
	if len(lines) == 0 {
		bad.Add(FieldNoticeItems, "chưa ghi %s", what)
	}
	return bad.Err("Chưa cấp được " + form + ":")
}
