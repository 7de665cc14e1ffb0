//! Limits against abuse (issue 8, part 5): each answered with a clear page in the visitor's
//! language, and one client's burst of expensive requests leaves the others served.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use knowbridge::web::limits;
use knowbridge::{AppState, Config, app};
use reqwest::StatusCode;
use sqlx::PgPool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, TestClient};

fn english(app: &TestApp) -> TestClient {
    let mut client = app.client();
    client.with_header("accept-language", "en");
    client
}

/// Every refusal is a page in the layout with the request id to quote.
fn assert_error_page(text: &str, explanation: &str) {
    assert!(text.contains(explanation), "{text}");
    assert!(text.contains("class=\"request-id\""), "{text}");
}

#[sqlx::test]
async fn a_body_over_256_kib_gets_the_too_large_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = english(&app);
    let big = "a".repeat(300 * 1024);
    let response = client
        .post("/login", &[("email", "x@example.org"), ("password", &big)])
        .await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error_page(&response.text, "What you sent is too large");
}

#[sqlx::test]
async fn a_long_address_gets_414_and_large_headers_431(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = english(&app);

    let fine = client
        .get(&format!("/problems?q={}", "a".repeat(1000)))
        .await;
    assert_eq!(fine.status, StatusCode::OK);
    let long = client
        .get(&format!("/problems?q={}", "a".repeat(5000)))
        .await;
    assert_eq!(long.status, StatusCode::URI_TOO_LONG);
    assert_error_page(&long.text, "The web address is too long");
    let long_path = client.get(&format!("/{}", "p".repeat(3000))).await;
    assert_eq!(long_path.status, StatusCode::URI_TOO_LONG);

    let mut client = english(&app);
    client.with_header("x-filler", &"f".repeat(17 * 1024));
    let large = client.get("/").await;
    assert_eq!(large.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    assert_error_page(
        &large.text,
        "more information with this request than we accept",
    );

    // In the visitor's language, as every error page.
    let mut client = app.client();
    client.with_header("accept-language", "ja");
    let long = client
        .get(&format!("/scientists?q={}", "a".repeat(5000)))
        .await;
    assert_eq!(long.status, StatusCode::URI_TOO_LONG);
    assert!(
        long.text.contains("ページのアドレスが長すぎます"),
        "{}",
        long.text
    );
}

#[sqlx::test]
async fn a_form_with_too_many_fields_is_refused_before_any_handler(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut scientist = app.signed_in("scientist").await;
    scientist.use_language("en").await;

    let many: Vec<(&str, &str)> = (0..limits::MAX_VALUES_PER_NAME + 1)
        .map(|_| ("fields", "oecd.2.2"))
        .collect();
    let response = scientist.post("/me/profile", &many).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error_page(&response.text, "The form sent too many entries");

    // Spread over many names, the total is capped too.
    let names: Vec<String> = (0..limits::MAX_FORM_PAIRS)
        .map(|i| format!("x{i}"))
        .collect();
    let spread: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "1")).collect();
    let response = scientist.post("/me/profile", &spread).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);

    let none: i64 = app.count("select count(*) from scientist_profiles").await;
    assert_eq!(none, 0);
}

#[sqlx::test]
async fn long_fields_get_an_error_beside_them(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut visitor = english(&app);
    let long_password = "correct horse ".repeat(80);
    let response = visitor
        .post(
            "/register",
            &[
                ("email", "long@example.org"),
                ("password", &long_password),
                ("password_confirm", &long_password),
                ("display_name", "Long Password"),
                ("account_kind", "scientist"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text
            .contains("Your password must be 1,000 characters or fewer"),
        "{}",
        response.text
    );

    let mut scientist = app.signed_in("scientist").await;
    let venue = "v".repeat(201);
    let response = scientist
        .post(
            "/me/profile",
            &[
                ("publication_title", "A paper"),
                ("publication_venue", &venue),
                ("publication_doi", &format!("10.1234/{}", "d".repeat(300))),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("id=\"publication_venue-0-error\""));
    assert!(response.text.contains("id=\"publication_doi-0-error\""));
}

#[sqlx::test]
async fn page_numbers_past_the_cap_go_back_to_the_first_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    for path in [
        "/scientists?page=9223372036854775807",
        "/scientists?q=chip&page=1001",
        "/problems?page=9223372036854775807",
        "/problems?page=100000000000000000000",
    ] {
        let response = client.get(path).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{path}");
        assert!(!response.location().contains("page="), "{path}");
    }
    let mut staff = app.signed_in("staff").await;
    for path in [
        "/staff/users?page=9223372036854775807",
        "/staff/audit?page=9223372036854775807",
    ] {
        let response = staff.get(path).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{path}");
    }
}

// ---------------------------------------------------------------------------------------------
// Slow clients

/// Sends `head` and then `trickle` one chunk every `every`, until the server answers or closes;
/// returns what it answered and when.
async fn send_slowly(
    addr: SocketAddr,
    head: &str,
    trickle: &[&str],
    every: Duration,
) -> (String, Duration) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let trickle: Vec<String> = trickle.iter().map(|s| s.to_string()).collect();
    let sender = tokio::spawn(async move {
        for chunk in trickle {
            tokio::time::sleep(every).await;
            if writer.write_all(chunk.as_bytes()).await.is_err() {
                return;
            }
        }
        // Then nothing more, with the connection left open.
        tokio::time::sleep(Duration::from_secs(60)).await;
        drop(writer);
    });
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(30), reader.read_to_end(&mut answer)).await;
    sender.abort();
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

#[sqlx::test]
async fn a_form_trickled_in_gets_the_timeout_page(pool: PgPool) {
    let app = TestApp::spawn_with(pool, &[("BODY_TIMEOUT_SECS", "1")]).await;
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: {}\r\nAccept-Language: en\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n\r\nemail=",
        app.addr
    );
    let (answer, took) = send_slowly(app.addr, &head, &["a"; 40], Duration::from_millis(200)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.contains("The form took too long to arrive"),
        "{answer}"
    );
    assert!(took < Duration::from_secs(6), "{took:?}");
}

/// The app served through [`limits::guard_slow_clients`], as `app::serve` does.
async fn spawn_guarded(pool: PgPool, settings: &[(&str, &str)]) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let settings: Vec<(String, String)> = settings
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let config = Config::from_lookup(|name| match name {
        "BASE_URL" => Some(format!("http://{addr}")),
        "LOG" => Some("warn".into()),
        other => settings
            .iter()
            .find(|(k, _)| k == other)
            .map(|(_, v)| v.clone()),
    })
    .unwrap();
    let state = AppState::new(pool, config).unwrap();
    let guarded = limits::guard_slow_clients(listener, &state.config.limits);
    let service = app::router(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(guarded, service).await });
    addr
}

#[sqlx::test]
async fn clients_that_send_headers_slowly_are_disconnected(pool: PgPool) {
    let addr = spawn_guarded(
        pool,
        &[("HEADER_TIMEOUT_SECS", "1"), ("IDLE_TIMEOUT_SECS", "3")],
    )
    .await;

    // Slowloris: a header line every 300 ms would go on for 12 s.
    let head = format!("GET / HTTP/1.1\r\nHost: {addr}\r\n");
    let (answer, took) =
        send_slowly(addr, &head, &["X-A: b\r\n"; 40], Duration::from_millis(300)).await;
    assert!(answer.is_empty(), "{answer}");
    assert!(took < Duration::from_secs(4), "cut after {took:?}");

    // Connecting and sending nothing.
    let (answer, took) = send_slowly(addr, "", &[], Duration::ZERO).await;
    assert!(answer.is_empty(), "{answer}");
    assert!(took < Duration::from_secs(4), "cut after {took:?}");

    // Blank lines do not count as a request starting.
    let (_, took) = send_slowly(addr, "\r\n", &["\r\n"; 20], Duration::from_millis(200)).await;
    assert!(took < Duration::from_secs(4), "cut after {took:?}");

    // A normal client keeps its connection between requests for the idle time.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for pause in [0, 1500, 1500] {
        tokio::time::sleep(Duration::from_millis(pause)).await;
        let response = client
            .get(format!("http://{addr}/healthz"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }

    // A request whose headers arrive in pieces, in time, is served.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    for piece in [
        "GET /healthz HTTP/1.1\r\n",
        "Host: x\r\n",
        "Connection: close\r\n\r\n",
    ] {
        stream.write_all(piece.as_bytes()).await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    // A kept-alive connection with nothing moving is closed after the idle time.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(15), stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "still open after 15 s");
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(2500) && took < Duration::from_secs(8),
        "{took:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Expensive requests

async fn lock_waiters(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "select count(*) from pg_locks
          where not granted and database = (select oid from pg_database where datname = current_database())
            and relation = 'scientist_profiles'::regclass",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn wait_for_waiters(pool: &PgPool, n: i64) {
    let started = Instant::now();
    while lock_waiters(pool).await < n {
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{n} searches never started"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn search_from(
    addr: SocketAddr,
    ip: &str,
) -> tokio::task::JoinHandle<(StatusCode, String, String)> {
    let url = format!("http://{addr}/scientists?q=chip");
    let ip = ip.to_string();
    tokio::spawn(async move {
        let response = reqwest::Client::new()
            .get(url)
            .header("x-forwarded-for", ip)
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        let status = response.status();
        let retry_after = response
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        (status, retry_after, response.text().await.unwrap())
    })
}

#[sqlx::test]
async fn one_clients_burst_of_searches_leaves_the_others_served(pool: PgPool) {
    let app = TestApp::spawn_with(
        pool.clone(),
        &[
            ("TRUST_PROXY_HEADERS", "true"),
            ("EXPENSIVE_CONCURRENCY", "3"),
            ("EXPENSIVE_PER_CLIENT", "2"),
            ("EXPENSIVE_WAIT_MS", "500"),
        ],
    )
    .await;
    // Searches hold their turn while the table is locked, as a slow search would.
    let mut lock = pool.begin().await.unwrap();
    sqlx::query("lock table scientist_profiles in access exclusive mode")
        .execute(&mut *lock)
        .await
        .unwrap();

    let greedy = [
        search_from(app.addr, "10.0.0.1"),
        search_from(app.addr, "10.0.0.1"),
    ];
    wait_for_waiters(&pool, 2).await;
    // The greedy client's third search waits for one of its own turns, then is told to retry…
    let started = Instant::now();
    let third = search_from(app.addr, "10.0.0.1");
    // …while another client gets the turn that is still free.
    let other = search_from(app.addr, "10.0.0.2");
    let (status, retry_after, text) = third.await.unwrap();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(retry_after, limits::BUSY_RETRY_AFTER_SECS.to_string());
    assert_error_page(&text, "Many people are searching or downloading right now");
    assert!(started.elapsed() < Duration::from_secs(6));
    wait_for_waiters(&pool, 3).await;

    // Every turn of the process is taken now: a third client is turned away too.
    let (status, _, _) = search_from(app.addr, "10.0.0.3").await.unwrap();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    // Cheap pages are not limited.
    let home = reqwest::get(format!("{}/", app.origin())).await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);

    lock.rollback().await.unwrap();
    for search in greedy {
        assert_eq!(search.await.unwrap().0, StatusCode::OK);
    }
    assert_eq!(other.await.unwrap().0, StatusCode::OK);
    // The turns were given back.
    let (status, _, _) = search_from(app.addr, "10.0.0.3").await.unwrap();
    assert_eq!(status, StatusCode::OK);
}
