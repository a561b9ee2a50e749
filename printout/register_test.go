package printout_test

import (
	"fmt"
	"io"
	"testing"

	"motcua/data"
	"motcua/printout"
)

// TestRegisterTellsItsProgress: both files tell their progress from no
// line written to every line, in order, a few hundred lines at a time.
func TestRegisterTellsItsProgress(t *testing.T) {
	const n = 600
	reg := data.Register{From: due.AddDate(0, 0, -7), To: due}
	for k := range n {
		reg.Lines = append(reg.Lines, data.RegisterLine{Book: 2026, Workstation: 1 + k/400, RegisterNo: 1 + k%400,
			Code: fmt.Sprintf("000.30.12.H30-260224-%d%03d", 1+k/400, 1+k%400), ProcedureCode: "1.001193",
			ProcedureName: "Thủ tục đăng ký khai sinh", Applicant: "Nguyễn Thị Hồng Nhung", Channel: data.ChannelCounter,
			ReceivedAt: received, Due: due})
	}
	for name, write := range map[string]func(io.Writer, printout.RegisterInput) error{"pdf": printout.Register, "xlsx": printout.RegisterWorkbook} {
		t.Run(name, func(t *testing.T) {
			var told [][2]int
			in := printout.RegisterInput{Office: office(""), Register: reg, At: due,
				Progress: func(done, total int) { told = append(told, [2]int{done, total}) }}
			if err := write(io.Discard, in); err != nil {
				t.Fatal(err)
			}
			want := [][2]int{{0, n}, {250, n}, {500, n}, {n, n}}
			if fmt.Sprint(told) != fmt.Sprint(want) {
				t.Errorf("told %v, want %v", told, want)
			}
		})
	}
}
