//! Sustained load (issue 8, part 4): the real binary on a fresh database with the demo data,
//! a mixed workload of reads and writes from many clients at a target rate, then the checks:
//! no 5xx, every acknowledged write stored exactly once (and no write stored that was not
//! acknowledged), server memory flat, no database connection leaked.
//!
//! `cargo test --test soak` runs it for `SOAK_SECONDS` (default 60) at `SOAK_RATE` requests a
//! second (default [`DEFAULT_RATE`], what the debug build sustains on a 2-core CI machine);
//! `bench/soak.sh` runs the release build for ten minutes at 200/s and writes the summary to
//! `SOAK_REPORT`. The workload, per virtual user (each its own address and session):
//!
//! - visitors: home page, problem board, searches of problems and scientists, problem and
//!   profile pages;
//! - scientists: the same, plus recommendations, their matches, profile edits (a unique city
//!   each time), expressions of interest (a unique note) and messages on their matches (a
//!   unique body; one in ten sent twice at once with the same idempotency key, as a
//!   double-click);
//! - staff (signed in with both factors): the review queue, CSV reports, approving or
//!   rejecting (with a unique reason) the matches the scientists started, and messages.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use knowbridge::auth::password::PasswordHasher;
use knowbridge::auth::tokens::random_token;
use knowbridge::auth::two_factor::codes::{code_at_step, step_at};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, SET_COOKIE};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, PgPool};
use tokio::sync::Mutex;

/// Requests a second the debug build sustains on a loaded 2-core machine (measured: see
/// bench/README.md, "Soak").
const DEFAULT_RATE: u64 = 80;
const PASSWORD: &str = "soak test passphrase 2026";
const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
/// The server's pool size (`db::MAX_CONNECTIONS`).
const POOL_MAX: i64 = knowbridge::db::MAX_CONNECTIONS as i64;
const SEARCH_TERMS: [&str; 10] = [
    "chip",
    "bán dẫn",
    "năng lượng",
    "nước",
    "AI",
    "半導体",
    "battery",
    "nông nghiệp",
    "y tế",
    "robot",
];

struct Settings {
    seconds: u64,
    rate: u64,
    scientists: usize,
    staff: usize,
    visitors: usize,
    report: Option<String>,
}

impl Settings {
    fn from_env() -> Settings {
        let number = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(default)
        };
        let rate = number("SOAK_RATE", DEFAULT_RATE).max(1);
        // Enough clients that each sends at most ~4 requests a second.
        let clients = (rate / 4).clamp(24, 120) as usize;
        Settings {
            seconds: number("SOAK_SECONDS", 60),
            rate,
            scientists: clients / 2,
            staff: (clients / 10).max(2),
            visitors: clients - clients / 2 - (clients / 10).max(2),
            report: std::env::var("SOAK_REPORT").ok().filter(|v| !v.is_empty()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The database and the server

fn admin_url() -> String {
    if let Ok(url) = std::env::var("DATABASE_URL") {
        return url;
    }
    let env_file = concat!(env!("CARGO_MANIFEST_DIR"), "/.env");
    std::fs::read_to_string(env_file)
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("DATABASE_URL=").map(str::to_string))
        })
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

struct Database {
    admin: PgConnectOptions,
    name: String,
    url: String,
    /// The test's own connections, named so they are not counted as the server's.
    pool: PgPool,
}

impl Database {
    async fn create() -> Database {
        let admin = PgConnectOptions::from_str(&admin_url()).unwrap();
        let name = format!(
            "knowbridge_soak_{}_{}",
            std::process::id(),
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs()
        );
        let mut conn = admin.connect().await.unwrap();
        sqlx::query(&format!("create database {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let mut url = url::Url::parse(&admin_url()).unwrap();
        url.set_path(&format!("/{name}"));
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect_with(
                admin
                    .clone()
                    .database(&name)
                    .application_name("soak-checker"),
            )
            .await
            .unwrap();
        Database {
            admin,
            name,
            url: url.to_string(),
            pool,
        }
    }

    async fn drop_it(self) {
        self.pool.close().await;
        let mut conn = self.admin.connect().await.unwrap();
        let _ = sqlx::query(&format!(
            "drop database if exists {} with (force)",
            self.name
        ))
        .execute(&mut conn)
        .await;
    }

    /// The server's connections: (all, not idle).
    async fn server_connections(&self) -> (i64, i64) {
        sqlx::query_as(
            "select count(*), count(*) filter (where state <> 'idle')
               from pg_stat_activity
              where datname = $1 and application_name <> 'soak-checker' and backend_type = 'client backend'",
        )
        .bind(&self.name)
        .fetch_one(&self.pool)
        .await
        .unwrap()
    }
}

struct Server {
    child: Child,
    origin: String,
}

impl Server {
    fn start(database_url: &str) -> Server {
        let log_dir = concat!(env!("CARGO_TARGET_TMPDIR"), "/soak");
        std::fs::create_dir_all(log_dir).unwrap();
        let stderr = std::fs::File::create(format!("{log_dir}/server.log")).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_knowbridge"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND", "127.0.0.1:0")
            .env("LOG", "warn")
            .env("TRUST_PROXY_HEADERS", "true")
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("the knowbridge binary starts");
        let stdout = child.stdout.take().unwrap();
        let (found, address) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut found = Some(found);
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on ").nth(1) {
                    if let Some(found) = found.take() {
                        let _ = found.send(rest.split_whitespace().next().unwrap().to_string());
                    }
                }
            }
        });
        let origin = address
            .recv_timeout(Duration::from_secs(60))
            .expect("the server says where it listens");
        Server { child, origin }
    }

    /// Resident memory of the server process, in KiB.
    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    /// SIGTERM, then waits: answers how long it took and whether it exited cleanly.
    fn stop(mut self) -> (Duration, bool) {
        let started = Instant::now();
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (started.elapsed(), status.success());
            }
            if started.elapsed() > Duration::from_secs(20) {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return (started.elapsed(), false);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Clients

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Role {
    Visitor,
    Scientist,
    Staff,
}

/// One browser: its own address, cookies and CSRF token.
struct Vu {
    http: reqwest::Client,
    origin: String,
    address: String,
    role: Role,
    user_id: i64,
    cookies: HashMap<String, String>,
    csrf: Option<String>,
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    text: String,
}

impl Answer {
    fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl Vu {
    fn new(origin: &str, n: usize, role: Role, user_id: i64) -> Vu {
        Vu {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
            origin: origin.to_string(),
            address: format!("10.77.{}.{}", n / 250, n % 250 + 1),
            role,
            user_id,
            cookies: HashMap::new(),
            csrf: None,
        }
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut request = self
            .http
            .request(method, format!("{}{}", self.origin, path))
            .header("x-forwarded-for", &self.address);
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            request = request.header("cookie", cookie);
        }
        request
    }

    async fn finish(&mut self, response: reqwest::Response) -> Result<Answer, reqwest::Error> {
        let status = response.status();
        let headers = response.headers().clone();
        for value in headers.get_all(SET_COOKIE) {
            let text = value.to_str().unwrap_or_default();
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            if let Some((name, value)) = pair.split_once('=') {
                if attributes.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_string(), value.to_string());
                }
            }
        }
        let text = response.text().await?;
        if let Some(token) = csrf_in(&text) {
            self.csrf = Some(token);
        }
        Ok(Answer {
            status,
            headers,
            text,
        })
    }

    async fn get(&mut self, path: &str) -> Result<Answer, reqwest::Error> {
        let response = self.request(reqwest::Method::GET, path).send().await?;
        self.finish(response).await
    }

    fn form_request(&self, path: &str, fields: &[(&str, String)]) -> reqwest::RequestBuilder {
        let mut form: Vec<(&str, String)> = vec![("csrf", self.csrf.clone().unwrap_or_default())];
        form.extend(fields.iter().cloned());
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        self.request(reqwest::Method::POST, path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    }

    async fn post(
        &mut self,
        path: &str,
        fields: &[(&str, String)],
    ) -> Result<Answer, reqwest::Error> {
        let response = self.form_request(path, fields).send().await?;
        self.finish(response).await
    }

    /// Signs in (staff with the code of their authenticator) and picks up the session's token.
    async fn sign_in(&mut self, email: &str, pool: &PgPool) {
        self.get("/login").await.unwrap();
        let answer = self
            .post(
                "/login",
                &[("email", email.to_string()), ("password", PASSWORD.into())],
            )
            .await
            .unwrap();
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "sign-in of {email}");
        let location = answer.location().to_string();
        if location.starts_with("/login/two-factor") {
            self.get(&location).await.unwrap();
            let code = current_code(pool, self.user_id).await;
            let next = location
                .split_once("next=")
                .map(|(_, n)| {
                    url::form_urlencoded::parse(format!("n={n}").as_bytes())
                        .next()
                        .map(|(_, v)| v.into_owned())
                        .unwrap_or_default()
                })
                .unwrap_or_default();
            let answer = self
                .post("/login/two-factor", &[("code", code), ("next", next)])
                .await
                .unwrap();
            assert_eq!(
                answer.status,
                StatusCode::SEE_OTHER,
                "second factor of {email}"
            );
        }
        self.get("/").await.unwrap();
    }
}

fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}

async fn current_code(pool: &PgPool, user_id: i64) -> String {
    let last: Option<i64> =
        sqlx::query_scalar("select last_used_step from user_totp where user_id = $1")
            .bind(user_id)
            .fetch_one(pool)
            .await
            .unwrap();
    let now = step_at(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    );
    let step = last.map_or(now, |last| (last + 1).max(now));
    code_at_step(TOTP_SECRET, step).unwrap()
}

fn profile_form(city: &str) -> Vec<(&'static str, String)> {
    let mut form: Vec<(&str, String)> = [
        ("full_name", "Trần Văn Soak"),
        ("position", "researcher"),
        ("affiliation", "Soak Institute of Technology"),
        ("hub", "jp"),
        ("highest_degree", "PhD"),
        ("years_abroad", "8"),
        ("fields", "semi.chip_design"),
        ("fields", "oecd.2.2"),
        ("keywords", "bán dẫn, chip, battery"),
        (
            "summary",
            "Tôi nghiên cứu **thiết kế chip**. 半導体の研究をしています。",
        ),
        ("languages", "vi:native"),
        ("languages", "ja:fluent"),
        ("available_hours_per_month", "20"),
        ("willing_to_travel", "yes"),
        ("visibility", "members"),
    ]
    .iter()
    .map(|(k, v)| (*k, v.to_string()))
    .collect();
    for kind in [
        "joint_research",
        "host_trainees",
        "short_teaching",
        "science_council",
        "partner_introduction",
        "lead_rnd_project",
        "advisory",
        "return_position",
    ] {
        form.push(("engagement_kinds", kind.into()));
    }
    form.push(("city", city.into()));
    form
}

// ---------------------------------------------------------------------------------------------
// What was sent and what was acknowledged

#[derive(Default)]
struct Ledger {
    /// Per scientist: acknowledged profile saves and the city of the last one.
    profiles: HashMap<i64, (u64, String)>,
    /// Interest notes answered with the new match → its id; notes answered otherwise.
    interests: HashMap<String, i64>,
    interests_refused: HashSet<String>,
    /// (scientist, problem) pairs already tried.
    tried_pairs: HashSet<(i64, i64)>,
    /// Message bodies acknowledged, and those answered otherwise.
    messages: HashSet<String>,
    messages_refused: HashSet<String>,
    double_submits: u64,
    /// Matches the scientists started, waiting for a staff decision.
    awaiting_staff: VecDeque<i64>,
    /// Matches each user is a party to (for messages).
    matches_of: HashMap<i64, Vec<i64>>,
    /// Acknowledged staff decisions: match → ("approved" | "rejected", reason).
    decisions: HashMap<i64, (&'static str, String)>,
    decisions_refused: u64,
    /// Each scientist's matches from interest, oldest first: (match, problem).
    live: HashMap<i64, VecDeque<(i64, i64)>>,
    /// Acknowledged withdrawals.
    withdrawals: HashSet<i64>,
    withdrawals_refused: u64,
}

#[derive(Default)]
struct Stats {
    /// Per action: latencies in ms, and counts by status.
    latencies: HashMap<&'static str, Vec<u32>>,
    statuses: HashMap<u16, u64>,
    errors: Vec<String>,
    transport_errors: u64,
    server_errors: Vec<String>,
    client_errors: Vec<String>,
}

impl Stats {
    fn record(
        &mut self,
        action: &'static str,
        took: Duration,
        outcome: &Result<Answer, reqwest::Error>,
    ) {
        self.latencies
            .entry(action)
            .or_default()
            .push(took.as_millis() as u32);
        match outcome {
            Ok(answer) => {
                *self.statuses.entry(answer.status.as_u16()).or_default() += 1;
                if answer.status.is_client_error() && self.client_errors.len() < 20 {
                    self.client_errors
                        .push(format!("{action}: {}", answer.status));
                }
                if answer.status.is_server_error() && self.server_errors.len() < 20 {
                    self.server_errors
                        .push(format!("{action}: {}", answer.status));
                }
            }
            Err(err) => {
                self.transport_errors += 1;
                if self.errors.len() < 20 {
                    self.errors.push(format!("{action}: {err}"));
                }
            }
        }
    }

    fn requests(&self) -> u64 {
        self.latencies.values().map(|v| v.len() as u64).sum()
    }

    fn server_error_count(&self) -> u64 {
        self.statuses
            .iter()
            .filter(|(s, _)| **s >= 500)
            .map(|(_, n)| n)
            .sum()
    }
}

struct World {
    /// Published problems open to signed-in scientists, with their kinds of engagement.
    problems: Vec<(i64, Vec<String>)>,
    /// Published problems anyone may read.
    public_problems: Vec<i64>,
    profiles: Vec<i64>,
    run: String,
    counter: AtomicU64,
    ledger: Mutex<Ledger>,
    stats: Mutex<Stats>,
}

impl World {
    fn unique(&self, what: &str) -> String {
        format!(
            "soak-{}-{what}-{}",
            self.run,
            self.counter.fetch_add(1, Ordering::Relaxed)
        )
    }
}

fn pick<T: Copy>(items: &[T], seed: u64) -> T {
    items[(seed % items.len() as u64) as usize]
}

/// A cheap pseudo-random number per call (no `rand` crate in the tree).
fn roll(world: &World) -> u64 {
    let mut x = world.counter.fetch_add(1, Ordering::Relaxed) ^ 0x9E37_79B9_7F4A_7C15;
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// One request of the workload for this client.
async fn act(vu: &mut Vu, world: &World) {
    let dice = roll(world);
    let percent = dice % 100;
    match (vu.role, percent) {
        (Role::Scientist, 0..=9) => edit_profile(vu, world).await,
        (Role::Scientist, 10..=17) => express_interest(vu, world, dice).await,
        (Role::Scientist, 18..=29) => send_message(vu, world, dice).await,
        (Role::Scientist, 30..=34) => {
            read(vu, world, "recommendations", "/me/recommendations").await
        }
        (Role::Scientist, 35..=39) => read(vu, world, "my matches", "/me/matches").await,
        (Role::Staff, 0..=34) => decide(vu, world, dice).await,
        (Role::Staff, 35..=49) => read(vu, world, "review queue", "/staff/review").await,
        (Role::Staff, 50..=54) => {
            read(vu, world, "csv report", "/staff/reports/problems.csv").await
        }
        (Role::Staff, 55..=64) => send_message(vu, world, dice).await,
        _ => browse(vu, world, dice).await,
    }
}

async fn read(vu: &mut Vu, world: &World, action: &'static str, path: &str) {
    let started = Instant::now();
    let outcome = vu.get(path).await;
    world
        .stats
        .lock()
        .await
        .record(action, started.elapsed(), &outcome);
}

async fn browse(vu: &mut Vu, world: &World, dice: u64) {
    let term = pick(&SEARCH_TERMS, dice / 100);
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("q", term)
        .finish();
    let (action, path) = match (dice / 1000) % 10 {
        0 | 1 => ("home", "/".to_string()),
        2 | 3 => ("board", format!("/problems?page={}", 1 + (dice / 7) % 2)),
        4 | 5 => ("search problems", format!("/problems?{query}")),
        6 => ("search scientists", format!("/scientists?{query}")),
        7 | 8 => (
            "problem page",
            format!("/problems/{}", pick(&world.public_problems, dice / 3)),
        ),
        _ => (
            "profile page",
            format!("/scientists/{}", pick(&world.profiles, dice / 3)),
        ),
    };
    read(vu, world, action, &path).await;
}

async fn edit_profile(vu: &mut Vu, world: &World) {
    let city = world.unique("city");
    let form = profile_form(&city);
    let mut fields: Vec<(&str, String)> = form;
    fields.push(("idempotency_key", random_token()));
    let started = Instant::now();
    let outcome = vu.post("/me/profile", &fields).await;
    world
        .stats
        .lock()
        .await
        .record("profile edit", started.elapsed(), &outcome);
    if let Ok(answer) = &outcome {
        if answer.status == StatusCode::SEE_OTHER {
            let mut ledger = world.ledger.lock().await;
            let entry = ledger.profiles.entry(vu.user_id).or_default();
            entry.0 += 1;
            entry.1 = city;
        }
    }
}

async fn express_interest(vu: &mut Vu, world: &World, dice: u64) {
    let problem = {
        let mut ledger = world.ledger.lock().await;
        let start = (dice / 100) as usize % world.problems.len();
        let found = (0..world.problems.len())
            .map(|i| &world.problems[(start + i) % world.problems.len()])
            .find(|(id, _)| !ledger.tried_pairs.contains(&(vu.user_id, *id)))
            .cloned();
        if let Some((id, _)) = &found {
            ledger.tried_pairs.insert((vu.user_id, *id));
        }
        found
    };
    let Some((problem_id, kinds)) = problem else {
        // Every open problem has their match: step back from the oldest, which frees it.
        return withdraw(vu, world).await;
    };
    let note = world.unique("interest");
    let fields = [
        (
            "engagement_kind",
            pick(&kinds.iter().collect::<Vec<_>>(), dice).clone(),
        ),
        ("note", note.clone()),
        ("idempotency_key", random_token()),
    ];
    let started = Instant::now();
    let outcome = vu
        .post(&format!("/problems/{problem_id}/interest"), &fields)
        .await;
    world
        .stats
        .lock()
        .await
        .record("interest", started.elapsed(), &outcome);
    let mut ledger = world.ledger.lock().await;
    match &outcome {
        Ok(answer) if answer.status == StatusCode::SEE_OTHER => {
            let id: i64 = answer
                .location()
                .trim_start_matches("/matches/")
                .parse()
                .expect("the interest leads to its match");
            ledger.interests.insert(note, id);
            ledger.awaiting_staff.push_back(id);
            ledger
                .live
                .entry(vu.user_id)
                .or_default()
                .push_back((id, problem_id));
            ledger.matches_of.entry(vu.user_id).or_default().push(id);
        }
        _ => {
            ledger.interests_refused.insert(note);
        }
    }
}

async fn withdraw(vu: &mut Vu, world: &World) {
    let Some((match_id, problem_id)) = world
        .ledger
        .lock()
        .await
        .live
        .get_mut(&vu.user_id)
        .and_then(VecDeque::pop_front)
    else {
        return read(vu, world, "my matches", "/me/matches").await;
    };
    let fields = [
        ("withdraw_reason", world.unique("withdrawal")),
        ("idempotency_key", random_token()),
    ];
    let started = Instant::now();
    let outcome = vu
        .post(&format!("/matches/{match_id}/withdraw"), &fields)
        .await;
    world
        .stats
        .lock()
        .await
        .record("withdrawal", started.elapsed(), &outcome);
    let mut ledger = world.ledger.lock().await;
    if matches!(&outcome, Ok(a) if a.status == StatusCode::SEE_OTHER) {
        ledger.withdrawals.insert(match_id);
    } else {
        // Mostly a match the embassy has rejected meanwhile: it has ended all the same.
        ledger.withdrawals_refused += 1;
    }
    // The problem is open to their interest again.
    ledger.tried_pairs.remove(&(vu.user_id, problem_id));
}

async fn send_message(vu: &mut Vu, world: &World, dice: u64) {
    let match_id = {
        let ledger = world.ledger.lock().await;
        ledger
            .matches_of
            .get(&vu.user_id)
            .filter(|ids| !ids.is_empty())
            .map(|ids| ids[(dice / 100) as usize % ids.len()])
    };
    let Some(match_id) = match_id else {
        return browse(vu, world, dice).await;
    };
    let body = world.unique("message");
    let fields = [("body", body.clone()), ("idempotency_key", random_token())];
    let path = format!("/matches/{match_id}/messages");
    let twice = (dice / 10_000) % 10 == 0;
    let started = Instant::now();
    let acknowledged = if twice {
        // A double-click: the same form twice at once.
        let first = vu.form_request(&path, &fields).send();
        let second = vu.form_request(&path, &fields).send();
        let (first, second) = tokio::join!(first, second);
        let mut acknowledged = false;
        for outcome in [first, second] {
            let outcome = match outcome {
                Ok(response) => vu.finish(response).await,
                Err(err) => Err(err),
            };
            acknowledged |= matches!(&outcome, Ok(a) if a.status == StatusCode::SEE_OTHER);
            world
                .stats
                .lock()
                .await
                .record("message (double)", started.elapsed(), &outcome);
        }
        world.ledger.lock().await.double_submits += 1;
        acknowledged
    } else {
        let outcome = vu.post(&path, &fields).await;
        world
            .stats
            .lock()
            .await
            .record("message", started.elapsed(), &outcome);
        matches!(&outcome, Ok(a) if a.status == StatusCode::SEE_OTHER)
    };
    let mut ledger = world.ledger.lock().await;
    if acknowledged {
        ledger.messages.insert(body);
    } else {
        ledger.messages_refused.insert(body);
    }
}

async fn decide(vu: &mut Vu, world: &World, dice: u64) {
    let Some(match_id) = world.ledger.lock().await.awaiting_staff.pop_front() else {
        return read(vu, world, "review queue", "/staff/review").await;
    };
    let approve = dice % 4 != 0;
    let reason = if approve {
        String::new()
    } else {
        world.unique("reason")
    };
    let (path, event) = if approve {
        (format!("/staff/matches/{match_id}/approve"), "approved")
    } else {
        (format!("/staff/matches/{match_id}/reject"), "rejected")
    };
    let fields = [
        ("reason", reason.clone()),
        ("idempotency_key", random_token()),
    ];
    let started = Instant::now();
    let outcome = vu.post(&path, &fields).await;
    world
        .stats
        .lock()
        .await
        .record("staff decision", started.elapsed(), &outcome);
    let mut ledger = world.ledger.lock().await;
    match &outcome {
        Ok(answer) if answer.status == StatusCode::SEE_OTHER => {
            ledger.decisions.insert(match_id, (event, reason));
            ledger
                .matches_of
                .entry(vu.user_id)
                .or_default()
                .push(match_id);
        }
        _ => ledger.decisions_refused += 1,
    }
}

// ---------------------------------------------------------------------------------------------
// The run

struct Findings {
    lost: Vec<String>,
    doubled: Vec<String>,
    phantom: Vec<String>,
    acknowledged: u64,
}

async fn check_writes(db: &PgPool, world: &World, started_at: time::OffsetDateTime) -> Findings {
    let ledger = world.ledger.lock().await;
    let mut findings = Findings {
        lost: Vec::new(),
        doubled: Vec::new(),
        phantom: Vec::new(),
        acknowledged: 0,
    };
    // Profile edits: one audit row per acknowledged save, and the last city stored.
    for (user, (saves, city)) in &ledger.profiles {
        findings.acknowledged += saves;
        let (rows, stored): (i64, Option<String>) = sqlx::query_as(
            "select (select count(*) from audit_events where actor_id = $1 and action = 'profile.saved' and created_at >= $2),
                    (select city from scientist_profiles where user_id = $1)",
        )
        .bind(user)
        .bind(started_at)
        .fetch_one(db)
        .await
        .unwrap();
        if rows < *saves as i64 {
            findings
                .lost
                .push(format!("profile of {user}: {saves} saves, {rows} stored"));
        } else if rows > *saves as i64 {
            findings
                .phantom
                .push(format!("profile of {user}: {saves} saves, {rows} stored"));
        }
        if stored.as_deref() != Some(city.as_str()) {
            findings.lost.push(format!(
                "profile of {user}: city {stored:?}, last saved {city}"
            ));
        }
    }
    // Interests, messages and decisions: each acknowledged one exactly once.
    let notes: HashMap<String, i64> =
        sqlx::query_as("select note, count(*) from matches where note like $1 group by note")
            .bind(format!("soak-{}-interest-%", world.run))
            .fetch_all(db)
            .await
            .unwrap()
            .into_iter()
            .collect();
    let bodies: HashMap<String, i64> = sqlx::query_as(
        "select body, count(*) from match_messages where body like $1 group by body",
    )
    .bind(format!("soak-{}-message-%", world.run))
    .fetch_all(db)
    .await
    .unwrap()
    .into_iter()
    .collect();
    for (kind, acknowledged, stored) in [
        (
            "interest",
            ledger.interests.keys().cloned().collect::<HashSet<_>>(),
            &notes,
        ),
        ("message", ledger.messages.clone(), &bodies),
    ] {
        findings.acknowledged += acknowledged.len() as u64;
        for key in &acknowledged {
            match stored.get(key).copied().unwrap_or(0) {
                0 => findings.lost.push(format!("{kind} {key}")),
                1 => {}
                n => findings.doubled.push(format!("{kind} {key} ×{n}")),
            }
        }
        for key in stored.keys().filter(|k| !acknowledged.contains(*k)) {
            findings
                .phantom
                .push(format!("{kind} {key} (answered with an error)"));
        }
    }
    let events: HashMap<(i64, String), i64> = sqlx::query_as(
        "select match_id, event, count(*) from match_events
          where event in ('approved', 'rejected', 'withdrawn') and created_at >= $1
          group by 1, 2",
    )
    .bind(started_at)
    .fetch_all(db)
    .await
    .unwrap()
    .into_iter()
    .map(|(id, event, n): (i64, String, i64)| ((id, event), n))
    .collect();
    findings.acknowledged += (ledger.decisions.len() + ledger.withdrawals.len()) as u64;
    let acknowledged_events: Vec<(i64, &str)> = ledger
        .decisions
        .iter()
        .map(|(id, (event, _))| (*id, *event))
        .chain(ledger.withdrawals.iter().map(|id| (*id, "withdrawn")))
        .collect();
    for (id, event) in &acknowledged_events {
        match events.get(&(*id, event.to_string())).copied().unwrap_or(0) {
            0 => findings.lost.push(format!("{event} of match {id}")),
            1 => {}
            n => findings.doubled.push(format!("{event} of match {id} ×{n}")),
        }
    }
    for (id, event) in events.keys() {
        if !acknowledged_events.contains(&(*id, event.as_str())) {
            findings.phantom.push(format!("{event} of match {id}"));
        }
    }
    findings
}

fn percentile(sorted: &[u32], p: f64) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak() {
    let settings = Settings::from_env();
    let db = Database::create().await;
    knowbridge::db::migrate(&db.pool).await.unwrap();
    knowbridge::cli::seed_demo::run(&db.pool).await.unwrap();

    // The soak's own accounts: scientists and staff with a known password.
    let hash = PasswordHasher::new().hash(PASSWORD).await.unwrap();
    let mut accounts: Vec<(Role, String, i64)> = Vec::new();
    for (role, count) in [
        (Role::Scientist, settings.scientists),
        (Role::Staff, settings.staff),
    ] {
        for i in 0..count {
            let name = if role == Role::Staff {
                "staff"
            } else {
                "scientist"
            };
            let email = format!("soak-{name}-{i}@example.org");
            let id: i64 = sqlx::query_scalar(
                "insert into users (email, password_hash, display_name, role, email_verified_at)
                 values ($1, $2, $3, $4, now()) returning id",
            )
            .bind(&email)
            .bind(&hash)
            .bind(format!("Soak {name} {i}"))
            .bind(name)
            .fetch_one(&db.pool)
            .await
            .unwrap();
            if role == Role::Staff {
                sqlx::query(
                    "insert into user_totp (user_id, secret_base32, confirmed_at) values ($1, $2, now())",
                )
                .bind(id)
                .bind(TOTP_SECRET)
                .execute(&db.pool)
                .await
                .unwrap();
                sqlx::query("insert into staff_hubs (user_id, hub_code) select $1, code from hubs")
                    .bind(id)
                    .execute(&db.pool)
                    .await
                    .unwrap();
            }
            accounts.push((role, email, id));
        }
    }
    let problems: Vec<(i64, Vec<String>)> = sqlx::query_as(
        "select p.id, array(select kind from problem_engagements e where e.problem_id = p.id order by kind)
           from problems p
          where p.status = 'published' and p.confidentiality <> 'invite_only'
            and (p.deadline is null or p.deadline > current_date + 1)
            and exists (select 1 from problem_engagements e where e.problem_id = p.id)
          order by p.id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let public_problems: Vec<i64> = sqlx::query_scalar(
        "select id from problems where status = 'published' and confidentiality = 'public' order by id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let profiles: Vec<i64> = sqlx::query_scalar(
        "select user_id from scientist_profiles where visibility = 'public' order by user_id limit 100",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert!(!problems.is_empty() && !profiles.is_empty(), "demo data");

    let server = Server::start(&db.url);
    let setup_started = Instant::now();
    let mut vus = Vec::new();
    for (n, (role, email, id)) in accounts.iter().enumerate() {
        let mut vu = Vu::new(&server.origin, n, *role, *id);
        vu.sign_in(email, &db.pool).await;
        if *role == Role::Scientist {
            let answer = vu
                .post("/me/profile", &profile_form("Sendai"))
                .await
                .unwrap();
            assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text);
        }
        vus.push(vu);
    }
    for v in 0..settings.visitors {
        vus.push(Vu::new(
            &server.origin,
            accounts.len() + v,
            Role::Visitor,
            0,
        ));
    }
    let setup = setup_started.elapsed();

    let world = Arc::new(World {
        problems,
        public_problems,
        profiles,
        run: format!("{:x}", std::process::id()),
        counter: AtomicU64::new(0),
        ledger: Mutex::new(Ledger::default()),
        stats: Mutex::new(Stats::default()),
    });
    let started_at: time::OffsetDateTime = sqlx::query_scalar("select now()")
        .fetch_one(&db.pool)
        .await
        .unwrap();

    // Tickets at the target rate; a client takes one, sends its request, takes the next.
    // Tickets no client is free to take are missed (the rate was more than it sustains).
    let duration = Duration::from_secs(settings.seconds);
    let (tickets, queue) = tokio::sync::mpsc::channel::<()>(vus.len());
    let queue = Arc::new(Mutex::new(queue));
    let missed = Arc::new(AtomicU64::new(0));
    let emitter = {
        let missed = missed.clone();
        let rate = settings.rate;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate as f64));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
            let end = Instant::now() + duration;
            while Instant::now() < end {
                tick.tick().await;
                if tickets.try_send(()).is_err() {
                    missed.fetch_add(1, Ordering::Relaxed);
                }
            }
        })
    };
    let mut workers = Vec::new();
    for mut vu in vus {
        let queue = queue.clone();
        let world = world.clone();
        workers.push(tokio::spawn(async move {
            loop {
                let ticket = queue.lock().await.recv().await;
                if ticket.is_none() {
                    return;
                }
                act(&mut vu, &world).await;
            }
        }));
    }
    // Memory: sampled every two seconds; "start" is after a warm-up of a tenth of the run.
    let run_started = Instant::now();
    let warm_up = (duration / 10).max(Duration::from_secs(5));
    let mut samples: Vec<(Duration, u64)> = Vec::new();
    let rss_before = server.rss_kib();
    while !emitter.is_finished() {
        tokio::time::sleep(Duration::from_secs(2)).await;
        samples.push((run_started.elapsed(), server.rss_kib()));
    }
    for worker in workers {
        worker.await.unwrap();
    }
    let ran = run_started.elapsed();
    let rss_end = server.rss_kib();
    let rss_start = samples
        .iter()
        .find(|(t, _)| *t >= warm_up)
        .map_or(rss_before, |(_, kib)| *kib);
    let rss_peak = samples.iter().map(|(_, kib)| *kib).max().unwrap_or(rss_end);

    // With the load stopped, every connection of the server goes back to idle.
    let (connections_at_end, _) = db.server_connections().await;
    let settle = Instant::now();
    let (connections, busy) = loop {
        let (all, busy) = db.server_connections().await;
        if busy == 0 || settle.elapsed() > Duration::from_secs(10) {
            break (all, busy);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };

    let findings = check_writes(&db.pool, &world, started_at).await;
    let (stop_took, stopped_cleanly) = server.stop();
    db.drop_it().await;

    // The summary.
    let stats = world.stats.lock().await;
    let ledger = world.ledger.lock().await;
    let requests = stats.requests();
    let server_errors = stats.server_error_count();
    let mut out = String::new();
    let mb = |kib: u64| format!("{:.1} MiB", kib as f64 / 1024.0);
    out.push_str(&format!(
        "| figure | value |\n| --- | --- |\n\
         | build | {} |\n| duration | {:.0} s (setup {:.1} s: {} clients signed in) |\n\
         | target rate | {} req/s |\n| achieved rate | {:.1} req/s |\n| tickets missed | {} |\n\
         | requests | {} |\n| 5xx answers | {} |\n| transport errors | {} |\n\
         | acknowledged writes | {} (profile edits {}, interests {}, withdrawals {}, messages {} of which {} double-clicked, staff decisions {}) |\n\
         | writes refused with 4xx (expected: closed problems, decided matches…) | interests {}, withdrawals {}, messages {}, decisions {} |\n\
         | lost writes | {} |\n| doubled writes | {} |\n| writes stored though answered with an error | {} |\n\
         | server memory (RSS) before / after warm-up / end / peak | {} / {} / {} / {} |\n\
         | server connections to PostgreSQL at end / after 10 s idle (pool max {}) | {} / {} ({} not idle) |\n\
         | SIGTERM to exit | {:.1} s ({}) |\n",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        ran.as_secs_f64(),
        setup.as_secs_f64(),
        accounts.len(),
        settings.rate,
        requests as f64 / ran.as_secs_f64(),
        missed.load(Ordering::Relaxed),
        requests,
        server_errors,
        stats.transport_errors,
        findings.acknowledged,
        ledger.profiles.values().map(|(n, _)| n).sum::<u64>(),
        ledger.interests.len(),
        ledger.withdrawals.len(),
        ledger.messages.len(),
        ledger.double_submits,
        ledger.decisions.len(),
        ledger.interests_refused.len(),
        ledger.withdrawals_refused,
        ledger.messages_refused.len(),
        ledger.decisions_refused,
        findings.lost.len(),
        findings.doubled.len(),
        findings.phantom.len(),
        mb(rss_before),
        mb(rss_start),
        mb(rss_end),
        mb(rss_peak),
        POOL_MAX,
        connections_at_end,
        connections,
        busy,
        stop_took.as_secs_f64(),
        if stopped_cleanly { "clean exit" } else { "NOT clean" },
    ));
    out.push_str("\n| request | count | p50 ms | p95 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- |\n");
    let mut actions: Vec<_> = stats.latencies.iter().collect();
    actions.sort_by_key(|(name, _)| **name);
    for (name, latencies) in actions {
        let mut sorted = latencies.clone();
        sorted.sort_unstable();
        out.push_str(&format!(
            "| {name} | {} | {} | {} | {} | {} |\n",
            sorted.len(),
            percentile(&sorted, 0.5),
            percentile(&sorted, 0.95),
            percentile(&sorted, 0.99),
            sorted.last().copied().unwrap_or(0)
        ));
    }
    let mut statuses: Vec<_> = stats.statuses.iter().collect();
    statuses.sort();
    out.push_str(&format!(
        "\nStatuses: {}\n",
        statuses
            .iter()
            .map(|(s, n)| format!("{s}: {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    out.push_str("\nMemory samples (s: MiB): ");
    let every = (samples.len() / 20).max(1);
    out.push_str(
        &samples
            .iter()
            .step_by(every)
            .map(|(t, kib)| format!("{}: {:.0}", t.as_secs(), *kib as f64 / 1024.0))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push('\n');
    for (title, list) in [
        ("5xx", &stats.server_errors),
        ("4xx", &stats.client_errors),
        ("transport errors", &stats.errors),
        ("lost", &findings.lost),
        ("doubled", &findings.doubled),
        ("stored though refused", &findings.phantom),
    ] {
        if !list.is_empty() {
            out.push_str(&format!(
                "\n{title} (first ones): {}\n",
                list.iter().take(10).cloned().collect::<Vec<_>>().join("; ")
            ));
        }
    }
    println!("\n{out}");
    if let Some(path) = &settings.report {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .unwrap();
        writeln!(file, "{out}").unwrap();
    }

    assert_eq!(server_errors, 0, "5xx answers: {:?}", stats.server_errors);
    assert_eq!(stats.transport_errors, 0, "{:?}", stats.errors);
    assert!(findings.lost.is_empty(), "lost writes: {:?}", findings.lost);
    assert!(
        findings.doubled.is_empty(),
        "doubled writes: {:?}",
        findings.doubled
    );
    assert!(
        findings.phantom.is_empty(),
        "writes stored though refused: {:?}",
        findings.phantom
    );
    assert!(findings.acknowledged > 0, "the workload wrote nothing");
    // Memory flat: after the warm-up, growth stays within a quarter (+16 MiB of slack for
    // allocator arenas on a short run).
    assert!(
        rss_end <= rss_start + rss_start / 4 + 16 * 1024,
        "server memory grew from {} to {}",
        mb(rss_start),
        mb(rss_end)
    );
    assert!(connections_at_end <= POOL_MAX && connections <= POOL_MAX);
    assert_eq!(busy, 0, "connections still busy after the load stopped");
    assert!(
        stopped_cleanly,
        "the server did not stop cleanly on SIGTERM"
    );
    // A run that could not keep even half the rate says nothing about sustained load.
    assert!(
        requests as f64 >= 0.5 * settings.rate as f64 * ran.as_secs_f64(),
        "achieved {requests} requests in {ran:?} at a target of {}/s",
        settings.rate
    );
}
