//! The router with all its layers, the server loop and graceful shutdown.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{from_fn, from_fn_with_state};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::notifications::outbox;
use crate::problems::expiry;
use crate::state::AppState;
use crate::web::security_headers::{HttpsOnly, set_security_headers};
use crate::web::{context, csrf, error_pages, limits, rate_limit, session};

/// The whole application: routes, static files and every layer, outermost first.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let https = HttpsOnly(state.config.secure_cookies());
    let cross_origin = CsrfLayer::new()
        .add_trusted_origin(state.config.origin())
        .expect("BASE_URL gives a valid origin");

    let static_files = Router::new()
        .nest_service("/static", ServeDir::new(&state.config.static_dir))
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ));

    crate::routes::routes()
        .merge(static_files)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
                .layer(PropagateRequestIdLayer::new(request_id))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(crate::telemetry::request_span)
                        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(axum::Extension(https))
                .layer(from_fn(set_security_headers))
                .layer(DefaultBodyLimit::max(csrf::MAX_FORM_BYTES))
                .layer(from_fn_with_state(state.clone(), context::load_context))
                .layer(from_fn(error_pages::render_bare_errors))
                .layer(from_fn_with_state(state.clone(), limits::request_limits))
                .layer(from_fn_with_state(state.clone(), limits::limit_expensive))
                .layer(CatchPanicLayer::new())
                .layer(cross_origin)
                .layer(from_fn(csrf::require_csrf_token))
                .layer(from_fn_with_state(
                    state.clone(),
                    crate::web::idempotency::deduplicate,
                )),
        )
        .with_state(state)
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
///
/// When `shutdown` resolves the listener closes at once (new connections are refused), every
/// request already accepted runs to its end, and the email worker finishes the email it is
/// sending and releases the rest of its batch. Connections still open after [`DRAIN_DEADLINE`]
/// are abandoned, so the whole stop takes less than [`SHUTDOWN_DEADLINE`].
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let (stop_workers, workers_stopped) = watch::channel(false);
    let worker = tokio::spawn(outbox::run_worker(
        state.db.clone(),
        state.mailer.clone(),
        workers_stopped.clone(),
    ));
    let housekeeping = tokio::spawn(housekeeping(state.clone(), workers_stopped));

    let outer = state.clone();
    let app = router(state)
        .layer(from_fn_with_state(outer.clone(), answer_in_time))
        .layer(from_fn(set_security_headers))
        .layer(axum::Extension(HttpsOnly(outer.config.secure_cookies())))
        .into_make_service_with_connect_info::<SocketAddr>();
    let (began, shutdown_began) = tokio::sync::oneshot::channel();
    let signal = async move {
        shutdown.await;
        let _ = began.send(std::time::Instant::now());
        // The worker stops alongside the server, not after it: both fit in the deadline.
        let _ = stop_workers.send(true);
    };
    let mut server = tokio::spawn(std::future::IntoFuture::into_future(
        axum::serve(
            limits::guard_slow_clients(listener, &outer.config.limits),
            app,
        )
        .with_graceful_shutdown(signal),
    ));

    let began = match shutdown_began.await {
        Ok(at) => at,
        // The server ended without a signal (it cannot, short of a panic): report how.
        Err(_) => {
            housekeeping.abort();
            return Ok(server.await??);
        }
    };
    match tokio::time::timeout(DRAIN_DEADLINE, &mut server).await {
        Ok(finished) => finished??,
        Err(_) => {
            tracing::warn!(
                deadline_secs = DRAIN_DEADLINE.as_secs(),
                "requests still in flight at the shutdown deadline: stopping anyway"
            );
            server.abort();
        }
    }
    let left = SHUTDOWN_DEADLINE.saturating_sub(began.elapsed());
    if tokio::time::timeout(left, worker).await.is_err() {
        tracing::warn!("the email worker did not stop in time; its leases will expire");
    }
    housekeeping.abort();
    tracing::info!(took_ms = began.elapsed().as_millis() as u64, "stopped");
    Ok(())
}

/// Connections still open this long after the shutdown signal are closed without waiting.
pub const DRAIN_DEADLINE: Duration = Duration::from_secs(8);
/// The whole stop (requests, then the email worker) ends within this.
pub const SHUTDOWN_DEADLINE: Duration = Duration::from_millis(9500);
/// A page (GET or HEAD) not answered by then is answered "service unavailable" instead: the
/// backstop for a database that stopped answering without closing its connections. Longer
/// than the pool's acquire timeout, so the usual outage page comes from the pool first.
/// Forms (POST) are not cut: their bodies may arrive slowly, and a write cut after its commit
/// would be reported as failed.
pub const PAGE_DEADLINE: Duration = Duration::from_secs(5);
/// What a 503 asks clients to wait before trying again, in seconds.
pub const RETRY_AFTER_SECS: u32 = 5;

/// Outermost layer: every request has a request id before anything else sees it, a page that
/// takes longer than [`PAGE_DEADLINE`] is answered with the "service unavailable" page, and
/// every 503 says when to try again.
async fn answer_in_time(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let request_id = HeaderName::from_static("x-request-id");
    if !req.headers().contains_key(&request_id) {
        let id = uuid_like();
        if let Ok(value) = HeaderValue::from_str(&id) {
            req.headers_mut().insert(request_id.clone(), value);
        }
    }
    let headers = req.headers().clone();
    let deadline = matches!(
        *req.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    ) && !req.uri().path().starts_with("/static/");
    let mut response = if deadline {
        match tokio::time::timeout(PAGE_DEADLINE, next.run(req)).await {
            Ok(response) => response,
            Err(_) => {
                tracing::warn!(
                    deadline_secs = PAGE_DEADLINE.as_secs(),
                    "page not ready in time: answered service unavailable"
                );
                let ctx = context::RequestContext::fallback(&headers, state.asset_version.clone());
                let mut page =
                    error_pages::render(&ctx, axum::http::StatusCode::SERVICE_UNAVAILABLE, None);
                if let Some(id) = headers.get(&request_id) {
                    page.headers_mut().insert(request_id, id.clone());
                }
                page
            }
        }
    } else {
        next.run(req).await
    };
    if response.status() == axum::http::StatusCode::SERVICE_UNAVAILABLE {
        let out = response.headers_mut();
        if !out.contains_key(axum::http::header::RETRY_AFTER) {
            out.insert(axum::http::header::RETRY_AFTER, RETRY_AFTER_SECS.into());
        }
        out.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// A random request id in the UUID (version 4) layout, as the inner request-id layer makes.
fn uuid_like() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the operating system's random source");
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Every minute: marks published problems past their deadline expired. Every ten minutes:
/// removes expired sessions and old rate-limit counters.
async fn housekeeping(state: AppState, mut stop: watch::Receiver<bool>) {
    let limits = session::Limits {
        idle: state.config.session_idle,
        absolute: state.config.session_absolute,
    };
    let base_url = state.config.origin();
    for minute in 0u64.. {
        match expiry::expire_past_deadline(&state.db, &base_url).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "problems past their deadline expired"),
            Err(err) => tracing::warn!(error = %err, "cannot expire problems"),
        }
        if minute % 10 == 0 {
            if let Ok(mut conn) = state.db.acquire().await {
                let _ = session::delete_expired(&mut conn, &limits).await;
                let _ = rate_limit::delete_old(&mut conn).await;
                let _ = crate::web::idempotency::delete_old(&mut conn).await;
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
