//! The words the benchmark data is written with.
//!
//! The research themes (keywords, topics, focus phrases, publication titles and venues of the
//! popular fields, in Vietnamese, Japanese and English) and the institutions abroad are the demo
//! seed's own tables (`src/cli/seed_demo/themes.rs`, `institutions.rs`): one vocabulary for both
//! seeds, and no copy to drift. The fields the demo has no
//! theme for (the rarer OECD fields) get a shorter vocabulary below, and every field's labels
//! come from the `fields` table.
//!
//! The fields are ranked by popularity (the demo's theme weights first, then the rest in
//! taxonomy order) and drawn with Zipf's law over that rank; keywords are drawn with Zipf's law
//! within a field, plus a long tail of technical terms drawn with Zipf's law over a fixed,
//! seed-independent order, so every corpus has very common, mid-frequency and rare terms.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::rng::{Rng, Stream, Zipf};

use crate::cli::seed_demo::themes;

use themes::THEMES;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Vi,
    Ja,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// The same phrase in Vietnamese, Japanese and English (the demo themes' type).
#[derive(Clone, Copy, Debug)]
pub struct Tri {
    pub vi: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
}

impl Tri {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

pub const fn tri(vi: &'static str, ja: &'static str, en: &'static str) -> Tri {
    Tri { vi, ja, en }
}

/// A phrase in the three languages, owned (labels come from the database).
#[derive(Clone, Debug)]
pub struct Text3 {
    pub vi: String,
    pub ja: String,
    pub en: String,
}

impl Text3 {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

impl From<Tri> for Text3 {
    fn from(t: Tri) -> Text3 {
        Text3 {
            vi: t.vi.into(),
            ja: t.ja.into(),
            en: t.en.into(),
        }
    }
}

impl From<crate::cli::seed_demo::Tri> for Text3 {
    fn from(t: crate::cli::seed_demo::Tri) -> Text3 {
        Text3 {
            vi: t.vi.into(),
            ja: t.ja.into(),
            en: t.en.into(),
        }
    }
}

/// A row of the `fields` table.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FieldRow {
    pub code: String,
    pub parent_code: Option<String>,
    pub sort_order: i32,
    pub label_vi: String,
    pub label_ja: String,
    pub label_en: String,
}

/// Everything the generators need about one field.
pub struct FieldVocab {
    pub code: String,
    /// The field's area.
    pub parent: String,
    pub sort_order: i32,
    pub topic: Text3,
    pub focus: Vec<Text3>,
    /// By language: Vietnamese, Japanese, English; most common first.
    pub keywords: [Vec<String>; 3],
    pub degree: Text3,
    pub titles: Vec<String>,
    pub venues: Vec<(String, String)>,
    /// Indexes (into the catalogue) of fields often held together with this one.
    pub related: Vec<usize>,
}

impl FieldVocab {
    pub fn keywords(&self, lang: Lang) -> &[String] {
        &self.keywords[match lang {
            Lang::Vi => 0,
            Lang::Ja => 1,
            Lang::En => 2,
        }]
    }
}

/// The fields by popularity, with the laws to draw them and the long tail of terms.
pub struct Catalogue {
    pub fields: Vec<FieldVocab>,
    pub field_law: Zipf,
    /// Zipf's law over each field's keyword list, by list length.
    keyword_laws: HashMap<usize, Zipf>,
    pub tail: Vec<String>,
    pub tail_law: Zipf,
    /// Every hub code in the database (a problem without target hubs is listed under each).
    pub hubs: Vec<String>,
}

impl Catalogue {
    /// Builds the catalogue from the leaf fields of the taxonomy (areas are never tagged).
    pub fn new(rows: &[FieldRow]) -> anyhow::Result<Catalogue> {
        let leaves: Vec<&FieldRow> = rows.iter().filter(|r| r.parent_code.is_some()).collect();
        anyhow::ensure!(!leaves.is_empty(), "the fields table has no fields");
        let weight = |code: &str| {
            THEMES
                .iter()
                .find(|t| t.field == code)
                .map_or(0, |t| t.weight)
        };
        let mut ordered = leaves.clone();
        // Stable: among equal weights (the unthemed fields) the taxonomy order stays.
        ordered.sort_by_key(|r| std::cmp::Reverse(weight(&r.code)));
        let mut fields: Vec<FieldVocab> = ordered.iter().map(|row| field_vocab(row)).collect();
        let index: HashMap<String, usize> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.code.clone(), i))
            .collect();
        for (i, row) in ordered.iter().enumerate() {
            let related: Vec<usize> = match THEMES.iter().find(|t| t.field == row.code) {
                Some(theme) => theme
                    .related
                    .iter()
                    .filter_map(|code| index.get(*code).copied())
                    .collect(),
                // Unthemed fields: their neighbours in the same area.
                None => ordered
                    .iter()
                    .enumerate()
                    .filter(|(j, other)| *j != i && other.parent_code == row.parent_code)
                    .map(|(j, _)| j)
                    .collect(),
            };
            fields[i].related = related;
        }
        let keyword_laws = fields
            .iter()
            .flat_map(|f| f.keywords.iter().map(Vec::len))
            .filter(|&n| n > 0)
            .map(|n| (n, Zipf::new(n)))
            .collect();
        let tail = long_tail();
        let tail_law = Zipf::new(tail.len());
        Ok(Catalogue {
            field_law: Zipf::new(fields.len()),
            fields,
            keyword_laws,
            tail,
            tail_law,
            hubs: Vec::new(),
        })
    }

    /// A keyword of field `field` in `lang`, the field's first keywords the most common.
    pub fn keyword(&self, rng: &mut Rng, field: usize, lang: Lang) -> &str {
        let list = self.fields[field].keywords(lang);
        let list = match list.is_empty() {
            true => self.fields[field].keywords(Lang::En),
            false => list,
        };
        &list[self.keyword_laws[&list.len()].draw(rng)]
    }

    /// The codes of `fields` in the order the application reads a list of fields back
    /// (`sort_order`, then code), so that a profile or problem saved again through the
    /// application gets exactly the same search document.
    /// The `field:` facet values of these fields: each field and its area, once each, as the
    /// database's `scientist_facet_values` and `problem_facet_values` compute them.
    pub fn field_facets(&self, fields: &[usize]) -> Vec<String> {
        let codes: std::collections::BTreeSet<&str> = fields
            .iter()
            .flat_map(|&f| [self.fields[f].code.as_str(), self.fields[f].parent.as_str()])
            .collect();
        codes
            .into_iter()
            .map(|code| format!("field:{code}"))
            .collect()
    }

    pub fn codes(&self, fields: &[usize]) -> Vec<String> {
        let mut sorted: Vec<&FieldVocab> = fields.iter().map(|&f| &self.fields[f]).collect();
        sorted.sort_by(|a, b| (a.sort_order, &a.code).cmp(&(b.sort_order, &b.code)));
        sorted.into_iter().map(|f| f.code.clone()).collect()
    }

    /// A term of the long tail.
    pub fn tail_term(&self, rng: &mut Rng) -> &str {
        &self.tail[self.tail_law.draw(rng)]
    }
}

fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn field_vocab(row: &FieldRow) -> FieldVocab {
    let labels = Text3 {
        vi: row.label_vi.clone(),
        ja: row.label_ja.clone(),
        en: row.label_en.clone(),
    };
    let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    if let Some(t) = THEMES.iter().find(|t| t.field == row.code) {
        return FieldVocab {
            code: row.code.clone(),
            parent: row.parent_code.clone().unwrap_or_default(),
            sort_order: row.sort_order,
            topic: t.topic.into(),
            focus: t.focus.iter().map(|f| Text3::from(*f)).collect(),
            keywords: [
                strings(t.keywords_vi),
                strings(t.keywords_ja),
                strings(t.keywords_en),
            ],
            degree: t.degree.into(),
            titles: strings(t.titles),
            venues: t
                .venues
                .iter()
                .map(|(v, d)| (v.to_string(), d.to_string()))
                .collect(),
            related: Vec::new(),
        };
    }
    let topic = Text3 {
        vi: lower_first(&labels.vi),
        ja: labels.ja.clone(),
        en: lower_first(&labels.en),
    };
    let extra = EXTRA_FIELDS.iter().find(|e| e.field == row.code);
    FieldVocab {
        code: row.code.clone(),
        parent: row.parent_code.clone().unwrap_or_default(),
        sort_order: row.sort_order,
        focus: match extra {
            Some(e) => vec![e.focus.into()],
            None => vec![topic.clone()],
        },
        keywords: match extra {
            Some(e) => [strings(e.vi), strings(e.ja), strings(e.en)],
            None => [
                vec![topic.vi.clone()],
                vec![topic.ja.clone()],
                vec![topic.en.clone()],
            ],
        },
        degree: labels.clone(),
        titles: match extra {
            Some(e) => strings(e.titles),
            None => vec![format!("Recent Advances in {}", labels.en)],
        },
        venues: GENERIC_VENUES
            .iter()
            .map(|(v, d)| (v.to_string(), d.to_string()))
            .collect(),
        topic,
        related: Vec::new(),
    }
}

/// The vocabulary of a field the demo has no theme for.
struct ExtraField {
    field: &'static str,
    en: &'static [&'static str],
    vi: &'static [&'static str],
    ja: &'static [&'static str],
    focus: Tri,
    titles: &'static [&'static str],
}

const fn x(
    field: &'static str,
    en: &'static [&'static str],
    vi: &'static [&'static str],
    ja: &'static [&'static str],
    focus: Tri,
    titles: &'static [&'static str],
) -> ExtraField {
    ExtraField {
        field,
        en,
        vi,
        ja,
        focus,
        titles,
    }
}

const GENERIC_VENUES: &[(&str, &str)] = &[
    ("Scientific Reports", "10.1038/s41598"),
    ("PLOS ONE", "10.1371/journal.pone"),
    (
        "Vietnam Journal of Science and Technology",
        "10.15625/2525-2518",
    ),
    ("Heliyon", "10.1016/j.heliyon"),
];

const EXTRA_FIELDS: &[ExtraField] = &[
    x(
        "oecd.1.5",
        &["hydrology", "remote sensing", "climate modelling"],
        &["thủy văn", "viễn thám", "mô hình khí hậu"],
        &["水文学", "リモートセンシング", "気候モデル"],
        tri(
            "dự báo lũ và hạn hán ở lưu vực sông Mê Kông",
            "メコン川流域の洪水・干ばつ予測",
            "flood and drought forecasting in the Mekong basin",
        ),
        &[
            "Satellite Monitoring of Land Subsidence in the Mekong Delta",
            "Regional Climate Projections for Central Vietnam",
        ],
    ),
    x(
        "oecd.1.6",
        &["molecular biology", "genomics", "microbiology"],
        &["sinh học phân tử", "hệ gen", "vi sinh vật"],
        &["分子生物学", "ゲノム科学", "微生物学"],
        tri(
            "giải trình tự hệ gen của vi sinh vật bản địa",
            "在来微生物のゲノム解析",
            "genome sequencing of native microorganisms",
        ),
        &[
            "Metagenomic Survey of Mangrove Sediment Microbiomes",
            "CRISPR Screening of Stress-Tolerance Genes in Rice",
        ],
    ),
    x(
        "oecd.1.7",
        &["science communication", "citizen science"],
        &["truyền thông khoa học", "khoa học công dân"],
        &["科学コミュニケーション", "市民科学"],
        tri(
            "khoa học công dân trong quan trắc đa dạng sinh học",
            "生物多様性モニタリングにおける市民科学",
            "citizen science for biodiversity monitoring",
        ),
        &["Citizen Observations of Urban Biodiversity in Hanoi"],
    ),
    x(
        "oecd.2.4",
        &[
            "process engineering",
            "separation technology",
            "catalytic reactors",
        ],
        &["kỹ thuật quá trình", "công nghệ tách", "thiết bị phản ứng"],
        &["プロセス工学", "分離工学", "反応工学"],
        tri(
            "tối ưu hóa quá trình lọc hóa dầu",
            "石油精製プロセスの最適化",
            "the optimisation of petrochemical refining processes",
        ),
        &[
            "Membrane Separation of CO2 from Natural Gas",
            "Process Intensification in Biodiesel Production",
        ],
    ),
    x(
        "oecd.2.6",
        &["medical devices", "biomaterials", "biosensors"],
        &["thiết bị y tế", "vật liệu y sinh", "cảm biến sinh học"],
        &["医療機器", "生体材料", "バイオセンサ"],
        tri(
            "thiết bị chẩn đoán nhanh tại chỗ",
            "ポイントオブケア迅速診断機器",
            "point-of-care rapid diagnostic devices",
        ),
        &[
            "A Low-Cost Paper-Based Biosensor for Dengue NS1 Detection",
            "Titanium Implant Surfaces with Antibacterial Coatings",
        ],
    ),
    x(
        "oecd.2.8",
        &["bioremediation", "biogas", "composting"],
        &["xử lý sinh học", "khí sinh học", "ủ phân hữu cơ"],
        &["バイオレメディエーション", "バイオガス", "堆肥化"],
        tri(
            "xử lý sinh học đất nhiễm dioxin",
            "ダイオキシン汚染土壌のバイオレメディエーション",
            "the bioremediation of dioxin-contaminated soil",
        ),
        &["Anaerobic Digestion of Rice Straw for Biogas"],
    ),
    x(
        "oecd.2.9",
        &["fermentation", "enzyme engineering", "bioprocessing"],
        &["công nghệ lên men", "kỹ thuật enzyme", "chế biến sinh học"],
        &["発酵工学", "酵素工学", "バイオプロセス"],
        tri(
            "sản xuất enzyme công nghiệp bằng lên men",
            "発酵による産業用酵素の生産",
            "industrial enzyme production by fermentation",
        ),
        &["Fed-Batch Fermentation of Aspergillus for Cellulase Production"],
    ),
    x(
        "oecd.2.11",
        &[
            "systems engineering",
            "reliability engineering",
            "industrial engineering",
        ],
        &["kỹ thuật hệ thống", "độ tin cậy", "kỹ thuật công nghiệp"],
        &["システム工学", "信頼性工学", "生産工学"],
        tri(
            "quản lý chất lượng và độ tin cậy trong sản xuất",
            "製造における品質・信頼性管理",
            "quality and reliability management in manufacturing",
        ),
        &["Lean Manufacturing in Vietnamese Garment Factories"],
    ),
    x(
        "oecd.3.1",
        &["immunology", "pharmacology", "physiology"],
        &["miễn dịch học", "dược lý học", "sinh lý học"],
        &["免疫学", "薬理学", "生理学"],
        tri(
            "cơ chế miễn dịch trong bệnh sốt xuất huyết",
            "デング熱の免疫機構",
            "immune mechanisms in dengue fever",
        ),
        &["T-Cell Responses to Dengue Virus Serotype 2"],
    ),
    x(
        "oecd.3.2",
        &["oncology", "cardiology", "clinical trials"],
        &["ung thư học", "tim mạch", "thử nghiệm lâm sàng"],
        &["腫瘍学", "循環器内科", "臨床試験"],
        tri(
            "điều trị ung thư gan bằng liệu pháp đích",
            "標的療法による肝がん治療",
            "targeted therapy for liver cancer",
        ),
        &["Outcomes of Sorafenib in Advanced Hepatocellular Carcinoma"],
    ),
    x(
        "oecd.3.3",
        &["public health", "epidemiology", "nutrition"],
        &["y tế công cộng", "dịch tễ học", "dinh dưỡng"],
        &["公衆衛生", "疫学", "栄養学"],
        tri(
            "dịch tễ học bệnh không lây nhiễm",
            "非感染性疾患の疫学",
            "the epidemiology of non-communicable diseases",
        ),
        &["Hypertension Prevalence among Older Adults in Rural Vietnam"],
    ),
    x(
        "oecd.3.5",
        &["forensic medicine", "traditional medicine"],
        &["pháp y", "y học cổ truyền"],
        &["法医学", "伝統医学"],
        tri(
            "chuẩn hóa dược liệu y học cổ truyền",
            "伝統医薬の生薬標準化",
            "the standardisation of traditional herbal medicines",
        ),
        &["Quality Control of Herbal Medicines by HPLC Fingerprinting"],
    ),
    x(
        "oecd.4.2",
        &["animal nutrition", "dairy science", "livestock breeding"],
        &["dinh dưỡng vật nuôi", "khoa học sữa", "chọn giống vật nuôi"],
        &["動物栄養学", "酪農科学", "家畜育種"],
        tri(
            "nâng cao năng suất bò sữa",
            "乳牛の生産性向上",
            "improving dairy cattle productivity",
        ),
        &["Feed Efficiency of Crossbred Dairy Cows in Tropical Climates"],
    ),
    x(
        "oecd.4.3",
        &["veterinary medicine", "animal disease", "zoonoses"],
        &["thú y", "dịch bệnh động vật", "bệnh lây truyền từ động vật"],
        &["獣医学", "家畜疾病", "人獣共通感染症"],
        tri(
            "phòng chống dịch tả lợn châu Phi",
            "アフリカ豚熱の防疫",
            "the control of African swine fever",
        ),
        &["Surveillance of African Swine Fever in Smallholder Farms"],
    ),
    x(
        "oecd.4.4",
        &[
            "plant breeding",
            "genetically modified crops",
            "tissue culture",
        ],
        &[
            "chọn tạo giống cây trồng",
            "cây trồng biến đổi gen",
            "nuôi cấy mô",
        ],
        &["植物育種", "遺伝子組換え作物", "組織培養"],
        tri(
            "giống lúa chịu mặn cho đồng bằng sông Cửu Long",
            "メコンデルタ向け耐塩性イネ品種",
            "salt-tolerant rice varieties for the Mekong Delta",
        ),
        &["Marker-Assisted Selection for Salinity Tolerance in Rice"],
    ),
    x(
        "oecd.4.5",
        &["food science", "post-harvest technology"],
        &["khoa học thực phẩm", "công nghệ sau thu hoạch"],
        &["食品科学", "収穫後技術"],
        tri(
            "bảo quản trái cây sau thu hoạch",
            "果実の収穫後保存",
            "post-harvest preservation of fruit",
        ),
        &["Edible Coatings to Extend the Shelf Life of Dragon Fruit"],
    ),
    x(
        "oecd.5.1",
        &["cognitive psychology", "mental health"],
        &["tâm lý học nhận thức", "sức khỏe tâm thần"],
        &["認知心理学", "メンタルヘルス"],
        tri(
            "sức khỏe tâm thần của người lao động nhập cư",
            "移住労働者のメンタルヘルス",
            "the mental health of migrant workers",
        ),
        &["Acculturative Stress among Vietnamese Technical Interns in Japan"],
    ),
    x(
        "oecd.5.3",
        &["higher education", "STEM education", "e-learning"],
        &["giáo dục đại học", "giáo dục STEM", "học trực tuyến"],
        &["高等教育", "STEM教育", "eラーニング"],
        tri(
            "đổi mới giáo dục STEM ở bậc phổ thông",
            "中等教育におけるSTEM教育の改革",
            "reforming STEM education in secondary schools",
        ),
        &["Blended Learning Outcomes in Vietnamese Engineering Programmes"],
    ),
    x(
        "oecd.5.4",
        &["migration studies", "urban sociology"],
        &["nghiên cứu di cư", "xã hội học đô thị"],
        &["移民研究", "都市社会学"],
        tri(
            "cộng đồng người Việt ở nước ngoài",
            "海外のベトナム人コミュニティ",
            "Vietnamese communities abroad",
        ),
        &["Transnational Ties of Vietnamese Migrants in Japan"],
    ),
    x(
        "oecd.5.5",
        &["intellectual property", "international trade law"],
        &["sở hữu trí tuệ", "luật thương mại quốc tế"],
        &["知的財産法", "国際通商法"],
        tri(
            "bảo hộ sở hữu trí tuệ trong chuyển giao công nghệ",
            "技術移転における知的財産保護",
            "intellectual property protection in technology transfer",
        ),
        &["Patent Licensing in University–Industry Technology Transfer"],
    ),
    x(
        "oecd.5.6",
        &["public policy", "international relations"],
        &["chính sách công", "quan hệ quốc tế"],
        &["公共政策", "国際関係論"],
        tri(
            "hợp tác khoa học công nghệ Việt Nam – Nhật Bản",
            "日越科学技術協力",
            "Vietnam–Japan science and technology cooperation",
        ),
        &["Science Diplomacy in Vietnam–Japan Relations"],
    ),
    x(
        "oecd.5.7",
        &["urban planning", "regional development"],
        &["quy hoạch đô thị", "phát triển vùng"],
        &["都市計画", "地域開発"],
        tri(
            "quy hoạch đô thị thông minh",
            "スマートシティの都市計画",
            "smart city planning",
        ),
        &["Land-Use Change around Industrial Parks in the Red River Delta"],
    ),
    x(
        "oecd.5.8",
        &["digital media", "journalism"],
        &["truyền thông số", "báo chí"],
        &["デジタルメディア", "ジャーナリズム"],
        tri(
            "phát hiện tin giả trên mạng xã hội",
            "SNS上の偽情報検出",
            "detecting misinformation on social media",
        ),
        &["Misinformation Diffusion on Vietnamese Social Networks"],
    ),
    x(
        "oecd.5.9",
        &["development studies", "social innovation"],
        &["nghiên cứu phát triển", "đổi mới xã hội"],
        &["開発研究", "ソーシャルイノベーション"],
        tri(
            "đổi mới xã hội ở nông thôn",
            "農村のソーシャルイノベーション",
            "social innovation in rural areas",
        ),
        &["Community-Based Tourism and Rural Livelihoods"],
    ),
    x(
        "oecd.6.1",
        &["archaeology", "cultural heritage"],
        &["khảo cổ học", "di sản văn hóa"],
        &["考古学", "文化遺産"],
        tri(
            "số hóa di sản văn hóa",
            "文化遺産のデジタル化",
            "the digitisation of cultural heritage",
        ),
        &["3D Documentation of the Imperial Citadel of Thăng Long"],
    ),
    x(
        "oecd.6.2",
        &[
            "linguistics",
            "Japanese language education",
            "translation studies",
        ],
        &["ngôn ngữ học", "giáo dục tiếng Nhật", "dịch thuật"],
        &["言語学", "日本語教育", "翻訳学"],
        tri(
            "dạy tiếng Nhật cho kỹ sư Việt Nam",
            "ベトナム人技術者への日本語教育",
            "teaching Japanese to Vietnamese engineers",
        ),
        &["Sino-Vietnamese Vocabulary as a Resource for Learning Kanji"],
    ),
    x(
        "oecd.6.3",
        &["ethics of AI", "philosophy of science"],
        &["đạo đức trí tuệ nhân tạo", "triết học khoa học"],
        &["AI倫理", "科学哲学"],
        tri(
            "đạo đức trong nghiên cứu khoa học",
            "研究倫理",
            "research ethics",
        ),
        &["Research Integrity Policies in Southeast Asian Universities"],
    ),
    x(
        "oecd.6.4",
        &["design", "music", "performing arts"],
        &["thiết kế", "âm nhạc", "nghệ thuật biểu diễn"],
        &["デザイン", "音楽", "舞台芸術"],
        tri(
            "bảo tồn nhã nhạc cung đình Huế",
            "フエ宮廷音楽の保存",
            "preserving Huế royal court music",
        ),
        &["Digital Archives of Vietnamese Traditional Music"],
    ),
    x(
        "oecd.6.5",
        &["digital humanities", "Han-Nom studies"],
        &["nhân văn số", "Hán Nôm"],
        &["デジタル・ヒューマニティーズ", "漢喃研究"],
        tri(
            "số hóa văn bản Hán Nôm",
            "漢喃文献のデジタル化",
            "the digitisation of Hán Nôm texts",
        ),
        &["OCR for Classical Chinese and Nôm Manuscripts"],
    ),
];

/// Named techniques, materials, tools and standards: the specific words people search for.
const TECHNICAL_TERMS: &[&str] = &[
    "GaN",
    "SiC",
    "Ga2O3",
    "FinFET",
    "GAAFET",
    "RISC-V",
    "Verilog",
    "FPGA",
    "chiplet",
    "EUV lithography",
    "HBM",
    "LoRaWAN",
    "Zigbee",
    "O-RAN",
    "mmWave",
    "Qiskit",
    "transmon",
    "MXene",
    "graphene",
    "perovskite",
    "hBN",
    "MoS2",
    "YOLO",
    "ResNet",
    "BERT",
    "transformer",
    "diffusion models",
    "LoRA",
    "retrieval-augmented generation",
    "federated learning",
    "ROS2",
    "SLAM",
    "LiDAR",
    "digital twin",
    "Kubernetes",
    "blockchain",
    "zero trust",
    "SIEM",
    "fuzzing",
    "post-quantum cryptography",
    "CRISPR",
    "mRNA",
    "organoids",
    "scRNA-seq",
    "metagenomics",
    "LAMMPS",
    "VASP",
    "OpenFOAM",
    "ANSYS",
    "COMSOL",
    "Sentinel-2",
    "InSAR",
    "GNSS",
    "HPLC",
    "LC-MS",
    "XRD",
    "Raman spectroscopy",
    "XPS",
    "Weibull analysis",
    "Monte Carlo",
    "Kalman filter",
    "model predictive control",
    "PLC",
    "SCADA",
    "BIM",
    "GIS",
    "edge computing",
    "5G NR",
    "PyTorch",
    "JAX",
    "ONNX",
    "TinyML",
    "neuromorphic computing",
    "memristor",
    "spin qubits",
    "silicon photonics",
    "Bayesian optimisation",
    "graph neural networks",
    "AlphaFold",
    "PM2.5",
    "biochar",
    "life cycle assessment",
    "Kaizen",
    "Six Sigma",
    "hydroponics",
    "vermicompost",
    "Wolbachia",
    "Vibrio",
    "nuoc mam fermentation",
];

/// Title words that say nothing about a subject.
const DULL_WORDS: &[&str] = &[
    "about",
    "after",
    "against",
    "among",
    "analysis",
    "approach",
    "approaches",
    "based",
    "between",
    "during",
    "effect",
    "effects",
    "from",
    "into",
    "study",
    "their",
    "through",
    "toward",
    "towards",
    "under",
    "using",
    "with",
    "within",
    "without",
    "recent",
    "advances",
    "case",
];

/// The long tail: the technical terms and the distinctive words of every publication title, in
/// an order fixed by a seed of its own (the same for every run), so "a rare term" means the
/// same words whatever `--seed` is.
fn long_tail() -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut terms: Vec<String> = Vec::new();
    let titles = THEMES
        .iter()
        .flat_map(|t| t.titles.iter())
        .chain(EXTRA_FIELDS.iter().flat_map(|e| e.titles.iter()));
    let title_words = titles.flat_map(|title| {
        title
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    });
    for term in TECHNICAL_TERMS.iter().copied().chain(title_words) {
        let lower = term.to_lowercase();
        if term.chars().count() < 4 && !TECHNICAL_TERMS.contains(&term) {
            continue;
        }
        if DULL_WORDS.contains(&lower.as_str()) || !seen.insert(lower) {
            continue;
        }
        terms.push(term.to_string());
    }
    // Fisher–Yates with a fixed stream.
    let mut rng = Rng::new(0x6b62_7461_696c, Stream::Vocabulary, 1);
    for i in (1..terms.len()).rev() {
        let j = rng.below(i + 1);
        terms.swap(i, j);
    }
    // Then the made-up names of the rare end: compounds, gene symbols, models and devices.
    while terms.len() < TAIL_SIZE {
        let term = match rng.below(3) {
            0 => compound(&mut rng),
            1 => gene_symbol(&mut rng),
            _ => model_name(&mut rng),
        };
        if seen.insert(term.to_lowercase()) {
            terms.push(term);
        }
    }
    terms
}

/// How many terms the long tail has: with Zipf's law over them most of the last ones occur in
/// a handful of profiles, or none, at 100,000 profiles, as the rare words of a real directory.
const TAIL_SIZE: usize = 40_000;

const ELEMENTS: &[&str] = &[
    "Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
    "Ga", "Ge", "In", "Sn", "Sb", "Bi", "Al", "Si", "Zr", "Nb", "Mo", "W", "La", "Ce", "Y", "Hf",
    "Ta", "Se", "Te", "S", "O", "N", "P", "B", "F", "Cl",
];

/// A compound such as `Li7La3Zr2O12` (one search term: letters and digits run together).
fn compound(rng: &mut Rng) -> String {
    let parts = rng.between(2, 4);
    let mut out = String::new();
    for _ in 0..parts {
        out.push_str(ELEMENTS[rng.below(ELEMENTS.len())]);
        let count = rng.between(1, 12);
        if count > 1 {
            out.push_str(&count.to_string());
        }
    }
    out
}

/// A gene or protein symbol such as `KRT17` or `SLC4A1`.
fn gene_symbol(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHIKLMNPRSTVWXYZ";
    let mut out = String::new();
    for _ in 0..rng.between(2, 4) {
        out.push(char::from(*rng.pick(LETTERS)));
    }
    out.push_str(&rng.between(1, 99).to_string());
    if rng.chance(30) {
        out.push(char::from(*rng.pick(LETTERS)));
        out.push_str(&rng.between(1, 9).to_string());
    }
    out
}

/// A model, dataset or device name such as `MekongBERT` or `LotusSeg34`.
fn model_name(rng: &mut Rng) -> String {
    const FIRST: &[&str] = &[
        "Viet", "Saigon", "Lotus", "Mekong", "Lac", "Hong", "Rong", "Sen", "Tre", "Sao", "Fuji",
        "Sakura", "Hanoi", "Delta", "Bamboo", "Lua", "Nam", "Song", "Bien", "Nui",
    ];
    const SECOND: &[&str] = &[
        "Net", "BERT", "GPT", "Seg", "Det", "Former", "Flow", "Bot", "Sense", "Vision", "Sat",
        "Chip", "Core", "Lab", "Grid", "Twin", "Scan", "Map", "Log", "Cell",
    ];
    let mut out = format!("{}{}", rng.pick(FIRST), rng.pick(SECOND));
    if rng.chance(70) {
        out.push_str(&rng.between(1, 999).to_string());
    }
    out
}

/// Latin text without its diacritics ("Việt Phát" → "Viet Phat"), case kept.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

// --- people -----------------------------------------------------------------------------------

// The demo seed's name lists (weighted family names, middle and given names by sex, with their
// katakana readings): one source for both seeds.
use crate::cli::seed_demo::{
    FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, MIDDLE_NAMES_FEMALE, MIDDLE_NAMES_MALE,
    Part,
};

const MIDDLE_NAMES: [&[Part]; 2] = [MIDDLE_NAMES_MALE, MIDDLE_NAMES_FEMALE];
const GIVEN_NAMES: [&[Part]; 2] = [GIVEN_NAMES_MALE, GIVEN_NAMES_FEMALE];

pub struct Name {
    pub full: String,
    pub kana: String,
}

pub fn draw_name(rng: &mut Rng) -> Name {
    let sex = rng.below(2);
    let family = {
        let weighted: Vec<(usize, u32)> = FAMILY_NAMES
            .iter()
            .enumerate()
            .map(|(i, (_, w))| (i, *w))
            .collect();
        FAMILY_NAMES[rng.choose(&weighted)].0
    };
    let middle = *rng.pick(MIDDLE_NAMES[sex]);
    let given = loop {
        let given = *rng.pick(GIVEN_NAMES[sex]);
        if given.0 != middle.0 {
            break given;
        }
    };
    let parts = [family, middle, given];
    Name {
        full: parts.map(|p| p.0).join(" "),
        kana: parts.map(|p| p.1).join("・"),
    }
}

// --- Vietnam: places, sectors, organisations -------------------------------------------------

pub const PROVINCES: &[&str] = &[
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Huế",
    "Bắc Ninh",
    "Thái Nguyên",
    "Quảng Ninh",
    "Nghệ An",
    "Thanh Hóa",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "An Giang",
    "Cà Mau",
    "Vĩnh Long",
    "Đồng Tháp",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Ngãi",
    "Gia Lai",
    "Lào Cai",
    "Sơn La",
    "Điện Biên",
    "Cao Bằng",
    "Lạng Sơn",
    "Tuyên Quang",
    "Phú Thọ",
    "Quảng Trị",
    "Hà Tĩnh",
    "Lai Châu",
];

/// Economic sectors a problem serves.
pub const SECTORS: &[Tri] = &[
    tri("sản xuất công nghiệp", "製造業", "industrial manufacturing"),
    tri("nông nghiệp", "農業", "agriculture"),
    tri("y tế", "医療", "healthcare"),
    tri("giao thông đô thị", "都市交通", "urban transport"),
    tri(
        "năng lượng tái tạo",
        "再生可能エネルギー",
        "renewable energy",
    ),
    tri("cấp thoát nước", "上下水道", "water supply and drainage"),
    tri("giáo dục", "教育", "education"),
    tri("hành chính công", "行政サービス", "public administration"),
    tri(
        "logistics và cảng biển",
        "物流・港湾",
        "logistics and ports",
    ),
    tri("du lịch", "観光", "tourism"),
    tri("nuôi trồng thủy sản", "水産養殖", "aquaculture"),
    tri(
        "xây dựng hạ tầng",
        "インフラ建設",
        "infrastructure construction",
    ),
    tri("dệt may", "繊維産業", "textiles and garments"),
    tri(
        "công nghiệp điện tử",
        "電子産業",
        "the electronics industry",
    ),
    tri("tài chính ngân hàng", "金融", "banking and finance"),
    tri("quản lý môi trường", "環境管理", "environmental management"),
    tri("phòng chống thiên tai", "防災", "disaster prevention"),
];

/// (Vietnamese, English, Japanese) names.
pub type OrgName = (&'static str, &'static str, Option<&'static str>);

pub const MINISTRIES: &[OrgName] = &[
    (
        "Bộ Khoa học và Công nghệ",
        "Ministry of Science and Technology",
        Some("ベトナム科学技術省"),
    ),
    (
        "Bộ Công Thương",
        "Ministry of Industry and Trade",
        Some("ベトナム商工省"),
    ),
    (
        "Bộ Nông nghiệp và Môi trường",
        "Ministry of Agriculture and Environment",
        Some("ベトナム農業環境省"),
    ),
    ("Bộ Y tế", "Ministry of Health", Some("ベトナム保健省")),
    (
        "Bộ Giáo dục và Đào tạo",
        "Ministry of Education and Training",
        Some("ベトナム教育訓練省"),
    ),
    (
        "Bộ Xây dựng",
        "Ministry of Construction",
        Some("ベトナム建設省"),
    ),
    (
        "Bộ Tài chính",
        "Ministry of Finance",
        Some("ベトナム財務省"),
    ),
    (
        "Bộ Quốc phòng",
        "Ministry of National Defence",
        Some("ベトナム国防省"),
    ),
    (
        "Bộ Công an",
        "Ministry of Public Security",
        Some("ベトナム公安省"),
    ),
    (
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Ministry of Culture, Sports and Tourism",
        Some("ベトナム文化スポーツ観光省"),
    ),
];

pub const DEPARTMENTS: &[OrgName] = &[
    (
        "Vụ Khoa học và Công nghệ",
        "Department of Science and Technology",
        Some("科学技術局"),
    ),
    (
        "Vụ Hợp tác quốc tế",
        "Department of International Cooperation",
        Some("国際協力局"),
    ),
    (
        "Vụ Kế hoạch – Tài chính",
        "Department of Planning and Finance",
        Some("計画財務局"),
    ),
    (
        "Cục Chuyển đổi số",
        "Department of Digital Transformation",
        Some("デジタル変革局"),
    ),
];

pub const AGENCIES: &[OrgName] = &[
    (
        "Cục Đổi mới sáng tạo",
        "National Agency for Innovation",
        Some("イノベーション局"),
    ),
    (
        "Cục Sở hữu trí tuệ",
        "Intellectual Property Office of Vietnam",
        Some("ベトナム知的財産局"),
    ),
    (
        "Cục An toàn thông tin",
        "Authority of Information Security",
        Some("情報安全局"),
    ),
    (
        "Quỹ Phát triển khoa học và công nghệ Quốc gia",
        "National Foundation for Science and Technology Development",
        Some("国家科学技術開発基金"),
    ),
    (
        "Cục Năng lượng nguyên tử",
        "Vietnam Atomic Energy Agency",
        Some("ベトナム原子力庁"),
    ),
    (
        "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia",
        "Directorate for Standards, Metrology and Quality",
        None,
    ),
    (
        "Cục Quản lý Dược",
        "Drug Administration of Vietnam",
        Some("ベトナム医薬品管理局"),
    ),
    (
        "Cục Biến đổi khí hậu",
        "Department of Climate Change",
        Some("気候変動局"),
    ),
    (
        "Trung tâm Dự báo khí tượng thủy văn quốc gia",
        "National Centre for Hydro-Meteorological Forecasting",
        None,
    ),
];

/// Provincial bodies: (Vietnamese prefix, English prefix).
pub const LOCAL_BODIES: &[(&str, &str)] = &[
    (
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology of",
    ),
    ("Ủy ban nhân dân", "People's Committee of"),
    ("Sở Công Thương", "Department of Industry and Trade of"),
    (
        "Sở Nông nghiệp và Môi trường",
        "Department of Agriculture and Environment of",
    ),
    ("Sở Y tế", "Department of Health of"),
];

pub const UNIVERSITIES: &[OrgName] = &[
    (
        "Đại học Bách khoa Hà Nội",
        "Hanoi University of Science and Technology",
        Some("ハノイ工科大学"),
    ),
    (
        "Đại học Quốc gia Hà Nội",
        "Vietnam National University, Hanoi",
        Some("ベトナム国家大学ハノイ校"),
    ),
    (
        "Đại học Quốc gia Thành phố Hồ Chí Minh",
        "Vietnam National University, Ho Chi Minh City",
        Some("ベトナム国家大学ホーチミン市校"),
    ),
    (
        "Trường Đại học Cần Thơ",
        "Can Tho University",
        Some("カントー大学"),
    ),
    (
        "Đại học Đà Nẵng",
        "The University of Danang",
        Some("ダナン大学"),
    ),
    ("Đại học Huế", "Hue University", Some("フエ大学")),
    (
        "Trường Đại học Việt Nhật",
        "VNU Vietnam Japan University",
        Some("日越大学"),
    ),
    (
        "Học viện Nông nghiệp Việt Nam",
        "Vietnam National University of Agriculture",
        Some("ベトナム国家農業大学"),
    ),
    (
        "Trường Đại học Y Hà Nội",
        "Hanoi Medical University",
        Some("ハノイ医科大学"),
    ),
    ("Đại học Thái Nguyên", "Thai Nguyen University", None),
    (
        "Trường Đại học Kinh tế Quốc dân",
        "National Economics University",
        Some("国民経済大学"),
    ),
    (
        "Trường Đại học Giao thông Vận tải",
        "University of Transport and Communications",
        Some("交通運輸大学"),
    ),
    (
        "Trường Đại học Xây dựng Hà Nội",
        "Hanoi University of Civil Engineering",
        Some("ハノイ建設大学"),
    ),
    (
        "Trường Đại học Thủy lợi",
        "Thuyloi University",
        Some("水利大学"),
    ),
    (
        "Trường Đại học Sư phạm Hà Nội",
        "Hanoi National University of Education",
        Some("ハノイ師範大学"),
    ),
    ("Trường Đại học Nha Trang", "Nha Trang University", None),
    (
        "Trường Đại học Tôn Đức Thắng",
        "Ton Duc Thang University",
        None,
    ),
    ("Trường Đại học Vinh", "Vinh University", None),
    ("Trường Đại học Quy Nhơn", "Quy Nhon University", None),
    (
        "Học viện Công nghệ Bưu chính Viễn thông",
        "Posts and Telecommunications Institute of Technology",
        None,
    ),
    ("Trường Đại học Phenikaa", "Phenikaa University", None),
];

pub const FACULTIES: &[(&str, &str)] = &[
    (
        "Trường Công nghệ Thông tin và Truyền thông",
        "School of Information and Communication Technology",
    ),
    (
        "Trường Điện – Điện tử",
        "School of Electrical and Electronic Engineering",
    ),
    ("Khoa Vật lý Kỹ thuật", "Faculty of Engineering Physics"),
    ("Khoa Hóa học", "Faculty of Chemistry"),
    ("Khoa Môi trường", "Faculty of Environment"),
    ("Khoa Cơ khí", "Faculty of Mechanical Engineering"),
    ("Khoa Y", "Faculty of Medicine"),
    ("Khoa Kinh tế", "Faculty of Economics"),
];

pub const INSTITUTES: &[OrgName] = &[
    (
        "Viện Công nghệ Thông tin",
        "Institute of Information Technology",
        Some("情報技術研究所"),
    ),
    ("Viện Vật lý", "Institute of Physics", Some("物理学研究所")),
    ("Viện Hóa học", "Institute of Chemistry", Some("化学研究所")),
    (
        "Viện Khoa học Vật liệu",
        "Institute of Materials Science",
        Some("材料科学研究所"),
    ),
    (
        "Viện Công nghệ Sinh học",
        "Institute of Biotechnology",
        Some("バイオテクノロジー研究所"),
    ),
    ("Viện Cơ học", "Institute of Mechanics", None),
    (
        "Viện Toán học",
        "Institute of Mathematics",
        Some("数学研究所"),
    ),
    (
        "Viện Công nghệ Môi trường",
        "Institute of Environmental Technology",
        None,
    ),
    (
        "Viện Hải dương học",
        "Institute of Oceanography",
        Some("海洋学研究所"),
    ),
    (
        "Viện Nghiên cứu Hệ gen",
        "Institute of Genome Research",
        None,
    ),
    (
        "Viện Năng lượng",
        "Institute of Energy",
        Some("エネルギー研究所"),
    ),
    (
        "Viện Khoa học Nông nghiệp Việt Nam",
        "Vietnam Academy of Agricultural Sciences",
        Some("ベトナム農業科学アカデミー"),
    ),
    (
        "Viện Vệ sinh Dịch tễ Trung ương",
        "National Institute of Hygiene and Epidemiology",
        Some("国立衛生疫学研究所"),
    ),
    (
        "Viện Nghiên cứu Điện tử, Tin học, Tự động hóa",
        "Research Institute of Electronics, Informatics and Automation",
        None,
    ),
    (
        "Viện Khoa học Thủy lợi Việt Nam",
        "Vietnam Academy for Water Resources",
        None,
    ),
];

/// Syllables of company brands ("Việt Phát", "Sao Minh").
pub const BRAND_SYLLABLES: &[&str] = &[
    "Việt",
    "Sao",
    "Phú",
    "Hòa",
    "Thành",
    "Tân",
    "Đại",
    "Minh",
    "Hưng",
    "An",
    "Long",
    "Nam",
    "Sơn",
    "Hải",
    "Quang",
    "Thịnh",
    "Phát",
    "Tiến",
    "Trường",
    "Lộc",
    "Bình",
    "Kim",
    "Hoàng",
    "Đông",
    "Tây",
];

/// (Vietnamese, English) company sectors.
pub const COMPANY_SECTORS: &[(&str, &str)] = &[
    ("Công nghệ", "Technology"),
    ("Điện tử", "Electronics"),
    ("Phần mềm", "Software"),
    ("Năng lượng", "Energy"),
    ("Cơ khí", "Engineering"),
    ("Dược phẩm", "Pharmaceutical"),
    ("Thực phẩm", "Foods"),
    ("Vật liệu mới", "Advanced Materials"),
    ("Nông nghiệp Công nghệ cao", "High-Tech Agriculture"),
    ("Logistics", "Logistics"),
    ("Viễn thông", "Telecom"),
    ("Dệt may", "Textile"),
    ("Xây dựng", "Construction"),
    ("Thủy sản", "Seafood"),
    ("Bán dẫn", "Semiconductor"),
];

/// (Vietnamese form, English form) of a company.
pub const COMPANY_FORMS: &[(&str, &str)] = &[
    ("Công ty Cổ phần", "Joint Stock Company"),
    ("Công ty TNHH", "Co., Ltd."),
    ("Tập đoàn", "Group"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_vietnamese_marks_only() {
        assert_eq!(fold("Việt Phát Đông"), "Viet Phat Dong");
        assert_eq!(fold("半導体"), "半導体");
    }

    #[test]
    fn the_long_tail_is_large_distinct_and_fixed() {
        let tail = long_tail();
        assert_eq!(tail.len(), TAIL_SIZE);
        assert_eq!(tail, long_tail());
        let lower: std::collections::HashSet<String> =
            tail.iter().map(|t| t.to_lowercase()).collect();
        assert_eq!(lower.len(), tail.len());
        assert!(!tail.iter().any(|t| t == "using" || t == "for"));
    }

    #[test]
    fn extra_fields_are_not_themes() {
        for extra in EXTRA_FIELDS {
            assert!(
                THEMES.iter().all(|t| t.field != extra.field),
                "{}",
                extra.field
            );
        }
    }
}
