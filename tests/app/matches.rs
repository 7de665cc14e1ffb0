//! The three-consent match: interest, invitation and proposal; consents, declines, withdrawal
//! and completion with their history, audit rows and notifications; one live match per pair;
//! who may see and act on a match; messages; the conflict-of-interest flag; the lists; the bad
//! input of the issue; and the pages in three languages.

mod access;
mod bad_input;
mod fixtures;
mod journeys;
mod pages;
