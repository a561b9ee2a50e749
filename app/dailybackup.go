package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// dailyBackup takes the day's automatic backup after the window opens,
// in the background, with a progress bar along the bottom of the window:
// copying a store of a million dossiers takes longer than an officer
// should wait to start work. A backup that fails says so there and in
// the error log; the officer's work goes on.
type dailyBackup struct {
	u       *UI
	bar     *progressBar
	message *banner

	content *fyne.Container
}

func newDailyBackup(u *UI) *dailyBackup {
	b := &dailyBackup{u: u, message: newBanner()}
	b.bar = newProgressBar(func(done, total int) string {
		return lang.L("progress.backup", map[string]any{"Percent": percent(done, total)})
	})
	b.content = container.NewVBox(b.bar.content, b.message.content)
	return b
}

// start takes the backup unless the day has one.
func (b *dailyBackup) start() {
	u := b.u
	backgroundErr(&u.jobs, u.ctx, func(ctx context.Context) error {
		_, err := u.desk.DailyBackup(data.WithProgress(ctx, b.bar.report()))
		return err
	}, func(err error) {
		b.bar.set(0, 0)
		if err != nil {
			b.message.show(lang.L("backup.failed")+" "+u.errorText(err), widget.WarningImportance)
		}
	})
}
