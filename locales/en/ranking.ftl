# Matching candidates for a problem and recommended problems for a scientist, with the reasons
# and the points each part of the score gave.

nav-recommendations = Recommended problems

ranking-candidates-title = Matching candidates
ranking-candidates-lead = Scientists and experts ranked by how well they fit this problem, with the reasons. Only scientists who offer at least one kind of engagement the problem seeks are listed.
ranking-candidates-count = { $count } found
ranking-candidates-empty = No scientist fits this problem yet. Try clearing the filters.
ranking-back-to-problem = Back to the problem
ranking-not-published-title = Candidates are shown for published problems
ranking-not-published-body = Candidates are found once the embassy has published the problem, and not after it has closed or expired.
ranking-filter-engagement = Kind of engagement
ranking-filter-position = Position
ranking-conflict = Possible conflict of interest
ranking-conflict-hint = Their affiliation has the name of the organisation that owns the problem
ranking-capped = Only the best 300 are listed.

ranking-recommendations-title = Recommended problems
ranking-recommendations-lead = Open technology problems ranked by how well they fit your expertise profile, with the reasons.
ranking-recommendations-count = { $count } found
ranking-recommendations-empty = No open problem fits your profile yet. Add fields, keywords and kinds of engagement to your profile to find more.
ranking-improve-profile = Improve your expertise profile
ranking-no-profile-title = Save your expertise profile first
ranking-no-profile-body = Problems are recommended from your fields, keywords, kinds of engagement and languages.
ranking-no-profile-link = Write your expertise profile

ranking-score = Score: { $score } out of 100
ranking-why-fields = Fields in common
ranking-why-area = Related fields in the same area
ranking-why-keywords = Keywords in common
ranking-why-kinds = Kinds of engagement in common
ranking-why-languages = Working languages in common
ranking-why-availability = Availability
ranking-none = None
ranking-availability-overlaps = Available during the problem's time frame
ranking-availability-outside = Not available during the problem's time frame
ranking-availability-not-given = Not stated
ranking-parts-open = How the score is made up
ranking-parts-term = Part of the score
ranking-parts-points = Points
ranking-parts-weight = Out of
ranking-term-fields = Fields
ranking-term-text = Expertise text
ranking-term-keywords = Keywords
ranking-term-engagement = Kinds of engagement
ranking-term-languages = Working languages
ranking-term-availability = Availability
ranking-term-hub = Country hub

ranking-live-match = There is already a match:
ranking-match-pending = Waiting for consent
ranking-match-active = Active
ranking-open-match = View the match
ranking-note-hint = Up to 2,000 characters
ranking-invite-open = Invite
ranking-invite-note = Why you invite them and what you hope they can do
ranking-invite = Send invitation
ranking-propose-open = Propose a match
ranking-propose-note = Why this scientist fits the problem
ranking-propose = Propose match
ranking-interest-open = Express interest
ranking-interest-kind = How you would contribute
ranking-interest-kind-hint = The kinds of engagement the problem seeks and you offer
ranking-interest-kind-choose = Choose a kind of engagement
ranking-interest-note = What you can offer
ranking-interest = Send expression of interest
