nav-notifications = Notifications
notifications-title = Notifications
notifications-mark-read = Mark all as read
notifications-new = New
notifications-empty = You have no notifications yet.
email-notification-subject = knowbridge: there is news for you
email-notification-body = { $text }
    
    See the details: { $link }
    
    The knowbridge team
