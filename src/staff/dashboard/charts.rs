//! Chart geometry for the dashboard: pure functions from numbers and labels to coordinates in
//! an SVG `viewBox`. Templates draw the marks and write the text from these structs, so every
//! label goes through askama's escaping like any other text on the page (UI.md §5).
//!
//! Two layouts:
//! - [`bars`]: horizontal bars, one per category, the label on its own line(s) above the bar
//!   (long Vietnamese labels then never squeeze the bars) and the value written just after the
//!   end of the bar. The longest bar spans the plot; space for the widest value label is kept
//!   free on the right, so no value label ever leaves the `viewBox` or overlaps a bar.
//! - [`columns`]: small multiples for a monthly series: one panel per series, stacked, each
//!   with its own scale (the panel's largest value is its full height), its value above each
//!   column and the month under it.
//!
//! Text is sized in `viewBox` units, so it scales with the chart: bar charts are 480 units wide
//! (two side by side on a desktop, one on a phone: text of 18 units is then about 13px), the
//! monthly chart 400 (12 columns must stay readable on a phone).
//!
//! Text widths are estimated (no font metrics on the server): generously, so labels wrap
//! rather than overflow. Coordinates are rounded to a tenth of a unit to keep the markup short.

/// Width of a bar chart's `viewBox`; it scales to the column width (`width="100%"`).
pub const WIDTH: f64 = 480.0;
/// Width of the monthly column chart's `viewBox`.
pub const COLUMNS_WIDTH: f64 = 400.0;
/// Label text size in `viewBox` units.
pub const FONT: f64 = 18.0;
/// Text size of the values and months of the column charts.
pub const SMALL_FONT: f64 = 14.0;
/// Space between the edge of the `viewBox` and the marks.
const MARGIN: f64 = 4.0;
/// One line of label text.
const LINE: f64 = 24.0;
/// Thickness of a bar.
const BAR: f64 = 22.0;
/// Space between a label line and its bar, and after each bar.
const LABEL_GAP: f64 = 4.0;
const ROW_GAP: f64 = 14.0;
/// Space between the end of a bar and its value.
const VALUE_GAP: f64 = 6.0;

/// One line of text at a baseline `y` (x is given by the layout).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub y: f64,
    pub text: String,
}

/// What a bar chart shows: a category label, its value, and the value as the reader writes it.
#[derive(Clone, Debug)]
pub struct BarInput {
    pub label: String,
    pub value: i64,
    pub value_text: String,
}

/// One bar with its label lines and its value label.
#[derive(Clone, Debug)]
pub struct BarMark {
    pub label_lines: Vec<Line>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub value_x: f64,
    pub value_y: f64,
    pub value_text: String,
    /// The zero line drawn across this bar's band (not across its label, which starts at the
    /// same x), so a bar of zero still shows where it would start.
    pub axis_top: f64,
    pub axis_bottom: f64,
}

#[derive(Clone, Debug)]
pub struct BarLayout {
    pub width: f64,
    pub height: f64,
    /// x of the labels and of the zero line the bars start from.
    pub left: f64,
    pub font: f64,
    pub marks: Vec<BarMark>,
}

/// Lays out horizontal bars, top to bottom in the order given.
pub fn bars(items: &[BarInput]) -> BarLayout {
    let max_value = items.iter().map(|i| i.value.max(0)).max().unwrap_or(0);
    let value_room = items
        .iter()
        .map(|i| text_width(&i.value_text, FONT))
        .fold(0.0, f64::max)
        + VALUE_GAP;
    let plot = (WIDTH - 2.0 * MARGIN - value_room).max(WIDTH / 4.0);
    let label_room = WIDTH - 2.0 * MARGIN;
    let mut y = MARGIN;
    let mut marks = Vec::with_capacity(items.len());
    for item in items {
        let mut label_lines = Vec::new();
        for text in wrap(&item.label, FONT, label_room) {
            y += LINE;
            // The baseline sits a quarter of a line above the line's bottom (descenders).
            label_lines.push(Line {
                y: round(y - LINE / 4.0),
                text,
            });
        }
        y += LABEL_GAP;
        let width = if max_value == 0 {
            0.0
        } else {
            plot * item.value.max(0) as f64 / max_value as f64
        };
        marks.push(BarMark {
            label_lines,
            x: MARGIN,
            y: round(y),
            width: round(width),
            height: BAR,
            value_x: round(MARGIN + width + VALUE_GAP),
            // Baseline so that digits sit in the middle of the bar.
            value_y: round(y + BAR / 2.0 + FONT * 0.35),
            value_text: item.value_text.clone(),
            axis_top: round(y - 3.0),
            axis_bottom: round(y + BAR + 3.0),
        });
        y += BAR + ROW_GAP;
    }
    let bottom = (y - ROW_GAP + LABEL_GAP).max(MARGIN);
    BarLayout {
        width: WIDTH,
        height: round(bottom + MARGIN),
        left: MARGIN,
        font: FONT,
        marks,
    }
}

/// One series of a small-multiples column chart.
#[derive(Clone, Debug)]
pub struct PanelInput {
    pub title: String,
    pub values: Vec<i64>,
    pub value_texts: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct ColumnMark {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub value_x: f64,
    pub value_y: f64,
    pub value_text: String,
}

/// The label under one column (the month).
#[derive(Clone, Debug)]
pub struct Tick {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// Where a year begins among the columns (the first column, or a January).
#[derive(Clone, Debug)]
pub struct YearInput {
    pub column: usize,
    pub text: String,
}

/// A year written under the months, starting at the left edge of its first column, after a
/// short separator line where one year ends and the next begins.
#[derive(Clone, Debug)]
pub struct YearMark {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub separator: bool,
    pub separator_x: f64,
    pub separator_top: f64,
    pub separator_bottom: f64,
}

#[derive(Clone, Debug)]
pub struct Panel {
    pub title_lines: Vec<Line>,
    pub baseline_y: f64,
    pub marks: Vec<ColumnMark>,
    pub ticks: Vec<Tick>,
    pub years: Vec<YearMark>,
}

#[derive(Clone, Debug)]
pub struct ColumnLayout {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub font: f64,
    pub small_font: f64,
    pub panels: Vec<Panel>,
}

/// Height of the tallest column of a panel.
const PLOT: f64 = 64.0;
/// A column takes this share of its slot.
const COLUMN_SHARE: f64 = 0.64;
const SMALL_LINE: f64 = 17.0;
const PANEL_GAP: f64 = 22.0;

/// Lays out one panel per series, stacked; `ticks[i]` is written under column `i` and the
/// `years` under the months (the same in every panel). A year whose text would run into the
/// next year (or out of the chart) is left out: the chart's subtitle names the period anyway.
/// Every series must have `ticks.len()` values.
pub fn columns(panels: &[PanelInput], ticks: &[String], years: &[YearInput]) -> ColumnLayout {
    let count = ticks.len().max(1);
    let slot = (COLUMNS_WIDTH - 2.0 * MARGIN) / count as f64;
    let column = slot * COLUMN_SHARE;
    let edge = |i: usize| MARGIN + slot * i as f64;
    let kept: Vec<&YearInput> = years
        .iter()
        .enumerate()
        .filter(|(n, year)| {
            let end = years.get(n + 1).map_or(count, |next| next.column);
            let room = slot * end.saturating_sub(year.column) as f64 - 4.0;
            text_width(&year.text, SMALL_FONT) <= room
        })
        .map(|(_, year)| year)
        .collect();
    let mut y = MARGIN;
    let mut out = Vec::with_capacity(panels.len());
    for panel in panels {
        let mut title_lines = Vec::new();
        for text in wrap(&panel.title, FONT, COLUMNS_WIDTH - 2.0 * MARGIN) {
            y += LINE;
            title_lines.push(Line {
                y: round(y - LINE / 4.0),
                text,
            });
        }
        // Room for the value written above the tallest column.
        y += SMALL_LINE + 2.0;
        let baseline = y + PLOT;
        let max_value = panel.values.iter().map(|v| (*v).max(0)).max().unwrap_or(0);
        let marks = panel
            .values
            .iter()
            .zip(&panel.value_texts)
            .enumerate()
            .map(|(i, (value, text))| {
                let height = if max_value == 0 {
                    0.0
                } else {
                    PLOT * (*value).max(0) as f64 / max_value as f64
                };
                let centre = MARGIN + slot * (i as f64 + 0.5);
                ColumnMark {
                    x: round(centre - column / 2.0),
                    y: round(baseline - height),
                    width: round(column),
                    height: round(height),
                    value_x: round(centre),
                    value_y: round(baseline - height - 4.0),
                    value_text: text.clone(),
                }
            })
            .collect();
        let tick_marks = ticks
            .iter()
            .enumerate()
            .map(|(i, text)| Tick {
                x: round(MARGIN + slot * (i as f64 + 0.5)),
                y: round(baseline + SMALL_LINE),
                text: text.clone(),
            })
            .collect();
        let year_marks = kept
            .iter()
            .map(|year| YearMark {
                x: round(edge(year.column) + if year.column > 0 { 3.0 } else { 0.0 }),
                y: round(baseline + 2.0 * SMALL_LINE),
                text: year.text.clone(),
                separator: year.column > 0,
                separator_x: round(edge(year.column)),
                separator_top: round(baseline),
                separator_bottom: round(baseline + 2.0 * SMALL_LINE + 4.0),
            })
            .collect();
        out.push(Panel {
            title_lines,
            baseline_y: round(baseline),
            marks,
            ticks: tick_marks,
            years: year_marks,
        });
        let lines = if years.is_empty() { 1.0 } else { 2.0 };
        y = baseline + SMALL_LINE * lines + 4.0 + PANEL_GAP;
    }
    let height = (y - PANEL_GAP + MARGIN).max(2.0 * MARGIN);
    ColumnLayout {
        width: COLUMNS_WIDTH,
        height: round(height),
        left: MARGIN,
        right: COLUMNS_WIDTH - MARGIN,
        font: FONT,
        small_font: SMALL_FONT,
        panels: out,
    }
}

/// An estimate of the width of `text` at `font` size: CJK and other wide characters take a
/// full em, capitals and wide Latin letters 0.75, narrow ones 0.3, everything else 0.6.
/// Generous on purpose, so an estimated line is never longer than the drawn one.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars().map(|c| char_em(c) * font).sum()
}

fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if matches!(
        c,
        'i' | 'l'
            | 'j'
            | 't'
            | 'f'
            | 'r'
            | '.'
            | ','
            | ':'
            | ';'
            | '\''
            | '!'
            | '|'
            | ' '
            | '('
            | ')'
    ) {
        0.35
    } else if c.is_uppercase() || matches!(c, 'm' | 'w' | '%' | '@') {
        0.8
    } else {
        0.6
    }
}

/// East Asian wide characters (CJK, kana, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Splits `text` into lines of at most `max` estimated width: at spaces where there are
/// any, else (Japanese) between characters; a word longer than a line is split too.
pub fn wrap(text: &str, font: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in pieces(text) {
        let candidate = if current.is_empty() {
            piece.trim_start().to_string()
        } else {
            format!("{current}{piece}")
        };
        if text_width(candidate.trim_end(), font) <= max {
            current = candidate;
            continue;
        }
        if !current.trim().is_empty() {
            lines.push(current.trim_end().to_string());
        }
        current = String::new();
        // The piece alone may still be too long: cut it character by character.
        for c in piece.trim_start().chars() {
            if !current.is_empty() && text_width(&format!("{current}{c}"), font) > max {
                lines.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
    }
    if !current.trim().is_empty() {
        lines.push(current.trim_end().to_string());
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Words with their leading space; each wide character is a piece of its own (Japanese may
/// break between any two characters, and line-break rules are not worth more here).
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c == ' ' {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            word.push(' ');
        } else if is_wide(c) {
            if !word.trim().is_empty() {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(label: &str, value: i64) -> BarInput {
        BarInput {
            label: label.into(),
            value,
            value_text: value.to_string(),
        }
    }

    #[test]
    fn bars_are_proportional_and_the_longest_fills_the_plot() {
        let layout = bars(&[input("A", 40), input("B", 10), input("C", 20)]);
        let widths: Vec<f64> = layout.marks.iter().map(|m| m.width).collect();
        let longest = widths[0];
        assert!(longest > WIDTH * 0.8, "{longest}");
        assert!((widths[1] - longest / 4.0).abs() < 0.2, "{widths:?}");
        assert!((widths[2] - longest / 2.0).abs() < 0.2, "{widths:?}");
        for m in &layout.marks {
            assert_eq!(m.x, layout.left);
        }
    }

    #[test]
    fn value_labels_follow_their_bar_and_stay_inside_the_view_box() {
        let layout = bars(&[input("A", 123_456), input("B", 7), input("C", 0)]);
        for m in &layout.marks {
            assert!(m.value_x >= m.x + m.width, "label after the bar end");
            let end = m.value_x + text_width(&m.value_text, FONT);
            assert!(end <= layout.width, "{end} > {}", layout.width);
            assert!(
                m.value_y > m.y && m.value_y <= m.y + m.height,
                "inside the bar's band"
            );
        }
    }

    #[test]
    fn zero_and_empty_charts_have_no_bars_and_no_nan() {
        let layout = bars(&[input("A", 0), input("B", 0)]);
        assert!(layout.marks.iter().all(|m| m.width == 0.0));
        assert!(layout.height.is_finite() && layout.height > 0.0);
        let empty = bars(&[]);
        assert!(empty.marks.is_empty());
        assert!(empty.height > 0.0);
    }

    #[test]
    fn rows_are_stacked_without_overlap_and_the_view_box_holds_them() {
        let layout = bars(&[
            input("Khoa học kỹ thuật và công nghệ", 5),
            input("工学・技術", 3),
            input("Engineering and technology", 1),
        ]);
        let mut previous_bottom = 0.0;
        for m in &layout.marks {
            let first_label_top = m.label_lines[0].y - FONT;
            assert!(
                first_label_top >= previous_bottom,
                "label below the previous bar"
            );
            assert!(m.label_lines.last().unwrap().y < m.y, "label above its bar");
            previous_bottom = m.y + m.height;
        }
        assert!(layout.height >= previous_bottom);
        for m in &layout.marks {
            assert!(
                m.axis_top < m.y && m.axis_bottom > m.y + m.height,
                "zero line spans the bar"
            );
            assert!(
                m.axis_top > m.label_lines.last().unwrap().y,
                "and not the label"
            );
        }
    }

    #[test]
    fn long_labels_wrap_within_the_width_and_keep_every_word() {
        let long =
            "Tư vấn chiến lược, chính sách, chuyển giao công nghệ cho các bộ, ngành và địa phương";
        let lines = wrap(long, FONT, 300.0);
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            assert!(text_width(line, FONT) <= 300.0, "{line}");
        }
        assert_eq!(lines.join(" "), long);

        let japanese = "戦略・政策・技術移転に関する助言と国別拠点の長い見出しテキスト";
        let lines = wrap(japanese, FONT, 160.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, FONT) <= 160.0));
        assert_eq!(lines.concat(), japanese);

        assert_eq!(wrap("Short", FONT, 300.0), vec!["Short".to_string()]);
        assert_eq!(wrap("", FONT, 300.0), vec![String::new()]);
    }

    #[test]
    fn a_bar_chart_grows_with_wrapped_labels() {
        let short = bars(&[input("A", 1)]);
        let long = bars(&[input(&"Khoa học ".repeat(12), 1)]);
        assert!(long.marks[0].label_lines.len() > 1);
        assert!(long.height > short.height);
    }

    #[test]
    fn wide_characters_count_a_full_em() {
        assert_eq!(text_width("日本", 10.0), 20.0);
        assert!(text_width("ab", 10.0) < 20.0);
        assert!(text_width("Ở ĐÂY", 10.0) > text_width("o day", 10.0));
    }

    fn panel(title: &str, values: &[i64]) -> PanelInput {
        PanelInput {
            title: title.into(),
            values: values.to_vec(),
            value_texts: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    fn months(n: usize) -> Vec<String> {
        (1..=n).map(|m| format!("T{m}")).collect()
    }

    #[test]
    fn columns_share_a_baseline_per_panel_with_their_own_scale() {
        let layout = columns(
            &[
                panel("New", &[0, 5, 10, 5]),
                panel("Matches", &[1, 2, 0, 4]),
            ],
            &months(4),
            &[],
        );
        assert_eq!(layout.panels.len(), 2);
        for p in &layout.panels {
            let tallest = p.marks.iter().map(|m| m.height).fold(0.0, f64::max);
            assert!(
                (tallest - PLOT).abs() < 0.01,
                "each panel has its own scale"
            );
            for m in &p.marks {
                assert!(
                    (m.y + m.height - p.baseline_y).abs() < 0.11,
                    "standing on the baseline"
                );
                assert!(m.value_y < m.y, "value above the column");
                assert!(m.x >= 0.0 && m.x + m.width <= layout.width);
            }
            assert_eq!(p.ticks.len(), 4);
            assert!(p.ticks.iter().all(|t| t.y > p.baseline_y));
        }
        let first = &layout.panels[0];
        assert!((first.marks[1].height - first.marks[2].height / 2.0).abs() < 0.11);
        assert_eq!(first.marks[0].height, 0.0);
        // Panels are stacked: the second title starts below the first panel's month labels.
        let second_title = layout.panels[1].title_lines[0].y - FONT;
        assert!(second_title > first.ticks[0].y);
        assert!(layout.height > layout.panels[1].ticks[0].y);
    }

    #[test]
    fn columns_are_evenly_spaced_and_centred_on_their_ticks() {
        let layout = columns(&[panel("x", &[1; 12])], &months(12), &[]);
        let p = &layout.panels[0];
        let step = (p.marks[11].x - p.marks[0].x) / 11.0;
        for (i, m) in p.marks.iter().enumerate() {
            assert!(
                (m.x - (p.marks[0].x + step * i as f64)).abs() < 0.2,
                "evenly spaced"
            );
            assert!((m.value_x - p.ticks[i].x).abs() < 0.01);
            assert!((m.x + m.width / 2.0 - p.ticks[i].x).abs() < 0.2);
        }
        assert!(p.marks[11].x + p.marks[11].width <= layout.right);
    }

    fn year(column: usize, text: &str) -> YearInput {
        YearInput {
            column,
            text: text.into(),
        }
    }

    #[test]
    fn years_start_at_their_first_month_and_never_collide() {
        // December 2025 to November 2026: no room for "2025年" in one column; 2026 starts
        // after a separator at the January column.
        let layout = columns(
            &[panel("x", &[1; 12])],
            &months(12),
            &[year(0, "2025年"), year(1, "2026年")],
        );
        let years = &layout.panels[0].years;
        assert_eq!(years.len(), 1);
        assert_eq!(years[0].text, "2026年");
        assert!(years[0].separator);
        assert!(years[0].x > layout.panels[0].marks[0].x + layout.panels[0].marks[0].width);
        assert!(years[0].x < layout.panels[0].marks[1].x);
        assert!(years[0].y > layout.panels[0].ticks[0].y, "below the months");

        // June to May: both years fit, the first without a separator.
        let layout = columns(
            &[panel("x", &[1; 12])],
            &months(12),
            &[year(0, "2025"), year(7, "2026")],
        );
        let years = &layout.panels[0].years;
        assert_eq!(years.len(), 2);
        assert!(!years[0].separator && years[1].separator);
        assert!(years[0].x + text_width("2025", SMALL_FONT) < years[1].x);

        // A January in the last column: no room before the right edge.
        let layout = columns(
            &[panel("x", &[1; 12])],
            &months(12),
            &[year(0, "2025年"), year(11, "2026年")],
        );
        let years = &layout.panels[0].years;
        assert_eq!(years.len(), 1);
        assert_eq!(years[0].text, "2025年");
    }

    #[test]
    fn an_all_zero_series_draws_flat_columns() {
        let layout = columns(&[panel("x", &[0, 0])], &months(2), &[]);
        assert!(layout.panels[0].marks.iter().all(|m| m.height == 0.0));
        assert!(layout.height.is_finite());
    }
}
