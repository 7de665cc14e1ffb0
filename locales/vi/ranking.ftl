# Ứng viên phù hợp cho một bài toán và bài toán gợi ý cho nhà khoa học, kèm lý do và số điểm
# của từng phần.

nav-recommendations = Bài toán gợi ý

ranking-candidates-title = Ứng viên phù hợp
ranking-candidates-lead = Các nhà khoa học, chuyên gia được xếp theo mức độ phù hợp với bài toán này, kèm lý do. Chỉ những người có ít nhất một hình thức hợp tác mà bài toán cần mới được liệt kê.
ranking-candidates-count = Tìm thấy { $count } ứng viên
ranking-candidates-empty = Chưa có nhà khoa học nào phù hợp với bài toán này. Hãy thử bỏ bộ lọc.
ranking-back-to-problem = Quay lại bài toán
ranking-not-published-title = Ứng viên chỉ hiển thị cho bài toán đã công bố
ranking-not-published-body = Ứng viên được tìm sau khi Đại sứ quán công bố bài toán, và không còn hiển thị khi bài toán đã đóng hoặc hết hạn.
ranking-filter-engagement = Hình thức hợp tác
ranking-filter-position = Chức danh
ranking-conflict = Có thể xung đột lợi ích
ranking-conflict-hint = Nơi công tác của họ trùng tên với tổ chức đặt hàng bài toán
ranking-capped = Chỉ liệt kê 300 người phù hợp nhất.

ranking-recommendations-title = Bài toán gợi ý
ranking-recommendations-lead = Các bài toán công nghệ đang mở, xếp theo mức độ phù hợp với hồ sơ chuyên môn của bạn, kèm lý do.
ranking-recommendations-count = Tìm thấy { $count } bài toán
ranking-recommendations-empty = Chưa có bài toán đang mở nào phù hợp với hồ sơ của bạn. Hãy bổ sung lĩnh vực, từ khóa và hình thức hợp tác vào hồ sơ để tìm thêm.
ranking-improve-profile = Hoàn thiện hồ sơ chuyên môn
ranking-no-profile-title = Hãy lưu hồ sơ chuyên môn trước
ranking-no-profile-body = Bài toán được gợi ý dựa trên lĩnh vực, từ khóa, hình thức hợp tác và ngôn ngữ trong hồ sơ của bạn.
ranking-no-profile-link = Viết hồ sơ chuyên môn

ranking-score = Điểm: { $score } trên 100
ranking-why-fields = Lĩnh vực chung
ranking-why-area = Lĩnh vực liên quan cùng nhóm
ranking-why-keywords = Từ khóa chung
ranking-why-kinds = Hình thức hợp tác chung
ranking-why-languages = Ngôn ngữ làm việc chung
ranking-why-availability = Thời gian có thể tham gia
ranking-none = Không có
ranking-availability-overlaps = Có thể tham gia trong thời gian của bài toán
ranking-availability-outside = Không thể tham gia trong thời gian của bài toán
ranking-availability-not-given = Chưa cho biết
ranking-parts-open = Cách tính điểm
ranking-parts-term = Thành phần điểm
ranking-parts-points = Điểm
ranking-parts-weight = Tối đa
ranking-term-fields = Lĩnh vực
ranking-term-text = Nội dung chuyên môn
ranking-term-keywords = Từ khóa
ranking-term-engagement = Hình thức hợp tác
ranking-term-languages = Ngôn ngữ làm việc
ranking-term-availability = Thời gian có thể tham gia
ranking-term-hub = Mạng lưới quốc gia

ranking-live-match = Đã có kết nối:
ranking-match-pending = Chờ đồng ý
ranking-match-active = Đang triển khai
ranking-open-match = Xem kết nối
ranking-note-hint = Tối đa 2.000 ký tự
ranking-invite-open = Mời
ranking-invite-note = Lý do bạn mời và điều bạn mong họ có thể làm
ranking-invite = Gửi lời mời
ranking-propose-open = Đề xuất kết nối
ranking-propose-note = Vì sao nhà khoa học này phù hợp với bài toán
ranking-propose = Gửi đề xuất kết nối
ranking-interest-open = Bày tỏ quan tâm
ranking-interest-kind = Bạn sẽ đóng góp theo hình thức nào
ranking-interest-kind-hint = Các hình thức hợp tác bài toán cần và bạn có thể tham gia
ranking-interest-kind-choose = Chọn hình thức hợp tác
ranking-interest-note = Bạn có thể đóng góp gì
ranking-interest = Gửi bày tỏ quan tâm
