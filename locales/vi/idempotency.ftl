idempotency-in-progress-title = Biểu mẫu này đang được gửi
idempotency-in-progress-body = Chúng tôi vừa nhận được biểu mẫu này và đang lưu, nên biểu mẫu không bị gửi lần thứ hai. Hãy đợi một lát, rồi mở lại trang để xem nội dung đã được lưu chưa trước khi gửi lại.
idempotency-already-sent-title = Biểu mẫu này đã được gửi
idempotency-already-sent-body = Biểu mẫu này đã được gửi trước đó, nên lần này không có gì thay đổi. Để gửi nội dung mới, hãy tải lại trang, kiểm tra thông tin hiển thị rồi gửi lại biểu mẫu.
idempotency-invalid-body = Một phần của biểu mẫu bị lỗi khi gửi đi, nên chưa có gì được lưu. Hãy quay lại, tải lại trang và gửi lại.
