//! The score of one problem–scientist pair and its explanation: a pure function, the same in
//! both directions (candidates for a problem, problems for a scientist), so a pair gets the
//! same points whoever looks at it.
//!
//! Every term gives a share between 0 and 1 of its weight; the weights add up to 100, so a
//! score reads as "points out of 100". A pair with no engagement kind in common is not scored
//! at all: whatever else fits, there is nothing the scientist offers that the problem seeks.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

use time::{Date, Duration, Month};

use crate::search::analyse;
use crate::taxonomy::Taxonomy;

// The weights, in one place. They add up to 100.

/// Fields both sides chose from the taxonomy: the strongest signal, because it is the same list
/// of codes in every language, chosen deliberately by both sides.
pub const W_FIELDS: f64 = 30.0;
/// Full-text relevance of the problem's words in the scientist's expertise text (keywords,
/// summary, publications): finds expertise finer than the taxonomy, but is noisier.
pub const W_TEXT: f64 = 20.0;
/// The problem's keywords that the scientist also gave: rare, so strong when it happens.
pub const W_KEYWORDS: f64 = 15.0;
/// Share of the engagement kinds the problem seeks that the scientist offers (at least one is
/// required): more kinds in common, more ways to work together.
pub const W_ENGAGEMENT: f64 = 15.0;
/// A working language in common: needed to work together, but most scientists abroad share
/// Vietnamese or English with the problem owner, so it separates little.
pub const W_LANGUAGES: f64 = 8.0;
/// The scientist's availability against the problem's time frame: often left empty or
/// approximate, so a mismatch lowers the score instead of excluding.
pub const W_AVAILABILITY: f64 = 7.0;
/// The problem targets the scientist's hub (or every hub): mostly a tie-breaker.
pub const W_HUB: f64 = 5.0;

/// A problem field the scientist lacks, when they have another field of the same area (e.g.
/// chip design against semiconductor materials), counts for this share of an exact match.
pub const AREA_CREDIT: f64 = 0.4;
/// `ts_rank` (weights 1, no length normalisation) of an OR query is about 0.6 × the share of
/// query terms found, so 0.2 means about a third of the problem's distinctive terms: full marks.
pub const TEXT_SATURATION: f64 = 0.2;
/// This many matched keywords (or all of the problem's, if it has fewer) give full marks.
pub const KEYWORD_SATURATION: usize = 3;
/// Share given when a side has said nothing (no availability, no working languages): neither
/// a reward nor a penalty against those who did.
pub const NEUTRAL: f64 = 0.5;

/// The seven terms, in the order pages list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    Fields,
    Text,
    Keywords,
    Engagement,
    Languages,
    Availability,
    Hub,
}

impl Term {
    pub const ALL: [Term; 7] = [
        Term::Fields,
        Term::Text,
        Term::Keywords,
        Term::Engagement,
        Term::Languages,
        Term::Availability,
        Term::Hub,
    ];

    pub fn weight(self) -> f64 {
        match self {
            Term::Fields => W_FIELDS,
            Term::Text => W_TEXT,
            Term::Keywords => W_KEYWORDS,
            Term::Engagement => W_ENGAGEMENT,
            Term::Languages => W_LANGUAGES,
            Term::Availability => W_AVAILABILITY,
            Term::Hub => W_HUB,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Term::Fields => "ranking-term-fields",
            Term::Text => "ranking-term-text",
            Term::Keywords => "ranking-term-keywords",
            Term::Engagement => "ranking-term-engagement",
            Term::Languages => "ranking-term-languages",
            Term::Availability => "ranking-term-availability",
            Term::Hub => "ranking-term-hub",
        }
    }
}

/// Each field's area, for the partial credit of a shared area.
#[derive(Clone, Debug, Default)]
pub struct Areas(HashMap<String, String>);

impl Areas {
    pub fn from_taxonomy(taxonomy: &Taxonomy) -> Areas {
        let pairs = taxonomy.areas.iter().flat_map(|a| {
            a.fields
                .iter()
                .map(|f| (f.code.clone(), a.area.code.clone()))
        });
        Areas(pairs.collect())
    }

    pub fn from_pairs(pairs: &[(&str, &str)]) -> Areas {
        Areas(
            pairs
                .iter()
                .map(|(f, a)| (f.to_string(), a.to_string()))
                .collect(),
        )
    }

    pub fn area_of(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Every field sharing an area with one of `fields`, except `fields` themselves.
    pub fn neighbours(&self, fields: &[String]) -> Vec<String> {
        let areas: HashSet<&str> = fields.iter().filter_map(|f| self.area_of(f)).collect();
        let mut out: Vec<String> = self
            .0
            .iter()
            .filter(|(f, a)| areas.contains(a.as_str()) && !fields.contains(f))
            .map(|(f, _)| f.clone())
            .collect();
        out.sort();
        out
    }
}

/// When the work would happen: from today until the deadline plus the expected duration;
/// `None` is open-ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: Date,
    pub end: Option<Date>,
}

impl Window {
    pub fn for_problem(today: Date, deadline: Option<Date>, duration_months: Option<i32>) -> Self {
        let months = duration_months.unwrap_or(0).max(0) as u32;
        let end = match deadline {
            Some(deadline) => Some(add_months(deadline, months)),
            None if months > 0 => Some(add_months(today, months)),
            None => None,
        };
        Window { start: today, end }
    }
}

/// `date` plus whole months, on the same day of the month or the month's last day.
pub fn add_months(date: Date, months: u32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months as i32;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
    let month = Month::try_from(month).unwrap_or(Month::December);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// What a problem brings to the comparison.
#[derive(Clone, Copy, Debug)]
pub struct ProblemFacts<'a> {
    pub fields: &'a [String],
    pub keywords: &'a [String],
    pub engagement_kinds: &'a [String],
    pub languages: &'a [String],
    /// Empty: every hub.
    pub target_hubs: &'a [String],
    pub window: Window,
}

/// What a scientist brings. `languages` are those they can work in (not "basic").
#[derive(Clone, Copy, Debug)]
pub struct ScientistFacts<'a> {
    pub fields: &'a [String],
    pub keywords: &'a [String],
    pub engagement_kinds: &'a [String],
    pub languages: &'a [String],
    pub hub: &'a str,
    /// First day of the first month they are available.
    pub available_from: Option<Date>,
    /// First day of the last month they are available (the form asks for months).
    pub available_until: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    Overlaps,
    Outside,
    NotGiven,
}

/// Why a pair scored what it did.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The problem's fields the scientist has too.
    pub fields: Vec<String>,
    /// The scientist's fields in the area of a problem field they lack (partial credit).
    pub area_fields: Vec<String>,
    /// The problem's keywords, as written, that match one of the scientist's.
    pub keywords: Vec<String>,
    pub engagement_kinds: Vec<String>,
    pub languages: Vec<String>,
    pub availability: Availability,
    pub same_hub: bool,
    /// The points of each term, in `Term::ALL` order.
    pub parts: Vec<(Term, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    pub total: f64,
    pub why: Explanation,
}

/// The score of a pair, or `None` when they have no engagement kind in common. `text_rank` is
/// `ts_rank` of the problem's terms in the scientist's search document.
pub fn score(
    p: &ProblemFacts,
    s: &ScientistFacts,
    text_rank: f32,
    areas: &Areas,
) -> Option<Scored> {
    let keywords = Keywords {
        wanted: &keyword_terms(p.keywords),
        offered: &keyword_terms(s.keywords),
    };
    score_analysed(p, s, &keywords, text_rank, areas)
}

/// The analysed keywords of both sides of a pair (see [`keyword_terms`]).
#[derive(Clone, Copy, Debug)]
pub struct Keywords<'a> {
    pub wanted: &'a [KeywordTerms],
    pub offered: &'a [KeywordTerms],
}

/// [`score`] with the keywords already analysed. Ranking scores one problem against hundreds
/// of profiles (or the other way round): analysing the one side once instead of once per pair
/// halved the cost of ranking (issue 7; analysing keywords was 90 % of it).
pub fn score_analysed(
    p: &ProblemFacts,
    s: &ScientistFacts,
    analysed: &Keywords,
    text_rank: f32,
    areas: &Areas,
) -> Option<Scored> {
    let kinds = common(p.engagement_kinds, s.engagement_kinds);
    if kinds.is_empty() {
        return None;
    }
    let (fields, area_fields, field_share) = field_overlap(p.fields, s.fields, areas);
    let keywords = keyword_matches(p.keywords, analysed.wanted, analysed.offered);
    let languages = common(p.languages, s.languages);
    let availability = availability(p.window, s.available_from, s.available_until);
    let same_hub = p.target_hubs.is_empty() || p.target_hubs.iter().any(|h| h == s.hub);
    let shares = [
        (Term::Fields, field_share),
        (
            Term::Text,
            (f64::from(text_rank) / TEXT_SATURATION).clamp(0.0, 1.0),
        ),
        (
            Term::Keywords,
            keyword_share(keywords.len(), p.keywords.len()),
        ),
        (
            Term::Engagement,
            share(kinds.len(), p.engagement_kinds.len()),
        ),
        (Term::Languages, language_share(&languages, p.languages)),
        (Term::Availability, availability_share(availability)),
        (Term::Hub, if same_hub { 1.0 } else { 0.0 }),
    ];
    let parts: Vec<(Term, f64)> = shares
        .into_iter()
        .map(|(term, share)| (term, term.weight() * share))
        .collect();
    Some(Scored {
        total: parts.iter().map(|(_, points)| points).sum(),
        why: Explanation {
            fields,
            area_fields,
            keywords,
            engagement_kinds: kinds,
            languages,
            availability,
            same_hub,
            parts,
        },
    })
}

/// The items of `wanted` (in its order) that `offered` has too.
fn common(wanted: &[String], offered: &[String]) -> Vec<String> {
    wanted
        .iter()
        .filter(|w| offered.contains(w))
        .cloned()
        .collect()
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).min(1.0)
    }
}

/// Exact matches, the scientist's fields that earn area credit, and the share: each problem
/// field counts 1 if the scientist has it, `AREA_CREDIT` if they have another of its area.
fn field_overlap(
    wanted: &[String],
    offered: &[String],
    areas: &Areas,
) -> (Vec<String>, Vec<String>, f64) {
    let exact = common(wanted, offered);
    let mut by_area: Vec<String> = Vec::new();
    let mut units = exact.len() as f64;
    for field in wanted.iter().filter(|f| !offered.contains(f)) {
        let Some(area) = areas.area_of(field) else {
            continue;
        };
        let neighbours: Vec<&String> = offered
            .iter()
            .filter(|o| areas.area_of(o) == Some(area))
            .collect();
        if !neighbours.is_empty() {
            units += AREA_CREDIT;
            for n in neighbours {
                if !by_area.contains(n) {
                    by_area.push(n.clone());
                }
            }
        }
    }
    let field_share = if wanted.is_empty() {
        0.0
    } else {
        (units / wanted.len() as f64).min(1.0)
    };
    (exact, by_area, field_share)
}

/// One keyword's analysed terms.
pub type KeywordTerms = Arc<[String]>;

/// Each keyword's analysed terms, in the keywords' order (empty for a keyword without any).
///
/// Remembered per keyword text: ranking reads the keywords of every pool row on every request
/// (300 rows of about five keywords), and analysing them was most of the time ranking spent in
/// the application (perf of the `ranking` case of `benches/hot_paths.rs`: the analyser and its
/// Unicode normalisation, about 70 %). Keywords repeat a lot across profiles and problems (a
/// field's popular keywords), so most are found here. The memory is bounded: when
/// [`KEYWORD_MEMORY`] keywords are held, it is emptied and starts again.
pub fn keyword_terms(keywords: &[String]) -> Vec<KeywordTerms> {
    let mut memory = KEYWORDS_SEEN.lock().unwrap_or_else(|e| e.into_inner());
    keywords
        .iter()
        .map(|keyword| {
            if let Some(terms) = memory.get(keyword.as_str()) {
                return terms.clone();
            }
            if memory.len() >= KEYWORD_MEMORY {
                memory.clear();
            }
            let terms: KeywordTerms = analyse(keyword).into();
            memory.insert(keyword.clone(), terms.clone());
            terms
        })
        .collect()
}

/// At most this many analysed keywords are remembered (a few megabytes).
pub const KEYWORD_MEMORY: usize = 20_000;

static KEYWORDS_SEEN: LazyLock<Mutex<HashMap<String, KeywordTerms>>> =
    LazyLock::new(Default::default);

/// The problem's keywords (as written, `wanted`, analysed as `wanted_terms`) that the scientist
/// has too (`offered_terms`), alone or inside a longer keyword, compared as analysed terms:
/// "Bán dẫn công suất" matches "ban dan cong suat", and "GaN" matches "GaN power devices" (not
/// the other way round: one word of a longer keyword is too weak a match).
pub fn keyword_matches(
    wanted: &[String],
    wanted_terms: &[KeywordTerms],
    offered_terms: &[KeywordTerms],
) -> Vec<String> {
    wanted
        .iter()
        .zip(wanted_terms)
        .filter(|(_, terms)| {
            !terms.is_empty() && offered_terms.iter().any(|o| contains_run(o, terms))
        })
        .map(|(keyword, _)| keyword.clone())
        .collect()
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn keyword_share(matched: usize, wanted: usize) -> f64 {
    share(matched, wanted.min(KEYWORD_SATURATION))
}

/// One language in common is enough to work together; a problem that names none is neutral.
fn language_share(common: &[String], wanted: &[String]) -> f64 {
    match (wanted.is_empty(), common.is_empty()) {
        (true, _) => NEUTRAL,
        (false, false) => 1.0,
        (false, true) => 0.0,
    }
}

/// Whether the scientist's months of availability meet the problem's window.
pub fn availability(window: Window, from: Option<Date>, until: Option<Date>) -> Availability {
    if from.is_none() && until.is_none() {
        return Availability::NotGiven;
    }
    let until_end = until.map(|u| add_months(u, 1) - Duration::days(1));
    let starts_in_time = match (from, window.end) {
        (Some(from), Some(end)) => from <= end,
        _ => true,
    };
    let lasts_long_enough = until_end.is_none_or(|u| u >= window.start);
    if starts_in_time && lasts_long_enough {
        Availability::Overlaps
    } else {
        Availability::Outside
    }
}

fn availability_share(availability: Availability) -> f64 {
    match availability {
        Availability::Overlaps => 1.0,
        Availability::NotGiven => NEUTRAL,
        Availability::Outside => 0.0,
    }
}

#[cfg(test)]
mod tests;
