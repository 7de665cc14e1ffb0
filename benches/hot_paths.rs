//! Instruction-count benchmark of the hot paths: the text analyser, the ranking of a fixed
//! candidate set, and the rendering of the problem board. `bench/instructions.sh` runs each case
//! under callgrind and compares the instruction count with `bench/instructions-baseline.txt`.
//!
//! ```sh
//! hot_paths --list            # every case and its iteration count, one a line
//! hot_paths CASE [N]          # set the case up, run it once to warm up, then N times
//! ```
//!
//! Everything here is deterministic, so the same binary executes the same instructions on every
//! run: fixed inputs written out below or built by a seeded generator, no clock, no database, no
//! `HashMap` of our own (its random seed would change probe lengths from run to run). What the
//! library does with `HashMap` internally (the ranking's field areas, Fluent's arguments) varies
//! a little; `bench/results/instructions-2026-11-22.md` has the measured spread.
//!
//! The warm-up run keeps one-time costs (lazy statics such as the Fluent catalogues, the first
//! allocations) out of the figure: the script subtracts the count of `CASE 0` (set-up and
//! warm-up only) from that of `CASE N`, and divides by N.

use std::hint::black_box;
use std::process::ExitCode;
use std::sync::Arc;

use askama::Template;
use knowbridge::i18n::Locale;
use knowbridge::matches::ranking::score::{
    Areas, Keywords, ProblemFacts, ScientistFacts, Scored, Window, keyword_terms, score_analysed,
};
use knowbridge::problems::board::{BoardQuery, Facet};
use knowbridge::problems::views::{BoardPage, BoardRow, FacetOption, FacetView, date_text};
use knowbridge::search::analyser::{analyse, tsquery};
use knowbridge::web::context::RequestContext;
use knowbridge::web::pagination::PageNav;
use time::{Date, Month};

/// A case: its name on the command line, how many times it runs, and the code.
struct Case {
    name: &'static str,
    /// Enough for the work to dwarf the noise of the set-up (a few tens of millions of
    /// instructions), few enough that callgrind needs about a second.
    iterations: u64,
    run: fn(u64),
}

const CASES: &[Case] = &[
    Case {
        name: "analyser",
        iterations: 20,
        run: analyser_case,
    },
    Case {
        name: "ranking",
        iterations: 3,
        run: ranking_case,
    },
    Case {
        name: "board_render",
        iterations: 100,
        run: board_render_case,
    },
];

const USAGE: &str =
    "usage: hot_paths --list | hot_paths CASE [ITERATIONS] (see bench/instructions.sh)";

fn main() -> ExitCode {
    // `cargo bench` adds `--bench`; it means nothing to a program without a libtest harness.
    let owned: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let args: Vec<&str> = owned.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["--list"] => {
            for case in CASES {
                println!("{} {}", case.name, case.iterations);
            }
            ExitCode::SUCCESS
        }
        [name] => run_case(name, None),
        [name, iterations] => run_case(name, Some(iterations)),
        // A bare `cargo bench` lands here: say how to use the program instead of failing.
        [] => {
            eprintln!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Runs case `name` the given number of times, or its own number.
fn run_case(name: &str, iterations: Option<&str>) -> ExitCode {
    let Some(case) = CASES.iter().find(|c| c.name == name) else {
        eprintln!("unknown case {name:?}; try --list");
        return ExitCode::from(2);
    };
    let iterations = match iterations.map(str::parse::<u64>) {
        None => case.iterations,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("the iteration count must be a whole number");
            return ExitCode::from(2);
        }
    };
    run_on_own_thread(case.run, iterations);
    ExitCode::SUCCESS
}

/// Runs the case on a thread of its own. The main thread's stack starts below the program's
/// arguments and environment, so its alignment changes with the length of the binary's path;
/// copies of small stack buffers (the Unicode iterators keep a few characters inline) then take
/// other paths through `memcpy`, and the analyser's count moved by up to 2 % with the path
/// alone. A new thread's stack is a fresh mapping, laid out the same way on every run.
fn run_on_own_thread(run: fn(u64), iterations: u64) {
    let worker = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || run(iterations))
        .expect("a thread for the benchmark");
    if let Err(panic) = worker.join() {
        std::panic::resume_unwind(panic);
    }
}

/// Runs `work` once to warm up, then `iterations` times.
fn repeat(iterations: u64, mut work: impl FnMut()) {
    work();
    for _ in 0..iterations {
        work();
    }
}

// ---------------------------------------------------------------------------------------------
// analyser

/// Texts as the platform indexes and searches them: problem titles and summaries (from the demo
/// data), profile summaries (as `seed-bench` writes them) in Vietnamese with diacritics,
/// Japanese and English, keywords, and short queries typed with and without diacritics.
const TEXTS: &[&str] = &[
    "Xây dựng mô hình ngôn ngữ lớn tiếng Việt phục vụ cơ quan nhà nước",
    "Bộ Khoa học và Công nghệ đặt hàng nghiên cứu, huấn luyện và đánh giá một mô hình ngôn ngữ \
     lớn (LLM) tiếng Việt có thể triển khai trên hạ tầng trong nước, phục vụ soạn thảo văn bản, \
     tra cứu pháp luật và trả lời câu hỏi của người dân.",
    "Đề xuất lộ trình đào tạo 50.000 kỹ sư bán dẫn, trọng tâm là nhân lực thiết kế vi mạch: \
     chuẩn đầu ra, chương trình khung và mô hình hợp tác với doanh nghiệp và đối tác nước ngoài.",
    "Tư vấn xây dựng chương trình KH&CN quốc gia về công nghệ lượng tử: lựa chọn hướng ưu tiên \
     (tính toán, truyền thông, cảm biến lượng tử), năng lực cần đầu tư và đối tác quốc tế phù hợp.",
    "Trong 12 năm ở Nhật Bản, tôi đã tích lũy nhiều kinh nghiệm về bộ biến đổi điện tử công suất \
     cho xe điện và năng lượng tái tạo. **English:** I work on power converters at Kyoto University.",
    "現在は特に画像認識のための深層学習モデル（自然言語処理）に力を入れています。",
    "日本に来て15年、次世代リチウムイオン電池の電極材料の経験を積んできました。\
     主な研究テーマはスパッタリング法による機能性薄膜です。",
    "ベトナム科学技術アカデミーと共同で、省電力な組込みシステムとIoT機器、\
     レーダーとセンサのためのディジタル信号処理を研究しています。",
    "My current focus is deep learning models for computer vision, in particular \
     self-supervised contrastive learning for low-resource Vietnamese speech recognition.",
    "A GaN-Based Bidirectional Converter with 98.5% Efficiency for Vehicle-to-Grid Applications",
    "Over 8 years in South Korea I have built up experience in scalable cloud architectures, \
     high-performance computing for scientific simulation and software testing.",
    "học máy, thị giác máy tính, xử lý ngôn ngữ tự nhiên, 機械学習, 半導体設計, RISC-V, \
     SoC verification, điện toán đám mây",
    "ＡＩ　ﾃﾞｰﾀ解析　ＣＯＶＩＤ１９",
    "ban dan cong suat",
    "bán dẫn công suất",
    "半導体",
];

fn analyser_case(iterations: u64) {
    let mut terms = 0;
    repeat(iterations, || {
        terms = 0;
        for text in TEXTS {
            terms += black_box(analyse(black_box(text))).len();
            black_box(tsquery(black_box(text)));
        }
    });
    println!(
        "analyser: {iterations} passes over {} texts, {terms} terms a pass",
        TEXTS.len()
    );
}

// ---------------------------------------------------------------------------------------------
// ranking

/// A small, seeded generator (SplitMix64): the same candidates on every run and every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards the start of `0..n` (the minimum of two draws), as popular fields and
    /// keywords are much more common than rare ones.
    fn skewed(&mut self, n: usize) -> usize {
        self.below(n).min(self.below(n))
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// `count` different items of `pool`, skewed towards its start.
    fn pick_skewed(&mut self, pool: &[&str], count: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(count);
        while out.len() < count.min(pool.len()) {
            let item = pool[self.skewed(pool.len())];
            if !out.iter().any(|o| o == item) {
                out.push(item.to_string());
            }
        }
        out
    }
}

/// Field codes, most popular first, with their areas (the taxonomy's parents).
const FIELDS: &[(&str, &str)] = &[
    ("tech.ai", "tech"),
    ("oecd.1.2", "oecd.1"),
    ("oecd.2.2", "oecd.2"),
    ("semi.chip_design", "semi"),
    ("tech.big_data", "tech"),
    ("oecd.2.5", "oecd.2"),
    ("semi.materials", "semi"),
    ("tech.robotics", "tech"),
    ("oecd.2.3", "oecd.2"),
    ("semi.fabrication", "semi"),
    ("tech.digital_transformation", "tech"),
    ("oecd.1.3", "oecd.1"),
    ("tech.new_materials", "tech"),
    ("oecd.2.1", "oecd.2"),
    ("tech.cybersecurity", "tech"),
    ("oecd.1.4", "oecd.1"),
    ("semi.packaging", "semi"),
    ("tech.mobile_networks", "tech"),
    ("oecd.2.7", "oecd.2"),
    ("oecd.3.2", "oecd.3"),
    ("tech.quantum", "tech"),
    ("oecd.4.1", "oecd.4"),
    ("oecd.2.10", "oecd.2"),
    ("oecd.5.2", "oecd.5"),
    ("tech.biotech", "tech"),
    ("oecd.1.1", "oecd.1"),
    ("oecd.3.1", "oecd.3"),
    ("oecd.6.2", "oecd.6"),
];

/// Keywords as scientists write them, in the three languages, most common first.
const KEYWORDS: &[&str] = &[
    "machine learning",
    "học máy",
    "深層学習",
    "deep learning",
    "bán dẫn",
    "power electronics",
    "thiết kế vi mạch",
    "computer vision",
    "半導体",
    "xử lý ngôn ngữ tự nhiên",
    "embedded systems",
    "điện tử công suất",
    "機械学習",
    "cloud computing",
    "VLSI design",
    "hệ thống nhúng",
    "GaN power devices",
    "パワー半導体",
    "battery materials",
    "vật liệu màng mỏng",
    "RISC-V",
    "analog circuit design",
    "集積回路設計",
    "thin films",
    "SoC verification",
    "điều khiển tự động",
    "信号処理",
    "reinforcement learning",
    "large language models",
    "điện toán đám mây",
    "composites",
    "Internet vạn vật",
    "材料科学",
    "signal processing",
    "distributed systems",
    "thị giác máy tính",
];

const KINDS: &[&str] = &[
    "joint_research",
    "advisory",
    "short_teaching",
    "host_trainees",
    "science_council",
    "partner_introduction",
    "lead_rnd_project",
    "return_position",
];

const HUBS: &[&str] = &["jp", "jp", "jp", "kr", "us", "de"];

/// A candidate as the pool query returns it, owned.
struct Candidate {
    user_id: i64,
    fields: Vec<String>,
    keywords: Vec<String>,
    kinds: Vec<String>,
    languages: Vec<String>,
    hub: String,
    available_from: Option<Date>,
    available_until: Option<Date>,
    text_rank: f32,
}

impl Candidate {
    fn facts(&self) -> ScientistFacts<'_> {
        ScientistFacts {
            fields: &self.fields,
            keywords: &self.keywords,
            engagement_kinds: &self.kinds,
            languages: &self.languages,
            hub: &self.hub,
            available_from: self.available_from,
            available_until: self.available_until,
        }
    }
}

/// The size of the pool the candidates page ranks for a popular problem.
const CANDIDATES: usize = 500;

fn candidates() -> Vec<Candidate> {
    let mut rng = SplitMix(20261122);
    let field_codes: Vec<&str> = FIELDS.iter().map(|(code, _)| *code).collect();
    (0..CANDIDATES)
        .map(|index| {
            let mut languages = vec!["vi".to_string()];
            for (language, percent) in [("en", 80), ("ja", 45), ("ko", 10)] {
                if rng.chance(percent) {
                    languages.push(language.to_string());
                }
            }
            let available_from = rng.chance(60).then(|| first_of_month(2026, rng.below(18)));
            let available_until = rng.chance(40).then(|| first_of_month(2027, rng.below(24)));
            let field_count = 1 + rng.below(3);
            let fields = rng.pick_skewed(&field_codes, field_count);
            let keyword_count = 2 + rng.below(5);
            let keywords = rng.pick_skewed(KEYWORDS, keyword_count);
            let kind_count = 1 + rng.below(3);
            let kinds = rng.pick_skewed(KINDS, kind_count);
            Candidate {
                user_id: 1000 + index as i64,
                fields,
                keywords,
                kinds,
                languages,
                hub: HUBS[rng.below(HUBS.len())].to_string(),
                available_from,
                available_until,
                text_rank: (rng.below(300) as f32) / 1000.0,
            }
        })
        .collect()
}

/// The first day of the month `months` after January of `year`.
fn first_of_month(year: i32, months: usize) -> Date {
    let year = year + (months / 12) as i32;
    let month = Month::try_from((months % 12) as u8 + 1).unwrap();
    Date::from_calendar_date(year, month, 1).unwrap()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn ranking_case(iterations: u64) {
    let areas = Areas::from_pairs(FIELDS);
    let pool = candidates();
    let fields = strings(&["semi.chip_design", "oecd.2.2", "tech.ai"]);
    let keywords = strings(&[
        "thiết kế vi mạch",
        "VLSI design",
        "半導体設計",
        "power electronics",
        "RISC-V",
    ]);
    let kinds = strings(&["joint_research", "advisory", "lead_rnd_project"]);
    let languages = strings(&["vi", "en"]);
    let target_hubs = strings(&["jp", "kr"]);
    let today = Date::from_calendar_date(2026, Month::November, 22).unwrap();
    let deadline = Date::from_calendar_date(2027, Month::March, 31).unwrap();
    let problem = ProblemFacts {
        fields: &fields,
        keywords: &keywords,
        engagement_kinds: &kinds,
        languages: &languages,
        target_hubs: &target_hubs,
        window: Window::for_problem(today, Some(deadline), Some(12)),
    };
    let mut ranked_count = 0;
    repeat(iterations, || {
        let ranked = rank(black_box(&problem), black_box(&pool), &areas);
        ranked_count = ranked.len();
        black_box(ranked);
    });
    println!("ranking: {iterations} rankings of {CANDIDATES} candidates, {ranked_count} scored");
}

/// Score every candidate and sort best first, ties by user id: what `engine::candidates` does
/// with the pool.
fn rank<'a>(
    problem: &ProblemFacts,
    pool: &'a [Candidate],
    areas: &Areas,
) -> Vec<(&'a Candidate, Scored)> {
    let wanted = keyword_terms(problem.keywords);
    let mut ranked: Vec<(&Candidate, Scored)> = pool
        .iter()
        .filter_map(|c| {
            let keywords = Keywords {
                wanted: &wanted,
                offered: &keyword_terms(&c.keywords),
            };
            let scored = score_analysed(problem, &c.facts(), &keywords, c.text_rank, areas)?;
            Some((c, scored))
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.1.total
            .total_cmp(&a.1.total)
            .then(a.0.user_id.cmp(&b.0.user_id))
    });
    ranked
}

// ---------------------------------------------------------------------------------------------
// board_render

/// Board results as the demo data has them: (title, summary, organisation, kind label key).
const ROWS: &[(&str, &str, &str, &str)] = &[
    (
        "Xây dựng mô hình ngôn ngữ lớn tiếng Việt phục vụ cơ quan nhà nước",
        "Bộ Khoa học và Công nghệ đặt hàng nghiên cứu, huấn luyện và đánh giá một mô hình ngôn ngữ \
         lớn (LLM) tiếng Việt có thể triển khai trên hạ tầng trong nước.",
        "Bộ Khoa học và Công nghệ",
        "org-kind-ministry",
    ),
    (
        "Lộ trình phát triển nguồn nhân lực thiết kế vi mạch đến năm 2030",
        "Đề xuất lộ trình đào tạo 50.000 kỹ sư bán dẫn, trọng tâm là nhân lực thiết kế vi mạch: \
         chuẩn đầu ra, chương trình khung và mô hình hợp tác với doanh nghiệp.",
        "Trường Đại học Bách khoa Hà Nội",
        "org-kind-university",
    ),
    (
        "Mô hình phòng thí nghiệm chế tạo bán dẫn dùng chung quy mô quốc gia",
        "Đánh giá phương án đầu tư, vận hành và chia sẻ một phòng sạch chế tạo bán dẫn dùng chung \
         cho viện, trường và doanh nghiệp khởi nghiệp.",
        "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        "org-kind-research-institute",
    ),
    (
        "Power converters for electric buses in Da Nang",
        "We need a design review of the GaN-based traction converters of our electric bus fleet \
         and a plan to qualify a local supplier.",
        "UBND Thành phố Đà Nẵng",
        "org-kind-locality",
    ),
    (
        "次世代リチウムイオン電池の電極材料の評価",
        "バクニン省の工業団地で製造する電池セルについて、電極材料の評価方法と品質基準を助言してください。",
        "Sở Khoa học và Công nghệ tỉnh Bắc Ninh",
        "org-kind-locality",
    ),
];

fn board_render_case(iterations: u64) {
    let mut ctx = RequestContext::fallback(&Default::default(), Arc::from("bench"));
    ctx.locale = Locale::Vi;
    ctx.path = "/problems?q=b%C3%A1n+d%E1%BA%ABn&field=semi.chip_design&page=2".into();
    let query = BoardQuery {
        q: "bán dẫn".into(),
        field: "semi.chip_design".into(),
        page: Some("2".into()),
        ..Default::default()
    };
    let page = BoardPage {
        ctx: &ctx,
        facets: facets(&query),
        results: board_rows(ctx.locale),
        total: 137,
        estimated: false,
        nav: PageNav::new(2, 7, |n| query.href(n)),
        sort: query.sort(),
        sorts: query.sort_options(),
        can_write: false,
        query,
    };
    let mut bytes = 0;
    repeat(iterations, || {
        bytes = black_box(black_box(&page).render().unwrap()).len();
    });
    println!(
        "board_render: {iterations} renderings of {} rows, {bytes} bytes each",
        page.results.len()
    );
}

/// Twenty rows, the board's page size, from the five above in turn.
fn board_rows(locale: Locale) -> Vec<BoardRow> {
    let deadline = Date::from_calendar_date(2027, Month::March, 31).unwrap();
    (0..20)
        .map(|index| {
            let (title, summary, org, kind) = ROWS[index % ROWS.len()];
            BoardRow {
                id: 4200 + index as i64,
                title: title.into(),
                title_lang: knowbridge::problems::views::other_lang(locale, title),
                summary: summary.into(),
                summary_lang: knowbridge::problems::views::other_lang(locale, summary),
                org_name: org.into(),
                org_lang: "vi",
                org_kind_key: kind,
                fields: "Thiết kế chip bán dẫn, Kỹ thuật điện, kỹ thuật điện tử".into(),
                engagements: "Hợp tác nghiên cứu chung, Tư vấn chuyên môn".into(),
                deadline: (index % 4 != 3).then(|| date_text(locale, deadline)),
            }
        })
        .collect()
}

/// The five facets with the options a search for "bán dẫn" leaves, with counts.
fn facets(query: &BoardQuery) -> Vec<FacetView> {
    Facet::ALL
        .into_iter()
        .map(|facet| {
            let (label_key, options): (&str, &[(&str, &str)]) = match facet {
                Facet::Field => ("board-facet-field", FIELD_OPTIONS),
                Facet::Engagement => ("board-facet-engagement", ENGAGEMENT_OPTIONS),
                Facet::Mechanism => ("board-facet-mechanism", MECHANISM_OPTIONS),
                Facet::OrgKind => ("board-facet-org-kind", ORG_KIND_OPTIONS),
                Facet::Hub => ("board-facet-hub", HUB_OPTIONS),
            };
            let chosen = query.value(facet);
            FacetView {
                name: facet.name(),
                label_key,
                options: options
                    .iter()
                    .enumerate()
                    .map(|(index, (code, label))| FacetOption {
                        code: code.to_string(),
                        label: label.to_string(),
                        count: 3 + (index as i64 * 7) % 40,
                        selected: *code == chosen,
                    })
                    .collect(),
            }
        })
        .collect()
}

const FIELD_OPTIONS: &[(&str, &str)] = &[
    ("oecd.1.2", "Khoa học máy tính và thông tin"),
    ("oecd.1.3", "Vật lý"),
    (
        "oecd.2.2",
        "Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin",
    ),
    ("oecd.2.3", "Kỹ thuật cơ khí"),
    ("oecd.2.5", "Kỹ thuật vật liệu"),
    ("oecd.2.10", "Công nghệ nano"),
    ("oecd.5.3", "Khoa học giáo dục"),
    ("tech.ai", "Trí tuệ nhân tạo"),
    ("tech.new_materials", "Vật liệu mới"),
    ("tech.digital_transformation", "Chuyển đổi số"),
    ("semi.chip_design", "Thiết kế chip bán dẫn"),
    ("semi.materials", "Vật liệu bán dẫn"),
    ("semi.packaging", "Đóng gói tiên tiến"),
    ("semi.fabrication", "Chế tạo bán dẫn"),
];

const ENGAGEMENT_OPTIONS: &[(&str, &str)] = &[
    ("joint_research", "Hợp tác nghiên cứu chung"),
    ("host_trainees", "Tiếp nhận đào tạo nhân lực ở nước ngoài"),
    ("short_teaching", "Giảng dạy có thời hạn tại Việt Nam"),
    ("science_council", "Tham gia hội đồng khoa học chuyên ngành"),
    ("partner_introduction", "Kết nối đối tác nước ngoài"),
    ("lead_rnd_project", "Chủ trì nhiệm vụ KH&CN theo đặt hàng"),
    ("advisory", "Tư vấn chuyên môn"),
    ("return_position", "Về nước làm việc"),
];

const MECHANISM_OPTIONS: &[(&str, &str)] = &[
    (
        "joint_research_fund",
        "Chương trình nghiên cứu chung của quỹ KH&CN hai nước",
    ),
    (
        "selection_call",
        "Tuyển chọn, giao trực tiếp nhiệm vụ KH&CN",
    ),
    ("strategic_cooperation", "Hợp tác chiến lược"),
    ("enterprise_sponsorship", "Doanh nghiệp đặt hàng và tài trợ"),
];

const ORG_KIND_OPTIONS: &[(&str, &str)] = &[
    ("ministry", "Bộ, ngành"),
    ("agency", "Cơ quan, quỹ"),
    ("locality", "Địa phương"),
    ("university", "Trường đại học"),
    ("research_institute", "Viện nghiên cứu"),
    ("enterprise", "Doanh nghiệp"),
];

const HUB_OPTIONS: &[(&str, &str)] = &[("jp", "Nhật Bản"), ("kr", "Hàn Quốc")];
