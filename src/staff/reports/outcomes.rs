//! `outcomes.csv`: one row per match that ended in the period (completed, declined or
//! withdrawn), filtered on when it ended, which is when its outcome was recorded. A completed
//! match carries its outcome note, an ended one the reason given; no contact data.

use time::OffsetDateTime;

use crate::orgs::model::name_for;
use crate::staff::reports::labels::{Labels, day, days_between, opt_day, opt_text, user_text};
use crate::staff::reports::sheet::Sheet;

#[derive(Debug, sqlx::FromRow)]
pub struct OutcomeRow {
    id: i64,
    ended_at: OffsetDateTime,
    state: String,
    outcome_text: Option<String>,
    problem_id: i64,
    problem_title: String,
    org_name_vi: String,
    org_name_en: String,
    org_name_ja: Option<String>,
    problem_status: String,
    problem_outcome: Option<String>,
    scientist_id: i64,
    scientist_name: String,
    scientist_hub: String,
    origin: String,
    engagement_kind: Option<String>,
    created_at: OffsetDateTime,
    activated_at: Option<OffsetDateTime>,
}

impl Sheet for OutcomeRow {
    const COLUMNS: &'static [&'static str] = &[
        "reports-col-id",
        "reports-col-ended",
        "reports-col-result",
        "reports-col-outcome-or-reason",
        "reports-col-problem-id",
        "reports-col-problem",
        "reports-col-org",
        "reports-col-problem-status",
        "reports-col-problem-outcome",
        "reports-col-scientist-id",
        "reports-col-scientist",
        "reports-col-scientist-hub",
        "reports-col-origin",
        "reports-col-engagement",
        "reports-col-match-created",
        "reports-col-activated",
        "reports-col-days-to-active",
        "reports-col-days-active",
    ];

    /// A match becomes active when the last of its three consents is given.
    const SELECT: &'static str = "m.id, coalesce(m.ended_at, m.updated_at) as ended_at, m.state,
        case when m.state = 'completed' then m.outcome_note else m.end_reason end
            as outcome_text,
        m.problem_id, p.title as problem_title, o.name_vi as org_name_vi,
        o.name_en as org_name_en, o.name_ja as org_name_ja, p.status as problem_status,
        p.outcome as problem_outcome, m.scientist_id, s.full_name as scientist_name,
        s.hub_code as scientist_hub, m.origin, m.engagement_kind, m.created_at,
        case when m.scientist_consent_at is not null and m.owner_consent_at is not null
                  and m.staff_consent_at is not null
             then greatest(m.scientist_consent_at, m.owner_consent_at, m.staff_consent_at)
        end as activated_at";

    const FROM: &'static str = "from matches m
        join problems p on p.id = m.problem_id
        join organisations o on o.id = p.org_id
        join scientist_profiles s on s.user_id = m.scientist_id
        where m.state in ('completed', 'declined', 'withdrawn')
          and ($1 or cardinality(p.target_hubs) = 0 or p.target_hubs && $2::text[])
          and ($3::timestamptz is null or coalesce(m.ended_at, m.updated_at) >= $3)
          and ($4::timestamptz is null or coalesce(m.ended_at, m.updated_at) < $4)";

    const ORDER: &'static str = "coalesce(m.ended_at, m.updated_at), m.id";

    fn cells(&self, labels: &Labels) -> Vec<String> {
        let (org, _) = name_for(
            labels.locale,
            &self.org_name_vi,
            &self.org_name_en,
            self.org_name_ja.as_deref(),
        );
        let completed = self.state == "completed";
        vec![
            self.id.to_string(),
            day(self.ended_at),
            labels.match_state(&self.state),
            opt_text(self.outcome_text.as_deref()),
            self.problem_id.to_string(),
            user_text(&self.problem_title),
            user_text(org),
            labels.problem_status(&self.problem_status),
            labels.problem_outcome(self.problem_outcome.as_deref()),
            self.scientist_id.to_string(),
            user_text(&self.scientist_name),
            labels.hub(&self.scientist_hub),
            labels.origin(&self.origin),
            labels.engagement(self.engagement_kind.as_deref()),
            day(self.created_at),
            opt_day(self.activated_at),
            days_between(Some(self.created_at), self.activated_at),
            if completed {
                days_between(self.activated_at, Some(self.ended_at))
            } else {
                String::new()
            },
        ]
    }
}
