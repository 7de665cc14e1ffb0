# Quản trị (chỉ quản trị viên): mạng lưới quốc gia và tài khoản cán bộ, cùng lời mời gửi cho
# cán bộ mới.

nav-admin = Quản trị

admin-title = Quản trị
admin-lead = Quản lý các mạng lưới quốc gia và tài khoản của cán bộ Đại sứ quán.
admin-index-staff-text = Tài khoản cán bộ và quản trị viên: { $count }
admin-index-hubs-text = Mạng lưới quốc gia: { $count }
admin-back-to-admin = Quay lại trang quản trị
admin-back-to-hubs = Quay lại danh sách mạng lưới quốc gia
admin-back-to-staff = Quay lại danh sách tài khoản cán bộ
admin-list-separator = {", "}

# Hubs
admin-hubs-title = Mạng lưới quốc gia
admin-hubs-lead = Mỗi mạng lưới quốc gia gồm cộng đồng nhà khoa học ở nước sở tại và các cán bộ Đại sứ quán hỗ trợ họ. Mạng lưới mới xuất hiện ngay trong biểu mẫu hồ sơ và bài toán.
admin-hubs-caption = Mạng lưới quốc gia ({ $count })
admin-hubs-empty = Chưa có mạng lưới quốc gia nào.
admin-col-code = Mã
admin-col-country = Quốc gia
admin-col-name-vi = Tên tiếng Việt
admin-col-name-ja = Tên tiếng Nhật
admin-col-name-en = Tên tiếng Anh
admin-col-staff = Cán bộ
admin-col-scientists = Nhà khoa học
admin-col-action = Thao tác
admin-hub-rename = Đổi tên
admin-hub-new-title = Thêm mạng lưới quốc gia
admin-hub-new-lead = Sau khi tạo, không thể đổi mã và quốc gia vì hồ sơ, bài toán và báo cáo đều tham chiếu đến chúng. Tên thì có thể sửa.
admin-hub-edit-title = Đổi tên mạng lưới quốc gia
admin-hub-edit-lead = Sửa các tên hiển thị cho người đọc. Mã và quốc gia được giữ nguyên.
admin-hub-create = Thêm mạng lưới quốc gia
admin-hub-save = Lưu tên
admin-field-hub-code = Mã mạng lưới
admin-field-hub-code-hint = Từ 2 đến 8 chữ cái thường, ví dụ kr hoặc us
admin-field-country = Mã quốc gia
admin-field-country-hint = Mã ISO 3166 gồm hai chữ cái, ví dụ KR cho Hàn Quốc
admin-field-name-vi = Tên tiếng Việt
admin-field-name-vi-hint = Ví dụ: Hàn Quốc
admin-field-name-ja = Tên tiếng Nhật
admin-field-name-ja-hint = Ví dụ: 韓国
admin-field-name-en = Tên tiếng Anh
admin-field-name-en-hint = Ví dụ: Korea
admin-error-hub-code-missing = Vui lòng nhập mã mạng lưới
admin-error-hub-code-format = Mã mạng lưới phải gồm từ 2 đến 8 chữ cái thường, ví dụ kr
admin-error-hub-code-taken = Đã có mạng lưới quốc gia dùng mã này. Vui lòng chọn mã khác
admin-error-hub-country-missing = Vui lòng nhập mã quốc gia
admin-error-hub-country-invalid = Vui lòng nhập mã quốc gia ISO 3166 gồm hai chữ cái, ví dụ KR
admin-error-hub-name-vi-missing = Vui lòng nhập tên tiếng Việt
admin-error-hub-name-ja-missing = Vui lòng nhập tên tiếng Nhật
admin-error-hub-name-en-missing = Vui lòng nhập tên tiếng Anh
admin-error-hub-name-too-long = Tên không được dài quá 100 ký tự

# Staff accounts
admin-staff-title = Tài khoản cán bộ
admin-staff-lead = Cán bộ Đại sứ quán và quản trị viên, kèm mạng lưới quốc gia phụ trách và tình trạng thiết lập xác thực hai lớp. Cán bộ chỉ xem và quyết định trong phạm vi mạng lưới của mình.
admin-staff-caption = Cán bộ và quản trị viên ({ $count })
admin-staff-empty = Chưa có tài khoản cán bộ nào.
admin-staff-caption-one = Tài khoản cán bộ
admin-col-name = Họ và tên
admin-col-email = Địa chỉ email
admin-col-role = Vai trò
admin-col-hubs = Mạng lưới quốc gia
admin-col-state = Tình trạng
admin-col-two-factor = Xác thực hai lớp
admin-col-language = Ngôn ngữ email
admin-col-created = Ngày tạo tài khoản
admin-col-disabled = Bị vô hiệu hóa
admin-col-disabled-reason = Lý do vô hiệu hóa
admin-state-invited = Đã mời
admin-state-active = Đang hoạt động
admin-state-disabled = Đã vô hiệu hóa
admin-two-factor-on = Đã thiết lập
admin-two-factor-off = Chưa thiết lập
admin-hubs-all = Tất cả mạng lưới (quản trị viên)
admin-hubs-none = Chưa có mạng lưới

admin-staff-new-title = Mời cán bộ mới
admin-staff-new-lead = Chúng tôi sẽ gửi email kèm liên kết để người được mời tự chọn mật khẩu. Liên kết có hiệu lực trong 7 ngày. Ở lần đăng nhập đầu tiên, họ sẽ thiết lập xác thực hai lớp.
admin-staff-invite = Gửi lời mời
admin-field-email = Địa chỉ email
admin-field-email-hint = Địa chỉ email công vụ tại Đại sứ quán
admin-field-name = Họ và tên
admin-field-name-hint = Như đồng nghiệp thường gọi, ví dụ Trần Thị Lan
admin-field-hubs = Mạng lưới quốc gia
admin-field-hubs-hint = Chọn tất cả các mạng lưới mà người này sẽ phụ trách
admin-field-hubs-edit-hint = Chọn tất cả các mạng lưới mà người này phụ trách. Họ chỉ xem và quyết định trong phạm vi các mạng lưới này
admin-field-locale = Ngôn ngữ của lời mời
admin-field-locale-hint = Email và các trang sẽ hiển thị bằng ngôn ngữ này cho đến khi họ thay đổi
admin-error-email-missing = Vui lòng nhập địa chỉ email của cán bộ
admin-error-email-invalid = Vui lòng nhập địa chỉ email đúng định dạng, ví dụ ten@example.com
admin-error-email-taken = Đã có tài khoản dùng địa chỉ email này
admin-error-name-missing = Vui lòng nhập họ và tên của cán bộ
admin-error-name-too-long = Họ và tên không được dài quá 100 ký tự
admin-error-hubs-missing = Vui lòng chọn ít nhất một mạng lưới quốc gia
admin-error-hubs-unknown = Vui lòng chọn mạng lưới quốc gia trong danh sách
admin-error-locale-missing = Vui lòng chọn ngôn ngữ của lời mời

# One staff member's page
admin-invitation-heading = Lời mời
admin-invitation-pending = Lời mời đã được gửi lúc { $date }. Người được mời chưa chọn mật khẩu.
admin-invitation-lapsed = Lời mời đã hết hạn và người được mời chưa chọn mật khẩu.
admin-invitation-resend = Gửi lại lời mời
admin-hubs-heading = Mạng lưới quốc gia
admin-hubs-admin-note = Quản trị viên phụ trách tất cả các mạng lưới quốc gia.
admin-hubs-save = Lưu mạng lưới quốc gia
admin-two-factor-heading = Xác thực hai lớp
admin-two-factor-reset-text = Nếu người này bị mất điện thoại, hãy đặt lại xác thực hai lớp. Họ sẽ bị đăng xuất trên mọi thiết bị và thiết lập lại ở lần đăng nhập tiếp theo.
admin-two-factor-reset = Đặt lại xác thực hai lớp
admin-two-factor-nothing = Người này chưa thiết lập xác thực hai lớp. Họ sẽ được yêu cầu thiết lập ở lần đăng nhập tiếp theo.
admin-two-factor-self-note = Xác thực hai lớp của chính bạn chỉ có thể do một quản trị viên khác đặt lại.
admin-disable-heading = Vô hiệu hóa tài khoản này
admin-disable-text = Người này sẽ bị đăng xuất ngay lập tức và không thể đăng nhập cho đến khi tài khoản được kích hoạt lại.
admin-disable-self-note = Bạn không thể tự vô hiệu hóa tài khoản của mình. Vui lòng nhờ một quản trị viên khác.
admin-disable = Vô hiệu hóa tài khoản
admin-field-reason = Lý do vô hiệu hóa
admin-field-reason-hint = Ví dụ: đã chuyển công tác khỏi Đại sứ quán từ tháng 12/2026. Các quản trị viên khác sẽ thấy lý do này
admin-enable-heading = Kích hoạt lại tài khoản này
admin-enable-text = Người này sẽ đăng nhập lại được bằng mật khẩu và lớp xác thực thứ hai của mình.
admin-enable = Kích hoạt lại tài khoản
admin-error-reason-missing = Vui lòng nhập lý do vô hiệu hóa tài khoản này
admin-error-reason-too-long = Lý do không được dài quá 2.000 ký tự
admin-error-disable-self = Bạn không thể tự vô hiệu hóa tài khoản của mình. Vui lòng nhờ một quản trị viên khác
admin-error-reset-self = Bạn không thể tự đặt lại xác thực hai lớp của mình. Vui lòng nhờ một quản trị viên khác

# The invitation email and page
admin-email-invite-subject = Lời mời tham gia knowbridge với tư cách cán bộ Đại sứ quán
admin-email-invite-body = Xin chào { $name },
    
    { $inviter } đã tạo cho bạn một tài khoản cán bộ Đại sứ quán trên knowbridge. Hãy mở liên kết sau để chọn mật khẩu:
    
    { $link }
    
    Liên kết chỉ dùng được một lần và có hiệu lực trong { $days } ngày. Ở lần đăng nhập đầu tiên, bạn sẽ thiết lập xác thực hai lớp bằng một ứng dụng xác thực trên điện thoại.
    
    Nếu bạn không chờ đợi email này, bạn có thể bỏ qua nó.
    
    Nhóm knowbridge
admin-invitation-title = Thiết lập tài khoản cán bộ
admin-invitation-lead = Chào mừng bạn. Vui lòng chọn mật khẩu cho tài khoản cán bộ Đại sứ quán của bạn.
admin-invitation-account = Tài khoản của bạn
admin-invitation-next = Tiếp theo, bạn sẽ đăng nhập và thiết lập xác thực hai lớp bằng một ứng dụng xác thực trên điện thoại.
admin-invitation-submit = Lưu mật khẩu và tiếp tục
admin-invitation-used-title = Lời mời này đã được sử dụng
admin-invitation-used-body = Mật khẩu đã được chọn bằng liên kết này. Vui lòng đăng nhập bằng địa chỉ email và mật khẩu đó. Nếu quên mật khẩu, hãy dùng mục “Bạn quên mật khẩu?” trên trang đăng nhập.
admin-invitation-expired-title = Lời mời này đã hết hạn
admin-invitation-expired-body = Liên kết mời chỉ có hiệu lực trong 7 ngày. Vui lòng đề nghị quản trị viên đã mời bạn gửi lại lời mời mới.
admin-invitation-invalid-title = Liên kết mời này không dùng được
admin-invitation-invalid-body = Hãy kiểm tra xem bạn đã sao chép đầy đủ liên kết trong email chưa. Nếu vẫn không được, vui lòng đề nghị quản trị viên đã mời bạn gửi lại lời mời mới.

flash-admin-hub-created = Đã thêm mạng lưới quốc gia.
flash-admin-hub-updated = Đã lưu tên của mạng lưới quốc gia.
flash-admin-staff-invited = Đã tạo tài khoản và gửi lời mời.
flash-admin-invitation-resent = Đã gửi lời mời mới. Liên kết cũ không còn dùng được.
flash-admin-nothing-to-send = Tài khoản này đã chọn mật khẩu hoặc đã bị vô hiệu hóa, nên không gửi lời mời.
flash-admin-hubs-saved = Đã lưu mạng lưới quốc gia.
flash-admin-staff-disabled = Đã vô hiệu hóa tài khoản và kết thúc các phiên đăng nhập của tài khoản.
flash-admin-staff-enabled = Đã kích hoạt lại tài khoản.
flash-admin-two-factor-reset = Đã đặt lại xác thực hai lớp và kết thúc các phiên đăng nhập của người này.
flash-admin-invitation-accepted = Đã lưu mật khẩu. Vui lòng đăng nhập để tiếp tục.
