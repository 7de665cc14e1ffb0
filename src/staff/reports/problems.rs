//! `problems.csv`: one row per technology problem created in the period, drafts left out (they
//! are their authors' unfinished work). No personal data: the organisation, not its people.

use time::{Date, OffsetDateTime};

use crate::orgs::model::name_for;
use crate::staff::reports::labels::{
    Labels, day, opt_date, opt_day, opt_number, opt_text, user_text,
};
use crate::staff::reports::sheet::Sheet;

#[derive(Debug, sqlx::FromRow)]
pub struct ProblemRow {
    id: i64,
    title: String,
    org_name_vi: String,
    org_name_en: String,
    org_name_ja: Option<String>,
    org_kind: String,
    status: String,
    confidentiality: String,
    fields: Vec<String>,
    engagements: Vec<String>,
    languages: Vec<String>,
    mechanism: Option<String>,
    target_hubs: Vec<String>,
    budget_min: Option<i64>,
    budget_max: Option<i64>,
    currency: Option<String>,
    location: Option<String>,
    duration_months: Option<i32>,
    deadline: Option<Date>,
    created_at: OffsetDateTime,
    submitted_at: Option<OffsetDateTime>,
    published_at: Option<OffsetDateTime>,
    closed_at: Option<OffsetDateTime>,
    outcome: Option<String>,
    outcome_note: Option<String>,
    matches_total: i64,
    matches_agreed: i64,
}

impl Sheet for ProblemRow {
    const COLUMNS: &'static [&'static str] = &[
        "reports-col-id",
        "reports-col-title",
        "reports-col-org",
        "reports-col-org-kind",
        "reports-col-status",
        "reports-col-confidentiality",
        "reports-col-fields",
        "reports-col-engagements-sought",
        "reports-col-working-languages",
        "reports-col-mechanism",
        "reports-col-target-hubs",
        "reports-col-budget-min",
        "reports-col-budget-max",
        "reports-col-currency",
        "reports-col-location",
        "reports-col-duration",
        "reports-col-deadline",
        "reports-col-created",
        "reports-col-submitted",
        "reports-col-published",
        "reports-col-closed",
        "reports-col-problem-outcome",
        "reports-col-outcome-note",
        "reports-col-matches",
        "reports-col-matches-agreed",
    ];

    const SELECT: &'static str = "p.id, p.title, o.name_vi as org_name_vi,
        o.name_en as org_name_en, o.name_ja as org_name_ja, o.kind as org_kind, p.status,
        p.confidentiality,
        array(select pf.field_code from problem_fields pf
                join fields f on f.code = pf.field_code
                left join fields a on a.code = f.parent_code
               where pf.problem_id = p.id order by a.sort_order, f.sort_order) as fields,
        array(select e.kind from problem_engagements e
                join engagement_kinds k on k.code = e.kind
               where e.problem_id = p.id order by k.sort_order) as engagements,
        array(select pl.language_code from problem_languages pl
                join languages l on l.code = pl.language_code
               where pl.problem_id = p.id order by l.sort_order) as languages,
        p.mechanism, p.target_hubs, p.budget_min, p.budget_max, p.currency, p.location,
        p.duration_months, p.deadline, p.created_at, p.submitted_at, p.published_at,
        p.closed_at, p.outcome, p.outcome_note,
        (select count(*) from matches m where m.problem_id = p.id) as matches_total,
        (select count(*) from matches m
          where m.problem_id = p.id and m.state in ('active', 'completed')) as matches_agreed";

    /// Filtered on when the problem was created; a problem for every hub (no target hubs)
    /// belongs to each hub.
    const FROM: &'static str = "from problems p join organisations o on o.id = p.org_id
        where p.status <> 'draft'
          and ($1 or cardinality(p.target_hubs) = 0 or p.target_hubs && $2::text[])
          and ($3::timestamptz is null or p.created_at >= $3)
          and ($4::timestamptz is null or p.created_at < $4)";

    const ORDER: &'static str = "p.id";

    fn cells(&self, labels: &Labels) -> Vec<String> {
        let (org, _) = name_for(
            labels.locale,
            &self.org_name_vi,
            &self.org_name_en,
            self.org_name_ja.as_deref(),
        );
        vec![
            self.id.to_string(),
            user_text(&self.title),
            user_text(org),
            labels.org_kind(&self.org_kind),
            labels.problem_status(&self.status),
            labels.confidentiality(&self.confidentiality),
            labels.fields(&self.fields),
            labels.engagements(&self.engagements),
            labels.languages(&self.languages),
            labels.mechanism(self.mechanism.as_deref()),
            labels.target_hubs(&self.target_hubs),
            opt_number(self.budget_min),
            opt_number(self.budget_max),
            self.currency.clone().unwrap_or_default(),
            opt_text(self.location.as_deref()),
            opt_number(self.duration_months),
            opt_date(self.deadline),
            day(self.created_at),
            opt_day(self.submitted_at),
            opt_day(self.published_at),
            opt_day(self.closed_at),
            labels.problem_outcome(self.outcome.as_deref()),
            opt_text(self.outcome_note.as_deref()),
            self.matches_total.to_string(),
            self.matches_agreed.to_string(),
        ]
    }
}
