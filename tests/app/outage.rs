//! A database outage, through a TCP proxy between the app and PostgreSQL that the test cuts and
//! restores: every page answers a localised 503 page with a request id within seconds, the
//! readiness probe says not ready, the liveness probe stays up, the app serves normally again
//! within seconds of the database coming back, and a form cut in the middle of its
//! transaction leaves nothing behind.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use sqlx::PgPool;
use sqlx::postgres::PgConnectOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use crate::helpers::{PASSWORD, TestApp, TestClient, TestResponse};

/// What the issue allows for an answer during an outage (the design aims at about 2.5 s).
const ANSWER_WITHIN: Duration = Duration::from_secs(6);
/// What the issue allows for serving normally again once the database is back.
const RECOVER_WITHIN: Duration = Duration::from_secs(10);

/// Forwards TCP connections to PostgreSQL until told to cut them.
struct Proxy {
    port: u16,
    shared: Arc<Shared>,
    accept: tokio::task::JoinHandle<()>,
}

struct Shared {
    upstream: String,
    /// True while cut: new connections are accepted and then never answered (a blackhole,
    /// the worst case: nothing is refused, so only timeouts can help).
    cut: Mutex<bool>,
    /// Bumped by every cut: live connections see it and drop both of their sockets.
    generation: watch::Sender<u64>,
    /// Connections accepted while cut, held open without a word.
    held: Mutex<Vec<TcpStream>>,
    /// True while frozen: live connections stay open but nothing passes either way, as when
    /// the database's host vanishes without closing anything (no FIN, no RST).
    frozen: watch::Sender<bool>,
    /// When the app sends these bytes (e.g. the text of one SQL statement), everything is cut
    /// before they reach PostgreSQL: the outage starts in the middle of a transaction.
    cut_on: Mutex<Option<Vec<u8>>>,
    /// When the app sends these bytes, the next COMMIT on that connection reaches PostgreSQL
    /// but its answer does not reach the app: everything is cut as PostgreSQL acknowledges it.
    lose_commit_ack_after: Mutex<Option<Vec<u8>>>,
}

impl Shared {
    fn cut(&self) {
        *self.cut.lock().unwrap() = true;
        self.generation.send_modify(|g| *g += 1);
    }
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            upstream,
            cut: Mutex::new(false),
            generation: watch::channel(0).0,
            frozen: watch::channel(false).0,
            held: Mutex::new(Vec::new()),
            cut_on: Mutex::new(None),
            lose_commit_ack_after: Mutex::new(None),
        });
        let accept = tokio::spawn({
            let shared = shared.clone();
            async move {
                loop {
                    let Ok((client, _)) = listener.accept().await else {
                        continue;
                    };
                    if *shared.cut.lock().unwrap() {
                        shared.held.lock().unwrap().push(client);
                        continue;
                    }
                    tokio::spawn(forward(client, shared.clone()));
                }
            }
        });
        Proxy {
            port,
            shared,
            accept,
        }
    }

    /// Drops every live connection and blackholes new ones.
    fn cut(&self) {
        self.shared.cut();
    }

    /// Keeps live connections open but silent, and blackholes new ones.
    fn freeze(&self) {
        *self.shared.cut.lock().unwrap() = true;
        self.shared.frozen.send_replace(true);
    }

    /// Cuts everything at the moment the app sends `bytes`.
    fn cut_when_app_sends(&self, bytes: &[u8]) {
        *self.shared.cut_on.lock().unwrap() = Some(bytes.to_vec());
    }

    /// Lets the commit of the transaction that sends `bytes` happen, and cuts everything
    /// before its acknowledgement reaches the app.
    fn lose_commit_ack_after(&self, bytes: &[u8]) {
        *self.shared.lose_commit_ack_after.lock().unwrap() = Some(bytes.to_vec());
    }

    /// Forwards new connections again (and lets go of the ones it held).
    fn restore(&self) {
        *self.shared.cut_on.lock().unwrap() = None;
        *self.shared.lose_commit_ack_after.lock().unwrap() = None;
        *self.shared.cut.lock().unwrap() = false;
        self.shared.frozen.send_replace(false);
        self.shared.held.lock().unwrap().clear();
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.accept.abort();
        self.shared.cut();
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn forward(client: TcpStream, shared: Arc<Shared>) {
    let mut cuts = shared.generation.subscribe();
    // This connection sent the bytes of `lose_commit_ack_after`, then its COMMIT.
    let armed = AtomicBool::new(false);
    let commit_sent = AtomicBool::new(false);
    let Ok(server) = TcpStream::connect(&shared.upstream).await else {
        return;
    };
    let (mut from_client, mut to_client) = client.into_split();
    let (mut from_server, mut to_server) = server.into_split();
    let upstream = async {
        let mut frozen = shared.frozen.subscribe();
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let n = match from_client.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            let _ = frozen.wait_for(|f| !f).await;
            let trigger = shared.cut_on.lock().unwrap().clone();
            if let Some(pattern) = trigger
                && contains(&buf[..n], &pattern)
            {
                shared.cut();
                return;
            }
            {
                let mut lose_ack = shared.lose_commit_ack_after.lock().unwrap();
                if let Some(pattern) = lose_ack.as_deref()
                    && contains(&buf[..n], pattern)
                {
                    armed.store(true, Ordering::SeqCst);
                } else if armed.load(Ordering::SeqCst) && contains(&buf[..n], b"COMMIT") {
                    commit_sent.store(true, Ordering::SeqCst);
                    *lose_ack = None;
                }
            }
            if to_server.write_all(&buf[..n]).await.is_err() {
                return;
            }
        }
    };
    let downstream = async {
        let mut frozen = shared.frozen.subscribe();
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let n = match from_server.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            let _ = frozen.wait_for(|f| !f).await;
            if commit_sent.load(Ordering::SeqCst) {
                // PostgreSQL has committed and says so; the app never hears it.
                shared.cut();
                return;
            }
            if to_client.write_all(&buf[..n]).await.is_err() {
                return;
            }
        }
    };
    tokio::select! {
        _ = upstream => {}
        _ = downstream => {}
        _ = cuts.changed() => {}
    }
    // Returning drops all four halves: both connections close.
}

/// The app on its own pool, built with the production pool settings, that reaches the test
/// database through `proxy`.
async fn app_behind(proxy: &Proxy, pool: PgPool) -> TestApp {
    let options: PgConnectOptions = (*pool.connect_options())
        .clone()
        .host("127.0.0.1")
        .port(proxy.port);
    let app_pool = knowbridge::db::pool_options().connect_lazy_with(options);
    TestApp::spawn_on_pool(app_pool, pool, &[]).await
}

async fn proxy_for(pool: &PgPool) -> Proxy {
    let options = pool.connect_options();
    Proxy::start(format!("{}:{}", options.get_host(), options.get_port())).await
}

async fn timed_get(client: &mut TestClient, path: &str) -> (TestResponse, Duration) {
    let started = Instant::now();
    let response = client.get(path).await;
    (response, started.elapsed())
}

/// The 503 page: in the reader's language, with the request id of the response header, a
/// Retry-After header, and never cached.
fn assert_unavailable_page(response: &TestResponse, title: &str) {
    assert_eq!(
        response.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        response.text
    );
    assert!(response.text.contains(title), "{}", response.text);
    let id = response.header("x-request-id");
    assert!(id.len() >= 8, "a request id in the header: {id:?}");
    assert!(
        response
            .text
            .contains(&format!("<code class=\"request-id\">{id}</code>")),
        "the page shows the request id {id}: {}",
        response.text
    );
    assert!(
        response.header("retry-after").parse::<u64>().is_ok(),
        "{:?}",
        response.headers
    );
    assert_eq!(response.header("cache-control"), "no-store");
}

const TITLE_EN: &str = "Sorry, the service is unavailable";
const TITLE_VI: &str = "Rất tiếc, dịch vụ tạm thời không hoạt động";
const TITLE_JA: &str = "申し訳ありません。サービスを一時的に利用できません";

#[sqlx::test]
async fn pages_answer_503_quickly_while_the_database_is_away_and_recover_by_themselves(
    pool: PgPool,
) {
    let proxy = proxy_for(&pool).await;
    let app = app_behind(&proxy, pool).await;
    let mut member = app.signed_in("scientist").await;
    // Their language comes from the language cookie: the account is out of reach.
    member.use_language("en").await;
    let mut vietnamese = app.client();
    vietnamese.with_header("accept-language", "vi-VN,vi;q=0.9");
    let mut japanese = app.client();
    japanese.with_header("accept-language", "ja-JP,ja;q=0.9");
    let mut probe = app.client();
    for path in ["/", "/problems"] {
        assert_eq!(member.get(path).await.status, StatusCode::OK);
    }
    assert_eq!(vietnamese.get("/problems").await.status, StatusCode::OK);
    assert_eq!(probe.get("/readyz").await.status, StatusCode::OK);

    proxy.cut();

    // Signed in: the session itself needs the database.
    let mut slowest = Duration::ZERO;
    for path in ["/", "/problems", "/me/matches"] {
        let (response, took) = timed_get(&mut member, path).await;
        assert_unavailable_page(&response, TITLE_EN);
        assert!(took < ANSWER_WITHIN, "{path} answered after {took:?}");
        slowest = slowest.max(took);
    }
    // Anonymous readers, in their own language.
    let (response, took) = timed_get(&mut vietnamese, "/problems").await;
    assert_unavailable_page(&response, TITLE_VI);
    assert!(took < ANSWER_WITHIN, "answered after {took:?}");
    slowest = slowest.max(took);
    let (response, took) = timed_get(&mut japanese, "/problems").await;
    assert_unavailable_page(&response, TITLE_JA);
    assert!(took < ANSWER_WITHIN, "answered after {took:?}");
    slowest = slowest.max(took);

    let (ready, ready_took) = timed_get(&mut probe, "/readyz").await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(ready_took < Duration::from_secs(3), "{ready_took:?}");
    let (alive, _) = timed_get(&mut probe, "/healthz").await;
    assert_eq!(alive.status, StatusCode::OK, "the process itself is fine");
    eprintln!("outage: slowest 503 page {slowest:?}, /readyz 503 in {ready_took:?}");

    proxy.restore();
    let restored = Instant::now();
    loop {
        let home = member.get("/").await;
        let problems = vietnamese.get("/problems").await;
        let ready = probe.get("/readyz").await;
        if home.status == StatusCode::OK
            && problems.status == StatusCode::OK
            && ready.status == StatusCode::OK
        {
            assert!(
                home.text.contains("action=\"/logout\""),
                "still signed in: the session survived the outage"
            );
            break;
        }
        assert!(
            restored.elapsed() < RECOVER_WITHIN,
            "not recovered after {:?}: / {}, /problems {}, /readyz {}",
            restored.elapsed(),
            home.status,
            problems.status,
            ready.status
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let recovered_after = restored.elapsed();
    eprintln!("outage: serving normally {recovered_after:?} after the database came back");
    // Once recovered, it stays recovered: no stale connection fails a later request.
    for _ in 0..20 {
        assert_eq!(member.get("/problems").await.status, StatusCode::OK);
    }
}

#[sqlx::test]
async fn a_form_cut_in_the_middle_of_its_transaction_leaves_nothing_behind(pool: PgPool) {
    let proxy = proxy_for(&pool).await;
    let app = app_behind(&proxy, pool).await;
    let email = "cut-midway@example.org";
    let form = [
        ("account_kind", "scientist"),
        ("display_name", "Trần Văn Bình"),
        ("email", email),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ];
    let mut visitor = app.client();
    visitor.with_header("accept-language", "en");
    assert_eq!(visitor.get("/register").await.status, StatusCode::OK);

    // Registration writes the user, a verification token, the email and an audit row in one
    // transaction; the connection dies as the email is written, after the user and token.
    proxy.cut_when_app_sends(b"insert into emails");
    let started = Instant::now();
    let response = visitor.post("/register", &form).await;
    let took = started.elapsed();
    assert_unavailable_page(&response, TITLE_EN);
    assert!(took < ANSWER_WITHIN, "{took:?}");

    let count = |sql: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(email)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let users = "select count(*) from users where email = $1";
    let tokens = "select count(*) from user_tokens t join users u on u.id = t.user_id
                   where u.email = $1";
    let emails = "select count(*) from emails where to_address = $1";
    assert_eq!(count(users).await, 0, "the user was rolled back");
    assert_eq!(count(emails).await, 0);

    proxy.restore();
    let restored = Instant::now();
    let response = loop {
        visitor.get("/register").await;
        let response = visitor.post("/register", &form).await;
        if response.status != StatusCode::SERVICE_UNAVAILABLE {
            break response;
        }
        assert!(restored.elapsed() < RECOVER_WITHIN, "not recovered");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(count(users).await, 1, "the retry registered once");
    assert_eq!(count(tokens).await, 1);
    assert_eq!(count(emails).await, 1);
}

#[sqlx::test]
async fn a_database_that_goes_silent_mid_query_still_gets_a_503_in_time(pool: PgPool) {
    let proxy = proxy_for(&pool).await;
    let app = app_behind(&proxy, pool).await;
    let mut member = app.signed_in("scientist").await;
    member.use_language("en").await;
    assert_eq!(member.get("/problems").await.status, StatusCode::OK);

    // The host of the database vanishes: nothing is closed, nothing answers. The connection
    // just used is handed out again without a ping (it was used under a second ago), so the
    // session query hangs on it and only the page deadline can answer.
    proxy.freeze();
    let (response, took) = timed_get(&mut member, "/problems").await;
    assert_unavailable_page(&response, TITLE_EN);
    assert!(took < ANSWER_WITHIN, "answered after {took:?}");
    let (again, took_again) = timed_get(&mut member, "/problems").await;
    assert_unavailable_page(&again, TITLE_EN);
    assert!(took_again < ANSWER_WITHIN, "answered after {took_again:?}");
    eprintln!("silent database: 503 pages in {took:?} and {took_again:?}");

    proxy.restore();
    let restored = Instant::now();
    while member.get("/problems").await.status != StatusCode::OK {
        assert!(restored.elapsed() < RECOVER_WITHIN, "not recovered");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    eprintln!(
        "silent database: serving again {:?} after it came back",
        restored.elapsed()
    );
}

/// The window between a commit and its acknowledgement: PostgreSQL commits the new
/// organisation, the connection dies before the app hears so, and the app answers 503. The
/// browser sends the form again with the same key once the database is back: it must be
/// answered with the first submission's redirect, not register the organisation a second time.
#[sqlx::test]
async fn a_form_whose_commit_acknowledgement_is_lost_is_replayed_when_sent_again(pool: PgPool) {
    let proxy = proxy_for(&pool).await;
    let app = app_behind(&proxy, pool).await;
    let mut owner = app.signed_in("owner").await;
    owner.get("/orgs/new").await;
    let key = knowbridge::auth::tokens::random_token();
    let fields: Vec<(String, String)> = [
        ("csrf", owner.csrf_token().as_str()),
        ("name_vi", "Viện Công nghệ Vũ trụ"),
        ("name_en", "Space Technology Institute"),
        ("kind", "research_institute"),
        ("country", "vn"),
        ("idempotency_key", key.as_str()),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();

    // The audit row's action is sent with every registration, prepared statement or not.
    proxy.lose_commit_ack_after(b"org.registered");
    let lost = owner.post_raw("/orgs/new", &fields, &[]).await;
    assert_eq!(
        lost.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        lost.text
    );
    let stored = "select count(*) from organisations";
    assert_eq!(app.count(stored).await, 1, "the commit reached PostgreSQL");

    proxy.restore();
    // The request that answered 503 gives its key up once the database answers again, unless
    // the key is already done: wait until it has done whichever it does.
    let key_in_progress = format!(
        "select count(*) from idempotency_keys where key = '{key}' and state = 'in_progress'"
    );
    let restored = Instant::now();
    while app.count(&key_in_progress).await > 0 {
        assert!(
            restored.elapsed() < Duration::from_secs(30),
            "key still in progress"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let retried = loop {
        let answer = owner.post_raw("/orgs/new", &fields, &[]).await;
        if answer.status != StatusCode::SERVICE_UNAVAILABLE {
            break answer;
        }
        assert!(
            restored.elapsed() < Duration::from_secs(30),
            "not recovered"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(app.count(stored).await, 1, "stored exactly once");
    assert_eq!(retried.status, StatusCode::SEE_OTHER, "{}", retried.text);
    assert_eq!(retried.header("idempotent-replayed"), "true");
    let id: i64 = sqlx::query_scalar("select id from organisations")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(retried.location(), format!("/orgs/{id}"));
    assert!(
        retried.headers.get_all("set-cookie").iter().any(|c| c
            .to_str()
            .unwrap()
            .starts_with("kb_flash=flash-org-registered")),
        "the first answer's message: {:?}",
        retried.headers
    );
}

/// Writers under concurrent load with an outage in the middle: each form carries its own
/// idempotency key and is retried with that key until it gets a success answer, as a person
/// (or their browser) would. Afterwards every acknowledged write exists exactly once, and
/// nothing exists that was never acknowledged.
#[sqlx::test]
async fn concurrent_writes_across_an_outage_are_stored_exactly_once(pool: PgPool) {
    const WRITERS: usize = 6;
    const WRITES_EACH: usize = 4;
    let proxy = proxy_for(&pool).await;
    let app = app_behind(&proxy, pool).await;
    let mut writers = Vec::new();
    for _ in 0..WRITERS {
        let mut owner = app.signed_in("owner").await;
        owner.get("/orgs/new").await;
        writers.push(owner);
    }

    let tasks: Vec<_> = writers
        .into_iter()
        .enumerate()
        .map(|(writer, mut client)| {
            tokio::spawn(async move {
                // The token of the form page the person filled in: error pages in between do
                // not change what their browser resubmits.
                let csrf = client.csrf_token();
                let mut acknowledged = Vec::new();
                let mut errors = 0;
                for n in 0..WRITES_EACH {
                    let name = format!("Organisation {writer}-{n}");
                    let key = knowbridge::auth::tokens::random_token();
                    let fields: Vec<(String, String)> = [
                        ("csrf", csrf.as_str()),
                        ("name_vi", name.as_str()),
                        ("name_en", name.as_str()),
                        ("kind", "enterprise"),
                        ("country", "vn"),
                        ("idempotency_key", key.as_str()),
                    ]
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                    let started = Instant::now();
                    loop {
                        let answer = client.post_raw("/orgs/new", &fields, &[]).await;
                        if answer.status == StatusCode::SEE_OTHER {
                            acknowledged.push(name.clone());
                            break;
                        }
                        errors += 1;
                        assert!(
                            answer.status.is_server_error()
                                || answer.status == StatusCode::CONFLICT,
                            "only outage answers are expected: {} {}",
                            answer.status,
                            answer.text
                        );
                        assert!(
                            started.elapsed() < Duration::from_secs(90),
                            "never acknowledged"
                        );
                        tokio::time::sleep(Duration::from_millis(300)).await;
                    }
                    tokio::time::sleep(Duration::from_millis(150)).await;
                }
                (acknowledged, errors)
            })
        })
        .collect();

    // The database goes away while the writers are busy, and comes back three seconds later.
    tokio::time::sleep(Duration::from_millis(400)).await;
    proxy.cut();
    tokio::time::sleep(Duration::from_secs(3)).await;
    proxy.restore();

    let mut acknowledged = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (names, failed) = task.await.unwrap();
        acknowledged.extend(names);
        errors += failed;
    }
    assert_eq!(acknowledged.len(), WRITERS * WRITES_EACH);
    assert!(errors > 0, "the outage was felt by some writes");
    for name in &acknowledged {
        let stored: i64 =
            sqlx::query_scalar("select count(*) from organisations where name_en = $1")
                .bind(name)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert_eq!(stored, 1, "{name} stored exactly once");
    }
    assert_eq!(
        app.count("select count(*) from organisations").await,
        acknowledged.len() as i64,
        "nothing stored that was not acknowledged"
    );
    eprintln!(
        "outage under load: {} writes acknowledged, {errors} error answers retried",
        acknowledged.len()
    );
}
