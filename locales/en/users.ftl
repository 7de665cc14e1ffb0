# User management for staff (/staff/users): finding accounts, one account's page, suspending
# and restoring.

users-title = Users
users-lead = Find an account by name or email address, see its role and state, and suspend or restore it.
users-scope-staff = You see the scientists and problem owners of your hubs, accounts not yet linked to any hub, and staff accounts.
users-filter-q = Name or email address
users-filter-q-hint = Part of the name or email address is enough
users-filter-role = Role
users-filter-account = Account
users-filter-account-active = Active
users-filter-account-suspended = Suspended
users-count = Accounts found: { $count }
users-caption = Accounts, newest first
users-col-name = Name
users-col-role = Role
users-col-email-verified = Email verification
users-col-account = Account
users-col-registered = Registered
users-empty = No account matches. Try part of the name or email address, or clear the filters.
users-verified = Verified
users-not-verified = Not verified
users-active = Active
users-suspended = Suspended
users-error-q-too-long = The name or email address must be 200 characters or fewer

users-account-caption = Account
users-email = Email address
users-hub = Country hub
users-profile = Expertise profile
users-profile-open = Open the expertise profile
users-orgs = Organisations
users-orgs-none = Not a member of any organisation
users-language = Preferred language
users-last-sign-in = Last signed in
users-never-signed-in = No sign-in recorded
users-suspended-since = Suspended since
users-suspension-reason = Reason for the suspension

users-suspend-heading = Suspend this account
users-suspend-text = The person is signed out at once on every device and cannot sign in until the account is restored. Their profile, problems and matches are kept.
users-suspend-reason = Reason for suspending
users-suspend-button = Suspend account
users-restore-heading = Restore this account
users-restore-text = The person can sign in again straight away.
users-restore-reason = Reason for restoring
users-restore-button = Restore account
users-reason-hint = Recorded in the audit log. 2,000 characters at most
users-managed-by-admins = Staff and administrator accounts are managed by administrators, not on this page.

users-history-caption = Account history
users-history-reason = Reason
users-history-empty = Nothing recorded yet apart from sign-ins.
users-history-all = See every event about this account in the audit log
users-back-to-list = Back to users

users-error-reason-missing-suspend = Enter the reason for suspending the account
users-error-reason-missing-restore = Enter the reason for restoring the account
users-error-reason-too-long = The reason must be 2,000 characters or fewer

users-stale-title = The account has already changed
users-stale-body = Someone suspended or restored this account after you opened the page. Nothing was changed. Open the account again to see its state.

flash-users-suspended = The account has been suspended and its sessions have ended.
flash-users-restored = The account has been restored. The person can sign in again.
