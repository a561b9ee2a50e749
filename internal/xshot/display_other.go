//go:build !linux || !cgo

package xshot

// Display is a connection to an X display, which this build has none of.
type Display struct{}

// Open reports that there is no X display to read here.
func Open() (*Display, error) { return nil, ErrNoDisplay }

// Close does nothing.
func (x *Display) Close() {}

// Rows reports that there is no X display to read here.
func (x *Display) Rows(win uint64, step int) (Sample, error) { return Sample{}, ErrNoDisplay }
