package data

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
)

// RegisterLine is one line of the register (Sổ theo dõi hồ sơ, Mẫu số 07
// of Circular 03/2025): a dossier as filed and what became of it.
type RegisterLine struct {
	// Book, Workstation and RegisterNo place the line: each workstation
	// keeps its own book for the year, numbered continuously from 1.
	Book, Workstation, RegisterNo int
	Code                          string
	ProcedureCode, ProcedureName  string
	Applicant                     string
	Address, Phone                string
	Channel                       Channel
	ReceivedAt                    time.Time
	Due                           time.Time // the due date in force, midnight in Zone
	SentTo                        []string  // agencies the dossier was sent to (to-agency manifests)
	ResultAt                      time.Time // zero until the result was ready
	ReturnedAt                    time.Time // zero until handed over
	ReturnedTo                    string
	// Notes are the papers issued and what happened, in order:
	// "Mẫu số 02 (yêu cầu bổ sung) 05/03/2026".
	Notes []string
}

// Register is the register's lines of the dossiers filed in a period,
// both days included, book by book: by year, workstation, number.
type Register struct {
	From, To time.Time // midnight in Zone
	Lines    []RegisterLine
}

// RegisterService reads the register.
type RegisterService interface {
	Register(ctx context.Context, from, to time.Time) (Register, error)
}

// RecordRegisterStep reads one step of a dossier's history into its
// register line, in the order of the history: a paper issued becomes a
// note under the number its form set gives it, and where the dossier was
// sent, when its result was ready and to whom it was returned come from
// the history when the line lacks them (a dossier another workstation
// handled).
func RecordRegisterStep(l *RegisterLine, e Event) {
	paper := func(k FormKind, what string) {
		label := what
		if _, f, ok := FormFor(k, l.ReceivedAt, e.At); ok {
			label = f.Number + " (" + what + ")"
		}
		l.Notes = append(l.Notes, label+" "+e.At.In(Zone).Format("02/01/2006"))
	}
	if e.Action == UpdateApology {
		paper(FormApology, "xin lỗi, hẹn lại")
		return
	}
	switch e.To {
	case StatusSupplement:
		paper(FormSupplement, "yêu cầu bổ sung")
	case StatusRefused:
		paper(FormRefusal, "từ chối tiếp nhận")
	case StatusStopped:
		paper(FormStop, "dừng giải quyết")
	case StatusWithdrawn:
		l.Notes = append(l.Notes, "Rút hồ sơ "+e.At.In(Zone).Format("02/01/2006"))
	case StatusTransferred:
		if len(l.SentTo) == 0 {
			to := strings.TrimPrefix(e.Note, "Chuyển ")
			if k := strings.Index(to, " theo biên bản"); k >= 0 {
				to = to[:k]
			}
			if to = strings.TrimSpace(to); to != "" {
				l.SentTo = append(l.SentTo, to)
			}
		}
	case StatusResultReady:
		if l.ResultAt.IsZero() {
			l.ResultAt = e.At
		}
	case StatusReturned:
		if l.ReturnedAt.IsZero() {
			l.ReturnedAt = e.At
		}
		if l.ReturnedTo == "" {
			switch {
			case strings.HasPrefix(e.Note, "Trả kết quả cho người nộp "):
				l.ReturnedTo = strings.TrimPrefix(e.Note, "Trả kết quả cho người nộp ")
			case strings.HasPrefix(e.Note, "Trả kết quả cho người được ủy quyền "):
				l.ReturnedTo = strings.TrimPrefix(e.Note, "Trả kết quả cho người được ủy quyền ")
			case strings.HasPrefix(e.Note, "Bưu điện đã phát"):
				l.ReturnedTo = "Qua bưu điện"
			default:
				l.ReturnedTo = e.Note
			}
		}
	}
}

// SortRegister puts lines in the order of the books: by year, by
// workstation, by number.
func SortRegister(lines []RegisterLine) {
	slices.SortFunc(lines, func(a, b RegisterLine) int {
		return cmp.Or(cmp.Compare(a.Book, b.Book), cmp.Compare(a.Workstation, b.Workstation), cmp.Compare(a.RegisterNo, b.RegisterNo))
	})
}
