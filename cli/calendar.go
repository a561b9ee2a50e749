package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"time"

	"motcua/data"
)

const usageCalendar = `  calendar off NGÀY --name "TÊN"       thêm ngày nghỉ (NGÀY dạng YYYY-MM-DD)
  calendar work NGÀY --name "TÊN"      thêm ngày làm bù
  calendar remove NGÀY                 xoá điều chỉnh của một ngày
  calendar list NĂM [--json]           các ngày nghỉ, nghỉ bù và làm bù trong năm
  calendar due --received YYYY-MM-DDTHH:MM --days N [--cutoff HH:MM]
                                       ngày hẹn trả kết quả (dòng đầu: YYYY-MM-DD)
`

func runCalendar(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("Thiếu lệnh con của calendar.")
	}
	switch args[0] {
	case "off", "work":
		return calendarSet(ctx, env, args[0] == "off", args[1:])
	case "remove":
		return calendarRemove(ctx, env, args[1:])
	case "list":
		return calendarList(ctx, env, args[1:])
	case "due":
		return calendarDue(ctx, env, args[1:])
	}
	return usagef("Không có lệnh calendar %q.", args[0])
}

func oneDate(pos []string) (time.Time, error) {
	if len(pos) != 1 {
		return time.Time{}, usagef("Cần đúng một ngày dạng YYYY-MM-DD.")
	}
	d, err := data.ParseDate(pos[0])
	if err != nil {
		return d, data.Errorf(data.EInvalid, "Ngày %q không đúng dạng YYYY-MM-DD.", pos[0])
	}
	return d, nil
}

func calendarSet(ctx context.Context, env *Env, off bool, args []string) error {
	fs := flag.NewFlagSet("calendar", flag.ContinueOnError)
	name := fs.String("name", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	d, err := oneDate(pos)
	if err != nil {
		return err
	}
	if _, err := env.Desk.SetOverride(ctx, data.Override{Date: d, Off: off, Name: *name}); err != nil {
		return err
	}
	what := "ngày làm bù"
	if off {
		what = "ngày nghỉ"
	}
	fmt.Fprintf(env.Stdout, "%s: %s (%s).\n", d.Format("2006-01-02"), what, data.Clean(*name))
	return nil
}

func calendarRemove(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(flag.NewFlagSet("calendar remove", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	d, err := oneDate(pos)
	if err != nil {
		return err
	}
	if _, err := env.Desk.RemoveOverride(ctx, d); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: đã xoá điều chỉnh, ngày theo lịch chung.\n", d.Format("2006-01-02"))
	return nil
}

type specialDayJSON struct {
	Date    string `json:"date"`
	Weekday string `json:"weekday"`
	Off     bool   `json:"off"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
}

var weekdays = [...]string{"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"}

// WeekdayName is the Vietnamese name of a weekday.
func WeekdayName(d time.Weekday) string { return weekdays[d] }

func calendarList(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("calendar list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("Cần đúng một năm.")
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 1901 || year > 2199 {
		return data.Errorf(data.EInvalid, "Năm %q không hợp lệ (1901–2199).", pos[0])
	}
	cal, err := env.Desk.Calendar(ctx)
	if err != nil {
		return err
	}
	days := cal.Year(year)
	if *asJSON {
		out := make([]specialDayJSON, 0, len(days))
		for _, d := range days {
			out = append(out, specialDayJSON{d.Date.Format("2006-01-02"), WeekdayName(d.Date.Weekday()), d.Off, d.Name, string(d.Kind)})
		}
		return printJSON(env.Stdout, out)
	}
	for _, d := range days {
		state := "nghỉ"
		if !d.Off {
			state = "làm việc"
		}
		fmt.Fprintf(env.Stdout, "%s  %-9s %-9s %s\n", d.Date.Format("2006-01-02"), WeekdayName(d.Date.Weekday()), state, d.Name)
	}
	return nil
}

func calendarDue(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("calendar due", flag.ContinueOnError)
	received := fs.String("received", "", "")
	days := fs.Int("days", -1, "")
	cutoff := fs.String("cutoff", "", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var bad data.Fields
	at, err := parseReceived(*received)
	if err != nil {
		bad.Add("--received", "cần dạng YYYY-MM-DDTHH:MM (giờ Việt Nam), ví dụ 2027-04-29T10:00")
	}
	if *days < 0 || *days > data.MaxWorkingDays {
		bad.Add("--days", "số ngày làm việc phải từ 0 đến %d", data.MaxWorkingDays)
	}
	cut, err := data.ParseClock(*cutoff)
	if err != nil {
		bad.Add("--cutoff", "giờ %q không đúng dạng HH:MM", *cutoff)
	}
	if err := bad.Err("Tham số chưa hợp lệ."); err != nil {
		return err
	}
	cal, err := env.Desk.Calendar(ctx)
	if err != nil {
		return err
	}
	due := cal.Due(at, *days, cut)
	fmt.Fprintln(env.Stdout, due.Format("2006-01-02"))
	fmt.Fprintf(env.Stdout, "Nhận %s %s, %d ngày làm việc: hẹn trả %s, %s.\n",
		WeekdayName(at.Weekday()), at.Format("15:04 02/01/2006"), *days, WeekdayName(due.Weekday()), due.Format("02/01/2006"))
	return nil
}

// parseReceived reads a local Vietnamese time with or without seconds or a
// zone offset.
func parseReceived(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, data.Zone); err == nil {
			return t, nil
		}
	}
	t, err := time.Parse(time.RFC3339, s)
	return t.In(data.Zone), err
}
