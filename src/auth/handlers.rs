//! Account pages: register, verify email, sign in, sign out, forgot and reset password.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::auth::forms::{ForgotForm, LoginForm, RegisterForm, ResetForm};
use crate::auth::model::Role;
use crate::auth::queries::{self, NewUser, TokenPurpose};
use crate::auth::views::{ForgotPage, LoginPage, MessagePage, RegisterPage, ResetPage};
use crate::auth::{emails, two_factor};
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::notifications::outbox;
use crate::state::AppState;
use crate::web::client_ip::ClientIp;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::forms::FieldErrors;
use crate::web::guards::CurrentUser;
use crate::web::rate_limit::{self, Limit};
use crate::web::redirect::{safe_local_path, see_other};
use crate::web::render::{page, page_with_status};
use crate::web::{cookies, session};

#[derive(Deserialize)]
pub struct RegisterQuery {
    kind: Option<String>,
}

pub async fn register_form(ctx: RequestContext, Query(query): Query<RegisterQuery>) -> Response {
    let form = RegisterForm {
        account_kind: query.kind.unwrap_or_default(),
        ..RegisterForm::default()
    };
    page(&RegisterPage {
        ctx: &ctx,
        form,
        errors: FieldErrors::new(),
    })
}

pub async fn register(
    State(state): State<AppState>,
    ctx: RequestContext,
    ClientIp(address): ClientIp,
    Form(mut form): Form<RegisterForm>,
) -> AppResult<Response> {
    limit(
        &state,
        &format!("register:ip:{address}"),
        rate_limit::REGISTER_PER_ADDRESS,
    )
    .await?;

    let errors = form.validate();
    if !errors.is_empty() {
        form.password.clear();
        form.password_confirm.clear();
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RegisterPage {
                ctx: &ctx,
                form,
                errors,
            },
        ));
    }
    let role = if form.account_kind == "owner" {
        Role::Owner
    } else {
        Role::Scientist
    };
    let password_hash = state.passwords.hash(&form.password).await?;

    let mut tx = state.db.begin().await?;
    let new_user = NewUser {
        email: &form.email,
        password_hash: &password_hash,
        display_name: &form.display_name,
        role,
        locale: ctx.locale.code(),
    };
    match queries::insert_user(&mut tx, new_user).await? {
        Some(user_id) => {
            let token = queries::insert_token(&mut tx, user_id, TokenPurpose::VerifyEmail).await?;
            let link = state.config.link(&format!("/verify-email?token={token}"));
            let email = emails::verify_email(ctx.locale, &form.display_name, &link);
            outbox::enqueue(&mut tx, &form.email, &email.subject, &email.body).await?;
            audit::record(
                &mut tx,
                AuditEvent {
                    actor_id: Some(user_id),
                    action: "user.registered",
                    target_type: "user",
                    target_id: Some(user_id.to_string()),
                    details: json!({ "role": role.as_str() }),
                },
            )
            .await?;
        }
        None => {
            // Same answer as a new registration, so the form does not reveal who has an
            // account; the owner of the address is told by email instead.
            let existing = queries::find_by_email(&mut tx, &form.email).await?;
            if let Some(user) = existing {
                let locale = Locale::from_code(&user.preferred_locale).unwrap_or(ctx.locale);
                let link = state.config.link("/password/forgot");
                let email = emails::already_registered(locale, &user.display_name, &link);
                outbox::enqueue(&mut tx, &user.email, &email.subject, &email.body).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(see_other("/register/done"))
}

pub async fn register_done(ctx: RequestContext) -> Response {
    page(&MessagePage {
        ctx: &ctx,
        title_key: "register-done-title",
        body_key: "register-done-body",
        link: None,
        confirmation: true,
    })
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

pub async fn verify_email(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let Some(user_id) =
        queries::consume_token(&mut tx, &query.token, TokenPurpose::VerifyEmail).await?
    else {
        return Ok(link_not_usable(&ctx));
    };
    queries::mark_email_verified(&mut tx, user_id).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user_id),
            action: "user.email_verified",
            target_type: "user",
            target_id: Some(user_id.to_string()),
            details: json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    let link = if ctx.user.is_some() {
        ("/", "link-continue")
    } else {
        ("/login", "nav-sign-in")
    };
    Ok(page(&MessagePage {
        ctx: &ctx,
        title_key: "verify-done-title",
        body_key: "verify-done-body",
        link: Some(link),
        confirmation: true,
    }))
}

/// Sends a new verification link to the signed-in user (the first may be lost or expired).
pub async fn resend_verification(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    limit(
        &state,
        &format!("verify:account:{}", user.id),
        rate_limit::PASSWORD_PER_ACCOUNT,
    )
    .await?;
    let mut response = see_other("/");
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, "flash-verification-sent"),
    );
    if user.email_verified {
        return Ok(response);
    }
    let mut tx = state.db.begin().await?;
    let token = queries::insert_token(&mut tx, user.id, TokenPurpose::VerifyEmail).await?;
    let link = state.config.link(&format!("/verify-email?token={token}"));
    let email = emails::verify_email(ctx.locale, &user.display_name, &link);
    outbox::enqueue(&mut tx, &user.email, &email.subject, &email.body).await?;
    ctx.commit(tx, response).await
}

fn link_not_usable(ctx: &RequestContext) -> Response {
    page_with_status(
        StatusCode::BAD_REQUEST,
        &MessagePage {
            ctx,
            title_key: "link-invalid-title",
            body_key: "link-invalid-body",
            link: Some(("/password/forgot", "link-invalid-action")),
            confirmation: false,
        },
    )
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

pub async fn login_form(ctx: RequestContext, Query(query): Query<LoginQuery>) -> Response {
    let form = LoginForm {
        next: safe_local_path(query.next.as_deref(), "").to_string(),
        ..LoginForm::default()
    };
    page(&LoginPage {
        ctx: &ctx,
        form,
        errors: FieldErrors::new(),
    })
}

pub async fn login(
    State(state): State<AppState>,
    ctx: RequestContext,
    ClientIp(address): ClientIp,
    Form(mut form): Form<LoginForm>,
) -> AppResult<Response> {
    limit(
        &state,
        &format!("login:ip:{address}"),
        rate_limit::LOGIN_PER_ADDRESS,
    )
    .await?;
    let errors = form.validate();
    if !errors.is_empty() {
        return Ok(login_failed(&ctx, form, errors));
    }
    let account_key = format!("login:account:{}", form.email.to_lowercase());
    limit(&state, &account_key, rate_limit::LOGIN_PER_ACCOUNT).await?;

    let mut conn = state.db.acquire().await?;
    let user = queries::find_by_email(&mut conn, &form.email).await?;
    drop(conn);
    // Always run one argon2 verification, so unknown emails take as long as wrong passwords.
    let password_ok = state
        .passwords
        .verify(
            &form.password,
            user.as_ref().map(|u| u.password_hash.as_str()),
        )
        .await;
    let user = match user {
        Some(user) if password_ok && !user.disabled => user,
        _ => {
            tracing::info!("sign-in refused");
            let mut errors = FieldErrors::new();
            errors.add("email", "error-login-failed");
            return Ok(login_failed(&ctx, form, errors));
        }
    };

    let mut tx = state.db.begin().await?;
    // A new session id at every sign-in: whatever id the browser had before is dropped.
    if let Some(previous) = &ctx.user {
        session::delete(&mut tx, &previous.session_id_hash).await?;
    }
    // Staff and admins still owe a code: their session waits at the second-factor step.
    let needs_second_factor = Role::parse(&user.role).is_some_and(Role::is_staff);
    let new_session = session::create(&mut tx, user.id, !needs_second_factor).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user.id),
            action: "user.signed_in",
            target_type: "user",
            target_id: Some(user.id.to_string()),
            details: json!({}),
        },
    )
    .await?;
    tx.commit().await?;

    // Staff start their day at the console unless they were on their way somewhere.
    let landing = if needs_second_factor { "/staff" } else { "/" };
    let next = safe_local_path(Some(&form.next), landing);
    let mut response = if needs_second_factor {
        let step = two_factor::handlers::first_step_for(&state, user.id).await?;
        let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
        see_other(&format!("{step}?{query}"))
    } else {
        see_other(next)
    };
    let config = &state.config;
    let headers = response.headers_mut();
    cookies::append(
        headers,
        cookies::build(config, cookies::SESSION, &new_session.cookie_value, None),
    );
    if !needs_second_factor {
        cookies::append(headers, flash_cookie(config, "flash-signed-in"));
    }
    Ok(response)
}

fn login_failed(ctx: &RequestContext, mut form: LoginForm, errors: FieldErrors) -> Response {
    form.password.clear();
    form.next = safe_local_path(Some(&form.next), "").to_string();
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &LoginPage { ctx, form, errors },
    )
}

pub async fn logout(State(state): State<AppState>, ctx: RequestContext) -> AppResult<Response> {
    // A staff member stopped at the code step can sign out too.
    let awaiting = ctx.awaiting_second_factor.as_ref().map(|a| &a.user);
    if let Some(user) = ctx.user.as_ref().or(awaiting) {
        let mut tx = state.db.begin().await?;
        session::delete(&mut tx, &user.session_id_hash).await?;
        audit::record(
            &mut tx,
            AuditEvent {
                actor_id: Some(user.id),
                action: "user.signed_out",
                target_type: "user",
                target_id: Some(user.id.to_string()),
                details: json!({}),
            },
        )
        .await?;
        tx.commit().await?;
    }
    let mut response = see_other("/");
    let headers = response.headers_mut();
    cookies::append(
        headers,
        cookies::build(&state.config, cookies::SESSION, "", Some(0)),
    );
    cookies::append(headers, flash_cookie(&state.config, "flash-signed-out"));
    Ok(response)
}

pub async fn forgot_form(ctx: RequestContext) -> Response {
    page(&ForgotPage {
        ctx: &ctx,
        form: ForgotForm::default(),
        errors: FieldErrors::new(),
    })
}

pub async fn forgot(
    State(state): State<AppState>,
    ctx: RequestContext,
    ClientIp(address): ClientIp,
    Form(mut form): Form<ForgotForm>,
) -> AppResult<Response> {
    limit(
        &state,
        &format!("password:ip:{address}"),
        rate_limit::PASSWORD_PER_ADDRESS,
    )
    .await?;
    let errors = form.validate();
    if !errors.is_empty() {
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                ctx: &ctx,
                form,
                errors,
            },
        ));
    }
    let account_key = format!("password:account:{}", form.email.to_lowercase());
    limit(&state, &account_key, rate_limit::PASSWORD_PER_ACCOUNT).await?;

    let mut tx = state.db.begin().await?;
    if let Some(user) = queries::find_by_email(&mut tx, &form.email).await? {
        if !user.disabled {
            let token =
                queries::insert_token(&mut tx, user.id, TokenPurpose::ResetPassword).await?;
            let link = state.config.link(&format!("/password/reset?token={token}"));
            let locale = Locale::from_code(&user.preferred_locale).unwrap_or(ctx.locale);
            let email = emails::reset_password(locale, &user.display_name, &link);
            outbox::enqueue(&mut tx, &user.email, &email.subject, &email.body).await?;
        }
    }
    tx.commit().await?;
    // The same answer whether or not the address has an account.
    Ok(see_other("/password/forgot/sent"))
}

pub async fn forgot_sent(ctx: RequestContext) -> Response {
    page(&MessagePage {
        ctx: &ctx,
        title_key: "forgot-sent-title",
        body_key: "forgot-sent-body",
        link: None,
        confirmation: false,
    })
}

pub async fn reset_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    if !queries::token_is_usable(&mut conn, &query.token, TokenPurpose::ResetPassword).await? {
        return Ok(link_not_usable(&ctx));
    }
    Ok(page(&ResetPage {
        ctx: &ctx,
        token: query.token,
        errors: FieldErrors::new(),
    }))
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: RequestContext,
    ClientIp(address): ClientIp,
    Form(form): Form<ResetForm>,
) -> AppResult<Response> {
    limit(
        &state,
        &format!("password:ip:{address}"),
        rate_limit::PASSWORD_PER_ADDRESS,
    )
    .await?;
    let errors = form.validate();
    if !errors.is_empty() {
        let page = ResetPage {
            ctx: &ctx,
            token: form.token,
            errors,
        };
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    let password_hash = state.passwords.hash(&form.password).await?;

    let mut tx = state.db.begin().await?;
    let Some(user_id) =
        queries::consume_token(&mut tx, &form.token, TokenPurpose::ResetPassword).await?
    else {
        return Ok(link_not_usable(&ctx));
    };
    queries::set_password_hash(&mut tx, user_id, &password_hash).await?;
    // Following the emailed link proves the address is theirs.
    queries::mark_email_verified(&mut tx, user_id).await?;
    queries::retire_tokens(&mut tx, user_id, TokenPurpose::ResetPassword).await?;
    let ended = session::delete_all_for_user(&mut tx, user_id).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user_id),
            action: "user.password_reset",
            target_type: "user",
            target_id: Some(user_id.to_string()),
            details: json!({ "sessions_ended": ended }),
        },
    )
    .await?;
    tx.commit().await?;

    let mut response = see_other("/login");
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, "flash-password-changed"),
    );
    Ok(response)
}

async fn limit(state: &AppState, key: &str, limit: Limit) -> AppResult<()> {
    let mut conn = state.db.acquire().await?;
    rate_limit::hit(&mut conn, key, limit).await
}
