package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fyneDialogMessages reads, from Fyne's own source of the dialog package,
// the messages its file dialog passes to lang (the key, and the English
// text: the key itself for lang.L, the fallback for lang.X), and the
// plain strings of the functions that name its places.
func fyneDialogMessages(t *testing.T) (messages map[string]string, places map[string]bool) {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("go list fyne: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "dialog")
	files, err := filepath.Glob(filepath.Join(dir, "file*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no file dialog source in %s: %v", dir, err)
	}
	messages, places = map[string]string{}, map[string]bool{}
	placeFuncs := map[string]bool{"loadFavorites": true, "getFavoritesOrder": true, "getPlaces": true}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, "_windows.go") || strings.Contains(f, "_mobile") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				if placeFuncs[fn.Name.Name] {
					// A place is a string of a composite (favoriteItem{…},
					// [6]string{…}) or assigned (order[5] = "Movies").
					var values []ast.Expr
					switch x := n.(type) {
					case *ast.CompositeLit:
						for _, e := range x.Elts {
							if kv, ok := e.(*ast.KeyValueExpr); ok {
								e = kv.Value
							}
							values = append(values, e)
						}
					case *ast.AssignStmt:
						values = x.Rhs
					}
					for _, v := range values {
						if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							places[s] = true
						}
					}
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
					return true
				}
				str := func(i int) string {
					if i >= len(call.Args) {
						return ""
					}
					lit, ok := call.Args[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return ""
					}
					s, _ := strconv.Unquote(lit.Value)
					return s
				}
				switch sel.Sel.Name {
				case "L":
					messages[str(0)] = str(0)
				case "X":
					messages[str(0)] = str(1)
				}
				return true
			})
		}
	}
	return messages, places
}

func TestFileDialogMessagesInVietnamese(t *testing.T) {
	vi := readTranslations(t, Vietnamese)
	messages, places := fyneDialogMessages(t)
	if len(messages) < 8 || len(places) < 6 {
		t.Fatalf("read only %d messages and %d places from Fyne's file dialog", len(messages), len(places))
	}
	for _, p := range fileDialogPlaces {
		messages["file.place."+p] = p
		if !places[p] {
			t.Errorf("Fyne's file dialog no longer names the place %q", p)
		}
	}
	for p := range places {
		if _, ok := messages["file.place."+p]; !ok {
			t.Errorf("place %q of Fyne's file dialog is not in fileDialogPlaces", p)
		}
	}
	for key, english := range messages {
		if key == "" {
			t.Errorf("a lang call of Fyne's file dialog takes no literal key")
			continue
		}
		got, ok := vi[key].(string)
		switch {
		case !ok:
			t.Errorf("vi.json lacks %q (%s)", key, english)
		case got == english:
			t.Errorf("vi.json %q = %q, the English", key, got)
		}
	}
}

func TestFileDialogShowsVietnamese(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	h.u.catalog.onImport()
	text := h.overlayText()
	for _, want := range []string{"Thư mục riêng", "Máy tính", "Mở tệp", "Huỷ", "Mở"} {
		if !strings.Contains(text, want) {
			t.Errorf("file dialog lacks %q:\n%s", want, text)
		}
	}
	for _, english := range []string{"Home\n", "Computer\n", "Cancel\n", "Open File"} {
		if strings.Contains(text, english) {
			t.Errorf("file dialog still says %q:\n%s", english, text)
		}
	}
}
