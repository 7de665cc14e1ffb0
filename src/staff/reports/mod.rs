//! CSV reports for embassy staff: `GET /staff/reports` (the page that chooses one) and
//! `GET /staff/reports/{name}.csv` for `scientists`, `problems`, `matches` and `outcomes`.
//!
//! Decisions, also explained to staff on the page:
//!
//! - **Dates.** `from` and `to` are inclusive days, `YYYY-MM-DD`, counted in UTC. Scientists,
//!   problems and matches are filtered on when the row was created; outcomes on when the match
//!   ended (`ended_at`), which is when its outcome was recorded. Either end may be left empty.
//! - **Hubs.** Scientists belong to the hub they live in; problems to their target hubs (none
//!   means every hub); matches and outcomes to their problem's, as the match pages decide who
//!   is staff to a match. Staff see their hubs only (`hub` of another one: 403); admins every
//!   hub (a hub that does not exist: 404).
//! - **Personal data.** Data minimisation: no email address in the scientists, problems and
//!   outcomes reports, which are for counting and reporting upward. The matches report carries
//!   the scientist's email and the problem owner's contact (the problem's author) only for
//!   matches still in progress (pending or active), where staff coordinate the three parties;
//!   once a match has ended they are left empty. The SQL itself leaves them out, so they never
//!   reach this process. Every export is written to the audit log (`report.exported`, with
//!   the report, dates, hub and language) before the first byte is sent.
//! - **Format.** UTF-8 with a byte-order mark (Excel reads Vietnamese and Japanese correctly
//!   only with it), RFC 4180 quoting and CRLF line ends (the `csv` crate). The header row and
//!   the labels (positions, fields, statuses, …) are in the reader's language, in a fixed
//!   column order; dates are ISO `YYYY-MM-DD` (UTC) so every spreadsheet reads them as dates.
//!   Drafts of problems are left out: they are their authors' unfinished work.
//!   Text typed by users that starts with `=`, `+`, `-` or `@` gets a leading apostrophe, so a
//!   spreadsheet shows it instead of running it as a formula (OWASP "CSV injection").
//! - **Streaming.** Rows come from PostgreSQL through a row stream (`fetch`, never `fetch_all`)
//!   and are written to the response in 64 KiB chunks as they arrive (`stream`), so a report of
//!   any size needs a few chunks of memory. A pool connection is held while the body streams;
//!   a client that stops reading for a minute loses the download and frees the connection.
//! - **Bad input.** Bad dates on a CSV link send the browser back to the form (303), which
//!   shows the values and an error beside each field (422).

mod export;
mod labels;
mod matches;
mod outcomes;
mod page;
mod params;
mod problems;
mod scientists;
mod sheet;
mod stream;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub use params::ReportName;

/// Both routes take `StaffUser`: staff and admins.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/reports", get(page::show))
        // The router cannot match a parameter followed by ".csv"; the handler checks the suffix.
        .route("/staff/reports/{file}", get(export::download))
}
