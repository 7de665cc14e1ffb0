# Administration (admins only): country hubs and staff accounts, and the invitation a new
# staff member receives.

nav-admin = Administration

admin-title = Administration
admin-lead = Manage the country hubs and the accounts of embassy staff.
admin-index-staff-text = Staff and administrator accounts: { $count }
admin-index-hubs-text = Country hubs: { $count }
admin-back-to-admin = Back to administration
admin-back-to-hubs = Back to country hubs
admin-back-to-staff = Back to staff accounts
admin-list-separator = {", "}

# Hubs
admin-hubs-title = Country hubs
admin-hubs-lead = Each country hub is a community of scientists abroad with the embassy staff who support it. New hubs appear in profile and problem forms straight away.
admin-hubs-caption = Country hubs ({ $count })
admin-hubs-empty = There are no country hubs yet.
admin-col-code = Code
admin-col-country = Country
admin-col-name-vi = Name in Vietnamese
admin-col-name-ja = Name in Japanese
admin-col-name-en = Name in English
admin-col-staff = Staff
admin-col-scientists = Scientists
admin-col-action = Action
admin-hub-rename = Rename
admin-hub-new-title = Add a country hub
admin-hub-new-lead = The code and the country cannot be changed later, because profiles, problems and reports refer to them. The names can.
admin-hub-edit-title = Rename a country hub
admin-hub-edit-lead = Correct the names shown to readers. The code and the country stay as they are.
admin-hub-create = Add country hub
admin-hub-save = Save names
admin-field-hub-code = Hub code
admin-field-hub-code-hint = 2 to 8 lowercase letters, for example kr or us
admin-field-country = Country code
admin-field-country-hint = The two-letter ISO 3166 code, for example KR for Korea
admin-field-name-vi = Name in Vietnamese
admin-field-name-vi-hint = For example Hàn Quốc
admin-field-name-ja = Name in Japanese
admin-field-name-ja-hint = For example 韓国
admin-field-name-en = Name in English
admin-field-name-en-hint = For example Korea
admin-error-hub-code-missing = Enter the hub code
admin-error-hub-code-format = The hub code must be 2 to 8 lowercase letters, like kr
admin-error-hub-code-taken = There is already a country hub with this code. Choose another code
admin-error-hub-country-missing = Enter the country code
admin-error-hub-country-invalid = Enter a two-letter ISO 3166 country code, like KR
admin-error-hub-name-vi-missing = Enter the name in Vietnamese
admin-error-hub-name-ja-missing = Enter the name in Japanese
admin-error-hub-name-en-missing = Enter the name in English
admin-error-hub-name-too-long = The name must be 100 characters or fewer

# Staff accounts
admin-staff-title = Staff accounts
admin-staff-lead = Embassy staff and administrators, with their country hubs and whether they have set up two-factor sign-in. Staff see and decide only for their own hubs.
admin-staff-caption = Staff and administrators ({ $count })
admin-staff-empty = There are no staff accounts yet.
admin-staff-caption-one = Staff account
admin-col-name = Name
admin-col-email = Email address
admin-col-role = Role
admin-col-hubs = Country hubs
admin-col-state = State
admin-col-two-factor = Two-factor sign-in
admin-col-language = Language of emails
admin-col-created = Account created
admin-col-disabled = Disabled
admin-col-disabled-reason = Reason for disabling
admin-state-invited = Invited
admin-state-active = Active
admin-state-disabled = Disabled
admin-two-factor-on = Set up
admin-two-factor-off = Not set up
admin-hubs-all = Every hub (administrator)
admin-hubs-none = No hub yet

admin-staff-new-title = Invite a staff member
admin-staff-new-lead = We will email them a link to choose their password. The link works for 7 days. At their first sign-in they will set up two-factor sign-in.
admin-staff-invite = Send invitation
admin-field-email = Email address
admin-field-email-hint = Their work email address at the embassy
admin-field-name = Full name
admin-field-name-hint = As colleagues know them, for example Trần Thị Lan
admin-field-hubs = Country hubs
admin-field-hubs-hint = Select every hub this person will work for
admin-field-hubs-edit-hint = Select every hub this person works for. They see and decide only for these hubs
admin-field-locale = Language of the invitation
admin-field-locale-hint = Emails and pages will be in this language until they change it
admin-error-email-missing = Enter the staff member's email address
admin-error-email-invalid = Enter an email address in the correct format, like name@example.com
admin-error-email-taken = There is already an account with this email address
admin-error-name-missing = Enter the staff member's full name
admin-error-name-too-long = The name must be 100 characters or fewer
admin-error-hubs-missing = Select at least one country hub
admin-error-hubs-unknown = Select country hubs from the list
admin-error-locale-missing = Select the language of the invitation

# One staff member's page
admin-invitation-heading = Invitation
admin-invitation-pending = Invitation sent on { $date }. They have not chosen a password yet.
admin-invitation-lapsed = The invitation has expired and no password has been chosen.
admin-invitation-resend = Send a new invitation
admin-hubs-heading = Country hubs
admin-hubs-admin-note = Administrators work for every country hub.
admin-hubs-save = Save country hubs
admin-two-factor-heading = Two-factor sign-in
admin-two-factor-reset-text = If they have lost their phone, reset their two-factor sign-in. They will be signed out everywhere and will set it up again at their next sign-in.
admin-two-factor-reset = Reset two-factor sign-in
admin-two-factor-nothing = They have not set up two-factor sign-in yet. They will be asked to at their next sign-in.
admin-two-factor-self-note = Another administrator can reset your own two-factor sign-in.
admin-disable-heading = Disable this account
admin-disable-text = They will be signed out at once and will not be able to sign in until the account is enabled again.
admin-disable-self-note = You cannot disable your own account. Ask another administrator.
admin-disable = Disable account
admin-field-reason = Reason for disabling
admin-field-reason-hint = For example, left the embassy in December 2026. Other administrators will see this
admin-enable-heading = Enable this account
admin-enable-text = They will be able to sign in again with their password and second factor.
admin-enable = Enable account
admin-error-reason-missing = Enter why you are disabling this account
admin-error-reason-too-long = The reason must be 2,000 characters or fewer
admin-error-disable-self = You cannot disable your own account. Ask another administrator
admin-error-reset-self = You cannot reset your own two-factor sign-in. Ask another administrator

# The invitation email and page
admin-email-invite-subject = You are invited to knowbridge as embassy staff
admin-email-invite-body = Hello { $name },
    
    { $inviter } has created a knowbridge embassy staff account for you. Open this link to choose your password:
    
    { $link }
    
    The link works for { $days } days and only once. At your first sign-in you will set up two-factor sign-in with an authenticator app on your phone.
    
    If you were not expecting this email, you can ignore it.
    
    The knowbridge team
admin-invitation-title = Set up your staff account
admin-invitation-lead = Welcome. Choose a password for your embassy staff account.
admin-invitation-account = Your account
admin-invitation-next = Next, you will sign in and set up two-factor sign-in with an authenticator app on your phone.
admin-invitation-submit = Save password and continue
admin-invitation-used-title = This invitation has already been used
admin-invitation-used-body = A password has already been chosen with this link. Sign in with your email address and that password. If you have forgotten it, use “Forgotten your password?” on the sign-in page.
admin-invitation-expired-title = This invitation has expired
admin-invitation-expired-body = Invitation links work for 7 days. Ask the administrator who invited you to send a new invitation.
admin-invitation-invalid-title = This invitation link does not work
admin-invitation-invalid-body = Check that you copied the whole link from the email. If it still does not work, ask the administrator who invited you to send a new invitation.

flash-admin-hub-created = The country hub has been added.
flash-admin-hub-updated = The names of the country hub have been saved.
flash-admin-staff-invited = The account has been created and the invitation sent.
flash-admin-invitation-resent = A new invitation has been sent. The earlier link no longer works.
flash-admin-nothing-to-send = This account has already chosen a password or is disabled, so no invitation was sent.
flash-admin-hubs-saved = The country hubs have been saved.
flash-admin-staff-disabled = The account has been disabled and its sessions ended.
flash-admin-staff-enabled = The account has been enabled.
flash-admin-two-factor-reset = Two-factor sign-in has been reset and their sessions ended.
flash-admin-invitation-accepted = Your password has been saved. Sign in to continue.
