//! SQL for profiles: save (with its search document), load, and delete.

use sqlx::PgConnection;
use time::OffsetDateTime;

use crate::scientists::model::{LanguageSkill, Profile, Publication, Visibility};
use crate::search::analyser::index_text;

/// Inserts or replaces a scientist's profile and everything under it. Call inside a
/// transaction: the profile, its lists and its search document change together.
pub async fn save_profile(conn: &mut PgConnection, user_id: i64, p: &Profile) -> sqlx::Result<()> {
    sqlx::query(
        "insert into scientist_profiles (user_id, full_name, name_reading, position, affiliation,
                hub_code, city, highest_degree, years_abroad, keywords, summary_md,
                available_hours_per_month, available_from, available_until, willing_to_travel,
                orcid, researchmap_id, visibility, search_doc)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                 to_tsvector('simple', $19))
         on conflict (user_id) do update set
                full_name = excluded.full_name, name_reading = excluded.name_reading,
                position = excluded.position, affiliation = excluded.affiliation,
                hub_code = excluded.hub_code, city = excluded.city,
                highest_degree = excluded.highest_degree, years_abroad = excluded.years_abroad,
                keywords = excluded.keywords, summary_md = excluded.summary_md,
                available_hours_per_month = excluded.available_hours_per_month,
                available_from = excluded.available_from, available_until = excluded.available_until,
                willing_to_travel = excluded.willing_to_travel, orcid = excluded.orcid,
                researchmap_id = excluded.researchmap_id, visibility = excluded.visibility,
                search_doc = excluded.search_doc, updated_at = now()",
    )
    .bind(user_id)
    .bind(&p.full_name)
    .bind(&p.name_reading)
    .bind(&p.position)
    .bind(&p.affiliation)
    .bind(&p.hub_code)
    .bind(&p.city)
    .bind(&p.highest_degree)
    .bind(p.years_abroad)
    .bind(&p.keywords)
    .bind(&p.summary_md)
    .bind(p.available_hours_per_month)
    .bind(p.available_from)
    .bind(p.available_until)
    .bind(p.willing_to_travel)
    .bind(&p.orcid)
    .bind(&p.researchmap_id)
    .bind(p.visibility.code())
    .bind(search_document(p))
    .execute(&mut *conn)
    .await?;
    replace_lists(conn, user_id, p).await?;
    refresh_facet_values(conn, user_id).await
}

/// Recomputes the facet values the directory counts (after the lists they come from).
async fn refresh_facet_values(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update scientist_profiles set facet_values = scientist_facet_values(user_id)
          where user_id = $1",
    )
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Everything a search should find a profile by, analysed once here (also used by `seed-bench`,
/// which must index exactly as the application does).
pub(crate) fn search_document(p: &Profile) -> String {
    let keywords = p.keywords.join(" ");
    let publications: Vec<String> = p
        .publications
        .iter()
        .map(|pb| format!("{} {}", pb.title, pb.venue.as_deref().unwrap_or("")))
        .collect();
    let mut parts: Vec<&str> = vec![
        &p.full_name,
        p.name_reading.as_deref().unwrap_or(""),
        &p.affiliation,
        p.city.as_deref().unwrap_or(""),
        &keywords,
        &p.summary_md,
    ];
    parts.extend(publications.iter().map(String::as_str));
    let fields: Vec<&str> = p.fields.iter().map(String::as_str).collect();
    index_text(&parts, &fields)
}

async fn replace_lists(conn: &mut PgConnection, user_id: i64, p: &Profile) -> sqlx::Result<()> {
    for table in [
        "profile_fields",
        "profile_engagements",
        "profile_languages",
        "publications",
    ] {
        sqlx::query(&format!("delete from {table} where user_id = $1"))
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("insert into profile_fields (user_id, field_code) select $1, unnest($2::text[])")
        .bind(user_id)
        .bind(&p.fields)
        .execute(&mut *conn)
        .await?;
    sqlx::query("insert into profile_engagements (user_id, kind) select $1, unnest($2::text[])")
        .bind(user_id)
        .bind(&p.engagement_kinds)
        .execute(&mut *conn)
        .await?;
    let (languages, levels): (Vec<String>, Vec<String>) = p
        .languages
        .iter()
        .map(|l| (l.language.clone(), l.level.clone()))
        .unzip();
    sqlx::query(
        "insert into profile_languages (user_id, language_code, level)
         select $1, * from unnest($2::text[], $3::text[])",
    )
    .bind(user_id)
    .bind(languages)
    .bind(levels)
    .execute(&mut *conn)
    .await?;
    insert_publications(conn, user_id, &p.publications).await
}

async fn insert_publications(
    conn: &mut PgConnection,
    user_id: i64,
    publications: &[Publication],
) -> sqlx::Result<()> {
    let titles: Vec<&str> = publications.iter().map(|p| p.title.as_str()).collect();
    let venues: Vec<Option<&str>> = publications.iter().map(|p| p.venue.as_deref()).collect();
    let years: Vec<Option<i32>> = publications.iter().map(|p| p.year).collect();
    let dois: Vec<Option<&str>> = publications.iter().map(|p| p.doi.as_deref()).collect();
    sqlx::query(
        "insert into publications (user_id, position, title, venue, year, doi)
         select $1, ord::int, title, venue, year, doi
           from unnest($2::text[], $3::text[], $4::int[], $5::text[])
                with ordinality as t(title, venue, year, doi, ord)",
    )
    .bind(user_id)
    .bind(titles)
    .bind(venues)
    .bind(years)
    .bind(dois)
    .execute(conn)
    .await?;
    Ok(())
}

/// A saved profile with the facts around it that pages need.
pub struct StoredProfile {
    pub user_id: i64,
    pub profile: Profile,
    pub email: String,
    pub updated_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    user_id: i64,
    email: String,
    full_name: String,
    name_reading: Option<String>,
    position: String,
    affiliation: String,
    hub_code: String,
    city: Option<String>,
    highest_degree: Option<String>,
    years_abroad: Option<i32>,
    keywords: Vec<String>,
    summary_md: String,
    available_hours_per_month: Option<i32>,
    available_from: Option<time::Date>,
    available_until: Option<time::Date>,
    willing_to_travel: bool,
    orcid: Option<String>,
    researchmap_id: Option<String>,
    visibility: String,
    updated_at: OffsetDateTime,
    fields: Vec<String>,
    engagement_kinds: Vec<String>,
    language_codes: Vec<String>,
    language_levels: Vec<String>,
}

pub async fn load_profile(
    conn: &mut PgConnection,
    user_id: i64,
) -> sqlx::Result<Option<StoredProfile>> {
    let row: Option<ProfileRow> = sqlx::query_as(
        "select p.user_id, u.email, p.full_name, p.name_reading, p.position, p.affiliation,
                p.hub_code, p.city, p.highest_degree, p.years_abroad, p.keywords, p.summary_md,
                p.available_hours_per_month, p.available_from, p.available_until,
                p.willing_to_travel, p.orcid, p.researchmap_id, p.visibility, p.updated_at,
                array(select field_code from profile_fields f join fields t on t.code = f.field_code
                       where f.user_id = p.user_id order by t.sort_order, t.code) as fields,
                array(select kind from profile_engagements e join engagement_kinds k on k.code = e.kind
                       where e.user_id = p.user_id order by k.sort_order) as engagement_kinds,
                array(select language_code from profile_languages l join languages g on g.code = l.language_code
                       where l.user_id = p.user_id order by g.sort_order) as language_codes,
                array(select level from profile_languages l join languages g on g.code = l.language_code
                       where l.user_id = p.user_id order by g.sort_order) as language_levels
           from scientist_profiles p join users u on u.id = p.user_id
          where p.user_id = $1 and u.disabled_at is null",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let publications = load_publications(conn, user_id).await?;
    Ok(Some(row.into_stored(publications)))
}

async fn load_publications(
    conn: &mut PgConnection,
    user_id: i64,
) -> sqlx::Result<Vec<Publication>> {
    let rows: Vec<PublicationRow> = sqlx::query_as(
        "select title, venue, year, doi from publications where user_id = $1 order by position",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Publication {
            title: r.title,
            venue: r.venue,
            year: r.year,
            doi: r.doi,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct PublicationRow {
    title: String,
    venue: Option<String>,
    year: Option<i32>,
    doi: Option<String>,
}

impl ProfileRow {
    fn into_stored(self, publications: Vec<Publication>) -> StoredProfile {
        let languages = self
            .language_codes
            .into_iter()
            .zip(self.language_levels)
            .map(|(language, level)| LanguageSkill { language, level })
            .collect();
        StoredProfile {
            user_id: self.user_id,
            email: self.email,
            updated_at: self.updated_at,
            profile: Profile {
                full_name: self.full_name,
                name_reading: self.name_reading,
                position: self.position,
                affiliation: self.affiliation,
                hub_code: self.hub_code,
                city: self.city,
                highest_degree: self.highest_degree,
                years_abroad: self.years_abroad,
                fields: self.fields,
                keywords: self.keywords,
                summary_md: self.summary_md,
                languages,
                engagement_kinds: self.engagement_kinds,
                available_hours_per_month: self.available_hours_per_month,
                available_from: self.available_from,
                available_until: self.available_until,
                willing_to_travel: self.willing_to_travel,
                orcid: self.orcid,
                researchmap_id: self.researchmap_id,
                publications,
                visibility: Visibility::parse(&self.visibility).unwrap_or(Visibility::Staff),
            },
        }
    }
}
