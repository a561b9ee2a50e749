package platform

import "os"

// OthersMayRead is false on Windows, where the user's profile folder
// (%AppData%) already keeps other users out and modes mean little.
func OthersMayRead(fi os.FileInfo) bool { return false }
