//! Page structs for the candidates and the recommendations, and how a score and its reasons
//! are put into the reader's words.

use askama::Template;

use crate::i18n::Locale;
use crate::matches::ranking::queries::LiveMatch;
use crate::matches::ranking::score::{Availability, Scored, Term};
use crate::problems::views::other_lang;
use crate::taxonomy::{Taxonomy, Term as Label};
use crate::web::context::RequestContext;
use crate::web::pagination::PageNav;

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// One term's points, e.g. "Fields: 15.0 of 30".
pub struct PartView {
    pub label_key: &'static str,
    pub points: String,
    pub weight: String,
}

/// Why a pair was proposed, in the reader's language.
pub struct WhyView {
    pub total: String,
    pub fields: Vec<String>,
    pub area_fields: Vec<String>,
    pub keywords: Vec<String>,
    pub kinds: Vec<String>,
    pub languages: Vec<String>,
    pub availability_key: &'static str,
    pub parts: Vec<PartView>,
}

impl WhyView {
    pub fn new(scored: &Scored, taxonomy: &Taxonomy, locale: Locale) -> WhyView {
        let why = &scored.why;
        let fields = |codes: &[String]| -> Vec<String> {
            codes
                .iter()
                .map(|c| taxonomy.field_label(c, locale).to_string())
                .collect()
        };
        WhyView {
            total: number(locale, scored.total),
            fields: fields(&why.fields),
            area_fields: fields(&why.area_fields),
            keywords: why.keywords.clone(),
            kinds: labels(&taxonomy.engagement_kinds, &why.engagement_kinds, locale),
            languages: labels(&taxonomy.languages, &why.languages, locale),
            availability_key: match why.availability {
                Availability::Overlaps => "ranking-availability-overlaps",
                Availability::Outside => "ranking-availability-outside",
                Availability::NotGiven => "ranking-availability-not-given",
            },
            parts: why
                .parts
                .iter()
                .map(|(term, points)| PartView {
                    label_key: term.label_key(),
                    points: number(locale, *points),
                    weight: number(locale, Term::weight(*term)),
                })
                .collect(),
        }
    }
}

/// Points with one decimal, with the reader's decimal mark: 62,5 (vi), 62.5.
pub fn number(locale: Locale, value: f64) -> String {
    let text = format!("{value:.1}");
    if locale == Locale::Vi {
        text.replace('.', ",")
    } else {
        text
    }
}

pub fn labels(terms: &[Label], codes: &[String], locale: Locale) -> Vec<String> {
    codes
        .iter()
        .map(|c| Taxonomy::label_in(terms, c, locale).to_string())
        .collect()
}

/// A live match shown instead of the action that would start another.
pub struct LiveView {
    pub id: i64,
    pub state_key: &'static str,
}

impl LiveView {
    pub fn of(m: &LiveMatch) -> LiveView {
        LiveView {
            id: m.id,
            state_key: if m.state == "active" {
                "ranking-match-active"
            } else {
                "ranking-match-pending"
            },
        }
    }
}

/// Which page of a ranked list, and the links to the others.
pub struct Pager {
    pub page: usize,
    pub pages: usize,
    /// The rank of the first result on this page.
    pub first: usize,
    /// The page links, shared with every other list (`templates/partials/pagination.html`).
    pub nav: PageNav,
}

impl Pager {
    /// `None` when `page` is past the last page (page 1 always exists).
    pub fn new(total: usize, page: usize, href: impl Fn(usize) -> String) -> Option<Pager> {
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        if page > pages {
            return None;
        }
        Some(Pager {
            page,
            pages,
            first: (page - 1) * PAGE_SIZE + 1,
            nav: PageNav::new(page as i64, pages as i64, |n| href(n as usize)),
        })
    }

    /// The positions of this page's results in the whole list.
    pub fn range(&self, total: usize) -> std::ops::Range<usize> {
        let start = (self.first - 1).min(total);
        start..(start + PAGE_SIZE).min(total)
    }

    pub fn title_suffix(&self, ctx: &RequestContext) -> String {
        if self.pages > 1 {
            let (page, pages) = (self.page.to_string(), self.pages.to_string());
            format!(
                " ({})",
                ctx.t_args("page-of", &[("page", &page), ("pages", &pages)])
            )
        } else {
            String::new()
        }
    }
}

/// One filter of the candidates page.
pub struct FilterView {
    pub name: &'static str,
    pub label_key: &'static str,
    /// (code, label, selected)
    pub options: Vec<(String, String, bool)>,
}

pub struct CandidateView {
    pub id: i64,
    pub full_name: String,
    pub name_lang: Option<&'static str>,
    pub position: String,
    pub affiliation: String,
    pub affiliation_lang: Option<&'static str>,
    pub hub: String,
    pub conflict: bool,
    pub why: WhyView,
    pub live: Option<LiveView>,
}

#[derive(Template)]
#[template(path = "matches/candidates.html")]
pub struct CandidatesPage<'a> {
    pub ctx: &'a RequestContext,
    pub problem_id: i64,
    pub problem_title: String,
    pub title_lang: Option<&'static str>,
    pub filters: Vec<FilterView>,
    pub clear_href: String,
    pub total: usize,
    /// The list holds the best `queries::POOL`; there may be more distant matches.
    pub capped: bool,
    pub rows: Vec<CandidateView>,
    pub pager: Pager,
    /// Members of the owning organisation invite; staff propose.
    pub can_invite: bool,
    pub can_propose: bool,
}

impl CandidatesPage<'_> {
    pub fn count_text(&self) -> String {
        self.ctx.t_args(
            "ranking-candidates-count",
            &[("count", &self.total.to_string())],
        )
    }
}

pub struct RecommendationView {
    pub id: i64,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub summary: String,
    pub summary_lang: Option<&'static str>,
    pub org_name: String,
    pub org_lang: &'static str,
    pub deadline: Option<String>,
    /// The kinds both sides have, (code, label): the interest form offers only these.
    pub kinds: Vec<(String, String)>,
    pub why: WhyView,
    pub live: Option<LiveView>,
}

#[derive(Template)]
#[template(path = "matches/recommendations.html")]
pub struct RecommendationsPage<'a> {
    pub ctx: &'a RequestContext,
    pub total: usize,
    pub capped: bool,
    pub rows: Vec<RecommendationView>,
    pub pager: Pager,
}

impl RecommendationsPage<'_> {
    pub fn count_text(&self) -> String {
        self.ctx.t_args(
            "ranking-recommendations-count",
            &[("count", &self.total.to_string())],
        )
    }
}

/// The language attribute for a user-written text, when it differs from the page's.
pub fn lang_of(locale: Locale, text: &str) -> Option<&'static str> {
    other_lang(locale, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_use_the_readers_decimal_mark() {
        assert_eq!(number(Locale::Vi, 62.46), "62,5");
        assert_eq!(number(Locale::En, 7.0), "7.0");
        assert_eq!(number(Locale::Ja, 0.04), "0.0");
    }

    #[test]
    fn pages_cover_the_list_and_refuse_past_the_end() {
        let href = |n: usize| format!("/x?page={n}");
        let pager = Pager::new(45, 3, href).unwrap();
        assert_eq!((pager.pages, pager.first), (3, 41));
        assert_eq!(pager.range(45), 40..45);
        assert_eq!(pager.nav.prev.as_deref(), Some("/x?page=2"));
        assert!(pager.nav.next.is_none());
        assert!(Pager::new(45, 4, href).is_none());
        let empty = Pager::new(0, 1, href).unwrap();
        assert_eq!(empty.range(0), 0..0);
    }
}
