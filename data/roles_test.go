package data

import (
	"strings"
	"testing"
)

func TestPermissions(t *testing.T) {
	counter := []Action{ActView, ActIntake, ActNotice, ActReturnDesk, ActManifest, ActSync, ActOwnPassword}
	supervisor := []Action{ActApology, ActStop, ActUndo, ActReports, ActRevealID, ActAudit}
	admin := []Action{ActSetup, ActCatalog, ActCalendar, ActAccounts, ActBackup}
	may := map[Role][]Action{
		RoleCounter:    counter,
		RoleSupervisor: append(append([]Action{}, counter...), supervisor...),
		RoleAdmin:      append(append(append([]Action{}, counter...), supervisor...), admin...),
	}
	all := append(append(append([]Action{}, counter...), supervisor...), admin...)
	if len(all) != len(permissions) {
		t.Fatalf("%d actions in the table, %d in the test", len(permissions), len(all))
	}
	for _, r := range Roles {
		allowed := map[Action]bool{}
		for _, a := range may[r] {
			allowed[a] = true
		}
		for _, a := range all {
			o := Officer{Username: "x", FullName: "X", Role: r}
			err := Permit(o, a)
			if allowed[a] != (err == nil) || r.Allows(a) != allowed[a] {
				t.Errorf("%s %s: allowed %v, Permit %v", r, a, allowed[a], err)
			}
			if err != nil && (ErrorCode(err) != EDenied || !strings.Contains(ErrorMessage(err), "cần quyền "+a.Needs().Label())) {
				t.Errorf("%s %s refused with %q", r, a, ErrorMessage(err))
			}
		}
	}
	if err := Permit(Officer{}, ActIntake); ErrorCode(err) != ELoggedOut {
		t.Errorf("nobody logged in: %v", err)
	}
	if err := Permit(Officer{}, ActNone); err != nil {
		t.Errorf("an action that needs no account: %v", err)
	}
	if got := RoleCounter.Reason(ActApology); got != "Cần quyền lãnh đạo" {
		t.Errorf("reason %q", got)
	}
	if Role("root").Valid() || Role("root").Allows(ActView) {
		t.Error("an unknown role is allowed")
	}
}

func TestAccountValidate(t *testing.T) {
	tests := []struct {
		name   string
		a      Account
		fields []string
	}{
		{"good", Account{Username: "binh.tv", FullName: "Trần Văn Bình", Role: RoleCounter}, nil},
		{"upper case", Account{Username: "Binh", FullName: "Trần Văn Bình", Role: RoleCounter}, []string{FieldUsername}},
		{"one letter", Account{Username: "b", FullName: "Trần Văn Bình", Role: RoleCounter}, []string{FieldUsername}},
		{"diacritics", Account{Username: "bình", FullName: "Trần Văn Bình", Role: RoleCounter}, []string{FieldUsername}},
		{"no name", Account{Username: "binh", Role: RoleAdmin}, []string{FieldFullName}},
		{"control character", Account{Username: "binh", FullName: "Trần\x00Bình", Role: RoleAdmin}, []string{FieldFullName}},
		{"no role", Account{Username: "binh", FullName: "Trần Văn Bình"}, []string{FieldRole}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Validate()
			var got []string
			if de, ok := err.(*Error); ok {
				for _, f := range de.Fields {
					got = append(got, f.Field)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.fields, ",") {
				t.Errorf("fields %v, want %v (%v)", got, tt.fields, err)
			}
		})
	}
	for pw, ok := range map[string]bool{"1234567": false, "12345678": true, "mậtkhẩu": false, "mậtkhẩu1": true} {
		if (CheckPassword(pw) == nil) != ok {
			t.Errorf("password %q: %v", pw, CheckPassword(pw))
		}
	}
}
