//! `GET /staff/reports`: the four reports with what each contains and how many rows it has for
//! the chosen days and hub, and a form that applies those filters or downloads one report.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use sqlx::PgConnection;

use crate::error::AppResult;
use crate::i18n::{Locale, format_date};
use crate::staff::reports::matches::MatchRow;
use crate::staff::reports::outcomes::OutcomeRow;
use crate::staff::reports::params::{DateRange, Filter, HubChoice, ReportName, ReportQuery};
use crate::staff::reports::problems::ProblemRow;
use crate::staff::reports::scientists::ScientistRow;
use crate::staff::reports::sheet::count;
use crate::staff::scope::HubScope;
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::StaffUser;
use crate::web::redirect::see_other;
use crate::web::render::page_with_status;

#[derive(Template)]
#[template(path = "staff/reports.html")]
pub struct ReportsPage<'a> {
    pub ctx: &'a RequestContext,
    pub errors: FieldErrors,
    pub form: ReportQuery,
    pub report_options: Vec<Choice>,
    pub hub_options: Vec<Choice>,
    pub reports: Vec<ReportRow>,
    /// The days and hub the counts are for; empty while the form has errors.
    pub period: String,
}

pub struct Choice {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

pub struct ReportRow {
    pub title: String,
    pub about: String,
    /// Rows for the chosen filters, and the link with them; none while the form has errors.
    pub count: Option<String>,
    pub href: Option<String>,
}

pub async fn show(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<ReportQuery>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let scope = HubScope::load(&mut conn, &user).await?;
    let hubs = HubChoice::resolve(&scope, &query.hub)?;
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let locale = ctx.locale;

    // Errors in the order of the fields: the dates, then the report.
    let mut errors = FieldErrors::new();
    let range = DateRange::parse(&query.from, &query.to);
    if let Err(date_errors) = &range {
        for e in date_errors.iter() {
            errors.add(e.field.clone(), e.message_key);
        }
    }
    let chosen = ReportName::parse(query.report.trim());
    let downloading = query.action == "download";
    if downloading && chosen.is_none() {
        errors.add("report", "reports-error-report-missing");
    }
    if let (true, Some(name), Ok(_)) = (errors.is_empty() && downloading, chosen, &range) {
        return Ok(see_other(&query.csv_href(name)));
    }

    let hub_label = match &hubs.chosen {
        Some(code) => Taxonomy::label_in(&taxonomy.hubs, code, locale).to_string(),
        None => ctx.t("reports-hub-all"),
    };
    let (reports, period) = match range {
        Ok(range) => {
            let filter = Filter::new(&hubs, &range);
            let reports = report_rows(&mut conn, &ctx, &query, Some(&filter)).await?;
            (
                reports,
                format!("{} · {hub_label}", period_text(locale, &range)),
            )
        }
        Err(_) => (
            report_rows(&mut conn, &ctx, &query, None).await?,
            String::new(),
        ),
    };
    let page = ReportsPage {
        ctx: &ctx,
        report_options: ReportName::ALL
            .iter()
            .map(|r| Choice {
                code: r.code().into(),
                label: ctx.t(r.title_key()),
                selected: chosen == Some(*r),
            })
            .collect(),
        hub_options: scope
            .hubs
            .iter()
            .map(|code| Choice {
                code: code.clone(),
                label: Taxonomy::label_in(&taxonomy.hubs, code, locale).to_string(),
                selected: hubs.chosen.as_deref() == Some(code.as_str()),
            })
            .collect(),
        errors,
        form: query,
        reports,
        period,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(page_with_status(status, &page))
}

/// The four reports; with a filter, their row counts and download links.
async fn report_rows(
    conn: &mut PgConnection,
    ctx: &RequestContext,
    query: &ReportQuery,
    filter: Option<&Filter>,
) -> sqlx::Result<Vec<ReportRow>> {
    let mut rows = Vec::new();
    for name in ReportName::ALL {
        let count = match filter {
            None => None,
            Some(filter) => Some(match name {
                ReportName::Scientists => count::<ScientistRow>(conn, filter).await?,
                ReportName::Problems => count::<ProblemRow>(conn, filter).await?,
                ReportName::Matches => count::<MatchRow>(conn, filter).await?,
                ReportName::Outcomes => count::<OutcomeRow>(conn, filter).await?,
            }),
        };
        rows.push(ReportRow {
            title: ctx.t(name.title_key()),
            about: ctx.t(name.about_key()),
            count: count.map(|n| group_digits(ctx.locale, n)),
            href: filter.map(|_| query.csv_href(name)),
        });
    }
    Ok(rows)
}

/// "From 1 March 2026 to 31 March 2026", or "All dates" and the one-sided variants.
fn period_text(locale: Locale, range: &DateRange) -> String {
    let show = |d: time::Date| format_date(locale, d.midnight().assume_utc());
    match (range.from, range.to) {
        (None, None) => locale.t("reports-period-all"),
        (Some(from), None) => locale.t_args("reports-period-from", &[("from", &show(from))]),
        (None, Some(to)) => locale.t_args("reports-period-to", &[("to", &show(to))]),
        (Some(from), Some(to)) => locale.t_args(
            "reports-period-between",
            &[("from", &show(from)), ("to", &show(to))],
        ),
    }
}

/// 100000 → "100,000" (en, ja) or "100.000" (vi).
fn group_digits(locale: Locale, n: i64) -> String {
    let separator = match locale {
        Locale::Vi => '.',
        Locale::Ja | Locale::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_as_each_language_writes_them() {
        assert_eq!(group_digits(Locale::En, 100_000), "100,000");
        assert_eq!(group_digits(Locale::Vi, 1_234_567), "1.234.567");
        assert_eq!(group_digits(Locale::Ja, 999), "999");
        assert_eq!(group_digits(Locale::En, 0), "0");
    }
}
