# Xác thực hai lớp cho cán bộ và quản trị viên.

tfa-code-title = Nhập mã bảo mật
tfa-code-lead = Tài khoản cán bộ cần thêm một bước khi đăng nhập. Hãy mở ứng dụng xác thực trên điện thoại và nhập mã mà ứng dụng hiển thị cho knowbridge.
tfa-code-label = Mã bảo mật
tfa-code-hint = Mã 6 chữ số trong ứng dụng, hoặc một trong các mã khôi phục của bạn
tfa-code-submit = Tiếp tục
tfa-lost-title = Nếu bạn không dùng được điện thoại
tfa-lost-text = Hãy nhập một trong các mã khôi phục bạn đã lưu khi cài đặt ứng dụng. Mỗi mã khôi phục chỉ dùng được một lần. Nếu đã hết mã, hãy đề nghị quản trị viên đặt lại xác thực hai lớp cho bạn.

tfa-setup-title = Thiết lập xác thực hai lớp
tfa-setup-lead = Tài khoản cán bộ có thể xem và quyết định những việc liên quan đến người khác, vì vậy ngoài mật khẩu còn được bảo vệ bằng mã từ một ứng dụng trên điện thoại. Bạn chỉ cần thiết lập một lần.
tfa-setup-step-app = Cài ứng dụng xác thực
tfa-setup-step-app-text = Ví dụ Google Authenticator, Microsoft Authenticator hoặc FreeOTP. Ứng dụng nào hỗ trợ mã theo thời gian (TOTP) cũng dùng được.
tfa-setup-step-scan = Thêm knowbridge vào ứng dụng
tfa-setup-qr-caption = Dùng ứng dụng quét mã QR này.
tfa-setup-manual = Nếu không quét được, hãy chọn nhập khóa thủ công và gõ khóa sau:
tfa-setup-step-confirm = Nhập mã mà ứng dụng hiển thị
tfa-setup-code-label = Mã bảo mật
tfa-setup-code-hint = 6 chữ số. Cứ 30 giây ứng dụng lại hiện một mã mới
tfa-setup-submit = Xác nhận và tiếp tục

tfa-recovery-title = Đã thiết lập xác thực hai lớp
tfa-recovery-lead = Nếu mất điện thoại, bạn có thể đăng nhập bằng một trong các mã khôi phục dưới đây thay cho mã trong ứng dụng.
tfa-recovery-once = Hãy lưu các mã này ở nơi an toàn ngay bây giờ, chẳng hạn trong trình quản lý mật khẩu. Các mã sẽ không được hiển thị lại, và mỗi mã chỉ dùng được một lần.
tfa-recovery-how = Khi cần dùng, hãy nhập mã vào ô mã bảo mật lúc đăng nhập.
tfa-recovery-continue = Tôi đã lưu các mã – tiếp tục

tfa-error-code-missing = Hãy nhập mã bảo mật
tfa-error-code-format = Hãy nhập mã 6 chữ số hiển thị trong ứng dụng
tfa-error-code-wrong = Mã không đúng. Hãy kiểm tra ứng dụng và nhập mã mới nhất; mỗi mã chỉ dùng được một lần
