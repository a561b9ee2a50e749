package platform

import (
	"path"
	"strings"
)

// This file decides how Windows prints a PDF, from what the registry
// says about the PDF reader. It has no build tag so that its rules are
// tested everywhere; print_windows.go reads the real registry.

// classes reads string values of the Windows registry. Keys start with
// HKCU\ or HKCR\; name "" is a key's default value. Lookups ignore case,
// as the registry does.
type classes interface {
	value(key, name string) (string, bool)
}

// handler is what the registry says about the reader that opens PDFs:
// its ProgID and the command lines of its print verbs ("" when absent).
type handler struct {
	progID  string
	print   string
	printto string
}

const userChoicePDF = `HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\FileExts\.pdf\UserChoice`

// pdfHandler finds the PDF reader as Explorer does: the user's choice in
// Settings first, then the machine's association. progID is "" when
// nothing opens PDFs.
func pdfHandler(c classes) handler {
	var h handler
	if id, ok := c.value(userChoicePDF, "ProgId"); ok && id != "" {
		h.progID = id
	} else if id, ok := c.value(`HKCR\.pdf`, ""); ok {
		h.progID = id
	}
	if h.progID == "" {
		return h
	}
	h.print = verbCommand(c, "print", h.progID)
	h.printto = verbCommand(c, "printto", h.progID)
	return h
}

// verbCommand is the command of a verb of progID, or of every PDF
// reader (SystemFileAssociations); "" when the verb is not registered.
// A verb run by a COM object has no command line, only DelegateExecute.
func verbCommand(c classes, verb, progID string) string {
	for _, base := range []string{`HKCR\` + progID, `HKCR\SystemFileAssociations\.pdf`} {
		key := base + `\shell\` + verb + `\command`
		if cmd, ok := c.value(key, ""); ok && cmd != "" {
			return cmd
		}
		if _, ok := c.value(key, "DelegateExecute"); ok {
			return "DelegateExecute"
		}
	}
	return ""
}

// action is how to print: a shell verb on the file (with params, the
// printer for "printto"), or a reader run directly.
type action struct {
	verb   string
	params string
	exe    string
	args   []string
}

// planPrint chooses how to print file with opt. defaultPrinter is the
// system's default printer ("" when unknown).
func planPrint(h handler, file string, opt PrintOptions, defaultPrinter string) (action, error) {
	if h.progID == "" {
		return action{}, ErrNoPDFReader
	}
	toDefault := opt.Printer == "" || strings.EqualFold(opt.Printer, defaultPrinter)
	// SumatraPDF takes the paper on its command line; through its verbs
	// it would print on the printer's own paper.
	for _, cmd := range []string{h.printto, h.print} {
		if exe := commandExe(cmd); strings.EqualFold(path.Base(strings.ReplaceAll(exe, `\`, "/")), "SumatraPDF.exe") {
			return sumatra(exe, file, opt, toDefault), nil
		}
	}
	switch {
	case toDefault && h.print != "":
		return action{verb: "print"}, nil
	case h.printto != "":
		printer := opt.Printer
		if printer == "" {
			printer = defaultPrinter
		}
		if printer != "" {
			return action{verb: "printto", params: quoteArg(printer)}, nil
		}
	case h.print != "":
		return action{}, ErrNoPrintToVerb
	}
	return action{}, ErrNoPrintVerb
}

// sumatra runs SumatraPDF to print silently, with the paper when one is
// chosen.
func sumatra(exe, file string, opt PrintOptions, toDefault bool) action {
	args := []string{"-print-to-default"}
	if !toDefault {
		args = []string{"-print-to", opt.Printer}
	}
	if opt.Paper != "" {
		args = append(args, "-print-settings", "paper="+opt.Paper)
	}
	args = append(args, "-silent", file)
	return action{exe: exe, args: args}
}

// commandExe is the program of a registered command line: the quoted
// first word, or the text up to ".exe" when it is not quoted.
func commandExe(cmd string) string {
	cmd = strings.TrimSpace(cmd)
	if rest, ok := strings.CutPrefix(cmd, `"`); ok {
		exe, _, _ := strings.Cut(rest, `"`)
		return exe
	}
	if i := strings.Index(strings.ToLower(cmd), ".exe"); i >= 0 {
		return cmd[:i+len(".exe")]
	}
	exe, _, _ := strings.Cut(cmd, " ")
	return exe
}

// quoteArg quotes a printer name for the "printto" verb's %2.
func quoteArg(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
