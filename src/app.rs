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
use crate::web::{context, csrf, error_pages, rate_limit, session};

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
                .layer(CatchPanicLayer::new())
                .layer(cross_origin)
                .layer(from_fn(csrf::require_csrf_token)),
        )
        .with_state(state)
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
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

    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;

    let _ = stop_workers.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(10), worker).await;
    housekeeping.abort();
    Ok(())
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
