# Limits against abuse (web/limits.rs): the explanations on the error pages, and field errors.

limits-uri-too-long-body = The web address is too long. Go back, shorten what you typed in the search box or choose fewer filters, and try again.
limits-headers-too-large-body = Your browser sent more information with this request than we accept. Clear this site's cookies and try again.
limits-body-timeout-body = The form took too long to arrive, so nothing was saved. Check your connection, then go back and send it again.
limits-too-many-fields-body = The form sent too many entries, so nothing was saved. Go back, remove some of the entries and send it again.
limits-busy-body = Many people are searching or downloading right now. Nothing is wrong with your request: wait a few seconds and try again.
limits-password-too-long = Your password must be 1,000 characters or fewer
