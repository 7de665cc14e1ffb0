//! The real application on its own test database, served over real HTTP on a free port, and a
//! client that behaves like one browser: it keeps cookies and the CSRF token of the last page.

use std::collections::HashMap;
use std::net::SocketAddr;

use knowbridge::auth::password::PasswordHasher;
use knowbridge::{AppState, Config, app};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, SET_COOKIE};
use reqwest::{Method, StatusCode};
use sqlx::PgPool;
use tokio::sync::oneshot;

pub const PASSWORD: &str = "correct horse battery staple 2026";

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
            cookies: HashMap::new(),
            csrf: None,
            extra_headers: HeaderMap::new(),
        }
    }

    /// Inserts a user directly (verified unless said otherwise) and returns its id.
    pub async fn create_user(&self, email: &str, role: &str, verified: bool) -> i64 {
        let hash = PasswordHasher::new().hash(PASSWORD).await.unwrap();
        sqlx::query_scalar(
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
        .unwrap()
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

    pub async fn sign_in(&mut self, email: &str, password: &str) -> TestResponse {
        self.get("/login").await;
        let response = self
            .post("/login", &[("email", email), ("password", password)])
            .await;
        if response.status == StatusCode::SEE_OTHER {
            // A signed-in session has its own CSRF token: load a page to pick it up.
            self.get("/").await;
        }
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
