nav-notifications = 通知
notifications-title = 通知
notifications-mark-read = すべて既読にする
notifications-new = 新着
notifications-empty = 通知はまだありません。
email-notification-subject = 【knowbridge】新しいお知らせがあります
email-notification-body = { $text }
    
    詳細はこちら：{ $link }
    
    knowbridge チーム
