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
//! and speed is no concern.

use std::collections::{HashMap, HashSet};

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
    let mut seen = std::collections::HashSet::new();
    parts
        .iter()
        .flat_map(|part| analyse(part))
        .filter(|term| seen.insert(term.clone()))
        .take(MAX_TERMS_CONSIDERED)
        .collect()
}

/// The terms too common to look for, given the share of `documents` each known term is in.
pub fn common_terms(shares: &HashMap<String, f64>, documents: f64) -> HashSet<String> {
    shares
        .iter()
        .filter(|(_, share)| {
            **share > COMMON_TERM_SHARE && **share * documents > COMMON_TERM_MIN_DOCS
        })
        .map(|(term, _)| term.clone())
        .collect()
}

/// The OR-query of the first [`MAX_QUERY_TERMS`] terms that are not `common`; `None` when
/// nothing is left.
pub fn or_query(terms: &[String], common: &HashSet<String>) -> Option<String> {
    let kept: Vec<String> = terms
        .iter()
        .filter(|t| !common.contains(*t))
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

    #[test]
    fn common_terms_are_those_in_many_documents_and_a_large_share() {
        let shares = HashMap::from([
            ("research".to_string(), 0.4),
            ("gan".to_string(), 0.002),
            ("chip".to_string(), 0.05),
        ]);
        let big = common_terms(&shares, 100_000.0);
        assert_eq!(
            big,
            HashSet::from(["research".to_string(), "chip".to_string()])
        );
        let small = common_terms(&shares, 1_000.0);
        assert_eq!(
            small,
            HashSet::from(["research".to_string()]),
            "50 documents are few"
        );
        assert!(common_terms(&shares, 240.0).is_empty());
    }

    #[test]
    fn common_terms_are_left_out_and_the_query_is_capped() {
        let terms = strings(&["research", "gan", "chip"]);
        let common = HashSet::from(["research".to_string()]);
        assert_eq!(or_query(&terms, &common).as_deref(), Some("'gan' | 'chip'"));
        let many: Vec<String> = (0..100).map(|i| format!("t{i}")).collect();
        let query = or_query(&many, &HashSet::new()).unwrap();
        assert_eq!(query.matches(" | ").count(), MAX_QUERY_TERMS - 1);
        assert!(query.starts_with("'t0' | 't1'"), "the most important first");
        assert_eq!(or_query(&strings(&["research"]), &common), None);
        assert_eq!(or_query(&[], &common), None);
    }
}
