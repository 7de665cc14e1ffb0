//! Search: the one text analyser used both when indexing and when querying.
//!
//! Profiles and problems keep a `tsvector` column filled from [`index_text`] through
//! `to_tsvector('simple', $1)`; the directory and the board search it with [`tsquery`] through
//! `to_tsquery('simple', $1)`. The `simple` configuration neither stems nor drops stop words, so
//! what PostgreSQL stores is exactly the terms the analyser made: all the language work
//! (diacritics, Japanese without spaces, width variants) happens in Rust, in one place. See
//! [`analyser`] for the design.

pub mod analyser;
pub mod faceted;

pub use analyser::{analyse, field_term, field_tsquery, index_text, tsquery};

/// The tsquery for what a visitor typed in a search box. A taxonomy code on its own
/// ("semi.chip_design") finds what is tagged with that field, whatever language it is written
/// in; anything else goes through the analyser. `None` when nothing searchable is left.
pub fn visitor_query(q: &str) -> Option<String> {
    let q = q.trim();
    let is_code = q.contains('.')
        && q.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        });
    if is_code {
        Some(field_tsquery(q))
    } else {
        tsquery(q)
    }
}
