package main

// Texts the exe's version information and the installer show. They are
// Vietnamese: Explorer's Details tab and Apps & features show them as is.
const (
	company     = "Trung tâm Phục vụ hành chính công"
	description = "Một Cửa – tiếp nhận hồ sơ và trả kết quả thủ tục hành chính"
	copyright   = "Trung tâm Phục vụ hành chính công"

	// installFolder is the program's folder under Program Files: plain
	// letters, easy to type in scripts.
	installFolder = "MotCua"
	// shortcutShortName is the Start menu shortcut's 8.3 name.
	shortcutShortName = "MOTCUA"

	// upgradeCode ties every version of the installer together: Windows
	// Installer replaces an installed product with the same upgrade code.
	// Never change it.
	upgradeCode = "{68D4D1A7-1CFF-49CC-BF03-CA45FA5BF9F6}"
	// componentGUID names the installed program file across versions, as
	// the component rules ask.
	componentGUID = "{7CDA38B1-7FE3-4860-A7D3-73DD313B0FCF}"

	// langVietnamese is the Windows language identifier of Vietnamese.
	langVietnamese = 0x042A
)
