//! Technology problems: written as the problem form saves them (a [`Problem`], with the same
//! search document), in every status, each with the history that brought it there.

use time::{Date, Duration, OffsetDateTime, Time};

use super::ANCHOR;
use super::copy::{CopyRows, SearchRows, array_literal, date_text};
use super::orgs::OrgFacts;
use super::people::{keywords, kind_index};
use super::rng::{Rng, Stream, Zipf};
use super::vocab::{Catalogue, Lang, PROVINCES, SECTORS};
use crate::problems::model::{Action, Confidentiality, Outcome, Problem, Status, transition};

/// What the match generator needs to know about a problem.
pub struct ProblemFacts {
    pub id: i64,
    pub status: Status,
    pub outcome: Option<Outcome>,
    pub fields: Vec<u16>,
    /// Bit `i`: seeks `ENGAGEMENT_KINDS[i]`.
    pub kinds: u8,
    /// Bit 0: Japan, bit 1: Korea; 0 means every hub.
    pub hubs: u8,
    pub author: i64,
    pub published_at: Option<OffsetDateTime>,
    /// When matches must have ended by: the closing, the expiry or the anchor.
    pub until: OffsetDateTime,
}

/// A generated problem with its state and history.
pub struct GeneratedProblem {
    pub id: i64,
    /// What the board's facets count (`problems.facet_values`).
    pub facet_values: Vec<String>,
    pub org_id: i64,
    pub author_id: i64,
    pub problem: Problem,
    pub status: Status,
    pub outcome: Option<Outcome>,
    pub outcome_note: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub submitted_at: Option<OffsetDateTime>,
    pub published_at: Option<OffsetDateTime>,
    pub closed_at: Option<OffsetDateTime>,
    /// (event, actor, reason, at), oldest first.
    pub events: Vec<(&'static str, Option<i64>, Option<String>, OffsetDateTime)>,
}

/// How often each organisation writes problems: Zipf–Mandelbrot over the organisations in
/// their order (a few write hundreds, most a handful).
pub fn org_law(orgs: usize) -> Zipf {
    const SCALE: u64 = 1 << 40;
    Zipf::weighted((0..orgs).map(|r| SCALE / (r as u64 + 10)))
}

pub fn generate(
    cat: &Catalogue,
    seed: u64,
    number: usize,
    id: i64,
    orgs: &[OrgFacts],
    org_law: &Zipf,
    staff: &[i64],
) -> (GeneratedProblem, ProblemFacts) {
    let mut rng = Rng::new(seed, Stream::Problem, number as u64);
    // The first seven problems take the seven statuses in turn (a verified organisation's),
    // so that even a tiny run has every status.
    let forced = STATUSES.get(number - 1).copied();
    let mut org_index = org_law.draw(&mut rng);
    for _ in 0..100 {
        if forced.is_none() || orgs[org_index].status == "verified" {
            break;
        }
        org_index = org_law.draw(&mut rng);
    }
    let org = &orgs[org_index];
    let author = *rng.pick(&org.members);
    let status = match org.status {
        "verified" if forced.is_some() => forced.unwrap_or(Status::Draft),
        "verified" => rng.choose(&[
            (Status::Published, 62),
            (Status::Closed, 10),
            (Status::Expired, 8),
            (Status::Draft, 7),
            (Status::Submitted, 6),
            (Status::ChangesRequested, 4),
            (Status::Rejected, 3),
        ]),
        "unverified" => rng.choose(&[(Status::Draft, 60), (Status::Submitted, 40)]),
        _ => Status::Draft,
    };
    let lang = rng.choose(&[(Lang::Vi, 75), (Lang::En, 20), (Lang::Ja, 5)]);
    let primary = cat.field_law.draw(&mut rng);
    let mut fields = vec![primary];
    for _ in 0..rng.choose(&[(0usize, 45), (1, 40), (2, 15)]) {
        let related = &cat.fields[primary].related;
        let field = match !related.is_empty() && rng.chance(70) {
            true => *rng.pick(related),
            false => cat.field_law.draw(&mut rng),
        };
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    let engagement_kinds = draw_kinds(&mut rng, org.kind);
    let mechanism = (!rng.chance(5)).then(|| rng.choose(mechanism_weights(org.kind)));
    let (budget_min, budget_max, currency) = draw_budget(&mut rng, org.kind);
    let duration = *rng.pick(&[3, 6, 6, 9, 12, 12, 12, 18, 18, 24, 24, 36]);
    let target_hubs: Vec<String> = match rng.choose(&[(0u8, 70), (1, 25), (2, 5)]) {
        0 => Vec::new(),
        1 => vec!["jp".into()],
        _ => vec!["kr".into()],
    };
    let working_languages = draw_languages(&mut rng, lang, &target_hubs);
    let province = match rng.chance(70) {
        true => org.province,
        false => *rng.pick(PROVINCES),
    };
    let history = draw_history(&mut rng, status, org, author, staff, lang);
    let text = Words {
        cat,
        lang,
        primary,
        province,
        org,
        duration,
        deadline: history.deadline,
        engagement_kinds: &engagement_kinds,
        working_languages: &working_languages,
        budget: (budget_min, budget_max, currency),
    };
    let title = title(&mut rng, &text);
    let keyword_list = keywords(&mut rng, cat, &fields, lang, (3, 8));
    let summary = summary(&mut rng, &text);
    let description_md = description(&mut rng, &text, &title, &keyword_list);
    let problem = Problem {
        org_id: org.id,
        title,
        summary,
        description_md,
        fields: cat.codes(&fields),
        keywords: keyword_list,
        engagement_kinds: engagement_kinds.iter().map(|k| k.to_string()).collect(),
        mechanism: mechanism.map(String::from),
        budget_min,
        budget_max,
        currency: currency.map(String::from),
        location: Some(province.to_string()),
        duration_months: Some(duration),
        deadline: Some(history.deadline),
        target_hubs,
        working_languages,
        confidentiality: rng.choose(&[
            (Confidentiality::Public, 85),
            (Confidentiality::Members, 12),
            (Confidentiality::InviteOnly, 3),
        ]),
    };
    let facts = ProblemFacts {
        id,
        status,
        outcome: history.outcome,
        fields: fields.iter().map(|&f| f as u16).collect(),
        kinds: engagement_kinds
            .iter()
            .fold(0u8, |mask, k| mask | 1 << kind_index(k)),
        hubs: problem
            .target_hubs
            .iter()
            .fold(0u8, |mask, hub| mask | if hub == "jp" { 1 } else { 2 }),
        author,
        published_at: history.published_at,
        until: history.closed_at.or(history.expired_at).unwrap_or(ANCHOR) - Duration::hours(1),
    };
    let facet_values = problem_facets(cat, &fields, &problem, org.kind);
    let generated = GeneratedProblem {
        id,
        facet_values,
        org_id: org.id,
        author_id: author,
        problem,
        status,
        outcome: history.outcome,
        outcome_note: history.outcome_note,
        created_at: history.created_at,
        updated_at: history.updated_at,
        submitted_at: history.submitted_at,
        published_at: history.published_at,
        closed_at: history.closed_at,
        events: history.events,
    };
    (generated, facts)
}

/// The problem's facet values, as the database's `problem_facet_values` computes them.
fn problem_facets(cat: &Catalogue, fields: &[usize], p: &Problem, org_kind: &str) -> Vec<String> {
    let mut values = cat.field_facets(fields);
    values.extend(p.engagement_kinds.iter().map(|k| format!("engagement:{k}")));
    values.extend(p.mechanism.iter().map(|m| format!("mechanism:{m}")));
    values.push(format!("org_kind:{org_kind}"));
    let hubs = match p.target_hubs.is_empty() {
        true => &cat.hubs,
        false => &p.target_hubs,
    };
    values.extend(hubs.iter().map(|h| format!("hub:{h}")));
    values
}

const STATUSES: [Status; 7] = [
    Status::Published,
    Status::Closed,
    Status::Expired,
    Status::Draft,
    Status::Submitted,
    Status::ChangesRequested,
    Status::Rejected,
];

fn draw_kinds(rng: &mut Rng, org_kind: &str) -> Vec<&'static str> {
    let weights: &[(&'static str, u32)] = match org_kind {
        "ministry" | "agency" => &[
            ("science_council", 20),
            ("advisory", 25),
            ("lead_rnd_project", 20),
            ("joint_research", 15),
            ("partner_introduction", 10),
            ("short_teaching", 5),
            ("host_trainees", 5),
        ],
        "locality" => &[
            ("advisory", 30),
            ("lead_rnd_project", 20),
            ("joint_research", 20),
            ("partner_introduction", 15),
            ("short_teaching", 5),
            ("return_position", 10),
        ],
        "university" => &[
            ("joint_research", 30),
            ("short_teaching", 25),
            ("host_trainees", 20),
            ("return_position", 10),
            ("science_council", 5),
            ("lead_rnd_project", 10),
        ],
        "research_institute" => &[
            ("joint_research", 35),
            ("lead_rnd_project", 20),
            ("host_trainees", 15),
            ("science_council", 10),
            ("return_position", 10),
            ("advisory", 10),
        ],
        _ => &[
            ("advisory", 30),
            ("joint_research", 25),
            ("return_position", 15),
            ("lead_rnd_project", 15),
            ("partner_introduction", 10),
            ("host_trainees", 5),
        ],
    };
    let count = rng.choose(&[(1usize, 40), (2, 40), (3, 20)]);
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut attempts = 0;
    while kinds.len() < count && attempts < 40 {
        attempts += 1;
        let kind = rng.choose(weights);
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds.sort_by_key(|k| kind_index(k));
    kinds
}

fn mechanism_weights(org_kind: &str) -> &'static [(&'static str, u32)] {
    match org_kind {
        "ministry" | "agency" => &[
            ("joint_research_fund", 30),
            ("strategic_cooperation", 35),
            ("selection_call", 35),
        ],
        "locality" => &[("strategic_cooperation", 50), ("selection_call", 50)],
        "university" | "research_institute" => &[
            ("joint_research_fund", 50),
            ("strategic_cooperation", 20),
            ("selection_call", 30),
        ],
        _ => &[
            ("enterprise_sponsorship", 80),
            ("strategic_cooperation", 20),
        ],
    }
}

/// A range in round numbers: 0.5–20 billion đồng, 2–25 million yen or 20–200 thousand dollars.
fn draw_budget(rng: &mut Rng, org_kind: &str) -> (Option<i64>, Option<i64>, Option<&'static str>) {
    let currency = match org_kind {
        "enterprise" => rng.choose(&[("VND", 60), ("USD", 25), ("", 15)]),
        _ => rng.choose(&[("VND", 65), ("JPY", 12), ("USD", 8), ("", 15)]),
    };
    let (unit, low, high, cap) = match currency {
        "VND" => (500_000_000, 1, 16, 20_000_000_000),
        "JPY" => (1_000_000, 2, 10, 25_000_000),
        "USD" => (10_000, 2, 10, 200_000),
        _ => return (None, None, None),
    };
    let min = unit * rng.between(low, high);
    let step = unit / 5;
    let max = (min * rng.between(15, 30) / 10 / step * step).min(cap);
    (Some(min), Some(max.max(min)), Some(currency))
}

fn draw_languages(rng: &mut Rng, lang: Lang, hubs: &[String]) -> Vec<String> {
    let japan = hubs.is_empty() || hubs.iter().any(|h| h == "jp");
    let korea = hubs.is_empty() || hubs.iter().any(|h| h == "kr");
    let mut wanted = |code: &str| match code {
        "vi" => lang == Lang::Vi || rng.chance(60),
        "ja" => lang == Lang::Ja || (japan && rng.chance(35)),
        "en" => lang == Lang::En || rng.chance(45),
        _ => korea && rng.chance(8),
    };
    ["vi", "ja", "en", "ko"]
        .into_iter()
        .filter(|code| wanted(code))
        .map(String::from)
        .collect()
}

// --- history ------------------------------------------------------------------------------------

struct History {
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
    submitted_at: Option<OffsetDateTime>,
    published_at: Option<OffsetDateTime>,
    closed_at: Option<OffsetDateTime>,
    expired_at: Option<OffsetDateTime>,
    deadline: Date,
    outcome: Option<Outcome>,
    outcome_note: Option<String>,
    events: Vec<(&'static str, Option<i64>, Option<String>, OffsetDateTime)>,
}

fn gap(rng: &mut Rng, (low, high): (i64, i64)) -> Duration {
    Duration::days(rng.between(low, high)) + Duration::minutes(rng.between(0, 8 * 60))
}

/// The moves that bring a draft to `status`, as the review process makes them, checked with
/// the application's status machine; the times are built backwards from the last one.
fn draw_history(
    rng: &mut Rng,
    status: Status,
    org: &OrgFacts,
    author: i64,
    staff: &[i64],
    lang: Lang,
) -> History {
    use Action::*;
    let resubmitted = status == Status::Submitted && rng.chance(30);
    let moves: &[Action] = match status {
        Status::Draft => &[],
        Status::Submitted if resubmitted => &[Submit, RequestChanges, Submit],
        Status::Submitted => &[Submit],
        Status::ChangesRequested => &[Submit, RequestChanges],
        Status::Published => &[Submit, Approve],
        Status::Rejected => &[Submit, Reject],
        Status::Closed => &[Submit, Approve, Close],
        Status::Expired => &[Submit, Approve, Expire],
    };
    let mut check = Status::Draft;
    for &action in moves {
        check = transition(check, action).expect("a move the status machine allows");
    }
    assert_eq!(check, status, "the moves lead to the status");

    let past_deadline = ANCHOR.date() - Duration::days(rng.between(3, 200));
    let quiet = match status {
        Status::Draft => (1, 25),
        Status::Submitted => (1, 30),
        Status::ChangesRequested => (2, 20),
        Status::Published => (3, 150),
        Status::Rejected => (5, 120),
        Status::Closed => (5, 60),
        Status::Expired => (0, 0),
    };
    let last = match status {
        // The expiry task runs in the night after the deadline.
        Status::Expired => (past_deadline + Duration::days(1))
            .with_time(Time::MIDNIGHT)
            .assume_utc(),
        _ => ANCHOR - gap(rng, quiet) - Duration::hours(1),
    };
    let mut times = vec![last];
    for action in moves.iter().rev() {
        let days = match action {
            Submit => (1, 5),
            Approve | RequestChanges | Reject => (2, 12),
            Close => (30, 100),
            Expire => (40, 150),
        };
        let earlier = times[times.len() - 1] - gap(rng, days);
        times.push(earlier);
    }
    times.reverse();
    let created_at = times[0].max(org.created_at + Duration::hours(1));
    let reviewer = *rng.pick(staff);
    let outcome = (status == Status::Closed)
        .then(|| rng.choose(&[(Outcome::Fulfilled, 60), (Outcome::Withdrawn, 40)]));
    let outcome_note = outcome.map(|o| closing_note(rng, o, lang));
    let mut events = Vec::new();
    let mut history = History {
        created_at,
        updated_at: created_at,
        submitted_at: None,
        published_at: None,
        closed_at: None,
        expired_at: None,
        deadline: ANCHOR.date(),
        outcome,
        outcome_note: outcome_note.clone(),
        events: Vec::new(),
    };
    for (action, at) in moves.iter().zip(&times[1..]) {
        let at = (*at).max(created_at + Duration::minutes(30));
        let (event, actor, reason) = match action {
            Submit => {
                history.submitted_at = Some(at);
                ("submitted", Some(author), None)
            }
            Approve => {
                history.published_at = Some(at);
                ("approved", Some(reviewer), None)
            }
            RequestChanges => (
                "changes_requested",
                Some(reviewer),
                Some(rng.pick(CHANGES[lang_index(lang)]).to_string()),
            ),
            Reject => (
                "rejected",
                Some(reviewer),
                Some(rng.pick(REJECTIONS[lang_index(lang)]).to_string()),
            ),
            Close => {
                history.closed_at = Some(at);
                ("closed", Some(author), outcome_note.clone())
            }
            Expire => {
                history.expired_at = Some(at);
                ("expired", None, None)
            }
        };
        history.updated_at = at;
        events.push((event, actor, reason, at));
    }
    if moves.is_empty() {
        history.updated_at = created_at + gap(rng, (0, 3));
    }
    let days = |rng: &mut Rng, low, high| Duration::days(rng.between(low, high));
    history.deadline = match status {
        Status::Expired => past_deadline,
        // Kept as they were when decided.
        Status::Rejected | Status::Closed => created_at.date() + days(rng, 60, 150),
        // Far enough ahead that the expiry task leaves published problems alone for years.
        _ => ANCHOR.date() + days(rng, 200, 1100),
    };
    history.events = events;
    history
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Vi => 0,
        Lang::Ja => 1,
        Lang::En => 2,
    }
}

const CHANGES: [&[&str]; 3] = [
    &[
        "Đề nghị làm rõ kết quả đầu ra và tiêu chí nghiệm thu.",
        "Cần bổ sung dự toán kinh phí chi tiết và nguồn vốn đối ứng.",
        "Đề nghị nêu rõ yêu cầu về trình độ chuyên môn của chuyên gia.",
    ],
    &[
        "成果物と検収基準を明確にしてください。",
        "予算の内訳を追記してください。",
    ],
    &[
        "Please state the expected deliverables and acceptance criteria.",
        "Please add a detailed budget and the matching funds.",
    ],
];

const REJECTIONS: [&[&str]; 3] = [
    &[
        "Nội dung trùng với nhiệm vụ đang được thực hiện bằng ngân sách nhà nước.",
        "Đề bài nằm ngoài phạm vi hợp tác với nhà khoa học ở nước ngoài.",
    ],
    &["国家予算で実施中の課題と重複しています。"],
    &["This duplicates a task already funded from the state budget."],
];

fn closing_note(rng: &mut Rng, outcome: Outcome, lang: Lang) -> String {
    let notes: [&[&str]; 3] = match outcome {
        Outcome::Fulfilled => [
            &[
                "Đã ký hợp đồng hợp tác với nhà khoa học; nhiệm vụ đang được triển khai.",
                "Đã tìm được chuyên gia phù hợp và hoàn thành giai đoạn tư vấn.",
            ],
            &["研究者との協力契約を締結し、実施中です。"],
            &["A cooperation agreement was signed with the scientist; the work is under way."],
        ],
        Outcome::Withdrawn => [
            &[
                "Đơn vị điều chỉnh kế hoạch, tạm dừng đề bài.",
                "Nguồn kinh phí chưa được phê duyệt.",
            ],
            &["計画変更のため取り下げました。"],
            &["Withdrawn: the funding was not approved this year."],
        ],
    };
    rng.pick(notes[lang_index(lang)]).to_string()
}

// --- words --------------------------------------------------------------------------------------

struct Words<'a> {
    cat: &'a Catalogue,
    lang: Lang,
    primary: usize,
    province: &'static str,
    org: &'a OrgFacts,
    duration: i32,
    deadline: Date,
    engagement_kinds: &'a [&'static str],
    working_languages: &'a [String],
    budget: (Option<i64>, Option<i64>, Option<&'static str>),
}

impl Words<'_> {
    fn org_name(&self) -> &str {
        match self.lang {
            Lang::Vi => &self.org.name_vi,
            Lang::Ja => self.org.name_ja.as_deref().unwrap_or(&self.org.name_en),
            Lang::En => &self.org.name_en,
        }
    }
}

fn title(rng: &mut Rng, w: &Words) -> String {
    let field = &w.cat.fields[w.primary];
    let focus = rng.pick(&field.focus).get(w.lang);
    let topic = field.topic.get(w.lang);
    let sector = rng.pick(SECTORS).get(w.lang);
    let province = w.province;
    match (w.lang, rng.below(4)) {
        (Lang::Vi, 0) => format!("Ứng dụng {focus} trong {sector} tại {province}"),
        (Lang::Vi, 1) => format!("Nghiên cứu, phát triển giải pháp {topic} cho {sector}"),
        (Lang::Vi, 2) => format!("Đặt hàng nhiệm vụ: {focus}"),
        (Lang::Vi, _) => format!("Tìm chuyên gia về {topic} hỗ trợ {sector} tại {province}"),
        (Lang::Ja, 0) => format!("{province}の{sector}における{focus}の応用"),
        (Lang::Ja, 1) => format!("{sector}のための{topic}の研究開発"),
        (Lang::Ja, _) => format!("{focus}に関する専門家の募集"),
        (Lang::En, 0) => format!("Applying {focus} to {sector} in {province}"),
        (Lang::En, 1) => format!("Research and development in {topic} for {sector}"),
        (Lang::En, 2) => format!("Expert support wanted: {focus}"),
        (Lang::En, _) => format!("Building capacity in {topic} for {sector} in {province}"),
    }
}

const GOALS: &[(&str, &str, &str)] = &[
    (
        "nâng cao năng suất và chất lượng",
        "生産性と品質を高める",
        "raise productivity and quality",
    ),
    (
        "giảm chi phí vận hành",
        "運用コストを削減する",
        "cut operating costs",
    ),
    (
        "chuyển giao công nghệ cho doanh nghiệp trong nước",
        "国内企業へ技術移転する",
        "transfer the technology to domestic companies",
    ),
    (
        "đào tạo đội ngũ kỹ thuật tại chỗ",
        "現地の技術者を育成する",
        "train a local technical team",
    ),
    (
        "xây dựng tiêu chuẩn kỹ thuật",
        "技術基準を整備する",
        "draft technical standards",
    ),
    (
        "đánh giá và lựa chọn công nghệ phù hợp",
        "適切な技術を評価・選定する",
        "assess and choose a suitable technology",
    ),
];

fn goal(rng: &mut Rng, lang: Lang) -> &'static str {
    let (vi, ja, en) = *rng.pick(GOALS);
    match lang {
        Lang::Vi => vi,
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn summary(rng: &mut Rng, w: &Words) -> String {
    let topic = w.cat.fields[w.primary].topic.get(w.lang);
    let org = w.org_name();
    let goal = goal(rng, w.lang);
    let (province, months) = (w.province, w.duration);
    match w.lang {
        Lang::Vi => format!(
            "{org} cần chuyên gia về {topic} để {goal}. Kết quả dự kiến được triển khai tại \
             {province} trong {months} tháng."
        ),
        Lang::Ja => format!(
            "{org}は、{goal}ため、{topic}の専門家を求めています。成果は{months}か月かけて\
             {province}で展開する予定です。"
        ),
        Lang::En => format!(
            "{org} is looking for expertise in {topic} to {goal}. The results will be deployed \
             in {province} over {months} months."
        ),
    }
}

fn kind_label(kind: &str, lang: Lang) -> &'static str {
    let (vi, ja, en) = match kind {
        "joint_research" => ("hợp tác nghiên cứu chung", "共同研究", "joint research"),
        "host_trainees" => (
            "tiếp nhận đào tạo nhân lực ở nước ngoài",
            "研修生の受け入れ",
            "hosting trainees abroad",
        ),
        "short_teaching" => (
            "giảng dạy có thời hạn tại Việt Nam",
            "ベトナムでの短期講義",
            "short-term teaching in Vietnam",
        ),
        "science_council" => (
            "tham gia hội đồng khoa học chuyên ngành",
            "専門科学評議会への参加",
            "specialised science councils",
        ),
        "partner_introduction" => (
            "kết nối đối tác nước ngoài",
            "海外パートナーの紹介",
            "introducing foreign partners",
        ),
        "lead_rnd_project" => (
            "chủ trì nhiệm vụ KH&CN theo đặt hàng",
            "受託研究開発プロジェクトの主導",
            "leading a commissioned R&D project",
        ),
        "advisory" => (
            "tư vấn chiến lược, chính sách, chuyển giao công nghệ",
            "戦略・政策・技術移転に関する助言",
            "strategy, policy and technology-transfer advice",
        ),
        _ => (
            "về nước làm việc",
            "帰国しての就業",
            "returning to work in Vietnam",
        ),
    };
    match lang {
        Lang::Vi => vi,
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn language_label(code: &str, lang: Lang) -> &'static str {
    let (vi, ja, en) = match code {
        "vi" => ("tiếng Việt", "ベトナム語", "Vietnamese"),
        "ja" => ("tiếng Nhật", "日本語", "Japanese"),
        "en" => ("tiếng Anh", "英語", "English"),
        _ => ("tiếng Hàn", "韓国語", "Korean"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn money(amount: i64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The Markdown description: context, goals, what is asked of the expert, money and time.
fn description(rng: &mut Rng, w: &Words, title: &str, keywords: &[String]) -> String {
    let field = &w.cat.fields[w.primary];
    let focus = rng.pick(&field.focus).get(w.lang);
    let topic = field.topic.get(w.lang);
    let sector = rng.pick(SECTORS).get(w.lang);
    let goals: Vec<&str> = (0..3).map(|_| goal(rng, w.lang)).collect();
    let terms = keywords
        .iter()
        .take(4)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let sep = if w.lang == Lang::Ja { "、" } else { ", " };
    let kinds = w
        .engagement_kinds
        .iter()
        .map(|k| kind_label(k, w.lang))
        .collect::<Vec<_>>()
        .join(sep);
    let languages = w
        .working_languages
        .iter()
        .map(|l| language_label(l, w.lang))
        .collect::<Vec<_>>()
        .join(sep);
    let deadline = date_text(w.deadline);
    let (province, months) = (w.province, w.duration);
    let budget = match w.budget {
        (Some(min), Some(max), Some(currency)) => {
            format!("{}–{} {currency}", money(min), money(max))
        }
        _ => String::new(),
    };
    match w.lang {
        Lang::Vi => {
            let budget = match budget.is_empty() {
                true => "Kinh phí sẽ được thỏa thuận".to_string(),
                false => format!("Kinh phí dự kiến {budget}"),
            };
            format!(
                "# {title}\n\n## Bối cảnh\n\nNgành {sector} tại {province} đang đối mặt với nhiều \
                 thách thức; việc ứng dụng {focus} được xác định là ưu tiên trong giai đoạn \
                 2026–2030. Các công nghệ liên quan: {terms}.\n\n## Mục tiêu\n\n- {}\n- {}\n- {}\
                 \n\n## Yêu cầu đối với chuyên gia\n\n- Có kinh nghiệm về {topic}\n- Làm việc \
                 được bằng {languages}\n- Hình thức hợp tác: {kinds}\n\n## Kinh phí và thời gian\
                 \n\n{budget}; thời gian thực hiện {months} tháng; hạn đăng ký {deadline}.",
                goals[0], goals[1], goals[2]
            )
        }
        Lang::Ja => {
            let budget = match budget.is_empty() {
                true => "予算は協議のうえ決定します".to_string(),
                false => format!("予算は{budget}を予定しています"),
            };
            format!(
                "# {title}\n\n## 背景\n\n{province}の{sector}は多くの課題に直面しており、\
                 {focus}の活用が2026〜2030年の重点とされています。関連技術：{terms}。\n\n\
                 ## 目標\n\n- {}\n- {}\n- {}\n\n## 専門家への要件\n\n- {topic}の経験\n- \
                 作業言語：{languages}\n- 協力の形態：{kinds}\n\n## 予算と期間\n\n{budget}。\
                 期間は{months}か月、応募締切は{deadline}です。",
                goals[0], goals[1], goals[2]
            )
        }
        Lang::En => {
            let budget = match budget.is_empty() {
                true => "The budget is to be agreed".to_string(),
                false => format!("The expected budget is {budget}"),
            };
            format!(
                "# {title}\n\n## Context\n\n{sector} in {province} faces many challenges, and \
                 {focus} is a priority for 2026–2030. Related technologies: {terms}.\n\n\
                 ## Goals\n\n- {}\n- {}\n- {}\n\n## What we ask of the expert\n\n- Experience \
                 in {topic}\n- Working languages: {languages}\n- Kind of cooperation: {kinds}\n\n\
                 ## Budget and time\n\n{budget}; the work takes {months} months; applications \
                 close on {deadline}.",
                goals[0], goals[1], goals[2]
            )
        }
    }
}

// --- rows ---------------------------------------------------------------------------------------

use crate::matches::ranking::text::terms_of_problem;
pub(crate) use crate::problems::queries::search_document;

pub struct ProblemRows {
    pub problems: SearchRows,
    pub fields: CopyRows,
    pub engagements: CopyRows,
    pub languages: CopyRows,
    pub events: CopyRows,
}

impl ProblemRows {
    pub fn new() -> ProblemRows {
        ProblemRows {
            problems: SearchRows::new(
                "problems (id, org_id, author_id, title, summary, description_md, keywords, \
                 mechanism, budget_min, budget_max, currency, location, duration_months, \
                 deadline, target_hubs, confidentiality, status, outcome, outcome_note, \
                 created_at, updated_at, submitted_at, published_at, closed_at, facet_values, \
                 match_terms, search_doc)",
            ),
            fields: CopyRows::new("problem_fields (problem_id, field_code)"),
            engagements: CopyRows::new("problem_engagements (problem_id, kind)"),
            languages: CopyRows::new("problem_languages (problem_id, language_code)"),
            events: CopyRows::new(
                "problem_events (id, problem_id, actor_id, event, reason, created_at)",
            ),
        }
    }

    pub fn push(&mut self, g: &GeneratedProblem, next_event_id: &mut i64) {
        let p = &g.problem;
        self.problems
            .rows
            .int(g.id)
            .int(g.org_id)
            .int(g.author_id)
            .text(&p.title)
            .text(&p.summary)
            .text(&p.description_md)
            .text(&array_literal(&p.keywords))
            .opt_text(p.mechanism.as_deref())
            .opt_int(p.budget_min)
            .opt_int(p.budget_max)
            .opt_text(p.currency.as_deref())
            .opt_text(p.location.as_deref())
            .opt_int(p.duration_months.map(i64::from))
            .opt_date(p.deadline)
            .text(&array_literal(&p.target_hubs))
            .text(p.confidentiality.code())
            .text(g.status.code())
            .opt_text(g.outcome.map(|o| o.code()))
            .opt_text(g.outcome_note.as_deref())
            .time(g.created_at)
            .time(g.updated_at)
            .opt_time(g.submitted_at)
            .opt_time(g.published_at)
            .opt_time(g.closed_at)
            .text(&array_literal(&g.facet_values))
            .text(&array_literal(&terms_of_problem(p)))
            .end_row();
        self.problems.docs.push(search_document(p));
        for field in &p.fields {
            self.fields.int(g.id).text(field).end_row();
        }
        for kind in &p.engagement_kinds {
            self.engagements.int(g.id).text(kind).end_row();
        }
        for language in &p.working_languages {
            self.languages.int(g.id).text(language).end_row();
        }
        for (event, actor, reason, at) in &g.events {
            *next_event_id += 1;
            self.events
                .int(*next_event_id)
                .int(g.id)
                .opt_int(*actor)
                .text(event)
                .opt_text(reason.as_deref())
                .time(*at)
                .end_row();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::seed_bench::orgs::{OrgRows, generate as generate_org};
    use crate::problems::forms::{
        MAX_DESCRIPTION_CHARS, MAX_KEYWORD_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS,
    };

    #[test]
    fn problems_pass_the_form_rules_and_histories_are_in_order() {
        let cat = crate::cli::seed_bench::tests::catalogue();
        let mut rows = OrgRows::new();
        let mut next_user = 1000;
        let staff = [1, 2, 3];
        let orgs: Vec<OrgFacts> = (1..=30)
            .map(|n| generate_org(7, n, n as i64, &mut next_user, 1000, &staff, "x", &mut rows))
            .collect();
        let law = org_law(orgs.len());
        let mut statuses = std::collections::HashSet::new();
        for number in 1..=400 {
            let (g, facts) = generate(&cat, 7, number, number as i64, &orgs, &law, &staff);
            let p = &g.problem;
            statuses.insert(g.status);
            assert!(p.title.chars().count() <= MAX_TITLE_CHARS);
            assert!(p.summary.chars().count() <= MAX_SUMMARY_CHARS);
            assert!(p.description_md.chars().count() <= MAX_DESCRIPTION_CHARS);
            assert!(
                p.keywords
                    .iter()
                    .all(|k| k.chars().count() <= MAX_KEYWORD_CHARS)
            );
            assert!(!p.fields.is_empty() && !p.engagement_kinds.is_empty());
            assert!(!p.working_languages.is_empty());
            if let (Some(min), Some(max)) = (p.budget_min, p.budget_max) {
                assert!(min <= max && p.currency.is_some());
            }
            let mut at = g.created_at;
            for (_, _, _, when) in &g.events {
                assert!(*when >= at && *when < ANCHOR, "{}", p.title);
                at = *when;
            }
            assert_eq!(g.status == Status::Closed, g.outcome.is_some());
            if g.status == Status::Published {
                assert!(p.deadline.unwrap() > ANCHOR.date() + Duration::days(180));
            }
            if let Some(published) = facts.published_at {
                assert!(published < facts.until);
            }
        }
        assert_eq!(statuses.len(), 7, "every status: {statuses:?}");
    }
}
