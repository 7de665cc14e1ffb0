//! `knowbridge create-admin --email E`: creates the first administrator, or makes an existing
//! account an administrator. The password comes from stdin (`--password-stdin`) or a prompt.

use anyhow::{Context, bail};
use serde_json::json;
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::audit::{self, AuditEvent};
use crate::auth::model::Role;
use crate::auth::password::{PasswordHasher, weakness};
use crate::auth::queries::{self, NewUser};
use crate::i18n::Locale;
use crate::web::forms::is_plausible_email;
use crate::web::session;

pub enum Outcome {
    Created(i64),
    Promoted(i64),
}

pub async fn run(pool: &PgPool, email: &str, password_from_stdin: bool) -> anyhow::Result<Outcome> {
    let email = email.trim();
    if !is_plausible_email(email) {
        bail!("{email:?} is not an email address");
    }
    let password = read_password(password_from_stdin).await?;
    create_or_promote(pool, email, &password).await
}

pub async fn create_or_promote(
    pool: &PgPool,
    email: &str,
    password: &str,
) -> anyhow::Result<Outcome> {
    if let Some(key) = weakness(password) {
        bail!("password refused: {}", Locale::En.t(key));
    }
    let hash = PasswordHasher::new().hash(password).await?;
    let mut tx = pool.begin().await?;
    let outcome = match queries::find_by_email(&mut tx, email).await? {
        Some(user) => {
            sqlx::query(
                "update users set role = 'admin', password_hash = $2,
                        email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
                  where id = $1",
            )
            .bind(user.id)
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
            // A change of role ends the user's sessions, so the next sign-in gets a new id.
            session::delete_all_for_user(&mut tx, user.id).await?;
            Outcome::Promoted(user.id)
        }
        None => {
            let new_user = NewUser {
                email,
                password_hash: &hash,
                display_name: "Administrator",
                role: Role::Admin,
                locale: "vi",
            };
            let id = queries::insert_user(&mut tx, new_user)
                .await?
                .context("the email was taken while creating the admin")?;
            queries::mark_email_verified(&mut tx, id).await?;
            Outcome::Created(id)
        }
    };
    let (action, id) = match outcome {
        Outcome::Created(id) => ("admin.created", id),
        Outcome::Promoted(id) => ("admin.promoted", id),
    };
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: None,
            action,
            target_type: "user",
            target_id: Some(id.to_string()),
            details: json!({ "via": "command line" }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

async fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    let password = if from_stdin {
        let mut line = String::new();
        BufReader::new(tokio::io::stdin())
            .read_line(&mut line)
            .await?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        // The prompt reads from the terminal without echoing what is typed.
        tokio::task::spawn_blocking(|| {
            rpassword::prompt_password("Password for the admin (at least 12 characters): ")
        })
        .await??
    };
    if password.is_empty() {
        bail!("no password given");
    }
    Ok(password)
}
