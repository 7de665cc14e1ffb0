# Bảng tổng quan của cán bộ (GET /staff): số liệu và biểu đồ của các mạng lưới mà người đọc phụ trách.

dash-title = Bảng tổng quan
dash-lead = Số liệu của { $scope } tính đến ngày { $date }. Dưới mỗi biểu đồ có bảng số liệu và đường dẫn tải báo cáo CSV tương ứng.
dash-no-hubs = Bạn chưa được phân công vào mạng lưới quốc gia nào, vì vậy các số liệu dưới đây chỉ tính những bài toán mở cho mọi mạng lưới. Quản trị viên có thể phân công mạng lưới cho bạn.
dash-hub-label = Mạng lưới quốc gia
dash-hub-any = Tất cả mạng lưới bạn phụ trách
dash-hub-any-admin = Tất cả mạng lưới
dash-show-table = Xem bảng số liệu

dash-h-key = Số liệu chính
dash-h-scientists = Nhà khoa học
dash-h-orgs = Tổ chức
dash-h-problems = Bài toán công nghệ
dash-h-matches = Kết nối
dash-h-funnel = Từ bài toán đến kết quả
dash-h-time = Thời gian xử lý
dash-h-activity = 12 tháng gần nhất
dash-stages-heading = Cách tính từng bước

dash-scope-all = tất cả mạng lưới
dash-scope-none = chưa có mạng lưới
dash-scope-hub = mạng lưới { $hub }
dash-scope-hubs = các mạng lưới { $hubs }

dash-csv-scientists = Tải báo cáo nhà khoa học (CSV)
dash-csv-problems = Tải báo cáo bài toán công nghệ (CSV)
dash-csv-matches = Tải báo cáo kết nối (CSV)
dash-csv-outcomes = Tải báo cáo kết quả (CSV)

dash-sub-sci-area = Nhà khoa học theo nhóm lĩnh vực, { $scope }, ngày { $date }
dash-sub-sci-position = Nhà khoa học theo chức danh, { $scope }, ngày { $date }
dash-sub-org-status = Tổ chức theo trạng thái xác minh, toàn nền tảng, ngày { $date }
dash-sub-org-kind = Tổ chức theo loại hình, toàn nền tảng, ngày { $date }
dash-sub-problem-status = Bài toán công nghệ theo trạng thái, { $scope }, ngày { $date }
dash-sub-problem-kind = Bài toán công nghệ theo loại hình tổ chức, { $scope }, ngày { $date }
dash-sub-match-state = Kết nối theo trạng thái, { $scope }, ngày { $date }
dash-sub-match-kind = Kết nối theo hình thức hợp tác, { $scope }, ngày { $date }
dash-sub-funnel = Bài toán đã công bố theo mức độ tiến triển, { $scope }, ngày { $date }
dash-sub-activity = Theo tháng, { $scope }, từ { $from } đến { $to }; mỗi chuỗi số liệu có thang đo riêng

dash-col-area = Nhóm lĩnh vực
dash-col-position = Chức danh
dash-col-status = Trạng thái
dash-col-org-kind = Loại hình tổ chức
dash-col-state = Trạng thái
dash-col-engagement = Hình thức hợp tác
dash-col-stage = Bước
dash-col-share = Tỷ lệ trên số bài toán đã công bố
dash-col-month = Tháng
dash-col-scientists = Số nhà khoa học
dash-col-orgs = Số tổ chức
dash-col-problems = Số bài toán
dash-col-matches = Số kết nối

dash-note-sci-area = Nhà khoa học có lĩnh vực thuộc nhiều nhóm được tính một lần ở mỗi nhóm.
dash-note-orgs = Tổ chức không thuộc mạng lưới nào: các số liệu này tính cho toàn nền tảng, dù bạn chọn mạng lưới nào.
dash-no-field = Chưa khai báo lĩnh vực
dash-not-given = Chưa xác định

dash-headline-none = Chưa có số liệu
dash-headline-largest = Nhóm lớn nhất: { $label } ({ $count })
dash-headline-org-status = { $verified } trên { $total } tổ chức đã được xác minh
dash-headline-problem-status = { $open } bài toán đang mở cho các nhà khoa học
dash-headline-match-state = { $active } kết nối đang triển khai và { $completed } kết nối đã hoàn thành, trên tổng số { $total }
dash-headline-funnel = { $share } bài toán đã công bố có kết nối đi vào triển khai ({ $count } trên { $total })
dash-headline-activity = Trong 12 tháng: { $scientists } nhà khoa học mới, { $problems } bài toán được công bố, { $matches } kết nối được tạo

dash-kind-bar = Biểu đồ thanh ngang: { $subtitle }
dash-kind-funnel = Biểu đồ phễu dạng thanh ngang: { $subtitle }
dash-kind-columns = Biểu đồ cột: { $subtitle }
dash-desc = { $values }. Bảng số liệu bên dưới biểu đồ có cùng các số liệu này.
dash-desc-activity = Tổng trong 12 tháng: { $values }. Bảng số liệu bên dưới biểu đồ có số liệu từng tháng.

dash-fig-scientists = Nhà khoa học
dash-fig-orgs-verified = Tổ chức đã xác minh
dash-fig-problems-open = Bài toán đang mở
dash-fig-matches-active = Kết nối đang triển khai
dash-fig-matches-completed = Kết nối đã hoàn thành

dash-stage-published = Đã công bố
dash-stage-published-def = Bài toán đã từng được công bố cho các mạng lưới này, kể cả bài toán sau đó đã đóng hoặc hết hạn.
dash-stage-candidates = Có ứng viên phù hợp
dash-stage-candidates-def = Có ít nhất một nhà khoa học sẵn sàng tham gia theo hình thức hợp tác mà bài toán cần và làm việc trong một lĩnh vực của bài toán hoặc cùng nhóm lĩnh vực, hoặc bài toán đã có kết nối.
dash-stage-interest = Có người quan tâm
dash-stage-interest-def = Một nhà khoa học đã đồng ý: bày tỏ quan tâm, hoặc nhận lời mời hay đề xuất kết nối của cán bộ.
dash-stage-active = Có kết nối đang triển khai
dash-stage-active-def = Cả ba bên đã đồng ý một kết nối (đang triển khai hoặc sau đó đã hoàn thành).
dash-stage-completed = Có kết nối hoàn thành
dash-stage-completed-def = Một kết nối đã hoàn thành và có ghi nhận kết quả.

dash-days = { $days } ngày
dash-median-none = Chưa có trường hợp nào
dash-median-publish = Thời gian trung vị từ khi gửi duyệt đến khi công bố
dash-median-publish-note = Tính trên { $count } bài toán được công bố lần đầu trong 12 tháng gần nhất, kể từ lần gửi duyệt đầu tiên, gồm cả các lần yêu cầu chỉnh sửa.
dash-median-activate = Thời gian trung vị từ khi tạo kết nối đến khi triển khai
dash-median-activate-note = Tính trên { $count } kết nối bắt đầu triển khai trong 12 tháng gần nhất.

dash-series-scientists = Nhà khoa học mới
dash-series-published = Bài toán được công bố
dash-series-created = Kết nối được tạo
dash-series-activated = Kết nối bắt đầu triển khai
dash-month-long = Tháng { $month }/{ $year }
dash-month-short = T{ $month }
dash-year = { $year }
