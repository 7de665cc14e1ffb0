//! The text side of matching: which words of a problem (or of a profile) to look for, written
//! as one OR-query (`'a' | 'b' | …`) for `to_tsquery('simple', …)`.
//!
//! Two things keep that query both meaningful and cheap. Terms come in order of importance
//! (keywords, then the title, then the summary, then the opening of the description) and only
//! the first [`MAX_QUERY_TERMS`] are kept. Terms that PostgreSQL's own statistics list as
//! common (`pg_stats.most_common_elems` of the `search_doc` column, which ANALYZE keeps for
//! every tsvector column) in more than [`COMMON_TERM_SHARE`] of documents, and in more than
//! [`COMMON_TERM_MIN_DOCS`] of them, are left out: "research" or "công nghệ" say nothing about
//! fit, would make every document a text match, and would make the GIN lookup visit a large
//! part of the table. Leaving them out is also what an inverse-document-frequency weighting
//! would do to them. A small table keeps all its words: there, 1% is a handful of documents
//! and speed is no concern. In a large table the terms kept must also fit
//! [`QUERY_DOCUMENT_BUDGET`] documents together, so the lookup stays as cheap at a million
//! profiles as at ten thousand.

use std::collections::{HashMap, HashSet};

use crate::matches::ranking::queries::TEXT_POOL_CAP;
use crate::problems::model::Problem;
use crate::scientists::model::Profile;
use crate::search::analyse;

/// At most this many terms per query.
pub const MAX_QUERY_TERMS: usize = 24;
/// A problem's (or profile's) terms after this many are never looked at: the query takes the
/// first [`MAX_QUERY_TERMS`] that are not common, and this leaves room for twice as many
/// common ones. The bound keeps what ranking reads small, since the recommendations read the
/// terms of 300 problems per page (stored as `problems.match_terms`).
pub const MAX_TERMS_CONSIDERED: usize = 3 * MAX_QUERY_TERMS;
/// Terms found in more than this share of documents are too common to say anything.
pub const COMMON_TERM_SHARE: f64 = 0.01;
/// ... and in more than this many documents.
pub const COMMON_TERM_MIN_DOCS: f64 = 200.0;
/// Only the description's opening counts: it says what the problem is about, and a bound keeps
/// the recommendations from fetching whole descriptions.
pub const DESCRIPTION_CHARS: usize = 2000;

/// A problem's terms in order of importance, each once, at most [`MAX_TERMS_CONSIDERED`].
pub fn problem_terms(
    title: &str,
    summary: &str,
    description: &str,
    keywords: &[String],
) -> Vec<String> {
    let opening: String = description.chars().take(DESCRIPTION_CHARS).collect();
    let mut parts: Vec<&str> = keywords.iter().map(String::as_str).collect();
    parts.extend([title, summary, opening.as_str()]);
    distinct_terms(&parts)
}

pub fn terms_of_problem(p: &Problem) -> Vec<String> {
    problem_terms(&p.title, &p.summary, &p.description_md, &p.keywords)
}

/// A profile's terms in order of importance: keywords, publication titles, the summary. The
/// name, affiliation and city are in the search document for the directory, not for matching.
pub fn terms_of_profile(p: &Profile) -> Vec<String> {
    let mut parts: Vec<&str> = p.keywords.iter().map(String::as_str).collect();
    parts.extend(p.publications.iter().map(|pb| pb.title.as_str()));
    parts.push(&p.summary_md);
    distinct_terms(&parts)
}

fn distinct_terms(parts: &[&str]) -> Vec<String> {
    let mut seen = HashSet::new();
    parts
        .iter()
        .flat_map(|part| analyse(part))
        .filter(|term| seen.insert(term.clone()))
        .take(MAX_TERMS_CONSIDERED)
        .collect()
}

/// At most about this many documents may contain one of a query's terms, by the statistics'
/// estimate: as many as the pool reads ([`TEXT_POOL_CAP`]). The GIN lookup of an OR-query
/// costs in proportion to the documents its terms are in (11,000 for a problem's twenty
/// mid-frequency Vietnamese syllables at 100,000 profiles: 3.5 ms, the largest step of the
/// candidate statement), and the pool then read only the first 500 of them in table order,
/// so the rare terms' documents were mostly left unread anyway. Now terms are taken in order
/// of importance while their documents fit; a term that would overflow is skipped and a rarer
/// one after it may still come in. The bound holds whatever the size of the table, where a
/// share would grow with it.
pub const QUERY_DOCUMENT_BUDGET: f64 = TEXT_POOL_CAP as f64;

/// How many documents of one kind contain each term, as far as PostgreSQL's statistics tell:
/// `pg_stats.most_common_elems` of the `search_doc` column, which ANALYZE keeps for every
/// tsvector column (down to about 0.05 % of the rows with the column's statistics target of
/// 1,000, set by a migration), and the table's row estimate.
#[derive(Clone, Debug, Default)]
pub struct TermFrequencies {
    shares: HashMap<String, f64>,
    documents: f64,
    /// The estimate for a term not in the list: half the smallest listed share, as
    /// PostgreSQL's own selectivity estimate does, but at most a share of the budget (0 when
    /// nothing is listed).
    unlisted_share: f64,
}

impl TermFrequencies {
    /// `shares`: the share of documents containing each listed term; `documents`: how many
    /// documents there are.
    pub fn new(shares: HashMap<String, f64>, documents: f64) -> TermFrequencies {
        let smallest = shares.values().copied().fold(f64::INFINITY, f64::min);
        // A term the statistics do not list is rarer than every listed one. When the list is
        // short (a small statistics target, a table not yet analysed) that says little, so an
        // unlisted term never counts for more than its part of the budget: a query of
        // unlisted terms alone always fits.
        let most_per_term = QUERY_DOCUMENT_BUDGET / MAX_QUERY_TERMS as f64;
        let unlisted_share = if smallest.is_finite() && documents > 0.0 {
            (smallest / 2.0).min(most_per_term / documents)
        } else {
            0.0
        };
        TermFrequencies {
            shares,
            documents,
            unlisted_share,
        }
    }

    /// The estimated share of documents containing `term` (see `unlisted_share` for a term
    /// the statistics do not list).
    pub fn share_of(&self, term: &str) -> f64 {
        self.shares
            .get(term)
            .copied()
            .unwrap_or(self.unlisted_share)
    }

    /// How many documents there are.
    pub fn documents(&self) -> f64 {
        self.documents
    }

    /// The estimated number of documents containing `term`.
    pub fn documents_with(&self, term: &str) -> f64 {
        self.share_of(term) * self.documents
    }

    /// Too common to say anything about fit: in more than [`COMMON_TERM_SHARE`] of the
    /// documents and more than [`COMMON_TERM_MIN_DOCS`] of them (`or_query` asks
    /// [`Self::is_common_share`] with the share it already has).
    #[cfg(test)]
    fn is_common(&self, term: &str) -> bool {
        self.is_common_share(self.share_of(term))
    }

    fn is_common_share(&self, share: f64) -> bool {
        share > COMMON_TERM_SHARE && share * self.documents > COMMON_TERM_MIN_DOCS
    }
}

/// The OR-query of the terms to look for, in order of importance: not common, at most
/// [`MAX_QUERY_TERMS`], and together in at most about [`QUERY_DOCUMENT_BUDGET`] documents.
/// `None` when nothing is left.
pub fn or_query<T: AsRef<str>>(terms: &[T], frequencies: &TermFrequencies) -> Option<String> {
    let mut budget_left = QUERY_DOCUMENT_BUDGET;
    let kept: Vec<String> = terms
        .iter()
        .map(AsRef::as_ref)
        .filter(|t| {
            let share = frequencies.share_of(t);
            let documents = share * frequencies.documents;
            let fits = !frequencies.is_common_share(share) && documents <= budget_left;
            if fits {
                budget_left -= documents;
            }
            fits
        })
        .take(MAX_QUERY_TERMS)
        .map(|t| {
            // The analyser never makes a term with a quote or backslash (see search::analyser).
            debug_assert!(!t.contains(['\'', '\\']), "unsafe term {t:?}");
            format!("'{t}'")
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn problem_terms_come_keywords_first_each_once() {
        let terms = problem_terms(
            "Thiết kế chip",
            "Chip bán dẫn",
            "",
            &strings(&["GaN", "bán dẫn"]),
        );
        assert_eq!(
            terms,
            strings(&["gan", "ban", "dan", "thiet", "ke", "chip"])
        );
    }

    #[test]
    fn only_the_opening_of_a_description_counts() {
        let long = format!("{} tail", "word ".repeat(DESCRIPTION_CHARS / 5));
        let terms = problem_terms("", "", &long, &[]);
        assert_eq!(terms, strings(&["word"]));
    }

    #[test]
    fn only_the_first_terms_are_considered() {
        let many: String = (0..200).map(|i| format!("t{i} ")).collect();
        let terms = problem_terms("", "", &many, &[]);
        assert_eq!(terms.len(), MAX_TERMS_CONSIDERED);
        assert_eq!(terms[0], "t0");
    }

    fn frequencies(pairs: &[(&str, f64)], documents: f64) -> TermFrequencies {
        let shares = pairs.iter().map(|(t, s)| (t.to_string(), *s)).collect();
        TermFrequencies::new(shares, documents)
    }

    #[test]
    fn common_terms_are_those_in_many_documents_and_a_large_share() {
        let pairs = [("research", 0.4), ("gan", 0.002), ("chip", 0.05)];
        let big = frequencies(&pairs, 100_000.0);
        assert!(big.is_common("research") && big.is_common("chip"));
        assert!(!big.is_common("gan") && !big.is_common("unlisted"));
        let small = frequencies(&pairs, 1_000.0);
        assert!(small.is_common("research"));
        assert!(!small.is_common("chip"), "50 documents are few");
        assert!(!frequencies(&pairs, 240.0).is_common("research"));
    }

    #[test]
    fn an_unlisted_term_counts_half_the_rarest_listed_one_at_most_its_part_of_the_budget() {
        let listed = frequencies(&[("gan", 0.0002), ("chip", 0.05)], 100_000.0);
        assert_eq!(listed.documents_with("gan"), 20.0);
        assert_eq!(listed.documents_with("unlisted"), 10.0);
        assert_eq!(TermFrequencies::default().documents_with("any"), 0.0);
        // A short list (only very common terms) does not make every other term look common.
        let short = frequencies(&[("research", 0.4)], 100_000.0);
        let per_term = QUERY_DOCUMENT_BUDGET / MAX_QUERY_TERMS as f64;
        assert!((short.documents_with("unlisted") - per_term).abs() < 1e-9);
        assert!(!short.is_common("unlisted"));
    }

    #[test]
    fn common_terms_are_left_out_and_the_query_is_capped() {
        let terms = strings(&["research", "gan", "chip"]);
        let stats = frequencies(&[("research", 0.4)], 100_000.0);
        assert_eq!(or_query(&terms, &stats).as_deref(), Some("'gan' | 'chip'"));
        let many: Vec<String> = (0..100).map(|i| format!("t{i}")).collect();
        let query = or_query(&many, &TermFrequencies::default()).unwrap();
        assert_eq!(query.matches(" | ").count(), MAX_QUERY_TERMS - 1);
        assert!(query.starts_with("'t0' | 't1'"), "the most important first");
        assert_eq!(or_query(&strings(&["research"]), &stats), None);
        assert_eq!(or_query::<String>(&[], &stats), None);
    }

    #[test]
    fn terms_are_taken_while_their_documents_fit_the_budget() {
        assert_eq!(QUERY_DOCUMENT_BUDGET, 500.0);
        // 100,000 documents: "khai" is in 300, "vung" in 250, "gan" in 150, the rest in 20.
        let stats = frequencies(
            &[
                ("khai", 0.003),
                ("vung", 0.0025),
                ("gan", 0.0015),
                ("zz", 0.0004),
            ],
            100_000.0,
        );
        let terms = strings(&["khai", "vung", "gan", "rare"]);
        // 300 fits, 250 more would overflow and is skipped, 150 fits, 20 (unlisted) fits.
        assert_eq!(
            or_query(&terms, &stats).as_deref(),
            Some("'khai' | 'gan' | 'rare'")
        );
        // A small table keeps every term that is not common.
        let small = frequencies(&[("khai", 0.003), ("vung", 0.0025)], 10_000.0);
        assert_eq!(
            or_query(&terms, &small).as_deref(),
            Some("'khai' | 'vung' | 'gan' | 'rare'")
        );
    }
}
