# 職員用画面のナビゲーション
nav-console = 職員用画面
console-nav-label = 職員用画面
console-dashboard = ダッシュボード
console-users = 利用者
console-reports = レポート
console-staff = 職員アカウント
console-hubs = 国別拠点
