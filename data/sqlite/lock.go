package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"motcua/data"
	"motcua/platform"
)

// Lock files of a data folder. Every process that opens the store holds
// the folder lock shared; a restore needs it alone. The window holds the
// window lock too, so that a second window is refused while commands may
// still run beside it.
const (
	folderLockName = "motcua.lock"
	windowLockName = "motcua.window.lock"
)

// lockFolder takes the data folder's lock shared, waiting a little for a
// restore to finish.
func lockFolder(ctx context.Context, dir string) (*flock.Flock, error) {
	lk := flock.New(filepath.Join(dir, folderLockName))
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	ok, err := lk.TryRLockContext(ctx, 50*time.Millisecond)
	if err != nil && ctx.Err() == nil {
		return nil, fmt.Errorf("sqlite: lock data folder: %w", err)
	}
	if !ok {
		return nil, data.Errorf(data.EConflict, "Thư mục dữ liệu %s đang được khôi phục từ bản sao lưu; hãy chờ xong rồi mở lại.", dir)
	}
	platform.PrivateFile(lk.Path())
	return lk, nil
}

// lockFolderAlone takes the data folder's lock for this process alone, or
// refuses when the window or a command has the folder open.
func lockFolderAlone(dir string) (*flock.Flock, error) {
	lk := flock.New(filepath.Join(dir, folderLockName))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock data folder: %w", err)
	}
	if !ok {
		return nil, data.Errorf(data.EConflict, "Cửa sổ Một Cửa hoặc một lệnh khác đang mở thư mục dữ liệu %s: hãy đóng hết rồi làm lại. Chưa thay đổi gì.", dir)
	}
	platform.PrivateFile(lk.Path())
	return lk, nil
}

// LockWindow claims the data folder for a window. A second window on the
// same folder is refused; unlock when the window closes.
func LockWindow(dir string) (unlock func() error, err error) {
	lk := flock.New(filepath.Join(dir, windowLockName))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock window: %w", err)
	}
	if !ok {
		return nil, data.Errorf(data.EConflict, "Một Cửa đã mở trên máy này với thư mục dữ liệu %s. Hãy dùng cửa sổ đang mở; không mở được cửa sổ thứ hai.", dir)
	}
	platform.PrivateFile(lk.Path())
	return lk.Unlock, nil
}
