## Layout
platform-name = Knowledge-connection platform
skip-to-content = Skip to main content
change-language-to = Change language to
nav-label = Main menu
nav-home = Home
nav-audit = Audit log
nav-sign-in = Sign in
nav-register = Register
nav-sign-out = Sign out
phase-pilot = Pilot
phase-text = This is a new service for the Vietnamese research community in Japan.
footer-about = knowbridge connects Vietnamese scientists abroad with the technology problems of Vietnam's ministries, localities and enterprises.
footer-operated = Operated with the science and technology office of the Embassy of Vietnam in Japan.
flash-success = Success

## Flash messages
flash-signed-in = You are signed in.
flash-signed-out = You have signed out.
flash-password-changed = Your password has been changed. Sign in with your new password.

## Roles
role-scientist = Scientist / expert
role-owner = Problem owner
role-staff = Embassy staff
role-admin = Administrator

## Form errors
error-title-prefix = {"Error: "}
error-prefix = Error:
error-summary-title = There is a problem
error-account-kind-missing = Select whether you are a scientist or represent an organisation
error-display-name-missing = Enter your name
error-display-name-too-long = Your name must be 100 characters or fewer
error-email-missing = Enter your email address
error-email-invalid = Enter an email address in the correct format, like name@example.com
error-password-missing = Enter a password
error-password-too-short = Your password must be at least 12 characters
error-password-common = This password is too common. Choose a password that is harder to guess
error-password-confirm-missing = Enter your password again
error-password-mismatch = The passwords do not match. Enter the same password twice
error-login-failed = The email address or password is not right. Check them and try again

## Fields
field-display-name = Your name
field-display-name-hint = Your full name as colleagues know it, for example Nguyễn Văn An
field-email = Email address
field-email-hint = We will send a link to this address to confirm it
field-password = Password
field-password-hint = At least 12 characters. A few unrelated words make a strong password
field-new-password = New password
field-password-confirm = Confirm password

## Register
register-title = Create an account
register-lead = Scientists register their expertise; ministries, localities and enterprises post technology problems. It takes about two minutes.
register-kind-label = How will you use knowbridge?
register-kind-hint = Embassy staff accounts are created by the administrator
register-kind-scientist = I am a scientist or engineer living abroad
register-kind-owner = I represent a ministry, agency, locality, university, research institute or enterprise
register-submit = Create account
register-have-account = Already have an account?
register-done-title = Check your email
register-done-body = We have sent a link to the email address you gave. Open it within 48 hours to confirm your address, then sign in.

## Email verification and links
verify-done-title = Email address confirmed
verify-done-body = Thank you. Your email address is confirmed.
link-continue = Continue
link-invalid-title = This link does not work
link-invalid-body = The link has expired or has already been used. You can ask for a new one.
link-invalid-action = Request a new link

## Sign in
login-title = Sign in
login-submit = Sign in
login-forgot = Forgotten your password?
login-no-account = New to knowbridge?

## Password recovery
forgot-title = Reset your password
forgot-lead = Enter the email address of your account. We will send you a link to choose a new password.
forgot-submit = Send link
forgot-sent-title = Check your email
forgot-sent-body = If an account uses this address, we have sent it a link to reset the password. The link works for one hour.
reset-title = Choose a new password
reset-submit = Save new password

## Home
home-title = Connect your expertise with Vietnam's technology problems
home-lead = Vietnamese scientists and engineers abroad, ministries, localities and enterprises in Vietnam, and the embassy work together here on the problems that matter.
home-signed-in-as = You are signed in as { $name }.
home-verify-reminder = Confirm your email address with the link we sent you to use every feature.
home-start-scientist = Register as a scientist
home-start-owner = Register your organisation
home-who-title = Who knowbridge is for
home-card-scientists-title = Scientists and experts abroad
home-card-scientists-text = Describe your expertise once. See the problems that fit it, express interest, and choose how you contribute: joint research, teaching, advice, councils or coming home.
home-card-owners-title = Ministries, localities and enterprises
home-card-owners-text = Post a technology problem. After the embassy reviews it, see ranked candidates with the reasons they fit, and invite them.
home-card-staff-title = Embassy staff
home-card-staff-text = Verify organisations, publish problems, approve matches, and report on the cooperation with figures and charts.
home-how-title = How a match works
home-how-1 = A scientist expresses interest, an organisation sends an invitation, or the embassy proposes a match.
home-how-2 = The scientist, the problem owner and the embassy each give their consent.
home-how-3 = When all three agree, the match is active and the parties can work together.
home-three-houses = The "three houses" model: State – Scientists – Enterprises.
home-need-title = Need help?
home-need-text = Contact the science and technology office of the Embassy of Vietnam in Japan.

## Audit log
audit-title = Audit log
audit-lead = Every change of state and every staff decision, newest first. Entries cannot be changed or deleted.
audit-caption = Latest 200 events
audit-col-time = Time
audit-col-actor = By
audit-col-action = Action
audit-col-target = Concerning
audit-empty = Nothing has been recorded yet.

## Error pages
error-400-title = There is a problem with the request
error-400-body = The page could not understand what was sent. Go back and try again.
error-403-title = You do not have access to this page
error-403-body = Your account cannot open this page. If you think it should, contact the embassy team.
error-404-title = Page not found
error-404-body = If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.
error-413-title = What you sent is too large
error-413-body = Shorten the text you entered and try again.
error-429-title = Too many attempts
error-429-body = To protect your account we have paused attempts for a while. Nothing you entered has been saved.
error-500-title = Sorry, there is a problem with the service
error-500-body = Try again later. Anything you had not yet saved may need to be entered again.
error-503-title = Sorry, the service is unavailable
error-503-body = The service will be back shortly. Anything you had not yet saved may need to be entered again.
error-csrf-body = The form had expired, so nothing was saved. Go back, reload the page and send it again.
error-retry-after = You can try again in { $minutes } minutes.
error-contact = If the problem continues, contact the embassy team and quote the reference below.
error-request-id = Reference:
error-go-home = Go to the home page

## Emails
email-verify-subject = Confirm your email address for knowbridge
email-verify-body = Hello { $name },
    
    Thank you for registering with knowbridge. Open this link to confirm your email address:
    
    { $link }
    
    The link works for 48 hours. If you did not register, you can ignore this email.
    
    The knowbridge team
email-already-registered-subject = Someone tried to register with your email address
email-already-registered-body = Hello { $name },
    
    Someone tried to create a knowbridge account with this email address, which already has an account. If it was you, sign in, or reset your password here:
    
    { $link }
    
    If it was not you, you can ignore this email; your account has not changed.
    
    The knowbridge team
email-reset-subject = Reset your knowbridge password
email-reset-body = Hello { $name },
    
    Open this link to choose a new password:
    
    { $link }
    
    The link works for one hour and only once. If you did not ask for it, you can ignore this email; your password has not changed.
    
    The knowbridge team
