# Staff dashboard (GET /staff): figures and charts for the reader's hubs.

dash-title = Dashboard
dash-lead = Figures for { $scope } on { $date }. Each chart is followed by its data table and a link to the matching CSV report.
dash-no-hubs = You are not assigned to a country hub yet, so these figures count only the problems open to every hub. An administrator can assign your hubs.
dash-hub-label = Country hub
dash-hub-any = All your hubs
dash-hub-any-admin = All hubs
dash-show-table = Show the data table

dash-h-key = Key figures
dash-h-scientists = Scientists
dash-h-orgs = Organisations
dash-h-problems = Technology problems
dash-h-matches = Matches
dash-h-funnel = From problem to result
dash-h-time = Time taken
dash-h-activity = The last 12 months
dash-stages-heading = What each stage counts

dash-scope-all = all hubs
dash-scope-none = no hub
dash-scope-hub = the { $hub } hub
dash-scope-hubs = the hubs { $hubs }

dash-csv-scientists = Download the scientists report (CSV)
dash-csv-problems = Download the problems report (CSV)
dash-csv-matches = Download the matches report (CSV)
dash-csv-outcomes = Download the outcomes report (CSV)

dash-sub-sci-area = Scientists by field area, { $scope }, { $date }
dash-sub-sci-position = Scientists by position, { $scope }, { $date }
dash-sub-org-status = Organisations by verification status, whole platform, { $date }
dash-sub-org-kind = Organisations by kind, whole platform, { $date }
dash-sub-problem-status = Technology problems by status, { $scope }, { $date }
dash-sub-problem-kind = Technology problems by kind of organisation, { $scope }, { $date }
dash-sub-match-state = Matches by state, { $scope }, { $date }
dash-sub-match-kind = Matches by engagement kind, { $scope }, { $date }
dash-sub-funnel = Published technology problems by how far they got, { $scope }, { $date }
dash-sub-activity = Per month, { $scope }, { $from } to { $to }; each series has its own scale

dash-col-area = Field area
dash-col-position = Position
dash-col-status = Status
dash-col-org-kind = Kind of organisation
dash-col-state = State
dash-col-engagement = Engagement kind
dash-col-stage = Stage
dash-col-share = Share of published problems
dash-col-month = Month
dash-col-scientists = Scientists
dash-col-orgs = Organisations
dash-col-problems = Problems
dash-col-matches = Matches

dash-note-sci-area = A scientist with fields in several areas is counted once in each of them.
dash-note-orgs = Organisations do not belong to a hub: these figures cover the whole platform, whichever hub you choose.
dash-no-field = No field given
dash-not-given = Not given

dash-headline-none = Nothing to count yet
dash-headline-largest = Largest group: { $label } ({ $count })
dash-headline-org-status = Verified organisations: { $verified } of { $total }
dash-headline-problem-status = Problems open to scientists: { $open }
dash-headline-match-state = Active matches: { $active }; completed: { $completed } (of { $total })
dash-headline-funnel = { $share } of published problems reached an active match ({ $count } of { $total })
dash-headline-activity = Last 12 months – new scientists: { $scientists }; problems published: { $problems }; matches created: { $matches }

dash-kind-bar = Bar chart: { $subtitle }
dash-kind-funnel = Funnel shown as bars: { $subtitle }
dash-kind-columns = Column charts: { $subtitle }
dash-desc = { $values }. The data table below the chart gives the same figures.
dash-desc-activity = Totals over the 12 months: { $values }. The data table below the chart gives every month.

dash-fig-scientists = Scientists
dash-fig-orgs-verified = Verified organisations
dash-fig-problems-open = Problems open to scientists
dash-fig-matches-active = Active matches
dash-fig-matches-completed = Completed matches

dash-stage-published = Published
dash-stage-published-def = Problems ever published for these hubs, including those since closed or expired.
dash-stage-candidates = With candidates
dash-stage-candidates-def = At least one scientist offers an engagement kind the problem seeks and works in one of its fields or in the same field area, or a match has already started.
dash-stage-interest = With interest
dash-stage-interest-def = A scientist has said yes: expressed interest, or accepted an invitation or a staff proposal.
dash-stage-active = With an active match
dash-stage-active-def = All three parties approved a match (it is active, or completed since).
dash-stage-completed = With a completed match
dash-stage-completed-def = A match was completed with an outcome.

dash-days = { $days } days
dash-median-none = No cases yet
dash-median-publish = Median time from submission to publication
dash-median-publish-note = Problems first published in the last 12 months: { $count }. Counted from their first submission, including any rounds of changes.
dash-median-activate = Median time from match creation to activation
dash-median-activate-note = Matches that became active in the last 12 months: { $count }.

dash-series-scientists = New scientists
dash-series-published = Problems published
dash-series-created = Matches created
dash-series-activated = Matches activated
dash-month-long = { $m ->
    [m1] January
    [m2] February
    [m3] March
    [m4] April
    [m5] May
    [m6] June
    [m7] July
    [m8] August
    [m9] September
    [m10] October
    [m11] November
    [m12] December
   *[other] { $month }
  } { $year }
dash-month-short = { $m ->
    [m1] Jan
    [m2] Feb
    [m3] Mar
    [m4] Apr
    [m5] May
    [m6] Jun
    [m7] Jul
    [m8] Aug
    [m9] Sep
    [m10] Oct
    [m11] Nov
    [m12] Dec
   *[other] { $month }
  }
dash-year = { $year }
