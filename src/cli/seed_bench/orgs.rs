//! Embassy staff, organisations in Vietnam and their members (the problem owners).

use time::{Duration, OffsetDateTime};

use super::copy::CopyRows;
use super::people::USERS_TARGET;
use super::rng::{Rng, Stream, Zipf};
use super::vocab::{
    AGENCIES, BRAND_SYLLABLES, COMPANY_FORMS, COMPANY_SECTORS, DEPARTMENTS, FACULTIES, INSTITUTES,
    LOCAL_BODIES, MINISTRIES, OrgName, PROVINCES, UNIVERSITIES, draw_name, fold,
};
use super::{ANCHOR, BENCH_DOMAIN};

/// Embassy staff accounts: the first works for both hubs, three more for Japan, two for Korea.
pub const STAFF_COUNT: usize = 6;

pub fn staff_hubs(number: usize) -> &'static [&'static str] {
    match number {
        1 => &["jp", "kr"],
        2..=4 => &["jp"],
        _ => &["kr"],
    }
}

pub fn staff_email(number: usize) -> String {
    format!("bench.staff.{number:02}@{BENCH_DOMAIN}")
}

pub fn owner_email(number: i64) -> String {
    format!("bench.owner.{number:06}@{BENCH_DOMAIN}")
}

/// Adds the staff accounts (ids `first_id + 1 ..`) and their hubs.
pub fn staff_rows(
    seed: u64,
    first_id: i64,
    password_hash: &str,
    users: &mut CopyRows,
    hubs: &mut CopyRows,
) {
    for number in 1..=STAFF_COUNT {
        let mut rng = Rng::new(seed, Stream::Staff, number as u64);
        let id = first_id + number as i64;
        let name = draw_name(&mut rng);
        let created = ANCHOR - Duration::days(rng.between(800, 1600));
        users
            .int(id)
            .text(&staff_email(number))
            .text(password_hash)
            .text(&format!("Cán bộ Đại sứ quán – {}", name.full))
            .text("vi")
            .text("staff")
            .time(created + Duration::minutes(5))
            .time(created)
            .time(created);
        users.end_row();
        for hub in staff_hubs(number) {
            hubs.int(id).text(hub).end_row();
        }
    }
}

/// What problems and matches need to know about an organisation.
pub struct OrgFacts {
    pub id: i64,
    pub kind: &'static str,
    pub status: &'static str,
    pub created_at: OffsetDateTime,
    /// Its members' account ids; the first registered it.
    pub members: Vec<i64>,
    pub province: &'static str,
    pub name_vi: String,
    pub name_en: String,
    pub name_ja: Option<String>,
}

pub struct OrgRows {
    pub users: CopyRows,
    pub staff_hubs: CopyRows,
    pub organisations: CopyRows,
    pub members: CopyRows,
}

impl OrgRows {
    pub fn new() -> OrgRows {
        OrgRows {
            users: CopyRows::new(USERS_TARGET),
            staff_hubs: CopyRows::new("staff_hubs (user_id, hub_code)"),
            organisations: CopyRows::new(
                "organisations (id, name_vi, name_en, name_ja, kind, country_code, website, \
                 status, created_by, decided_by, decided_at, created_at, updated_at)",
            ),
            members: CopyRows::new("org_members (org_id, user_id)"),
        }
    }
}

const CITIES: &[&str] = &["Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế"];

/// Organisation number `number` (from 1) with id `id`; its members get account ids from
/// `next_user_id + 1` on, and are numbered in their email from `owner_base + 1` (the account id
/// before the first owner's). `staff` are the staff account ids (who verified it).
#[allow(clippy::too_many_arguments)]
pub fn generate(
    seed: u64,
    number: usize,
    id: i64,
    next_user_id: &mut i64,
    owner_base: i64,
    staff: &[i64],
    password_hash: &str,
    rows: &mut OrgRows,
) -> OrgFacts {
    let mut rng = Rng::new(seed, Stream::Organisation, number as u64);
    let kind = rng.choose(&[
        ("enterprise", 35),
        ("university", 20),
        ("research_institute", 15),
        ("locality", 15),
        ("agency", 8),
        ("ministry", 7),
    ]);
    // Hà Nội and Hồ Chí Minh City first: most organisations are there.
    let province = PROVINCES[Zipf::new(PROVINCES.len()).draw(&mut rng)];
    let (name_vi, name_en, name_ja) = org_name(&mut rng, kind, province);
    let status = rng.choose(&[("verified", 85), ("unverified", 10), ("rejected", 5)]);
    let created_at =
        ANCHOR - Duration::days(rng.between(700, 1500)) - Duration::minutes(rng.between(0, 1439));
    let decided = (status != "unverified").then(|| {
        let at =
            created_at + Duration::days(rng.between(1, 20)) + Duration::hours(rng.between(1, 8));
        (*rng.pick(staff), at)
    });
    let member_count = rng.choose(&[(1usize, 55), (2, 35), (3, 10)]);
    let mut members = Vec::with_capacity(member_count);
    for m in 0..member_count {
        *next_user_id += 1;
        let user_id = *next_user_id;
        let name = draw_name(&mut rng);
        let joined =
            created_at - Duration::hours(2) + Duration::days(m as i64 * rng.between(1, 60));
        let locale = rng.choose(&[("vi", 85), ("en", 12), ("ja", 3)]);
        rows.users
            .int(user_id)
            .text(&owner_email(user_id - owner_base))
            .text(password_hash)
            .text(&name.full)
            .text(locale)
            .text("owner")
            .time(joined + Duration::minutes(3))
            .time(joined)
            .time(joined)
            .end_row();
        rows.members.int(id).int(user_id).end_row();
        members.push(user_id);
    }
    let website = rng
        .chance(70)
        .then(|| format!("https://org-{number:05}.vn.example"));
    rows.organisations
        .int(id)
        .text(&name_vi)
        .text(&name_en)
        .opt_text(name_ja.as_deref())
        .text(kind)
        .text("VN")
        .opt_text(website.as_deref())
        .text(status)
        .int(members[0])
        .opt_int(decided.map(|(by, _)| by))
        .opt_time(decided.map(|(_, at)| at))
        .time(created_at)
        .time(decided.map_or(created_at, |(_, at)| at))
        .end_row();
    OrgFacts {
        id,
        kind,
        status,
        created_at,
        members,
        province,
        name_vi,
        name_en,
        name_ja,
    }
}

fn org_name(rng: &mut Rng, kind: &str, province: &str) -> (String, String, Option<String>) {
    let owned = |(vi, en, ja): OrgName| (vi.to_string(), en.to_string(), ja.map(String::from));
    match kind {
        "ministry" => {
            let ministry = *rng.pick(MINISTRIES);
            match rng.chance(60) {
                true => {
                    let dept = *rng.pick(DEPARTMENTS);
                    (
                        format!("{} – {}", dept.0, ministry.0),
                        format!("{}, {}", dept.1, ministry.1),
                        ministry.2.zip(dept.2).map(|(m, d)| format!("{m}{d}")),
                    )
                }
                false => owned(ministry),
            }
        }
        "agency" => owned(*rng.pick(AGENCIES)),
        "locality" => {
            let (body_vi, body_en) = *rng.pick(LOCAL_BODIES);
            let city = CITIES.contains(&province);
            let vi = match (province.starts_with("Thành phố"), city) {
                (true, _) => format!("{body_vi} {province}"),
                (false, true) => format!("{body_vi} thành phố {province}"),
                (false, false) => format!("{body_vi} tỉnh {province}"),
            };
            let place = fold(province);
            let en = match (province.starts_with("Thành phố"), city) {
                (true, _) => format!("{body_en} Ho Chi Minh City"),
                (false, true) => format!("{body_en} {place} City"),
                (false, false) => format!("{body_en} {place} Province"),
            };
            (vi, en, None)
        }
        "university" => {
            let university = *rng.pick(UNIVERSITIES);
            match rng.chance(50) {
                true => {
                    let (fac_vi, fac_en) = *rng.pick(FACULTIES);
                    (
                        format!("{fac_vi}, {}", university.0),
                        format!("{fac_en}, {}", university.1),
                        None,
                    )
                }
                false => owned(university),
            }
        }
        "research_institute" => {
            let institute = *rng.pick(INSTITUTES);
            match rng.chance(40) {
                true => (
                    format!(
                        "{} – Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
                        institute.0
                    ),
                    format!("{}, Vietnam Academy of Science and Technology", institute.1),
                    institute
                        .2
                        .map(|ja| format!("ベトナム科学技術アカデミー{ja}")),
                ),
                false => owned(institute),
            }
        }
        _ => {
            let brand = format!(
                "{} {}",
                rng.pick(BRAND_SYLLABLES),
                rng.pick(BRAND_SYLLABLES)
            );
            let (sector_vi, sector_en) = *rng.pick(COMPANY_SECTORS);
            let (form_vi, form_en) = *rng.pick(COMPANY_FORMS);
            (
                format!("{form_vi} {sector_vi} {brand}"),
                format!("{} {sector_en} {form_en}", fold(&brand)),
                None,
            )
        }
    }
}
