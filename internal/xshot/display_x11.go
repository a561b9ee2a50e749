//go:build linux && cgo

package xshot

/*
#cgo pkg-config: x11
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

// An X error (a window gone, not yet mapped) would end the process
// through Xlib's default handler; it is counted instead.
static int xshotErrors;
static int xshotOnError(Display *d, XErrorEvent *e) { xshotErrors++; return 0; }
static void xshotCatch(void) { XSetErrorHandler(xshotOnError); }
static int xshotTake(Display *d) { XSync(d, False); int n = xshotErrors; xshotErrors = 0; return n; }

// Macros, which cgo cannot call.
static void xshotDestroy(XImage *im) { XDestroyImage(im); }
static unsigned long xshotPixel(XImage *im, int x) { return XGetPixel(im, x, 0); }
*/
import "C"

import (
	"fmt"
	"image"
	"math/bits"
	"unsafe"
)

// Display is a connection to the X display in $DISPLAY.
type Display struct {
	d *C.Display
}

// Open connects to the X display named by $DISPLAY.
func Open() (*Display, error) {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return nil, ErrNoDisplay
	}
	C.xshotCatch()
	return &Display{d: d}, nil
}

// Close ends the connection.
func (x *Display) Close() { C.XCloseDisplay(x.d) }

// Rows reads every step-th row of window win (an X window id, as
// xdotool prints it).
func (x *Display) Rows(win uint64, step int) (Sample, error) {
	w := C.Window(win)
	var attr C.XWindowAttributes
	if C.XGetWindowAttributes(x.d, w, &attr) == 0 || C.xshotTake(x.d) != 0 {
		return Sample{}, fmt.Errorf("xshot: window %#x: no attributes", win)
	}
	width, height := int(attr.width), int(attr.height)
	img := image.NewRGBA(image.Rect(0, 0, width, (height+step-1)/step))
	for y := 0; y < height; y += step {
		im := C.XGetImage(x.d, C.Drawable(w), 0, C.int(y), C.uint(width), 1, C.AllPlanes, C.ZPixmap)
		if im == nil {
			C.xshotTake(x.d)
			return Sample{}, fmt.Errorf("xshot: window %#x: no image", win)
		}
		copyRow(img.Pix[(y/step)*img.Stride:], im, width)
		C.xshotDestroy(im)
	}
	return Sample{RGBA: img, Step: step}, nil
}

// copyRow turns the first row of im, 32 bits a pixel in the server's
// masks, into RGBA bytes.
func copyRow(dst []uint8, im *C.XImage, width int) {
	if im.bits_per_pixel != 32 {
		for x := 0; x < width; x++ {
			put(dst[4*x:], uint32(C.xshotPixel(im, C.int(x))), im)
		}
		return
	}
	src := unsafe.Slice((*uint32)(unsafe.Pointer(im.data)), width)
	for x, p := range src {
		put(dst[4*x:], p, im)
	}
}

func put(dst []uint8, p uint32, im *C.XImage) {
	channel := func(mask C.ulong) uint8 {
		m := uint32(mask)
		if m == 0 {
			return 0
		}
		return uint8((p & m) >> bits.TrailingZeros32(m))
	}
	dst[0], dst[1], dst[2], dst[3] = channel(im.red_mask), channel(im.green_mask), channel(im.blue_mask), 0xff
}
