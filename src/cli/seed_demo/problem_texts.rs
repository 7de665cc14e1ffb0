//! The words of the demo organisations and technology problems: who asks, and what for.
//!
//! Written by hand, as a ministry, a province, a university or a company would write a "bài
//! toán công nghệ (đặt hàng)": about four in five in Vietnamese, the rest in English. The
//! numbers around the words (budgets, dates, engagement kinds, languages) are drawn in
//! `problems.rs`; what a topic fixes here (its status, hubs, confidentiality) it fixes on
//! purpose, so that the demo shows every case.

use super::Lang::{self, En};
use crate::problems::model::Confidentiality::{self, InviteOnly, Members};
#[cfg(test)]
use crate::problems::model::Status;

pub(super) struct DemoOrg {
    /// The key: a run skips an organisation whose English name exists.
    pub name_en: &'static str,
    pub name_vi: &'static str,
    pub name_ja: Option<&'static str>,
    pub kind: &'static str,
    pub website: Option<&'static str>,
    /// `verified`, `unverified` or `rejected`.
    pub status: &'static str,
    /// Whether the demo owner belongs to it (and so wrote its problems).
    pub owner_member: bool,
    /// Where its problems take place unless they say otherwise.
    pub location: &'static str,
    /// How long ago it registered; older than any of its problems.
    pub age_days: i64,
}

/// Where a problem's history ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Plan {
    Draft,
    Submitted,
    /// Submitted, returned for changes, edited and submitted again: back in the queue.
    Resubmitted,
    ChangesRequested,
    Published,
    Rejected,
    ClosedFulfilled,
    ClosedWithdrawn,
    Expired,
}

#[cfg(test)]
impl Plan {
    pub(super) fn status(self) -> Status {
        match self {
            Plan::Draft => Status::Draft,
            Plan::Submitted | Plan::Resubmitted => Status::Submitted,
            Plan::ChangesRequested => Status::ChangesRequested,
            Plan::Published => Status::Published,
            Plan::Rejected => Status::Rejected,
            Plan::ClosedFulfilled | Plan::ClosedWithdrawn => Status::Closed,
            Plan::Expired => Status::Expired,
        }
    }
}

/// The budget's currency, or no budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Money {
    Vnd,
    Jpy,
    Usd,
    None,
}

/// One problem as its organisation wrote it.
pub(super) struct Topic {
    /// Index into `ORGS`.
    pub org: usize,
    pub plan: Plan,
    /// `Vi` or `En`.
    pub lang: Lang,
    pub title: &'static str,
    pub summary: &'static str,
    pub context: &'static str,
    pub goals: [&'static str; 3],
    pub fields: &'static [&'static str],
    pub keywords: &'static [&'static str],
    /// The engagement kinds sought; empty: drawn from what the organisation's kind asks for.
    pub engage: &'static [&'static str],
    pub hubs: &'static [&'static str],
    pub conf: Confidentiality,
    pub money: Money,
    pub location: Option<&'static str>,
    /// The staff's reason (changes requested, rejected) or the closing note; empty: a stock one.
    pub note: &'static str,
}

// The organisations, by their index in ORGS.
const MOST: usize = 0;
const MAE: usize = 1;
const NAFOSTED: usize = 2;
const BAC_NINH: usize = 3;
const DA_NANG: usize = 4;
const HUST: usize = 5;
const VAST: usize = 6;
const FPT: usize = 7;
const SAO_MAI: usize = 8;

/// Keyed on `name_en`: a second run finds them by it and creates nothing.
pub(super) const ORGS: &[DemoOrg] = &[
    DemoOrg {
        name_en: "Ministry of Science and Technology",
        name_vi: "Bộ Khoa học và Công nghệ",
        name_ja: Some("ベトナム科学技術省"),
        kind: "ministry",
        website: Some("https://mst.gov.vn"),
        status: "verified",
        owner_member: true,
        location: "Hà Nội",
        age_days: 330,
    },
    DemoOrg {
        name_en: "Ministry of Agriculture and Environment",
        name_vi: "Bộ Nông nghiệp và Môi trường",
        name_ja: Some("ベトナム農業環境省"),
        kind: "ministry",
        website: Some("https://mae.gov.vn"),
        status: "verified",
        owner_member: false,
        location: "Hà Nội",
        age_days: 320,
    },
    DemoOrg {
        name_en: "National Foundation for Science and Technology Development (NAFOSTED)",
        name_vi: "Quỹ Phát triển khoa học và công nghệ Quốc gia (NAFOSTED)",
        name_ja: Some("ベトナム国家科学技術開発基金（NAFOSTED）"),
        kind: "agency",
        website: Some("https://nafosted.gov.vn"),
        status: "verified",
        owner_member: false,
        location: "Hà Nội",
        age_days: 310,
    },
    DemoOrg {
        name_en: "Bac Ninh Department of Science and Technology",
        name_vi: "Sở Khoa học và Công nghệ tỉnh Bắc Ninh",
        name_ja: Some("バクニン省科学技術局"),
        kind: "locality",
        website: Some("https://sokhcn.bacninh.gov.vn"),
        status: "verified",
        owner_member: false,
        location: "Bắc Ninh",
        age_days: 300,
    },
    DemoOrg {
        name_en: "Da Nang City People's Committee",
        name_vi: "UBND Thành phố Đà Nẵng",
        name_ja: Some("ダナン市人民委員会"),
        kind: "locality",
        website: Some("https://danang.gov.vn"),
        status: "verified",
        owner_member: false,
        location: "Đà Nẵng",
        age_days: 295,
    },
    DemoOrg {
        name_en: "Hanoi University of Science and Technology",
        name_vi: "Trường Đại học Bách khoa Hà Nội",
        name_ja: Some("ハノイ工科大学"),
        kind: "university",
        website: Some("https://hust.edu.vn"),
        status: "verified",
        owner_member: false,
        location: "Hà Nội",
        age_days: 290,
    },
    DemoOrg {
        name_en: "Vietnam Academy of Science and Technology",
        name_vi: "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        name_ja: Some("ベトナム科学技術アカデミー"),
        kind: "research_institute",
        website: Some("https://vast.gov.vn"),
        status: "verified",
        owner_member: false,
        location: "Hà Nội",
        age_days: 285,
    },
    DemoOrg {
        name_en: "FPT Corporation",
        name_vi: "Công ty Cổ phần FPT",
        name_ja: Some("FPTコーポレーション"),
        kind: "enterprise",
        website: Some("https://fpt.com"),
        status: "verified",
        owner_member: true,
        location: "Hà Nội, Đà Nẵng và TP. Hồ Chí Minh",
        age_days: 280,
    },
    // Fictional, and still waiting for the embassy: its problems cannot be approved yet.
    DemoOrg {
        name_en: "Sao Mai Semiconductor Technology Co., Ltd.",
        name_vi: "Công ty TNHH Công nghệ Bán dẫn Sao Mai",
        name_ja: None,
        kind: "enterprise",
        website: None,
        status: "unverified",
        owner_member: true,
        location: "TP. Hồ Chí Minh",
        age_days: 45,
    },
    // Fictional, and refused: a consultancy that resells introductions is not a problem owner.
    DemoOrg {
        name_en: "Anh Duong International Technology Transfer Consulting Centre",
        name_vi: "Trung tâm Tư vấn Chuyển giao Công nghệ Quốc tế Ánh Dương",
        name_ja: None,
        kind: "enterprise",
        website: None,
        status: "rejected",
        owner_member: false,
        location: "Hà Nội",
        age_days: 120,
    },
];

/// What the staff write when they ask for changes, in the problem's language.
pub(super) const CHANGES_VI: &[&str] = &[
    "Đề nghị nêu rõ sản phẩm đầu ra, tiêu chí nghiệm thu và dự toán kinh phí theo từng hạng \
     mục trước khi công bố.",
    "Phần mô tả chưa nêu dữ liệu và điều kiện thử nghiệm mà đơn vị sẽ cung cấp cho chuyên gia; \
     đề nghị bổ sung.",
    "Thời hạn nhận hồ sơ quá ngắn so với quy mô nhiệm vụ; đề nghị gia hạn thêm ít nhất 60 ngày.",
];
pub(super) const CHANGES_EN: &[&str] = &[
    "Please state the expected deliverables, how they will be accepted and the budget per work \
     package before we publish.",
    "The description does not say which data and test facilities you will give the experts; \
     please add this.",
];
pub(super) const REJECT_VI: &[&str] = &["Nội dung trùng với nhiệm vụ đang được thực hiện bằng \
    ngân sách nhà nước; không phù hợp để kêu gọi chuyên gia ở nước ngoài."];
pub(super) const REJECT_EN: &[&str] = &["This duplicates a task already funded from the state \
    budget, so it is not suitable for a call to scientists abroad."];
pub(super) const FULFILLED_VI: &[&str] = &[
    "Đã lựa chọn được nhóm chuyên gia phù hợp qua nền tảng; hợp đồng thực hiện đã được ký kết.",
    "Chuyên gia tại Nhật Bản đã nhận chủ trì nhiệm vụ; đơn vị đóng bài toán để không nhận thêm \
     hồ sơ.",
];
pub(super) const WITHDRAWN_VI: &[&str] = &[
    "Đơn vị đã bố trí được nguồn lực trong nước để tự thực hiện; dừng kêu gọi.",
    "Nhiệm vụ được lồng ghép vào một chương trình KH&CN cấp quốc gia khác; đơn vị rút bài toán.",
];
pub(super) const FULFILLED_EN: &[&str] =
    &["We selected a team through the platform and the contract has been signed."];
pub(super) const WITHDRAWN_EN: &[&str] =
    &["The work was taken over by an internal team, so we stopped the call."];

/// The engagement kinds an organisation of this kind usually asks for, with weights.
pub(super) fn engagement_weights(org_kind: &str) -> &'static [(&'static str, u32)] {
    match org_kind {
        "ministry" => &[
            ("lead_rnd_project", 25),
            ("advisory", 25),
            ("science_council", 20),
            ("joint_research", 15),
            ("partner_introduction", 15),
        ],
        "agency" => &[
            ("joint_research", 40),
            ("science_council", 30),
            ("lead_rnd_project", 15),
            ("partner_introduction", 15),
        ],
        "locality" => &[
            ("advisory", 30),
            ("lead_rnd_project", 25),
            ("joint_research", 20),
            ("partner_introduction", 15),
            ("short_teaching", 10),
        ],
        "university" => &[
            ("joint_research", 30),
            ("host_trainees", 25),
            ("short_teaching", 25),
            ("return_position", 10),
            ("science_council", 10),
        ],
        "research_institute" => &[
            ("joint_research", 40),
            ("host_trainees", 25),
            ("lead_rnd_project", 15),
            ("short_teaching", 10),
            ("science_council", 10),
        ],
        _ => &[
            ("joint_research", 30),
            ("advisory", 25),
            ("return_position", 20),
            ("partner_introduction", 15),
            ("host_trainees", 10),
        ],
    }
}

/// The mechanisms an organisation of this kind usually uses, with weights.
pub(super) fn mechanism_weights(org_kind: &str) -> &'static [(&'static str, u32)] {
    match org_kind {
        "ministry" => &[
            ("strategic_cooperation", 40),
            ("selection_call", 40),
            ("joint_research_fund", 20),
        ],
        "agency" => &[("joint_research_fund", 70), ("selection_call", 30)],
        "locality" => &[("selection_call", 60), ("strategic_cooperation", 40)],
        "university" => &[
            ("joint_research_fund", 50),
            ("selection_call", 30),
            ("strategic_cooperation", 20),
        ],
        "research_institute" => &[("joint_research_fund", 70), ("strategic_cooperation", 30)],
        _ => &[("enterprise_sponsorship", 85), ("joint_research_fund", 15)],
    }
}

/// What a description says besides the topic's own words.
pub(super) struct Particulars<'a> {
    pub engagement_kinds: &'a [String],
    pub mechanism: Option<&'a str>,
    pub duration: i32,
    pub languages: &'a [String],
}

/// The Markdown description: background, objectives, what the experts would do, conditions.
pub(super) fn description(topic: &Topic, org: &DemoOrg, p: Particulars<'_>) -> String {
    let lang = topic.lang;
    let [g1, g2, g3] = topic.goals;
    let offers: String = p
        .engagement_kinds
        .iter()
        .map(|k| format!("- {}\n", engagement_phrase(k, lang)))
        .collect();
    let languages = p
        .languages
        .iter()
        .map(|l| language_name(l, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let framework = p.mechanism.map(|m| mechanism_phrase(m, lang));
    let (context, duration) = (topic.context, p.duration);
    if lang == En {
        let framework = framework
            .map(|f| format!("- Framework: {f}.\n"))
            .unwrap_or_default();
        format!(
            "# Background\n\n{context}\n\n# Objectives\n\n- {g1}\n- {g2}\n- {g3}\n\n\
             # What we are looking for\n\n{} would welcome Vietnamese scientists and engineers \
             abroad for:\n\n{offers}\n# Practical details\n\n- Expected duration: {duration} \
             months.\n{framework}- Working languages: {languages}.\n- Applicants should have \
             hands-on research or industrial experience in the field; experience leading \
             international projects is an advantage.\n",
            org.name_en
        )
    } else {
        let framework = framework
            .map(|f| format!("- Cơ chế thực hiện: {f}.\n"))
            .unwrap_or_default();
        format!(
            "# Bối cảnh\n\n{context}\n\n# Mục tiêu\n\n- {g1}.\n- {g2}.\n- {g3}.\n\n\
             # Nội dung cần chuyên gia hỗ trợ\n\n{} mong muốn mời các nhà khoa học, chuyên \
             gia Việt Nam ở nước ngoài tham gia theo các hình thức:\n\n{offers}\n\
             # Yêu cầu và điều kiện\n\n- Thời gian thực hiện dự kiến: {duration} tháng.\n\
             {framework}- Ngôn ngữ làm việc: {languages}.\n- Chuyên gia có kinh nghiệm \
             nghiên cứu hoặc triển khai thực tế trong lĩnh vực liên quan; ưu tiên người đã \
             chủ trì dự án quốc tế.\n",
            org.name_vi
        )
    }
}

/// How each engagement kind reads in a description, in the glossary's words.
fn engagement_phrase(kind: &str, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        "joint_research" => (
            "hợp tác nghiên cứu chung với nhóm nghiên cứu trong nước",
            "joint research with our team in Vietnam",
        ),
        "host_trainees" => (
            "tiếp nhận cán bộ, kỹ sư trẻ sang đào tạo tại phòng thí nghiệm ở nước ngoài",
            "hosting our young researchers or engineers as trainees in your laboratory abroad",
        ),
        "short_teaching" => (
            "giảng dạy có thời hạn tại Việt Nam (chuyên đề, khóa học ngắn hạn)",
            "short-term teaching in Vietnam (a course or a series of lectures)",
        ),
        "science_council" => (
            "tham gia hội đồng khoa học chuyên ngành, tư vấn xét chọn và nghiệm thu",
            "sitting on the specialised science council that selects and reviews the work",
        ),
        "partner_introduction" => (
            "kết nối đối tác nước ngoài (trường, viện, doanh nghiệp) có năng lực phù hợp",
            "introducing foreign partners (universities, institutes, companies) with the right skills",
        ),
        "lead_rnd_project" => (
            "chủ trì hoặc đồng chủ trì nhiệm vụ KH&CN theo đặt hàng",
            "leading or co-leading the commissioned R&D project",
        ),
        "advisory" => (
            "tư vấn chiến lược, chính sách và chuyển giao công nghệ",
            "strategy, policy and technology-transfer advice",
        ),
        _ => (
            "về nước làm việc toàn thời gian ở vị trí trưởng nhóm",
            "returning to work in Vietnam full time as a team lead",
        ),
    };
    if lang == En { en } else { vi }
}

/// How each mechanism reads in a description.
fn mechanism_phrase(code: &str, lang: Lang) -> &'static str {
    let (vi, en) = match code {
        "joint_research_fund" => (
            "chương trình nghiên cứu chung của quỹ KH&CN hai nước",
            "the joint research programme of the two countries' S&T funds",
        ),
        "strategic_cooperation" => ("khuôn khổ hợp tác chiến lược", "a strategic cooperation"),
        "selection_call" => (
            "chương trình kêu gọi, tuyển chọn",
            "an open call for selection",
        ),
        _ => ("doanh nghiệp tài trợ", "enterprise sponsorship"),
    };
    if lang == En { en } else { vi }
}

fn language_name(code: &str, lang: Lang) -> &'static str {
    let (vi, en) = match code {
        "vi" => ("tiếng Việt", "Vietnamese"),
        "ja" => ("tiếng Nhật", "Japanese"),
        "ko" => ("tiếng Hàn", "Korean"),
        _ => ("tiếng Anh", "English"),
    };
    if lang == En { en } else { vi }
}

/// The defaults every topic starts from: a published, public problem in Vietnamese, for every
/// hub, with a budget in đồng and the organisation's own location.
const T: Topic = Topic {
    org: MOST,
    plan: Plan::Published,
    lang: Lang::Vi,
    title: "",
    summary: "",
    context: "",
    goals: ["", "", ""],
    fields: &[],
    keywords: &[],
    engage: &[],
    hubs: &[],
    conf: Confidentiality::Public,
    money: Money::Vnd,
    location: None,
    note: "",
};

/// Every demo problem, keyed on its title within its organisation.
pub(super) const TOPICS: &[Topic] = &[
    // --- Bộ Khoa học và Công nghệ (the demo owner's organisation) ----------------------------
    Topic {
        title: "Xây dựng mô hình ngôn ngữ lớn tiếng Việt phục vụ cơ quan nhà nước",
        summary: "Bộ Khoa học và Công nghệ đặt hàng nghiên cứu, huấn luyện và đánh giá một mô hình ngôn ngữ lớn (LLM) tiếng Việt có thể triển khai trên hạ tầng trong nước, phục vụ soạn thảo văn bản, tra cứu pháp luật và trả lời câu hỏi của người dân.",
        context: "Các cơ quan nhà nước xử lý khối lượng lớn văn bản hành chính và câu hỏi của người dân mỗi ngày, nhưng các mô hình ngôn ngữ thương mại phần lớn được huấn luyện trên dữ liệu nước ngoài và lưu trữ ngoài lãnh thổ. Việt Nam cần một mô hình hiểu tốt văn phong hành chính, thuật ngữ pháp lý tiếng Việt và đáp ứng yêu cầu về chủ quyền dữ liệu.",
        goals: [
            "Xây dựng bộ dữ liệu huấn luyện tiếng Việt chất lượng cao từ văn bản quy phạm pháp luật, văn bản hành chính và dữ liệu mở",
            "Huấn luyện và tinh chỉnh mô hình quy mô 7–13 tỷ tham số, đánh giá trên bộ kiểm thử chuẩn tiếng Việt",
            "Triển khai thử nghiệm tại ít nhất ba cơ quan, có cơ chế kiểm soát nội dung và bảo vệ dữ liệu cá nhân",
        ],
        fields: &["tech.ai", "oecd.1.2"],
        keywords: &[
            "mô hình ngôn ngữ lớn",
            "LLM",
            "xử lý ngôn ngữ tự nhiên",
            "tiếng Việt",
            "chủ quyền dữ liệu",
        ],
        engage: &["lead_rnd_project", "advisory", "joint_research"],
        ..T
    },
    Topic {
        title: "Lộ trình phát triển nguồn nhân lực thiết kế vi mạch đến năm 2030",
        summary: "Đề xuất lộ trình đào tạo 50.000 kỹ sư bán dẫn, trọng tâm là nhân lực thiết kế vi mạch: chuẩn đầu ra, chương trình khung và mô hình hợp tác với doanh nghiệp và đối tác nước ngoài.",
        context: "Chiến lược phát triển công nghiệp bán dẫn Việt Nam đặt mục tiêu đào tạo ít nhất 50.000 kỹ sư và cử nhân bán dẫn đến năm 2030. Các trường đại học đang mở ngành nhưng thiếu giảng viên có kinh nghiệm thực tế, thiếu bản quyền công cụ EDA và thiếu kết nối với doanh nghiệp thiết kế.",
        goals: [
            "Đánh giá năng lực đào tạo hiện có của các cơ sở giáo dục đại học và nhu cầu của doanh nghiệp",
            "Đề xuất chương trình khung, chuẩn đầu ra và mô hình phòng thí nghiệm thiết kế dùng chung",
            "Kiến nghị cơ chế thu hút chuyên gia người Việt ở nước ngoài tham gia giảng dạy và hướng dẫn",
        ],
        fields: &["semi.chip_design", "oecd.5.3"],
        keywords: &[
            "nhân lực bán dẫn",
            "thiết kế vi mạch",
            "đào tạo kỹ sư",
            "EDA",
            "chương trình đào tạo",
        ],
        engage: &["advisory", "science_council", "short_teaching"],
        ..T
    },
    Topic {
        title: "Mô hình phòng thí nghiệm chế tạo bán dẫn dùng chung quy mô quốc gia",
        summary: "Đánh giá phương án đầu tư, vận hành và chia sẻ một phòng sạch chế tạo bán dẫn dùng chung cho viện, trường và doanh nghiệp khởi nghiệp, gồm danh mục thiết bị, mô hình tài chính và nhân lực vận hành.",
        context: "Các nhóm nghiên cứu trong nước hiện phải gửi mẫu ra nước ngoài để chế tạo thử, làm chậm chu kỳ nghiên cứu và tăng chi phí. Một phòng thí nghiệm dùng chung với quy trình chế tạo MEMS và linh kiện bán dẫn cơ bản sẽ là hạ tầng nền tảng cho hệ sinh thái bán dẫn.",
        goals: [
            "Khảo sát nhu cầu sử dụng của các viện, trường và doanh nghiệp",
            "Đề xuất danh mục thiết bị, quy trình công nghệ ưu tiên và lộ trình đầu tư theo giai đoạn",
            "Xây dựng mô hình quản trị, vận hành và chia sẻ chi phí theo kinh nghiệm quốc tế",
        ],
        fields: &["semi.fabrication", "semi.materials"],
        keywords: &[
            "phòng sạch",
            "chế tạo bán dẫn",
            "MEMS",
            "hạ tầng dùng chung",
        ],
        location: Some("Khu công nghệ cao Hòa Lạc, Hà Nội"),
        conf: Members,
        ..T
    },
    Topic {
        title: "Xác định hướng ưu tiên nghiên cứu và ứng dụng công nghệ lượng tử",
        summary: "Tư vấn xây dựng chương trình KH&CN quốc gia về công nghệ lượng tử: lựa chọn hướng ưu tiên (tính toán, truyền thông, cảm biến lượng tử), năng lực cần đầu tư và đối tác quốc tế phù hợp.",
        context: "Công nghệ lượng tử được nhiều quốc gia xác định là công nghệ chiến lược. Việt Nam có một số nhóm nghiên cứu lý thuyết mạnh nhưng thiếu cơ sở thực nghiệm và chưa có chương trình dài hạn.",
        goals: [
            "Đánh giá hiện trạng nghiên cứu lượng tử trong nước và xu hướng quốc tế",
            "Đề xuất ba đến năm hướng ưu tiên cùng chỉ tiêu cụ thể cho giai đoạn 2026–2035",
            "Giới thiệu đối tác tại Nhật Bản, Hàn Quốc và các nước có thế mạnh để hợp tác dài hạn",
        ],
        fields: &["tech.quantum", "oecd.1.3"],
        keywords: &[
            "công nghệ lượng tử",
            "máy tính lượng tử",
            "truyền thông lượng tử",
            "cảm biến lượng tử",
        ],
        engage: &["science_council", "advisory", "partner_introduction"],
        ..T
    },
    Topic {
        title: "Khung quản lý rủi ro và cơ chế thử nghiệm có kiểm soát cho ứng dụng trí tuệ nhân tạo",
        summary: "Xây dựng khung phân loại rủi ro, tiêu chí đánh giá và quy trình thử nghiệm có kiểm soát (sandbox) cho các hệ thống trí tuệ nhân tạo, làm cơ sở cho các văn bản hướng dẫn về quản lý AI.",
        context: "Ứng dụng AI đang được triển khai nhanh trong tài chính, y tế và dịch vụ công, trong khi khung pháp lý còn đang hoàn thiện. Cơ quan quản lý cần phương pháp đánh giá rủi ro thực tiễn, tương thích với thông lệ quốc tế như Đạo luật AI của Liên minh châu Âu và hướng dẫn quản trị AI của Nhật Bản.",
        goals: [
            "Đề xuất tiêu chí phân loại hệ thống AI theo mức độ rủi ro",
            "Thiết kế quy trình thử nghiệm có kiểm soát và bộ công cụ đánh giá độ chính xác, thiên lệch và khả năng giải thích",
            "Thử nghiệm khung đánh giá với hai đến ba hệ thống AI đang vận hành",
        ],
        fields: &["tech.ai", "oecd.5.5"],
        keywords: &[
            "quản trị AI",
            "sandbox",
            "đánh giá rủi ro",
            "AI có trách nhiệm",
        ],
        ..T
    },
    Topic {
        plan: Plan::ClosedFulfilled,
        title: "Hệ thống truy xuất nguồn gốc sản phẩm dựa trên công nghệ chuỗi khối",
        summary: "Thiết kế kiến trúc và chuẩn dữ liệu cho hệ thống truy xuất nguồn gốc quốc gia, cho phép doanh nghiệp, cơ quan quản lý và người tiêu dùng kiểm tra hành trình sản phẩm bằng mã QR.",
        context: "Các hệ thống truy xuất nguồn gốc hiện nay phân tán, dữ liệu không liên thông và dễ bị làm giả. Nông sản xuất khẩu sang Nhật Bản và Liên minh châu Âu ngày càng phải chứng minh nguồn gốc minh bạch.",
        goals: [
            "Đề xuất kiến trúc hệ thống và chuẩn dữ liệu truy xuất thống nhất",
            "So sánh chuỗi khối với cơ sở dữ liệu tập trung về chi phí và mức độ an toàn",
            "Thí điểm với một chuỗi cung ứng nông sản xuất khẩu",
        ],
        fields: &["tech.digital_transformation", "tech.big_data"],
        keywords: &[
            "truy xuất nguồn gốc",
            "chuỗi khối",
            "blockchain",
            "mã QR",
            "chuỗi cung ứng",
        ],
        ..T
    },
    Topic {
        plan: Plan::Resubmitted,
        title: "Nền tảng số quản lý nhiệm vụ khoa học và công nghệ các cấp",
        summary: "Xây dựng nền tảng dùng chung để đăng ký, xét chọn, theo dõi và đánh giá kết quả nhiệm vụ KH&CN từ cấp tỉnh, cấp bộ đến cấp quốc gia, liên thông với cơ sở dữ liệu quốc gia về KH&CN.",
        context: "Mỗi bộ, ngành và địa phương đang dùng một phần mềm hoặc quy trình giấy tờ riêng để quản lý nhiệm vụ KH&CN, dẫn đến trùng lặp đề tài và khó đánh giá hiệu quả đầu tư. Dữ liệu về kết quả nghiên cứu chưa được chia sẻ để tái sử dụng.",
        goals: [
            "Chuẩn hóa quy trình và dữ liệu quản lý nhiệm vụ KH&CN các cấp",
            "Tích hợp công cụ phát hiện trùng lặp đề tài dựa trên xử lý ngôn ngữ tự nhiên",
            "Xây dựng bộ chỉ số đánh giá tác động của nhiệm vụ sau nghiệm thu",
        ],
        fields: &["tech.digital_transformation", "oecd.5.2"],
        keywords: &[
            "quản lý nhiệm vụ KH&CN",
            "cơ sở dữ liệu KH&CN",
            "đánh giá tác động",
            "chuyển đổi số",
        ],
        ..T
    },
    Topic {
        plan: Plan::Submitted,
        title: "Chuẩn hóa dữ liệu đo lường cho ngành công nghiệp hỗ trợ",
        summary: "Nghiên cứu mô hình số hóa chứng chỉ hiệu chuẩn và dữ liệu đo lường, giúp doanh nghiệp công nghiệp hỗ trợ đáp ứng yêu cầu truy xuất đo lường của các tập đoàn đa quốc gia.",
        context: "Doanh nghiệp Việt Nam cung ứng linh kiện cho các tập đoàn Nhật Bản, Hàn Quốc phải chứng minh năng lực đo lường và kiểm soát chất lượng theo chuẩn quốc tế. Chứng chỉ hiệu chuẩn hiện vẫn chủ yếu ở dạng giấy, khó kiểm tra và tích hợp vào hệ thống quản lý chất lượng.",
        goals: [
            "Đề xuất định dạng chứng chỉ hiệu chuẩn số phù hợp với chuẩn quốc tế",
            "Thí điểm hệ thống quản lý dữ liệu đo lường cho một nhóm doanh nghiệp cơ khí chính xác",
            "Đào tạo đội ngũ kỹ thuật viên đo lường của doanh nghiệp",
        ],
        fields: &["oecd.2.11", "tech.big_data"],
        keywords: &[
            "đo lường",
            "hiệu chuẩn",
            "chứng chỉ hiệu chuẩn số",
            "công nghiệp hỗ trợ",
        ],
        ..T
    },
    Topic {
        plan: Plan::ChangesRequested,
        title: "Công nghệ xử lý và lưu giữ an toàn chất thải phóng xạ mức thấp",
        summary: "Đánh giá và đề xuất công nghệ xử lý, lưu giữ chất thải phóng xạ mức thấp phát sinh từ y học hạt nhân, công nghiệp và nghiên cứu, phù hợp với điều kiện Việt Nam.",
        context: "Số cơ sở y học hạt nhân và ứng dụng bức xạ trong công nghiệp tăng nhanh, kéo theo lượng chất thải phóng xạ mức thấp cần được quản lý an toàn. Hạ tầng lưu giữ tập trung hiện còn hạn chế.",
        goals: [
            "Kiểm kê và phân loại nguồn phát sinh chất thải phóng xạ mức thấp",
            "So sánh các công nghệ xử lý, giảm thể tích và cố định chất thải",
            "Đề xuất mô hình kho lưu giữ tập trung và quy trình an toàn bức xạ",
        ],
        fields: &["oecd.1.3", "oecd.2.7"],
        keywords: &[
            "an toàn bức xạ",
            "chất thải phóng xạ",
            "y học hạt nhân",
            "lưu giữ an toàn",
        ],
        conf: Members,
        ..T
    },
    Topic {
        plan: Plan::ChangesRequested,
        title: "Chuyển giao công nghệ pin nhiên liệu hydro cho xe buýt đô thị",
        summary: "Tìm chuyên gia đánh giá và hỗ trợ chuyển giao công nghệ pin nhiên liệu hydro, trạm nạp và chuỗi cung ứng hydro xanh cho thí điểm xe buýt đô thị.",
        context: "Giao thông đô thị là một nguồn phát thải lớn. Nhật Bản và Hàn Quốc đã thương mại hóa xe buýt pin nhiên liệu hydro, trong khi Việt Nam đang xây dựng chiến lược phát triển năng lượng hydro.",
        goals: [
            "Đánh giá mức độ sẵn sàng công nghệ và chi phí vòng đời của xe buýt hydro",
            "Đề xuất mô hình thí điểm tuyến xe buýt và trạm nạp",
            "Kết nối đối tác công nghệ nước ngoài sẵn sàng chuyển giao",
        ],
        fields: &["tech.new_materials", "oecd.2.4"],
        keywords: &["hydro xanh", "pin nhiên liệu", "xe buýt", "giao thông xanh"],
        note: "Đề nghị tách rõ phần đánh giá công nghệ (kêu gọi chuyên gia) và phần đầu tư trạm nạp (không thuộc phạm vi), đồng thời nêu địa phương dự kiến thí điểm.",
        ..T
    },
    Topic {
        plan: Plan::Draft,
        title: "Ứng dụng ảnh vệ tinh radar trong giám sát biến động tài nguyên và môi trường",
        summary: "Phát triển quy trình xử lý ảnh vệ tinh radar (SAR) và quang học để giám sát sụt lún, biến động rừng và mặt nước, phục vụ cơ quan quản lý trung ương và địa phương.",
        context: "Dữ liệu vệ tinh quan sát Trái Đất ngày càng sẵn có, kể cả miễn phí, nhưng năng lực xử lý và khai thác trong nước còn phân tán. Ảnh radar đặc biệt hữu ích trong mùa mưa, khi ảnh quang học bị mây che phủ.",
        goals: [
            "Xây dựng quy trình xử lý ảnh SAR để đo sụt lún đất đến mức milimét",
            "Phát triển mô hình phân loại lớp phủ bằng học sâu",
            "Chuyển giao quy trình cho ít nhất hai đơn vị quản lý",
        ],
        fields: &["oecd.1.5", "tech.big_data"],
        keywords: &["viễn thám", "ảnh vệ tinh", "SAR", "giám sát sụt lún"],
        ..T
    },
    Topic {
        plan: Plan::Draft,
        title: "Cơ chế hỗ trợ doanh nghiệp khởi nghiệp công nghệ sâu từ viện, trường",
        summary: "Nghiên cứu kinh nghiệm quốc tế và đề xuất cơ chế tài chính, sở hữu trí tuệ và ươm tạo cho doanh nghiệp khởi nghiệp dựa trên công nghệ sâu xuất phát từ viện nghiên cứu và trường đại học.",
        context: "Nhiều kết quả nghiên cứu có tiềm năng thương mại nhưng không ra được thị trường do thiếu vốn giai đoạn đầu, vướng quy định về tài sản công và sở hữu trí tuệ. Các nhà khoa học ở nước ngoài có kinh nghiệm thực tế về doanh nghiệp spin-off của đại học.",
        goals: [
            "Tổng hợp mô hình hỗ trợ spin-off tại Nhật Bản, Hàn Quốc, Hoa Kỳ và châu Âu",
            "Đề xuất sửa đổi quy định về giao quyền sở hữu kết quả nghiên cứu",
            "Thiết kế chương trình ươm tạo thí điểm với ba viện, trường",
        ],
        fields: &["oecd.5.2"],
        keywords: &[
            "công nghệ sâu",
            "khởi nghiệp",
            "spin-off",
            "sở hữu trí tuệ",
            "quỹ đầu tư mạo hiểm",
        ],
        money: Money::None,
        ..T
    },
    // --- Bộ Nông nghiệp và Môi trường ---------------------------------------------------------
    Topic {
        org: MAE,
        title: "Giống lúa chịu mặn cho Đồng bằng sông Cửu Long",
        summary: "Chọn tạo giống lúa chịu mặn, ngắn ngày, năng suất và chất lượng cao cho vùng ven biển Đồng bằng sông Cửu Long, ứng dụng chỉ thị phân tử và công nghệ chỉnh sửa gen.",
        context: "Xâm nhập mặn ngày càng sâu và kéo dài do biến đổi khí hậu và suy giảm dòng chảy sông Mê Kông, đe dọa hàng trăm nghìn héc-ta lúa. Các giống hiện có chịu mặn ở mức 3–4‰, chưa đáp ứng được những năm hạn mặn khốc liệt.",
        goals: [
            "Chọn tạo ít nhất hai dòng lúa chịu mặn 6–8‰, thời gian sinh trưởng dưới 100 ngày",
            "Ứng dụng chọn giống nhờ chỉ thị phân tử và công nghệ chỉnh sửa gen",
            "Khảo nghiệm tại các vùng ven biển nhiễm mặn của Cần Thơ và Cà Mau",
        ],
        fields: &["oecd.4.4", "tech.biotech", "oecd.4.1"],
        keywords: &[
            "lúa chịu mặn",
            "xâm nhập mặn",
            "chọn tạo giống",
            "chỉ thị phân tử",
            "biến đổi khí hậu",
        ],
        engage: &["joint_research", "host_trainees", "lead_rnd_project"],
        location: Some("Cần Thơ, Cà Mau"),
        ..T
    },
    Topic {
        org: MAE,
        title: "Hệ thống cảnh báo sớm sạt lở đất cho các tỉnh miền núi phía Bắc",
        summary: "Xây dựng hệ thống quan trắc và cảnh báo sớm sạt lở đất, lũ quét theo thời gian thực, kết hợp mạng cảm biến, dữ liệu mưa và mô hình học máy, cảnh báo đến cấp xã.",
        context: "Mỗi mùa mưa bão, sạt lở đất và lũ quét gây thiệt hại lớn về người và tài sản ở miền núi phía Bắc. Bản đồ phân vùng nguy cơ hiện có ở tỷ lệ nhỏ, chưa đủ chi tiết để cảnh báo cho từng khu dân cư.",
        goals: [
            "Lắp đặt mạng cảm biến đo mưa, độ ẩm và chuyển dịch đất tại các điểm nguy cơ cao",
            "Phát triển mô hình dự báo ngưỡng mưa gây sạt lở kết hợp học máy",
            "Xây dựng kênh cảnh báo đến chính quyền xã và người dân qua tin nhắn và ứng dụng di động",
        ],
        fields: &["oecd.1.5", "tech.ai", "oecd.2.1"],
        keywords: &[
            "sạt lở đất",
            "lũ quét",
            "cảnh báo sớm",
            "quan trắc",
            "học máy",
        ],
        hubs: &["jp"],
        location: Some("Lào Cai, Điện Biên, Lai Châu"),
        ..T
    },
    Topic {
        org: MAE,
        title: "Vắc-xin thế hệ mới phòng bệnh dịch tả lợn châu Phi",
        summary: "Hợp tác nghiên cứu cải tiến vắc-xin nhược độc phòng bệnh dịch tả lợn châu Phi, nâng cao độ an toàn, độ ổn định và khả năng sản xuất quy mô công nghiệp.",
        context: "Việt Nam là một trong những nước đầu tiên thương mại hóa vắc-xin dịch tả lợn châu Phi, nhưng vẫn cần cải thiện độ ổn định của chủng giống và đánh giá an toàn trên đàn lợn nái. Dịch bệnh vẫn tái phát tại nhiều địa phương.",
        goals: [
            "Đánh giá độ ổn định di truyền của chủng vắc-xin qua nhiều đời cấy truyền",
            "Phát triển phương pháp phân biệt lợn tiêm vắc-xin và lợn nhiễm tự nhiên (DIVA)",
            "Hoàn thiện quy trình sản xuất trên dòng tế bào liên tục",
        ],
        fields: &["oecd.4.3", "tech.biotech"],
        keywords: &["dịch tả lợn châu Phi", "ASF", "vắc-xin", "thú y", "DIVA"],
        conf: Members,
        ..T
    },
    Topic {
        org: MAE,
        title: "Công nghệ xử lý rơm rạ thành phân bón hữu cơ và vật liệu sinh học",
        summary: "Tìm giải pháp thu gom, xử lý rơm rạ sau thu hoạch thành phân bón hữu cơ, nấm ăn và vật liệu sinh học, thay thế việc đốt đồng gây ô nhiễm không khí.",
        context: "Mỗi năm cả nước phát sinh hàng chục triệu tấn rơm rạ, phần lớn bị đốt ngoài đồng, gây ô nhiễm không khí và phát thải khí nhà kính. Các mô hình tận dụng hiện có quy mô nhỏ, chưa hiệu quả kinh tế.",
        goals: [
            "Đánh giá chuỗi giá trị và chi phí thu gom rơm rạ ở các vùng trồng lúa chính",
            "Chuyển giao công nghệ ủ phân vi sinh nhanh và sản xuất vật liệu sinh học từ rơm",
            "Xây dựng mô hình hợp tác xã kinh tế tuần hoàn có thể nhân rộng",
        ],
        fields: &["oecd.2.9", "oecd.4.1"],
        keywords: &[
            "rơm rạ",
            "kinh tế tuần hoàn",
            "phân bón hữu cơ",
            "giảm phát thải",
        ],
        ..T
    },
    Topic {
        org: MAE,
        title: "Quan trắc chất lượng nước lưu vực sông Hồng bằng cảm biến IoT và dữ liệu vệ tinh",
        summary: "Thiết kế mạng quan trắc tự động chất lượng nước kết hợp cảm biến IoT giá thấp và ảnh vệ tinh, cung cấp dữ liệu mở cho cơ quan quản lý và người dân.",
        context: "Chất lượng nước nhiều đoạn sông thuộc lưu vực sông Hồng bị suy giảm do nước thải đô thị, công nghiệp và làng nghề. Mạng quan trắc hiện có thưa, lấy mẫu thủ công theo đợt, chưa phát hiện kịp thời sự cố ô nhiễm.",
        goals: [
            "Lựa chọn và hiệu chuẩn cảm biến đo các thông số chính (DO, COD, amoni, độ đục)",
            "Phát triển thuật toán ước tính chất lượng nước từ ảnh vệ tinh",
            "Xây dựng cổng dữ liệu mở và cảnh báo tự động khi vượt ngưỡng",
        ],
        fields: &["oecd.2.7", "tech.big_data"],
        keywords: &[
            "chất lượng nước",
            "IoT",
            "quan trắc môi trường",
            "dữ liệu mở",
            "sông Hồng",
        ],
        ..T
    },
    Topic {
        org: MAE,
        plan: Plan::Expired,
        title: "Mô hình dự báo hạn hán và xâm nhập mặn theo mùa",
        summary: "Phát triển mô hình dự báo hạn hán và xâm nhập mặn trước 3–6 tháng, kết hợp mô hình thủy văn và học máy, phục vụ lập kế hoạch sản xuất nông nghiệp.",
        context: "Các mùa khô 2016, 2020 và 2024 cho thấy thiệt hại do hạn mặn có thể giảm đáng kể nếu có dự báo sớm và tin cậy. Dự báo hiện nay chủ yếu ngắn hạn, chưa đủ để điều chỉnh lịch thời vụ.",
        goals: [
            "Tích hợp dữ liệu khí tượng, thủy văn và vận hành hồ chứa thượng nguồn",
            "Xây dựng mô hình học máy dự báo độ mặn tại các trạm chính",
            "Chuyển giao công cụ dự báo cho cơ quan khí tượng thủy văn khu vực",
        ],
        fields: &["oecd.1.5", "tech.ai"],
        keywords: &["hạn hán", "xâm nhập mặn", "dự báo mùa", "mô hình thủy văn"],
        ..T
    },
    Topic {
        org: MAE,
        plan: Plan::Submitted,
        title: "Công nghệ nuôi tôm tuần hoàn tiết kiệm nước và giảm dịch bệnh",
        summary: "Chuyển giao và tối ưu hóa công nghệ nuôi tôm trong hệ thống tuần hoàn (RAS), giảm lượng nước thay, kiểm soát dịch bệnh và giảm sử dụng kháng sinh.",
        context: "Nuôi tôm là ngành xuất khẩu chủ lực nhưng dịch bệnh và ô nhiễm nguồn nước gây thiệt hại lớn mỗi năm. Hệ thống tuần hoàn đã thành công ở một số nước nhưng chi phí đầu tư và vận hành còn cao so với điều kiện Việt Nam.",
        goals: [
            "Thiết kế hệ thống RAS quy mô trang trại với chi phí phù hợp",
            "Ứng dụng cảm biến và điều khiển tự động các thông số môi trường ao nuôi",
            "Xây dựng quy trình an toàn sinh học, giảm sử dụng kháng sinh",
        ],
        fields: &["oecd.4.1", "oecd.4.4"],
        keywords: &["nuôi tôm", "RAS", "thủy sản", "an toàn sinh học"],
        location: Some("Đồng bằng sông Cửu Long"),
        ..T
    },
    // --- NAFOSTED -----------------------------------------------------------------------------
    Topic {
        org: NAFOSTED,
        lang: En,
        title: "Vietnam–Japan joint research call: advanced materials for energy storage",
        summary: "NAFOSTED invites Vietnamese researchers in Japan to form joint teams with Vietnamese groups on solid-state electrolytes, sodium-ion cathodes and the recycling of battery materials, under a bilateral joint research programme.",
        context: "Vietnam's electric-vehicle and renewable-energy sectors are growing quickly, but battery materials research at home is fragmented and rarely reaches pilot scale. Japanese partners lead in solid-state batteries and in materials characterisation.",
        goals: [
            "Form joint teams with at least one Vietnamese and one Japanese partner institution",
            "Develop and characterise new electrode or electrolyte materials up to coin-cell and pouch-cell level",
            "Train young Vietnamese researchers through exchanges of three to twelve months",
        ],
        fields: &["tech.new_materials", "oecd.2.5"],
        keywords: &[
            "energy storage",
            "solid-state battery",
            "sodium-ion",
            "battery recycling",
            "vật liệu lưu trữ năng lượng",
        ],
        engage: &["joint_research", "host_trainees"],
        hubs: &["jp"],
        money: Money::Jpy,
        ..T
    },
    Topic {
        org: NAFOSTED,
        title: "Chương trình nghiên cứu chung Việt Nam – Hàn Quốc về công nghệ sinh học y dược",
        summary: "Kêu gọi các nhà khoa học Việt Nam tại Hàn Quốc cùng nhóm nghiên cứu trong nước đề xuất dự án chung về thuốc sinh học, chẩn đoán phân tử và vắc-xin, do quỹ KH&CN hai nước đồng tài trợ.",
        context: "Hàn Quốc có ngành công nghiệp thuốc sinh học và sinh phẩm tương tự (biosimilar) phát triển hàng đầu châu Á. Cộng đồng nhà khoa học Việt Nam tại Hàn Quốc ngày càng đông, nhiều người làm việc tại các viện và doanh nghiệp dược sinh học.",
        goals: [
            "Hình thành các nhóm nghiên cứu chung giữa viện, trường hai nước",
            "Phát triển sản phẩm hoặc quy trình từ mức phòng thí nghiệm đến thử nghiệm tiền lâm sàng",
            "Công bố quốc tế và đăng ký sở hữu trí tuệ chung",
        ],
        fields: &["oecd.3.4", "tech.biotech"],
        keywords: &[
            "thuốc sinh học",
            "chẩn đoán phân tử",
            "biosimilar",
            "vắc-xin",
        ],
        engage: &["joint_research", "host_trainees", "partner_introduction"],
        hubs: &["kr"],
        ..T
    },
    Topic {
        org: NAFOSTED,
        title: "Mời chuyên gia phản biện quốc tế cho các đề tài nghiên cứu cơ bản",
        summary: "Quỹ mời các nhà khoa học Việt Nam ở nước ngoài tham gia phản biện độc lập hồ sơ đề tài nghiên cứu cơ bản trong khoa học tự nhiên và kỹ thuật, góp phần nâng cao chất lượng xét chọn.",
        context: "Mỗi năm Quỹ tiếp nhận hàng nghìn hồ sơ đề tài nghiên cứu cơ bản. Có thêm chuyên gia phản biện đang làm việc tại các trung tâm khoa học quốc tế giúp đánh giá khách quan hơn và hạn chế xung đột lợi ích.",
        goals: [
            "Phản biện độc lập từ năm đến mười hồ sơ mỗi năm qua hệ thống trực tuyến",
            "Tham gia hội đồng khoa học ngành khi cần thiết",
            "Góp ý hoàn thiện tiêu chí đánh giá theo chuẩn quốc tế",
        ],
        fields: &["oecd.1.1", "oecd.1.3", "oecd.1.4", "oecd.2.2"],
        keywords: &[
            "phản biện",
            "đánh giá đề tài",
            "nghiên cứu cơ bản",
            "hội đồng khoa học",
        ],
        engage: &["science_council"],
        conf: Members,
        money: Money::None,
        ..T
    },
    Topic {
        org: NAFOSTED,
        lang: En,
        title: "Visiting professorships in mathematics and theoretical physics",
        summary: "Short visiting professorships (two to eight weeks) for Vietnamese mathematicians and physicists abroad, to teach advanced courses and supervise PhD students at Vietnamese universities and institutes.",
        context: "Vietnam has a strong tradition in mathematics and theoretical physics, but doctoral training still lacks advanced courses in fast-moving areas. Short, repeated visits by researchers based abroad have proved an effective way to build research groups.",
        goals: [
            "Teach an intensive graduate course of 20–30 hours",
            "Co-supervise PhD students and run a research seminar",
            "Start at least one joint paper with local colleagues",
        ],
        fields: &["oecd.1.1", "oecd.1.3"],
        keywords: &[
            "visiting professor",
            "graduate course",
            "mathematics",
            "theoretical physics",
            "giảng dạy có thời hạn",
        ],
        engage: &["short_teaching", "joint_research"],
        money: Money::Usd,
        ..T
    },
    Topic {
        org: NAFOSTED,
        plan: Plan::ClosedWithdrawn,
        title: "Nghiên cứu chung về khoa học dữ liệu trong phân tích chính sách kinh tế",
        summary: "Kêu gọi hợp tác nghiên cứu ứng dụng khoa học dữ liệu và dữ liệu lớn trong đánh giá tác động chính sách kinh tế vĩ mô và an sinh xã hội.",
        context: "Cơ quan hoạch định chính sách cần bằng chứng định lượng nhanh và tin cậy hơn. Các nguồn dữ liệu mới như giao dịch điện tử hay ảnh vệ tinh ánh sáng ban đêm có thể bổ sung cho số liệu thống kê truyền thống.",
        goals: [
            "Xây dựng bộ chỉ báo kinh tế tần suất cao từ dữ liệu phi truyền thống",
            "Áp dụng phương pháp suy luận nhân quả để đánh giá tác động chính sách",
            "Đào tạo cán bộ nghiên cứu trẻ về kinh tế lượng ứng dụng",
        ],
        fields: &["oecd.5.2", "tech.big_data"],
        keywords: &[
            "khoa học dữ liệu",
            "kinh tế lượng",
            "đánh giá chính sách",
            "dữ liệu lớn",
        ],
        ..T
    },
    // --- Sở Khoa học và Công nghệ tỉnh Bắc Ninh -----------------------------------------------
    Topic {
        org: BAC_NINH,
        title: "Tự động hóa kiểm tra linh kiện điện tử bằng thị giác máy cho doanh nghiệp trong khu công nghiệp",
        summary: "Phát triển giải pháp kiểm tra quang học tự động (AOI) dùng học sâu, giá thành phù hợp với doanh nghiệp nhỏ và vừa cung ứng linh kiện cho các tập đoàn điện tử tại Bắc Ninh.",
        context: "Bắc Ninh là trung tâm sản xuất điện tử lớn của cả nước, nhưng các doanh nghiệp nội địa trong chuỗi cung ứng vẫn kiểm tra sản phẩm chủ yếu bằng mắt thường. Tỷ lệ lỗi và chi phí nhân công kiểm tra là rào cản để trở thành nhà cung cấp cấp 1.",
        goals: [
            "Xây dựng bộ dữ liệu ảnh lỗi linh kiện và bo mạch từ các doanh nghiệp tham gia",
            "Phát triển mô hình phát hiện lỗi đạt độ chính xác trên 98% ở tốc độ dây chuyền",
            "Lắp đặt thí điểm tại ba doanh nghiệp và đào tạo kỹ sư vận hành",
        ],
        fields: &["tech.robotics", "tech.ai", "oecd.2.2"],
        keywords: &[
            "thị giác máy",
            "AOI",
            "kiểm tra chất lượng",
            "học sâu",
            "công nghiệp điện tử",
        ],
        ..T
    },
    Topic {
        org: BAC_NINH,
        title: "Đào tạo kỹ sư đóng gói và kiểm thử vi mạch cho các khu công nghiệp",
        summary: "Xây dựng chương trình đào tạo ngắn hạn về đóng gói và kiểm thử vi mạch (OSAT) cho kỹ sư địa phương, đáp ứng nhu cầu tuyển dụng của các nhà máy bán dẫn đang đầu tư vào tỉnh.",
        context: "Nhiều dự án đóng gói và kiểm thử bán dẫn đang được triển khai tại các khu công nghiệp của tỉnh, với nhu cầu hàng nghìn kỹ sư và kỹ thuật viên. Nguồn nhân lực có kinh nghiệm thực tế trong lĩnh vực này gần như chưa có.",
        goals: [
            "Thiết kế chương trình đào tạo 3–6 tháng cùng doanh nghiệp",
            "Mời chuyên gia người Việt đang làm việc tại các nhà máy OSAT ở nước ngoài giảng dạy",
            "Đào tạo thí điểm 200 học viên và đánh giá tỷ lệ có việc làm",
        ],
        fields: &["semi.packaging", "oecd.5.3"],
        keywords: &[
            "đóng gói vi mạch",
            "kiểm thử",
            "OSAT",
            "đào tạo nghề",
            "bán dẫn",
        ],
        engage: &["short_teaching", "host_trainees", "partner_introduction"],
        hubs: &["jp", "kr"],
        ..T
    },
    Topic {
        org: BAC_NINH,
        title: "Xử lý nước thải và thu hồi kim loại tại làng nghề tái chế",
        summary: "Tìm công nghệ xử lý nước thải chứa kim loại nặng, đồng thời thu hồi kim loại có giá trị, phù hợp với quy mô hộ sản xuất tại các làng nghề tái chế kim loại.",
        context: "Các làng nghề tái chế kim loại tạo sinh kế cho hàng nghìn hộ dân nhưng gây ô nhiễm nghiêm trọng nguồn nước và đất. Các hệ thống xử lý tập trung được đầu tư trước đây vận hành kém hiệu quả do không phù hợp với đặc thù nước thải.",
        goals: [
            "Đánh giá thành phần và lưu lượng nước thải tại các cụm sản xuất",
            "Thử nghiệm công nghệ kết tủa, trao đổi ion hoặc điện hóa để thu hồi kim loại",
            "Đề xuất mô hình vận hành và thu phí bền vững",
        ],
        fields: &["oecd.2.7", "oecd.2.4"],
        keywords: &[
            "nước thải",
            "kim loại nặng",
            "làng nghề",
            "thu hồi kim loại",
        ],
        ..T
    },
    Topic {
        org: BAC_NINH,
        title: "Chuyển đổi số quản lý đất đai cấp tỉnh",
        summary: "Xây dựng cơ sở dữ liệu đất đai số thống nhất và các dịch vụ công trực tuyến về đất đai, kết nối với cơ sở dữ liệu quốc gia về dân cư.",
        context: "Hồ sơ địa chính của tỉnh còn lưu trữ ở nhiều định dạng, một phần trên giấy, khiến thủ tục đăng ký, chuyển nhượng kéo dài. Tốc độ đô thị hóa nhanh đòi hỏi thông tin đất đai chính xác và cập nhật.",
        goals: [
            "Chuẩn hóa và số hóa hồ sơ địa chính, đồng bộ với bản đồ số GIS",
            "Phát triển dịch vụ công trực tuyến toàn trình cho các thủ tục đất đai phổ biến",
            "Ứng dụng phân tích dữ liệu hỗ trợ quy hoạch và định giá đất",
        ],
        fields: &["tech.digital_transformation", "oecd.5.7"],
        keywords: &[
            "cơ sở dữ liệu đất đai",
            "GIS",
            "địa chính",
            "dịch vụ công trực tuyến",
            "chuyển đổi số",
        ],
        ..T
    },
    Topic {
        org: BAC_NINH,
        plan: Plan::Rejected,
        title: "Mua sắm phần mềm quản lý văn bản và hồ sơ công việc",
        summary: "Sở có nhu cầu trang bị phần mềm quản lý văn bản, hồ sơ công việc và chữ ký số cho cán bộ, công chức.",
        context: "Hệ thống hiện tại đã cũ, không hỗ trợ thiết bị di động và không kết nối với trục liên thông văn bản quốc gia.",
        goals: [
            "Trang bị phần mềm quản lý văn bản mới",
            "Tích hợp chữ ký số",
            "Đào tạo người dùng",
        ],
        fields: &["tech.digital_transformation"],
        keywords: &["quản lý văn bản", "chữ ký số"],
        note: "Đây là nhu cầu mua sắm phần mềm thương mại đã có sẵn trên thị trường, không phải bài toán KH&CN cần chuyên gia; đề nghị thực hiện theo quy định về đấu thầu.",
        ..T
    },
    Topic {
        org: BAC_NINH,
        plan: Plan::Submitted,
        title: "Số hóa và bảo tồn di sản dân ca quan họ Bắc Ninh",
        summary: "Ứng dụng công nghệ số để lưu trữ, phân tích và phổ biến di sản dân ca quan họ: số hóa bản ghi âm lịch sử, xây dựng kho dữ liệu làn điệu và nền tảng học quan họ trực tuyến.",
        context: "Dân ca quan họ Bắc Ninh được UNESCO ghi danh là Di sản văn hóa phi vật thể đại diện của nhân loại năm 2009. Nhiều nghệ nhân đã cao tuổi, nhiều bản ghi âm cũ đang xuống cấp, trong khi lớp trẻ ít có cơ hội tiếp cận.",
        goals: [
            "Số hóa và phục chế các bản ghi âm, ghi hình quan họ hiện có",
            "Xây dựng cơ sở dữ liệu làn điệu có chú giải âm nhạc học và lời cổ",
            "Phát triển ứng dụng học hát quan họ có hỗ trợ nhận dạng cao độ",
        ],
        fields: &["oecd.6.4", "tech.digital_transformation"],
        keywords: &[
            "quan họ",
            "di sản văn hóa",
            "số hóa",
            "âm nhạc học",
            "lưu trữ số",
        ],
        ..T
    },
    // --- UBND Thành phố Đà Nẵng -----------------------------------------------------------------
    Topic {
        org: DA_NANG,
        title: "Hệ thống điều khiển đèn tín hiệu giao thông thích ứng dựa trên trí tuệ nhân tạo",
        summary: "Triển khai hệ thống điều khiển đèn tín hiệu thích ứng theo lưu lượng thời gian thực tại các nút giao trọng điểm, sử dụng camera và mô hình học tăng cường.",
        context: "Lưu lượng phương tiện tại trung tâm thành phố tăng nhanh, đặc biệt vào mùa du lịch. Hệ thống đèn tín hiệu hiện vận hành theo chu kỳ cố định, gây ùn tắc cục bộ vào giờ cao điểm.",
        goals: [
            "Thu thập và phân tích dữ liệu lưu lượng từ hệ thống camera giám sát hiện có",
            "Phát triển thuật toán điều khiển thích ứng cho chuỗi nút giao liên tiếp",
            "Thí điểm tại 20 nút giao và đo thời gian di chuyển trước và sau khi áp dụng",
        ],
        fields: &["tech.ai", "oecd.2.1"],
        keywords: &[
            "giao thông thông minh",
            "đèn tín hiệu thích ứng",
            "camera AI",
            "học tăng cường",
        ],
        ..T
    },
    Topic {
        org: DA_NANG,
        title: "Phát triển hệ sinh thái thiết kế vi mạch tại Khu công nghệ cao Đà Nẵng",
        summary: "Tư vấn xây dựng trung tâm thiết kế vi mạch dùng chung, chính sách thu hút doanh nghiệp thiết kế và chương trình đào tạo kỹ sư thiết kế chip cho thành phố.",
        context: "Thành phố đặt mục tiêu trở thành trung tâm thiết kế vi mạch của miền Trung, với lợi thế nguồn nhân lực công nghệ thông tin dồi dào. Tuy vậy, số kỹ sư có kinh nghiệm thiết kế chip thực tế còn rất ít.",
        goals: [
            "Đề xuất mô hình trung tâm thiết kế vi mạch với bản quyền EDA và hạ tầng dùng chung",
            "Kết nối doanh nghiệp thiết kế chip nước ngoài đặt văn phòng tại thành phố",
            "Xây dựng chương trình chuyển đổi kỹ sư phần mềm sang thiết kế vi mạch",
        ],
        fields: &["semi.chip_design", "oecd.5.2"],
        keywords: &[
            "thiết kế vi mạch",
            "trung tâm thiết kế",
            "EDA",
            "Khu công nghệ cao Đà Nẵng",
        ],
        engage: &["advisory", "partner_introduction", "return_position"],
        conf: Members,
        ..T
    },
    Topic {
        org: DA_NANG,
        title: "Giám sát xói lở bờ biển và giải pháp bảo vệ bờ thích ứng",
        summary: "Đánh giá cơ chế xói lở bờ biển và đề xuất giải pháp bảo vệ bờ thân thiện môi trường cho các bãi biển du lịch, dựa trên quan trắc, mô hình số và ảnh vệ tinh.",
        context: "Một số đoạn bờ biển của thành phố bị xói lở mạnh sau các đợt bão, ảnh hưởng đến hạ tầng và hoạt động du lịch. Các công trình kè cứng đã xây dựng gây tác động không mong muốn đến các đoạn bờ lân cận.",
        goals: [
            "Thiết lập hệ thống quan trắc sóng, dòng chảy và biến động đường bờ",
            "Mô phỏng vận chuyển bùn cát và đánh giá tác động của các phương án công trình",
            "Đề xuất giải pháp nuôi bãi và công trình mềm phù hợp",
        ],
        fields: &["oecd.1.5", "oecd.2.1"],
        keywords: &[
            "xói lở bờ biển",
            "quản lý vùng ven biển",
            "mô hình số",
            "nuôi bãi",
        ],
        hubs: &["jp"],
        ..T
    },
    Topic {
        org: DA_NANG,
        title: "Ứng dụng AI trong chẩn đoán hình ảnh y tế tại bệnh viện tuyến tỉnh",
        summary: "Triển khai công cụ trí tuệ nhân tạo hỗ trợ bác sĩ đọc phim X-quang ngực, CT và nhũ ảnh tại các bệnh viện của thành phố, ưu tiên phát hiện sớm lao phổi, ung thư phổi và ung thư vú.",
        context: "Các bệnh viện tuyến tỉnh và tuyến huyện thiếu bác sĩ chẩn đoán hình ảnh, nhất là ngoài giờ hành chính, khiến thời gian trả kết quả kéo dài. Các giải pháp AI nước ngoài chưa được đánh giá đầy đủ trên dữ liệu của người Việt.",
        goals: [
            "Đánh giá độc lập các mô hình AI trên dữ liệu hình ảnh của bệnh viện thành phố",
            "Tích hợp công cụ hỗ trợ đọc phim vào hệ thống PACS hiện có",
            "Xây dựng quy trình kiểm soát chất lượng và trách nhiệm chuyên môn khi dùng AI",
        ],
        fields: &["tech.ai", "oecd.3.2"],
        keywords: &[
            "chẩn đoán hình ảnh",
            "AI y tế",
            "X-quang",
            "PACS",
            "bệnh viện tuyến tỉnh",
        ],
        ..T
    },
    Topic {
        org: DA_NANG,
        lang: En,
        title: "Smart-city data platform and open data standards for Da Nang",
        summary: "Da Nang seeks experts to design an urban data platform, open-data standards and a digital-twin pilot that connect transport, environment and public-service data across city departments.",
        context: "Da Nang has long been a national leader in e-government, but data still sits in separate departmental systems with different formats. The city wants a shared platform that departments, researchers and start-ups can build on.",
        goals: [
            "Design the reference architecture and data-governance rules of a city data platform",
            "Define open-data standards and publish the first twenty high-value datasets",
            "Pilot a digital twin of one district for flood and traffic planning",
        ],
        fields: &["tech.big_data", "tech.digital_transformation"],
        keywords: &[
            "smart city",
            "open data",
            "digital twin",
            "data governance",
            "thành phố thông minh",
        ],
        ..T
    },
    Topic {
        org: DA_NANG,
        plan: Plan::Expired,
        title: "Công nghệ xử lý rác thải sinh hoạt kết hợp thu hồi năng lượng",
        summary: "Đánh giá và lựa chọn công nghệ xử lý rác thải sinh hoạt kết hợp phát điện phù hợp với thành phần rác có độ ẩm cao, đáp ứng quy chuẩn khí thải.",
        context: "Lượng rác thải sinh hoạt của thành phố tăng khoảng 8% mỗi năm, bãi chôn lấp hiện hữu sắp đầy. Rác chưa được phân loại tại nguồn, có độ ẩm và tỷ lệ hữu cơ cao, gây khó khăn cho công nghệ đốt.",
        goals: [
            "Phân tích thành phần và nhiệt trị của rác thải theo mùa",
            "So sánh các công nghệ đốt, khí hóa và phân hủy kỵ khí về chi phí và môi trường",
            "Đề xuất lộ trình phân loại rác tại nguồn đi kèm",
        ],
        fields: &["oecd.2.7", "oecd.2.4"],
        keywords: &[
            "rác thải sinh hoạt",
            "phát điện từ rác",
            "phân loại tại nguồn",
            "khí thải",
        ],
        ..T
    },
    Topic {
        org: DA_NANG,
        plan: Plan::Submitted,
        title: "Mạng 5G dùng riêng cho cảng biển thông minh",
        summary: "Thiết kế và thử nghiệm mạng 5G dùng riêng phục vụ điều khiển cần cẩu từ xa, xe tự hành và giám sát an ninh tại cảng biển.",
        context: "Cảng biển của thành phố đang mở rộng và chuyển sang mô hình cảng thông minh. Mạng Wi-Fi hiện tại không đáp ứng yêu cầu độ trễ thấp và độ tin cậy cao cho điều khiển thiết bị từ xa.",
        goals: [
            "Khảo sát yêu cầu kết nối của từng ứng dụng tại cảng",
            "Thiết kế mạng 5G dùng riêng và phương án phân bổ tần số",
            "Thử nghiệm điều khiển cần cẩu từ xa với độ trễ dưới 20 ms",
        ],
        fields: &["tech.mobile_networks", "oecd.2.2"],
        keywords: &[
            "5G",
            "mạng dùng riêng",
            "cảng thông minh",
            "điều khiển từ xa",
        ],
        hubs: &["kr"],
        ..T
    },
    Topic {
        org: DA_NANG,
        plan: Plan::Rejected,
        title: "Quảng bá du lịch Đà Nẵng tại thị trường Nhật Bản",
        summary: "Tìm đối tác tổ chức chuỗi sự kiện quảng bá du lịch Đà Nẵng tại Tokyo và Osaka.",
        context: "Nhật Bản là một trong những thị trường khách quốc tế lớn của thành phố.",
        goals: [
            "Tổ chức sự kiện quảng bá tại Tokyo và Osaka",
            "Kết nối doanh nghiệp lữ hành hai nước",
            "Đánh giá hiệu quả truyền thông",
        ],
        fields: &["oecd.5.2"],
        keywords: &["du lịch", "xúc tiến", "Nhật Bản"],
        hubs: &["jp"],
        note: "Nội dung là hoạt động xúc tiến du lịch, không phải bài toán khoa học và công nghệ; đề nghị liên hệ cơ quan xúc tiến thương mại và du lịch.",
        ..T
    },
    // --- Trường Đại học Bách khoa Hà Nội ------------------------------------------------------
    Topic {
        org: HUST,
        title: "Thiết kế bộ vi xử lý RISC-V cho ứng dụng nhúng và IoT",
        summary: "Hợp tác thiết kế, kiểm chứng và chế tạo thử lõi vi xử lý RISC-V công suất thấp, làm nền tảng cho các chip nhúng do Việt Nam làm chủ.",
        context: "Kiến trúc tập lệnh mở RISC-V tạo cơ hội để các nước đi sau làm chủ thiết kế vi xử lý mà không phụ thuộc bản quyền. Nhóm nghiên cứu của Trường đã có lõi RISC-V chạy trên FPGA và cần hoàn thiện để tape-out.",
        goals: [
            "Tối ưu lõi RISC-V về công suất và diện tích trên công nghệ 28 nm hoặc 40 nm",
            "Xây dựng môi trường kiểm chứng theo phương pháp UVM",
            "Tape-out qua chương trình MPW và đánh giá chip mẫu",
        ],
        fields: &["semi.chip_design", "oecd.2.2"],
        keywords: &["RISC-V", "vi xử lý", "hệ thống nhúng", "FPGA", "tape-out"],
        engage: &["joint_research", "host_trainees"],
        hubs: &["jp"],
        ..T
    },
    Topic {
        org: HUST,
        title: "Vật liệu điện cực mới cho pin lithium-ion thế hệ tiếp theo",
        summary: "Nghiên cứu vật liệu cathode giàu niken và anode silicon-carbon cho pin lithium-ion có mật độ năng lượng cao, hướng tới sản xuất thử ở quy mô pilot.",
        context: "Nhu cầu pin cho xe điện và lưu trữ năng lượng tại Việt Nam tăng rất nhanh, trong khi nước ta có trữ lượng graphite và đất hiếm đáng kể. Năng lực làm chủ vật liệu điện cực sẽ quyết định vị trí của Việt Nam trong chuỗi giá trị pin.",
        goals: [
            "Tổng hợp và biến tính vật liệu cathode giàu niken có độ bền chu kỳ cao",
            "Phát triển anode silicon-carbon từ nguồn graphite trong nước",
            "Chế tạo pin túi 1–5 Ah và đánh giá theo tiêu chuẩn quốc tế",
        ],
        fields: &["tech.new_materials", "oecd.2.5", "oecd.1.4"],
        keywords: &[
            "pin lithium-ion",
            "vật liệu điện cực",
            "cathode",
            "anode silicon",
            "lưu trữ năng lượng",
        ],
        ..T
    },
    Topic {
        org: HUST,
        lang: En,
        title: "Sim-to-real reinforcement learning for flexible robotic assembly",
        summary: "HUST's robotics lab seeks a partner to transfer reinforcement-learning policies trained in simulation to industrial robot arms doing flexible assembly of small electronic parts.",
        context: "Manufacturers in northern Vietnam assemble many product variants in small batches, which makes conventional robot programming too slow. Learning-based control could make robots practical on such lines.",
        goals: [
            "Build a simulation environment that matches the lab's robot arms and grippers",
            "Train and transfer policies for peg-in-hole and cable-insertion tasks",
            "Demonstrate the system to two manufacturing partners",
        ],
        fields: &["tech.robotics", "tech.ai"],
        keywords: &[
            "reinforcement learning",
            "sim-to-real",
            "robotic assembly",
            "industrial robots",
            "robot công nghiệp",
        ],
        ..T
    },
    Topic {
        org: HUST,
        title: "Chương trình đào tạo kỹ sư an ninh mạng theo chuẩn quốc tế",
        summary: "Xây dựng chương trình đào tạo kỹ sư an ninh mạng gắn với thực hành, có phòng thí nghiệm tấn công – phòng thủ (cyber range) và hợp tác thực tập với doanh nghiệp.",
        context: "Việt Nam đang thiếu hụt hàng chục nghìn nhân lực an ninh mạng. Chương trình đào tạo hiện nay thiên về lý thuyết, ít bài thực hành trên hệ thống thật.",
        goals: [
            "Xây dựng chương trình đào tạo theo khung năng lực quốc tế NICE",
            "Thiết kế phòng thí nghiệm cyber range phục vụ giảng dạy và thi đấu",
            "Mời chuyên gia ở nước ngoài giảng dạy các học phần chuyên sâu",
        ],
        fields: &["tech.cybersecurity", "oecd.5.3"],
        keywords: &["an ninh mạng", "đào tạo", "cyber range", "CTF"],
        ..T
    },
    Topic {
        org: HUST,
        lang: En,
        title: "Visiting lecturers for a master's programme in semiconductor process engineering",
        summary: "We invite Vietnamese engineers and researchers in Japan's semiconductor industry to teach modules of a new master's programme: lithography, etching, thin films, yield and reliability.",
        context: "The university opened a master's programme in semiconductor technology in 2024. Students learn device physics well, but few local lecturers have worked in a fab.",
        goals: [
            "Teach one module of 30–45 hours, in person or in a mixed format",
            "Bring case studies from industrial process integration and yield improvement",
            "Help set up internships at partner companies in Japan",
        ],
        fields: &["semi.fabrication", "semi.materials"],
        keywords: &[
            "semiconductor process",
            "lithography",
            "thin films",
            "yield",
            "master's programme",
        ],
        engage: &["short_teaching", "host_trainees", "partner_introduction"],
        hubs: &["jp"],
        ..T
    },
    Topic {
        org: HUST,
        plan: Plan::Rejected,
        title: "Tìm nhà tài trợ học bổng cho sinh viên năm thứ nhất",
        summary: "Trường mong muốn kết nối với cá nhân, doanh nghiệp tài trợ học bổng cho sinh viên có hoàn cảnh khó khăn.",
        context: "Mỗi năm Trường có hàng trăm sinh viên có hoàn cảnh khó khăn cần được hỗ trợ.",
        goals: [
            "Kêu gọi tài trợ học bổng",
            "Tổ chức lễ trao học bổng",
            "Theo dõi kết quả học tập của sinh viên nhận học bổng",
        ],
        fields: &["oecd.5.3"],
        keywords: &["học bổng", "sinh viên"],
        money: Money::None,
        note: "Học bổng không thuộc phạm vi bài toán KH&CN trên nền tảng; đề nghị liên hệ chương trình hỗ trợ sinh viên của hội người Việt Nam tại Nhật Bản.",
        ..T
    },
    Topic {
        org: HUST,
        plan: Plan::ClosedFulfilled,
        title: "Quan trắc sức khỏe kết cấu cầu bằng cảm biến sợi quang",
        summary: "Phát triển hệ thống quan trắc biến dạng, dao động và nhiệt độ của cầu dây văng bằng cảm biến cách tử Bragg sợi quang (FBG), kết hợp mô hình phân tích dữ liệu để phát hiện hư hỏng sớm.",
        context: "Nhiều cây cầu lớn đã vận hành trên hai mươi năm và chịu tải trọng ngày càng tăng. Kiểm tra định kỳ bằng mắt thường không phát hiện được hư hỏng bên trong kết cấu.",
        goals: [
            "Thiết kế và lắp đặt mạng cảm biến FBG trên một cầu thí điểm",
            "Xây dựng mô hình số và thuật toán phát hiện bất thường",
            "Chuyển giao quy trình quan trắc cho đơn vị quản lý cầu",
        ],
        fields: &["oecd.2.1", "oecd.2.2"],
        keywords: &[
            "quan trắc kết cấu",
            "cảm biến sợi quang",
            "FBG",
            "cầu dây văng",
        ],
        ..T
    },
    // --- Viện Hàn lâm Khoa học và Công nghệ Việt Nam -------------------------------------------
    Topic {
        org: VAST,
        title: "Đánh giá đa dạng sinh học biển bằng ADN môi trường",
        summary: "Ứng dụng kỹ thuật ADN môi trường (eDNA) và giải trình tự thế hệ mới để đánh giá nhanh đa dạng sinh học tại các khu bảo tồn biển và rạn san hô.",
        context: "Các phương pháp khảo sát đa dạng sinh học biển truyền thống tốn kém, phụ thuộc thợ lặn và chuyên gia phân loại. eDNA cho phép phát hiện loài từ mẫu nước, nhưng cần thư viện mã vạch ADN cho các loài bản địa.",
        goals: [
            "Xây dựng thư viện mã vạch ADN cho các loài cá và san hô chủ yếu",
            "Chuẩn hóa quy trình lấy mẫu, tách chiết và phân tích eDNA",
            "Khảo sát thí điểm tại Cù Lao Chàm, Hòn Mun và Côn Đảo",
        ],
        fields: &["oecd.1.6", "tech.biotech"],
        keywords: &[
            "ADN môi trường",
            "eDNA",
            "đa dạng sinh học",
            "rạn san hô",
            "khu bảo tồn biển",
        ],
        location: Some("Nha Trang, Khánh Hòa"),
        ..T
    },
    Topic {
        org: VAST,
        lang: En,
        title: "Gallium nitride epitaxy on silicon for power electronics",
        summary: "The Institute of Materials Science seeks collaborators on GaN-on-Si epitaxy by MOCVD: buffer design, defect reduction and characterisation for 650 V power transistors.",
        context: "Wide-bandgap semiconductors are central to electric vehicles, chargers and renewable-energy inverters. The institute has a new MOCVD system but limited experience with thick, crack-free GaN layers on large silicon wafers.",
        goals: [
            "Develop buffer structures that keep wafer bow and cracking within industrial limits",
            "Reduce the threading dislocation density and characterise the layers",
            "Host two Vietnamese researchers for six months in the partner laboratory",
        ],
        fields: &["semi.materials", "semi.fabrication", "oecd.2.10"],
        keywords: &[
            "GaN-on-Si",
            "MOCVD",
            "power electronics",
            "epitaxy",
            "bán dẫn công suất",
        ],
        engage: &["joint_research", "host_trainees"],
        hubs: &["jp"],
        money: Money::Jpy,
        ..T
    },
    Topic {
        org: VAST,
        title: "Hợp chất thiên nhiên từ dược liệu Việt Nam định hướng điều trị ung thư",
        summary: "Sàng lọc, phân lập và đánh giá hoạt tính kháng ung thư của các hợp chất từ cây thuốc Việt Nam, hướng tới ứng viên thuốc có thể thử nghiệm tiền lâm sàng.",
        context: "Việt Nam có hơn 5.000 loài cây thuốc, nhiều loài chưa được nghiên cứu bài bản về hóa học và dược lý. Các nhóm nghiên cứu trong nước mạnh về phân lập hợp chất nhưng còn thiếu mô hình đánh giá cơ chế tác dụng.",
        goals: [
            "Sàng lọc hoạt tính trên các dòng tế bào ung thư phổ biến tại Việt Nam",
            "Xác định cơ chế tác dụng của các hợp chất tiềm năng",
            "Đánh giá độc tính và hiệu quả trên mô hình động vật",
        ],
        fields: &["oecd.3.1", "oecd.1.4", "oecd.3.4"],
        keywords: &[
            "hợp chất thiên nhiên",
            "dược liệu",
            "kháng ung thư",
            "sàng lọc hoạt tính",
        ],
        conf: Members,
        ..T
    },
    Topic {
        org: VAST,
        lang: En,
        title: "Onboard image processing for small Earth-observation satellites",
        summary: "The Vietnam National Space Center looks for experts in onboard AI and image compression to help design the payload processing unit of its next small Earth-observation satellite.",
        context: "Downlink capacity limits how many images a small satellite can deliver. Processing images onboard (cloud detection, compression, ship detection) would make each pass far more useful.",
        goals: [
            "Specify the onboard processing unit and its radiation-tolerant hardware",
            "Develop lightweight models for cloud and ship detection",
            "Test the software on a flight-representative board",
        ],
        fields: &["oecd.2.2", "tech.ai"],
        keywords: &[
            "small satellite",
            "onboard processing",
            "Earth observation",
            "edge AI",
            "vệ tinh",
        ],
        hubs: &["jp", "kr"],
        ..T
    },
    Topic {
        org: VAST,
        plan: Plan::Expired,
        title: "Mô hình hóa nguy cơ động đất và sóng thần cho vùng ven biển miền Trung",
        summary: "Xây dựng mô hình đánh giá nguy cơ động đất và sóng thần từ đới hút chìm Manila đối với vùng ven biển miền Trung, phục vụ quy hoạch và ứng phó thiên tai.",
        context: "Đới hút chìm Manila được đánh giá có khả năng gây sóng thần ảnh hưởng đến bờ biển Việt Nam. Các kịch bản hiện có chưa tích hợp dữ liệu địa hình đáy biển độ phân giải cao.",
        goals: [
            "Cập nhật mô hình nguồn động đất của đới hút chìm Manila",
            "Mô phỏng lan truyền và ngập lụt do sóng thần với địa hình độ phân giải cao",
            "Xây dựng bản đồ nguy cơ cho các đô thị ven biển",
        ],
        fields: &["oecd.1.5"],
        keywords: &[
            "động đất",
            "sóng thần",
            "đới hút chìm Manila",
            "bản đồ nguy cơ",
        ],
        ..T
    },
    Topic {
        org: VAST,
        plan: Plan::ClosedWithdrawn,
        title: "Vật liệu hấp phụ nano xử lý asen trong nước ngầm",
        summary: "Phát triển vật liệu hấp phụ nano giá thành thấp để xử lý asen trong nước ngầm cho hộ gia đình ở vùng nông thôn.",
        context: "Nhiều vùng nông thôn đồng bằng sông Hồng và sông Cửu Long sử dụng nước giếng khoan có hàm lượng asen vượt quy chuẩn. Các bộ lọc thương mại đắt và cần thay vật liệu thường xuyên.",
        goals: [
            "Tổng hợp vật liệu hấp phụ nano từ oxit sắt và vật liệu sẵn có trong nước",
            "Thử nghiệm hiệu quả và độ bền trên nước ngầm thực tế",
            "Thiết kế bộ lọc hộ gia đình có giá dưới 1 triệu đồng",
        ],
        fields: &["oecd.2.10", "oecd.2.7"],
        keywords: &[
            "asen",
            "nước ngầm",
            "vật liệu nano",
            "hấp phụ",
            "nước sạch nông thôn",
        ],
        ..T
    },
    // --- Công ty Cổ phần FPT (the demo owner's second organisation) -------------------------
    Topic {
        org: FPT,
        lang: En,
        title: "Vietnamese speech recognition for call centres with noisy, code-switched audio",
        summary: "FPT Smart Cloud seeks researchers to improve automatic speech recognition for Vietnamese call-centre audio: regional accents, background noise and frequent switching between Vietnamese and English.",
        context: "Our speech platform serves banks, telecom operators and public hotlines. Accuracy drops sharply on telephone audio with southern and central accents, and on product names said in English.",
        goals: [
            "Build a benchmark of call-centre audio with accent and code-switching labels",
            "Reduce the word error rate on the benchmark by at least 25% relative",
            "Deploy the improved models in production with streaming latency under 300 ms",
        ],
        fields: &["tech.ai", "oecd.1.2"],
        keywords: &[
            "speech recognition",
            "code-switching",
            "call centre",
            "nhận dạng tiếng nói",
            "ASR",
        ],
        money: Money::Usd,
        ..T
    },
    Topic {
        org: FPT,
        title: "An ninh mạng cho hệ thống điều khiển công nghiệp của hạ tầng điện lực",
        summary: "Đánh giá an ninh mạng và xây dựng giải pháp giám sát, phát hiện xâm nhập cho hệ thống SCADA và trạm biến áp số của khách hàng ngành điện.",
        context: "Hạ tầng điện lực ngày càng được số hóa và kết nối, làm tăng bề mặt tấn công. Các sự cố trên thế giới cho thấy tấn công vào hệ thống điều khiển công nghiệp có thể gây mất điện trên diện rộng.",
        goals: [
            "Đánh giá rủi ro an ninh mạng theo tiêu chuẩn IEC 62443 và IEC 62351",
            "Phát triển hệ thống phát hiện bất thường trên giao thức công nghiệp IEC 61850 và Modbus",
            "Xây dựng quy trình ứng phó sự cố phối hợp giữa đơn vị vận hành và trung tâm an ninh mạng",
        ],
        fields: &["tech.cybersecurity", "oecd.2.2"],
        keywords: &[
            "an ninh mạng",
            "SCADA",
            "hệ thống điều khiển công nghiệp",
            "IEC 62443",
            "hạ tầng điện lực",
        ],
        conf: InviteOnly,
        ..T
    },
    Topic {
        org: FPT,
        lang: En,
        title: "Functional safety (ISO 26262) experts for automotive software projects in Japan",
        summary: "FPT Software is looking for Vietnamese engineers in Japan with functional-safety experience to lead automotive software projects for Japanese carmakers and to coach our teams in Hanoi and Da Nang.",
        context: "Our automotive business unit develops embedded software for Japanese and European manufacturers. Projects increasingly require ASIL-rated development processes and safety cases.",
        goals: [
            "Lead safety analyses (HARA, FMEA, FTA) for two to three projects",
            "Set up an ISO 26262 training path for our engineers",
            "Represent FPT in technical discussions with customers in Japan",
        ],
        fields: &["oecd.2.3", "oecd.2.2"],
        keywords: &[
            "ISO 26262",
            "functional safety",
            "automotive software",
            "AUTOSAR",
            "phần mềm ô tô",
        ],
        engage: &["return_position", "advisory", "short_teaching"],
        hubs: &["jp"],
        money: Money::Jpy,
        ..T
    },
    Topic {
        org: FPT,
        title: "Kiểm chứng thiết kế vi mạch theo phương pháp UVM cho đội ngũ thiết kế chip",
        summary: "Tìm chuyên gia kiểm chứng thiết kế (design verification) hướng dẫn đội ngũ kỹ sư xây dựng môi trường kiểm chứng UVM, kiểm chứng hình thức và đo độ phủ cho các dự án chip.",
        context: "Đội ngũ thiết kế vi mạch của FPT đang phát triển chip quản lý nguồn và chip cho thiết bị y tế. Khâu kiểm chứng chiếm đến 60% khối lượng công việc nhưng kỹ sư có kinh nghiệm còn ít.",
        goals: [
            "Xây dựng phương pháp luận và thư viện kiểm chứng UVM dùng chung",
            "Áp dụng kiểm chứng hình thức cho các khối điều khiển quan trọng",
            "Đào tạo 30 kỹ sư kiểm chứng trong 12 tháng",
        ],
        fields: &["semi.chip_design"],
        keywords: &[
            "kiểm chứng thiết kế",
            "UVM",
            "SystemVerilog",
            "kiểm chứng hình thức",
            "thiết kế vi mạch",
        ],
        engage: &["advisory", "short_teaching", "return_position"],
        ..T
    },
    Topic {
        org: FPT,
        lang: En,
        plan: Plan::Submitted,
        title: "Post-quantum cryptography migration for banking clients",
        summary: "We need experts in post-quantum cryptography to plan how our banking clients move to the new NIST standards, from an inventory of cryptographic assets to hybrid deployment.",
        context: "Banks keep data for decades, so data encrypted today could be decrypted once large quantum computers exist. Regulators are starting to ask for migration plans.",
        goals: [
            "Build a tool that inventories the cryptographic algorithms in client systems",
            "Benchmark ML-KEM and ML-DSA implementations on client hardware",
            "Write a migration playbook and run a hybrid-TLS pilot",
        ],
        fields: &["tech.cybersecurity", "tech.quantum"],
        keywords: &[
            "post-quantum cryptography",
            "ML-KEM",
            "banking security",
            "crypto-agility",
            "mật mã hậu lượng tử",
        ],
        money: Money::Usd,
        ..T
    },
    Topic {
        org: FPT,
        lang: En,
        plan: Plan::ChangesRequested,
        title: "Document AI for Japanese insurance claim forms",
        summary: "Extract structured data from handwritten and printed Japanese insurance claim forms with high accuracy, for our business-process outsourcing services to insurers in Japan.",
        context: "Our BPO centres process hundreds of thousands of Japanese forms each month, mostly by hand. Existing OCR struggles with handwritten kanji, stamps and free-form layouts.",
        goals: [
            "Build a labelled dataset with the client's consent and privacy safeguards",
            "Develop a layout-aware model for handwritten Japanese fields",
            "Reach 95% field-level accuracy, with human review of low-confidence fields",
        ],
        fields: &["tech.ai", "tech.big_data"],
        keywords: &[
            "document AI",
            "Japanese OCR",
            "handwriting recognition",
            "insurance",
            "BPO",
        ],
        hubs: &["jp"],
        money: Money::Jpy,
        note: "Please describe how personal data in the claim forms will be protected and which party will own the resulting models.",
        ..T
    },
    Topic {
        org: FPT,
        plan: Plan::ChangesRequested,
        title: "Nền tảng khám chữa bệnh từ xa kết nối trạm y tế xã",
        summary: "Phát triển nền tảng khám chữa bệnh từ xa cho phép bác sĩ tuyến trên hỗ trợ trạm y tế xã, tích hợp hồ sơ sức khỏe điện tử và thiết bị đo sinh hiệu.",
        context: "Trạm y tế xã ở vùng sâu, vùng xa thiếu bác sĩ chuyên khoa, người dân phải đi xa để khám bệnh. Các nền tảng khám từ xa hiện có chủ yếu kết nối bệnh viện với bệnh viện.",
        goals: [
            "Thiết kế nền tảng hoạt động tốt trên đường truyền yếu",
            "Tích hợp hồ sơ sức khỏe điện tử và thiết bị đo huyết áp, điện tim, SpO2",
            "Thí điểm tại 30 trạm y tế xã và đánh giá hiệu quả",
        ],
        fields: &["tech.digital_transformation", "oecd.3.3"],
        keywords: &[
            "y tế từ xa",
            "trạm y tế xã",
            "hồ sơ sức khỏe điện tử",
            "telemedicine",
        ],
        note: "Đề nghị làm rõ cơ sở y tế phối hợp, căn cứ pháp lý của việc khám chữa bệnh từ xa và phương án bảo vệ dữ liệu sức khỏe.",
        ..T
    },
    Topic {
        org: FPT,
        lang: En,
        plan: Plan::Draft,
        title: "Digital twin of a smart factory for Japanese manufacturing clients",
        summary: "Build a digital-twin platform that mirrors production lines in real time for simulation, predictive maintenance and what-if planning, starting with a Japanese client's plant in Vietnam.",
        context: "Japanese manufacturers operating in Vietnam want to improve equipment effectiveness without stopping lines for experiments. Most of them already collect sensor data but do not use it for simulation.",
        goals: [
            "Connect PLC and sensor data through an industrial IoT gateway",
            "Build simulation models of two production lines",
            "Deliver predictive-maintenance dashboards for the client's engineers",
        ],
        fields: &["tech.robotics", "tech.big_data"],
        keywords: &[
            "digital twin",
            "smart factory",
            "predictive maintenance",
            "industrial IoT",
            "nhà máy thông minh",
        ],
        money: Money::Usd,
        ..T
    },
    Topic {
        org: FPT,
        plan: Plan::Draft,
        title: "Mô hình AI dự báo phụ tải điện cho các công ty điện lực",
        summary: "Xây dựng mô hình học máy dự báo phụ tải điện ngắn hạn và trung hạn theo khu vực, có tính đến thời tiết, điện mặt trời mái nhà và xe điện.",
        context: "Sai số dự báo phụ tải làm tăng chi phí huy động nguồn và rủi ro thiếu điện vào mùa nắng nóng. Sự phát triển nhanh của điện mặt trời mái nhà khiến các mô hình truyền thống kém chính xác.",
        goals: [
            "Tích hợp dữ liệu đo đếm, thời tiết và công suất điện mặt trời đã lắp đặt",
            "Phát triển mô hình dự báo theo giờ cho 1–7 ngày tới",
            "Đạt sai số MAPE dưới 3% trên dữ liệu thử nghiệm",
        ],
        fields: &["tech.ai", "oecd.2.2"],
        keywords: &[
            "dự báo phụ tải",
            "học máy",
            "điện mặt trời",
            "lưới điện thông minh",
        ],
        ..T
    },
    // --- Công ty TNHH Công nghệ Bán dẫn Sao Mai (unverified) -----------------------------------
    Topic {
        org: SAO_MAI,
        plan: Plan::Submitted,
        title: "Thiết kế chip quản lý nguồn cho thiết bị IoT",
        summary: "Công ty cần chuyên gia thiết kế analog hỗ trợ phát triển chip quản lý nguồn (PMIC) siêu tiết kiệm năng lượng cho cảm biến IoT dùng pin và thu năng lượng.",
        context: "Thiết bị IoT trong nông nghiệp và đô thị thông minh cần hoạt động nhiều năm với một viên pin. Công ty đã có đội ngũ thiết kế số nhưng thiếu kinh nghiệm về mạch analog và quản lý nguồn.",
        goals: [
            "Thiết kế bộ chuyển đổi DC-DC và LDO có dòng tĩnh dưới 1 µA",
            "Tích hợp mạch thu năng lượng mặt trời và nhiệt",
            "Tape-out qua chương trình MPW và đo kiểm chip mẫu",
        ],
        fields: &["semi.chip_design", "oecd.2.2"],
        keywords: &[
            "PMIC",
            "quản lý nguồn",
            "thiết kế analog",
            "IoT",
            "năng lượng thấp",
        ],
        conf: InviteOnly,
        ..T
    },
    Topic {
        org: SAO_MAI,
        lang: En,
        plan: Plan::Submitted,
        title: "Wafer-level packaging process for MEMS sensors",
        summary: "Sao Mai Semiconductor seeks a process engineer or researcher to help develop wafer-level packaging for MEMS pressure and humidity sensors at pilot scale.",
        context: "We design MEMS sensors for agriculture and industry and currently have them packaged abroad at high cost. A local wafer-level packaging line would cut cost and lead time.",
        goals: [
            "Select a bonding and through-silicon-via approach suited to our sensors",
            "Set up and qualify the pilot process",
            "Train our engineers in reliability testing",
        ],
        fields: &["semi.packaging", "oecd.2.10"],
        keywords: &[
            "wafer-level packaging",
            "MEMS",
            "TSV",
            "sensor packaging",
            "đóng gói cảm biến",
        ],
        money: Money::Usd,
        ..T
    },
    Topic {
        org: SAO_MAI,
        plan: Plan::Draft,
        title: "Kiểm thử độ tin cậy linh kiện bán dẫn công suất",
        summary: "Xây dựng quy trình kiểm thử độ tin cậy (HTRB, H3TRB, chu kỳ nhiệt) cho MOSFET và diode công suất theo tiêu chuẩn AEC-Q101.",
        context: "Khách hàng trong lĩnh vực ô tô và năng lượng yêu cầu linh kiện đạt chứng nhận độ tin cậy theo tiêu chuẩn quốc tế. Công ty chưa có phòng thử nghiệm và quy trình tương ứng.",
        goals: [
            "Thiết kế phòng thử nghiệm độ tin cậy và danh mục thiết bị",
            "Xây dựng quy trình kiểm thử theo AEC-Q101 và JEDEC",
            "Đào tạo kỹ sư phân tích hỏng hóc",
        ],
        fields: &["semi.fabrication", "semi.materials"],
        keywords: &[
            "độ tin cậy",
            "bán dẫn công suất",
            "AEC-Q101",
            "phân tích hỏng hóc",
        ],
        ..T
    },
    Topic {
        org: SAO_MAI,
        plan: Plan::Draft,
        title: "Tuyển chuyên gia về nước làm trưởng nhóm thiết kế analog",
        summary: "Công ty tìm chuyên gia thiết kế mạch analog, RF hoặc mixed-signal có trên 10 năm kinh nghiệm ở nước ngoài về nước làm trưởng nhóm thiết kế tại TP. Hồ Chí Minh.",
        context: "Đội ngũ thiết kế của công ty sẽ mở rộng từ 20 lên 60 kỹ sư trong hai năm tới. Vị trí trưởng nhóm analog là then chốt để công ty nhận các dự án chip quản lý nguồn và cảm biến.",
        goals: [
            "Dẫn dắt nhóm 10–15 kỹ sư thiết kế analog",
            "Xây dựng quy trình thiết kế và kiểm tra chất lượng",
            "Kết nối khách hàng và đối tác tại Nhật Bản, Hàn Quốc",
        ],
        fields: &["semi.chip_design"],
        keywords: &[
            "thiết kế analog",
            "mixed-signal",
            "trưởng nhóm",
            "về nước làm việc",
        ],
        engage: &["return_position"],
        money: Money::None,
        ..T
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn there_are_enough_problems_in_every_status_mostly_published() {
        let statuses: Vec<Status> = TOPICS.iter().map(|t| t.plan.status()).collect();
        assert!(statuses.len() >= 60);
        for status in Status::ALL {
            assert!(statuses.contains(&status), "{status:?}");
        }
        let published = statuses.iter().filter(|s| **s == Status::Published).count();
        assert!((30..=40).contains(&published), "{published}");
        let english = TOPICS.iter().filter(|t| t.lang == En).count();
        assert!((10..=16).contains(&english), "{english} in English");
    }

    #[test]
    fn titles_are_unique_within_each_organisation_and_organisations_by_name() {
        let mut seen = HashSet::new();
        assert!(TOPICS.iter().all(|t| seen.insert((t.org, t.title))));
        let mut names = HashSet::new();
        assert!(ORGS.iter().all(|o| names.insert(o.name_en)));
    }

    #[test]
    fn only_verified_organisations_publish_and_every_editable_problem_has_an_author() {
        for t in TOPICS {
            let org = &ORGS[t.org];
            assert!(org.status != "rejected", "{}", t.title);
            if org.status == "unverified" {
                assert!(
                    matches!(t.plan, Plan::Draft | Plan::Submitted),
                    "{}",
                    t.title
                );
            }
            if matches!(t.plan, Plan::Draft | Plan::ChangesRequested) {
                assert!(org.owner_member, "{}", t.title);
            }
        }
        let owner_drafts: HashSet<usize> = TOPICS
            .iter()
            .filter(|t| t.plan == Plan::Draft && ORGS[t.org].owner_member)
            .map(|t| t.org)
            .collect();
        assert!(
            owner_drafts.len() >= 2,
            "the demo owner sees drafts of two organisations"
        );
    }

    #[test]
    fn the_board_query_of_the_tests_matches_a_public_published_problem() {
        let rice = TOPICS
            .iter()
            .find(|t| t.title.contains("lúa chịu mặn"))
            .unwrap();
        assert_eq!(rice.plan, Plan::Published);
        assert_eq!(rice.conf, Confidentiality::Public);
        assert!(rice.hubs.is_empty());
    }
}
