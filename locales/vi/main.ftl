## Bố cục
platform-name = Nền tảng số kết nối tri thức
skip-to-content = Chuyển đến nội dung chính
change-language-to = Chuyển ngôn ngữ sang
nav-label = Trình đơn chính
nav-home = Trang chủ
nav-audit = Nhật ký kiểm tra
nav-sign-in = Đăng nhập
nav-register = Đăng ký
nav-sign-out = Đăng xuất
phase-pilot = Thí điểm
phase-text = Đây là dịch vụ mới dành cho cộng đồng trí thức, nhà khoa học Việt Nam tại Nhật Bản.
footer-about = knowbridge kết nối trí thức, nhà khoa học Việt Nam ở nước ngoài với các bài toán công nghệ của bộ, ngành, địa phương và doanh nghiệp Việt Nam.
footer-operated = Vận hành cùng Phòng Khoa học và Công nghệ, Đại sứ quán Việt Nam tại Nhật Bản.
flash-success = Thành công

## Thông báo
flash-signed-in = Bạn đã đăng nhập.
flash-signed-out = Bạn đã đăng xuất.
flash-password-changed = Mật khẩu của bạn đã được thay đổi. Vui lòng đăng nhập bằng mật khẩu mới.

## Vai trò
role-scientist = Nhà khoa học / chuyên gia
role-owner = Đơn vị đặt hàng
role-staff = Cán bộ Đại sứ quán
role-admin = Quản trị viên

## Lỗi biểu mẫu
error-title-prefix = {"Lỗi: "}
error-prefix = Lỗi:
error-summary-title = Có lỗi cần sửa
error-account-kind-missing = Hãy chọn bạn là nhà khoa học hay đại diện cho một tổ chức
error-display-name-missing = Hãy nhập họ và tên của bạn
error-display-name-too-long = Họ và tên không được dài quá 100 ký tự
error-email-missing = Hãy nhập địa chỉ email
error-email-invalid = Hãy nhập email đúng định dạng, ví dụ ten@example.com
error-password-missing = Hãy nhập mật khẩu
error-password-too-short = Mật khẩu phải có ít nhất 12 ký tự
error-password-common = Mật khẩu này quá phổ biến. Hãy chọn mật khẩu khó đoán hơn
error-password-confirm-missing = Hãy nhập lại mật khẩu
error-password-mismatch = Hai mật khẩu không khớp. Hãy nhập cùng một mật khẩu hai lần
error-login-failed = Email hoặc mật khẩu chưa đúng. Hãy kiểm tra và thử lại

## Trường nhập
field-display-name = Họ và tên
field-display-name-hint = Họ tên đầy đủ mà đồng nghiệp biết đến bạn, ví dụ Nguyễn Văn An
field-email = Địa chỉ email
field-email-hint = Chúng tôi sẽ gửi một đường liên kết đến địa chỉ này để xác nhận
field-password = Mật khẩu
field-password-hint = Ít nhất 12 ký tự. Ghép vài từ không liên quan sẽ tạo mật khẩu mạnh
field-new-password = Mật khẩu mới
field-password-confirm = Nhập lại mật khẩu

## Đăng ký
register-title = Tạo tài khoản
register-lead = Nhà khoa học đăng ký hồ sơ chuyên môn; bộ, ngành, địa phương và doanh nghiệp đăng bài toán công nghệ. Chỉ mất khoảng hai phút.
register-kind-label = Bạn sẽ sử dụng knowbridge với vai trò nào?
register-kind-hint = Tài khoản cán bộ Đại sứ quán do quản trị viên tạo
register-kind-scientist = Tôi là nhà khoa học hoặc kỹ sư đang sống ở nước ngoài
register-kind-owner = Tôi đại diện cho bộ, cơ quan, địa phương, trường đại học, viện nghiên cứu hoặc doanh nghiệp
register-submit = Tạo tài khoản
register-have-account = Bạn đã có tài khoản?
register-done-title = Hãy kiểm tra email
register-done-body = Chúng tôi đã gửi một đường liên kết đến địa chỉ email bạn cung cấp. Hãy mở liên kết trong vòng 48 giờ để xác nhận địa chỉ, sau đó đăng nhập.

## Xác nhận email và liên kết
verify-done-title = Đã xác nhận địa chỉ email
verify-done-body = Cảm ơn bạn. Địa chỉ email của bạn đã được xác nhận.
link-continue = Tiếp tục
link-invalid-title = Liên kết này không còn dùng được
link-invalid-body = Liên kết đã hết hạn hoặc đã được sử dụng. Bạn có thể yêu cầu một liên kết mới.
link-invalid-action = Yêu cầu liên kết mới

## Đăng nhập
login-title = Đăng nhập
login-submit = Đăng nhập
login-forgot = Bạn quên mật khẩu?
login-no-account = Lần đầu đến với knowbridge?

## Khôi phục mật khẩu
forgot-title = Đặt lại mật khẩu
forgot-lead = Nhập địa chỉ email của tài khoản. Chúng tôi sẽ gửi cho bạn một liên kết để chọn mật khẩu mới.
forgot-submit = Gửi liên kết
forgot-sent-title = Kiểm tra email để đặt lại mật khẩu
forgot-sent-body = Nếu có tài khoản dùng địa chỉ này, chúng tôi đã gửi đến đó một liên kết để đặt lại mật khẩu. Liên kết có hiệu lực trong một giờ.
reset-title = Chọn mật khẩu mới
reset-submit = Lưu mật khẩu mới

## Trang chủ
home-title = Kết nối chuyên môn của bạn với các bài toán công nghệ của Việt Nam
home-lead = Trí thức, nhà khoa học Việt Nam ở nước ngoài, các bộ, ngành, địa phương, doanh nghiệp trong nước và Đại sứ quán cùng nhau giải quyết những bài toán quan trọng tại đây.
home-signed-in-as = Bạn đang đăng nhập với tên { $name }.
home-verify-reminder = Hãy xác nhận địa chỉ email qua liên kết chúng tôi đã gửi để sử dụng đầy đủ các chức năng.
home-start-scientist = Đăng ký với tư cách nhà khoa học
home-start-owner = Đăng ký cho tổ chức của bạn
home-who-title = knowbridge dành cho ai
home-card-scientists-title = Nhà khoa học, chuyên gia ở nước ngoài
home-card-scientists-text = Mô tả chuyên môn một lần. Xem các bài toán phù hợp, bày tỏ quan tâm và chọn cách đóng góp: hợp tác nghiên cứu chung, giảng dạy, tư vấn, tham gia hội đồng khoa học hoặc về nước làm việc.
home-card-owners-title = Bộ, ngành, địa phương và doanh nghiệp
home-card-owners-text = Đăng bài toán công nghệ (đặt hàng). Sau khi Đại sứ quán duyệt, xem danh sách ứng viên phù hợp kèm lý do và gửi lời mời.
home-card-staff-title = Cán bộ Đại sứ quán
home-card-staff-text = Xác minh tổ chức, công bố bài toán, phê duyệt kết nối và báo cáo kết quả hợp tác bằng số liệu, biểu đồ.
home-how-title = Một kết nối diễn ra như thế nào
home-how-1 = Nhà khoa học bày tỏ quan tâm, tổ chức gửi lời mời, hoặc Đại sứ quán đề xuất kết nối.
home-how-2 = Nhà khoa học, đơn vị đặt hàng và Đại sứ quán lần lượt đồng ý.
home-how-3 = Khi cả ba bên đồng ý, kết nối bắt đầu triển khai và các bên có thể làm việc cùng nhau.
home-three-houses = Mô hình "3 nhà": Nhà nước – Nhà khoa học – Doanh nghiệp.
home-need-title = Bạn cần hỗ trợ?
home-need-text = Vui lòng liên hệ Phòng Khoa học và Công nghệ, Đại sứ quán Việt Nam tại Nhật Bản.

## Trang lỗi
error-400-title = Yêu cầu có vấn đề
error-400-body = Trang không hiểu được nội dung đã gửi. Hãy quay lại và thử lại.
error-403-title = Bạn không có quyền truy cập trang này
error-403-body = Tài khoản của bạn không thể mở trang này. Nếu bạn cho rằng đây là nhầm lẫn, hãy liên hệ cán bộ Đại sứ quán.
error-404-title = Không tìm thấy trang
error-404-body = Nếu bạn gõ địa chỉ, hãy kiểm tra lại cho đúng. Nếu bạn dán địa chỉ, hãy kiểm tra xem đã sao chép đầy đủ chưa.
error-413-title = Nội dung gửi đi quá lớn
error-413-body = Hãy rút ngắn nội dung đã nhập và thử lại.
error-429-title = Bạn đã thử quá nhiều lần
error-429-body = Để bảo vệ tài khoản, chúng tôi tạm dừng việc thử trong một thời gian. Những gì bạn đã nhập chưa được lưu.
error-500-title = Rất tiếc, dịch vụ đang gặp sự cố
error-500-body = Vui lòng thử lại sau. Những nội dung chưa kịp lưu có thể cần nhập lại.
error-503-title = Rất tiếc, dịch vụ tạm thời không hoạt động
error-503-body = Dịch vụ sẽ sớm hoạt động trở lại. Những nội dung chưa kịp lưu có thể cần nhập lại.
error-csrf-body = Biểu mẫu đã hết hạn nên chưa có gì được lưu. Hãy quay lại, tải lại trang và gửi lại.
error-retry-after = Bạn có thể thử lại sau { $minutes } phút.
error-contact = Nếu sự cố vẫn tiếp diễn, hãy liên hệ cán bộ Đại sứ quán và cung cấp mã tham chiếu dưới đây.
error-request-id = Mã tham chiếu:
error-go-home = Về trang chủ

## Email
email-verify-subject = Xác nhận địa chỉ email của bạn trên knowbridge
email-verify-body = Xin chào { $name },
    
    Cảm ơn bạn đã đăng ký knowbridge. Hãy mở liên kết sau để xác nhận địa chỉ email:
    
    { $link }
    
    Liên kết có hiệu lực trong 48 giờ. Nếu bạn không đăng ký, bạn có thể bỏ qua email này.
    
    Nhóm knowbridge
email-already-registered-subject = Có người đã thử đăng ký bằng địa chỉ email của bạn
email-already-registered-body = Xin chào { $name },
    
    Có người đã thử tạo tài khoản knowbridge bằng địa chỉ email này, trong khi địa chỉ này đã có tài khoản. Nếu đó là bạn, hãy đăng nhập, hoặc đặt lại mật khẩu tại đây:
    
    { $link }
    
    Nếu không phải bạn, bạn có thể bỏ qua email này; tài khoản của bạn không thay đổi.
    
    Nhóm knowbridge
email-reset-subject = Đặt lại mật khẩu knowbridge
email-reset-body = Xin chào { $name },
    
    Hãy mở liên kết sau để chọn mật khẩu mới:
    
    { $link }
    
    Liên kết chỉ dùng được một lần và có hiệu lực trong một giờ. Nếu bạn không yêu cầu, bạn có thể bỏ qua email này; mật khẩu của bạn không thay đổi.
    
    Nhóm knowbridge

## Điều hướng theo chức năng
nav-scientists = Nhà khoa học
nav-my-profile = Hồ sơ của tôi

## Hồ sơ chuyên môn
flash-profile-saved = Hồ sơ của bạn đã được lưu.
profile-edit-title = Hồ sơ chuyên môn của bạn
profile-edit-lead = Hãy mô tả chuyên môn của bạn để các bộ, ngành, địa phương và doanh nghiệp Việt Nam có thể tìm thấy bạn. Bạn có thể lưu lại và quay lại bất cứ lúc nào.
profile-completeness = Hồ sơ của bạn đã hoàn thiện { $percent }%
profile-complete = Hồ sơ của bạn đã có đủ những gì đơn vị đặt hàng cần.
profile-missing-intro = Để được tìm thấy nhiều hơn, hãy bổ sung:
missing-summary = phần giới thiệu chuyên môn
missing-keywords = từ khóa
missing-languages = các ngôn ngữ bạn sử dụng trong công việc
missing-publications = ít nhất một công trình công bố
missing-identifiers = mã ORCID hoặc mã researchmap
missing-availability = số giờ mỗi tháng bạn có thể dành ra
profile-view-own = Xem hồ sơ như người khác nhìn thấy
profile-section-about = Thông tin cá nhân
profile-section-expertise = Chuyên môn
profile-section-languages = Ngôn ngữ
profile-section-engagement = Hình thức đóng góp
profile-section-identifiers = Mã định danh nhà nghiên cứu
profile-section-publications = Công trình công bố
profile-section-visibility = Ai có thể xem hồ sơ của bạn
profile-save = Lưu hồ sơ
select-choose = Chọn…
field-full-name = Họ và tên
field-full-name-hint = Như trên các công trình công bố, có đầy đủ dấu tiếng Việt, ví dụ Nguyễn Thị Ngọc Ánh
field-name-reading = Cách đọc tên bằng tiếng Nhật (không bắt buộc)
field-name-reading-hint = Viết bằng katakana, ví dụ グエン・ティ・ゴック・アイン
field-position = Chức danh
field-affiliation = Nơi công tác
field-affiliation-hint = Trường đại học, viện nghiên cứu hoặc công ty, ví dụ Đại học Tohoku
field-hub = Quốc gia bạn đang sinh sống
field-hub-hint = Mạng lưới quốc gia của bạn; cán bộ Đại sứ quán tại nước đó hỗ trợ các kết nối của bạn
field-city = Thành phố (không bắt buộc)
field-highest-degree = Học vị cao nhất (không bắt buộc)
field-highest-degree-hint = Ví dụ Tiến sĩ Khoa học vật liệu
field-years-abroad = Số năm sống ở nước ngoài (không bắt buộc)
field-fields = Lĩnh vực
field-fields-hint = Chọn tất cả các lĩnh vực bạn đang làm việc
field-keywords = Từ khóa (không bắt buộc)
field-keywords-hint = Phân cách các từ khóa bằng dấu phẩy, ví dụ bán dẫn công suất, GaN, độ tin cậy linh kiện
field-summary = Giới thiệu chuyên môn (không bắt buộc)
field-summary-hint = Tối đa 10.000 ký tự. Có thể dùng Markdown: **chữ đậm**, danh sách với -, liên kết
field-languages = Ngôn ngữ sử dụng trong công việc
language-level-none = Không sử dụng
field-engagement-kinds = Các hình thức bạn có thể đóng góp
field-engagement-kinds-hint = Chọn tất cả các hình thức phù hợp
field-hours = Số giờ mỗi tháng bạn có thể dành ra (không bắt buộc)
field-hours-hint = Số nguyên từ 1 đến 300
field-available-from = Có thể tham gia từ (không bắt buộc)
field-available-until = Có thể tham gia đến (không bắt buộc)
field-month-hint = Năm và tháng, ví dụ 2027-04
field-willing-to-travel = Tôi sẵn sàng về Việt Nam công tác
field-orcid = Mã ORCID (không bắt buộc)
field-orcid-hint = 16 chữ số, ví dụ 0000-0002-1825-0097
field-researchmap = Mã researchmap (không bắt buộc)
field-researchmap-hint = Phần sau researchmap.jp/ trong địa chỉ trang hồ sơ của bạn
field-publications-hint = Thêm lần lượt từng công trình chính; mỗi lần lưu sẽ có thêm một dòng trống cho công trình tiếp theo
publication-number = Công trình { $number }
field-publication-title = Tên công trình
field-publication-venue = Tạp chí hoặc hội nghị (không bắt buộc)
field-publication-year = Năm (không bắt buộc)
field-publication-doi = DOI (không bắt buộc)
publication-remove = Xóa công trình này
field-visibility = Ai có thể xem hồ sơ của bạn
visibility-public = Mọi người, kể cả khách chưa đăng nhập
visibility-members = Chỉ thành viên đã đăng nhập và đã xác nhận email
visibility-staff = Chỉ cán bộ Đại sứ quán
error-full-name-missing = Hãy nhập họ và tên
error-position-missing = Hãy chọn chức danh
error-affiliation-missing = Hãy nhập nơi công tác
error-hub-missing = Hãy chọn quốc gia bạn đang sinh sống
error-text-too-long = Nội dung này không được dài quá 200 ký tự
error-fields-missing = Hãy chọn ít nhất một lĩnh vực
error-field-unknown = Hãy chọn lĩnh vực trong danh sách
error-keywords-too-many = Hãy nhập không quá 30 từ khóa
error-keyword-too-long = Mỗi từ khóa không được dài quá 60 ký tự
error-summary-too-long = Phần giới thiệu không được dài quá 10.000 ký tự
error-language-unknown = Hãy chọn ngôn ngữ và trình độ trong danh sách
error-engagement-missing = Hãy chọn ít nhất một hình thức đóng góp
error-engagement-unknown = Hãy chọn hình thức đóng góp trong danh sách
error-years-abroad-invalid = Hãy nhập số năm sống ở nước ngoài là số nguyên từ 0 đến 80
error-hours-invalid = Hãy nhập số giờ mỗi tháng là số nguyên từ 1 đến 300
error-month-invalid = Hãy nhập năm và tháng, ví dụ 2027-04
error-until-before-from = Thời điểm kết thúc phải sau thời điểm bắt đầu
error-orcid-invalid = Hãy nhập mã ORCID gồm 16 chữ số với chữ số kiểm tra đúng, ví dụ 0000-0002-1825-0097
error-researchmap-invalid = Mã researchmap chỉ được gồm chữ cái, chữ số, dấu - và _
error-publications-too-many = Hãy liệt kê không quá 50 công trình
error-publication-title-missing = Hãy nhập tên công trình
error-publication-title-too-long = Tên công trình không được dài quá 500 ký tự
error-publication-year-invalid = Hãy nhập năm gồm 4 chữ số, ví dụ 2024
error-doi-invalid = Hãy nhập DOI bắt đầu bằng 10., ví dụ 10.1038/nphys1170
error-visibility-missing = Hãy chọn ai có thể xem hồ sơ của bạn

## Trang hồ sơ
profile-caption = Hồ sơ chuyên môn
profile-edit-link = Chỉnh sửa hồ sơ
profile-availability = Thời gian có thể tham gia
profile-updated = Cập nhật lần cuối { $date }
availability-hours = { $hours } giờ mỗi tháng
availability-from = từ { $month }
availability-until = đến { $month }
availability-travel = sẵn sàng về Việt Nam công tác
availability-unknown = Chưa cho biết

## Danh bạ
directory-title = Nhà khoa học và chuyên gia
page-of = trang { $page } / { $pages }
directory-search-label = Tìm theo tên, chuyên môn hoặc từ khóa
directory-search-hint = Bằng tiếng Việt, tiếng Nhật hoặc tiếng Anh; tiếng Việt có dấu hay không dấu đều được
filter-any = Tất cả
filter-apply = Áp dụng bộ lọc
filter-clear = Xóa bộ lọc
directory-count = Tìm thấy { $count } kết quả
directory-count-about = Tìm thấy khoảng { $count } kết quả
search-estimate-note = Tìm kiếm này có rất nhiều kết quả nên các con số chỉ là ước tính, và các kết quả hiển thị là những kết quả phù hợp nhất trong 500 kết quả tìm thấy đầu tiên. Hãy thêm từ khóa hoặc bộ lọc để thu hẹp phạm vi.
directory-empty = Không có hồ sơ phù hợp. Hãy thử bớt từ khóa hoặc xóa bộ lọc.
pagination-label = Phân trang
pagination-prev = Trang trước
pagination-next = Trang sau

## Dữ liệu của bạn
flash-account-deleted = Tài khoản và dữ liệu cá nhân của bạn đã được xóa.
delete-title = Xóa tài khoản
delete-what = Thao tác này xóa hồ sơ chuyên môn, các công trình công bố và thông tin đăng nhập của bạn, đồng thời đăng xuất bạn trên mọi thiết bị. Không thể hoàn tác.
delete-kept = Nhật ký các quyết định bạn đã tham gia vẫn được giữ lại nhưng không kèm tên bạn, theo quy định kiểm tra của Đại sứ quán.
delete-export-first = Tải về bản sao dữ liệu của bạn trước
delete-password = Nhập mật khẩu để xác nhận
delete-submit = Xóa tài khoản của tôi
error-delete-password-wrong = Mật khẩu chưa đúng. Hãy nhập mật khẩu hiện tại
account-your-data = Dữ liệu của bạn

## Nhãn trên trang hồ sơ
show-summary = Giới thiệu chuyên môn
show-fields = Lĩnh vực
show-keywords = Từ khóa
show-engagement-kinds = Có thể đóng góp qua
show-languages = Ngôn ngữ làm việc
show-highest-degree = Học vị cao nhất
show-years-abroad = Số năm sống ở nước ngoài
filter-hub = Mạng lưới quốc gia
home-verify-resend = Gửi lại liên kết
flash-verification-sent = Chúng tôi đã gửi một liên kết xác nhận mới đến địa chỉ email của bạn.
