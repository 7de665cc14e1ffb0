//! `matches.csv`: one row per match created in the period, in the hubs of its problem.
//!
//! The one report with contact data: staff coordinate the scientist and the problem owner while
//! a match is in progress, so for pending and active matches it carries the scientist's email
//! and the name and email of the problem's author. Once a match has ended the SQL leaves them
//! out (null), so they never leave the database.

use time::OffsetDateTime;

use crate::orgs::model::name_for;
use crate::staff::reports::labels::{Labels, day, opt_day, opt_text, user_text};
use crate::staff::reports::sheet::Sheet;

#[derive(Debug, sqlx::FromRow)]
pub struct MatchRow {
    id: i64,
    created_at: OffsetDateTime,
    origin: String,
    engagement_kind: Option<String>,
    state: String,
    problem_id: i64,
    problem_title: String,
    org_name_vi: String,
    org_name_en: String,
    org_name_ja: Option<String>,
    scientist_id: i64,
    scientist_name: String,
    scientist_hub: String,
    scientist_consent_at: Option<OffsetDateTime>,
    owner_consent_at: Option<OffsetDateTime>,
    staff_consent_at: Option<OffsetDateTime>,
    ended_at: Option<OffsetDateTime>,
    conflict_of_interest: bool,
    scientist_email: Option<String>,
    owner_contact_name: Option<String>,
    owner_contact_email: Option<String>,
}

impl Sheet for MatchRow {
    const COLUMNS: &'static [&'static str] = &[
        "reports-col-id",
        "reports-col-match-created",
        "reports-col-origin",
        "reports-col-engagement",
        "reports-col-state",
        "reports-col-problem-id",
        "reports-col-problem",
        "reports-col-org",
        "reports-col-scientist-id",
        "reports-col-scientist",
        "reports-col-scientist-hub",
        "reports-col-consent-scientist",
        "reports-col-consent-owner",
        "reports-col-consent-staff",
        "reports-col-ended",
        "reports-col-conflict",
        "reports-col-scientist-email",
        "reports-col-owner-contact",
        "reports-col-owner-email",
    ];

    const SELECT: &'static str = "m.id, m.created_at, m.origin, m.engagement_kind, m.state,
        m.problem_id, p.title as problem_title, o.name_vi as org_name_vi,
        o.name_en as org_name_en, o.name_ja as org_name_ja, m.scientist_id,
        s.full_name as scientist_name, s.hub_code as scientist_hub, m.scientist_consent_at,
        m.owner_consent_at, m.staff_consent_at, m.ended_at, m.conflict_of_interest,
        case when m.state in ('pending', 'active') then su.email end as scientist_email,
        case when m.state in ('pending', 'active') then au.display_name end
            as owner_contact_name,
        case when m.state in ('pending', 'active') then au.email end as owner_contact_email";

    /// Filtered on when the match was created; its hubs are its problem's.
    const FROM: &'static str = "from matches m
        join problems p on p.id = m.problem_id
        join organisations o on o.id = p.org_id
        join scientist_profiles s on s.user_id = m.scientist_id
        join users su on su.id = m.scientist_id
        left join users au on au.id = p.author_id
        where ($1 or cardinality(p.target_hubs) = 0 or p.target_hubs && $2::text[])
          and ($3::timestamptz is null or m.created_at >= $3)
          and ($4::timestamptz is null or m.created_at < $4)";

    const ORDER: &'static str = "m.id";

    fn cells(&self, labels: &Labels) -> Vec<String> {
        let (org, _) = name_for(
            labels.locale,
            &self.org_name_vi,
            &self.org_name_en,
            self.org_name_ja.as_deref(),
        );
        vec![
            self.id.to_string(),
            day(self.created_at),
            labels.origin(&self.origin),
            labels.engagement(self.engagement_kind.as_deref()),
            labels.match_state(&self.state),
            self.problem_id.to_string(),
            user_text(&self.problem_title),
            user_text(org),
            self.scientist_id.to_string(),
            user_text(&self.scientist_name),
            labels.hub(&self.scientist_hub),
            opt_day(self.scientist_consent_at),
            opt_day(self.owner_consent_at),
            opt_day(self.staff_consent_at),
            opt_day(self.ended_at),
            labels.yes_no(self.conflict_of_interest),
            opt_text(self.scientist_email.as_deref()),
            opt_text(self.owner_contact_name.as_deref()),
            opt_text(self.owner_contact_email.as_deref()),
        ]
    }
}
