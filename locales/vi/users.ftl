# Quản lý người dùng cho cán bộ (/staff/users): tìm tài khoản, trang của một tài khoản,
# tạm khóa và mở lại.

users-title = Người dùng
users-lead = Tìm tài khoản theo tên hoặc địa chỉ email, xem vai trò và trạng thái, tạm khóa hoặc mở lại tài khoản.
users-scope-staff = Bạn thấy các nhà khoa học và đơn vị đặt hàng thuộc mạng lưới quốc gia bạn phụ trách, các tài khoản chưa gắn với mạng lưới nào, và tài khoản cán bộ.
users-filter-q = Tên hoặc địa chỉ email
users-filter-q-hint = Chỉ cần nhập một phần của tên hoặc địa chỉ email
users-filter-role = Vai trò
users-filter-account = Tài khoản
users-filter-account-active = Đang hoạt động
users-filter-account-suspended = Đang bị tạm khóa
users-count = Số tài khoản tìm thấy: { $count }
users-caption = Tài khoản, mới nhất ở trên
users-col-name = Họ tên
users-col-role = Vai trò
users-col-email-verified = Xác minh email
users-col-account = Tài khoản
users-col-registered = Ngày đăng ký
users-empty = Không có tài khoản phù hợp. Hãy thử một phần của tên hoặc địa chỉ email, hoặc xóa bộ lọc.
users-verified = Đã xác minh
users-not-verified = Chưa xác minh
users-active = Đang hoạt động
users-suspended = Đang bị tạm khóa
users-error-q-too-long = Tên hoặc địa chỉ email không được dài quá 200 ký tự

users-account-caption = Tài khoản
users-email = Địa chỉ email
users-hub = Mạng lưới quốc gia
users-profile = Hồ sơ chuyên môn
users-profile-open = Mở hồ sơ chuyên môn
users-orgs = Tổ chức
users-orgs-none = Chưa là thành viên của tổ chức nào
users-language = Ngôn ngữ ưu tiên
users-last-sign-in = Lần đăng nhập gần nhất
users-never-signed-in = Chưa ghi nhận lần đăng nhập nào
users-suspended-since = Bị tạm khóa từ
users-suspension-reason = Lý do tạm khóa

users-suspend-heading = Tạm khóa tài khoản này
users-suspend-text = Người dùng bị đăng xuất ngay trên mọi thiết bị và không thể đăng nhập cho đến khi tài khoản được mở lại. Hồ sơ, bài toán và kết nối của họ vẫn được giữ nguyên.
users-suspend-reason = Lý do tạm khóa
users-suspend-button = Tạm khóa tài khoản
users-restore-heading = Mở lại tài khoản này
users-restore-text = Người dùng có thể đăng nhập lại ngay.
users-restore-reason = Lý do mở lại
users-restore-button = Mở lại tài khoản
users-reason-hint = Được ghi vào nhật ký kiểm tra. Tối đa 2.000 ký tự
users-managed-by-admins = Tài khoản cán bộ và quản trị viên do quản trị viên quản lý, không thực hiện trên trang này.

users-history-caption = Lịch sử tài khoản
users-history-reason = Lý do
users-history-empty = Chưa có ghi nhận nào ngoài các lần đăng nhập.
users-history-all = Xem mọi sự kiện về tài khoản này trong nhật ký kiểm tra
users-back-to-list = Quay lại danh sách người dùng

users-error-reason-missing-suspend = Nhập lý do tạm khóa tài khoản
users-error-reason-missing-restore = Nhập lý do mở lại tài khoản
users-error-reason-too-long = Lý do không được dài quá 2.000 ký tự

users-stale-title = Tài khoản đã được thay đổi
users-stale-body = Đã có người tạm khóa hoặc mở lại tài khoản này sau khi bạn mở trang. Không có gì bị thay đổi. Hãy mở lại trang tài khoản để xem trạng thái hiện tại.

flash-users-suspended = Tài khoản đã bị tạm khóa và mọi phiên đăng nhập đã kết thúc.
flash-users-restored = Tài khoản đã được mở lại. Người dùng có thể đăng nhập lại.
