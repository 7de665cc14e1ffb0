//! The scientists: an account and a full profile each, written as the profile form would save
//! it (a [`Profile`]), with the search document the application computes for it.

use time::{Date, Duration, Month, OffsetDateTime};

use super::copy::{CopyRows, SearchRows, array_literal};
use super::rng::{Rng, Stream};
use super::vocab::{Catalogue, Lang, Name, draw_name, fold};
use super::{ANCHOR, BENCH_DOMAIN};
use crate::cli::seed_demo::institutions::{INSTITUTIONS, Institution, Kind};
use crate::scientists::model::{LanguageSkill, Profile, Publication, Visibility};

/// What the match generator needs to know about a scientist, kept for every one of them.
#[derive(Clone, Debug)]
pub struct ScientistFacts {
    pub id: i64,
    /// 0: Japan, 1: Korea.
    pub hub: u8,
    /// Catalogue indexes of the fields.
    pub fields: Vec<u16>,
    /// Bit `i` set: offers `ENGAGEMENT_KINDS[i]`.
    pub kinds: u8,
}

pub const ENGAGEMENT_KINDS: [&str; 8] = [
    "joint_research",
    "host_trainees",
    "short_teaching",
    "science_council",
    "partner_introduction",
    "lead_rnd_project",
    "advisory",
    "return_position",
];

pub fn kind_index(kind: &str) -> usize {
    ENGAGEMENT_KINDS
        .iter()
        .position(|k| *k == kind)
        .expect("a known engagement kind")
}

pub const HUBS: [&str; 2] = ["jp", "kr"];

/// A generated scientist: the account and the profile.
pub struct Scientist {
    pub id: i64,
    pub email: String,
    pub locale: &'static str,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub verified_at: OffsetDateTime,
    pub profile: Profile,
    /// What the directory's facets count (`scientist_profiles.facet_values`).
    pub facet_values: Vec<String>,
}

pub fn email(number: usize) -> String {
    format!("bench.scientist.{number:06}@{BENCH_DOMAIN}")
}

/// Scientist number `number` (from 1), whose account id is `id`.
pub fn generate(cat: &Catalogue, seed: u64, number: usize, id: i64) -> (Scientist, ScientistFacts) {
    let mut rng = Rng::new(seed, Stream::Scientist, number as u64);
    let hub = if rng.below(6) == 0 { 1u8 } else { 0 };
    let hub_code = HUBS[hub as usize];
    let name = draw_name(&mut rng);
    let fields = draw_fields(&mut rng, cat);
    let institution = pick_institution(&mut rng, hub_code, &cat.fields[fields[0]].code);
    let position = pick_position(&mut rng, institution.kind);
    let lang = match hub {
        0 => rng.choose(&[(Lang::Vi, 45), (Lang::Ja, 25), (Lang::En, 30)]),
        _ => rng.choose(&[(Lang::Vi, 55), (Lang::En, 45)]),
    };
    let years_abroad = years_abroad(&mut rng, position);
    let engagements = pick_engagements(&mut rng, position);
    let person = Person {
        hub_code,
        position,
        institution,
        fields: &fields,
        years_abroad,
        engagements: &engagements,
        lang,
    };
    let created_at =
        ANCHOR - Duration::days(rng.between(1, 1200)) - Duration::minutes(rng.between(0, 1439));
    let age = (ANCHOR - created_at).whole_seconds();
    let updated_at = created_at + Duration::seconds(age * rng.below(100) as i64 / 100);
    let profile = build_profile(&mut rng, cat, number, &person, name);
    let facet_values = profile_facets(cat, &fields, &profile);
    let locale = if rng.chance(60) { "vi" } else { lang.code() };
    let facts = ScientistFacts {
        id,
        hub,
        fields: fields.iter().map(|&f| f as u16).collect(),
        kinds: engagements
            .iter()
            .fold(0u8, |mask, k| mask | 1 << kind_index(k)),
    };
    let scientist = Scientist {
        id,
        email: email(number),
        locale,
        verified_at: created_at + Duration::minutes(rng.between(2, 180)),
        created_at,
        updated_at,
        profile,
        facet_values,
    };
    (scientist, facts)
}

struct Person<'a> {
    hub_code: &'static str,
    position: &'static str,
    institution: &'static Institution,
    fields: &'a [usize],
    years_abroad: i32,
    engagements: &'a [&'static str],
    lang: Lang,
}

/// The profile's facet values, as the database's `scientist_facet_values` computes them.
fn profile_facets(cat: &Catalogue, fields: &[usize], p: &Profile) -> Vec<String> {
    let mut values = vec![
        format!("hub:{}", p.hub_code),
        format!("position:{}", p.position),
    ];
    values.extend(cat.field_facets(fields));
    values.extend(p.engagement_kinds.iter().map(|k| format!("engagement:{k}")));
    values.extend(
        p.languages
            .iter()
            .map(|l| format!("language:{}", l.language)),
    );
    values
}

/// One to four fields: the first by popularity, the others often its related fields.
fn draw_fields(rng: &mut Rng, cat: &Catalogue) -> Vec<usize> {
    let primary = cat.field_law.draw(rng);
    let mut fields = vec![primary];
    let extra = rng.choose(&[(0usize, 35), (1, 40), (2, 20), (3, 5)]);
    let mut attempts = 0;
    while fields.len() < 1 + extra && attempts < 20 {
        attempts += 1;
        let related = &cat.fields[primary].related;
        let field = match !related.is_empty() && rng.chance(65) {
            true => *rng.pick(related),
            false => cat.field_law.draw(rng),
        };
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    fields
}

/// An institution of the hub that works in the field (universities take any field).
fn pick_institution(rng: &mut Rng, hub: &str, field: &str) -> &'static Institution {
    let weights: Vec<(usize, u32)> = INSTITUTIONS
        .iter()
        .enumerate()
        .filter(|(_, i)| i.hub == hub && (i.fields.is_empty() || i.fields.contains(&field)))
        .map(|(index, i)| (index, i.weight))
        .collect();
    &INSTITUTIONS[rng.choose(&weights)]
}

fn pick_position(rng: &mut Rng, kind: Kind) -> &'static str {
    match kind {
        Kind::University => rng.choose(&[
            ("professor", 12),
            ("associate_professor", 16),
            ("lecturer", 12),
            ("researcher", 10),
            ("postdoc", 18),
            ("phd_student", 30),
            ("other", 2),
        ]),
        Kind::Institute => rng.choose(&[
            ("researcher", 50),
            ("postdoc", 20),
            ("engineer", 15),
            ("professor", 5),
            ("phd_student", 5),
            ("other", 5),
        ]),
        Kind::Company => rng.choose(&[("engineer", 72), ("researcher", 20), ("other", 8)]),
    }
}

fn years_abroad(rng: &mut Rng, position: &str) -> i32 {
    let (low, high) = match position {
        "phd_student" => (1, 6),
        "postdoc" => (3, 10),
        "engineer" => (1, 18),
        "lecturer" | "associate_professor" => (6, 22),
        "professor" => (12, 35),
        "researcher" => (3, 20),
        _ => (1, 20),
    };
    rng.between(low, high) as i32
}

fn pick_engagements(rng: &mut Rng, position: &str) -> Vec<&'static str> {
    let weights: &[(&'static str, u32)] = match position {
        "professor" | "associate_professor" => &[
            ("joint_research", 30),
            ("host_trainees", 22),
            ("short_teaching", 15),
            ("science_council", 14),
            ("partner_introduction", 8),
            ("lead_rnd_project", 10),
            ("advisory", 10),
            ("return_position", 2),
        ],
        "engineer" | "other" => &[
            ("joint_research", 18),
            ("advisory", 24),
            ("partner_introduction", 16),
            ("return_position", 20),
            ("short_teaching", 10),
            ("lead_rnd_project", 8),
            ("host_trainees", 2),
            ("science_council", 2),
        ],
        _ => &[
            ("joint_research", 34),
            ("return_position", 26),
            ("short_teaching", 14),
            ("advisory", 10),
            ("host_trainees", 6),
            ("lead_rnd_project", 6),
            ("partner_introduction", 4),
        ],
    };
    let count = rng.choose(&[(1usize, 30), (2, 38), (3, 22), (4, 10)]);
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut attempts = 0;
    while kinds.len() < count && attempts < 40 {
        attempts += 1;
        let kind = rng.choose(weights);
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    // Stored in the taxonomy's order, as the form would.
    kinds.sort_by_key(|k| kind_index(k));
    kinds
}

fn build_profile(
    rng: &mut Rng,
    cat: &Catalogue,
    number: usize,
    person: &Person,
    name: Name,
) -> Profile {
    let reading_chance = match (person.hub_code, person.lang) {
        ("jp", Lang::Ja) => 80,
        ("jp", _) => 35,
        _ => 0,
    };
    let scholarly = !matches!(person.position, "engineer" | "other");
    let (available_from, available_until) = availability_window(rng);
    Profile {
        name_reading: rng.chance(reading_chance).then(|| name.kana.clone()),
        position: person.position.into(),
        affiliation: affiliation(rng, person.institution),
        hub_code: person.hub_code.into(),
        city: rng.chance(90).then(|| person.institution.city.into()),
        highest_degree: Some(highest_degree(rng, cat, person)),
        years_abroad: Some(person.years_abroad),
        fields: cat.codes(person.fields),
        keywords: keywords(rng, cat, person.fields, person.lang, (3, 7)),
        summary_md: summary(rng, cat, person),
        languages: languages(rng, person),
        engagement_kinds: person.engagements.iter().map(|k| k.to_string()).collect(),
        available_hours_per_month: rng
            .chance(85)
            .then(|| *rng.pick(&[4, 8, 8, 10, 12, 16, 20, 24, 40])),
        available_from,
        available_until,
        willing_to_travel: rng.chance(60),
        orcid: rng
            .chance(if scholarly { 50 } else { 15 })
            .then(|| random_orcid(rng)),
        researchmap_id: (person.hub_code == "jp" && scholarly && rng.chance(35))
            .then(|| researchmap_id(&name.full, number)),
        publications: publications(rng, cat, person),
        visibility: rng.choose(&[
            (Visibility::Public, 75),
            (Visibility::Members, 20),
            (Visibility::Staff, 5),
        ]),
        full_name: name.full,
    }
}

/// Keywords: mostly the fields' own (in the writer's language, often in English too), and one
/// in four from the long tail of technical terms. No duplicates, whatever their case.
pub fn keywords(
    rng: &mut Rng,
    cat: &Catalogue,
    fields: &[usize],
    lang: Lang,
    (low, high): (i64, i64),
) -> Vec<String> {
    let count = rng.between(low, high) as usize;
    let mut list: Vec<String> = Vec::new();
    for _ in 0..count {
        let keyword = match rng.below(100) {
            0..75 => {
                let field = match rng.chance(70) {
                    true => fields[0],
                    false => *rng.pick(fields),
                };
                let in_lang =
                    rng.choose(&[(lang, 60), (Lang::En, 30), (Lang::Vi, 5), (Lang::Ja, 5)]);
                cat.keyword(rng, field, in_lang)
            }
            _ => cat.tail_term(rng),
        };
        if !list
            .iter()
            .any(|k| k.to_lowercase() == keyword.to_lowercase())
        {
            list.push(keyword.to_string());
        }
    }
    list
}

fn affiliation(rng: &mut Rng, institution: &Institution) -> String {
    match rng.chance(50) && institution.local != institution.en {
        true => format!("{} / {}", institution.local, institution.en),
        false => institution.en.to_string(),
    }
}

fn highest_degree(rng: &mut Rng, cat: &Catalogue, person: &Person) -> String {
    let subject = cat.fields[person.fields[0]].degree.get(person.lang);
    let level = match person.position {
        "phd_student" => 1,
        "engineer" | "other" => rng.choose(&[(0, 45), (1, 40), (2, 15)]),
        _ => 2,
    };
    match (person.lang, level) {
        (Lang::Vi, 0) => format!("Kỹ sư {subject}"),
        (Lang::Vi, 1) => format!("Thạc sĩ {subject}"),
        (Lang::Vi, _) => format!("Tiến sĩ {subject}"),
        (Lang::Ja, 0) => format!("学士（{subject}）"),
        (Lang::Ja, 1) => format!("修士（{subject}）"),
        (Lang::Ja, _) => format!("博士（{subject}）"),
        (Lang::En, 0) => format!("BEng in {subject}"),
        (Lang::En, 1) => format!("MSc in {subject}"),
        (Lang::En, _) => format!("PhD in {subject}"),
    }
}

fn languages(rng: &mut Rng, person: &Person) -> Vec<LanguageSkill> {
    let skill = |language: &str, level: &str| LanguageSkill {
        language: language.into(),
        level: level.into(),
    };
    let mut skills = vec![skill("vi", "native")];
    let japanese = match (person.hub_code, person.lang) {
        ("jp", Lang::Ja) => rng.choose(&[("fluent", 70), ("working", 30)]),
        ("jp", _) => rng.choose(&[("fluent", 30), ("working", 40), ("basic", 20), ("", 10)]),
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
    if person.hub_code == "kr" {
        let korean = rng.choose(&[("fluent", 30), ("working", 45), ("basic", 25)]);
        skills.push(skill("ko", korean));
    }
    skills
}

fn month(offset: i64) -> Option<Date> {
    let month = Month::try_from((offset % 12 + 1) as u8).ok()?;
    Date::from_calendar_date(2027 + (offset / 12) as i32, month, 1).ok()
}

/// From–until for four in ten, from 2027 on (months, stored as their first day).
fn availability_window(rng: &mut Rng) -> (Option<Date>, Option<Date>) {
    if !rng.chance(40) {
        return (None, None);
    }
    let start = rng.between(0, 8);
    let length = rng.between(12, 24);
    (month(start), month(start + length))
}

/// A random ORCID iD in the range ORCID issues, with its ISO 7064 MOD 11-2 check digit.
fn random_orcid(rng: &mut Rng) -> String {
    let mut digits = format!("0000000{}", rng.between(1, 3));
    for _ in 0..7 {
        digits.push(char::from(b'0' + rng.below(10) as u8));
    }
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

fn researchmap_id(full_name: &str, number: usize) -> String {
    let ascii: Vec<String> = fold(full_name)
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    format!("{}_{number}", ascii.join("_"))
}

fn publications(rng: &mut Rng, cat: &Catalogue, person: &Person) -> Vec<Publication> {
    let count = match person.position {
        "engineer" | "other" => rng.choose(&[(0usize, 50), (1, 30), (2, 15), (3, 5)]),
        "phd_student" => rng.choose(&[(0usize, 30), (1, 45), (2, 25)]),
        _ => rng.choose(&[(0usize, 12), (1, 25), (2, 28), (3, 20), (4, 10), (5, 5)]),
    };
    let mut list: Vec<Publication> = Vec::new();
    for _ in 0..count {
        let field = match rng.chance(70) {
            true => person.fields[0],
            false => *rng.pick(person.fields),
        };
        let vocab = &cat.fields[field];
        let title = rng.pick(&vocab.titles).clone();
        if list.iter().any(|p| p.title == title) {
            continue;
        }
        let (venue, stem) = rng.pick(&vocab.venues).clone();
        let year = rng.between(2010, 2026) as i32;
        let doi = format!("{stem}.{year}.{:06}", rng.below(1_000_000));
        list.push(Publication {
            title,
            venue: Some(venue),
            year: Some(year),
            doi: Some(doi),
        });
    }
    list.sort_by_key(|p| std::cmp::Reverse(p.year));
    list
}

// --- summaries --------------------------------------------------------------------------------

fn country(hub: &str, lang: Lang) -> &'static str {
    match (hub, lang) {
        ("kr", Lang::Vi) => "Hàn Quốc",
        ("kr", Lang::Ja) => "韓国",
        ("kr", Lang::En) => "South Korea",
        (_, Lang::Vi) => "Nhật Bản",
        (_, Lang::Ja) => "日本",
        (_, Lang::En) => "Japan",
    }
}

fn position_phrase(position: &str, lang: Lang) -> &'static str {
    let (vi, ja, en) = match position {
        "professor" => ("giáo sư", "教授", "a professor"),
        "associate_professor" => ("phó giáo sư", "准教授", "an associate professor"),
        "lecturer" => ("giảng viên", "講師", "a lecturer"),
        "researcher" => ("nghiên cứu viên", "研究員", "a researcher"),
        "postdoc" => (
            "nghiên cứu viên sau tiến sĩ",
            "ポスドク研究員",
            "a postdoctoral researcher",
        ),
        "engineer" => ("kỹ sư", "エンジニア", "an engineer"),
        "phd_student" => ("nghiên cứu sinh", "博士課程の学生", "a PhD student"),
        _ => ("chuyên gia", "専門職", "a specialist"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn place(institution: &Institution, lang: Lang) -> String {
    match lang {
        Lang::Vi => institution.vi.to_string(),
        Lang::Ja => institution.ja.to_string(),
        Lang::En => match institution.en.strip_prefix("The ") {
            Some(rest) => format!("the {rest}"),
            None => institution.en.to_string(),
        },
    }
}

/// Two to five sentences in the writer's language; one in four adds a paragraph in a second
/// language, as bilingual profiles do, and English technical terms appear inside Vietnamese
/// and Japanese sentences.
fn summary(rng: &mut Rng, cat: &Catalogue, person: &Person) -> String {
    let lang = person.lang;
    let primary = &cat.fields[person.fields[0]];
    let topic = primary.topic.get(lang);
    let focus = rng.pick(&primary.focus).get(lang).to_string();
    let position = position_phrase(person.position, lang);
    let place_name = place(person.institution, lang);
    let years = person.years_abroad;
    let country_name = country(person.hub_code, lang);
    let term = cat.keyword(rng, person.fields[0], Lang::En).to_string();
    let mut sentences = vec![match (lang, rng.below(3)) {
        (Lang::Vi, 0) => format!("Tôi là {position} tại {place_name}, nghiên cứu về {topic}."),
        (Lang::Vi, 1) => {
            format!(
                "Hiện tôi là {position} tại {place_name}, với hướng nghiên cứu chính là {topic}."
            )
        }
        (Lang::Vi, _) => format!("Tôi đang làm {position} ở {place_name}, lĩnh vực {topic}."),
        (Lang::Ja, 0) => {
            format!("{place_name}の{position}として、{topic}に関する研究を行っています。")
        }
        (Lang::Ja, 1) => format!("{place_name}で{topic}の研究に取り組んでいる{position}です。"),
        (Lang::Ja, _) => format!("{place_name}で{position}として{topic}の仕事に携わっています。"),
        (Lang::En, 0) => format!("I am {position} at {place_name}, working on {topic}."),
        (Lang::En, 1) => {
            format!("I work as {position} at {place_name}, where my research centres on {topic}.")
        }
        (Lang::En, _) => format!("I am {position} at {place_name} and my field is {topic}."),
    }];
    sentences.push(match (lang, rng.below(3)) {
        (Lang::Vi, 0) => format!("Trọng tâm hiện nay của tôi là {focus}, đặc biệt là {term}."),
        (Lang::Vi, 1) => format!("Nhóm chúng tôi đang tập trung vào {focus}."),
        (Lang::Vi, _) => format!(
            "Trong {years} năm ở {country_name}, tôi đã tích lũy nhiều kinh nghiệm về {focus}."
        ),
        (Lang::Ja, 0) => format!("現在は特に{focus}（{term}）に力を入れています。"),
        (Lang::Ja, 1) => format!("主な研究テーマは{focus}です。"),
        (Lang::Ja, _) => format!("{country_name}に来て{years}年、{focus}の経験を積んできました。"),
        (Lang::En, 0) => format!("My current focus is {focus}, in particular {term}."),
        (Lang::En, 1) => format!("Our group works mainly on {focus}."),
        (Lang::En, _) => {
            format!("Over {years} years in {country_name} I have built up experience in {focus}.")
        }
    });
    if let Some(&second) = person.fields.get(1) {
        if rng.chance(75) {
            let topic = cat.fields[second].topic.get(lang);
            sentences.push(match (lang, rng.chance(50)) {
                (Lang::Vi, true) => format!("Tôi cũng quan tâm đến {topic}."),
                (Lang::Vi, false) => format!("Ngoài ra, tôi có kinh nghiệm về {topic}."),
                (Lang::Ja, true) => format!("また、{topic}にも関心があります。"),
                (Lang::Ja, false) => format!("{topic}の分野でも経験があります。"),
                (Lang::En, true) => format!("I am also interested in {topic}."),
                (Lang::En, false) => format!("I also have experience in {topic}."),
            });
        }
    }
    if rng.chance(70) {
        let kind = *rng.pick(person.engagements);
        sentences.push(engagement_sentence(kind, lang, country_name));
    }
    let separator = if lang == Lang::Ja { "" } else { " " };
    let mut text = sentences.join(separator);
    if rng.chance(25) {
        let second = match lang {
            Lang::En => Lang::Vi,
            _ => Lang::En,
        };
        let focus = rng.pick(&primary.focus).get(second);
        let place_name = place(person.institution, second);
        text.push_str("\n\n");
        text.push_str(&match second {
            Lang::Vi => format!("**Tiếng Việt:** Tôi nghiên cứu về {focus} tại {place_name}."),
            _ => format!("**English:** I work on {focus} at {place_name}."),
        });
    }
    text
}

fn engagement_sentence(kind: &str, lang: Lang, country: &str) -> String {
    let (vi, ja, en) = match kind {
        "joint_research" => (
            "Tôi mong muốn hợp tác nghiên cứu chung với các viện, trường và doanh nghiệp tại Việt Nam.",
            "ベトナムの大学・研究機関・企業との共同研究を希望しています。",
            "I would welcome joint research with Vietnamese universities, institutes and companies.",
        ),
        "host_trainees" => (
            "Phòng thí nghiệm của tôi có thể tiếp nhận sinh viên và kỹ sư Việt Nam sang đào tạo.",
            "研究室でベトナムからの学生や技術者を研修生として受け入れることができます。",
            "My laboratory can host Vietnamese students and engineers as trainees.",
        ),
        "short_teaching" => (
            "Tôi có thể tham gia giảng dạy có thời hạn tại các trường đại học trong nước.",
            "ベトナムの大学での短期講義に協力できます。",
            "I can teach short courses at universities in Vietnam.",
        ),
        "science_council" => (
            "Tôi sẵn sàng tham gia hội đồng khoa học chuyên ngành.",
            "専門科学評議会の委員としても協力したいと考えています。",
            "I am happy to sit on specialised science councils.",
        ),
        "partner_introduction" => (
            "Tôi có thể kết nối các đơn vị trong nước với đối tác tại {country}.",
            "{country}の大学や企業とのパートナーシップの橋渡しができます。",
            "I can introduce Vietnamese organisations to partners in {country}.",
        ),
        "lead_rnd_project" => (
            "Tôi sẵn sàng chủ trì nhiệm vụ khoa học và công nghệ theo đặt hàng.",
            "受託研究開発プロジェクトを主導する用意があります。",
            "I am ready to lead a commissioned R&D project.",
        ),
        "advisory" => (
            "Tôi có thể tư vấn về chiến lược, chính sách và chuyển giao công nghệ.",
            "戦略・政策や技術移転について助言できます。",
            "I can advise on strategy, policy and technology transfer.",
        ),
        _ => (
            "Tôi sẵn sàng về nước làm việc khi có vị trí phù hợp.",
            "適切なポストがあれば、帰国して働くことも考えています。",
            "I would consider returning to work in Vietnam when a suitable position opens.",
        ),
    };
    let sentence = match lang {
        Lang::Vi => vi,
        Lang::Ja => ja,
        Lang::En => en,
    };
    sentence.replace("{country}", country)
}

// --- rows ---------------------------------------------------------------------------------------

pub(crate) use crate::scientists::queries::search_document;

/// The rows of a batch of scientists, in the order they must be loaded.
pub struct ScientistRows {
    pub users: CopyRows,
    pub profiles: SearchRows,
    pub fields: CopyRows,
    pub engagements: CopyRows,
    pub languages: CopyRows,
    pub publications: CopyRows,
}

pub const USERS_TARGET: &str = "users (id, email, password_hash, display_name, preferred_locale, \
                                role, email_verified_at, created_at, updated_at)";

impl ScientistRows {
    pub fn new() -> ScientistRows {
        ScientistRows {
            users: CopyRows::new(USERS_TARGET),
            profiles: SearchRows::new(
                "scientist_profiles (user_id, full_name, name_reading, position, affiliation, \
                 hub_code, city, highest_degree, years_abroad, keywords, summary_md, \
                 available_hours_per_month, available_from, available_until, willing_to_travel, \
                 orcid, researchmap_id, visibility, created_at, updated_at, facet_values, \
                 search_doc)",
            ),
            fields: CopyRows::new("profile_fields (user_id, field_code)"),
            engagements: CopyRows::new("profile_engagements (user_id, kind)"),
            languages: CopyRows::new("profile_languages (user_id, language_code, level)"),
            publications: CopyRows::new(
                "publications (id, user_id, position, title, venue, year, doi)",
            ),
        }
    }

    pub fn push(&mut self, s: &Scientist, password_hash: &str, next_publication_id: &mut i64) {
        let p = &s.profile;
        self.users
            .int(s.id)
            .text(&s.email)
            .text(password_hash)
            .text(&p.full_name)
            .text(s.locale)
            .text("scientist")
            .time(s.verified_at)
            .time(s.created_at)
            .time(s.updated_at)
            .end_row();
        self.profiles
            .rows
            .int(s.id)
            .text(&p.full_name)
            .opt_text(p.name_reading.as_deref())
            .text(&p.position)
            .text(&p.affiliation)
            .text(&p.hub_code)
            .opt_text(p.city.as_deref())
            .opt_text(p.highest_degree.as_deref())
            .opt_int(p.years_abroad.map(i64::from))
            .text(&array_literal(&p.keywords))
            .text(&p.summary_md)
            .opt_int(p.available_hours_per_month.map(i64::from))
            .opt_date(p.available_from)
            .opt_date(p.available_until)
            .boolean(p.willing_to_travel)
            .opt_text(p.orcid.as_deref())
            .opt_text(p.researchmap_id.as_deref())
            .text(p.visibility.code())
            .time(s.created_at)
            .time(s.updated_at)
            .text(&array_literal(&s.facet_values))
            .end_row();
        self.profiles.docs.push(search_document(p));
        for field in &p.fields {
            self.fields.int(s.id).text(field).end_row();
        }
        for kind in &p.engagement_kinds {
            self.engagements.int(s.id).text(kind).end_row();
        }
        for skill in &p.languages {
            self.languages
                .int(s.id)
                .text(&skill.language)
                .text(&skill.level)
                .end_row();
        }
        for (position, publication) in p.publications.iter().enumerate() {
            *next_publication_id += 1;
            self.publications
                .int(*next_publication_id)
                .int(s.id)
                .int(position as i64 + 1)
                .text(&publication.title)
                .opt_text(publication.venue.as_deref())
                .opt_int(publication.year.map(i64::from))
                .opt_text(publication.doi.as_deref())
                .end_row();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scientists::model::{normalise_doi, normalise_orcid};

    #[test]
    fn orcids_have_valid_check_digits() {
        let mut rng = Rng::new(1, Stream::Scientist, 1);
        for _ in 0..200 {
            let orcid = random_orcid(&mut rng);
            assert_eq!(normalise_orcid(&orcid).as_deref(), Some(orcid.as_str()));
        }
    }

    #[test]
    fn generated_profiles_are_valid_and_deterministic() {
        let cat = super::super::tests::catalogue();
        for number in 1..=300 {
            let (a, facts) = generate(&cat, 42, number, number as i64);
            let (b, _) = generate(&cat, 42, number, number as i64);
            assert_eq!(a.profile, b.profile);
            let p = &a.profile;
            assert!((1..=4).contains(&p.fields.len()));
            assert!((1..=4).contains(&p.engagement_kinds.len()));
            assert!(!p.keywords.is_empty() && p.keywords.len() <= 7);
            assert!(
                p.keywords
                    .iter()
                    .all(|k| k.chars().count() <= 60 && !k.contains(','))
            );
            assert_eq!(facts.kinds.count_ones() as usize, p.engagement_kinds.len());
            if let Some(orcid) = &p.orcid {
                assert!(normalise_orcid(orcid).is_some());
            }
            for doi in p.publications.iter().filter_map(|x| x.doi.as_ref()) {
                assert_eq!(normalise_doi(doi).as_ref(), Some(doi), "{doi}");
            }
            if let (Some(from), Some(until)) = (p.available_from, p.available_until) {
                assert!(until > from);
            }
            assert!(a.created_at < ANCHOR && a.updated_at >= a.created_at);
        }
    }
}
