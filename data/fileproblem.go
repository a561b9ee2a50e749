package data

import (
	"errors"
	"io/fs"
)

// FileProblem says in the officer's words why a file could not be read,
// as " (…)" to follow its name, or "" when the reason is nothing an
// officer can act on: the system's own text never reaches them.
func FileProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return " (không có tệp này)"
	case errors.Is(err, fs.ErrPermission):
		return " (không có quyền đọc tệp)"
	}
	return ""
}
