# 課題に合う候補者と、研究者へのおすすめの課題。理由と、スコアの各部分の点数。

nav-recommendations = おすすめの課題

ranking-candidates-title = 候補者
ranking-candidates-lead = この課題にどれだけ合うかの順に並べた研究者・専門家と、その理由です。課題が求める協力形態を一つ以上提供できる人だけを表示しています。
ranking-candidates-count = 候補者 { $count } 人
ranking-candidates-empty = この課題に合う研究者はまだいません。絞り込みを解除してみてください。
ranking-back-to-problem = 課題に戻る
ranking-not-published-title = 候補者は公開中の課題について表示されます
ranking-not-published-body = 候補者は大使館が課題を公開した後に表示され、課題の終了後や期限切れの後は表示されません。
ranking-filter-engagement = 協力形態
ranking-filter-position = 職位
ranking-conflict = 利益相反の可能性
ranking-conflict-hint = 所属が課題提供機関と同じ名前です
ranking-capped = 上位 300 人だけを表示しています。

ranking-recommendations-title = おすすめの課題
ranking-recommendations-lead = 受付中の技術課題を、あなたの専門プロフィールにどれだけ合うかの順に、理由とともに表示します。
ranking-recommendations-count = 課題 { $count } 件
ranking-recommendations-empty = あなたのプロフィールに合う受付中の課題はまだありません。プロフィールに分野・キーワード・協力形態を加えると、見つかりやすくなります。
ranking-improve-profile = 専門プロフィールを充実させる
ranking-no-profile-title = 先に専門プロフィールを保存してください
ranking-no-profile-body = おすすめの課題は、プロフィールの分野・キーワード・協力形態・言語から選ばれます。
ranking-no-profile-link = 専門プロフィールを書く

ranking-score = スコア：100 点中 { $score } 点
ranking-why-fields = 共通の分野
ranking-why-area = 同じ領域の関連分野
ranking-why-keywords = 共通のキーワード
ranking-why-kinds = 共通の協力形態
ranking-why-languages = 共通の業務言語
ranking-why-availability = 対応可能な時期
ranking-none = なし
ranking-availability-overlaps = 課題の期間中に対応可能
ranking-availability-outside = 課題の期間中は対応できない
ranking-availability-not-given = 記載なし
ranking-parts-open = スコアの内訳
ranking-parts-term = スコアの項目
ranking-parts-points = 点数
ranking-parts-weight = 満点
ranking-term-fields = 分野
ranking-term-text = 専門内容のテキスト
ranking-term-keywords = キーワード
ranking-term-engagement = 協力形態
ranking-term-languages = 業務言語
ranking-term-availability = 対応可能な時期
ranking-term-hub = 国別拠点

ranking-live-match = すでにマッチングがあります：
ranking-match-pending = 同意待ち
ranking-match-active = 進行中
ranking-open-match = マッチングを見る
ranking-note-hint = 2,000 文字以内
ranking-invite-open = 招待する
ranking-invite-note = 招待する理由と、期待すること
ranking-invite = 招待を送る
ranking-propose-open = マッチングを推薦する
ranking-propose-note = この研究者が課題に合う理由
ranking-propose = 推薦を送る
ranking-interest-open = 関心を表明する
ranking-interest-kind = どの形で協力しますか
ranking-interest-kind-hint = 課題が求め、あなたが提供できる協力形態
ranking-interest-kind-choose = 協力形態を選んでください
ranking-interest-note = 提供できること
ranking-interest = 関心表明を送る
