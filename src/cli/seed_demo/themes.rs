//! Research themes: the words, keywords, summaries and publications of each field, in three
//! languages, from which demo profiles are written.

use super::*;

/// What a field contributes to a generated profile: its words in three languages, the
/// phrases summaries are built from, and publication titles and venues.
pub(crate) struct Theme {
    pub(crate) field: &'static str,
    /// How common the field is among the community: AI, computing, electrical engineering,
    /// materials and semiconductors dominate, as in the pilot's community.
    pub(crate) weight: u32,
    pub(crate) related: &'static [&'static str],
    pub(crate) keywords_en: &'static [&'static str],
    pub(crate) keywords_vi: &'static [&'static str],
    pub(crate) keywords_ja: &'static [&'static str],
    /// A noun phrase naming the field ("thiết kế vi mạch bán dẫn", "半導体の設計").
    pub(crate) topic: Tri,
    /// Noun phrases for a current focus within the field.
    pub(crate) focus: &'static [Tri],
    /// The subject of a degree in the field (ja: the degree's discipline, as in 博士（工学）).
    pub(crate) degree: Tri,
    pub(crate) titles: &'static [&'static str],
    /// (venue, DOI stem): a DOI is the stem, the year and a number.
    pub(crate) venues: &'static [(&'static str, &'static str)],
}

pub(crate) const THEMES: &[Theme] = &[
    Theme {
        field: "tech.ai",
        weight: 22,
        related: &[
            "tech.big_data",
            "oecd.1.2",
            "tech.robotics",
            "tech.digital_transformation",
        ],
        keywords_en: &[
            "deep learning",
            "machine learning",
            "computer vision",
            "natural language processing",
            "reinforcement learning",
            "large language models",
        ],
        keywords_vi: &[
            "học máy",
            "học sâu",
            "thị giác máy tính",
            "xử lý ngôn ngữ tự nhiên",
            "trí tuệ nhân tạo",
        ],
        keywords_ja: &[
            "機械学習",
            "深層学習",
            "画像認識",
            "自然言語処理",
            "人工知能",
        ],
        topic: tri(
            "trí tuệ nhân tạo và học máy",
            "人工知能と機械学習",
            "artificial intelligence and machine learning",
        ),
        focus: &[
            tri(
                "các mô hình học sâu cho thị giác máy tính",
                "画像認識のための深層学習モデル",
                "deep learning models for computer vision",
            ),
            tri(
                "xử lý ngôn ngữ tự nhiên cho tiếng Việt và tiếng Nhật",
                "ベトナム語と日本語の自然言語処理",
                "natural language processing for Vietnamese and Japanese",
            ),
            tri(
                "học tăng cường cho điều khiển và tối ưu hóa",
                "制御と最適化のための強化学習",
                "reinforcement learning for control and optimisation",
            ),
            tri(
                "mô hình ngôn ngữ lớn và ứng dụng trong doanh nghiệp",
                "大規模言語モデルとその企業での活用",
                "large language models and their use in industry",
            ),
        ],
        degree: tri("Khoa học máy tính", "情報学", "Computer Science"),
        titles: &[
            "A Lightweight Vision Transformer for Real-Time Defect Detection on Production Lines",
            "Self-Supervised Contrastive Learning for Low-Resource Vietnamese Speech Recognition",
            "Graph Neural Networks for Traffic Forecasting in Dense Urban Areas",
            "Federated Learning with Differential Privacy for Medical Image Segmentation",
            "Instruction Tuning of Large Language Models for Vietnamese–Japanese Translation",
        ],
        venues: &[
            (
                "IEEE Transactions on Pattern Analysis and Machine Intelligence",
                "10.1109/TPAMI",
            ),
            ("Neural Networks", "10.1016/j.neunet"),
            ("IEEE Access", "10.1109/ACCESS"),
            ("Pattern Recognition", "10.1016/j.patcog"),
            ("Applied Intelligence", "10.1007/s10489"),
        ],
    },
    Theme {
        field: "oecd.1.2",
        weight: 16,
        related: &[
            "tech.ai",
            "tech.big_data",
            "tech.cybersecurity",
            "tech.digital_transformation",
        ],
        keywords_en: &[
            "distributed systems",
            "software engineering",
            "cloud computing",
            "databases",
            "high-performance computing",
        ],
        keywords_vi: &[
            "hệ thống phân tán",
            "kỹ thuật phần mềm",
            "điện toán đám mây",
            "cơ sở dữ liệu",
        ],
        keywords_ja: &[
            "分散システム",
            "ソフトウェア工学",
            "クラウドコンピューティング",
            "データベース",
        ],
        topic: tri(
            "khoa học máy tính và hệ thống phân tán",
            "計算機科学と分散システム",
            "computer science and distributed systems",
        ),
        focus: &[
            tri(
                "kiến trúc điện toán đám mây có khả năng mở rộng",
                "スケーラブルなクラウド基盤のアーキテクチャ",
                "scalable cloud architectures",
            ),
            tri(
                "kiểm thử và bảo đảm chất lượng phần mềm",
                "ソフトウェアのテストと品質保証",
                "software testing and quality assurance",
            ),
            tri(
                "tính toán hiệu năng cao cho mô phỏng khoa học",
                "科学シミュレーションのための高性能計算",
                "high-performance computing for scientific simulation",
            ),
        ],
        degree: tri("Khoa học máy tính", "情報学", "Computer Science"),
        titles: &[
            "Consistency-Aware Scheduling for Geo-Distributed Cloud Databases",
            "An Empirical Study of Flaky Tests in Large Industrial Codebases",
            "Energy-Efficient Task Placement on Heterogeneous Edge Clusters",
            "Scalable Graph Processing on Disaggregated Memory",
        ],
        venues: &[
            (
                "IEEE Transactions on Parallel and Distributed Systems",
                "10.1109/TPDS",
            ),
            ("Journal of Systems and Software", "10.1016/j.jss"),
            ("Future Generation Computer Systems", "10.1016/j.future"),
            (
                "IEICE Transactions on Information and Systems",
                "10.1587/transinf",
            ),
        ],
    },
    Theme {
        field: "oecd.2.2",
        weight: 14,
        related: &[
            "semi.chip_design",
            "tech.mobile_networks",
            "tech.robotics",
            "semi.materials",
        ],
        keywords_en: &[
            "power electronics",
            "signal processing",
            "embedded systems",
            "IoT",
            "control systems",
        ],
        keywords_vi: &[
            "điện tử công suất",
            "xử lý tín hiệu",
            "hệ thống nhúng",
            "Internet vạn vật",
            "điều khiển tự động",
        ],
        keywords_ja: &[
            "パワーエレクトロニクス",
            "信号処理",
            "組込みシステム",
            "電力変換",
        ],
        topic: tri(
            "kỹ thuật điện – điện tử",
            "電気電子工学",
            "electrical and electronic engineering",
        ),
        focus: &[
            tri(
                "bộ biến đổi điện tử công suất cho xe điện và năng lượng tái tạo",
                "電気自動車と再生可能エネルギーのための電力変換器",
                "power converters for electric vehicles and renewable energy",
            ),
            tri(
                "hệ thống nhúng và thiết bị IoT tiết kiệm năng lượng",
                "省電力な組込みシステムとIoT機器",
                "energy-efficient embedded systems and IoT devices",
            ),
            tri(
                "xử lý tín hiệu số cho radar và cảm biến",
                "レーダーとセンサのためのディジタル信号処理",
                "digital signal processing for radar and sensors",
            ),
        ],
        degree: tri("Kỹ thuật điện", "工学", "Electrical Engineering"),
        titles: &[
            "A GaN-Based Bidirectional Converter with 98.5% Efficiency for Vehicle-to-Grid Applications",
            "Model Predictive Control of Grid-Forming Inverters under Weak Grid Conditions",
            "Low-Power Wake-Up Receivers for Battery-Free IoT Sensor Nodes",
            "Sparse Signal Recovery for Automotive FMCW Radar",
        ],
        venues: &[
            ("IEEE Transactions on Power Electronics", "10.1109/TPEL"),
            ("IEEE Transactions on Industrial Electronics", "10.1109/TIE"),
            ("IEEE Internet of Things Journal", "10.1109/JIOT"),
            ("IEEJ Journal of Industry Applications", "10.1541/ieejjia"),
        ],
    },
    Theme {
        field: "oecd.2.5",
        weight: 9,
        related: &[
            "tech.new_materials",
            "semi.materials",
            "oecd.2.10",
            "oecd.1.4",
        ],
        keywords_en: &[
            "thin films",
            "battery materials",
            "composites",
            "materials characterization",
        ],
        keywords_vi: &[
            "khoa học vật liệu",
            "vật liệu màng mỏng",
            "vật liệu pin",
            "vật liệu composite",
        ],
        keywords_ja: &["材料科学", "薄膜", "電池材料", "複合材料"],
        topic: tri(
            "khoa học và kỹ thuật vật liệu",
            "材料科学・材料工学",
            "materials science and engineering",
        ),
        focus: &[
            tri(
                "vật liệu điện cực cho pin lithium-ion thế hệ mới",
                "次世代リチウムイオン電池の電極材料",
                "electrode materials for next-generation lithium-ion batteries",
            ),
            tri(
                "màng mỏng chức năng chế tạo bằng phương pháp phún xạ",
                "スパッタリング法による機能性薄膜",
                "functional thin films grown by sputtering",
            ),
            tri(
                "vật liệu composite nhẹ cho ngành ô tô",
                "自動車向け軽量複合材料",
                "lightweight composites for the automotive industry",
            ),
        ],
        degree: tri("Khoa học vật liệu", "工学", "Materials Science"),
        titles: &[
            "Suppressing Capacity Fade in Ni-Rich Cathodes by Atomic Layer Coating",
            "Microstructure Control of Sputtered Oxide Thin Films for Transparent Electronics",
            "Fatigue Behaviour of Carbon-Fibre Reinforced Thermoplastics",
            "High-Throughput Screening of Solid Electrolytes Guided by Machine Learning",
        ],
        venues: &[
            ("Acta Materialia", "10.1016/j.actamat"),
            ("Journal of Power Sources", "10.1016/j.jpowsour"),
            ("Materials Transactions", "10.2320/matertrans"),
            ("Advanced Functional Materials", "10.1002/adfm"),
        ],
    },
    Theme {
        field: "semi.chip_design",
        weight: 10,
        related: &["oecd.2.2", "semi.fabrication", "semi.packaging", "tech.ai"],
        keywords_en: &[
            "VLSI design",
            "analog circuit design",
            "RISC-V",
            "SoC verification",
        ],
        keywords_vi: &[
            "thiết kế vi mạch",
            "thiết kế chip",
            "vi mạch tương tự",
            "bán dẫn",
        ],
        keywords_ja: &["半導体", "集積回路設計", "アナログ回路", "半導体設計"],
        topic: tri(
            "thiết kế vi mạch bán dẫn",
            "半導体の設計",
            "semiconductor chip design",
        ),
        focus: &[
            tri(
                "thiết kế mạch tương tự tiêu thụ năng lượng thấp cho IoT",
                "IoT向け低消費電力アナログ回路の設計",
                "low-power analog circuits for IoT devices",
            ),
            tri(
                "kiến trúc vi xử lý RISC-V",
                "RISC-Vプロセッサのアーキテクチャ",
                "RISC-V processor architecture",
            ),
            tri(
                "kiểm chứng thiết kế SoC",
                "SoC設計の検証",
                "the verification of SoC designs",
            ),
        ],
        degree: tri("Kỹ thuật điện tử", "工学", "Electronic Engineering"),
        titles: &[
            "A 12-bit 200-MS/s SAR ADC with Background Calibration in 28-nm CMOS",
            "An Open-Source RISC-V Vector Processor for Edge AI Inference",
            "Formal Verification of Cache Coherence in Multi-Core SoCs",
            "A Sub-1-V Bandgap Reference for Energy-Harvesting Sensors",
        ],
        venues: &[
            ("IEEE Journal of Solid-State Circuits", "10.1109/JSSC"),
            (
                "IEEE Transactions on Circuits and Systems I: Regular Papers",
                "10.1109/TCSI",
            ),
            ("IEICE Transactions on Electronics", "10.1587/transele"),
            ("Integration, the VLSI Journal", "10.1016/j.vlsi"),
        ],
    },
    Theme {
        field: "semi.materials",
        weight: 7,
        related: &[
            "semi.fabrication",
            "oecd.2.5",
            "oecd.1.3",
            "tech.new_materials",
        ],
        keywords_en: &["GaN", "SiC", "wide-bandgap semiconductors", "power devices"],
        keywords_vi: &[
            "bán dẫn công suất",
            "vật liệu bán dẫn",
            "bán dẫn vùng cấm rộng",
        ],
        keywords_ja: &["半導体材料", "パワー半導体", "窒化ガリウム", "炭化ケイ素"],
        topic: tri("vật liệu bán dẫn", "半導体材料", "semiconductor materials"),
        focus: &[
            tri(
                "linh kiện bán dẫn công suất trên nền GaN và SiC",
                "GaNとSiCを用いたパワー半導体デバイス",
                "GaN and SiC power semiconductor devices",
            ),
            tri(
                "tăng trưởng tinh thể và kiểm soát khuyết tật trong bán dẫn",
                "半導体結晶の成長と欠陥制御",
                "crystal growth and defect control in semiconductors",
            ),
        ],
        degree: tri("Vật lý kỹ thuật", "工学", "Applied Physics"),
        titles: &[
            "Reduction of Threading Dislocations in GaN-on-Si by Patterned Buffer Layers",
            "Interface Trap Density in SiC MOSFETs after High-Temperature Nitridation",
            "Epitaxial Growth of β-Ga2O3 for Ultra-Wide-Bandgap Power Devices",
        ],
        venues: &[
            ("Japanese Journal of Applied Physics", "10.35848/1347-4065"),
            ("Applied Physics Letters", "10.1063/apl"),
            ("IEEE Transactions on Electron Devices", "10.1109/TED"),
            ("Journal of Crystal Growth", "10.1016/j.jcrysgro"),
        ],
    },
    Theme {
        field: "semi.fabrication",
        weight: 5,
        related: &["semi.materials", "semi.packaging", "oecd.2.10"],
        keywords_en: &[
            "lithography",
            "process integration",
            "yield enhancement",
            "plasma etching",
        ],
        keywords_vi: &["chế tạo bán dẫn", "quang khắc", "quy trình chế tạo vi mạch"],
        keywords_ja: &[
            "半導体製造",
            "リソグラフィ",
            "プロセス技術",
            "プラズマエッチング",
        ],
        topic: tri(
            "công nghệ chế tạo bán dẫn",
            "半導体製造プロセス",
            "semiconductor fabrication",
        ),
        focus: &[
            tri(
                "quang khắc EUV và kiểm soát kích thước tới hạn",
                "EUVリソグラフィと寸法制御",
                "EUV lithography and critical-dimension control",
            ),
            tri(
                "ăn mòn plasma và nâng cao hiệu suất sản xuất",
                "プラズマエッチングと歩留まり向上",
                "plasma etching and yield improvement",
            ),
        ],
        degree: tri("Kỹ thuật điện tử", "工学", "Electronic Engineering"),
        titles: &[
            "Stochastic Defect Reduction in EUV Resist Patterning",
            "Atomic Layer Etching of High-k Dielectrics for Gate-All-Around Transistors",
            "Virtual Metrology for Yield Prediction in 300-mm Fabs",
        ],
        venues: &[
            (
                "IEEE Transactions on Semiconductor Manufacturing",
                "10.1109/TSM",
            ),
            ("Journal of Vacuum Science & Technology B", "10.1116/jvstb"),
            ("Japanese Journal of Applied Physics", "10.35848/1347-4065"),
        ],
    },
    Theme {
        field: "semi.packaging",
        weight: 3,
        related: &["semi.chip_design", "semi.fabrication", "oecd.2.3"],
        keywords_en: &[
            "advanced packaging",
            "chiplet",
            "3D integration",
            "thermal management",
        ],
        keywords_vi: &["đóng gói tiên tiến", "đóng gói chip", "tản nhiệt"],
        keywords_ja: &["先端パッケージング", "チップレット", "三次元実装"],
        topic: tri(
            "đóng gói bán dẫn tiên tiến",
            "半導体の先端パッケージング",
            "advanced semiconductor packaging",
        ),
        focus: &[
            tri(
                "tích hợp chiplet và liên kết lai",
                "チップレット集積とハイブリッド接合",
                "chiplet integration and hybrid bonding",
            ),
            tri(
                "quản lý nhiệt cho vi mạch xếp chồng 3D",
                "三次元積層チップの熱管理",
                "thermal management of 3D-stacked chips",
            ),
        ],
        degree: tri("Kỹ thuật cơ khí", "工学", "Mechanical Engineering"),
        titles: &[
            "Cu–Cu Hybrid Bonding at 200 °C for Fine-Pitch Chiplet Integration",
            "Warpage Prediction of Fan-Out Wafer-Level Packages",
            "Thermal Co-Design of Stacked DRAM and Logic Dies",
        ],
        venues: &[
            (
                "IEEE Transactions on Components, Packaging and Manufacturing Technology",
                "10.1109/TCPMT",
            ),
            ("Microelectronics Reliability", "10.1016/j.microrel"),
        ],
    },
    Theme {
        field: "tech.big_data",
        weight: 6,
        related: &["tech.ai", "oecd.1.2", "tech.digital_transformation"],
        keywords_en: &["data engineering", "data mining", "data analytics"],
        keywords_vi: &["dữ liệu lớn", "khai phá dữ liệu", "phân tích dữ liệu"],
        keywords_ja: &["ビッグデータ", "データ解析", "データマイニング"],
        topic: tri(
            "dữ liệu lớn và phân tích dữ liệu",
            "ビッグデータ解析",
            "big data and data analytics",
        ),
        focus: &[
            tri(
                "nền tảng dữ liệu cho thành phố thông minh",
                "スマートシティのためのデータ基盤",
                "data platforms for smart cities",
            ),
            tri(
                "khai phá dữ liệu chuỗi thời gian trong công nghiệp",
                "産業分野における時系列データマイニング",
                "time-series data mining in industry",
            ),
        ],
        degree: tri("Khoa học dữ liệu", "情報学", "Data Science"),
        titles: &[
            "Streaming Anomaly Detection for Industrial Sensor Data",
            "A Data Lakehouse Architecture for Urban Mobility Analytics",
            "Privacy-Preserving Record Linkage across Public Health Databases",
        ],
        venues: &[
            (
                "IEEE Transactions on Knowledge and Data Engineering",
                "10.1109/TKDE",
            ),
            ("Information Sciences", "10.1016/j.ins"),
            ("Big Data Research", "10.1016/j.bdr"),
        ],
    },
    Theme {
        field: "tech.robotics",
        weight: 5,
        related: &["tech.ai", "oecd.2.3", "oecd.2.2"],
        keywords_en: &[
            "robot control",
            "autonomous driving",
            "factory automation",
            "SLAM",
        ],
        keywords_vi: &["điều khiển robot", "tự động hóa", "xe tự hành"],
        keywords_ja: &["ロボット制御", "自動運転", "ファクトリーオートメーション"],
        topic: tri(
            "robot và tự động hóa",
            "ロボティクスと自動化",
            "robotics and automation",
        ),
        focus: &[
            tri(
                "điều khiển cánh tay robot trong nhà máy thông minh",
                "スマート工場におけるロボットアームの制御",
                "the control of robot arms in smart factories",
            ),
            tri(
                "định vị và lập bản đồ cho xe tự hành",
                "自動運転車の自己位置推定と地図生成",
                "localisation and mapping for autonomous vehicles",
            ),
        ],
        degree: tri("Cơ điện tử", "工学", "Mechatronics"),
        titles: &[
            "Learning-Based Grasp Planning for Cluttered Bin Picking",
            "Robust LiDAR–Visual SLAM in Tropical Urban Environments",
            "Human–Robot Collaboration with Impedance Control on Assembly Lines",
        ],
        venues: &[
            ("IEEE Robotics and Automation Letters", "10.1109/LRA"),
            ("Robotics and Autonomous Systems", "10.1016/j.robot"),
            ("Advanced Robotics", "10.1080/01691864"),
        ],
    },
    Theme {
        field: "tech.cybersecurity",
        weight: 4,
        related: &["oecd.1.2", "tech.ai", "tech.mobile_networks"],
        keywords_en: &[
            "network security",
            "cryptography",
            "intrusion detection",
            "malware analysis",
        ],
        keywords_vi: &["an ninh mạng", "mật mã học", "phát hiện xâm nhập"],
        keywords_ja: &["サイバーセキュリティ", "暗号", "侵入検知"],
        topic: tri("an ninh mạng", "サイバーセキュリティ", "cybersecurity"),
        focus: &[
            tri(
                "phát hiện xâm nhập dựa trên học máy",
                "機械学習による侵入検知",
                "machine-learning-based intrusion detection",
            ),
            tri(
                "mật mã hậu lượng tử cho thiết bị nhúng",
                "組込み機器のための耐量子計算機暗号",
                "post-quantum cryptography for embedded devices",
            ),
        ],
        degree: tri("An toàn thông tin", "情報学", "Information Security"),
        titles: &[
            "Lattice-Based Key Encapsulation on Resource-Constrained Microcontrollers",
            "Detecting Living-off-the-Land Attacks with Provenance Graphs",
            "Adversarial Robustness of Network Intrusion Detection Systems",
        ],
        venues: &[
            (
                "IEEE Transactions on Information Forensics and Security",
                "10.1109/TIFS",
            ),
            ("Computers & Security", "10.1016/j.cose"),
        ],
    },
    Theme {
        field: "tech.mobile_networks",
        weight: 4,
        related: &["oecd.2.2", "tech.cybersecurity", "tech.ai"],
        keywords_en: &["5G", "6G", "wireless communication", "millimetre wave"],
        keywords_vi: &["mạng di động", "truyền thông không dây", "mạng 5G"],
        keywords_ja: &["無線通信", "移動通信", "ミリ波"],
        topic: tri(
            "mạng di động 5G/6G",
            "5G/6G移動通信ネットワーク",
            "5G/6G mobile networks",
        ),
        focus: &[
            tri(
                "truyền thông sóng milimet và ăng-ten mảng pha",
                "ミリ波通信とフェーズドアレイアンテナ",
                "millimetre-wave communication and phased-array antennas",
            ),
            tri(
                "quản lý tài nguyên vô tuyến bằng trí tuệ nhân tạo",
                "AIを用いた無線リソース管理",
                "AI-driven radio resource management",
            ),
        ],
        degree: tri("Kỹ thuật viễn thông", "工学", "Telecommunications"),
        titles: &[
            "Beam Management for Millimetre-Wave Vehicular Links",
            "Reconfigurable Intelligent Surfaces for Indoor 6G Coverage",
            "Open RAN Slicing with Deep Reinforcement Learning",
        ],
        venues: &[
            (
                "IEEE Transactions on Wireless Communications",
                "10.1109/TWC",
            ),
            ("IEEE Communications Letters", "10.1109/LCOMM"),
            ("IEICE Transactions on Communications", "10.1587/transcom"),
        ],
    },
    Theme {
        field: "tech.quantum",
        weight: 2,
        related: &["oecd.1.3", "oecd.1.2"],
        keywords_en: &["quantum computing", "quantum sensing", "qubits"],
        keywords_vi: &["điện toán lượng tử", "cảm biến lượng tử"],
        keywords_ja: &["量子コンピュータ", "量子センシング", "量子ビット"],
        topic: tri("công nghệ lượng tử", "量子技術", "quantum technologies"),
        focus: &[
            tri(
                "thuật toán lượng tử cho bài toán tối ưu",
                "最適化問題のための量子アルゴリズム",
                "quantum algorithms for optimisation problems",
            ),
            tri(
                "cảm biến lượng tử dùng tâm NV trong kim cương",
                "ダイヤモンドNV中心を用いた量子センシング",
                "quantum sensing with NV centres in diamond",
            ),
        ],
        degree: tri("Vật lý", "理学", "Physics"),
        titles: &[
            "Variational Quantum Eigensolvers with Error Mitigation on Superconducting Qubits",
            "Nanoscale Magnetometry with Shallow NV Centres",
            "Quantum Annealing for Vehicle Routing with Time Windows",
        ],
        venues: &[
            ("Physical Review Applied", "10.1103/PhysRevApplied"),
            ("npj Quantum Information", "10.1038/s41534"),
            ("Quantum Science and Technology", "10.1088/2058-9565"),
        ],
    },
    Theme {
        field: "tech.new_materials",
        weight: 4,
        related: &["oecd.2.5", "oecd.2.10", "oecd.1.4"],
        keywords_en: &["2D materials", "perovskite solar cells", "graphene"],
        keywords_vi: &["vật liệu mới", "vật liệu nano", "pin mặt trời perovskite"],
        keywords_ja: &["新材料", "ペロブスカイト", "二次元材料"],
        topic: tri("vật liệu mới", "新材料", "new materials"),
        focus: &[
            tri(
                "pin mặt trời perovskite bền và hiệu suất cao",
                "高効率で安定なペロブスカイト太陽電池",
                "stable, high-efficiency perovskite solar cells",
            ),
            tri(
                "vật liệu hai chiều cho linh kiện điện tử",
                "電子デバイス向け二次元材料",
                "two-dimensional materials for electronic devices",
            ),
        ],
        degree: tri("Khoa học vật liệu", "工学", "Materials Science"),
        titles: &[
            "Moisture-Resistant Perovskite Solar Cells via Self-Assembled Monolayers",
            "Large-Area Growth of MoS2 Monolayers by Chemical Vapour Deposition",
            "Graphene Oxide Membranes for Brackish Water Desalination",
        ],
        venues: &[
            ("ACS Nano", "10.1021/acsnano"),
            ("Nano Energy", "10.1016/j.nanoen"),
            ("Advanced Materials", "10.1002/adma"),
        ],
    },
    Theme {
        field: "tech.biotech",
        weight: 3,
        related: &["oecd.3.4", "tech.ai", "oecd.4.1"],
        keywords_en: &["bioinformatics", "genome editing", "synthetic biology"],
        keywords_vi: &["công nghệ sinh học", "tin sinh học", "chỉnh sửa gen"],
        keywords_ja: &[
            "バイオテクノロジー",
            "ゲノム編集",
            "バイオインフォマティクス",
        ],
        topic: tri("công nghệ sinh học", "バイオテクノロジー", "biotechnology"),
        focus: &[
            tri(
                "tin sinh học và phân tích dữ liệu hệ gen",
                "バイオインフォマティクスとゲノムデータ解析",
                "bioinformatics and genomic data analysis",
            ),
            tri(
                "chỉnh sửa gen cho giống cây trồng chịu mặn",
                "耐塩性作物のためのゲノム編集",
                "genome editing for salt-tolerant crops",
            ),
        ],
        degree: tri("Công nghệ sinh học", "農学", "Biotechnology"),
        titles: &[
            "CRISPR-Based Improvement of Salt Tolerance in Rice",
            "A Pan-Genome Analysis of Southeast Asian Rice Varieties",
            "Engineering Yeast for the Production of Natural Sweeteners",
        ],
        venues: &[
            ("Nucleic Acids Research", "10.1093/nar"),
            ("Plant Biotechnology Journal", "10.1111/pbi"),
            ("Bioinformatics", "10.1093/bioinformatics"),
        ],
    },
    Theme {
        field: "tech.digital_transformation",
        weight: 3,
        related: &["tech.big_data", "tech.ai", "oecd.5.2"],
        keywords_en: &["digital transformation", "smart factory", "e-government"],
        keywords_vi: &["chuyển đổi số", "nhà máy thông minh", "chính phủ số"],
        keywords_ja: &["DX推進", "スマート工場", "電子政府"],
        topic: tri(
            "chuyển đổi số",
            "デジタルトランスフォーメーション",
            "digital transformation",
        ),
        focus: &[
            tri(
                "chuyển đổi số cho doanh nghiệp sản xuất vừa và nhỏ",
                "中小製造業のDX推進",
                "the digital transformation of small and medium-sized manufacturers",
            ),
            tri(
                "dịch vụ công trực tuyến và chính phủ số",
                "行政のオンラインサービスと電子政府",
                "online public services and e-government",
            ),
        ],
        degree: tri("Hệ thống thông tin", "情報学", "Information Systems"),
        titles: &[
            "Digital Twin Adoption in Small and Medium-Sized Factories",
            "Measuring the Maturity of E-Government Services",
            "Low-Code Platforms for Business Process Automation",
        ],
        venues: &[
            ("Computers in Industry", "10.1016/j.compind"),
            ("Government Information Quarterly", "10.1016/j.giq"),
        ],
    },
    Theme {
        field: "oecd.1.3",
        weight: 3,
        related: &["tech.quantum", "semi.materials", "oecd.2.10"],
        keywords_en: &["condensed matter physics", "spintronics", "optics"],
        keywords_vi: &["vật lý chất rắn", "quang học", "spintronics"],
        keywords_ja: &["物性物理", "スピントロニクス", "光学"],
        topic: tri("vật lý chất rắn", "物性物理学", "condensed matter physics"),
        focus: &[
            tri(
                "vật liệu từ và linh kiện spintronics",
                "磁性材料とスピントロニクス素子",
                "magnetic materials and spintronic devices",
            ),
            tri(
                "quang học phi tuyến và laser siêu nhanh",
                "非線形光学と超高速レーザー",
                "nonlinear optics and ultrafast lasers",
            ),
        ],
        degree: tri("Vật lý", "理学", "Physics"),
        titles: &[
            "Spin–Orbit Torque Switching in Ferrimagnetic Heterostructures",
            "Terahertz Emission from Topological Insulator Surfaces",
            "Ultrafast Carrier Dynamics in Lead Halide Perovskites",
        ],
        venues: &[
            ("Physical Review B", "10.1103/PhysRevB"),
            ("Journal of the Physical Society of Japan", "10.7566/JPSJ"),
            ("Applied Physics Letters", "10.1063/apl"),
        ],
    },
    Theme {
        field: "oecd.1.4",
        weight: 3,
        related: &["oecd.2.5", "tech.new_materials"],
        keywords_en: &["catalysis", "organic synthesis", "electrochemistry"],
        keywords_vi: &["xúc tác", "hóa học hữu cơ", "điện hóa"],
        keywords_ja: &["触媒", "有機合成", "電気化学"],
        topic: tri("hóa học", "化学", "chemistry"),
        focus: &[
            tri(
                "chất xúc tác cho sản xuất hydro xanh",
                "グリーン水素製造のための触媒",
                "catalysts for green hydrogen production",
            ),
            tri(
                "tổng hợp hữu cơ thân thiện với môi trường",
                "環境に優しい有機合成",
                "environmentally friendly organic synthesis",
            ),
        ],
        degree: tri("Hóa học", "理学", "Chemistry"),
        titles: &[
            "Nickel–Iron Layered Double Hydroxides for Alkaline Water Electrolysis",
            "Photoredox Catalysis for C–H Functionalisation under Visible Light",
            "Metal–Organic Frameworks for Selective CO2 Capture",
        ],
        venues: &[
            ("Journal of the American Chemical Society", "10.1021/jacs"),
            ("ACS Catalysis", "10.1021/acscatal"),
            ("Chemistry Letters", "10.1246/cl"),
        ],
    },
    Theme {
        field: "oecd.2.3",
        weight: 3,
        related: &["tech.robotics", "semi.packaging", "oecd.2.5"],
        keywords_en: &[
            "mechanical design",
            "fluid dynamics",
            "heat transfer",
            "additive manufacturing",
        ],
        keywords_vi: &["cơ khí chế tạo", "cơ học chất lưu", "truyền nhiệt"],
        keywords_ja: &["機械設計", "流体力学", "伝熱工学"],
        topic: tri("kỹ thuật cơ khí", "機械工学", "mechanical engineering"),
        focus: &[
            tri(
                "mô phỏng dòng chảy và truyền nhiệt",
                "流れと伝熱のシミュレーション",
                "the simulation of fluid flow and heat transfer",
            ),
            tri(
                "gia công chính xác và in 3D kim loại",
                "精密加工と金属3Dプリンティング",
                "precision machining and metal 3D printing",
            ),
        ],
        degree: tri("Kỹ thuật cơ khí", "工学", "Mechanical Engineering"),
        titles: &[
            "Topology Optimisation of Heat Sinks for Additive Manufacturing",
            "Large-Eddy Simulation of Flow around Offshore Wind Turbine Foundations",
            "Residual Stress Control in Laser Powder Bed Fusion of Ti-6Al-4V",
        ],
        venues: &[
            (
                "International Journal of Heat and Mass Transfer",
                "10.1016/j.ijheatmasstransfer",
            ),
            ("Journal of Fluid Mechanics", "10.1017/jfm"),
            ("Additive Manufacturing", "10.1016/j.addma"),
        ],
    },
    Theme {
        field: "oecd.2.1",
        weight: 2,
        related: &["oecd.2.7", "oecd.2.3"],
        keywords_en: &[
            "structural engineering",
            "earthquake engineering",
            "infrastructure",
        ],
        keywords_vi: &["kỹ thuật kết cấu", "kháng chấn", "hạ tầng giao thông"],
        keywords_ja: &["構造工学", "耐震工学", "インフラ"],
        topic: tri("kỹ thuật xây dựng", "土木工学", "civil engineering"),
        focus: &[
            tri(
                "thiết kế kháng chấn cho công trình cầu",
                "橋梁の耐震設計",
                "the seismic design of bridges",
            ),
            tri(
                "giám sát sức khỏe kết cấu hạ tầng bằng cảm biến",
                "センサによるインフラ構造ヘルスモニタリング",
                "sensor-based structural health monitoring of infrastructure",
            ),
        ],
        degree: tri("Kỹ thuật xây dựng", "工学", "Civil Engineering"),
        titles: &[
            "Seismic Fragility of Reinforced Concrete Bridges with Corroded Piers",
            "Vision-Based Crack Detection for Tunnel Linings",
            "Settlement Prediction of Soft Ground in the Mekong Delta",
        ],
        venues: &[
            ("Engineering Structures", "10.1016/j.engstruct"),
            ("Soils and Foundations", "10.1016/j.sandf"),
        ],
    },
    Theme {
        field: "oecd.2.7",
        weight: 2,
        related: &["oecd.2.1", "tech.biotech", "oecd.4.1"],
        keywords_en: &["wastewater treatment", "climate adaptation", "air quality"],
        keywords_vi: &[
            "xử lý nước thải",
            "biến đổi khí hậu",
            "chất lượng không khí",
        ],
        keywords_ja: &["水処理", "気候変動適応", "大気環境"],
        topic: tri(
            "kỹ thuật môi trường",
            "環境工学",
            "environmental engineering",
        ),
        focus: &[
            tri(
                "xử lý nước thải công nghiệp bằng màng sinh học",
                "生物膜による産業排水処理",
                "biofilm-based treatment of industrial wastewater",
            ),
            tri(
                "thích ứng với biến đổi khí hậu ở đồng bằng sông Cửu Long",
                "メコンデルタにおける気候変動適応",
                "climate adaptation in the Mekong Delta",
            ),
        ],
        degree: tri("Kỹ thuật môi trường", "工学", "Environmental Engineering"),
        titles: &[
            "Anaerobic Membrane Bioreactors for Seafood-Processing Wastewater",
            "Saltwater Intrusion Projections for the Mekong Delta under Sea-Level Rise",
            "Source Apportionment of PM2.5 in Hanoi",
        ],
        venues: &[
            ("Water Research", "10.1016/j.watres"),
            ("Science of the Total Environment", "10.1016/j.scitotenv"),
        ],
    },
    Theme {
        field: "oecd.2.10",
        weight: 2,
        related: &["tech.new_materials", "oecd.1.3", "semi.fabrication"],
        keywords_en: &["nanotechnology", "nanofabrication", "MEMS"],
        keywords_vi: &["công nghệ nano", "vi cơ điện tử", "cảm biến nano"],
        keywords_ja: &["ナノテクノロジー", "ナノ加工", "微小電気機械システム"],
        topic: tri("công nghệ nano", "ナノテクノロジー", "nanotechnology"),
        focus: &[
            tri(
                "cảm biến khí MEMS cho quan trắc môi trường",
                "環境モニタリングのためのMEMSガスセンサ",
                "MEMS gas sensors for environmental monitoring",
            ),
            tri(
                "chế tạo cấu trúc nano bằng in khắc nano",
                "ナノインプリントによるナノ構造の作製",
                "nanostructure fabrication by nanoimprint lithography",
            ),
        ],
        degree: tri("Vật lý kỹ thuật", "工学", "Engineering Physics"),
        titles: &[
            "Low-Power MEMS Metal-Oxide Gas Sensors with Micro-Hotplates",
            "Nanoimprinted Plasmonic Structures for Colour Filters",
            "Piezoelectric AlScN Thin Films for MEMS Resonators",
        ],
        venues: &[
            ("Sensors and Actuators B: Chemical", "10.1016/j.snb"),
            ("Nanotechnology", "10.1088/1361-6528"),
            ("Journal of Microelectromechanical Systems", "10.1109/JMEMS"),
        ],
    },
    Theme {
        field: "oecd.3.4",
        weight: 2,
        related: &["tech.biotech", "tech.ai"],
        keywords_en: &["drug discovery", "regenerative medicine", "medical imaging"],
        keywords_vi: &["y sinh học", "y học tái tạo", "phát triển thuốc"],
        keywords_ja: &["創薬", "再生医療", "医用画像"],
        topic: tri(
            "công nghệ sinh học trong y học",
            "医療バイオテクノロジー",
            "medical biotechnology",
        ),
        focus: &[
            tri(
                "tế bào gốc iPS và y học tái tạo",
                "iPS細胞と再生医療",
                "iPS cells and regenerative medicine",
            ),
            tri(
                "sàng lọc thuốc với sự hỗ trợ của trí tuệ nhân tạo",
                "AIを活用した創薬スクリーニング",
                "AI-assisted drug screening",
            ),
        ],
        degree: tri("Y sinh học", "医学", "Biomedical Science"),
        titles: &[
            "Differentiation of iPS Cells into Functional Hepatocytes for Drug Toxicity Testing",
            "Deep Learning Prediction of Drug–Target Interactions for Dengue Antivirals",
            "Exosome-Based Delivery of siRNA to Tumour Cells",
        ],
        venues: &[
            ("Stem Cell Reports", "10.1016/j.stemcr"),
            ("Scientific Reports", "10.1038/s41598"),
            ("Journal of Controlled Release", "10.1016/j.jconrel"),
        ],
    },
    Theme {
        field: "oecd.4.1",
        weight: 2,
        related: &["tech.biotech", "oecd.2.7", "tech.big_data"],
        keywords_en: &["smart agriculture", "aquaculture", "crop science"],
        keywords_vi: &[
            "nông nghiệp thông minh",
            "nuôi trồng thủy sản",
            "khoa học cây trồng",
        ],
        keywords_ja: &["スマート農業", "水産養殖", "作物学"],
        topic: tri(
            "nông nghiệp và thủy sản",
            "農学・水産学",
            "agriculture and fisheries",
        ),
        focus: &[
            tri(
                "nông nghiệp thông minh ứng dụng cảm biến và dữ liệu",
                "センサとデータを活用したスマート農業",
                "smart farming with sensors and data",
            ),
            tri(
                "nuôi trồng thủy sản bền vững",
                "持続可能な水産養殖",
                "sustainable aquaculture",
            ),
        ],
        degree: tri("Nông học", "農学", "Agricultural Science"),
        titles: &[
            "IoT-Based Irrigation Scheduling for Coffee Farms in the Central Highlands",
            "Recirculating Aquaculture Systems for Whiteleg Shrimp",
            "Remote Sensing of Rice Yield with Sentinel-2 Imagery",
        ],
        venues: &[
            (
                "Computers and Electronics in Agriculture",
                "10.1016/j.compag",
            ),
            ("Aquaculture", "10.1016/j.aquaculture"),
        ],
    },
    Theme {
        field: "oecd.5.2",
        weight: 2,
        related: &["tech.digital_transformation", "tech.big_data"],
        keywords_en: &["innovation policy", "technology management", "supply chain"],
        keywords_vi: &[
            "chính sách đổi mới sáng tạo",
            "quản trị công nghệ",
            "chuỗi cung ứng",
        ],
        keywords_ja: &["イノベーション政策", "技術経営", "サプライチェーン"],
        topic: tri(
            "kinh tế và quản trị đổi mới sáng tạo",
            "イノベーションの経済学と経営",
            "the economics and management of innovation",
        ),
        focus: &[
            tri(
                "chính sách khoa học, công nghệ và đổi mới sáng tạo",
                "科学技術イノベーション政策",
                "science, technology and innovation policy",
            ),
            tri(
                "chuỗi cung ứng bán dẫn ở châu Á",
                "アジアの半導体サプライチェーン",
                "semiconductor supply chains in Asia",
            ),
        ],
        degree: tri("Kinh tế học", "経済学", "Economics"),
        titles: &[
            "University–Industry Linkages and Firm Innovation in Vietnam",
            "Reshoring and Friend-Shoring in East Asian Electronics Supply Chains",
            "Evaluating Public R&D Subsidies with Matched Firm Data",
        ],
        venues: &[
            ("Research Policy", "10.1016/j.respol"),
            (
                "Technological Forecasting and Social Change",
                "10.1016/j.techfore",
            ),
            ("Asian Economic Policy Review", "10.1111/aepr"),
        ],
    },
    Theme {
        field: "oecd.1.1",
        weight: 2,
        related: &["tech.ai", "oecd.1.2", "tech.quantum"],
        keywords_en: &["optimisation", "applied mathematics", "statistics"],
        keywords_vi: &["tối ưu hóa", "toán ứng dụng", "thống kê"],
        keywords_ja: &["最適化", "応用数学", "統計学"],
        topic: tri("toán ứng dụng", "応用数学", "applied mathematics"),
        focus: &[
            tri(
                "tối ưu hóa và vận trù học",
                "最適化とオペレーションズ・リサーチ",
                "optimisation and operations research",
            ),
            tri(
                "thống kê Bayes cho dữ liệu lớn",
                "大規模データのためのベイズ統計",
                "Bayesian statistics for large data sets",
            ),
        ],
        degree: tri("Toán học", "理学", "Mathematics"),
        titles: &[
            "A Proximal Algorithm for Nonconvex Sparse Regression",
            "Bayesian Hierarchical Models for Small-Area Estimation",
            "Stochastic Programming for Power Grid Unit Commitment",
        ],
        venues: &[
            (
                "Journal of Optimization Theory and Applications",
                "10.1007/s10957",
            ),
            ("Computational Statistics & Data Analysis", "10.1016/j.csda"),
        ],
    },
];
