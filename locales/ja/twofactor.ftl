# 職員・管理者の二要素認証

tfa-code-title = 確認コードを入力してください
tfa-code-lead = 職員のアカウントでは、ログインに追加の手順が必要です。スマートフォンの認証アプリを開き、knowbridge に表示されているコードを入力してください。
tfa-code-label = 確認コード
tfa-code-hint = アプリに表示される6桁のコード、または回復コードのいずれか
tfa-code-submit = 次へ
tfa-lost-title = スマートフォンを使えない場合
tfa-lost-text = アプリを設定したときに保存した回復コードのいずれかを入力してください。回復コードはそれぞれ1回だけ使えます。残っていない場合は、管理者に二要素認証のリセットを依頼してください。

tfa-setup-title = 二要素認証を設定してください
tfa-setup-lead = 職員のアカウントでは他の利用者に関わる情報の閲覧や判断ができるため、パスワードに加えてスマートフォンのアプリのコードで保護します。設定は最初の1回だけです。
tfa-setup-step-app = 認証アプリをインストールする
tfa-setup-step-app-text = 例：Google Authenticator、Microsoft Authenticator、FreeOTP。時間ベースのコード（TOTP）に対応したアプリであれば利用できます。
tfa-setup-step-scan = アプリに knowbridge を追加する
tfa-setup-qr-caption = この QR コードをアプリで読み取ってください。
tfa-setup-manual = 読み取れない場合は、キーを手動で入力する方法を選び、次のキーを入力してください。
tfa-setup-step-confirm = アプリに表示されたコードを入力する
tfa-setup-code-label = 確認コード
tfa-setup-code-hint = 6桁の数字です。30秒ごとに新しいコードが表示されます
tfa-setup-submit = 確認して次へ

tfa-recovery-title = 二要素認証の設定が完了しました
tfa-recovery-lead = スマートフォンをなくした場合は、アプリのコードの代わりに、次の回復コードのいずれかでログインできます。
tfa-recovery-once = これらのコードを今すぐパスワード管理ツールなどの安全な場所に保存してください。再び表示されることはなく、各コードは1回だけ使えます。
tfa-recovery-how = 使うときは、ログイン時に確認コードの欄に入力してください。
tfa-recovery-continue = コードを保存しました – 次へ

tfa-error-code-missing = 確認コードを入力してください
tfa-error-code-format = アプリに表示された6桁のコードを入力してください
tfa-error-code-wrong = コードが正しくありません。アプリを確認して最新のコードを入力してください。同じコードは1回しか使えません
