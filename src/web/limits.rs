//! Limits against abuse, each answered with a page in the visitor's language:
//!
//! - **slow clients**: [`guard_slow_clients`] wraps the listener so that a client must send a
//!   request's headers within `HEADER_TIMEOUT_SECS` (from connecting, or from the first byte of
//!   a later request on a kept-alive connection) and a connection on which nothing moves for
//!   `IDLE_TIMEOUT_SECS` is closed (slowloris). A form body must then arrive within
//!   `BODY_TIMEOUT_SECS` (408 page) — [`request_limits`]. (A page not ready in time is
//!   answered 503 by `app::serve`.)
//! - **sizes**: a path over [`MAX_PATH_BYTES`] or a query string over [`MAX_QUERY_BYTES`] gets
//!   414, headers over [`MAX_HEADER_BYTES`] in all 431 ([`request_limits`]); bodies over 256 KiB
//!   413 (`csrf::MAX_FORM_BYTES`); forms with more than [`MAX_FORM_PAIRS`] fields or more than
//!   [`MAX_VALUES_PER_NAME`] values of one name 413 (`forms::RawForm`); page numbers past
//!   `pagination::MAX_PAGE` go back to the first page;
//! - **expensive requests** (searches, candidate lists, recommendations, CSV exports: the
//!   routes in [`EXPENSIVE_ROUTES`]): at most `EXPENSIVE_CONCURRENCY` at once in the process
//!   and `EXPENSIVE_PER_CLIENT` for one client (a signed-in account, else an address). A request
//!   over either waits up to `EXPENSIVE_WAIT_MS` for a turn, then gets 503 with `Retry-After`
//!   and a "busy, try again" page. The per-client cap is checked first, so one client's burst
//!   waits in its own queue and cannot take every turn from the others ([`limit_expensive`]).

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody, to_bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::serve::{Listener, ListenerExt, TapIo};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};
use tower_http::services::fs::AsyncReadBody;

use crate::config::RequestLimits;
use crate::error::ErrorDetail;
use crate::state::AppState;
use crate::web::client_ip::client_ip;
use crate::web::context::RequestContext;
use crate::web::csrf::MAX_FORM_BYTES;

/// The longest path accepted (414 beyond).
pub const MAX_PATH_BYTES: usize = 2 * 1024;
/// The longest query string accepted (414 beyond): every search form fits in a few hundred.
pub const MAX_QUERY_BYTES: usize = 4 * 1024;
/// The most header bytes (names and values) a request may carry (431 beyond).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// The most fields a form may send (the profile form sends about 150 when full).
pub const MAX_FORM_PAIRS: usize = 1000;
/// The most values a form may send under one name (fields of expertise, publications…).
pub const MAX_VALUES_PER_NAME: usize = 200;
/// What a "busy" page tells the browser about when to try again.
pub const BUSY_RETRY_AFTER_SECS: u64 = 5;

/// The routes whose work grows with the data (full-text search with facet counts, ranking,
/// streaming a report): they take a turn from the expensive-request limiter. A new route of
/// that kind must be added here.
pub const EXPENSIVE_ROUTES: [&str; 5] = [
    "/scientists",
    "/problems",
    "/problems/{id}/candidates",
    "/me/recommendations",
    "/staff/reports/{file}",
];

// ---------------------------------------------------------------------------------------------
// Sizes and timeouts of one request

/// The size limits on the request line and headers, and the form body's deadline. Must sit inside `error_pages::render_bare_errors` (so its answers
/// become pages) and outside the CSRF check (which reads the body).
pub async fn request_limits(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limits = &state.config.limits;
    let uri = req.uri();
    if uri.path().len() > MAX_PATH_BYTES || uri.query().is_some_and(|q| q.len() > MAX_QUERY_BYTES) {
        tracing::info!(
            length = uri.to_string().len(),
            "request refused: address too long"
        );
        return refusal(StatusCode::URI_TOO_LONG, "limits-uri-too-long-body");
    }
    if header_bytes(&req) > MAX_HEADER_BYTES {
        tracing::info!("request refused: headers too large");
        return refusal(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "limits-headers-too-large-body",
        );
    }
    let req = if may_have_body(&req) {
        // Forms are small and every one is read whole by the CSRF check anyway: reading it
        // here, against a deadline, costs nothing more and stops a client that trickles it.
        let (parts, body) = req.into_parts();
        match tokio::time::timeout(limits.body_timeout, to_bytes(body, MAX_FORM_BYTES)).await {
            Ok(Ok(bytes)) => Request::from_parts(parts, Body::from(bytes)),
            Ok(Err(_)) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
            Err(_) => {
                tracing::info!("request refused: body not received in time");
                return refusal(StatusCode::REQUEST_TIMEOUT, "limits-body-timeout-body");
            }
        }
    } else {
        req
    };
    // No deadline on the answer itself here: `app::serve` answers a page that is not ready in
    // time with 503, and a form is never cut (a write cut after its commit would be reported
    // as failed).
    next.run(req).await
}

fn header_bytes(req: &Request) -> usize {
    req.headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum()
}

fn may_have_body(req: &Request) -> bool {
    !matches!(
        *req.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// A bare status with the explanation the error page shows (`error_pages` fills the page).
fn refusal(status: StatusCode, body_key: &'static str) -> Response {
    let mut response = status.into_response();
    response.extensions_mut().insert(ErrorDetail(body_key));
    response
}

/// Whether a form sent too many fields, or too many values under one name.
pub fn too_many_fields(pairs: &[(String, String)]) -> bool {
    if pairs.len() > MAX_FORM_PAIRS {
        return true;
    }
    let mut per_name: HashMap<&str, usize> = HashMap::new();
    pairs.iter().any(|(name, _)| {
        let n = per_name.entry(name.as_str()).or_default();
        *n += 1;
        *n > MAX_VALUES_PER_NAME
    })
}

/// The answer to a form over [`too_many_fields`].
pub fn too_many_fields_response() -> Response {
    refusal(StatusCode::PAYLOAD_TOO_LARGE, "limits-too-many-fields-body")
}

// ---------------------------------------------------------------------------------------------
// Expensive requests

/// Who a turn is counted against: the signed-in account, else the client's address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ClientKey {
    User(i64),
    Address(IpAddr),
}

/// Hands out turns for expensive requests: a semaphore for the process and a count per client.
pub struct Limiter {
    global: Arc<Semaphore>,
    per_client_max: usize,
    wait: Duration,
    per_client: Mutex<HashMap<ClientKey, usize>>,
    /// Woken whenever a client gives a turn back.
    released: Notify,
}

/// No turn within the wait.
#[derive(Debug, PartialEq, Eq)]
pub struct Busy;

/// A turn: given back when dropped (for a streamed response, when the stream ends).
pub struct ExpensivePermit {
    _global: OwnedSemaphorePermit,
    _client: ClientTurn,
}

struct ClientTurn {
    limiter: Arc<Limiter>,
    key: ClientKey,
}

impl Drop for ClientTurn {
    fn drop(&mut self) {
        {
            let mut counts = self
                .limiter
                .per_client
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if let Some(n) = counts.get_mut(&self.key) {
                *n -= 1;
                if *n == 0 {
                    counts.remove(&self.key);
                }
            }
        }
        self.limiter.released.notify_waiters();
    }
}

impl Limiter {
    pub fn new(limits: &RequestLimits) -> Limiter {
        Limiter {
            global: Arc::new(Semaphore::new(limits.expensive_concurrency)),
            per_client_max: limits.expensive_per_client,
            wait: limits.expensive_wait,
            per_client: Mutex::new(HashMap::new()),
            released: Notify::new(),
        }
    }

    /// Waits at most the configured time for a turn: first the client's own, then the
    /// process's.
    pub async fn acquire(self: &Arc<Self>, key: ClientKey) -> Result<ExpensivePermit, Busy> {
        let deadline = Instant::now() + self.wait;
        let client = loop {
            let released = self.released.notified();
            tokio::pin!(released);
            // Registered before the check, so a turn given back in between still wakes us.
            released.as_mut().enable();
            if let Some(turn) = self.try_client_turn(&key) {
                break turn;
            }
            if tokio::time::timeout_at(deadline, released).await.is_err() {
                return Err(Busy);
            }
        };
        match tokio::time::timeout_at(deadline, self.global.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(ExpensivePermit {
                _global: permit,
                _client: client,
            }),
            _ => Err(Busy),
        }
    }

    fn try_client_turn(self: &Arc<Self>, key: &ClientKey) -> Option<ClientTurn> {
        let mut counts = self.per_client.lock().unwrap_or_else(|e| e.into_inner());
        let n = counts.entry(key.clone()).or_default();
        if *n >= self.per_client_max {
            return None;
        }
        *n += 1;
        Some(ClientTurn {
            limiter: self.clone(),
            key: key.clone(),
        })
    }

    /// Turns in use now (for tests and logs).
    pub fn in_use(&self) -> usize {
        self.per_client
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .sum()
    }
}

/// Takes a turn for the routes in [`EXPENSIVE_ROUTES`], holding it until the response has been
/// sent (a CSV export streams long after its handler returns). Must sit inside
/// `context::load_context` (it reads who is signed in) and `render_bare_errors`.
pub async fn limit_expensive(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let expensive = matches!(*req.method(), Method::GET | Method::HEAD)
        && req
            .extensions()
            .get::<MatchedPath>()
            .is_some_and(|path| EXPENSIVE_ROUTES.contains(&path.as_str()));
    if !expensive {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let key = match parts
        .extensions
        .get::<RequestContext>()
        .and_then(|ctx| ctx.user.as_ref())
    {
        Some(user) => ClientKey::User(user.id),
        None => ClientKey::Address(client_ip(&parts, state.config.trust_proxy_headers)),
    };
    let Ok(permit) = state.limiter.acquire(key.clone()).await else {
        tracing::info!(client = ?key, path = %parts.uri.path(), "expensive request refused: busy");
        let mut response = refusal(StatusCode::SERVICE_UNAVAILABLE, "limits-busy-body");
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(BUSY_RETRY_AFTER_SECS));
        return response;
    };
    let response = next.run(Request::from_parts(parts, body)).await;
    if response.body().size_hint().exact().is_some() {
        // A page rendered in memory: the work is done.
        return response;
    }
    response.map(|body| {
        Body::new(AsyncReadBody::with_capacity(
            PermitReader {
                body,
                pending: Bytes::new(),
                _permit: permit,
            },
            64 * 1024,
        ))
    })
}

/// A streamed response body that holds its turn until it ends or the client goes away.
struct PermitReader {
    body: Body,
    pending: Bytes,
    _permit: ExpensivePermit,
}

impl AsyncRead for PermitReader {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        while self.pending.is_empty() {
            match ready!(Pin::new(&mut self.body).poll_frame(cx)) {
                None => return Poll::Ready(Ok(())),
                Some(Err(err)) => return Poll::Ready(Err(io::Error::other(err))),
                Some(Ok(frame)) => {
                    if let Ok(data) = frame.into_data() {
                        self.pending = data;
                    }
                }
            }
        }
        let n = self.pending.len().min(buf.remaining());
        buf.put_slice(&self.pending.split_to(n));
        Poll::Ready(Ok(()))
    }
}

// ---------------------------------------------------------------------------------------------
// Slow clients, at the connection

/// The listener [`guard_slow_clients`] returns, for `axum::serve`. (The no-op `tap_io` gives it
/// axum's `ConnectInfo<SocketAddr>`, which the rate limits and the limiter need.)
pub type GuardedListener = TapIo<SlowClientListener, fn(&mut GuardedIo)>;

/// Wraps `listener` so that every connection must send a request's headers within
/// `limits.header_timeout` and is closed after `limits.idle_timeout` with nothing moving.
/// `axum::serve` gives no access to hyper's own `header_read_timeout`; this does the same at
/// the connection, without another dependency. Use it in `app::serve`:
/// `axum::serve(limits::guard_slow_clients(listener, &state.config.limits), app)`.
pub fn guard_slow_clients(listener: TcpListener, limits: &RequestLimits) -> GuardedListener {
    SlowClientListener {
        inner: listener,
        header_timeout: limits.header_timeout,
        idle_timeout: limits.idle_timeout,
    }
    .tap_io(keep as fn(&mut GuardedIo))
}

fn keep(_: &mut GuardedIo) {}

pub struct SlowClientListener {
    inner: TcpListener,
    header_timeout: Duration,
    idle_timeout: Duration,
}

impl Listener for SlowClientListener {
    type Io = GuardedIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = Listener::accept(&mut self.inner).await;
        (
            GuardedIo::new(stream, self.header_timeout, self.idle_timeout),
            addr,
        )
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Listener::local_addr(&self.inner)
    }
}

/// Where a connection is in its request–response cycle, as far as the bytes tell.
#[derive(Clone, Copy, Debug)]
enum Phase {
    /// Waiting for a request; `first`: the connection's first (its deadline is the header
    /// timeout from connecting), else a kept-alive connection (the idle timeout).
    Waiting { since: Instant, first: bool },
    /// Part of a request head has come; the rest must come by `deadline`.
    Head {
        deadline: Instant,
        at_line_start: bool,
    },
    /// The head is complete: the application reads the body (with its own deadline) and
    /// answers. No deadline here.
    Answering,
}

/// A TCP connection that fails its reads once the client has been too slow (see [`Phase`]).
/// Any byte the server writes (other than a `100 Continue`) ends a request: the connection
/// then waits for the next one.
pub struct GuardedIo {
    inner: TcpStream,
    phase: Phase,
    header_timeout: Duration,
    idle_timeout: Duration,
    timer: Pin<Box<Sleep>>,
}

impl GuardedIo {
    fn new(inner: TcpStream, header_timeout: Duration, idle_timeout: Duration) -> GuardedIo {
        let now = Instant::now();
        GuardedIo {
            inner,
            phase: Phase::Waiting {
                since: now,
                first: true,
            },
            header_timeout,
            idle_timeout,
            timer: Box::pin(tokio::time::sleep_until(now + header_timeout)),
        }
    }

    fn deadline(&self) -> Option<Instant> {
        match self.phase {
            Phase::Waiting { since, first: true } => Some(since + self.header_timeout),
            Phase::Waiting {
                since,
                first: false,
            } => Some(since + self.idle_timeout),
            Phase::Head { deadline, .. } => Some(deadline),
            Phase::Answering => None,
        }
    }

    /// Follows the bytes read: the first byte of a request starts its head, and the first empty
    /// line after some content ends it (what hyper's parser also takes as the end).
    fn saw(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        if let Phase::Waiting { since, first } = self.phase {
            // Blank lines before a request line are skipped, as HTTP allows; they neither start
            // a request nor count as activity.
            let Some(start) = bytes.iter().position(|b| !matches!(b, b'\r' | b'\n')) else {
                return;
            };
            let started = if first { since } else { Instant::now() };
            self.phase = Phase::Head {
                deadline: started + self.header_timeout,
                at_line_start: false,
            };
            return self.scan(&bytes[start..]);
        }
        self.scan(bytes);
    }

    fn scan(&mut self, bytes: &[u8]) {
        let Phase::Head {
            deadline,
            mut at_line_start,
        } = self.phase
        else {
            return;
        };
        for &b in bytes {
            match b {
                b'\r' => {}
                b'\n' if at_line_start => {
                    self.phase = Phase::Answering;
                    return;
                }
                b'\n' => at_line_start = true,
                _ => at_line_start = false,
            }
        }
        self.phase = Phase::Head {
            deadline,
            at_line_start,
        };
    }

    /// Returns whether the connection has just gone back to waiting for a request.
    fn wrote(&mut self, first_bytes: &[u8]) -> bool {
        if first_bytes.starts_with(b"HTTP/1.1 100 ") {
            return false;
        }
        let was_answering = matches!(self.phase, Phase::Answering);
        self.phase = Phase::Waiting {
            since: Instant::now(),
            first: false,
        };
        was_answering
    }

    fn timed_out() -> io::Error {
        io::Error::new(io::ErrorKind::TimedOut, "client too slow")
    }
}

impl AsyncRead for GuardedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let deadline = this.deadline();
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Poll::Ready(Err(Self::timed_out()));
        }
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                this.saw(&buf.filled()[before..]);
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(err)) => Poll::Ready(Err(err)),
            Poll::Pending => {
                if let Some(deadline) = deadline {
                    if this.timer.deadline() != deadline {
                        this.timer.as_mut().reset(deadline);
                    }
                    if this.timer.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(Err(Self::timed_out()));
                    }
                }
                Poll::Pending
            }
        }
    }
}

/// hyper may be parked on a read it started while the request was being answered (to notice a
/// client that goes away), which has no deadline. Once the answer is written the connection
/// has one again: wake the connection's task so that it reads again and arms the timer.
fn rearm(cx: &mut Context<'_>) {
    cx.waker().wake_by_ref();
}

impl AsyncWrite for GuardedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let result = ready!(Pin::new(&mut self.inner).poll_write(cx, buf));
        if matches!(result, Ok(n) if n > 0) && self.wrote(buf) {
            rearm(cx);
        }
        Poll::Ready(result)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let result = ready!(Pin::new(&mut self.inner).poll_write_vectored(cx, bufs));
        if matches!(result, Ok(n) if n > 0) {
            let first = bufs.iter().find(|b| !b.is_empty()).map_or(&[][..], |b| b);
            if self.wrote(first) {
                rearm(cx);
            }
        }
        Poll::Ready(result)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(concurrency: usize, per_client: usize, wait_ms: u64) -> RequestLimits {
        RequestLimits {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            body_timeout: Duration::from_secs(20),
            expensive_concurrency: concurrency,
            expensive_per_client: per_client,
            expensive_wait: Duration::from_millis(wait_ms),
        }
    }

    fn pairs(names: &[(&str, usize)]) -> Vec<(String, String)> {
        names
            .iter()
            .flat_map(|(name, n)| (0..*n).map(|_| (name.to_string(), String::new())))
            .collect()
    }

    #[test]
    fn forms_may_repeat_a_name_up_to_the_cap() {
        assert!(!too_many_fields(&pairs(&[("fields", MAX_VALUES_PER_NAME)])));
        assert!(too_many_fields(&pairs(&[(
            "fields",
            MAX_VALUES_PER_NAME + 1
        )])));
        assert!(!too_many_fields(&pairs(&[
            ("a", 200),
            ("b", 200),
            ("c", 200),
            ("d", 200),
            ("e", 200)
        ])));
        assert!(too_many_fields(&pairs(&[
            ("a", 200),
            ("b", 200),
            ("c", 200),
            ("d", 200),
            ("e", 200),
            ("f", 1)
        ])));
    }

    #[tokio::test]
    async fn one_client_cannot_take_every_turn() {
        let limiter = Arc::new(Limiter::new(&limits(3, 2, 50)));
        let greedy = ClientKey::Address([10, 0, 0, 1].into());
        let other = ClientKey::Address([10, 0, 0, 2].into());
        let first = limiter.acquire(greedy.clone()).await.unwrap();
        let _second = limiter.acquire(greedy.clone()).await.unwrap();
        assert_eq!(limiter.acquire(greedy.clone()).await.err(), Some(Busy));
        let _theirs = limiter.acquire(other.clone()).await.unwrap();
        assert_eq!(limiter.in_use(), 3);
        // The process is full now: a third client waits, then is turned away.
        let third = ClientKey::User(7);
        assert_eq!(limiter.acquire(third.clone()).await.err(), Some(Busy));
        // A turn given back while someone waits goes to them.
        let waiting = {
            let limiter = limiter.clone();
            tokio::spawn(async move { limiter.acquire(greedy).await.is_ok() })
        };
        tokio::time::sleep(Duration::from_millis(10)).await;
        drop(first);
        assert!(waiting.await.unwrap());
        // The waiter's turn ended with its task: every turn given back is counted out.
        assert_eq!(limiter.in_use(), 2);
    }

    #[test]
    fn a_head_ends_at_the_first_empty_line_after_content() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let _client = TcpStream::connect(addr).await.unwrap();
            let (stream, _) = listener.accept().await.unwrap();
            let mut io = GuardedIo::new(stream, Duration::from_secs(5), Duration::from_secs(9));
            io.saw(b"\r\n");
            assert!(matches!(io.phase, Phase::Waiting { first: true, .. }));
            io.saw(b"GET / HTTP/1.1\r\nHost: x\r");
            assert!(matches!(io.phase, Phase::Head { .. }));
            io.saw(b"\n\r");
            assert!(matches!(io.phase, Phase::Head { .. }));
            io.saw(b"\nbody");
            assert!(matches!(io.phase, Phase::Answering));
            assert!(!io.wrote(b"HTTP/1.1 100 Continue\r\n\r\n"));
            assert!(matches!(io.phase, Phase::Answering));
            assert!(io.wrote(b"HTTP/1.1 200 OK\r\n"));
            assert!(matches!(io.phase, Phase::Waiting { first: false, .. }));
            assert!(!io.wrote(b"more of the body"));
        });
    }
}
