# The audit log viewer (/staff/audit): filters, the table of events, and the names of actions
# and of the things they concern.

audit-title = Audit log
audit-lead = Every change of state and every staff decision, newest first. Entries cannot be changed or deleted. Times are in UTC.
audit-scope-staff = You see your own actions and the events about organisations, and about the problems, matches and accounts of your hubs.
audit-caption = Events, newest first
audit-col-time = Time
audit-col-actor = By
audit-col-action = Action
audit-col-target = Concerning
audit-col-details = Details
audit-empty = Nothing has been recorded yet.
audit-empty-filtered = No events match these filters. Change or clear the filters.
audit-actor-none = System or deleted account
audit-details-show-all = Show all details
audit-count = Events found: { $count }
audit-count-capped = More than 10,000 events found
audit-capped-hint = Only the newest { $count } can be paged through. Narrow the filters, for example by date, to see older events.

audit-filter-actor = Person
audit-filter-actor-hint = Part of a name or email address
audit-filter-action = Action
audit-filter-target-type = Concerning
audit-filter-target-id = Number of the item
audit-filter-target-id-hint = For example, 42
audit-filter-from = From
audit-filter-to = To
audit-filter-date-hint = Year-month-day, for example 2026-11-03

audit-error-actor-too-long = The person must be 200 characters or fewer
audit-error-target-id-too-long = The number of the item must be 200 characters or fewer
audit-error-from-invalid = Enter the start date as year-month-day, for example 2026-11-03
audit-error-to-invalid = Enter the end date as year-month-day, for example 2026-11-30
audit-error-to-before-from = The end date must be the same as or after the start date

audit-target-user = Account
audit-target-organisation = Organisation
audit-target-problem = Problem
audit-target-match = Match
audit-target-scientist_profile = Expertise profile
audit-target-demo_data = Demo data
audit-target-hub = Country hub

audit-action-admin-created = Administrator created
audit-action-admin-promoted = Made administrator
audit-action-demo-seeded = Demo data loaded
audit-action-match-created = Match started
audit-action-match-accepted = Match accepted
audit-action-match-approved = Match approved by the embassy
audit-action-match-activated = Match active
audit-action-match-completed = Match completed
audit-action-match-declined = Match declined
audit-action-match-rejected = Match rejected by the embassy
audit-action-match-withdrawn = Match withdrawn
audit-action-org-registered = Organisation registered
audit-action-org-verified = Organisation verified
audit-action-org-rejected = Organisation rejected
audit-action-org-member_added = Member added to organisation
audit-action-problem-saved = Problem saved
audit-action-problem-submitted = Problem submitted for review
audit-action-problem-approved = Problem approved
audit-action-problem-changes_requested = Changes requested
audit-action-problem-rejected = Problem rejected
audit-action-problem-closed = Problem closed
audit-action-problem-expired = Problem expired
audit-action-profile-saved = Expertise profile saved
audit-action-user-registered = Account registered
audit-action-user-email_verified = Email address verified
audit-action-user-signed_in = Signed in
audit-action-user-signed_out = Signed out
audit-action-user-password_reset = Password reset
audit-action-user-deleted = Account deleted
audit-action-user-suspended = Account suspended
audit-action-user-restored = Account restored
