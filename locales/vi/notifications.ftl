nav-notifications = Thông báo
notifications-title = Thông báo
notifications-mark-read = Đánh dấu tất cả là đã đọc
notifications-new = Mới
notifications-empty = Bạn chưa có thông báo nào.
email-notification-subject = knowbridge: bạn có thông báo mới
email-notification-body = { $text }
    
    Xem chi tiết: { $link }
    
    Nhóm knowbridge
