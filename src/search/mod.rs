//! Search: the one text analyser used both when indexing and when querying.
//!
//! Profiles and problems keep a `tsvector` column filled from [`index_text`] through
//! `to_tsvector('simple', $1)`; the directory and the board search it with [`tsquery`] through
//! `to_tsquery('simple', $1)`. The `simple` configuration neither stems nor drops stop words, so
//! what PostgreSQL stores is exactly the terms the analyser made: all the language work
//! (diacritics, Japanese without spaces, width variants) happens in Rust, in one place. See
//! [`analyser`] for the design.

pub mod analyser;

pub use analyser::{analyse, field_term, field_tsquery, index_text, tsquery};
