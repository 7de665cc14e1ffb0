## レイアウト
platform-name = 知識連携プラットフォーム
skip-to-content = 本文へ移動
change-language-to = 表示言語を切り替え：
nav-label = メインメニュー
nav-home = ホーム
nav-audit = 監査ログ
nav-sign-in = ログイン
nav-register = 新規登録
nav-sign-out = ログアウト
phase-pilot = 試行中
phase-text = 在日ベトナム人研究者コミュニティ向けの新しいサービスです。
footer-about = knowbridge は、海外在住のベトナム人研究者と、ベトナムの省庁・地方自治体・企業の技術課題をつなぎます。
footer-operated = 在日ベトナム大使館科学技術部と連携して運営しています。
flash-success = 完了しました

## お知らせ
flash-signed-in = ログインしました。
flash-signed-out = ログアウトしました。
flash-password-changed = パスワードを変更しました。新しいパスワードでログインしてください。

## 役割
role-scientist = 研究者・専門家
role-owner = 課題提供機関
role-staff = 大使館職員
role-admin = 管理者

## 入力エラー
error-title-prefix = エラー：
error-prefix = エラー：
error-summary-title = 入力内容に誤りがあります
error-account-kind-missing = 研究者として登録するか、組織の代表として登録するかを選択してください
error-display-name-missing = お名前を入力してください
error-display-name-too-long = お名前は100文字以内で入力してください
error-email-missing = メールアドレスを入力してください
error-email-invalid = メールアドレスを正しい形式で入力してください（例：name@example.com）
error-password-missing = パスワードを入力してください
error-password-too-short = パスワードは12文字以上で入力してください
error-password-common = このパスワードはよく使われているため使用できません。推測されにくいパスワードを選んでください
error-password-confirm-missing = 確認のため、パスワードをもう一度入力してください
error-password-mismatch = パスワードが一致しません。同じパスワードを2回入力してください
error-login-failed = メールアドレスまたはパスワードが正しくありません。確認のうえ、もう一度お試しください

## 入力項目
field-display-name = お名前
field-display-name-hint = 同僚に知られているフルネーム（例：Nguyễn Văn An）
field-email = メールアドレス
field-email-hint = 確認のため、このアドレスにリンクをお送りします
field-password = パスワード
field-password-hint = 12文字以上。関係のない単語をいくつか組み合わせると強いパスワードになります
field-new-password = 新しいパスワード
field-password-confirm = パスワード（確認）

## 新規登録
register-title = アカウントの作成
register-lead = 研究者は専門プロフィールを登録し、省庁・地方自治体・企業は技術課題を掲載します。登録は2分ほどで終わります。
register-kind-label = knowbridge をどのように利用しますか
register-kind-hint = 大使館職員のアカウントは管理者が作成します
register-kind-scientist = 海外に住む研究者・技術者です
register-kind-owner = 省庁、政府機関、地方自治体、大学、研究機関または企業を代表しています
register-submit = アカウントを作成
register-have-account = すでにアカウントをお持ちですか。
register-done-title = メールをご確認ください
register-done-body = ご入力のメールアドレスにリンクをお送りしました。48時間以内にリンクを開いてアドレスを確認し、ログインしてください。

## メールアドレスの確認とリンク
verify-done-title = メールアドレスを確認しました
verify-done-body = ありがとうございます。メールアドレスの確認が完了しました。
link-continue = 次へ
link-invalid-title = このリンクは使用できません
link-invalid-body = リンクの有効期限が切れているか、すでに使用されています。新しいリンクをお申し込みいただけます。
link-invalid-action = 新しいリンクを申し込む

## ログイン
login-title = ログイン
login-submit = ログイン
login-forgot = パスワードをお忘れですか。
login-no-account = knowbridge のご利用は初めてですか。

## パスワードの再設定
forgot-title = パスワードの再設定
forgot-lead = アカウントのメールアドレスを入力してください。新しいパスワードを設定するためのリンクをお送りします。
forgot-submit = リンクを送信
forgot-sent-title = パスワード再設定のメールをご確認ください
forgot-sent-body = このアドレスを使用しているアカウントがある場合、パスワード再設定用のリンクをお送りしました。リンクの有効期限は1時間です。
reset-title = 新しいパスワードの設定
reset-submit = 新しいパスワードを保存

## ホーム
home-title = あなたの専門性を、ベトナムの技術課題へ
home-lead = 海外在住のベトナム人研究者・技術者、ベトナムの省庁・地方自治体・企業、そして大使館が、ここで重要な課題に共に取り組みます。
home-signed-in-as = { $name } さんとしてログインしています。
home-verify-reminder = すべての機能をご利用いただくには、お送りしたリンクからメールアドレスを確認してください。
home-start-scientist = 研究者として登録する
home-start-owner = 組織として登録する
home-who-title = knowbridge の利用者
home-card-scientists-title = 海外在住の研究者・専門家
home-card-scientists-text = 専門分野を一度登録すれば、それに合った課題を確認し、関心表明ができます。共同研究、講義、助言、評議会への参加、帰国しての就業など、関わり方を選べます。
home-card-owners-title = 省庁・地方自治体・企業
home-card-owners-text = 技術課題を掲載してください。大使館の審査後、適合理由つきの候補者一覧を確認し、招待を送ることができます。
home-card-staff-title = 大使館職員
home-card-staff-text = 組織の確認、課題の公開、マッチングの承認を行い、協力の成果を数値とグラフで報告します。
home-how-title = マッチングの流れ
home-how-1 = 研究者が関心表明をするか、組織が招待を送るか、大使館が推薦します。
home-how-2 = 研究者、課題提供機関、大使館のそれぞれが同意します。
home-how-3 = 三者すべてが同意すると、マッチングが進行中となり、共同で取り組みを始められます。
home-three-houses = 「三者連携」：国・研究者・企業。
home-need-title = お問い合わせ
home-need-text = 在日ベトナム大使館科学技術部までお問い合わせください。

## エラーページ
error-400-title = リクエストに問題があります
error-400-body = 送信された内容を処理できませんでした。前のページに戻って、もう一度お試しください。
error-403-title = このページへのアクセス権限がありません
error-403-body = お使いのアカウントではこのページを開けません。誤りと思われる場合は、大使館の担当者までお問い合わせください。
error-404-title = ページが見つかりません
error-404-body = アドレスを入力した場合は、正しいかご確認ください。貼り付けた場合は、アドレス全体をコピーしたかご確認ください。
error-413-title = 送信された内容が大きすぎます
error-413-body = 入力内容を短くして、もう一度お試しください。
error-429-title = 試行回数が上限に達しました
error-429-body = アカウント保護のため、しばらくの間操作を停止しています。入力された内容は保存されていません。
error-500-title = 申し訳ありません。サービスに問題が発生しています
error-500-body = 時間をおいて、もう一度お試しください。保存前の内容は再度入力が必要な場合があります。
error-503-title = 申し訳ありません。サービスを一時的に利用できません
error-503-body = まもなく復旧します。保存前の内容は再度入力が必要な場合があります。
error-csrf-body = フォームの有効期限が切れたため、保存されていません。前のページに戻り、ページを再読み込みしてから、もう一度送信してください。
error-retry-after = { $minutes } 分後に再度お試しいただけます。
error-contact = 問題が続く場合は、下記の参照番号を添えて大使館の担当者までお問い合わせください。
error-request-id = 参照番号
error-go-home = ホームへ戻る

## メール
email-verify-subject = 【knowbridge】メールアドレスの確認
email-verify-body = { $name } 様
    
    knowbridge にご登録いただき、ありがとうございます。次のリンクを開いて、メールアドレスを確認してください。
    
    { $link }
    
    リンクの有効期限は48時間です。お心当たりのない場合は、このメールを破棄してください。
    
    knowbridge チーム
email-already-registered-subject = 【knowbridge】お使いのメールアドレスで登録が試みられました
email-already-registered-body = { $name } 様
    
    すでにアカウントのあるこのメールアドレスで、knowbridge のアカウント作成が試みられました。ご本人の場合は、ログインするか、次のリンクからパスワードを再設定してください。
    
    { $link }
    
    お心当たりのない場合は、このメールを破棄してください。アカウントに変更はありません。
    
    knowbridge チーム
email-reset-subject = 【knowbridge】パスワードの再設定
email-reset-body = { $name } 様
    
    次のリンクを開いて、新しいパスワードを設定してください。
    
    { $link }
    
    リンクは1回限り、1時間有効です。お心当たりのない場合は、このメールを破棄してください。パスワードに変更はありません。
    
    knowbridge チーム

## 機能別ナビゲーション
nav-scientists = 研究者
nav-my-profile = マイプロフィール

## 専門プロフィール
flash-profile-saved = プロフィールを保存しました。
profile-edit-title = 専門プロフィール
profile-edit-lead = ベトナムの省庁・地方自治体・企業があなたを見つけられるよう、専門分野をご記入ください。途中で保存して、いつでも再開できます。
profile-completeness = プロフィールの完成度は { $percent }% です
profile-complete = 課題提供機関が必要とする情報はすべてそろっています。
profile-missing-intro = より多く見つけてもらうために、次の情報を追加してください。
missing-summary = 専門分野の紹介
missing-keywords = キーワード
missing-languages = 業務で使用する言語
missing-publications = 少なくとも1件の業績
missing-identifiers = ORCID iD または researchmap ID
missing-availability = 1か月に割ける時間
profile-view-own = 他の人から見たプロフィールを確認する
profile-section-about = 基本情報
profile-section-expertise = 専門分野
profile-section-languages = 言語
profile-section-engagement = 協力の形
profile-section-identifiers = 研究者識別子
profile-section-publications = 業績
profile-section-visibility = プロフィールの公開範囲
profile-save = プロフィールを保存
select-choose = 選択してください
field-full-name = 氏名
field-full-name-hint = 論文に記載している表記で、ベトナム語の声調記号も含めて入力してください（例：Nguyễn Thị Ngọc Ánh）
field-name-reading = 氏名のカタカナ表記（任意）
field-name-reading-hint = 例：グエン・ティ・ゴック・アイン
field-position = 職位
field-affiliation = 所属
field-affiliation-hint = 大学、研究機関または企業（例：東北大学）
field-hub = お住まいの国
field-hub-hint = 国別拠点です。その国の大使館職員がマッチングを支援します
field-city = 都市（任意）
field-highest-degree = 最終学位（任意）
field-highest-degree-hint = 例：博士（材料科学）
field-years-abroad = 海外在住年数（任意）
field-fields = 分野
field-fields-hint = 該当する分野をすべて選択してください
field-keywords = キーワード（任意）
field-keywords-hint = カンマで区切って入力してください（例：パワー半導体, GaN, デバイス信頼性）
field-summary = 専門分野の紹介（任意）
field-summary-hint = 10,000文字以内。Markdown（**太字**、- による箇条書き、リンク）が使えます
field-languages = 業務で使用する言語
language-level-none = 使用しない
field-engagement-kinds = 協力できる形
field-engagement-kinds-hint = 該当するものをすべて選択してください
field-hours = 1か月に割ける時間（任意）
field-hours-hint = 1から300までの整数
field-available-from = 協力可能な開始時期（任意）
field-available-until = 協力可能な終了時期（任意）
field-month-hint = 年と月（例：2027-04）
field-willing-to-travel = ベトナムへの出張が可能です
field-orcid = ORCID iD（任意）
field-orcid-hint = 16桁（例：0000-0002-1825-0097）
field-researchmap = researchmap ID（任意）
field-researchmap-hint = プロフィールのアドレスのうち researchmap.jp/ の後の部分
field-publications-hint = 主な業績を1件ずつ追加してください。保存するたびに次の業績用の空欄が増えます
publication-number = 業績 { $number }
field-publication-title = タイトル
field-publication-venue = 掲載誌または学会（任意）
field-publication-year = 年（任意）
field-publication-doi = DOI（任意）
publication-remove = この業績を削除する
field-visibility = プロフィールの公開範囲
visibility-public = ログインしていない訪問者を含む全員
visibility-members = メールアドレスを確認済みのログイン会員のみ
visibility-staff = 大使館職員のみ
error-full-name-missing = 氏名を入力してください
error-position-missing = 職位を選択してください
error-affiliation-missing = 所属を入力してください
error-hub-missing = お住まいの国を選択してください
error-text-too-long = 200文字以内で入力してください
error-fields-missing = 分野を1つ以上選択してください
error-field-unknown = 一覧から分野を選択してください
error-keywords-too-many = キーワードは30個以内で入力してください
error-keyword-too-long = キーワードはそれぞれ60文字以内で入力してください
error-summary-too-long = 紹介は10,000文字以内で入力してください
error-language-unknown = 一覧から言語とレベルを選択してください
error-engagement-missing = 協力できる形を1つ以上選択してください
error-engagement-unknown = 一覧から協力の形を選択してください
error-years-abroad-invalid = 海外在住年数は0から80までの整数で入力してください
error-hours-invalid = 1か月の時間は1から300までの整数で入力してください
error-month-invalid = 年と月を入力してください（例：2027-04）
error-until-before-from = 終了時期は開始時期より後にしてください
error-orcid-invalid = チェックディジットが正しい16桁の ORCID iD を入力してください（例：0000-0002-1825-0097）
error-researchmap-invalid = researchmap ID は英数字、- と _ のみで入力してください
error-publications-too-many = 業績は50件以内で入力してください
error-publication-title-missing = 業績のタイトルを入力してください
error-publication-title-too-long = タイトルは500文字以内で入力してください
error-publication-year-invalid = 年は4桁で入力してください（例：2024）
error-doi-invalid = 10. で始まる DOI を入力してください（例：10.1038/nphys1170）
error-visibility-missing = プロフィールの公開範囲を選択してください

## プロフィールページ
profile-caption = 専門プロフィール
profile-edit-link = プロフィールを編集する
profile-availability = 協力可能な時期
profile-updated = 最終更新日：{ $date }
availability-hours = 1か月 { $hours } 時間
availability-from = { $month } から
availability-until = { $month } まで
availability-travel = ベトナムへの出張が可能
availability-unknown = 未記入

## 研究者一覧
directory-title = 研究者・専門家
page-of = { $pages } ページ中 { $page } ページ目
directory-search-label = 氏名、専門分野、キーワードで検索
directory-search-hint = ベトナム語、日本語、英語で検索できます。ベトナム語は声調記号がなくても検索できます
filter-any = すべて
filter-apply = 絞り込む
filter-clear = 条件をクリア
directory-count = { $count } 件見つかりました
directory-count-about = 約 { $count } 件見つかりました
search-estimate-note = 該当する件数が多いため、件数は概算です。表示している結果は、最初に見つかった500件の中から最も適したものを選んでいます。語句や絞り込み条件を追加してください。
directory-empty = 該当するプロフィールはありません。キーワードを減らすか、条件をクリアしてください。
pagination-label = ページ
pagination-prev = 前へ
pagination-next = 次へ

## あなたのデータ
flash-account-deleted = アカウントと個人データを削除しました。
delete-title = アカウントの削除
delete-what = 専門プロフィール、業績、ログイン情報を削除し、すべての端末からログアウトします。この操作は取り消せません。
delete-kept = 大使館の監査規則により、あなたが関わった判断の記録は氏名を除いて保存されます。
delete-export-first = 先にデータのコピーをダウンロードする
delete-password = 確認のためパスワードを入力してください
delete-submit = アカウントを削除する
error-delete-password-wrong = パスワードが正しくありません。現在のパスワードを入力してください
account-your-data = あなたのデータ

## プロフィールページの見出し
show-summary = 専門分野の紹介
show-fields = 分野
show-keywords = キーワード
show-engagement-kinds = 協力できる形
show-languages = 業務で使用する言語
show-highest-degree = 最終学位
show-years-abroad = 海外在住年数
filter-hub = 国別拠点
home-verify-resend = リンクを再送信する
flash-verification-sent = 確認用の新しいリンクをメールアドレスにお送りしました。
