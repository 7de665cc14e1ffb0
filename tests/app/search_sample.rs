//! Faceted search over many matches: a search ranked by text reads a sample and estimates its
//! counts (issue 7); with few matches every count is exact.

use knowbridge::search::faceted::{self, Listing, RANK_CAP, Request};
use sqlx::{PgPool, Postgres, QueryBuilder};

/// 3,000 documents, all with "common", every hundredth also with "rare"; a third in hub kr.
async fn documents(pool: &PgPool) {
    for sql in [
        "create table sample_docs (id bigint primary key, facet_values text[] not null,
                                   search_doc tsvector not null)",
        "insert into sample_docs
         select g, array[case when g % 3 = 0 then 'hub:kr' else 'hub:jp' end],
                to_tsvector('simple', 'common words' || case when g % 100 = 0 then ' rare' else '' end)
           from generate_series(1, 3000) g",
        "create index on sample_docs using gin (search_doc)",
        "analyze sample_docs",
    ] {
        sqlx::query(sql).execute(pool).await.unwrap();
    }
}

const LISTING: Listing = Listing {
    table: "sample_docs",
    id: "id",
    order_columns: "",
};

fn request(text: &'static str) -> Request<'static> {
    Request {
        facets: vec![("hub", "")],
        text: Some(text),
        rank_by_text: true,
        order_by: "m.rank desc, m.id",
        limit: 20,
        offset: 0,
    }
}

async fn search(pool: &PgPool, request: &Request<'_>) -> faceted::Found {
    let mut conn = pool.acquire().await.unwrap();
    faceted::search(
        &mut conn,
        &LISTING,
        request,
        |sql: &mut QueryBuilder<Postgres>| {
            sql.push(" where true");
        },
    )
    .await
    .unwrap()
}

fn count_of(found: &faceted::Found, value: &str) -> i64 {
    found.facets[0]
        .1
        .iter()
        .find(|(v, _)| v == value)
        .map_or(0, |(_, n)| *n)
}

#[sqlx::test]
async fn many_matches_are_sampled_and_their_counts_estimated(pool: PgPool) {
    documents(&pool).await;
    let found = search(&pool, &request("'common'")).await;
    assert!(found.estimated);
    assert_eq!(
        found.listed, RANK_CAP,
        "pages cover the ranked part of the sample"
    );
    assert_eq!(found.ids.len(), 20);
    assert!(
        (2_500..=3_500).contains(&found.total),
        "total {}",
        found.total
    );
    let (jp, kr) = (count_of(&found, "jp"), count_of(&found, "kr"));
    assert!((1_600..=2_400).contains(&jp), "jp {jp}");
    assert!((800..=1_200).contains(&kr), "kr {kr}");
}

#[sqlx::test]
async fn few_matches_are_counted_exactly(pool: PgPool) {
    documents(&pool).await;
    let found = search(&pool, &request("'rare'")).await;
    assert!(!found.estimated);
    assert_eq!((found.total, found.listed), (30, 30));
    assert_eq!((count_of(&found, "jp"), count_of(&found, "kr")), (20, 10));
}
