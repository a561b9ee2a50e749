// Package walvfs registers with SQLite a VFS that writes each commit's
// log frames to the disk in one write before the commit's sync, instead
// of two writes a frame (walvfs.c says why and what stays the same).
// Every connection opened with it must use synchronous=FULL.
package walvfs

// #include <stdlib.h>
// #include "walvfs.h"
import "C"

import (
	"fmt"
	"sync"
	"unsafe"

	_ "github.com/mattn/go-sqlite3" // the SQLite this VFS registers with
)

// Name is the VFS to name in a connection's URI (vfs=).
const Name = "motcua-wal"

var (
	once sync.Once
	err  error
)

// Register makes Name known to SQLite, once a process.
func Register() error {
	once.Do(func() {
		name := C.CString(Name) // kept for the life of the process
		if rc := C.motcua_walvfs_register(name); rc != 0 {
			C.free(unsafe.Pointer(name))
			err = fmt.Errorf("walvfs: register: SQLite error %d", rc)
		}
	})
	return err
}

// Counts says how many writes this process has handed to the operating
// system for logs, and how many times it synced one: what the tests
// check the gathering by.
func Counts() (writes, syncs int64) {
	var w, s C.longlong
	C.motcua_walvfs_counts(&w, &s)
	return int64(w), int64(s)
}
