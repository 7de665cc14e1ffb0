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
forgot-sent-title = Check your email for a reset link
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
error-retry-after = { $minutes ->
    [one] You can try again in 1 minute.
   *[other] You can try again in { $minutes } minutes.
}
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

## Navigation for features
nav-scientists = Scientists
nav-my-profile = My profile

## Expertise profile
flash-profile-saved = Your profile has been saved.
profile-edit-title = Your expertise profile
profile-edit-lead = Describe your expertise so that ministries, localities and enterprises in Vietnam can find you. You can save and come back at any time.
profile-completeness = Your profile is { $percent }% complete
profile-complete = Your profile has everything a problem owner looks for.
profile-missing-intro = To be found more often, add:
missing-summary = a summary of your expertise
missing-keywords = keywords
missing-languages = the languages you work in
missing-publications = at least one publication
missing-identifiers = your ORCID iD or researchmap id
missing-availability = how many hours a month you can give
profile-view-own = See your profile as others see it
profile-section-about = About you
profile-section-expertise = Expertise
profile-section-languages = Languages
profile-section-engagement = How you can contribute
profile-section-identifiers = Research identifiers
profile-section-publications = Publications
profile-section-visibility = Who can see your profile
profile-save = Save profile
select-choose = Choose…
field-full-name = Full name
field-full-name-hint = As it appears on your publications, with Vietnamese diacritics, for example Nguyễn Thị Ngọc Ánh
field-name-reading = Japanese reading of your name (optional)
field-name-reading-hint = In katakana, for example グエン・ティ・ゴック・アイン
field-position = Position
field-affiliation = Affiliation
field-affiliation-hint = Your university, institute or company, for example Tohoku University
field-hub = Country where you live
field-hub-hint = Your country hub; embassy staff of that country support your matches
field-city = City (optional)
field-highest-degree = Highest degree (optional)
field-highest-degree-hint = For example PhD in Materials Science
field-years-abroad = Years living abroad (optional)
field-fields = Fields
field-fields-hint = Select every field you work in
field-keywords = Keywords (optional)
field-keywords-hint = Separate keywords with commas, for example power semiconductors, GaN, device reliability
field-summary = Summary of your expertise (optional)
field-summary-hint = Up to 10,000 characters. You can use Markdown: **bold**, lists with -, links
field-languages = Languages you work in
language-level-none = Not used
field-engagement-kinds = Ways you can contribute
field-engagement-kinds-hint = Select all that apply
field-hours = Hours a month you can give (optional)
field-hours-hint = A whole number from 1 to 300
field-available-from = Available from (optional)
field-available-until = Available until (optional)
field-month-hint = Year and month, for example 2027-04
field-willing-to-travel = I am willing to travel to Vietnam
field-orcid = ORCID iD (optional)
field-orcid-hint = 16 digits, for example 0000-0002-1825-0097
field-researchmap = researchmap id (optional)
field-researchmap-hint = The part after researchmap.jp/ in your profile address
field-publications-hint = Add your main publications one at a time; each save adds an empty row for the next
publication-number = Publication { $number }
field-publication-title = Title
field-publication-venue = Journal or conference (optional)
field-publication-year = Year (optional)
field-publication-doi = DOI (optional)
publication-remove = Remove this publication
field-visibility = Who can see your profile
visibility-public = Everyone, including visitors who are not signed in
visibility-members = Only signed-in members with a confirmed email address
visibility-staff = Only embassy staff
error-full-name-missing = Enter your full name
error-position-missing = Select your position
error-affiliation-missing = Enter your affiliation
error-hub-missing = Select the country where you live
error-text-too-long = This must be 200 characters or fewer
error-fields-missing = Select at least one field
error-field-unknown = Select fields from the list
error-keywords-too-many = Enter 30 keywords or fewer
error-keyword-too-long = Each keyword must be 60 characters or fewer
error-summary-too-long = The summary must be 10,000 characters or fewer
error-language-unknown = Select languages and levels from the lists
error-engagement-missing = Select at least one way you can contribute
error-engagement-unknown = Select ways to contribute from the list
error-years-abroad-invalid = Enter years abroad as a whole number from 0 to 80
error-hours-invalid = Enter hours a month as a whole number from 1 to 300
error-month-invalid = Enter a month as year and month, for example 2027-04
error-until-before-from = The end of your availability must be after its start
error-orcid-invalid = Enter an ORCID iD of 16 digits with a correct check digit, for example 0000-0002-1825-0097
error-researchmap-invalid = Enter a researchmap id using only letters, numbers, - and _
error-publications-too-many = List 50 publications or fewer
error-publication-title-missing = Enter the title of the publication
error-publication-title-too-long = The title must be 500 characters or fewer
error-publication-year-invalid = Enter the year as 4 digits, for example 2024
error-doi-invalid = Enter a DOI that starts with 10., for example 10.1038/nphys1170
error-visibility-missing = Select who can see your profile

## Profile page
profile-caption = Expertise profile
profile-edit-link = Edit your profile
profile-availability = Availability
profile-updated = Last updated { $date }
availability-hours = { $hours } hours a month
availability-from = from { $month }
availability-until = until { $month }
availability-travel = willing to travel to Vietnam
availability-unknown = Not stated

## Directory
directory-title = Scientists and experts
page-of = page { $page } of { $pages }
directory-search-label = Search by name, expertise or keyword
directory-search-hint = In Vietnamese, Japanese or English; Vietnamese works with or without diacritics
filter-any = Any
filter-apply = Apply filters
filter-clear = Clear filters
directory-count = { $count } found
directory-count-about = About { $count } found
search-estimate-note = This search matches many entries, so the numbers are estimates and the results shown are the best of the first 500 found. Add a word or a filter to narrow it down.
directory-empty = No profile matches. Try fewer words or clear the filters.
pagination-label = Pages
pagination-prev = Previous
pagination-next = Next

## Your data
flash-account-deleted = Your account and personal data have been deleted.
delete-title = Delete your account
delete-what = This removes your expertise profile, your publications and your sign-in details, and signs you out everywhere. It cannot be undone.
delete-kept = The record of decisions you took part in is kept without your name, as the embassy's audit rules require.
delete-export-first = Download a copy of your data first
delete-password = Enter your password to confirm
delete-submit = Delete my account
error-delete-password-wrong = The password is not right. Enter your current password
account-your-data = Your data

## Profile page labels
show-summary = About their expertise
show-fields = Fields
show-keywords = Keywords
show-engagement-kinds = Can contribute through
show-languages = Working languages
show-highest-degree = Highest degree
show-years-abroad = Years living abroad
filter-hub = Country hub
home-verify-resend = Send the link again
flash-verification-sent = We have sent a new confirmation link to your email address.
