package cli

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

func TestUserCommands(t *testing.T) {
	h := adminHarness(t)
	h.vars["MOTCUA_NEW_PASSWORD"] = "mat-khau-hoa"
	refusals := []struct {
		name string
		args []string
		want string
	}{
		{"bad username", []string{"user", "add", "Hoa Lê", "--name", "Lê Thị Hoa", "--role", "counter"}, "--username"},
		{"no name", []string{"user", "add", "hoa", "--role", "counter"}, "--name"},
		{"unknown role", []string{"user", "add", "hoa", "--name", "Lê Thị Hoa", "--role", "root"}, "--role"},
		{"taken", []string{"user", "add", adminUser, "--name", "Ai đó", "--role", "counter"}, "Đã có tài khoản"},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			if code, _, errOut := h.run(r.args...); code != 1 || !strings.Contains(errOut, r.want) {
				t.Errorf("exit %d: %s", code, errOut)
			}
		})
	}
	h.vars["MOTCUA_NEW_PASSWORD"] = "ngan"
	if code, _, errOut := h.run("user", "add", "hoa", "--name", "Lê Thị Hoa", "--role", "counter"); code != 1 || !strings.Contains(errOut, "ít nhất 8") {
		t.Errorf("short password: %d %s", code, errOut)
	}
	h.vars["MOTCUA_NEW_PASSWORD"] = "mat-khau-hoa"
	if out := h.ok("user", "add", "hoa", "--name", "Lê  Thị Hoa", "--role", "counter"); !strings.Contains(out, "Lê Thị Hoa (cán bộ một cửa)") {
		t.Errorf("add: %s", out)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(h.ok("user", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[1]["username"] != "hoa" || list[1]["role"] != "counter" || list[1]["disabled"] != false {
		t.Errorf("list %v", list)
	}
	for _, a := range list {
		for k := range a {
			if strings.Contains(k, "hash") || strings.Contains(k, "password") {
				t.Errorf("list shows %q", k)
			}
		}
	}

	// Hoa works, then is disabled: her next command is refused.
	h.as("hoa", "mat-khau-hoa").ok("lists", "--json")
	h.as(adminUser, testPassword).ok("user", "disable", "hoa")
	if code, _, errOut := h.as("hoa", "mat-khau-hoa").run("lists", "--json"); code != 1 || !strings.Contains(errOut, "vô hiệu hoá") {
		t.Errorf("disabled: exit %d %s", code, errOut)
	}
	h.as(adminUser, testPassword).ok("user", "enable", "hoa")

	// Her own password; then the administrator resets it.
	h.as("hoa", "mat-khau-hoa").vars["MOTCUA_NEW_PASSWORD"] = "mat-khau-moi"
	h.ok("user", "passwd")
	if code, _, _ := h.as("hoa", "mat-khau-hoa").run("lists", "--json"); code != 1 {
		t.Error("the old password still works")
	}
	h.as("hoa", "mat-khau-moi").vars["MOTCUA_NEW_PASSWORD"] = "x-mat-khau-khac"
	if code, _, errOut := h.run("user", "passwd", adminUser); code != 1 || !strings.Contains(errOut, "cần quyền quản trị") {
		t.Errorf("a counter officer resets the administrator's: exit %d %s", code, errOut)
	}
	h.as(adminUser, testPassword).vars["MOTCUA_NEW_PASSWORD"] = "dat-lai-cho-hoa"
	h.ok("user", "passwd", "hoa")
	h.as("hoa", "dat-lai-cho-hoa").ok("lists", "--json")
}

func TestLockoutFromTheCommandLine(t *testing.T) {
	h := adminHarness(t)
	now := time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone)
	h.env.Desk.Now = func() time.Time { return now }
	for i := 1; i <= 5; i++ {
		code, _, errOut := h.as(adminUser, "sai-mat-khau").run("lists", "--json")
		want := "Sai tên đăng nhập hoặc mật khẩu"
		if i == 5 {
			want = "đang bị khoá đến 10:15 03/02/2027"
		}
		if code != 1 || !strings.Contains(errOut, want) {
			t.Fatalf("wrong password %d: exit %d %s", i, code, errOut)
		}
	}
	if code, _, errOut := h.as(adminUser, testPassword).run("lists", "--json"); code != 1 || !strings.Contains(errOut, "khoá") {
		t.Fatalf("locked: exit %d %s", code, errOut)
	}
	now = now.Add(15 * time.Minute)
	h.ok("lists", "--json")
}

// fakeTerminal is a person at a terminal who types the answers, one per
// prompt.
type fakeTerminal struct {
	answers []string
	prompts []string
}

func (f *fakeTerminal) IsTerminal() bool { return true }

func (f *fakeTerminal) ReadPassword(prompt string) (string, error) {
	f.prompts = append(f.prompts, prompt)
	if len(f.answers) == 0 {
		return "", errors.New("no more answers")
	}
	a := f.answers[0]
	f.answers = f.answers[1:]
	return a, nil
}

func TestPasswordsFromThePrompt(t *testing.T) {
	h := newHarness(t)
	h.vars = map[string]string{} // no MOTCUA_PASSWORD
	term := &fakeTerminal{answers: []string{testPassword, testPassword}}
	h.env.Terminal = term
	h.ok(initArgs...)
	if len(term.prompts) != 2 || !strings.Contains(term.prompts[0], "quản trị binh") || !strings.Contains(term.prompts[1], "Nhập lại") {
		t.Errorf("init prompts %q", term.prompts)
	}

	// A command asks for the password of --user.
	term.answers, term.prompts = []string{testPassword}, nil
	h.ok("lists", "--json")
	if len(term.prompts) != 1 || term.prompts[0] != "Mật khẩu của binh: " {
		t.Errorf("login prompts %q", term.prompts)
	}

	// A new account's password is typed twice; two that differ change
	// nothing.
	term.answers, term.prompts = []string{testPassword, "mat-khau-hoa", "mat-khau-khac"}, nil
	if code, _, errOut := h.run("user", "add", "hoa", "--name", "Lê Thị Hoa", "--role", "counter"); code != 1 || !strings.Contains(errOut, "không giống nhau") {
		t.Errorf("two passwords: exit %d %s", code, errOut)
	}
	if _, err := h.store.Account(t.Context(), "hoa"); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("made with two passwords: %v", err)
	}
	term.answers = []string{testPassword, "mat-khau-hoa", "mat-khau-hoa"}
	h.ok("user", "add", "hoa", "--name", "Lê Thị Hoa", "--role", "counter")

	// No terminal, no variable: refused, saying where the password comes from.
	h.env.Terminal = nil
	if code, _, errOut := h.run("lists", "--json"); code != 1 || !strings.Contains(errOut, "MOTCUA_PASSWORD") {
		t.Errorf("no password: exit %d %s", code, errOut)
	}
	h.env.User = ""
	if code, _, errOut := h.run("lists", "--json"); code != 1 || !strings.Contains(errOut, "--user") {
		t.Errorf("no user: exit %d %s", code, errOut)
	}
	// Commands that show no personal data need no account.
	h.ok("calendar", "due", "--received", "2027-04-29T10:00", "--days", "1")
	h.ok("catalog", "list")
}
