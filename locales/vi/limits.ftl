# Giới hạn chống lạm dụng (web/limits.rs): lời giải thích trên các trang lỗi và lỗi của trường nhập.

limits-uri-too-long-body = Địa chỉ trang quá dài. Hãy quay lại, rút ngắn nội dung đã nhập vào ô tìm kiếm hoặc chọn ít bộ lọc hơn rồi thử lại.
limits-headers-too-large-body = Trình duyệt của bạn đã gửi kèm yêu cầu này nhiều thông tin hơn mức chúng tôi chấp nhận. Hãy xóa cookie của trang này rồi thử lại.
limits-body-timeout-body = Biểu mẫu được gửi đến quá chậm nên chưa có gì được lưu. Hãy kiểm tra kết nối mạng, sau đó quay lại và gửi lại.
limits-too-many-fields-body = Biểu mẫu đã gửi quá nhiều mục nên chưa có gì được lưu. Hãy quay lại, bớt một số mục rồi gửi lại.
limits-busy-body = Hiện có nhiều người đang tìm kiếm hoặc tải dữ liệu. Yêu cầu của bạn không có vấn đề gì: hãy đợi vài giây rồi thử lại.
limits-password-too-long = Mật khẩu không được dài quá 1.000 ký tự
