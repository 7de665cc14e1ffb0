# 管理（管理者のみ）：国別拠点と職員アカウント、新しい職員に届く招待。

nav-admin = 管理

admin-title = 管理
admin-lead = 国別拠点と大使館職員のアカウントを管理します。
admin-index-staff-text = 職員・管理者のアカウント：{ $count }件
admin-index-hubs-text = 国別拠点：{ $count }件
admin-back-to-admin = 管理ページに戻る
admin-back-to-hubs = 国別拠点の一覧に戻る
admin-back-to-staff = 職員アカウントの一覧に戻る
admin-list-separator = 、

# Hubs
admin-hubs-title = 国別拠点
admin-hubs-lead = 国別拠点は、その国に住む研究者のコミュニティと、それを支援する大使館職員の単位です。新しい拠点は、プロフィールと課題の入力画面にすぐに表示されます。
admin-hubs-caption = 国別拠点（{ $count }件）
admin-hubs-empty = 国別拠点はまだありません。
admin-col-code = コード
admin-col-country = 国
admin-col-name-vi = ベトナム語の名称
admin-col-name-ja = 日本語の名称
admin-col-name-en = 英語の名称
admin-col-staff = 職員
admin-col-scientists = 研究者
admin-col-action = 操作
admin-hub-rename = 名称を変更
admin-hub-new-title = 国別拠点を追加
admin-hub-new-lead = コードと国は、プロフィール・課題・レポートから参照されるため、後から変更できません。名称は変更できます。
admin-hub-edit-title = 国別拠点の名称を変更
admin-hub-edit-lead = 表示される名称を修正します。コードと国は変わりません。
admin-hub-create = 国別拠点を追加
admin-hub-save = 名称を保存
admin-field-hub-code = 拠点コード
admin-field-hub-code-hint = 小文字のアルファベット2～8文字。例：kr、us
admin-field-country = 国コード
admin-field-country-hint = ISO 3166の2文字のコード。例：韓国はKR
admin-field-name-vi = ベトナム語の名称
admin-field-name-vi-hint = 例：Hàn Quốc
admin-field-name-ja = 日本語の名称
admin-field-name-ja-hint = 例：韓国
admin-field-name-en = 英語の名称
admin-field-name-en-hint = 例：Korea
admin-error-hub-code-missing = 拠点コードを入力してください
admin-error-hub-code-format = 拠点コードは小文字のアルファベット2～8文字で入力してください（例：kr）
admin-error-hub-code-taken = このコードの国別拠点はすでにあります。別のコードを入力してください
admin-error-hub-country-missing = 国コードを入力してください
admin-error-hub-country-invalid = ISO 3166の2文字の国コードを入力してください（例：KR）
admin-error-hub-name-vi-missing = ベトナム語の名称を入力してください
admin-error-hub-name-ja-missing = 日本語の名称を入力してください
admin-error-hub-name-en-missing = 英語の名称を入力してください
admin-error-hub-name-too-long = 名称は100文字以内で入力してください

# Staff accounts
admin-staff-title = 職員アカウント
admin-staff-lead = 大使館職員と管理者の一覧です。担当する国別拠点と、二要素認証の設定状況を確認できます。職員は担当する拠点の範囲でのみ閲覧・判断を行います。
admin-staff-caption = 職員・管理者（{ $count }件）
admin-staff-empty = 職員アカウントはまだありません。
admin-staff-caption-one = 職員アカウント
admin-col-name = 氏名
admin-col-email = メールアドレス
admin-col-role = 役割
admin-col-hubs = 国別拠点
admin-col-state = 状態
admin-col-two-factor = 二要素認証
admin-col-language = メールの言語
admin-col-created = アカウント作成日
admin-col-disabled = 無効化
admin-col-disabled-reason = 無効化の理由
admin-state-invited = 招待中
admin-state-active = 有効
admin-state-disabled = 無効
admin-two-factor-on = 設定済み
admin-two-factor-off = 未設定
admin-hubs-all = すべての拠点（管理者）
admin-hubs-none = 拠点なし

admin-staff-new-title = 職員を招待
admin-staff-new-lead = パスワードを設定するためのリンクをメールでお送りします。リンクの有効期限は7日間です。初回ログイン時に二要素認証を設定していただきます。
admin-staff-invite = 招待を送信
admin-field-email = メールアドレス
admin-field-email-hint = 大使館の業務用メールアドレス
admin-field-name = 氏名
admin-field-name-hint = 同僚に知られている名前。例：Trần Thị Lan
admin-field-hubs = 国別拠点
admin-field-hubs-hint = この職員が担当する拠点をすべて選択してください
admin-field-hubs-edit-hint = この職員が担当する拠点をすべて選択してください。選択した拠点の範囲でのみ閲覧・判断を行います
admin-field-locale = 招待メールの言語
admin-field-locale-hint = 本人が変更するまで、メールと画面はこの言語で表示されます
admin-error-email-missing = 職員のメールアドレスを入力してください
admin-error-email-invalid = メールアドレスを正しい形式で入力してください（例：name@example.com）
admin-error-email-taken = このメールアドレスのアカウントはすでにあります
admin-error-name-missing = 職員の氏名を入力してください
admin-error-name-too-long = 氏名は100文字以内で入力してください
admin-error-hubs-missing = 国別拠点を1つ以上選択してください
admin-error-hubs-unknown = 国別拠点は一覧から選択してください
admin-error-locale-missing = 招待メールの言語を選択してください

# One staff member's page
admin-invitation-heading = 招待
admin-invitation-pending = { $date }に招待を送信しました。まだパスワードが設定されていません。
admin-invitation-lapsed = 招待の有効期限が切れています。パスワードはまだ設定されていません。
admin-invitation-resend = 招待を再送信
admin-hubs-heading = 国別拠点
admin-hubs-admin-note = 管理者はすべての国別拠点を担当します。
admin-hubs-save = 国別拠点を保存
admin-two-factor-heading = 二要素認証
admin-two-factor-reset-text = スマートフォンを紛失した場合は、二要素認証をリセットしてください。すべての端末でログアウトされ、次回のログイン時に設定し直していただきます。
admin-two-factor-reset = 二要素認証をリセット
admin-two-factor-nothing = まだ二要素認証を設定していません。次回のログイン時に設定していただきます。
admin-two-factor-self-note = ご自身の二要素認証は、他の管理者がリセットできます。
admin-disable-heading = このアカウントを無効化
admin-disable-text = 直ちにログアウトされ、アカウントが再び有効になるまでログインできなくなります。
admin-disable-self-note = ご自身のアカウントは無効化できません。他の管理者に依頼してください。
admin-disable = アカウントを無効化
admin-field-reason = 無効化の理由
admin-field-reason-hint = 例：2026年12月に大使館を離任。他の管理者にも表示されます
admin-enable-heading = このアカウントを有効化
admin-enable-text = パスワードと二要素認証で再びログインできるようになります。
admin-enable = アカウントを有効化
admin-error-reason-missing = アカウントを無効化する理由を入力してください
admin-error-reason-too-long = 理由は2,000文字以内で入力してください
admin-error-disable-self = ご自身のアカウントは無効化できません。他の管理者に依頼してください
admin-error-reset-self = ご自身の二要素認証はリセットできません。他の管理者に依頼してください

# The invitation email and page
admin-email-invite-subject = 【knowbridge】大使館職員アカウントへのご招待
admin-email-invite-body = { $name } 様
    
    { $inviter } さんが、knowbridge の大使館職員アカウントを作成しました。次のリンクを開いて、パスワードを設定してください。
    
    { $link }
    
    リンクは1回限り、{ $days }日間有効です。初回ログイン時に、スマートフォンの認証アプリで二要素認証を設定していただきます。
    
    お心当たりのない場合は、このメールを破棄してください。
    
    knowbridge チーム
admin-invitation-title = 職員アカウントの設定
admin-invitation-lead = ようこそ。大使館職員アカウントのパスワードを設定してください。
admin-invitation-account = アカウント
admin-invitation-next = 次に、ログインして、スマートフォンの認証アプリで二要素認証を設定していただきます。
admin-invitation-submit = パスワードを保存して次へ
admin-invitation-used-title = この招待はすでに使用されています
admin-invitation-used-body = このリンクでパスワードはすでに設定されています。メールアドレスとそのパスワードでログインしてください。パスワードをお忘れの場合は、ログイン画面の「パスワードをお忘れですか。」からお手続きください。
admin-invitation-expired-title = この招待は有効期限が切れています
admin-invitation-expired-body = 招待リンクの有効期限は7日間です。招待した管理者に、招待の再送信を依頼してください。
admin-invitation-invalid-title = この招待リンクは使用できません
admin-invitation-invalid-body = メールのリンクを最後まで正しくコピーしたかご確認ください。それでも使用できない場合は、招待した管理者に招待の再送信を依頼してください。

flash-admin-hub-created = 国別拠点を追加しました。
flash-admin-hub-updated = 国別拠点の名称を保存しました。
flash-admin-staff-invited = アカウントを作成し、招待を送信しました。
flash-admin-invitation-resent = 新しい招待を送信しました。以前のリンクは使用できなくなりました。
flash-admin-nothing-to-send = このアカウントはパスワードを設定済みか無効化されているため、招待は送信していません。
flash-admin-hubs-saved = 国別拠点を保存しました。
flash-admin-staff-disabled = アカウントを無効化し、ログイン中のセッションを終了しました。
flash-admin-staff-enabled = アカウントを有効化しました。
flash-admin-two-factor-reset = 二要素認証をリセットし、ログイン中のセッションを終了しました。
flash-admin-invitation-accepted = パスワードを保存しました。ログインして続けてください。
