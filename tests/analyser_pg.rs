//! The analyser against the real PostgreSQL: what `index_text` produces, stored through
//! `to_tsvector('simple', $1)`, is found by what `tsquery` produces through
//! `to_tsquery('simple', $1)`, and PostgreSQL's own parser keeps every term as we made it.

use knowbridge::search::{analyse, field_term, field_tsquery, index_text, tsquery};
use sqlx::PgPool;

/// Whether the document text `doc` (from `index_text`) matches the tsquery text `query`.
async fn matches(pool: &PgPool, doc: &str, query: &str) -> bool {
    sqlx::query_scalar("select to_tsvector('simple', $1) @@ to_tsquery('simple', $2)")
        .bind(doc)
        .bind(query)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The lexemes PostgreSQL stores for `doc`, sorted and without duplicates.
async fn lexemes(pool: &PgPool, doc: &str) -> Vec<String> {
    sqlx::query_scalar("select tsvector_to_array(to_tsvector('simple', $1))")
        .bind(doc)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn query(text: &str) -> String {
    tsquery(text).unwrap_or_else(|| panic!("{text:?} has no terms"))
}

#[sqlx::test]
async fn vietnamese_is_found_with_or_without_diacritics_and_by_field(pool: PgPool) {
    let doc = index_text(
        &["Thiết kế chip bán dẫn và vật liệu"],
        &["semi.chip_design"],
    );
    for text in ["ban dan", "bán dẫn", "thiet ke", "Thiết Kế chip"] {
        assert!(matches(&pool, &doc, &query(text)).await, "{text}");
    }
    assert!(matches(&pool, &doc, "'f/semi/chip_design'").await);
    assert!(matches(&pool, &doc, &field_tsquery("semi.chip_design")).await);
    assert!(!matches(&pool, &doc, &query("bán lẻ")).await);
    assert!(!matches(&pool, &doc, &field_tsquery("semi.packaging")).await);
}

#[sqlx::test]
async fn field_terms_do_not_match_the_words_of_their_code(pool: PgPool) {
    let doc = index_text(&["Thiết kế"], &["semi.chip_design", "tech.ai"]);
    for text in ["chip", "design", "semi", "ai", "tech"] {
        assert!(!matches(&pool, &doc, &query(text)).await, "{text}");
    }
}

#[sqlx::test]
async fn postgres_keeps_each_field_term_as_one_lexeme(pool: PgPool) {
    for code in [
        "tech",
        "tech.ai",
        "oecd.2.2",
        "oecd.1",
        "semi.chip_design",
        "Semi.Chip-Design",
    ] {
        let term = field_term(code);
        assert_eq!(lexemes(&pool, &term).await, vec![term], "{code}");
    }
}

#[sqlx::test]
async fn postgres_keeps_every_analysed_term_unchanged(pool: PgPool) {
    let text = "Thiết kế vi mạch 5G, covid19 — 半導体の設計と製造・ビッグデータ 반도체 ﾃﾞｰﾀ \
                ＡＩ研究 Café Москва 2024 光";
    let mut terms = analyse(text);
    terms.sort();
    terms.dedup();
    let mut stored = lexemes(&pool, &index_text(&[text], &[])).await;
    stored.sort();
    assert_eq!(stored, terms);
}

#[sqlx::test]
async fn japanese_is_found_by_its_words_in_sequence(pool: PgPool) {
    let doc = index_text(&["半導体の設計と製造"], &[]);
    assert!(matches(&pool, &doc, &query("半導体")).await);
    assert!(matches(&pool, &doc, &query("設計")).await);
    assert!(matches(&pool, &doc, &query("半導体 製造")).await);
    assert!(!matches(&pool, &doc, &query("量子")).await);
    // Both bigrams of 体導 are absent; 導体半 has both of 半導体's pieces, but out of order.
    assert!(!matches(&pool, &doc, &query("体導")).await);
    assert!(!matches(&pool, &index_text(&["導体 半導"], &[]), &query("半導体")).await);
}

#[sqlx::test]
async fn mixed_queries_combine_words_and_cjk_runs(pool: PgPool) {
    let doc = index_text(&["AI研究とbig data", "Thiết kế"], &[]);
    assert!(matches(&pool, &doc, &query("研究 big thiết")).await);
    assert!(matches(&pool, &doc, &query("ＡＩ研究")).await);
    assert!(!matches(&pool, &doc, &query("研究 small")).await);
}

#[sqlx::test]
async fn english_is_case_insensitive(pool: PgPool) {
    let doc = index_text(&["Machine Learning"], &[]);
    assert!(matches(&pool, &doc, &query("machine learning")).await);
    assert!(matches(&pool, &doc, &query("MACHINE")).await);
    assert!(!matches(&pool, &doc, &query("machine vision")).await);
}
