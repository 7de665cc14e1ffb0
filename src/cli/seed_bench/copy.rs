//! Rows in PostgreSQL's COPY text format, and the batches the loader sends.
//!
//! Text format: columns separated by a tab, rows ended by a newline, `\N` for NULL, and a
//! backslash before any backslash, tab, newline or carriage return inside a value. Arrays are
//! written as array literals (`{"a","b c"}`), every element quoted, `"` and `\` escaped inside
//! the quotes, and the literal then escaped as any other value.

use std::fmt::Write as _;

use time::{Date, OffsetDateTime};

/// One table's rows for one `COPY … FROM STDIN`.
pub struct CopyRows {
    /// `table (col, col, …)`.
    pub target: &'static str,
    pub data: Vec<u8>,
    pub rows: u64,
    at_row_start: bool,
}

impl CopyRows {
    pub fn new(target: &'static str) -> CopyRows {
        CopyRows {
            target,
            data: Vec::with_capacity(64 * 1024),
            rows: 0,
            at_row_start: true,
        }
    }

    fn separate(&mut self) {
        if !self.at_row_start {
            self.data.push(b'\t');
        }
        self.at_row_start = false;
    }

    pub fn end_row(&mut self) {
        self.data.push(b'\n');
        self.rows += 1;
        self.at_row_start = true;
    }

    pub fn null(&mut self) -> &mut Self {
        self.separate();
        self.data.extend_from_slice(b"\\N");
        self
    }

    pub fn text(&mut self, value: &str) -> &mut Self {
        self.separate();
        escape_into(&mut self.data, value);
        self
    }

    pub fn opt_text(&mut self, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => self.text(v),
            None => self.null(),
        }
    }

    pub fn int(&mut self, value: i64) -> &mut Self {
        self.separate();
        let mut buf = itoa_buf(value);
        self.data.append(&mut buf);
        self
    }

    pub fn opt_int(&mut self, value: Option<i64>) -> &mut Self {
        match value {
            Some(v) => self.int(v),
            None => self.null(),
        }
    }

    pub fn boolean(&mut self, value: bool) -> &mut Self {
        self.separate();
        self.data.push(if value { b't' } else { b'f' });
        self
    }

    pub fn opt_date(&mut self, value: Option<Date>) -> &mut Self {
        match value {
            Some(v) => {
                self.separate();
                self.data.extend_from_slice(date_text(v).as_bytes());
                self
            }
            None => self.null(),
        }
    }

    pub fn time(&mut self, value: OffsetDateTime) -> &mut Self {
        self.separate();
        self.data
            .extend_from_slice(timestamp_text(value).as_bytes());
        self
    }

    pub fn opt_time(&mut self, value: Option<OffsetDateTime>) -> &mut Self {
        match value {
            Some(v) => self.time(v),
            None => self.null(),
        }
    }
}

/// Rows of a table with a search document: every column but the last is written, and the
/// last one, `search_doc`, is added from the text to index (see `load::attach_search_docs`).
pub struct SearchRows {
    /// Its target names `search_doc` last.
    pub rows: CopyRows,
    /// For each row, the text to bind to `to_tsvector('simple', …)`.
    pub docs: Vec<String>,
}

impl SearchRows {
    pub fn new(target: &'static str) -> SearchRows {
        debug_assert!(target.ends_with("search_doc)"));
        SearchRows {
            rows: CopyRows::new(target),
            docs: Vec::new(),
        }
    }

    /// Appends `tsvectors[i]` (the text form of a `tsvector`) to row `i`.
    pub fn complete(self, tsvectors: &[String]) -> CopyRows {
        let mut out = CopyRows::new(self.rows.target);
        out.data
            .reserve(self.rows.data.len() + tsvectors.iter().map(String::len).sum::<usize>());
        // A raw newline only ever ends a row: newlines inside values are escaped.
        let lines = self
            .rows
            .data
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty());
        for (line, tsvector) in lines.zip(tsvectors) {
            out.data.extend_from_slice(line);
            out.at_row_start = false;
            out.text(tsvector);
            out.end_row();
        }
        out
    }
}

fn itoa_buf(value: i64) -> Vec<u8> {
    value.to_string().into_bytes()
}

fn escape_into(out: &mut Vec<u8>, value: &str) {
    for &b in value.as_bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            other => out.push(other),
        }
    }
}

/// `{"a","b"}`: the text form of a `text[]`, for COPY or for a `$n::text[]` cast.
pub fn array_literal(values: &[String]) -> String {
    let mut out = String::with_capacity(2 + values.iter().map(|v| v.len() + 3).sum::<usize>());
    out.push('{');
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        for c in value.chars() {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    }
    out.push('}');
    out
}

pub fn date_text(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// UTC, whole seconds: `2026-01-02 03:04:05+00`.
pub fn timestamp_text(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let mut s = date_text(t.date());
    let _ = write!(s, " {:02}:{:02}:{:02}+00", t.hour(), t.minute(), t.second());
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn values_are_escaped_and_rows_are_tab_separated() {
        let mut rows = CopyRows::new("t (a, b, c, d)");
        rows.int(7).text("a\tb\\c\nd").null().text(&array_literal(&[
            "x".into(),
            "y \"z\"".into(),
            "w\\v".into(),
        ]));
        rows.end_row();
        assert_eq!(
            String::from_utf8(rows.data).unwrap(),
            "7\ta\\tb\\\\c\\nd\t\\N\t{\"x\",\"y \\\\\"z\\\\\"\",\"w\\\\\\\\v\"}\n"
        );
        assert_eq!(rows.rows, 1);
    }

    #[test]
    fn search_rows_get_their_documents_last() {
        let mut rows = SearchRows::new("t (a, b, search_doc)");
        rows.rows.int(1).text("x\ny").end_row();
        rows.rows.int(2).null().end_row();
        let done = rows.complete(&["'a':1".into(), "'b':2 'c':1".into()]);
        assert_eq!(
            String::from_utf8(done.data).unwrap(),
            "1\tx\\ny\t'a':1\n2\t\\N\t'b':2 'c':1\n"
        );
        assert_eq!(done.rows, 2);
    }

    #[test]
    fn times_are_utc_whole_seconds() {
        assert_eq!(
            timestamp_text(datetime!(2026-03-04 05:06:07 +09:00)),
            "2026-03-03 20:06:07+00"
        );
        assert_eq!(array_literal(&[]), "{}");
    }
}
