//! SQL for hubs and staff accounts: one function per statement.

use sqlx::PgConnection;
use time::OffsetDateTime;

use crate::auth::tokens::{random_token, token_hash};
use crate::staff::admin::forms::HubForm;

/// The password hash of an invited account that has not chosen a password yet. It is not a
/// PHC string, so no password can ever match it, and it marks the account as "invited".
pub const NO_PASSWORD: &str = "!";
/// Invitation links live seven days (the admin may send a new one).
pub const INVITATION_DAYS: i32 = 7;
const SET_PASSWORD: &str = "set_password";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HubRow {
    pub code: String,
    pub country_code: String,
    pub name_vi: String,
    pub name_ja: String,
    pub name_en: String,
    pub staff_count: i64,
    pub scientist_count: i64,
}

pub async fn list_hubs(conn: &mut PgConnection) -> sqlx::Result<Vec<HubRow>> {
    sqlx::query_as(
        "select h.code, h.country_code, h.name_vi, h.name_ja, h.name_en,
                (select count(*) from staff_hubs s join users u on u.id = s.user_id
                  where s.hub_code = h.code and u.role = 'staff') as staff_count,
                (select count(*) from scientist_profiles p
                  where p.hub_code = h.code) as scientist_count
           from hubs h order by h.code",
    )
    .fetch_all(conn)
    .await
}

pub async fn find_hub(conn: &mut PgConnection, code: &str) -> sqlx::Result<Option<HubForm>> {
    let row: Option<(String, String, String, String, String)> = sqlx::query_as(
        "select code, country_code, name_vi, name_ja, name_en from hubs where code = $1",
    )
    .bind(code)
    .fetch_optional(conn)
    .await?;
    Ok(
        row.map(|(code, country_code, name_vi, name_ja, name_en)| HubForm {
            code,
            country_code,
            name_vi,
            name_ja,
            name_en,
        }),
    )
}

/// Inserts a hub; false when the code is taken (the primary key decides, so two admins
/// creating the same hub at once cannot both succeed).
pub async fn insert_hub(conn: &mut PgConnection, hub: &HubForm) -> sqlx::Result<bool> {
    let inserted: Option<String> = sqlx::query_scalar(
        "insert into hubs (code, country_code, name_vi, name_ja, name_en)
         values ($1, $2, $3, $4, $5)
         on conflict (code) do nothing
         returning code",
    )
    .bind(&hub.code)
    .bind(&hub.country_code)
    .bind(&hub.name_vi)
    .bind(&hub.name_ja)
    .bind(&hub.name_en)
    .fetch_optional(&mut *conn)
    .await?;
    if inserted.is_some() {
        // Problems meant for every hub are listed under the new one too.
        sqlx::query(
            "update problems set facet_values = problem_facet_values(id)
              where cardinality(target_hubs) = 0",
        )
        .execute(conn)
        .await?;
    }
    Ok(inserted.is_some())
}

pub async fn update_hub_names(conn: &mut PgConnection, hub: &HubForm) -> sqlx::Result<()> {
    sqlx::query("update hubs set name_vi = $2, name_ja = $3, name_en = $4 where code = $1")
        .bind(&hub.code)
        .bind(&hub.name_vi)
        .bind(&hub.name_ja)
        .bind(&hub.name_en)
        .execute(conn)
        .await?;
    Ok(())
}

/// A staff member or admin as the administration pages show them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub preferred_locale: String,
    pub invited: bool,
    pub disabled_at: Option<OffsetDateTime>,
    pub disabled_reason: Option<String>,
    pub disabled_by_name: Option<String>,
    pub hubs: Vec<String>,
    /// The second factor is set up (`user_totp.confirmed_at` is set).
    pub two_factor: bool,
    /// An authenticator is set up or being set up: something a reset would remove.
    pub has_totp: bool,
    pub created_at: OffsetDateTime,
}

const STAFF_COLUMNS: &str = "
    select u.id, u.email, u.display_name, u.role, u.preferred_locale,
           u.password_hash = '!' as invited, u.disabled_at, u.disabled_reason,
           d.display_name as disabled_by_name,
           array(select hub_code from staff_hubs where user_id = u.id order by hub_code) as hubs,
           exists (select 1 from user_totp t
                    where t.user_id = u.id and t.confirmed_at is not null) as two_factor,
           exists (select 1 from user_totp t where t.user_id = u.id) as has_totp,
           u.created_at
      from users u left join users d on d.id = u.disabled_by
     where u.role in ('staff', 'admin')";

/// Every staff member and admin, admins first, then by name.
pub async fn list_staff(conn: &mut PgConnection) -> sqlx::Result<Vec<StaffRow>> {
    sqlx::query_as(&format!(
        "{STAFF_COLUMNS} order by u.role = 'staff', lower(u.display_name), u.id"
    ))
    .fetch_all(conn)
    .await
}

/// One staff member or admin; `None` for any other account.
pub async fn find_staff(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<StaffRow>> {
    sqlx::query_as(&format!("{STAFF_COLUMNS} and u.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Creates an invited staff account: no usable password, its email vouched for by the admin.
/// `None` when the email is taken, whatever its case.
pub async fn insert_staff_user(
    conn: &mut PgConnection,
    email: &str,
    display_name: &str,
    locale: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "insert into users (email, password_hash, display_name, role, preferred_locale,
                            email_verified_at)
         values ($1, $2, $3, 'staff', $4, now())
         on conflict ((lower(email))) do nothing
         returning id",
    )
    .bind(email)
    .bind(NO_PASSWORD)
    .bind(display_name)
    .bind(locale)
    .fetch_optional(conn)
    .await
}

/// Replaces a staff member's hubs.
pub async fn set_hubs(conn: &mut PgConnection, user_id: i64, hubs: &[String]) -> sqlx::Result<()> {
    sqlx::query("delete from staff_hubs where user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "insert into staff_hubs (user_id, hub_code) select $1, unnest($2::text[])
         on conflict do nothing",
    )
    .bind(user_id)
    .bind(hubs)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records why and by whom an account was disabled (sessions are ended by the caller).
pub async fn disable(
    conn: &mut PgConnection,
    user_id: i64,
    reason: &str,
    by: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "update users set disabled_at = now(), disabled_reason = $2, disabled_by = $3,
                          updated_at = now()
          where id = $1",
    )
    .bind(user_id)
    .bind(reason)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn enable(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update users set disabled_at = null, disabled_reason = null, disabled_by = null,
                          updated_at = now()
          where id = $1",
    )
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Creates a set-password token (an invitation) and returns the secret for the emailed link.
/// Earlier invitations of the same account stop working.
pub async fn new_invitation_token(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<String> {
    retire_invitations(&mut *conn, user_id).await?;
    let token = random_token();
    sqlx::query(
        "insert into user_tokens (user_id, purpose, token_hash, expires_at)
         values ($1, $2, $3, now() + make_interval(days => $4))",
    )
    .bind(user_id)
    .bind(SET_PASSWORD)
    .bind(token_hash(&token))
    .bind(INVITATION_DAYS)
    .execute(conn)
    .await?;
    Ok(token)
}

pub async fn retire_invitations(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update user_tokens set used_at = now()
          where user_id = $1 and purpose = $2 and used_at is null",
    )
    .bind(user_id)
    .bind(SET_PASSWORD)
    .execute(conn)
    .await?;
    Ok(())
}

/// When the newest invitation of an account was sent, if one is still usable.
pub async fn pending_invitation_sent(
    conn: &mut PgConnection,
    user_id: i64,
) -> sqlx::Result<Option<OffsetDateTime>> {
    sqlx::query_scalar(
        "select max(created_at) from user_tokens
          where user_id = $1 and purpose = $2 and used_at is null and expires_at > now()",
    )
    .bind(user_id)
    .bind(SET_PASSWORD)
    .fetch_one(conn)
    .await
}

/// Why an invitation link cannot be used, or whose it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invitation {
    Usable {
        user_id: i64,
        email: String,
        display_name: String,
    },
    Used,
    Expired,
    Unknown,
}

/// Looks an invitation token up without using it (to decide which page to show).
pub async fn find_invitation(conn: &mut PgConnection, token: &str) -> sqlx::Result<Invitation> {
    let row: Option<(i64, String, String, bool, bool, bool)> = sqlx::query_as(
        "select u.id, u.email, u.display_name, t.used_at is not null,
                t.expires_at <= now(), u.disabled_at is not null
           from user_tokens t join users u on u.id = t.user_id
          where t.token_hash = $1 and t.purpose = $2",
    )
    .bind(token_hash(token))
    .bind(SET_PASSWORD)
    .fetch_optional(conn)
    .await?;
    Ok(match row {
        None => Invitation::Unknown,
        // A disabled account's invitation is as good as withdrawn.
        Some((.., true)) => Invitation::Unknown,
        Some((_, _, _, true, _, _)) => Invitation::Used,
        Some((_, _, _, _, true, _)) => Invitation::Expired,
        Some((user_id, email, display_name, ..)) => Invitation::Usable {
            user_id,
            email,
            display_name,
        },
    })
}

/// Uses up an invitation in one statement (so it works once even under concurrent requests)
/// and returns its account, or `None` if it is unknown, used, expired or the account disabled.
pub async fn consume_invitation(conn: &mut PgConnection, token: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "update user_tokens t set used_at = now()
           from users u
          where u.id = t.user_id and u.disabled_at is null
            and t.token_hash = $1 and t.purpose = $2
            and t.used_at is null and t.expires_at > now()
          returning t.user_id",
    )
    .bind(token_hash(token))
    .bind(SET_PASSWORD)
    .fetch_optional(conn)
    .await
}
