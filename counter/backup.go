package counter

import (
	"context"
	"fmt"
)

// dailyBackuper takes the day's automatic backup.
type dailyBackuper interface {
	DailyBackup(ctx context.Context, dataDir string) (string, error)
}

// DailyBackup takes the day's automatic backup into the data folder's
// backups/ at the first start of the day; it returns its path, "" when
// the day had one. The window runs it in the background (a store of a
// million dossiers takes a while to copy), telling a progress bar.
func (d *Desk) DailyBackup(ctx context.Context) (string, error) {
	b, ok := d.store.(dailyBackuper)
	if !ok {
		return "", fmt.Errorf("counter: daily backup: the store %T makes no copies", d.store)
	}
	return b.DailyBackup(ctx, d.DataDir)
}
