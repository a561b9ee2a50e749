package cli

import (
	"flag"
	"time"

	"motcua/data"
)

// periodFlags are the --from and --to days of a report's period.
type periodFlags struct{ from, to *string }

func newPeriodFlags(fs *flag.FlagSet) periodFlags {
	return periodFlags{fs.String("from", "", ""), fs.String("to", "", "")}
}

// given reports whether both days were given.
func (p periodFlags) given() bool { return *p.from != "" && *p.to != "" }

// dates reads the two days, or says which one is not a date.
func (p periodFlags) dates() (from, to time.Time, err error) {
	if from, err = data.ParseDate(*p.from); err != nil {
		return from, to, data.Errorf(data.EInvalid, "Ngày đầu %q cần dạng YYYY-MM-DD.", *p.from)
	}
	if to, err = data.ParseDate(*p.to); err != nil {
		return from, to, data.Errorf(data.EInvalid, "Ngày cuối %q cần dạng YYYY-MM-DD.", *p.to)
	}
	return from, to, nil
}
