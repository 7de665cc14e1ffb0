//! The text analyser: turns Vietnamese, Japanese, English (or mixed) text into search terms.
//!
//! The same function runs when a profile or problem is indexed and when a user searches, so a
//! query always meets the index in the same form. The steps, and why:
//!
//! 1. **NFKC and lower case.** Full-width `ＡＩ１２３` and half-width `ﾃﾞｰﾀ` are the same words
//!    as `AI123` and `データ`; IMEs produce either, so both sides are normalised first.
//! 2. **Fold Latin diacritics** (`bán dẫn` → `ban dan`, `đ` → `d`, `é` → `e`). Vietnamese users
//!    often type without diacritics (phones, foreign keyboards, URLs), and the design requires
//!    that "ban dan" finds "bán dẫn". Folding loses precision (`bàn`, `bạn` and `bán` all become
//!    `ban`), which search tolerates better than missing results. Only marks on Latin letters
//!    are removed: the voicing marks of kana (`が`, `パ`) change the word and stay.
//! 3. **Words** of letters and digits for Latin (and other alphabetic) scripts, split at
//!    anything else. Single letters and a short list of English and Vietnamese function words
//!    are dropped, because every query term must match and "the" or "và" would only get in the
//!    way.
//! 4. **CJK runs as overlapping bigrams** (`半導体` → `半導`, `導体`), as Lucene's CJK analyzer
//!    does. Japanese (and Chinese) text has no spaces and a dictionary segmenter is a large
//!    dependency that still disagrees with users about word boundaries; bigrams need no
//!    dictionary and find any word of two or more characters. Queries join a run's bigrams with
//!    `<->` (followed by), so `半導体` must appear in that order, not just its pieces anywhere.
//!
//! **Field terms.** Taxonomy codes (`tech.ai`, `oecd.2.2`) are not text: [`field_term`] turns
//! one into a single term such as `f/tech/ai`, added to the index by [`index_text`], so a
//! profile tagged with a field is found by the code whatever language it is written in. The
//! analyser never produces a term containing `/` (it is a separator), so a field term cannot
//! collide with a word. The `/` form is chosen because PostgreSQL's parser keeps it as one
//! lexeme (a "file path" token); it splits `f_tech_ai` at the underscores into `f`, `tech`,
//! `ai`, which would make a search for "ai" match every profile tagged `tech.ai`.
//!
//! **Safety.** Terms contain only letters, digits and combining marks (plus `/` and `_` in
//! field terms), never a quote, backslash, space or tsquery operator, so the strings built here
//! are safe to bind as parameters of `to_tsvector` and `to_tsquery`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Function words dropped from both the index and queries, written as they are after folding.
///
/// Since the same lists apply to both sides, dropping a word never loses a match; it only stops
/// the word from being required by every query that contains it.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "it", "of", "on", "or", "the",
    "to", "with",
];

/// và, của, các, là, cho, với, trong, một, được. Because of folding, the English list also drops
/// some Vietnamese syllables (`an toàn` keeps only `toan`). `nhung` is deliberately *not* here:
/// besides "những" it is "nhúng", as in "hệ thống nhúng" (embedded systems).
const VIETNAMESE_STOP_WORDS: &[&str] = &[
    "cac", "cho", "cua", "duoc", "la", "mot", "trong", "va", "voi",
];

/// Longer "words" are hashes, base64 or URLs run together: noise in the index, and PostgreSQL
/// refuses lexemes over 2047 bytes.
const MAX_WORD_CHARS: usize = 64;

/// Prefix of every field term; the `/` is what keeps field terms apart from words.
const FIELD_PREFIX: &str = "f/";

/// One unit of analysed text: a word, or the grams of one CJK run (kept together so that a
/// query can require them in sequence).
#[derive(Debug)]
enum Group {
    Word(String),
    Cjk(Vec<String>),
}

/// What a character contributes to: a word, a CJK run, or neither (a separator).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cjk,
    Separator,
}

/// The search terms of `text`, in order, duplicates kept (ranking counts them).
pub fn analyse(text: &str) -> Vec<String> {
    groups(text)
        .into_iter()
        .flat_map(|group| match group {
            Group::Word(word) => vec![word],
            Group::Cjk(grams) => grams,
        })
        .collect()
}

/// The term standing for taxonomy code `code` in the index: `tech.ai` → `f/tech/ai`.
///
/// Segments are lower-cased and anything but ASCII letters and digits becomes `_`, so the term
/// is always safe in a tsquery and stays one lexeme for PostgreSQL.
pub fn field_term(code: &str) -> String {
    let segments: Vec<String> = code
        .split('.')
        .filter(|segment| !segment.is_empty())
        .map(field_segment)
        .collect();
    format!("{FIELD_PREFIX}{}", segments.join("/"))
}

/// A tsquery matching documents indexed with the field `code`: `'f/tech/ai'`.
pub fn field_tsquery(code: &str) -> String {
    quote(&field_term(code))
}

/// The text to bind to `to_tsvector('simple', $1)`: the terms of every part, then the field
/// terms, separated by spaces.
pub fn index_text(parts: &[&str], field_codes: &[&str]) -> String {
    let mut terms: Vec<String> = parts.iter().flat_map(|part| analyse(part)).collect();
    terms.extend(field_codes.iter().map(|code| field_term(code)));
    terms.join(" ")
}

/// The text to bind to `to_tsquery('simple', $1)` for a user's query: every word and every CJK
/// run must match (`&`), a run's bigrams in sequence (`<->`). `None` when the query has no terms
/// (only punctuation or stop words), in which case the caller should not filter by text at all.
///
/// No parentheses are needed: in a tsquery `<->` binds more tightly than `&`.
pub fn tsquery(query: &str) -> Option<String> {
    let clauses: Vec<String> = groups(query)
        .iter()
        .map(|group| match group {
            Group::Word(word) => quote(word),
            Group::Cjk(grams) => grams
                .iter()
                .map(|gram| quote(gram))
                .collect::<Vec<_>>()
                .join(" <-> "),
        })
        .collect();
    (!clauses.is_empty()).then(|| clauses.join(" & "))
}

/// A tsquery operand. Terms never need escaping (see the module comment); the quotes make sure
/// PostgreSQL reads each one as a single operand whatever it contains.
fn quote(term: &str) -> String {
    debug_assert!(!term.contains(['\'', '\\']), "unsafe search term {term:?}");
    format!("'{term}'")
}

/// Splits normalised text into words and CJK runs.
fn groups(text: &str) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut run = String::new();
    let mut run_class = Class::Separator;
    for c in normalise(text).chars() {
        let class = classify(c, run_class);
        if class != run_class {
            groups.extend(finish_run(run_class, &run));
            run.clear();
            run_class = class;
        }
        if class != Class::Separator {
            run.push(c);
        }
    }
    groups.extend(finish_run(run_class, &run));
    groups
}

/// NFKC, lower case, then Latin diacritics folded (see [`normalise_fully`]), with a shortcut:
/// those steps leave ASCII unchanged but for the case, and nothing composes across a space, so
/// each space-separated piece that is all ASCII is only lower-cased. Most English words and
/// many Vietnamese syllables are, and the full steps were most of the cost of ranking (issue 7).
fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut normalised = String::with_capacity(text.len());
    for (n, piece) in text.split(' ').enumerate() {
        if n > 0 {
            normalised.push(' ');
        }
        if piece.is_ascii() {
            normalised.extend(piece.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            normalised.push_str(&normalise_fully(piece));
        }
    }
    normalised
}

/// NFKC, lower case, then Latin diacritics folded. NFD separates the marks so they can be
/// dropped; NFC afterwards puts back together what was kept (kana voicing, Hangul syllables).
fn normalise_fully(text: &str) -> String {
    let mut after_latin_letter = false;
    text.nfkc()
        .flat_map(char::to_lowercase)
        .nfd()
        .filter(move |&c| {
            if is_combining_mark(c) {
                return !after_latin_letter;
            }
            after_latin_letter = is_latin_letter(c);
            true
        })
        // đ has no decomposition, so it is mapped by hand; ð (eth) is its look-alike that
        // legacy Vietnamese encodings and careless typing produce.
        .map(|c| if matches!(c, 'đ' | 'ð') { 'd' } else { c })
        .nfc()
        .collect()
}

/// A combining mark continues a word (scripts such as Devanagari write vowels with them) but
/// never starts one.
fn classify(c: char, previous: Class) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() || (previous == Class::Word && is_combining_mark(c)) {
        Class::Word
    } else {
        Class::Separator
    }
}

fn finish_run(class: Class, run: &str) -> Option<Group> {
    match class {
        Class::Word => keep_word(run).then(|| Group::Word(run.to_owned())),
        Class::Cjk => Some(Group::Cjk(bigrams(run))),
        Class::Separator => None,
    }
}

/// Numbers count from one digit ("5", "2024"); letters need two, since single letters are
/// initials and list markers, not search words.
fn keep_word(word: &str) -> bool {
    let length = word.chars().count();
    let min_length = if word.chars().all(|c| c.is_numeric()) {
        1
    } else {
        2
    };
    (min_length..=MAX_WORD_CHARS).contains(&length) && !is_stop_word(word)
}

fn is_stop_word(word: &str) -> bool {
    ENGLISH_STOP_WORDS.contains(&word) || VIETNAMESE_STOP_WORDS.contains(&word)
}

/// Overlapping character bigrams of a CJK run; a one-character run is its own term.
fn bigrams(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        return vec![run.to_owned()];
    }
    chars.windows(2).map(|pair| pair.iter().collect()).collect()
}

/// Letters of the Latin script, whose diacritics are folded away.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic()
            && matches!(c,
                '\u{00C0}'..='\u{024F}' // Latin-1 Supplement, Extended-A and -B
                | '\u{0250}'..='\u{02AF}' // IPA Extensions
                | '\u{1E00}'..='\u{1EFF}' // Latin Extended Additional (precomposed Vietnamese)
                | '\u{2C60}'..='\u{2C7F}' // Latin Extended-C
                | '\u{A720}'..='\u{A7FF}' // Latin Extended-D
                | '\u{AB30}'..='\u{AB6F}' // Latin Extended-E
            ))
}

/// Letters of scripts written without spaces between words: Han, Hiragana, Katakana (with the
/// prolonged sound mark ー, which is a letter) and Hangul, indexed as bigrams. Punctuation in
/// these blocks (、。・「」) is not alphabetic and so separates runs.
fn is_cjk(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c,
            '\u{1100}'..='\u{11FF}' // Hangul Jamo
            | '\u{3005}'..='\u{3007}' // 々 〆 〇
            | '\u{3041}'..='\u{309F}' // Hiragana
            | '\u{30A0}'..='\u{30FF}' // Katakana, including ー
            | '\u{3130}'..='\u{318F}' // Hangul Compatibility Jamo
            | '\u{31F0}'..='\u{31FF}' // Katakana Phonetic Extensions
            | '\u{3400}'..='\u{4DBF}' // CJK Extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
            | '\u{A960}'..='\u{A97F}' // Hangul Jamo Extended-A
            | '\u{AC00}'..='\u{D7AF}' // Hangul Syllables
            | '\u{D7B0}'..='\u{D7FF}' // Hangul Jamo Extended-B
            | '\u{F900}'..='\u{FAFF}' // CJK Compatibility Ideographs
            | '\u{1B000}'..='\u{1B16F}' // Kana Supplement and Extended-A
            | '\u{20000}'..='\u{3FFFF}' // CJK Extensions B and later
        )
}

fn field_segment(segment: &str) -> String {
    segment
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        analyse(text)
    }

    #[test]
    fn the_ascii_shortcut_normalises_as_the_full_steps_do() {
        let texts = [
            "Power Electronics, GaN (2024)",
            "Bán dẫn công suất cho XE ĐIỆN",
            "Thiết kế vi mạch",
            "a \u{301}b e\u{301} C\u{327}a",
            "ＡＩ１２３ and ﾃﾞｰﾀ, 半導体 デバイス",
            "x\u{a0}y\u{3000}z  double  space ",
            "ĐÀ NẴNG đà nẵng ð",
            "",
            " ",
        ];
        for text in texts {
            assert_eq!(normalise(text), normalise_fully(text), "{text:?}");
        }
    }

    #[test]
    fn vietnamese_with_and_without_diacritics_give_the_same_terms() {
        assert_eq!(terms("Bán dẫn"), ["ban", "dan"]);
        assert_eq!(terms("Bán dẫn"), terms("ban dan"));
        assert_eq!(terms("BÁN DẪN"), terms("ban dan"));
    }

    #[test]
    fn d_with_stroke_folds_to_d() {
        assert_eq!(terms("Đà Nẵng"), ["da", "nang"]);
        assert_eq!(terms("ĐẠI HỌC đại học"), ["dai", "hoc", "dai", "hoc"]);
    }

    #[test]
    fn decomposed_input_folds_like_precomposed_input() {
        let decomposed: String = "Thiết kế".nfd().collect();
        assert_eq!(terms(&decomposed), ["thiet", "ke"]);
    }

    #[test]
    fn other_latin_accents_fold_too() {
        assert_eq!(
            terms("Café Zürich Ångström"),
            ["cafe", "zurich", "angstrom"]
        );
    }

    #[test]
    fn japanese_is_split_into_overlapping_bigrams() {
        assert_eq!(
            terms("半導体の設計"),
            ["半導", "導体", "体の", "の設", "設計"]
        );
    }

    #[test]
    fn a_one_character_run_is_a_unigram() {
        assert_eq!(terms("光"), ["光"]);
        assert_eq!(terms("光 と 影"), ["光", "と", "影"]);
    }

    #[test]
    fn mixed_latin_and_cjk_text_is_split_at_the_script_change() {
        assert_eq!(terms("AI研究"), ["ai", "研究"]);
        assert_eq!(
            terms("AI研究とbig data"),
            ["ai", "研究", "究と", "big", "data"]
        );
    }

    #[test]
    fn full_width_and_half_width_forms_are_normalised() {
        assert_eq!(terms("ＡＩ"), ["ai"]);
        assert_eq!(terms("ＣＯＶＩＤ１９"), ["covid19"]);
        assert_eq!(terms("ﾃﾞｰﾀ"), terms("データ"));
    }

    #[test]
    fn katakana_keeps_the_prolonged_sound_mark() {
        assert_eq!(terms("データ"), ["デー", "ータ"]);
    }

    #[test]
    fn kana_voicing_marks_are_not_folded() {
        assert_eq!(terms("が"), ["が"]);
        assert_eq!(terms("パ"), ["パ"]);
        assert_eq!(terms("ガラス"), ["ガラ", "ラス"]);
        let decomposed: String = "がぱ".nfd().collect();
        assert_eq!(terms(&decomposed), ["がぱ"]);
    }

    #[test]
    fn korean_is_split_into_bigrams() {
        assert_eq!(terms("반도체"), ["반도", "도체"]);
    }

    #[test]
    fn cjk_punctuation_separates_runs() {
        assert_eq!(terms("設計、製造・試験。"), ["設計", "製造", "試験"]);
    }

    #[test]
    fn digits_stay_inside_words_and_numbers_are_kept() {
        assert_eq!(
            terms("5G covid-19 in 2024, 3 x"),
            ["5g", "covid", "19", "2024", "3"]
        );
        assert_eq!(terms("covid19"), ["covid19"]);
    }

    #[test]
    fn stop_words_and_single_letters_are_dropped() {
        assert_eq!(
            terms("The design of a chip and the tools"),
            ["design", "chip", "tools"]
        );
        assert_eq!(
            terms("Thiết kế và chế tạo của các trường"),
            ["thiet", "ke", "che", "tao", "truong"]
        );
        assert_eq!(terms("hệ thống nhúng"), ["he", "thong", "nhung"]);
    }

    #[test]
    fn overlong_words_are_dropped() {
        let long = "x".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(terms(&format!("chip {long} design")), ["chip", "design"]);
    }

    #[test]
    fn field_terms_replace_dots_and_carry_a_prefix() {
        assert_eq!(field_term("tech.ai"), "f/tech/ai");
        assert_eq!(field_term("oecd.2.2"), "f/oecd/2/2");
        assert_eq!(field_term("semi.chip_design"), "f/semi/chip_design");
        assert_eq!(field_term("Semi.Chip-Design"), "f/semi/chip_design");
        assert_eq!(field_tsquery("tech.ai"), "'f/tech/ai'");
    }

    #[test]
    fn user_text_never_produces_a_field_term() {
        for text in ["f/tech/ai", "f_tech_ai", "f_x", "f/x", "F／TECH／AI"] {
            let found = terms(text);
            assert!(
                found
                    .iter()
                    .all(|t| !t.contains('/') && !t.starts_with("f_")),
                "{text}: {found:?}"
            );
        }
        assert_eq!(terms("f_tech_ai"), ["tech", "ai"]);
    }

    #[test]
    fn index_text_joins_the_terms_of_all_parts_and_the_fields() {
        let text = index_text(&["Bán dẫn", "半導体"], &["tech.ai"]);
        assert_eq!(text, "ban dan 半導 導体 f/tech/ai");
        assert_eq!(index_text(&[], &[]), "");
    }

    #[test]
    fn tsquery_requires_every_word() {
        assert_eq!(tsquery("ban dan").as_deref(), Some("'ban' & 'dan'"));
        assert_eq!(tsquery("bán dẫn"), tsquery("ban dan"));
    }

    #[test]
    fn tsquery_requires_a_cjk_runs_bigrams_in_sequence() {
        assert_eq!(tsquery("半導体").as_deref(), Some("'半導' <-> '導体'"));
        assert_eq!(tsquery("AI研究").as_deref(), Some("'ai' & '研究'"));
        assert_eq!(tsquery("光").as_deref(), Some("'光'"));
    }

    #[test]
    fn tsquery_without_terms_is_none() {
        assert_eq!(tsquery("!!!"), None);
        assert_eq!(tsquery(""), None);
        assert_eq!(tsquery("the of và"), None);
        assert_eq!(tsquery("、。"), None);
    }

    #[test]
    fn terms_never_contain_tsquery_syntax() {
        let hostile = "a'b \\c d:*e f&g h|i (j) !k <-> l\"m n\tо 'それ' ''; drop table x; -- \
                       ＇引用＇ ＼ ｜ ：＊ – — … « » ‘q’ “r” ・ 〜 ゛゜ \u{0301}x \u{3099}あ \u{200B}zw";
        let forbidden = [
            '\'', '\\', ':', '&', '|', '(', ')', ' ', '!', '<', '>', '*', '"', '\t',
        ];
        let found = terms(hostile);
        assert!(!found.is_empty());
        for term in &found {
            assert!(!term.contains(forbidden), "{term:?}");
            assert!(!term.is_empty());
        }
        assert!(tsquery(hostile).is_some());
    }
}
