//! The real application on its own test database, served over real HTTP on a free port, and a
//! client that behaves like one browser: it keeps cookies and the CSRF token of the last page.

use std::collections::HashMap;
use std::net::SocketAddr;

use knowbridge::auth::password::PasswordHasher;
use knowbridge::auth::two_factor::codes::{code_at_step, step_at};
use knowbridge::{AppState, Config, app};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, SET_COOKIE};
use reqwest::{Method, StatusCode};
use sqlx::PgPool;
use tokio::sync::oneshot;

pub const PASSWORD: &str = "correct horse battery staple 2026";
/// The authenticator secret of every staff member and admin made by `create_user`, so that
/// `sign_in` can type their codes as a phone would.
pub const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

pub struct TestApp {
    pub addr: SocketAddr,
    pub pool: PgPool,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl TestApp {
    pub async fn spawn(pool: PgPool) -> TestApp {
        Self::spawn_with(pool, &[]).await
    }

    /// Starts the app with extra environment-style settings, e.g. `("TRUST_PROXY_HEADERS", "true")`.
    pub async fn spawn_with(pool: PgPool, settings: &[(&str, &str)]) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let settings: HashMap<String, String> = settings
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let config = Config::from_lookup(|name| match name {
            "BASE_URL" => Some(format!("http://{addr}")),
            "LOG" => Some("warn".into()),
            other => settings.get(other).cloned(),
        })
        .unwrap();
        knowbridge::telemetry::init(&config.log);
        let state = AppState::new(pool.clone(), config).unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(app::serve(listener, state, async move {
            let _ = stopped.await;
        }));
        TestApp {
            addr,
            pool,
            stop: Some(stop),
            server: Some(server),
        }
    }

    /// Asks the server to shut down as SIGTERM would, and waits until it has.
    pub async fn shut_down(&mut self) -> anyhow::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.server.take().unwrap().await.unwrap()
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn client(&self) -> TestClient {
        TestClient {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            origin: self.origin(),
            pool: self.pool.clone(),
            cookies: HashMap::new(),
            csrf: None,
            extra_headers: HeaderMap::new(),
        }
    }

    /// Inserts a user directly (verified unless said otherwise) and returns its id. Staff and
    /// admins come with an authenticator already set up (`TOTP_SECRET`).
    pub async fn create_user(&self, email: &str, role: &str, verified: bool) -> i64 {
        let hash = PasswordHasher::new().hash(PASSWORD).await.unwrap();
        let id = sqlx::query_scalar(
            "insert into users (email, password_hash, display_name, role, email_verified_at)
             values ($1, $2, $3, $4, case when $5 then now() end) returning id",
        )
        .bind(email)
        .bind(hash)
        .bind(format!("Test {role}"))
        .bind(role)
        .bind(verified)
        .fetch_one(&self.pool)
        .await
        .unwrap();
        if role == "staff" || role == "admin" {
            self.give_authenticator(id).await;
        }
        id
    }

    /// Sets up `TOTP_SECRET` as the user's confirmed authenticator.
    pub async fn give_authenticator(&self, user_id: i64) {
        sqlx::query(
            "insert into user_totp (user_id, secret_base32, confirmed_at) values ($1, $2, now())
             on conflict (user_id) do update set secret_base32 = $2, confirmed_at = now()",
        )
        .bind(user_id)
        .bind(TOTP_SECRET)
        .execute(&self.pool)
        .await
        .unwrap();
    }

    /// A client signed in as a new user of `role`.
    pub async fn signed_in(&self, role: &str) -> TestClient {
        let email = format!("{role}-{}@example.org", rand_suffix());
        self.create_user(&email, role, true).await;
        let mut client = self.client();
        let response = client.sign_in(&email, PASSWORD).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
        client
    }

    /// The newest email in the outbox addressed to `to`: (subject, body).
    pub async fn last_email_to(&self, to: &str) -> (String, String) {
        sqlx::query_as(
            "select subject, body_text from emails where lower(to_address) = lower($1)
              order by id desc limit 1",
        )
        .bind(to)
        .fetch_one(&self.pool)
        .await
        .unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool).await.unwrap()
    }
}

/// The link in an email body that starts with `path` (e.g. "/verify-email"), as a local path.
pub fn link_in(body: &str, path: &str) -> String {
    let start = body.find(path).expect("the email contains the link");
    body[start..].split_whitespace().next().unwrap().to_string()
}

fn rand_suffix() -> String {
    knowbridge::auth::tokens::random_token()[..8].to_lowercase()
}

pub struct TestClient {
    http: reqwest::Client,
    origin: String,
    /// To read a staff member's authenticator at the code step, as their phone knows it.
    pool: PgPool,
    pub cookies: HashMap<String, String>,
    csrf: Option<String>,
    extra_headers: HeaderMap,
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl TestResponse {
    pub fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestClient {
    /// Sends `header` with every later request (e.g. a forged X-Forwarded-For).
    pub fn with_header(&mut self, name: &'static str, value: &str) {
        self.extra_headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_str(value).unwrap(),
        );
    }

    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_string(), value.to_string());
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.send(Method::GET, path, None, &[]).await
    }

    /// Posts a form as a browser would from our own page: with the CSRF token of the last
    /// page seen (loading the home page first if none was).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        if self.csrf.is_none() {
            self.get("/").await;
        }
        let mut form: Vec<(String, String)> = vec![("csrf".into(), self.csrf.clone().unwrap())];
        form.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        self.post_raw(path, &form, &[]).await
    }

    /// Posts exactly these fields with these extra headers (no automatic CSRF token).
    pub async fn post_raw(
        &mut self,
        path: &str,
        form: &[(String, String)],
        headers: &[(&'static str, &str)],
    ) -> TestResponse {
        let body = serde_urlencoded_body(form);
        self.send(Method::POST, path, Some(body), headers).await
    }

    pub fn csrf_token(&self) -> String {
        self.csrf.clone().unwrap_or_default()
    }

    /// Switches language with the header's language switch, as a person would.
    pub async fn use_language(&mut self, lang: &str) {
        let response = self
            .post("/language", &[("locale", lang), ("return_to", "/")])
            .await;
        assert_eq!(response.status, StatusCode::SEE_OTHER);
    }

    /// Signs in with the password, and for staff and admins also with a code from their
    /// authenticator (set up on the spot if they have none yet). Answers the last redirect.
    pub async fn sign_in(&mut self, email: &str, password: &str) -> TestResponse {
        let mut response = self.sign_in_with_password(email, password).await;
        if response.location().starts_with("/login/two-factor/setup") {
            let location = response.location().to_string();
            self.enrol_authenticator(&location).await;
            // Enrolled and signed in; sign in again as they would next time, with a code.
            self.post("/logout", &[]).await;
            response = self.sign_in_with_password(email, password).await;
        }
        if response.location().starts_with("/login/two-factor") {
            let location = response.location().to_string();
            let response = self.pass_second_factor(email, &location).await;
            assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
            self.get("/").await;
            return response;
        }
        response
    }

    /// The password step alone (staff and admins are then sent on to the second factor).
    pub async fn sign_in_with_password(&mut self, email: &str, password: &str) -> TestResponse {
        self.get("/login").await;
        let response = self
            .post("/login", &[("email", email), ("password", password)])
            .await;
        if response.status == StatusCode::SEE_OTHER {
            // A signed-in session has its own CSRF token: load a page to pick it up (the code
            // step's page, for staff, as the browser would follow the redirect).
            if response.location().starts_with("/login/two-factor") {
                let location = response.location().to_string();
                self.get(&location).await;
            } else {
                self.get("/").await;
            }
        }
        response
    }

    /// Types the current code of the user's authenticator at the code step, at `location`.
    pub async fn pass_second_factor(&mut self, email: &str, location: &str) -> TestResponse {
        let code = self.current_code(email).await;
        self.get(location).await;
        let next = location
            .split_once("next=")
            .map(|(_, n)| urlencoding_decode(n))
            .unwrap_or_default();
        self.post("/login/two-factor", &[("code", &code), ("next", &next)])
            .await
    }

    /// The next code the user's app would show that the server has not seen yet (a real
    /// person waits 30 seconds between sign-ins; tests sign in faster than that).
    pub async fn current_code(&self, email: &str) -> String {
        let (secret, last): (String, Option<i64>) = sqlx::query_as(
            "select t.secret_base32, t.last_used_step from user_totp t
               join users u on u.id = t.user_id where lower(u.email) = lower($1)",
        )
        .bind(email)
        .fetch_one(&self.pool)
        .await
        .unwrap();
        let now = current_step();
        let step = last.map_or(now, |last| (last + 1).max(now));
        assert!(step <= now + 1, "no unused code left in this minute");
        code_at_step(&secret, step).unwrap()
    }

    /// Completes the setup page at `location` with the key it shows; answers the page with the
    /// recovery codes.
    pub async fn enrol_authenticator(&mut self, location: &str) -> TestResponse {
        let page = self.get(location).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let key = key_on_setup_page(&page.text);
        let code = code_at_step(&key, current_step()).unwrap();
        let response = self
            .post("/login/two-factor/setup", &[("code", &code)])
            .await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.text);
        response
    }

    async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<String>,
        headers: &[(&'static str, &str)],
    ) -> TestResponse {
        let mut request = self
            .http
            .request(method, format!("{}{}", self.origin, path))
            .headers(self.extra_headers.clone());
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            request = request.header("cookie", cookie);
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        self.remember_cookies(&headers);
        let text = response.text().await.unwrap();
        if let Some(token) = csrf_in(&text) {
            self.csrf = Some(token);
        }
        TestResponse {
            status,
            headers,
            text,
        }
    }

    fn remember_cookies(&mut self, headers: &HeaderMap) {
        for value in headers.get_all(SET_COOKIE) {
            let text = value.to_str().unwrap();
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attributes.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
    }
}

/// The authenticator key shown on the setup page, without its spaces.
pub fn key_on_setup_page(html: &str) -> String {
    let marker = "id=\"totp-key\" lang=\"en\">";
    let start = html.find(marker).expect("the setup page shows the key") + marker.len();
    let end = html[start..].find('<').unwrap();
    html[start..start + end].replace(' ', "")
}

pub fn current_step() -> i64 {
    step_at(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
}

fn urlencoding_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={text}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}

fn serde_urlencoded_body(form: &[(String, String)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl TestApp {
    /// Starts the app on `app_pool` (for example one that reaches PostgreSQL through a proxy
    /// the test can cut), while the test's own queries go through `assertions_pool`.
    pub async fn spawn_on_pool(
        app_pool: PgPool,
        assertions_pool: PgPool,
        settings: &[(&str, &str)],
    ) -> TestApp {
        let mut app = Self::spawn_with(app_pool, settings).await;
        app.pool = assertions_pool;
        app
    }
}

/// A second hub, Korea, beside the seeded Japan hub (for scoping tests).
pub async fn add_korea_hub(pool: &PgPool) {
    sqlx::query(
        "insert into hubs (code, country_code, name_vi, name_ja, name_en)
         values ('kr', 'KR', 'Hàn Quốc', '韓国', 'Korea')",
    )
    .execute(pool)
    .await
    .unwrap();
}

/// A signed-in staff member working for `hubs`, reading English; returns the client and id.
pub async fn staff_of_hubs(app: &TestApp, email: &str, hubs: &[&str]) -> (TestClient, i64) {
    let id = app.create_user(email, "staff", true).await;
    for hub in hubs {
        sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, $2)")
            .bind(id)
            .bind(hub)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    let mut client = app.client();
    client.sign_in(email, PASSWORD).await;
    client.use_language("en").await;
    (client, id)
}
