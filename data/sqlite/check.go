package sqlite

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"motcua/data"
	"motcua/platform"
)

// BackupMaxAge is how old the newest backup may be before a check
// complains.
const BackupMaxAge = 48 * time.Hour

// Check examines the database and its data folder: SQLite's integrity
// check, the commit setting in force, every dossier number and register
// number of this workstation against the number journal, the modes of
// the files, and the age of the newest backup.
func (db *DB) Check(ctx context.Context, dataDir string) (data.Health, error) {
	h := data.Health{Problems: []string{}, JournalOK: true, ModesOK: true}
	var res string
	if err := db.write.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		res = err.Error()
	}
	h.Integrity = res
	if res != "ok" {
		h.Problems = append(h.Problems, "Cơ sở dữ liệu bị hỏng (kiểm tra toàn vẹn: "+res+"): hãy khôi phục bản sao lưu gần nhất (motcua restore).")
	}
	var sync int
	if err := db.write.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
		return h, fmt.Errorf("sqlite: check: %w", err)
	}
	h.Synchronous = map[int]string{0: "off", 1: "normal", 2: "full", 3: "extra"}[sync]
	if sync < 2 {
		h.Problems = append(h.Problems, "Lưu dữ liệu chưa ở chế độ an toàn (synchronous="+h.Synchronous+"): hồ sơ đã in giấy có thể mất khi mất điện.")
	}
	journal, err := db.journalProblems(ctx)
	if err != nil {
		return h, err
	}
	h.JournalOK = len(journal) == 0
	h.Problems = append(h.Problems, journal...)
	modes := modeProblems(dataDir)
	h.ModesOK = len(modes) == 0
	h.Problems = append(h.Problems, modes...)
	last, err := lastBackup(dataDir)
	if err != nil {
		return h, err
	}
	switch {
	case last.IsZero():
		h.Problems = append(h.Problems, "Chưa có bản sao lưu nào trong "+BackupDir(dataDir)+": hãy chạy motcua backup.")
	default:
		t := last.In(data.Zone)
		h.LastBackup = &t
		if age := db.Now().Sub(last); age > BackupMaxAge {
			h.Problems = append(h.Problems, fmt.Sprintf("Bản sao lưu mới nhất đã cũ %d ngày (%s): hãy chạy motcua backup.",
				int(age.Hours()/24), t.Format("15:04 02/01/2006")))
		}
	}
	return h, nil
}

// journalProblems names every day and book whose numbers in the database
// pass what the journal has reserved: a restore could hand them out again.
func (db *DB) journalProblems(ctx context.Context) ([]string, error) {
	high, err := journalHigh(db.seq.path)
	if err != nil {
		return nil, err
	}
	var ws int
	if err := db.read.QueryRowContext(ctx, `SELECT COALESCE((SELECT workstation FROM office WHERE id = 1), 0)`).Scan(&ws); err != nil {
		return nil, fmt.Errorf("sqlite: check journal: %w", err)
	}
	if ws == 0 {
		return nil, nil
	}
	first, limit := data.SequenceBlock(ws)
	days, books := map[string]int{}, map[int]int{}
	rows, err := db.read.QueryContext(ctx, `SELECT code, book, register_no FROM dossier WHERE workstation = ?`, ws)
	if err != nil {
		return nil, fmt.Errorf("sqlite: check journal: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			code      string
			book, reg int
		)
		if err := rows.Scan(&code, &book, &reg); err != nil {
			return nil, fmt.Errorf("sqlite: check journal: %w", err)
		}
		if day, seq, ok := codeSeq(code); ok && seq >= first && seq <= limit {
			days[day] = max(days[day], seq)
		}
		books[book] = max(books[book], reg)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: check journal: %w", err)
	}
	var ps []string
	for day, n := range days {
		if j := high[dayKey(day, ws)]; n > j {
			ps = append(ps, fmt.Sprintf("Sổ ghi số %s: ngày %s/%s/20%s đã cấp mã hồ sơ đến số %04d nhưng sổ chỉ ghi %04d; khôi phục bản sao lưu lúc này có thể cấp trùng mã.",
				filepath.Base(db.seq.path), day[4:], day[2:4], day[:2], n, j))
		}
	}
	for book, n := range books {
		if j := high[bookKey(book, ws)]; n > j {
			ps = append(ps, fmt.Sprintf("Sổ ghi số %s: quyển %d đã cấp số thứ tự đến %d nhưng sổ chỉ ghi %d; khôi phục bản sao lưu lúc này có thể cấp trùng số.",
				filepath.Base(db.seq.path), book, n, j))
		}
	}
	receipts, err := receiptHighs(ctx, db.read, ws)
	if err != nil {
		return nil, fmt.Errorf("sqlite: check journal: %w", err)
	}
	for k, n := range receipts {
		if j := high[k]; n > j {
			year := strings.Split(k, "/")[1]
			ps = append(ps, fmt.Sprintf("Sổ ghi số %s: năm %s đã cấp biên lai đến số %08d nhưng sổ chỉ ghi %08d; khôi phục bản sao lưu lúc này có thể cấp trùng số biên lai.",
				filepath.Base(db.seq.path), year, n, j))
		}
	}
	sort.Strings(ps)
	return ps, nil
}

// modeProblems names what in the data folder others than its owner may
// read.
func modeProblems(dataDir string) []string {
	var ps []string
	filepath.WalkDir(dataDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		if platform.OthersMayRead(fi) {
			want := "0600"
			if fi.IsDir() {
				want = "0700"
			}
			ps = append(ps, fmt.Sprintf("%s có quyền %04o: người dùng khác đọc được; phải là %s (chmod %s %s).",
				path, fi.Mode().Perm(), want, want, path))
		}
		return nil
	})
	return ps
}

// lastBackup is when the newest backup in backups/ was taken, as its
// name says; zero when there is none.
func lastBackup(dataDir string) (time.Time, error) {
	dir := BackupDir(dataDir)
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return time.Time{}, nil
	}
	names, err := backupNames(dir)
	if err != nil || len(names) == 0 {
		return time.Time{}, err
	}
	n := names[len(names)-1]
	return time.ParseInLocation("20060102-150405", n[len("motcua-"):len(n)-len(".db")], data.Zone)
}
