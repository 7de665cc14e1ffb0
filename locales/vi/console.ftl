# Điều hướng của khu vực cán bộ.
nav-console = Khu vực cán bộ
console-nav-label = Khu vực cán bộ
console-dashboard = Tổng quan
console-users = Người dùng
console-reports = Báo cáo
console-staff = Tài khoản cán bộ
console-hubs = Mạng lưới quốc gia
