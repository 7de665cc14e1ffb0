idempotency-in-progress-title = This form is already being sent
idempotency-in-progress-body = We received this form a moment ago and are still saving it, so it was not sent a second time. Wait a moment, then open the page again to see whether it was saved before you send anything again.
idempotency-already-sent-title = This form has already been sent
idempotency-already-sent-body = This form was sent before, so nothing was changed this time. To send new changes, reload the page, check what it shows and send the form again.
idempotency-invalid-body = Part of the form was damaged on the way, so nothing was saved. Go back, reload the page and send it again.
