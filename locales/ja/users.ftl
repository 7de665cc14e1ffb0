# 職員向けのユーザー管理（/staff/users）：アカウントの検索、アカウントの詳細、利用停止と再開。

users-title = ユーザー
users-lead = 氏名またはメールアドレスでアカウントを検索し、役割と状態の確認、利用停止・再開ができます。
users-scope-staff = 担当拠点の研究者・専門家と課題提供機関の担当者、まだどの拠点にも結び付いていないアカウント、および職員のアカウントが表示されます。
users-filter-q = 氏名またはメールアドレス
users-filter-q-hint = 氏名またはメールアドレスの一部でも検索できます
users-filter-role = 役割
users-filter-account = アカウントの状態
users-filter-account-active = 利用中
users-filter-account-suspended = 利用停止中
users-count = { $count } 件のアカウントが見つかりました
users-caption = アカウント（新しい順）
users-col-name = 氏名
users-col-role = 役割
users-col-email-verified = メールアドレスの確認
users-col-account = アカウントの状態
users-col-registered = 登録日
users-empty = 該当するアカウントはありません。氏名やメールアドレスの一部で検索するか、条件をクリアしてください。
users-verified = 確認済み
users-not-verified = 未確認
users-active = 利用中
users-suspended = 利用停止中
users-error-q-too-long = 氏名またはメールアドレスは200文字以内で入力してください

users-account-caption = アカウント
users-email = メールアドレス
users-hub = 国別拠点
users-profile = 専門プロフィール
users-profile-open = 専門プロフィールを開く
users-orgs = 所属組織
users-orgs-none = どの組織にも所属していません
users-language = 希望する言語
users-last-sign-in = 最終ログイン
users-never-signed-in = ログインの記録はありません
users-suspended-since = 利用停止日時
users-suspension-reason = 利用停止の理由

users-suspend-heading = このアカウントを利用停止にする
users-suspend-text = 利用停止にすると、すべての端末で直ちにログアウトされ、再開されるまでログインできなくなります。プロフィール、技術課題、マッチングはそのまま保持されます。
users-suspend-reason = 利用停止の理由
users-suspend-button = アカウントを利用停止にする
users-restore-heading = このアカウントの利用を再開する
users-restore-text = 再開すると、すぐに再びログインできるようになります。
users-restore-reason = 利用再開の理由
users-restore-button = アカウントの利用を再開する
users-reason-hint = 監査ログに記録されます。2,000文字以内
users-managed-by-admins = 職員と管理者のアカウントは管理者が管理します。このページでは変更できません。

users-history-caption = アカウントの履歴
users-history-reason = 理由
users-history-empty = ログイン以外の記録はまだありません。
users-history-all = このアカウントに関するすべてのイベントを監査ログで見る
users-back-to-list = ユーザー一覧に戻る

users-error-reason-missing-suspend = 利用停止の理由を入力してください
users-error-reason-missing-restore = 利用再開の理由を入力してください
users-error-reason-too-long = 理由は2,000文字以内で入力してください

users-stale-title = アカウントの状態はすでに変更されています
users-stale-body = このページを開いた後に、別の職員がこのアカウントを利用停止または再開しました。変更は行われていません。アカウントのページを開き直して、現在の状態をご確認ください。

flash-users-suspended = アカウントを利用停止にし、すべてのセッションを終了しました。
flash-users-restored = アカウントの利用を再開しました。再びログインできます。
