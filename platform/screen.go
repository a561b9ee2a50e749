package platform

import "github.com/go-gl/glfw/v3.3/glfw"

// ScreenSize is the primary screen's size in pixels; ok is false when no
// screen answers. The window's driver must have started (a window made)
// and the call must come from the main goroutine, as GLFW asks.
func ScreenSize() (width, height int, ok bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return 0, 0, false
	}
	return mode.Width, mode.Height, true
}
