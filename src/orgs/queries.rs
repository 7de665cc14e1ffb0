//! SQL for organisations and their members.

use sqlx::PgConnection;

use crate::orgs::model::NewOrg;

/// Inserts the organisation (unverified) and makes `user_id` its first member. Call inside
/// the transaction that also writes the audit event.
pub async fn insert_org(conn: &mut PgConnection, user_id: i64, org: &NewOrg) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, name_ja, kind, country_code, website,
                created_by)
         values ($1, $2, $3, $4, $5, $6, $7) returning id",
    )
    .bind(&org.name_vi)
    .bind(&org.name_en)
    .bind(&org.name_ja)
    .bind(org.kind.code())
    .bind(&org.country_code)
    .bind(&org.website)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("insert into org_members (org_id, user_id) values ($1, $2)")
        .bind(id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

#[derive(Debug, sqlx::FromRow)]
pub struct OrgRow {
    pub id: i64,
    pub name_vi: String,
    pub name_en: String,
    pub name_ja: Option<String>,
    pub kind: String,
    pub country_code: String,
    pub website: Option<String>,
    pub status: String,
}

pub async fn load_org(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<OrgRow>> {
    sqlx::query_as(
        "select id, name_vi, name_en, name_ja, kind, country_code, website, status
           from organisations where id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The organisations `user_id` belongs to, oldest first (the order of the form's select).
pub async fn member_orgs(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<Vec<OrgRow>> {
    sqlx::query_as(
        "select o.id, o.name_vi, o.name_en, o.name_ja, o.kind, o.country_code, o.website, o.status
           from organisations o join org_members m on m.org_id = o.id
          where m.user_id = $1
          order by o.id",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// The ids of the organisations `user_id` belongs to (none for a visitor).
pub async fn member_org_ids(
    conn: &mut PgConnection,
    user_id: Option<i64>,
) -> sqlx::Result<Vec<i64>> {
    let Some(user_id) = user_id else {
        return Ok(Vec::new());
    };
    sqlx::query_scalar("select org_id from org_members where user_id = $1 order by org_id")
        .bind(user_id)
        .fetch_all(conn)
        .await
}

pub async fn is_member(conn: &mut PgConnection, org_id: i64, user_id: i64) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "select exists (select 1 from org_members where org_id = $1 and user_id = $2)",
    )
    .bind(org_id)
    .bind(user_id)
    .fetch_one(conn)
    .await
}
