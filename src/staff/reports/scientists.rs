//! `scientists.csv`: one row per expertise profile created in the period, in the hubs where the
//! scientists live. No email address: this report is for counting and reporting upward; staff
//! reach a scientist through a match (see `matches.csv`) or the profile page.

use time::{Date, OffsetDateTime};

use crate::staff::reports::labels::{Labels, day, opt_date, opt_number, opt_text, user_text};
use crate::staff::reports::sheet::Sheet;

#[derive(Debug, sqlx::FromRow)]
pub struct ScientistRow {
    id: i64,
    full_name: String,
    name_reading: Option<String>,
    position: String,
    affiliation: String,
    hub_code: String,
    city: Option<String>,
    highest_degree: Option<String>,
    years_abroad: Option<i32>,
    fields: Vec<String>,
    /// `language:level` pairs.
    languages: Vec<String>,
    engagements: Vec<String>,
    available_hours_per_month: Option<i32>,
    available_from: Option<Date>,
    available_until: Option<Date>,
    willing_to_travel: bool,
    orcid: Option<String>,
    visibility: String,
    suspended: bool,
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
}

impl Sheet for ScientistRow {
    const COLUMNS: &'static [&'static str] = &[
        "reports-col-id",
        "reports-col-full-name",
        "reports-col-name-reading",
        "reports-col-position",
        "reports-col-affiliation",
        "reports-col-hub",
        "reports-col-city",
        "reports-col-degree",
        "reports-col-years-abroad",
        "reports-col-fields",
        "reports-col-languages",
        "reports-col-engagements-offered",
        "reports-col-hours",
        "reports-col-available-from",
        "reports-col-available-until",
        "reports-col-travel",
        "reports-col-orcid",
        "reports-col-visibility",
        "reports-col-account",
        "reports-col-created",
        "reports-col-updated",
    ];

    const SELECT: &'static str = "s.user_id as id, s.full_name, s.name_reading, s.position,
        s.affiliation, s.hub_code, s.city, s.highest_degree, s.years_abroad,
        array(select pf.field_code from profile_fields pf
                join fields f on f.code = pf.field_code
                left join fields a on a.code = f.parent_code
               where pf.user_id = s.user_id
               order by a.sort_order, f.sort_order) as fields,
        array(select pl.language_code || ':' || pl.level from profile_languages pl
                join languages l on l.code = pl.language_code
               where pl.user_id = s.user_id order by l.sort_order) as languages,
        array(select e.kind from profile_engagements e
                join engagement_kinds k on k.code = e.kind
               where e.user_id = s.user_id order by k.sort_order) as engagements,
        s.available_hours_per_month, s.available_from, s.available_until, s.willing_to_travel,
        s.orcid, s.visibility, (u.disabled_at is not null) as suspended, s.created_at,
        s.updated_at";

    /// Filtered on when the profile was created, and on the hub the scientist lives in.
    const FROM: &'static str = "from scientist_profiles s join users u on u.id = s.user_id
        where ($1 or s.hub_code = any($2::text[]))
          and ($3::timestamptz is null or s.created_at >= $3)
          and ($4::timestamptz is null or s.created_at < $4)";

    const ORDER: &'static str = "s.user_id";

    fn cells(&self, labels: &Labels) -> Vec<String> {
        vec![
            self.id.to_string(),
            user_text(&self.full_name),
            opt_text(self.name_reading.as_deref()),
            labels.position(&self.position),
            user_text(&self.affiliation),
            labels.hub(&self.hub_code),
            opt_text(self.city.as_deref()),
            opt_text(self.highest_degree.as_deref()),
            opt_number(self.years_abroad),
            labels.fields(&self.fields),
            labels.languages_with_levels(&self.languages),
            labels.engagements(&self.engagements),
            opt_number(self.available_hours_per_month),
            opt_date(self.available_from),
            opt_date(self.available_until),
            labels.yes_no(self.willing_to_travel),
            opt_text(self.orcid.as_deref()),
            labels.visibility(&self.visibility),
            labels.text(if self.suspended {
                "reports-account-suspended"
            } else {
                "reports-account-active"
            }),
            day(self.created_at),
            day(self.updated_at),
        ]
    }
}
