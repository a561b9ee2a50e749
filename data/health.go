package data

import "time"

// Health is what a check of a data folder found.
type Health struct {
	// Integrity is SQLite's integrity check: "ok" when the file is sound.
	Integrity string `json:"integrity"`
	// Synchronous is the commit setting in force: "full" when every
	// commit is on disk before it returns.
	Synchronous string `json:"synchronous"`
	// JournalOK is true when every dossier number, register number and
	// fee receipt number in the database is at or below what the number
	// journal has reserved.
	JournalOK bool `json:"journal_ok"`
	// ModesOK is true when the files are readable by their owner only.
	ModesOK bool `json:"modes_ok"`
	// LastBackup is when the newest backup in backups/ was written; nil
	// when there is none.
	LastBackup *time.Time `json:"last_backup"`
	// Problems says, in Vietnamese, each thing to put right; empty when
	// all is well.
	Problems []string `json:"problems"`
}

// OK reports whether the check found nothing to put right.
func (h Health) OK() bool { return len(h.Problems) == 0 }

// Restored says what a restore put in place.
type Restored struct {
	// TakenAt is when the backup was taken; TakenAtKnown is false for a
	// file that does not say (then TakenAt is the file's modification
	// time).
	TakenAt      time.Time
	TakenAtKnown bool
	Dossiers     int
	AgencyCode   string
	Workstation  int
	// Aside is the folder the replaced database was moved into; "" when
	// there was none.
	Aside string
}
