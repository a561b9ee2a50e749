package data

import "fmt"

// Role is what an officer may do. Each role may do everything the one
// before it may.
type Role string

const (
	RoleCounter    Role = "counter"    // cán bộ một cửa: the counter's daily work
	RoleSupervisor Role = "supervisor" // lãnh đạo: + Form 04, reports, full ID numbers, the audit
	RoleAdmin      Role = "admin"      // quản trị: + set-up, catalogue, calendar, accounts, backups
)

// Roles lists the roles, least first.
var Roles = []Role{RoleCounter, RoleSupervisor, RoleAdmin}

var roleRank = map[Role]int{RoleCounter: 1, RoleSupervisor: 2, RoleAdmin: 3}

// Valid reports whether the role exists.
func (r Role) Valid() bool { return roleRank[r] > 0 }

// Label is the role in Vietnamese.
func (r Role) Label() string {
	switch r {
	case RoleCounter:
		return "cán bộ một cửa"
	case RoleSupervisor:
		return "lãnh đạo"
	case RoleAdmin:
		return "quản trị"
	}
	return string(r)
}

// Action is something an officer does that needs a role. A new command
// or screen action adds its constant and a line in permissions.
type Action string

const (
	// ActNone needs no account: it shows no personal data and changes
	// nothing (the calendar, the catalogue, reading a scan).
	ActNone Action = ""

	ActView        Action = "view"        // open a dossier, its history, lists of dossiers
	ActIntake      Action = "intake"      // take a dossier, print its receipt
	ActNotice      Action = "notice"      // Forms 02 and 03
	ActReturnDesk  Action = "return-desk" // status changes, results back, returns and their slips
	ActManifest    Action = "manifest"    // postal hand-over manifests
	ActSync        Action = "sync"        // run the sync, see to what the province refused
	ActOwnPassword Action = "own-password"

	ActApology  Action = "apology"   // Form 04
	ActStop     Action = "stop"      // Form 05: stop a dossier
	ActUndo     Action = "undo"      // undo a dossier's last status change, set by mistake
	ActReports  Action = "reports"   // reports and the register
	ActRevealID Action = "reveal-id" // a full ID number
	ActAudit    Action = "audit"     // read and verify the audit trail

	ActSetup    Action = "setup"    // office set-up, printer, enrollment
	ActCatalog  Action = "catalog"  // import, time limits
	ActCalendar Action = "calendar" // days off, make-up days
	ActAccounts Action = "accounts" // add, disable, enable accounts, reset passwords
	ActBackup   Action = "backup"   // backup and restore
)

// permissions is the least role of each action, with what the action is
// called in a refusal.
var permissions = map[Action]struct {
	role Role
	what string
}{
	ActView:        {RoleCounter, "xem hồ sơ"},
	ActIntake:      {RoleCounter, "tiếp nhận hồ sơ"},
	ActNotice:      {RoleCounter, "lập phiếu yêu cầu bổ sung hoặc từ chối (Mẫu 02, 03)"},
	ActReturnDesk:  {RoleCounter, "trả kết quả"},
	ActManifest:    {RoleCounter, "giao nhận bưu chính"},
	ActSync:        {RoleCounter, "đồng bộ với tỉnh"},
	ActOwnPassword: {RoleCounter, "đổi mật khẩu của mình"},
	ActApology:     {RoleSupervisor, "lập phiếu xin lỗi và hẹn lại (Mẫu 04)"},
	ActStop:        {RoleSupervisor, "dừng giải quyết hồ sơ (Mẫu 05)"},
	ActUndo:        {RoleSupervisor, "hoàn tác thay đổi trạng thái hồ sơ"},
	ActReports:     {RoleSupervisor, "xem báo cáo và sổ theo dõi"},
	ActRevealID:    {RoleSupervisor, "xem đầy đủ số định danh"},
	ActAudit:       {RoleSupervisor, "xem và kiểm tra nhật ký"},
	ActSetup:       {RoleAdmin, "thiết lập đơn vị và máy trạm"},
	ActCatalog:     {RoleAdmin, "sửa danh mục thủ tục"},
	ActCalendar:    {RoleAdmin, "sửa lịch làm việc"},
	ActAccounts:    {RoleAdmin, "quản lý tài khoản"},
	ActBackup:      {RoleAdmin, "sao lưu và khôi phục"},
}

// Needs is the least role of an action; "" for ActNone.
func (a Action) Needs() Role { return permissions[a].role }

// Known reports whether the action is in the table (ActNone is).
func (a Action) Known() bool {
	_, ok := permissions[a]
	return ok || a == ActNone
}

// Allows reports whether the role may do the action.
func (r Role) Allows(a Action) bool {
	if a == ActNone {
		return true
	}
	p, ok := permissions[a]
	return ok && roleRank[r] >= roleRank[p.role]
}

// Reason is what a screen shows beside an action the role may not use,
// "" when it may: "Cần quyền lãnh đạo".
func (r Role) Reason(a Action) string {
	if r.Allows(a) {
		return ""
	}
	return "Cần quyền " + a.Needs().Label()
}

// Permit returns nil when the officer may do the action, else an error
// saying what is needed: EDenied, or ELoggedOut when nobody is logged in.
func Permit(o Officer, a Action) error {
	switch {
	case a == ActNone:
		return nil
	case o.Username == "":
		return Errorf(ELoggedOut, "Chưa đăng nhập: việc này (%s) cần tài khoản %s trở lên.", permissions[a].what, a.Needs().Label())
	case !o.Role.Allows(a):
		return Errorf(EDenied, "Tài khoản %s (%s) không được %s: việc này cần quyền %s. Chưa thay đổi gì.",
			o.Username, o.Role.Label(), permissions[a].what, a.Needs().Label())
	}
	return nil
}

// Describe is the action as a sentence names it.
func (a Action) Describe() string {
	if p, ok := permissions[a]; ok {
		return p.what
	}
	return fmt.Sprintf("%q", string(a))
}
