//! The dashboard page: figures turned into charts, tables and sentences in the reader's
//! language. Nothing here touches the database.

use askama::Template;
use time::{Date, Month, OffsetDateTime};

use crate::i18n::{Locale, format_date};
use crate::matches::model::State as MatchState;
use crate::matches::ranking::views::number;
use crate::orgs::model::{OrgKind, OrgStatus};
use crate::problems::model::Status;
use crate::problems::views::format_amount;
use crate::staff::dashboard::charts::{
    self, BarInput, BarLayout, ColumnLayout, PanelInput, YearInput,
};
use crate::staff::dashboard::queries::{ActivityRow, Count, Figures, counts_of};
use crate::taxonomy::{Taxonomy, Term};
use crate::web::context::RequestContext;

/// A headline figure above the charts (`data-figure` = `id`, `data-value` = `raw`).
pub struct FigureView {
    pub id: &'static str,
    pub label: String,
    pub value: String,
    pub raw: String,
    pub note: String,
}

/// One category of a bar chart and a row of its data table.
pub struct Row {
    pub code: String,
    pub label: String,
    pub value: i64,
    pub value_text: String,
    pub share_text: Option<String>,
}

pub struct CsvLink {
    pub href: String,
    pub text: String,
}

pub struct BarChart {
    pub id: &'static str,
    pub headline: String,
    pub subtitle: String,
    /// The SVG's `<title>`: the kind of chart and the subtitle.
    pub title: String,
    /// The SVG's `<desc>`: every value in a sentence, and that a table follows.
    pub desc: String,
    pub category_header: String,
    pub value_header: String,
    pub share_header: Option<String>,
    pub rows: Vec<Row>,
    pub layout: BarLayout,
    pub note: Option<String>,
    pub csv: Vec<CsvLink>,
}

pub struct SeriesHeader {
    pub code: &'static str,
    pub label: String,
}

pub struct Cell {
    pub series: &'static str,
    pub value: i64,
    pub text: String,
}

pub struct MonthRow {
    /// `YYYY-MM`.
    pub code: String,
    pub label: String,
    pub cells: Vec<Cell>,
}

pub struct ColumnChart {
    pub id: &'static str,
    pub headline: String,
    pub subtitle: String,
    pub title: String,
    pub desc: String,
    pub month_header: String,
    pub series: Vec<SeriesHeader>,
    pub rows: Vec<MonthRow>,
    pub layout: ColumnLayout,
    pub csv: Vec<CsvLink>,
}

pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub note: Option<String>,
    pub charts: Vec<BarChart>,
}

pub struct HubOption {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

pub struct HubFilter {
    pub any_label: String,
    pub options: Vec<HubOption>,
}

/// A funnel stage's name and what it counts.
pub struct StageTerm {
    pub label: String,
    pub definition: String,
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
pub struct DashboardPage<'a> {
    pub ctx: &'a RequestContext,
    pub lead: String,
    pub no_hubs: bool,
    pub hub_filter: Option<HubFilter>,
    pub figures: Vec<FigureView>,
    pub sections: Vec<Section>,
    pub funnel: BarChart,
    pub stages: Vec<StageTerm>,
    pub medians: Vec<FigureView>,
    /// The outcomes report over the window of the medians.
    pub medians_csv: CsvLink,
    pub activity: ColumnChart,
}

/// What the page counts and for whom: the inputs of [`build`] besides the figures.
pub struct Frame<'a> {
    pub locale: Locale,
    pub taxonomy: &'a Taxonomy,
    /// The hubs counted (empty with `all`).
    pub hubs: &'a [String],
    pub all: bool,
    /// The hub chosen in the filter, passed on to the CSV reports.
    pub chosen: Option<&'a str>,
    /// The reader's own hubs, for the filter (`None`: no filter is shown).
    pub filter_hubs: Option<(&'a [String], bool)>,
    pub now: OffsetDateTime,
    /// First day of the first month of the twelve-month window.
    pub since: Date,
}

impl Frame<'_> {
    fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    fn t_args(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.locale.t_args(key, args)
    }

    fn count(&self, n: i64) -> String {
        format_amount(self.locale, n)
    }

    fn hub_name(&self, code: &str) -> String {
        Taxonomy::label_in(&self.taxonomy.hubs, code, self.locale).to_string()
    }

    /// "all hubs", "the Japan hub", "hubs: Japan, Korea", "no hub".
    fn scope_text(&self) -> String {
        if self.all {
            return self.t("dash-scope-all");
        }
        match self.hubs {
            [] => self.t("dash-scope-none"),
            [one] => self.t_args("dash-scope-hub", &[("hub", &self.hub_name(one))]),
            many => {
                let names: Vec<String> = many.iter().map(|h| self.hub_name(h)).collect();
                self.t_args("dash-scope-hubs", &[("hubs", &names.join(", "))])
            }
        }
    }

    fn today(&self) -> String {
        format_date(self.locale, self.now)
    }

    /// A subtitle: what is counted, for which hubs, when.
    fn subtitle(&self, key: &str) -> String {
        self.t_args(
            key,
            &[("scope", &self.scope_text()), ("date", &self.today())],
        )
    }

    fn csv(&self, report: &str, range: bool) -> CsvLink {
        let mut query: Vec<(&str, String)> = Vec::new();
        if range {
            query.push(("from", self.since.to_string()));
            query.push(("to", self.now.date().to_string()));
        }
        if let Some(hub) = self.chosen {
            query.push(("hub", hub.to_string()));
        }
        let query = serde_urlencoded::to_string(&query).unwrap_or_default();
        let href = if query.is_empty() {
            format!("/staff/reports/{report}.csv")
        } else {
            format!("/staff/reports/{report}.csv?{query}")
        };
        CsvLink {
            href,
            text: self.t(&format!("dash-csv-{report}")),
        }
    }
}

/// How a bar chart orders its categories.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Largest first (ties in the list's own order): for categories without a natural order.
    Largest,
    /// The list's order: statuses and states follow their life cycle.
    Given,
}

/// The specification of one bar chart, before it is laid out.
struct BarSpec<'a> {
    id: &'static str,
    subtitle_key: &'static str,
    category_key: &'static str,
    value_key: &'static str,
    /// Every category as (code, label), in the list's order.
    categories: Vec<(String, String)>,
    counts: Vec<(String, i64)>,
    order: Order,
    headline: Headline<'a>,
    note: Option<String>,
    csv: Vec<CsvLink>,
}

enum Headline<'a> {
    /// "Largest group: X (n)".
    Largest,
    /// A sentence of its own with the counts of some categories as arguments.
    Counts(&'static str, &'a [(&'static str, &'static str)]),
}

pub fn build<'a>(ctx: &'a RequestContext, frame: &Frame, figures: &Figures) -> DashboardPage<'a> {
    let f = frame;
    let scientists_total = counts_of(&figures.scientists, "total")
        .first()
        .map_or(0, |(_, n)| *n);
    let sections = vec![
        Section {
            id: "dash-scientists",
            heading: f.t("dash-h-scientists"),
            note: None,
            charts: vec![
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-sci-area",
                        subtitle_key: "dash-sub-sci-area",
                        category_key: "dash-col-area",
                        value_key: "dash-col-scientists",
                        categories: area_categories(f),
                        counts: counts_of(&figures.scientists, "area"),
                        order: Order::Largest,
                        headline: Headline::Largest,
                        note: Some(f.t("dash-note-sci-area")),
                        csv: vec![f.csv("scientists", false)],
                    },
                ),
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-sci-position",
                        subtitle_key: "dash-sub-sci-position",
                        category_key: "dash-col-position",
                        value_key: "dash-col-scientists",
                        categories: terms(&f.taxonomy.positions, f.locale),
                        counts: counts_of(&figures.scientists, "position"),
                        order: Order::Largest,
                        headline: Headline::Largest,
                        note: None,
                        csv: vec![f.csv("scientists", false)],
                    },
                ),
            ],
        },
        Section {
            id: "dash-orgs",
            heading: f.t("dash-h-orgs"),
            note: Some(f.t("dash-note-orgs")),
            charts: vec![
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-org-status",
                        subtitle_key: "dash-sub-org-status",
                        category_key: "dash-col-status",
                        value_key: "dash-col-orgs",
                        categories: ["unverified", "verified", "rejected"]
                            .into_iter()
                            .map(|c| (c.to_string(), f.t(OrgStatus::parse(c).label_key())))
                            .collect(),
                        counts: counts_of(&figures.organisations, "status"),
                        order: Order::Given,
                        headline: Headline::Counts(
                            "dash-headline-org-status",
                            &[("verified", "verified")],
                        ),
                        note: None,
                        csv: vec![f.csv("problems", false)],
                    },
                ),
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-org-kind",
                        subtitle_key: "dash-sub-org-kind",
                        category_key: "dash-col-org-kind",
                        value_key: "dash-col-orgs",
                        categories: org_kinds(f),
                        counts: counts_of(&figures.organisations, "kind"),
                        order: Order::Largest,
                        headline: Headline::Largest,
                        note: None,
                        csv: vec![f.csv("problems", false)],
                    },
                ),
            ],
        },
        Section {
            id: "dash-problems",
            heading: f.t("dash-h-problems"),
            note: None,
            charts: vec![
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-problem-status",
                        subtitle_key: "dash-sub-problem-status",
                        category_key: "dash-col-status",
                        value_key: "dash-col-problems",
                        categories: Status::ALL
                            .into_iter()
                            .map(|s| (s.code().to_string(), f.t(s.label_key())))
                            .collect(),
                        counts: counts_of(&figures.problems, "status"),
                        order: Order::Given,
                        headline: Headline::Counts(
                            "dash-headline-problem-status",
                            &[("open", "published")],
                        ),
                        note: None,
                        csv: vec![f.csv("problems", false)],
                    },
                ),
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-problem-kind",
                        subtitle_key: "dash-sub-problem-kind",
                        category_key: "dash-col-org-kind",
                        value_key: "dash-col-problems",
                        categories: org_kinds(f),
                        counts: counts_of(&figures.problems, "kind"),
                        order: Order::Largest,
                        headline: Headline::Largest,
                        note: None,
                        csv: vec![f.csv("problems", false)],
                    },
                ),
            ],
        },
        Section {
            id: "dash-matches",
            heading: f.t("dash-h-matches"),
            note: None,
            charts: vec![
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-match-state",
                        subtitle_key: "dash-sub-match-state",
                        category_key: "dash-col-state",
                        value_key: "dash-col-matches",
                        categories: MatchState::ALL
                            .into_iter()
                            .map(|s| {
                                (
                                    s.code().to_string(),
                                    f.t(&format!("match-state-{}", s.code())),
                                )
                            })
                            .collect(),
                        counts: counts_of(&figures.matches, "state"),
                        order: Order::Given,
                        headline: Headline::Counts(
                            "dash-headline-match-state",
                            &[("active", "active"), ("completed", "completed")],
                        ),
                        note: None,
                        csv: vec![f.csv("matches", false)],
                    },
                ),
                bar_chart(
                    f,
                    BarSpec {
                        id: "dash-match-kind",
                        subtitle_key: "dash-sub-match-kind",
                        category_key: "dash-col-engagement",
                        value_key: "dash-col-matches",
                        categories: {
                            let mut kinds = terms(&f.taxonomy.engagement_kinds, f.locale);
                            kinds.push((String::new(), f.t("dash-not-given")));
                            kinds
                        },
                        counts: counts_of(&figures.matches, "kind"),
                        order: Order::Largest,
                        headline: Headline::Largest,
                        note: None,
                        csv: vec![f.csv("matches", false)],
                    },
                ),
            ],
        },
    ];

    let count_in = |rows: &[Count], dim: &str, code: &str| -> i64 {
        rows.iter()
            .find(|c| c.dim == dim && c.code == code)
            .map_or(0, |c| c.n)
    };
    let figures_view = vec![
        figure(f, "scientists", "dash-fig-scientists", scientists_total),
        figure(
            f,
            "orgs-verified",
            "dash-fig-orgs-verified",
            count_in(&figures.organisations, "status", "verified"),
        ),
        figure(
            f,
            "problems-open",
            "dash-fig-problems-open",
            count_in(&figures.problems, "status", "published"),
        ),
        figure(
            f,
            "matches-active",
            "dash-fig-matches-active",
            count_in(&figures.matches, "state", "active"),
        ),
        figure(
            f,
            "matches-completed",
            "dash-fig-matches-completed",
            count_in(&figures.matches, "state", "completed"),
        ),
    ];

    let hub_filter = f.filter_hubs.map(|(hubs, admin)| HubFilter {
        any_label: f.t(if admin {
            "dash-hub-any-admin"
        } else {
            "dash-hub-any"
        }),
        options: hubs
            .iter()
            .map(|h| HubOption {
                code: h.clone(),
                label: f.hub_name(h),
                selected: f.chosen == Some(h.as_str()),
            })
            .collect(),
    });

    DashboardPage {
        ctx,
        lead: f.t_args(
            "dash-lead",
            &[("scope", &f.scope_text()), ("date", &f.today())],
        ),
        no_hubs: !f.all && f.hubs.is_empty(),
        hub_filter,
        figures: figures_view,
        sections,
        funnel: funnel_chart(f, figures),
        stages: stage_terms(f),
        medians: median_figures(f, figures),
        medians_csv: f.csv("outcomes", true),
        activity: activity_chart(f, &figures.activity),
    }
}

fn figure(f: &Frame, id: &'static str, key: &str, n: i64) -> FigureView {
    FigureView {
        id,
        label: f.t(key),
        value: f.count(n),
        raw: n.to_string(),
        note: String::new(),
    }
}

fn terms(list: &[Term], locale: Locale) -> Vec<(String, String)> {
    list.iter()
        .map(|t| (t.code.clone(), t.label(locale).to_string()))
        .collect()
}

fn area_categories(f: &Frame) -> Vec<(String, String)> {
    let mut areas: Vec<(String, String)> = f
        .taxonomy
        .areas
        .iter()
        .map(|a| (a.area.code.clone(), a.area.label(f.locale).to_string()))
        .collect();
    areas.push((String::new(), f.t("dash-no-field")));
    areas
}

fn org_kinds(f: &Frame) -> Vec<(String, String)> {
    OrgKind::ALL
        .into_iter()
        .map(|k| (k.code().to_string(), f.t(k.label_key())))
        .collect()
}

/// Every category with its count (0 when absent). Codes the list does not know (a state
/// added later) are kept, labelled with the code. The "not given" category (`""`) is shown
/// only when it counts something.
fn rows_of(
    f: &Frame,
    categories: &[(String, String)],
    counts: &[(String, i64)],
    order: Order,
) -> Vec<Row> {
    let count_of = |code: &str| {
        counts
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0, |(_, n)| *n)
    };
    let mut rows: Vec<Row> = categories
        .iter()
        .filter(|(code, _)| !code.is_empty() || count_of(code) > 0)
        .map(|(code, label)| (code.clone(), label.clone(), count_of(code)))
        .chain(
            counts
                .iter()
                .filter(|(code, _)| !categories.iter().any(|(c, _)| c == code))
                .map(|(code, n)| (code.clone(), code.clone(), *n)),
        )
        .map(|(code, label, value)| Row {
            code,
            label,
            value,
            value_text: f.count(value),
            share_text: None,
        })
        .collect();
    if order == Order::Largest {
        // A stable sort keeps the list's order among equal counts; "not given" stays last.
        rows.sort_by_key(|r| (r.code.is_empty(), std::cmp::Reverse(r.value)));
    }
    rows
}

fn bar_chart(f: &Frame, spec: BarSpec) -> BarChart {
    let rows = rows_of(f, &spec.categories, &spec.counts, spec.order);
    let total: i64 = rows.iter().map(|r| r.value).sum();
    let headline = if total == 0 {
        f.t("dash-headline-none")
    } else {
        match spec.headline {
            Headline::Largest => {
                // The first of the largest (rows keep the list's order among equals).
                let top = rows
                    .iter()
                    .filter(|r| !r.code.is_empty())
                    .fold(None, |best: Option<&Row>, r| match best {
                        Some(b) if b.value >= r.value => Some(b),
                        _ => Some(r),
                    })
                    .unwrap_or(&rows[0]);
                f.t_args(
                    "dash-headline-largest",
                    &[("label", &top.label), ("count", &top.value_text)],
                )
            }
            Headline::Counts(key, args) => {
                let texts: Vec<(&str, String)> = args
                    .iter()
                    .map(|(name, code)| {
                        let n = rows.iter().find(|r| r.code == *code).map_or(0, |r| r.value);
                        (*name, f.count(n))
                    })
                    .collect();
                let mut all: Vec<(&str, &str)> =
                    texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
                let total_text = f.count(total);
                all.push(("total", &total_text));
                f.t_args(key, &all)
            }
        }
    };
    finish_bars(
        f,
        spec.id,
        spec.subtitle_key,
        "dash-kind-bar",
        headline,
        spec.category_key,
        spec.value_key,
        None,
        rows,
        spec.note,
        spec.csv,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish_bars(
    f: &Frame,
    id: &'static str,
    subtitle_key: &str,
    kind_key: &str,
    headline: String,
    category_key: &str,
    value_key: &str,
    share_key: Option<&str>,
    rows: Vec<Row>,
    note: Option<String>,
    csv: Vec<CsvLink>,
) -> BarChart {
    let subtitle = f.subtitle(subtitle_key);
    let inputs: Vec<BarInput> = rows
        .iter()
        .map(|r| BarInput {
            label: r.label.clone(),
            value: r.value,
            value_text: match &r.share_text {
                Some(share) => format!("{} ({share})", r.value_text),
                None => r.value_text.clone(),
            },
        })
        .collect();
    let values: Vec<String> = rows
        .iter()
        .map(|r| format!("{}: {}", r.label, r.value_text))
        .collect();
    BarChart {
        id,
        title: f.t_args(kind_key, &[("subtitle", &subtitle)]),
        desc: f.t_args("dash-desc", &[("values", &values.join("; "))]),
        headline,
        subtitle,
        category_header: f.t(category_key),
        value_header: f.t(value_key),
        share_header: share_key.map(|k| f.t(k)),
        layout: charts::bars(&inputs),
        rows,
        note,
        csv,
    }
}

const STAGES: [(&str, &str, &str); 5] = [
    (
        "published",
        "dash-stage-published",
        "dash-stage-published-def",
    ),
    (
        "candidates",
        "dash-stage-candidates",
        "dash-stage-candidates-def",
    ),
    ("interest", "dash-stage-interest", "dash-stage-interest-def"),
    ("active", "dash-stage-active", "dash-stage-active-def"),
    (
        "completed",
        "dash-stage-completed",
        "dash-stage-completed-def",
    ),
];

fn funnel_chart(f: &Frame, figures: &Figures) -> BarChart {
    let funnel = figures.funnel;
    let values = [
        funnel.published,
        funnel.with_candidates,
        funnel.with_interest,
        funnel.active,
        funnel.completed,
    ];
    let rows: Vec<Row> = STAGES
        .iter()
        .zip(values)
        .map(|((code, key, _), value)| Row {
            code: code.to_string(),
            label: f.t(key),
            value,
            value_text: f.count(value),
            share_text: Some(percent(value, funnel.published)),
        })
        .collect();
    let headline = if funnel.published == 0 {
        f.t("dash-headline-none")
    } else {
        f.t_args(
            "dash-headline-funnel",
            &[
                ("share", &percent(funnel.active, funnel.published)),
                ("count", &f.count(funnel.active)),
                ("total", &f.count(funnel.published)),
            ],
        )
    };
    finish_bars(
        f,
        "dash-funnel",
        "dash-sub-funnel",
        "dash-kind-funnel",
        headline,
        "dash-col-stage",
        "dash-col-problems",
        Some("dash-col-share"),
        rows,
        None,
        vec![f.csv("outcomes", false)],
    )
}

/// A whole percentage of `total` ("–" without a total).
fn percent(part: i64, total: i64) -> String {
    if total <= 0 {
        return "–".into();
    }
    format!("{}%", (part as f64 * 100.0 / total as f64).round() as i64)
}

fn stage_terms(f: &Frame) -> Vec<StageTerm> {
    STAGES
        .iter()
        .map(|(_, key, def)| StageTerm {
            label: f.t(key),
            definition: f.t(def),
        })
        .collect()
}

fn median_figures(f: &Frame, figures: &Figures) -> Vec<FigureView> {
    let m = figures.medians;
    let one = |id: &'static str, key: &str, note_key: &str, days: Option<f64>, n: i64| FigureView {
        id,
        label: f.t(key),
        value: match days {
            Some(d) => f.t_args("dash-days", &[("days", &number(f.locale, d))]),
            None => f.t("dash-median-none"),
        },
        raw: days.map(|d| format!("{d:.1}")).unwrap_or_default(),
        note: f.t_args(note_key, &[("count", &f.count(n))]),
    };
    vec![
        one(
            "median-publish",
            "dash-median-publish",
            "dash-median-publish-note",
            m.publish_days,
            m.published,
        ),
        one(
            "median-activate",
            "dash-median-activate",
            "dash-median-activate-note",
            m.activate_days,
            m.activated,
        ),
    ]
}

const SERIES: [(&str, &str); 4] = [
    ("scientists", "dash-series-scientists"),
    ("published", "dash-series-published"),
    ("created", "dash-series-created"),
    ("activated", "dash-series-activated"),
];

/// The twelve months of the window, oldest first, as (year, month).
pub fn window_months(since: Date) -> Vec<(i32, Month)> {
    let mut months = Vec::with_capacity(12);
    let (mut year, mut month) = (since.year(), since.month());
    for _ in 0..12 {
        months.push((year, month));
        if month == Month::December {
            year += 1;
        }
        month = month.next();
    }
    months
}

/// The first day of the month eleven months before `today`'s: the start of a twelve-month
/// window that ends with the current month.
pub fn window_start(today: Date) -> Date {
    let mut year = today.year();
    let mut month = today.month();
    for _ in 0..11 {
        if month == Month::January {
            year -= 1;
        }
        month = month.previous();
    }
    Date::from_calendar_date(year, month, 1).unwrap_or(today)
}

fn activity_chart(f: &Frame, activity: &[ActivityRow]) -> ColumnChart {
    let months = window_months(f.since);
    let code = |(y, m): &(i32, Month)| format!("{y:04}-{:02}", u8::from(*m));
    let value = |series: &str, month: &str| {
        activity
            .iter()
            .find(|r| r.series == series && r.month == month)
            .map_or(0, |r| r.n)
    };
    let rows: Vec<MonthRow> = months
        .iter()
        .map(|ym| {
            let month = code(ym);
            let number = u8::from(ym.1);
            MonthRow {
                label: f.t_args(
                    "dash-month-long",
                    &[
                        ("month", &number.to_string()),
                        // Fluent matches a string argument only against identifier keys.
                        ("m", &format!("m{number}")),
                        ("year", &ym.0.to_string()),
                    ],
                ),
                cells: SERIES
                    .iter()
                    .map(|(s, _)| {
                        let n = value(s, &month);
                        Cell {
                            series: s,
                            value: n,
                            text: f.count(n),
                        }
                    })
                    .collect(),
                code: month,
            }
        })
        .collect();
    let panels: Vec<PanelInput> = SERIES
        .iter()
        .enumerate()
        .map(|(i, (_, key))| PanelInput {
            title: f.t(key),
            values: rows.iter().map(|r| r.cells[i].value).collect(),
            value_texts: rows.iter().map(|r| r.cells[i].text.clone()).collect(),
        })
        .collect();
    let ticks: Vec<String> = months
        .iter()
        .map(|(_, m)| {
            let number = u8::from(*m);
            f.t_args(
                "dash-month-short",
                &[("month", &number.to_string()), ("m", &format!("m{number}"))],
            )
        })
        .collect();
    let years: Vec<YearInput> = months
        .iter()
        .enumerate()
        .filter(|(i, (_, m))| *i == 0 || *m == Month::January)
        .map(|(i, (y, _))| YearInput {
            column: i,
            text: f.t_args("dash-year", &[("year", &y.to_string())]),
        })
        .collect();
    let totals: Vec<String> = (0..SERIES.len())
        .map(|i| f.count(rows.iter().map(|r| r.cells[i].value).sum()))
        .collect();
    let first = &rows[0].label;
    let last = &rows[rows.len() - 1].label;
    let subtitle = f.t_args(
        "dash-sub-activity",
        &[("scope", &f.scope_text()), ("from", first), ("to", last)],
    );
    let series_sums: Vec<String> = SERIES
        .iter()
        .zip(&totals)
        .map(|((_, key), total)| format!("{}: {total}", f.t(key)))
        .collect();
    ColumnChart {
        id: "dash-activity",
        headline: f.t_args(
            "dash-headline-activity",
            &[
                ("scientists", &totals[0]),
                ("problems", &totals[1]),
                ("matches", &totals[2]),
            ],
        ),
        title: f.t_args("dash-kind-columns", &[("subtitle", &subtitle)]),
        desc: f.t_args("dash-desc-activity", &[("values", &series_sums.join("; "))]),
        subtitle,
        month_header: f.t("dash-col-month"),
        series: SERIES
            .iter()
            .map(|(code, key)| SeriesHeader {
                code,
                label: f.t(key),
            })
            .collect(),
        layout: charts::columns(&panels, &ticks, &years),
        rows,
        csv: vec![
            f.csv("scientists", true),
            f.csv("problems", true),
            f.csv("matches", true),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_window_is_twelve_months_ending_with_the_current_one() {
        assert_eq!(window_start(date!(2026 - 11 - 22)), date!(2025 - 12 - 01));
        assert_eq!(window_start(date!(2026 - 12 - 31)), date!(2026 - 01 - 01));
        assert_eq!(window_start(date!(2027 - 01 - 01)), date!(2026 - 02 - 01));
        let months = window_months(date!(2025 - 12 - 01));
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], (2025, Month::December));
        assert_eq!(months[1], (2026, Month::January));
        assert_eq!(months[11], (2026, Month::November));
    }

    #[test]
    fn percentages_are_whole_and_safe_without_a_total() {
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(0, 0), "–");
        assert_eq!(percent(5, 5), "100%");
    }
}
