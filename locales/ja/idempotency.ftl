idempotency-in-progress-title = このフォームは送信中です
idempotency-in-progress-body = このフォームは先ほど受け付け、現在保存しているところです。そのため、二重には送信されていません。しばらく待ってからページを開き直し、保存されたかどうかを確認してから、もう一度送信してください。
idempotency-already-sent-title = このフォームは送信済みです
idempotency-already-sent-body = このフォームは以前に送信されているため、今回は何も変更されていません。新しい内容を送信するには、ページを再読み込みし、表示内容を確認してから、もう一度送信してください。
idempotency-invalid-body = フォームの一部が送信中に壊れたため、保存されていません。前のページに戻り、ページを再読み込みしてから、もう一度送信してください。
