# 職員用ダッシュボード（GET /staff）：担当拠点の数値とグラフ。

dash-title = ダッシュボード
dash-lead = { $scope }の{ $date }時点の数値です。各グラフの下に、データ表と対応するCSVレポートへのリンクがあります。
dash-no-hubs = まだ国別拠点が割り当てられていないため、以下の数値はすべての拠点に公開されている課題のみを数えています。拠点の割り当ては管理者が行います。
dash-hub-label = 国別拠点
dash-hub-any = 担当するすべての拠点
dash-hub-any-admin = すべての拠点
dash-show-table = データ表を表示

dash-h-key = 主な数値
dash-h-scientists = 研究者・専門家
dash-h-orgs = 組織・機関
dash-h-problems = 技術課題
dash-h-matches = マッチング
dash-h-funnel = 課題から成果まで
dash-h-time = 所要日数
dash-h-activity = 直近12か月
dash-stages-heading = 各段階の数え方

dash-scope-all = すべての拠点
dash-scope-none = 拠点なし
dash-scope-hub = { $hub }拠点
dash-scope-hubs = { $hubs }の各拠点

dash-csv-scientists = 研究者レポートをダウンロード（CSV）
dash-csv-problems = 技術課題レポートをダウンロード（CSV）
dash-csv-matches = マッチングレポートをダウンロード（CSV）
dash-csv-outcomes = 成果レポートをダウンロード（CSV）

dash-sub-sci-area = 分野群別の研究者数、{ $scope }、{ $date }時点
dash-sub-sci-position = 職位別の研究者数、{ $scope }、{ $date }時点
dash-sub-org-status = 確認状況別の組織数、プラットフォーム全体、{ $date }時点
dash-sub-org-kind = 種別ごとの組織数、プラットフォーム全体、{ $date }時点
dash-sub-problem-status = 状態別の技術課題数、{ $scope }、{ $date }時点
dash-sub-problem-kind = 提供機関の種別ごとの技術課題数、{ $scope }、{ $date }時点
dash-sub-match-state = 状態別のマッチング数、{ $scope }、{ $date }時点
dash-sub-match-kind = 協力形態別のマッチング数、{ $scope }、{ $date }時点
dash-sub-funnel = 公開された技術課題の進み具合、{ $scope }、{ $date }時点
dash-sub-activity = 月別、{ $scope }、{ $from }～{ $to }。系列ごとに目盛りが異なります

dash-col-area = 分野群
dash-col-position = 職位
dash-col-status = 状態
dash-col-org-kind = 組織の種別
dash-col-state = 状態
dash-col-engagement = 協力形態
dash-col-stage = 段階
dash-col-share = 公開された課題に占める割合
dash-col-month = 月
dash-col-scientists = 研究者数
dash-col-orgs = 組織数
dash-col-problems = 課題数
dash-col-matches = マッチング数

dash-note-sci-area = 複数の分野群に分野を持つ研究者は、それぞれの分野群で1人として数えています。
dash-note-orgs = 組織・機関は特定の拠点に属さないため、どの拠点を選んでもプラットフォーム全体の数値を表示します。
dash-no-field = 分野の登録なし
dash-not-given = 指定なし

dash-headline-none = まだ集計する対象がありません
dash-headline-largest = 最も多いのは「{ $label }」（{ $count }）です
dash-headline-org-status = { $total }組織のうち{ $verified }組織が確認済みです
dash-headline-problem-status = { $open }件の技術課題が研究者に公開中です
dash-headline-match-state = { $total }件のマッチングのうち、進行中が{ $active }件、完了が{ $completed }件です
dash-headline-funnel = 公開された課題の{ $share }で、進行中のマッチングが成立しました（{ $total }件中{ $count }件）
dash-headline-activity = この12か月で、新しい研究者{ $scientists }人、公開された課題{ $problems }件、作成されたマッチング{ $matches }件がありました

dash-kind-bar = 横棒グラフ：{ $subtitle }
dash-kind-funnel = 横棒で表したファネルグラフ：{ $subtitle }
dash-kind-columns = 縦棒グラフ：{ $subtitle }
dash-desc = { $values }。グラフの下のデータ表に同じ数値があります。
dash-desc-activity = 12か月間の合計：{ $values }。グラフの下のデータ表に月ごとの数値があります。

dash-fig-scientists = 研究者・専門家
dash-fig-orgs-verified = 確認済みの組織
dash-fig-problems-open = 公開中の技術課題
dash-fig-matches-active = 進行中のマッチング
dash-fig-matches-completed = 完了したマッチング

dash-stage-published = 公開
dash-stage-published-def = これらの拠点向けに公開されたことのある課題です。その後終了した課題や期限切れの課題も含みます。
dash-stage-candidates = 候補者あり
dash-stage-candidates-def = 課題が求める協力形態を提供でき、課題の分野または同じ分野群で活動する研究者が1人以上いる課題、またはすでにマッチングがある課題です。
dash-stage-interest = 関心表明あり
dash-stage-interest-def = 研究者が同意した課題です（関心表明、または招待や大使館からの推薦の受諾）。
dash-stage-active = 進行中のマッチングあり
dash-stage-active-def = 三者すべてが承認したマッチングがある課題です（進行中、またはその後完了）。
dash-stage-completed = 完了したマッチングあり
dash-stage-completed-def = 成果を記録して完了したマッチングがある課題です。

dash-days = { $days }日
dash-median-none = まだ該当がありません
dash-median-publish = 申請から公開までの日数（中央値）
dash-median-publish-note = 直近12か月に初めて公開された{ $count }件の課題について、最初の申請から数えています（修正依頼の期間を含みます）。
dash-median-activate = マッチング作成から成立までの日数（中央値）
dash-median-activate-note = 直近12か月に進行中となった{ $count }件のマッチングについて数えています。

dash-series-scientists = 新しい研究者
dash-series-published = 公開された課題
dash-series-created = 作成されたマッチング
dash-series-activated = 成立したマッチング
dash-month-long = { $year }年{ $month }月
dash-month-short = { $month }月
dash-year = { $year }年
