//! `knowbridge seed-demo`: fills a database with believable demo data, so that the directory,
//! search and facets can be shown and tried without real users: a second hub (`kr`), one
//! account per role, a few hundred generated scientist profiles, and organisations (verified,
//! unverified, rejected) with technology problems in every status (see `problems.rs`), and
//! matches between them and the scientists in every state (see `matches.rs`).
//!
//! **Idempotent.** Every account has a fixed email (`demo-scientist@knowbridge.demo`,
//! `demo.scientist.001@knowbridge.demo`, …); an account that exists is skipped, never changed, so
//! running the seed again creates nothing and duplicates nothing.
//!
//! **Deterministic.** Profiles come from a small seeded PRNG (SplitMix64, written here to avoid a
//! new crate), so every database gets the same people, and a bug report about "demo scientist
//! 042" means the same profile everywhere.
//!
//! **One transaction.** Everything a run creates commits together with one `demo.seeded` audit
//! event, or not at all: an interrupted run leaves no half-seeded state behind.

use std::collections::HashSet;
use std::fmt;

use anyhow::{Context, bail};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use time::{Date, Month};

use crate::audit::{self, AuditEvent};
use crate::auth::model::Role;
use crate::auth::password::PasswordHasher;
use crate::auth::queries::{self, NewUser};
use crate::auth::tokens::random_token;
use crate::scientists::model::{
    LanguageSkill, Profile, Publication, Visibility, normalise_doi, normalise_orcid,
};
use crate::scientists::queries::save_profile;
use crate::search::analyser::analyse;

pub(crate) mod institutions;
pub(crate) mod matches;
mod problem_texts;
mod problems;
pub(crate) mod themes;

use institutions::*;
use themes::*;

/// How many scientist profiles the seed generates besides the demo scientist's own.
pub const SCIENTIST_COUNT: usize = 240;
/// Every sixth generated scientist lives in Korea (40 of 240), the rest in Japan: the Japan
/// pilot is the larger community, and a second hub shows that hubs are data.
const KOREA_EVERY: usize = 6;
/// Fixed so that every run, on every machine, generates the same people.
const SEED: u64 = 0x6b6e_6f77_6272_6964; // "knowbrid"

/// What a run created, for the command line to print.
#[derive(Debug, Default)]
pub struct SeedReport {
    pub hub_created: bool,
    pub users_created: usize,
    pub profiles_created: usize,
    /// Demo accounts created by this run, with their passwords in clear: shown once, stored
    /// nowhere.
    pub credentials: Vec<DemoCredential>,
    /// Demo accounts that existed already (their passwords cannot be shown again).
    pub existing_demo_accounts: usize,
    pub orgs_created: usize,
    pub problems_created: usize,
    pub matches_created: usize,
}

#[derive(Debug, Clone)]
pub struct DemoCredential {
    pub role: &'static str,
    pub email: String,
    pub password: String,
}

impl SeedReport {
    fn changed_anything(&self) -> bool {
        self.hub_created
            || self.users_created > 0
            || self.orgs_created > 0
            || self.problems_created > 0
            || self.matches_created > 0
    }
}

impl fmt::Display for SeedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.changed_anything() {
            writeln!(f, "demo data is already in place: nothing created")?;
        } else {
            let hub = if self.hub_created {
                "; added hub kr"
            } else {
                ""
            };
            writeln!(
                f,
                "demo data: created {} users, {} profiles, {} organisations, {} problems and {} \
                 matches{hub}",
                self.users_created,
                self.profiles_created,
                self.orgs_created,
                self.problems_created,
                self.matches_created
            )?;
        }
        if !self.credentials.is_empty() {
            writeln!(
                f,
                "demo accounts (passwords are shown only now and are not stored):"
            )?;
            writeln!(f, "  {:<10} {:<32} password", "role", "email")?;
            for c in &self.credentials {
                writeln!(f, "  {:<10} {:<32} {}", c.role, c.email, c.password)?;
            }
        }
        if self.existing_demo_accounts > 0 {
            writeln!(
                f,
                "{} demo accounts already existed; their passwords were printed when they were \
                 created (for a new one use the password-reset page; without SMTP the link is \
                 written to the log)",
                self.existing_demo_accounts
            )?;
        }
        Ok(())
    }
}

/// Seeds the demo data; see the module comment.
pub async fn run(pool: &PgPool) -> anyhow::Result<SeedReport> {
    let accounts = demo_accounts();
    let scientists = generate_scientists(SCIENTIST_COUNT)?;
    let existing = existing_emails(pool, &accounts, &scientists).await?;
    let accounts: Vec<DemoAccount> = accounts
        .into_iter()
        .filter(|a| !existing.contains(&a.email.to_lowercase()))
        .collect();
    let scientists: Vec<GeneratedScientist> = scientists
        .into_iter()
        .filter(|s| !existing.contains(&s.email.to_lowercase()))
        .collect();
    let mut report = SeedReport {
        existing_demo_accounts: DEMO_ROLES.len() - accounts.len(),
        ..SeedReport::default()
    };
    // Hash before the transaction opens: argon2 is slow on purpose, and a transaction should
    // not sit open (holding locks) while it runs.
    let hashed = hash_passwords(&accounts, !scientists.is_empty()).await?;

    let mut tx = pool.begin().await?;
    report.hub_created = ensure_korea_hub(&mut tx).await?;
    for (account, password, hash) in hashed.accounts {
        create_demo_account(&mut tx, account, password, &hash, &mut report).await?;
    }
    if let Some(hash) = &hashed.shared {
        for scientist in &scientists {
            create_scientist(&mut tx, scientist, hash, &mut report).await?;
        }
    }
    problems::seed(&mut tx, &mut report).await?;
    matches::seed(&mut tx, &mut report).await?;
    if report.changed_anything() {
        record_audit(&mut tx, &report).await?;
    }
    tx.commit().await?;
    Ok(report)
}

/// The emails (lower-cased) among ours that already have an account: checked up front only to
/// avoid hashing passwords that would not be used; `insert_user` still refuses duplicates.
async fn existing_emails(
    pool: &PgPool,
    accounts: &[DemoAccount],
    scientists: &[GeneratedScientist],
) -> sqlx::Result<HashSet<String>> {
    let emails: Vec<String> = accounts
        .iter()
        .map(|a| a.email.to_lowercase())
        .chain(scientists.iter().map(|s| s.email.to_lowercase()))
        .collect();
    let found: Vec<String> =
        sqlx::query_scalar("select lower(email) from users where lower(email) = any($1)")
            .bind(&emails)
            .fetch_all(pool)
            .await?;
    Ok(found.into_iter().collect())
}

struct HashedPasswords {
    /// Each new demo account with its clear password (to print) and its hash (to store).
    accounts: Vec<(DemoAccount, String, String)>,
    /// One hash shared by every generated scientist, if any is to be created.
    shared: Option<String>,
}

async fn hash_passwords(
    accounts: &[DemoAccount],
    need_shared: bool,
) -> anyhow::Result<HashedPasswords> {
    if accounts.is_empty() && !need_shared {
        return Ok(HashedPasswords {
            accounts: Vec::new(),
            shared: None,
        });
    }
    let hasher = PasswordHasher::new();
    let mut hashed = Vec::new();
    for account in accounts {
        // 16 URL-safe base64 characters: 96 random bits, above the 12-character minimum.
        let password = random_token()[..16].to_string();
        let hash = hasher.hash(&password).await?;
        hashed.push((account.clone(), password, hash));
    }
    // Nobody signs in as a generated scientist, so they all get the hash of ONE random
    // password that is thrown away: hashing 240 passwords with argon2 would take minutes, and
    // a sign-in attempt with a guessed password fails exactly as for any other account.
    let shared = match need_shared {
        true => Some(hasher.hash(&random_token()).await?),
        false => None,
    };
    Ok(HashedPasswords {
        accounts: hashed,
        shared,
    })
}

/// Adds the Korea hub unless it exists; true when this run added it.
async fn ensure_korea_hub(conn: &mut PgConnection) -> sqlx::Result<bool> {
    let inserted = sqlx::query(
        "insert into hubs (code, country_code, name_vi, name_ja, name_en)
         values ('kr', 'KR', 'Hàn Quốc', '韓国', 'South Korea')
         on conflict (code) do nothing",
    )
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Inserts a verified user; `None` when the email is taken (then nothing else is written).
async fn insert_verified_user(
    conn: &mut PgConnection,
    user: NewUser<'_>,
) -> sqlx::Result<Option<i64>> {
    let Some(id) = queries::insert_user(&mut *conn, user).await? else {
        return Ok(None);
    };
    queries::mark_email_verified(conn, id).await?;
    Ok(Some(id))
}

async fn create_demo_account(
    conn: &mut PgConnection,
    account: DemoAccount,
    password: String,
    hash: &str,
    report: &mut SeedReport,
) -> anyhow::Result<()> {
    let user = NewUser {
        email: account.email,
        password_hash: hash,
        display_name: account.display_name,
        role: account.role,
        locale: "vi",
    };
    let Some(id) = insert_verified_user(conn, user).await? else {
        // Created by someone else since we looked: it exists, which is all we need.
        report.existing_demo_accounts += 1;
        return Ok(());
    };
    report.users_created += 1;
    if let Some(profile) = &account.profile {
        save_profile(conn, id, profile).await?;
        report.profiles_created += 1;
    }
    if account.role == Role::Staff {
        // The demo embassy officer works for the Japan hub, so its review queue has a scope.
        sqlx::query(
            "insert into staff_hubs (user_id, hub_code) values ($1, 'jp') on conflict do nothing",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    report.credentials.push(DemoCredential {
        role: account.role.as_str(),
        email: account.email.to_string(),
        password,
    });
    Ok(())
}

async fn create_scientist(
    conn: &mut PgConnection,
    scientist: &GeneratedScientist,
    hash: &str,
    report: &mut SeedReport,
) -> anyhow::Result<()> {
    let user = NewUser {
        email: &scientist.email,
        password_hash: hash,
        display_name: &scientist.profile.full_name,
        role: Role::Scientist,
        locale: scientist.locale,
    };
    if let Some(id) = insert_verified_user(conn, user).await? {
        save_profile(conn, id, &scientist.profile)
            .await
            .with_context(|| format!("saving the profile of {}", scientist.email))?;
        report.users_created += 1;
        report.profiles_created += 1;
    }
    Ok(())
}

async fn record_audit(conn: &mut PgConnection, report: &SeedReport) -> sqlx::Result<()> {
    let demo_accounts: Vec<&str> = report
        .credentials
        .iter()
        .map(|c| c.email.as_str())
        .collect();
    audit::record(
        conn,
        AuditEvent {
            actor_id: None,
            action: "demo.seeded",
            target_type: "demo_data",
            target_id: None,
            details: json!({
                "via": "command line",
                "hub_created": report.hub_created,
                "users_created": report.users_created,
                "profiles_created": report.profiles_created,
                "organisations_created": report.orgs_created,
                "problems_created": report.problems_created,
                "matches_created": report.matches_created,
                "demo_accounts_created": demo_accounts,
            }),
        },
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// The demo accounts: one per role, so that every part of the interface can be shown.
// ---------------------------------------------------------------------------------------------

const DEMO_ROLES: [Role; 4] = [Role::Scientist, Role::Owner, Role::Staff, Role::Admin];

#[derive(Clone)]
struct DemoAccount {
    email: &'static str,
    display_name: &'static str,
    role: Role,
    profile: Option<Profile>,
}

fn demo_accounts() -> Vec<DemoAccount> {
    DEMO_ROLES
        .into_iter()
        .map(|role| {
            let (email, display_name) = match role {
                Role::Scientist => ("demo-scientist@knowbridge.demo", "Nguyễn Minh Anh"),
                Role::Owner => (
                    problems::OWNER_EMAIL,
                    "Bộ Khoa học và Công nghệ – Trần Văn Bình",
                ),
                Role::Staff => (problems::STAFF_EMAIL, "Cán bộ Đại sứ quán – Lê Thu Hà"),
                Role::Admin => ("demo-admin@knowbridge.demo", "Quản trị viên"),
            };
            let profile = (role == Role::Scientist).then(demo_scientist_profile);
            DemoAccount {
                email,
                display_name,
                role,
                profile,
            }
        })
        .collect()
}

/// The demo scientist's profile is written by hand and complete (100 % on the completeness
/// indicator), so a demo of the profile page shows every part filled in.
fn demo_scientist_profile() -> Profile {
    let month = |year, month| Date::from_calendar_date(year, month, 1).ok();
    Profile {
        full_name: "Nguyễn Minh Anh".into(),
        name_reading: Some("グエン・ミン・アイン".into()),
        position: "associate_professor".into(),
        affiliation: "東北大学 / Tohoku University".into(),
        hub_code: "jp".into(),
        city: Some("Sendai".into()),
        highest_degree: Some("Tiến sĩ Khoa học vật liệu".into()),
        years_abroad: Some(12),
        fields: vec!["semi.materials".into(), "oecd.2.5".into(), "tech.new_materials".into()],
        keywords: ["bán dẫn công suất", "vật liệu bán dẫn", "GaN", "SiC", "半導体材料", "power devices"]
            .map(String::from)
            .to_vec(),
        summary_md: "Tôi là phó giáo sư tại Viện Nghiên cứu Kim loại, Đại học Tohoku, nghiên cứu \
            về vật liệu bán dẫn vùng cấm rộng (GaN, SiC, Ga₂O₃) cho linh kiện bán dẫn công suất.\n\n\
            Nhóm của tôi phát triển công nghệ tăng trưởng tinh thể và kiểm soát khuyết tật, hợp \
            tác với các doanh nghiệp Nhật Bản trong lĩnh vực xe điện và năng lượng tái tạo. Tôi \
            sẵn sàng tiếp nhận nghiên cứu sinh và kỹ sư Việt Nam, giảng dạy ngắn hạn và tư vấn \
            xây dựng năng lực chế tạo bán dẫn trong nước."
            .into(),
        languages: vec![skill("vi", "native"), skill("ja", "fluent"), skill("en", "fluent")],
        engagement_kinds: ["joint_research", "host_trainees", "short_teaching", "advisory", "lead_rnd_project"]
            .map(String::from)
            .to_vec(),
        available_hours_per_month: Some(16),
        available_from: month(2027, Month::January),
        available_until: month(2028, Month::December),
        willing_to_travel: true,
        orcid: Some(orcid_from_digits("000000021954307")),
        researchmap_id: Some("nguyen_minh_anh".into()),
        publications: vec![
            publication(
                "Reduction of Threading Dislocations in GaN-on-Si by Patterned Buffer Layers",
                "Japanese Journal of Applied Physics",
                2024,
                "10.35848/1347-4065.2024.104215",
            ),
            publication(
                "Interface Trap Density in SiC MOSFETs after High-Temperature Nitridation",
                "IEEE Transactions on Electron Devices",
                2022,
                "10.1109/TED.2022.318765",
            ),
            publication(
                "Epitaxial Growth of β-Ga2O3 for Ultra-Wide-Bandgap Power Devices",
                "Journal of Crystal Growth",
                2019,
                "10.1016/j.jcrysgro.2019.125311",
            ),
        ],
        visibility: Visibility::Public,
    }
}

fn skill(language: &str, level: &str) -> LanguageSkill {
    LanguageSkill {
        language: language.into(),
        level: level.into(),
    }
}

fn publication(title: &str, venue: &str, year: i32, doi: &str) -> Publication {
    Publication {
        title: title.into(),
        venue: Some(venue.into()),
        year: Some(year),
        doi: Some(doi.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The generated scientists.
// ---------------------------------------------------------------------------------------------

struct GeneratedScientist {
    email: String,
    locale: &'static str,
    profile: Profile,
}

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast, and good enough to make demo data
/// look varied. Not for anything secret.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (the modulo bias is far too small to matter here).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// An integer in `low..=high`.
    fn between(&mut self, low: i32, high: i32) -> i32 {
        low + self.below((high - low + 1) as usize) as i32
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `items`, each as likely as its weight.
    fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: u32 = items.iter().map(&weight).sum();
        let mut ticket = self.below(total as usize) as u32;
        for item in items {
            let w = weight(item);
            if ticket < w {
                return item;
            }
            ticket -= w;
        }
        &items[items.len() - 1]
    }

    /// A value from `(value, weight)` pairs.
    fn choose<T: Copy>(&mut self, pairs: &[(T, u32)]) -> T {
        self.weighted(pairs, |(_, w)| *w).0
    }
}

/// The generated scientists, numbered from 1. Names are unique among them (a duplicate is
/// drawn again), which is why they are generated in one pass, in order.
fn generate_scientists(count: usize) -> anyhow::Result<Vec<GeneratedScientist>> {
    let mut names = HashSet::new();
    (1..=count)
        .map(|number| {
            // Each scientist has its own stream, so one person's data does not depend on how
            // many numbers the people before them happened to draw.
            let mut rng = Rng::new(SEED ^ (number as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
            let name = loop {
                let name = draw_name(&mut rng);
                if names.insert(name.full.clone()) {
                    break name;
                }
            };
            let hub = if number % KOREA_EVERY == 0 {
                "kr"
            } else {
                "jp"
            };
            let scientist = generate_scientist(&mut rng, number, hub, name);
            check_identifiers(&scientist.profile)?;
            Ok(scientist)
        })
        .collect()
}

/// Generated identifiers must be valid, or the profile form would reject the demo profiles
/// on their first edit.
fn check_identifiers(profile: &Profile) -> anyhow::Result<()> {
    if let Some(orcid) = &profile.orcid {
        if normalise_orcid(orcid).as_ref() != Some(orcid) {
            bail!("generated an invalid ORCID iD {orcid}");
        }
    }
    for doi in profile.publications.iter().filter_map(|p| p.doi.as_ref()) {
        if normalise_doi(doi).as_ref() != Some(doi) {
            bail!("generated an invalid DOI {doi}");
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Vi,
    Ja,
    En,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// The same phrase in Vietnamese, Japanese and English.
#[derive(Clone, Copy)]
pub(crate) struct Tri {
    pub(crate) vi: &'static str,
    pub(crate) ja: &'static str,
    pub(crate) en: &'static str,
}

impl Tri {
    fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

const fn tri(vi: &'static str, ja: &'static str, en: &'static str) -> Tri {
    Tri { vi, ja, en }
}

/// Everything a person's facts are drawn from, before it becomes a [`Profile`].
struct Person<'a> {
    hub: &'static str,
    position: &'static str,
    institution: &'a Institution,
    themes: Vec<&'static Theme>,
    years_abroad: i32,
    engagements: Vec<&'static str>,
    lang: Lang,
}

fn generate_scientist(
    rng: &mut Rng,
    number: usize,
    hub: &'static str,
    name: Name,
) -> GeneratedScientist {
    let themes = pick_themes(rng);
    let institution = pick_institution(rng, hub, themes[0].field);
    let position = pick_position(rng, institution.kind);
    // Korean residents rarely write their profile in Japanese; in Japan a third do.
    let lang = match hub {
        "jp" => rng.choose(&[(Lang::Vi, 1), (Lang::Ja, 1), (Lang::En, 1)]),
        _ => rng.choose(&[(Lang::Vi, 1), (Lang::En, 1)]),
    };
    let person = Person {
        hub,
        position,
        institution,
        years_abroad: years_abroad(rng, position),
        engagements: pick_engagements(rng, position),
        themes,
        lang,
    };
    let profile = build_profile(rng, number, &person, name);
    let locale = if rng.chance(60) { "vi" } else { lang.code() };
    GeneratedScientist {
        email: format!("demo.scientist.{number:03}@knowbridge.demo"),
        locale,
        profile,
    }
}

fn build_profile(rng: &mut Rng, number: usize, person: &Person, name: Name) -> Profile {
    let reading_chance = match (person.hub, person.lang) {
        ("jp", Lang::Ja) => 80,
        ("jp", _) => 35,
        _ => 0,
    };
    let (from, until) = availability_window(rng);
    let scholarly = !matches!(person.position, "engineer" | "other");
    Profile {
        name_reading: rng.chance(reading_chance).then(|| name.kana.clone()),
        position: person.position.into(),
        affiliation: affiliation(rng, person.institution),
        hub_code: person.hub.into(),
        city: rng.chance(90).then(|| person.institution.city.into()),
        highest_degree: highest_degree(rng, person),
        years_abroad: Some(person.years_abroad),
        fields: person.themes.iter().map(|t| t.field.to_string()).collect(),
        keywords: keywords(rng, person),
        summary_md: summary(rng, person),
        languages: languages(rng, person),
        engagement_kinds: person.engagements.iter().map(|k| k.to_string()).collect(),
        available_hours_per_month: rng
            .chance(85)
            .then(|| *rng.pick(&[4, 8, 8, 10, 12, 16, 20, 24, 40])),
        available_from: from,
        available_until: until,
        willing_to_travel: rng.chance(60),
        orcid: rng
            .chance(if scholarly { 50 } else { 15 })
            .then(|| random_orcid(rng)),
        researchmap_id: (person.hub == "jp" && scholarly && rng.chance(35))
            .then(|| researchmap_id(&name, number)),
        publications: publications(rng, person),
        visibility: rng.choose(&[
            (Visibility::Public, 75),
            (Visibility::Members, 20),
            (Visibility::Staff, 5),
        ]),
        full_name: name.full,
    }
}

// --- names ----------------------------------------------------------------------------------

/// A name part and its katakana reading, as Japanese offices write Vietnamese names.
pub(crate) type Part = (&'static str, &'static str);

/// Family names with weights roughly proportional to their share of the population (Nguyễn
/// is carried by about four in ten Vietnamese).
pub(crate) const FAMILY_NAMES: &[(Part, u32)] = &[
    (("Nguyễn", "グエン"), 380),
    (("Trần", "チャン"), 110),
    (("Lê", "レ"), 95),
    (("Phạm", "ファム"), 70),
    (("Hoàng", "ホアン"), 51),
    (("Huỳnh", "フイン"), 50),
    (("Phan", "ファン"), 45),
    (("Vũ", "ヴー"), 39),
    (("Võ", "ヴォー"), 39),
    (("Đặng", "ダン"), 21),
    (("Bùi", "ブイ"), 20),
    (("Đỗ", "ドー"), 14),
    (("Hồ", "ホー"), 13),
    (("Ngô", "ゴー"), 13),
    (("Dương", "ズオン"), 10),
    (("Lý", "リー"), 5),
];

pub(crate) const MIDDLE_NAMES_MALE: &[Part] = &[
    ("Văn", "ヴァン"),
    ("Văn", "ヴァン"),
    ("Minh", "ミン"),
    ("Đức", "ドゥック"),
    ("Quang", "クアン"),
    ("Hữu", "フウ"),
    ("Thanh", "タイン"),
    ("Xuân", "スアン"),
    ("Công", "コン"),
    ("Hoài", "ホアイ"),
    ("Thế", "テー"),
    ("Bảo", "バオ"),
    ("Tiến", "ティエン"),
];

pub(crate) const MIDDLE_NAMES_FEMALE: &[Part] = &[
    ("Thị", "ティ"),
    ("Thị", "ティ"),
    ("Ngọc", "ゴック"),
    ("Thu", "トゥー"),
    ("Minh", "ミン"),
    ("Thanh", "タイン"),
    ("Hoài", "ホアイ"),
    ("Hồng", "ホン"),
    ("Bảo", "バオ"),
    ("Phương", "フオン"),
    ("Kim", "キム"),
];

pub(crate) const GIVEN_NAMES_MALE: &[Part] = &[
    ("An", "アン"),
    ("Bình", "ビン"),
    ("Dũng", "ズン"),
    ("Hải", "ハイ"),
    ("Hiếu", "ヒエウ"),
    ("Hùng", "フン"),
    ("Khoa", "コア"),
    ("Long", "ロン"),
    ("Nam", "ナム"),
    ("Phong", "フォン"),
    ("Quân", "クアン"),
    ("Sơn", "ソン"),
    ("Trung", "チュン"),
    ("Tú", "トゥー"),
    ("Tuấn", "トゥアン"),
    ("Huy", "フイ"),
    ("Đạt", "ダット"),
    ("Thắng", "タン"),
    ("Khánh", "カイン"),
    ("Cường", "クオン"),
    ("Việt", "ヴィエット"),
    ("Duy", "ズイ"),
    ("Minh", "ミン"),
    ("Hoàng", "ホアン"),
];

pub(crate) const GIVEN_NAMES_FEMALE: &[Part] = &[
    ("Anh", "アイン"),
    ("Châu", "チャウ"),
    ("Hà", "ハー"),
    ("Hạnh", "ハイン"),
    ("Lan", "ラン"),
    ("Linh", "リン"),
    ("Mai", "マイ"),
    ("Ngân", "ガン"),
    ("Phương", "フオン"),
    ("Tâm", "タム"),
    ("Thảo", "タオ"),
    ("Trang", "チャン"),
    ("Vy", "ヴィー"),
    ("Yến", "イエン"),
    ("Hương", "フオン"),
    ("Nhung", "ニュン"),
    ("Hằng", "ハン"),
    ("Quỳnh", "クイン"),
    ("Thủy", "トゥイ"),
    ("Nga", "ガー"),
    ("Hoa", "ホア"),
    ("Giang", "ザン"),
    ("Thư", "トゥー"),
];

struct Name {
    full: String,
    kana: String,
    /// The folded ASCII words of the name ("nguyen", "van", "an"), for identifiers.
    ascii: Vec<String>,
}

fn draw_name(rng: &mut Rng) -> Name {
    let (middles, givens) = if rng.chance(50) {
        (MIDDLE_NAMES_MALE, GIVEN_NAMES_MALE)
    } else {
        (MIDDLE_NAMES_FEMALE, GIVEN_NAMES_FEMALE)
    };
    let family = rng.weighted(FAMILY_NAMES, |(_, w)| *w).0;
    let middle = *rng.pick(middles);
    // "Minh Minh" is not a name: draw the given name again until it differs.
    let given = loop {
        let given = *rng.pick(givens);
        if given.0 != middle.0 {
            break given;
        }
    };
    let parts = [family, middle, given];
    let full = parts.map(|p| p.0).join(" ");
    Name {
        kana: parts.map(|p| p.1).join("・"),
        ascii: analyse(&full),
        full,
    }
}

fn researchmap_id(name: &Name, number: usize) -> String {
    format!("{}_{number:03}", name.ascii.join("_"))
}

// --- identifiers ----------------------------------------------------------------------------

/// A random ORCID iD in the range ORCID has been issuing (`0000-0001-…` to `0000-0003-…`).
/// Caveat: such iDs may belong to real researchers; the demo profiles are fictional.
fn random_orcid(rng: &mut Rng) -> String {
    let mut digits = format!("0000000{}", rng.between(1, 3));
    for _ in 0..7 {
        digits.push(char::from(b'0' + rng.below(10) as u8));
    }
    orcid_from_digits(&digits)
}

/// Formats 15 digits as an ORCID iD with its ISO 7064 MOD 11-2 check digit appended.
fn orcid_from_digits(digits: &str) -> String {
    debug_assert_eq!(digits.len(), 15);
    let total = digits
        .bytes()
        .fold(0u32, |total, d| (total + u32::from(d - b'0')) * 2);
    let check = match (12 - total % 11) % 11 {
        10 => 'X',
        n => char::from(b'0' + n as u8),
    };
    format!(
        "{}-{}-{}-{}{check}",
        &digits[0..4],
        &digits[4..8],
        &digits[8..12],
        &digits[12..15]
    )
}

// --- institutions and positions -------------------------------------------------------------

/// An institution of the hub that works in `field` (every hub has universities, which take
/// any field, so there is always one).
fn pick_institution(rng: &mut Rng, hub: &str, field: &str) -> &'static Institution {
    let fits = |i: &Institution| i.hub == hub && (i.fields.is_empty() || i.fields.contains(&field));
    rng.weighted(INSTITUTIONS, |i| if fits(i) { i.weight } else { 0 })
}

/// The stored affiliation: half in both the local language and English, as people write it on
/// Japanese and Korean business cards, half in English only.
fn affiliation(rng: &mut Rng, institution: &Institution) -> String {
    if rng.chance(50) && institution.local != institution.en {
        format!("{} / {}", institution.local, institution.en)
    } else {
        institution.en.to_string()
    }
}

/// Universities employ many postdocs and PhD students and few professors; companies employ
/// engineers. Overall researchers, engineers and postdocs far outnumber professors, as in the
/// community the pilot serves.
fn pick_position(rng: &mut Rng, kind: Kind) -> &'static str {
    match kind {
        University => rng.choose(&[
            ("professor", 6),
            ("associate_professor", 10),
            ("lecturer", 7),
            ("researcher", 9),
            ("postdoc", 16),
            ("phd_student", 10),
            ("other", 1),
        ]),
        Institute => rng.choose(&[
            ("researcher", 50),
            ("postdoc", 25),
            ("engineer", 15),
            ("phd_student", 3),
            ("other", 4),
        ]),
        Company => rng.choose(&[("engineer", 70), ("researcher", 25), ("other", 5)]),
    }
}

fn years_abroad(rng: &mut Rng, position: &str) -> i32 {
    let (low, high) = match position {
        "professor" => (15, 30),
        "associate_professor" => (10, 22),
        "lecturer" => (6, 15),
        "researcher" => (5, 18),
        "postdoc" => (4, 10),
        "engineer" => (2, 14),
        "phd_student" => (2, 6),
        _ => (3, 20),
    };
    rng.between(low, high)
}

fn highest_degree(rng: &mut Rng, person: &Person) -> Option<String> {
    #[derive(Clone, Copy)]
    enum Degree {
        Doctor,
        Master,
        Bachelor,
    }
    use Degree::*;
    let degree = match person.position {
        "professor" | "associate_professor" | "lecturer" | "postdoc" => Doctor,
        "researcher" => rng.choose(&[(Doctor, 85), (Master, 15)]),
        "engineer" => rng.choose(&[(Doctor, 15), (Master, 55), (Bachelor, 30)]),
        _ => Master,
    };
    let subject = person.themes[0].degree;
    let text = match (person.lang, degree) {
        (Lang::Vi, Doctor) => format!("Tiến sĩ {}", subject.vi),
        (Lang::Vi, Master) => format!("Thạc sĩ {}", subject.vi),
        (Lang::Vi, Bachelor) => format!("Cử nhân {}", subject.vi),
        (Lang::Ja, Doctor) => format!("博士（{}）", subject.ja),
        (Lang::Ja, Master) => format!("修士（{}）", subject.ja),
        (Lang::Ja, Bachelor) => format!("学士（{}）", subject.ja),
        (Lang::En, Doctor) => format!("PhD in {}", subject.en),
        (Lang::En, Master) => format!("MSc in {}", subject.en),
        (Lang::En, Bachelor) => format!("BSc in {}", subject.en),
    };
    rng.chance(90).then_some(text)
}

// --- fields, keywords, engagement, languages --------------------------------------------------

/// 1–4 fields: the first by popularity, the others often related to it (an AI researcher is
/// more likely to also do big data than civil engineering).
fn pick_themes(rng: &mut Rng) -> Vec<&'static Theme> {
    let count = rng.choose(&[(1usize, 30), (2, 40), (3, 22), (4, 8)]);
    let mut chosen: Vec<&'static Theme> = vec![rng.weighted(THEMES, |t| t.weight)];
    while chosen.len() < count {
        let candidate = if rng.chance(75) {
            let code: &&str = rng.pick(chosen[0].related);
            theme(code)
        } else {
            rng.weighted(THEMES, |t| t.weight)
        };
        if !chosen.iter().any(|t| t.field == candidate.field) {
            chosen.push(candidate);
        }
    }
    chosen
}

fn theme(field: &str) -> &'static Theme {
    THEMES
        .iter()
        .find(|t| t.field == field)
        .expect("related fields are themes (unit-tested)")
}

/// 3–7 keywords from the person's fields, each in English, Vietnamese or Japanese, as people
/// mix them in practice.
fn keywords(rng: &mut Rng, person: &Person) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    for (index, theme) in person.themes.iter().enumerate() {
        let wanted = if index == 0 {
            rng.between(2, 4)
        } else {
            rng.between(1, 2)
        };
        for _ in 0..wanted {
            let lang = match person.hub {
                "jp" => rng.choose(&[(Lang::En, 45), (Lang::Vi, 30), (Lang::Ja, 25)]),
                _ => rng.choose(&[(Lang::En, 60), (Lang::Vi, 40)]),
            };
            let pool = match lang {
                Lang::En => theme.keywords_en,
                Lang::Vi => theme.keywords_vi,
                Lang::Ja => theme.keywords_ja,
            };
            let keyword = rng.pick(pool).to_string();
            if !keywords.iter().any(|k| k.eq_ignore_ascii_case(&keyword)) && keywords.len() < 7 {
                keywords.push(keyword);
            }
        }
    }
    keywords
}

/// 1–4 engagement kinds. Councils and leading commissioned projects are for senior people,
/// hosting trainees for those with a lab; joint research is what most offer.
fn pick_engagements(rng: &mut Rng, position: &str) -> Vec<&'static str> {
    let senior = matches!(position, "professor" | "associate_professor");
    let has_lab = senior || matches!(position, "lecturer" | "researcher");
    let weights: Vec<(&'static str, u32)> = vec![
        ("joint_research", 30),
        ("host_trainees", if has_lab { 10 } else { 0 }),
        ("short_teaching", 14),
        ("science_council", if senior { 10 } else { 0 }),
        ("partner_introduction", 10),
        (
            "lead_rnd_project",
            if senior || position == "researcher" {
                8
            } else {
                0
            },
        ),
        ("advisory", 15),
        ("return_position", if senior { 3 } else { 12 }),
    ];
    let count = rng.choose(&[(1usize, 25), (2, 35), (3, 25), (4, 15)]);
    let mut chosen: Vec<&'static str> = Vec::new();
    while chosen.len() < count {
        let kind = rng.choose(&weights);
        if !chosen.contains(&kind) {
            chosen.push(kind);
        }
    }
    chosen
}

/// Everyone is a native Vietnamese speaker; most in Japan speak Japanese at some level (and
/// fluently if they write their profile in it), most everywhere speak English.
fn languages(rng: &mut Rng, person: &Person) -> Vec<LanguageSkill> {
    let mut skills = vec![skill("vi", "native")];
    let levels = [("fluent", 35), ("working", 35), ("basic", 20), ("", 10)];
    let japanese = match (person.hub, person.lang) {
        ("jp", Lang::Ja) => rng.choose(&[("fluent", 70), ("working", 30)]),
        ("jp", _) => rng.choose(&levels),
        _ => rng.choose(&[("working", 5), ("basic", 10), ("", 85)]),
    };
    if !japanese.is_empty() {
        skills.push(skill("ja", japanese));
    }
    let english = match person.lang {
        Lang::En => "fluent",
        _ => rng.choose(&[("fluent", 40), ("working", 40), ("basic", 8), ("", 12)]),
    };
    if !english.is_empty() {
        skills.push(skill("en", english));
    }
    if person.hub == "kr" {
        skills.push(skill(
            "ko",
            rng.choose(&[("fluent", 30), ("working", 45), ("basic", 25)]),
        ));
    }
    skills
}

/// Availability from–until for four in ten (months, stored as their first day).
fn availability_window(rng: &mut Rng) -> (Option<Date>, Option<Date>) {
    if !rng.chance(40) {
        return (None, None);
    }
    let start = rng.between(0, 5); // months after January 2027
    let length = rng.between(12, 24);
    let month = |offset: i32| {
        let month = Month::try_from((offset % 12 + 1) as u8).ok()?;
        Date::from_calendar_date(2027 + offset / 12, month, 1).ok()
    };
    (month(start), month(start + length))
}

fn publications(rng: &mut Rng, person: &Person) -> Vec<Publication> {
    let count = match person.position {
        "engineer" | "other" => rng.choose(&[(0usize, 50), (1, 30), (2, 15), (3, 5)]),
        "phd_student" => rng.choose(&[(0usize, 30), (1, 45), (2, 25)]),
        _ => rng.choose(&[(0usize, 15), (1, 30), (2, 30), (3, 25)]),
    };
    let mut list: Vec<Publication> = Vec::new();
    for _ in 0..count {
        let theme = if rng.chance(70) {
            person.themes[0]
        } else {
            *rng.pick(&person.themes)
        };
        let title = *rng.pick(theme.titles);
        if list.iter().any(|p| p.title == title) {
            continue;
        }
        let (venue, stem) = *rng.pick(theme.venues);
        let year = rng.between(2012, 2025);
        let doi = format!("{stem}.{year}.{:06}", rng.below(1_000_000));
        list.push(publication(title, venue, year, &doi));
    }
    // Newest first, as publication lists are read.
    list.sort_by_key(|p| std::cmp::Reverse(p.year));
    list
}

// --- summaries --------------------------------------------------------------------------------

fn country(hub: &str) -> Tri {
    match hub {
        "kr" => tri("Hàn Quốc", "韓国", "South Korea"),
        _ => tri("Nhật Bản", "日本", "Japan"),
    }
}

/// The position as it reads inside a sentence (English with its article).
fn position_phrase(position: &str) -> Tri {
    match position {
        "professor" => tri("giáo sư", "教授", "a professor"),
        "associate_professor" => tri("phó giáo sư", "准教授", "an associate professor"),
        "lecturer" => tri("giảng viên", "講師", "a lecturer"),
        "researcher" => tri("nghiên cứu viên", "研究員", "a researcher"),
        "postdoc" => tri(
            "nghiên cứu viên sau tiến sĩ",
            "ポスドク研究員",
            "a postdoctoral researcher",
        ),
        "engineer" => tri("kỹ sư", "エンジニア", "an engineer"),
        "phd_student" => tri("nghiên cứu sinh", "博士課程の学生", "a PhD student"),
        _ => tri("chuyên gia", "専門職", "a specialist"),
    }
}

/// 2–4 sentences in the person's language: who and where, the current focus, optionally a
/// second field and what they offer. Built from the field's own phrases, so a semiconductor
/// profile in Vietnamese says "bán dẫn" and one in Japanese says "半導体".
fn summary(rng: &mut Rng, person: &Person) -> String {
    let lang = person.lang;
    let focus = rng.pick(person.themes[0].focus).get(lang);
    let mut sentences = vec![
        introduction(rng, person),
        focus_sentence(rng, person, focus),
    ];
    if let Some(second) = person.themes.get(1) {
        if rng.chance(75) {
            sentences.push(secondary_sentence(rng, lang, second.topic.get(lang)));
        }
    }
    if rng.chance(70) {
        let kind = rng.pick(&person.engagements);
        sentences.push(engagement_sentence(
            kind,
            lang,
            country(person.hub).get(lang),
        ));
    }
    let separator = if lang == Lang::Ja { "" } else { " " };
    sentences.join(separator)
}

fn introduction(rng: &mut Rng, person: &Person) -> String {
    let lang = person.lang;
    let position = position_phrase(person.position).get(lang);
    let topic = person.themes[0].topic.get(lang);
    let place = match lang {
        Lang::Vi => person.institution.vi.to_string(),
        Lang::Ja => person.institution.ja.to_string(),
        // Inside a sentence "The University of Tokyo" reads "the University of Tokyo".
        Lang::En => match person.institution.en.strip_prefix("The ") {
            Some(rest) => format!("the {rest}"),
            None => person.institution.en.to_string(),
        },
    };
    let develops = matches!(person.position, "engineer" | "other");
    match (lang, develops, rng.chance(50)) {
        (Lang::Vi, true, _) => {
            format!("Tôi là {position} tại {place}, phụ trách các dự án về {topic}.")
        }
        (Lang::Vi, false, true) => format!("Tôi là {position} tại {place}, nghiên cứu về {topic}."),
        (Lang::Vi, false, false) => {
            format!("Hiện tôi là {position} tại {place}, với hướng nghiên cứu chính là {topic}.")
        }
        (Lang::Ja, true, _) => format!("{place}で{position}として{topic}の開発に携わっています。"),
        (Lang::Ja, false, true) => {
            format!("{place}の{position}として、{topic}に関する研究を行っています。")
        }
        (Lang::Ja, false, false) => {
            format!("{place}で{topic}の研究に取り組んでいる{position}です。")
        }
        (Lang::En, true, _) => {
            format!("I am {position} at {place}, where I lead development work in {topic}.")
        }
        (Lang::En, false, true) => format!("I am {position} at {place}, working on {topic}."),
        (Lang::En, false, false) => {
            format!("I work as {position} at {place}, where my research centres on {topic}.")
        }
    }
}

fn focus_sentence(rng: &mut Rng, person: &Person, focus: &str) -> String {
    let years = person.years_abroad;
    let country = country(person.hub).get(person.lang);
    match (person.lang, rng.below(3)) {
        (Lang::Vi, 0) => format!("Trọng tâm hiện nay của tôi là {focus}."),
        (Lang::Vi, 1) => format!("Nhóm chúng tôi đang tập trung vào {focus}."),
        (Lang::Vi, _) => {
            format!("Trong {years} năm ở {country}, tôi đã tích lũy nhiều kinh nghiệm về {focus}.")
        }
        (Lang::Ja, 0) => format!("現在は特に{focus}に力を入れています。"),
        (Lang::Ja, 1) => format!("主な研究テーマは{focus}です。"),
        (Lang::Ja, _) => format!("{country}に来て{years}年、{focus}の経験を積んできました。"),
        (Lang::En, 0) => format!("My current focus is {focus}."),
        (Lang::En, 1) => format!("Our group works mainly on {focus}."),
        (Lang::En, _) => {
            format!("Over {years} years in {country} I have built up experience in {focus}.")
        }
    }
}

fn secondary_sentence(rng: &mut Rng, lang: Lang, topic: &str) -> String {
    match (lang, rng.chance(50)) {
        (Lang::Vi, true) => format!("Tôi cũng quan tâm đến {topic}."),
        (Lang::Vi, false) => format!("Ngoài ra, tôi có kinh nghiệm về {topic}."),
        (Lang::Ja, true) => format!("また、{topic}にも関心があります。"),
        (Lang::Ja, false) => format!("{topic}の分野でも経験があります。"),
        (Lang::En, true) => format!("I am also interested in {topic}."),
        (Lang::En, false) => format!("I also have experience in {topic}."),
    }
}

/// What the person offers, in the glossary's words.
fn engagement_sentence(kind: &str, lang: Lang, country: &str) -> String {
    let sentence = match kind {
        "joint_research" => tri(
            "Tôi mong muốn hợp tác nghiên cứu chung với các viện, trường và doanh nghiệp tại Việt Nam.",
            "ベトナムの大学・研究機関・企業との共同研究を希望しています。",
            "I would welcome joint research with Vietnamese universities, institutes and companies.",
        ),
        "host_trainees" => tri(
            "Phòng thí nghiệm của tôi có thể tiếp nhận sinh viên và kỹ sư Việt Nam sang đào tạo.",
            "研究室でベトナムからの学生や技術者を研修生として受け入れることができます。",
            "My laboratory can host Vietnamese students and engineers as trainees.",
        ),
        "short_teaching" => tri(
            "Tôi có thể tham gia giảng dạy có thời hạn tại các trường đại học trong nước.",
            "ベトナムの大学での短期講義に協力できます。",
            "I can teach short courses at universities in Vietnam.",
        ),
        "science_council" => tri(
            "Tôi sẵn sàng tham gia hội đồng khoa học chuyên ngành.",
            "専門科学評議会の委員としても協力したいと考えています。",
            "I am happy to sit on specialised science councils.",
        ),
        "partner_introduction" => tri(
            "Tôi có thể kết nối các đơn vị trong nước với đối tác tại {country}.",
            "{country}の大学や企業とのパートナーシップの橋渡しができます。",
            "I can introduce Vietnamese organisations to partners in {country}.",
        ),
        "lead_rnd_project" => tri(
            "Tôi sẵn sàng chủ trì nhiệm vụ khoa học và công nghệ theo đặt hàng.",
            "受託研究開発プロジェクトを主導する用意があります。",
            "I am ready to lead a commissioned R&D project.",
        ),
        "advisory" => tri(
            "Tôi có thể tư vấn về chiến lược, chính sách và chuyển giao công nghệ.",
            "戦略・政策や技術移転について助言できます。",
            "I can advise on strategy, policy and technology transfer.",
        ),
        _ => tri(
            "Tôi sẵn sàng về nước làm việc khi có vị trí phù hợp.",
            "適切なポストがあれば、帰国して働くことも考えています。",
            "I would consider returning to work in Vietnam when a suitable position opens.",
        ),
    };
    sentence.get(lang).replace("{country}", country)
}

// --- the fields' vocabulary -----------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orcid_check_digits_match_orcids_own_examples() {
        assert_eq!(orcid_from_digits("000000021825009"), "0000-0002-1825-0097");
        assert_eq!(orcid_from_digits("000000021694233"), "0000-0002-1694-233X");
        assert!(normalise_orcid(&orcid_from_digits("000000021954307")).is_some());
    }

    #[test]
    fn the_demo_scientist_profile_is_complete_and_valid() {
        let profile = demo_scientist_profile();
        assert!(profile.missing().is_empty(), "{:?}", profile.missing());
        check_identifiers(&profile).unwrap();
    }

    #[test]
    fn generation_is_deterministic_and_valid() {
        let first = generate_scientists(SCIENTIST_COUNT).unwrap();
        let again = generate_scientists(SCIENTIST_COUNT).unwrap();
        assert_eq!(first.len(), SCIENTIST_COUNT);
        for (a, b) in first.iter().zip(&again) {
            assert_eq!(a.email, b.email);
            assert_eq!(a.profile, b.profile);
        }
        let names: HashSet<&str> = first.iter().map(|s| s.profile.full_name.as_str()).collect();
        assert_eq!(names.len(), SCIENTIST_COUNT, "names are unique");
        assert_eq!(
            first.iter().filter(|s| s.profile.hub_code == "kr").count(),
            40
        );
        assert!(first.iter().filter(|s| s.profile.orcid.is_some()).count() > 40);
    }

    #[test]
    fn every_profile_is_complete_enough_to_pass_the_form_rules() {
        for s in generate_scientists(SCIENTIST_COUNT).unwrap() {
            let p = &s.profile;
            assert!((1..=4).contains(&p.fields.len()), "{}", s.email);
            assert!((1..=4).contains(&p.engagement_kinds.len()));
            assert!(!p.keywords.is_empty() && p.keywords.len() <= 7);
            assert!(p.publications.len() <= 3);
            assert_eq!(p.languages[0], skill("vi", "native"));
            // "Hitachi, Ltd., where…": a sentence ends at ". " or the final ".", not any dot.
            let sentences = match p.summary_md.contains('。') {
                true => p.summary_md.matches('。').count(),
                false => p.summary_md.matches(". ").count() + 1,
            };
            assert!(
                (2..=4).contains(&sentences),
                "{}: {}",
                s.email,
                p.summary_md
            );
            if let (Some(from), Some(until)) = (p.available_from, p.available_until) {
                assert!(until > from);
            }
            assert_eq!(p.full_name.split(' ').count(), 3, "{}", p.full_name);
            check_identifiers(p).unwrap();
        }
    }

    #[test]
    fn popular_fields_dominate_and_positions_look_real() {
        let scientists = generate_scientists(SCIENTIST_COUNT).unwrap();
        let with = |code: &str| {
            scientists
                .iter()
                .filter(|s| s.profile.fields.iter().any(|f| f == code))
                .count()
        };
        assert!(with("tech.ai") > 3 * with("oecd.2.1"));
        let position = |code: &str| {
            scientists
                .iter()
                .filter(|s| s.profile.position == code)
                .count()
        };
        assert!(
            position("researcher") + position("engineer") + position("postdoc")
                > 3 * position("professor")
        );
        let semiconductors = scientists
            .iter()
            .filter(|s| s.profile.fields.iter().any(|f| f.starts_with("semi.")))
            .count();
        assert!(semiconductors >= 30, "{semiconductors}");
    }

    #[test]
    fn summaries_mix_the_three_languages_and_use_the_fields_words() {
        let scientists = generate_scientists(SCIENTIST_COUNT).unwrap();
        let japanese = scientists
            .iter()
            .filter(|s| s.profile.summary_md.contains('。'))
            .count();
        let vietnamese = scientists
            .iter()
            .filter(|s| {
                s.profile.summary_md.starts_with("Tôi") || s.profile.summary_md.starts_with("Hiện")
            })
            .count();
        assert!(
            japanese > 50 && vietnamese > 50,
            "ja {japanese}, vi {vietnamese}"
        );
        assert!(
            scientists
                .iter()
                .any(|s| s.profile.summary_md.contains("bán dẫn"))
        );
        assert!(
            scientists
                .iter()
                .any(|s| s.profile.summary_md.contains("半導体の設計"))
        );
    }

    #[test]
    fn related_fields_are_themes_and_institutions_cover_every_field() {
        for t in THEMES {
            for code in t.related {
                assert!(THEMES.iter().any(|other| other.field == *code), "{code}");
            }
        }
        for i in INSTITUTIONS {
            assert!(
                i.fields
                    .iter()
                    .all(|f| THEMES.iter().any(|t| t.field == *f)),
                "{}",
                i.en
            );
        }
    }
}
