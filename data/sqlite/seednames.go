package sqlite

// What generated dossiers are made of: the commonest Vietnamese family,
// middle and given names with their rough shares, the places of Cần Thơ
// city, streets and phone prefixes. Only the seed uses them.

type weighted struct {
	name   string
	weight int
}

var familyNames = []weighted{
	{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Huỳnh", 50}, {"Hoàng", 30},
	{"Phan", 45}, {"Võ", 39}, {"Vũ", 20}, {"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14}, {"Hồ", 13},
	{"Ngô", 13}, {"Dương", 10}, {"Lý", 5}, {"Đinh", 5}, {"Trương", 8}, {"Lâm", 6}, {"Mai", 4},
	{"Tô", 3}, {"Châu", 4}, {"Lương", 3}, {"Tạ", 2}, {"Cao", 3}, {"Quách", 2}, {"Thái", 2},
	{"Kiều", 1}, {"La", 2}, {"Tăng", 2}, {"Triệu", 2}, {"Đoàn", 4}, {"Hà", 3}, {"Lưu", 3},
}

var maleMiddle = []weighted{
	{"Văn", 300}, {"Hữu", 40}, {"Minh", 60}, {"Quốc", 40}, {"Thanh", 40}, {"Công", 25}, {"Đức", 35},
	{"Hoàng", 25}, {"Gia", 20}, {"Tuấn", 15}, {"Ngọc", 15}, {"Xuân", 10}, {"Trọng", 15}, {"Chí", 10},
}

var femaleMiddle = []weighted{
	{"Thị", 300}, {"Ngọc", 50}, {"Thanh", 30}, {"Thu", 25}, {"Hồng", 20}, {"Kim", 25}, {"Mỹ", 20},
	{"Bích", 10}, {"Thùy", 15}, {"Phương", 15}, {"Diễm", 5}, {"Khánh", 8}, {"Bảo", 10},
}

var maleGiven = []weighted{
	{"Anh", 20}, {"Bình", 15}, {"Cường", 12}, {"Dũng", 15}, {"Đạt", 14}, {"Hải", 15}, {"Hùng", 15},
	{"Huy", 18}, {"Khang", 12}, {"Khoa", 12}, {"Long", 15}, {"Minh", 18}, {"Nam", 18}, {"Nghĩa", 10},
	{"Phát", 12}, {"Phúc", 14}, {"Quang", 12}, {"Sơn", 12}, {"Tài", 12}, {"Thắng", 12}, {"Thành", 15},
	{"Tiến", 10}, {"Toàn", 10}, {"Trí", 12}, {"Trung", 12}, {"Tuấn", 15}, {"Việt", 10}, {"Vinh", 10},
	{"Đông", 6}, {"Lộc", 10}, {"Hiếu", 12}, {"Kiệt", 10}, {"Đăng", 8}, {"Duy", 12}, {"An", 12},
	{"Bảo", 10}, {"Hòa", 8}, {"Lâm", 6}, {"Nhân", 8}, {"Tâm", 8}, {"Thịnh", 8}, {"Vũ", 8},
}

var femaleGiven = []weighted{
	{"Anh", 18}, {"Chi", 12}, {"Diễm", 8}, {"Dung", 10}, {"Giang", 10}, {"Hà", 12}, {"Hạnh", 12},
	{"Hằng", 12}, {"Hiền", 12}, {"Hoa", 10}, {"Hương", 15}, {"Huyền", 12}, {"Lan", 12}, {"Linh", 18},
	{"Loan", 10}, {"Mai", 12}, {"My", 12}, {"Ngân", 12}, {"Nga", 10}, {"Ngọc", 14}, {"Nhung", 12},
	{"Nhi", 14}, {"Oanh", 8}, {"Phượng", 8}, {"Quyên", 8}, {"Tâm", 8}, {"Thảo", 15}, {"Thư", 14},
	{"Trang", 16}, {"Trâm", 10}, {"Tuyết", 8}, {"Uyên", 10}, {"Vân", 10}, {"Vy", 14}, {"Yến", 12},
	{"Hân", 12}, {"Đào", 6}, {"Nhàn", 6}, {"Thủy", 10}, {"Xuân", 6}, {"Kiều", 5}, {"Lụa", 4},
}

// Birth registrations: the three provinces merged into Cần Thơ first.
var birthProvinces = []weighted{
	{"092", 45}, {"093", 22}, {"094", 18}, {"089", 3}, {"086", 3}, {"091", 2}, {"079", 3}, {"095", 2}, {"096", 2},
}

var communes = []string{
	"phường Ninh Kiều", "phường Cái Khế", "phường Tân An", "phường An Bình", "phường Bình Thủy",
	"phường Long Tuyền", "phường Cái Răng", "phường Hưng Phú", "phường Ô Môn", "phường Thới Long",
	"phường Thốt Nốt", "xã Phong Điền", "xã Cờ Đỏ", "xã Vĩnh Thạnh", "xã Thới Lai", "phường Vị Thanh",
	"phường Vị Tân", "phường Long Mỹ", "phường Ngã Bảy", "xã Châu Thành", "phường Sóc Trăng",
	"xã Mỹ Xuyên", "phường Ngã Năm", "phường Vĩnh Châu", "xã Kế Sách", "xã Vị Thủy", "xã Hỏa Lựu",
}

var streets = []string{
	"Trần Hưng Đạo", "Nguyễn Trãi", "30 Tháng 4", "3 Tháng 2", "Mậu Thân", "Hùng Vương", "Lê Lợi",
	"Nguyễn Văn Cừ", "Cách Mạng Tháng Tám", "Trần Phú", "Hai Bà Trưng", "Lý Tự Trọng", "Võ Văn Kiệt",
	"Nguyễn Văn Linh", "Phan Đình Phùng", "Lê Hồng Phong", "Điện Biên Phủ", "Ngô Quyền",
}

var phonePrefixes = []string{
	"032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079",
	"081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096", "097", "098",
}

var postalStaff = []string{"Lê Văn Tâm", "Nguyễn Thị Bé", "Trần Minh Luân", "Phạm Văn Út"}

var agencies = []string{"Phòng Tư pháp", "Sở Tài nguyên và Môi trường", "Chi cục Thuế khu vực", "Công an thành phố"}

// Why applicants are exempt from a procedure's fees, as the sample
// catalogue's procedures that allow exemptions say; a procedure not named
// here exempts as civil status does.
var exemptions = map[string][]string{
	"2.001035": {"Hộ gia đình vay vốn phát triển nông nghiệp, nông thôn (Nghị định 55/2015/NĐ-CP)"},
	"2.001263": {"Cha dượng nhận con riêng của vợ làm con nuôi", "Cô ruột nhận cháu làm con nuôi", "Nhận trẻ em khuyết tật làm con nuôi"},
}

var civilExemptions = []string{"Người thuộc hộ nghèo", "Người thuộc gia đình có công với cách mạng", "Người khuyết tật"}
