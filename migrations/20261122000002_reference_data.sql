-- Reference data: hubs, the field taxonomy, engagement kinds, positions, funding mechanisms,
-- working languages and language levels, each labelled in Vietnamese, Japanese and English.
--
-- Codes are the stable identifiers that profiles, problems and matching store and compare;
-- labels are data, so wording can be corrected later without touching a single code.
-- Terms follow /work/shared/GLOSSARY.md so users meet one vocabulary in every language.

-- Every country community is a row, not a constant in the code: the Japan pilot is seeded and
-- admins add Korea, the USA, Germany, … later.
create table hubs (
    code         text primary key check (code ~ '^[a-z]{2,8}$'),
    country_code text not null check (country_code ~ '^[A-Z]{2}$'),  -- ISO 3166-1 alpha-2
    name_vi text not null, name_ja text not null, name_en text not null,
    created_at timestamptz not null default now()
);

-- two-level taxonomy: areas (parent_code null) and fields under them
create table fields (
    code        text primary key check (code ~ '^[a-z0-9_.]+$'),
    parent_code text references fields (code),
    sort_order  integer not null,
    label_vi text not null, label_ja text not null, label_en text not null
);
create index fields_parent_idx on fields (parent_code, sort_order);

-- Matching gives partial credit for a shared parent, which only makes sense if the taxonomy
-- stays exactly two levels deep. A check constraint cannot look at another row, so a trigger
-- enforces both directions: a field's parent must be an area, and a row that has children
-- (an area) cannot itself be moved under a parent.
create function fields_parent_is_area() returns trigger language plpgsql as $$
declare
    grandparent text;
begin
    if new.parent_code is null then
        return new;
    end if;
    -- "for share" conflicts with the row lock an update of the parent takes, so a concurrent
    -- transaction cannot turn this area into a field while we attach a child to it.
    select parent_code into grandparent from fields where code = new.parent_code for share;
    if found and grandparent is not null then
        raise exception 'field % cannot be placed under %: the parent must be an area',
            new.code, new.parent_code
            using errcode = 'check_violation';
    end if;
    if tg_op = 'UPDATE' and exists (select 1 from fields where parent_code = old.code) then
        raise exception 'area % has fields under it and cannot become a field itself', old.code
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger fields_parent_is_area before insert or update of parent_code, code on fields
    for each row execute function fields_parent_is_area();

create table engagement_kinds (
    code text primary key, sort_order integer not null,
    label_vi text not null, label_ja text not null, label_en text not null,
    description_vi text not null, description_ja text not null, description_en text not null
);

create table positions (
    code text primary key, sort_order integer not null,
    label_vi text not null, label_ja text not null, label_en text not null
);

create table mechanisms (
    code text primary key, sort_order integer not null,
    label_vi text not null, label_ja text not null, label_en text not null,
    description_vi text not null, description_ja text not null, description_en text not null
);

create table languages (  -- working languages a scientist speaks / a problem uses
    code text primary key, sort_order integer not null,
    label_vi text not null, label_ja text not null, label_en text not null
);

create table language_levels (
    code text primary key, sort_order integer not null,
    label_vi text not null, label_ja text not null, label_en text not null
);

-- ---------------------------------------------------------------------------------------------
-- Data
-- ---------------------------------------------------------------------------------------------

insert into hubs (code, country_code, name_vi, name_ja, name_en) values
    ('jp', 'JP', 'Nhật Bản', '日本', 'Japan');

-- Areas first, so that the fields below find their parent (foreign key and trigger).
-- The OECD Fields of Research and Development (Frascati Manual 2015, FORD) keep their own
-- numbering in the code, so that statistics can be reported against the OECD list; Vietnam's
-- classification of S&T fields is built on the same list, and its labels are used where they
-- exist. The two programme areas follow the OECD ones.
insert into fields (code, parent_code, sort_order, label_vi, label_ja, label_en) values
    ('oecd.1', null, 1, 'Khoa học tự nhiên', '自然科学', 'Natural sciences'),
    ('oecd.2', null, 2, 'Khoa học kỹ thuật và công nghệ', '工学・技術', 'Engineering and technology'),
    ('oecd.3', null, 3, 'Khoa học y, dược', '医学・保健科学', 'Medical and health sciences'),
    ('oecd.4', null, 4, 'Khoa học nông nghiệp và thú y', '農学・獣医学', 'Agricultural and veterinary sciences'),
    ('oecd.5', null, 5, 'Khoa học xã hội', '社会科学', 'Social sciences'),
    ('oecd.6', null, 6, 'Khoa học nhân văn và nghệ thuật', '人文学・芸術', 'Humanities and the arts'),
    ('tech',   null, 7, 'Công nghệ chiến lược', '戦略技術', 'Strategic technologies'),
    ('semi',   null, 8, 'Bán dẫn', '半導体', 'Semiconductors');

insert into fields (code, parent_code, sort_order, label_vi, label_ja, label_en) values
    -- 1. Natural sciences
    ('oecd.1.1', 'oecd.1', 1, 'Toán học', '数学', 'Mathematics'),
    ('oecd.1.2', 'oecd.1', 2, 'Khoa học máy tính và thông tin', '計算機科学・情報科学', 'Computer and information sciences'),
    ('oecd.1.3', 'oecd.1', 3, 'Vật lý', '物理学', 'Physical sciences'),
    ('oecd.1.4', 'oecd.1', 4, 'Hóa học', '化学', 'Chemical sciences'),
    ('oecd.1.5', 'oecd.1', 5, 'Khoa học trái đất và môi trường liên quan', '地球科学・環境科学', 'Earth and related environmental sciences'),
    ('oecd.1.6', 'oecd.1', 6, 'Sinh học', '生物科学', 'Biological sciences'),
    ('oecd.1.7', 'oecd.1', 7, 'Khoa học tự nhiên khác', 'その他の自然科学', 'Other natural sciences'),
    -- 2. Engineering and technology
    ('oecd.2.1',  'oecd.2', 1,  'Kỹ thuật xây dựng', '土木工学', 'Civil engineering'),
    ('oecd.2.2',  'oecd.2', 2,  'Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin', '電気工学・電子工学・情報工学', 'Electrical engineering, electronic engineering, information engineering'),
    ('oecd.2.3',  'oecd.2', 3,  'Kỹ thuật cơ khí', '機械工学', 'Mechanical engineering'),
    ('oecd.2.4',  'oecd.2', 4,  'Kỹ thuật hóa học', '化学工学', 'Chemical engineering'),
    ('oecd.2.5',  'oecd.2', 5,  'Kỹ thuật vật liệu', '材料工学', 'Materials engineering'),
    ('oecd.2.6',  'oecd.2', 6,  'Kỹ thuật y sinh', '医用工学', 'Medical engineering'),
    ('oecd.2.7',  'oecd.2', 7,  'Kỹ thuật môi trường', '環境工学', 'Environmental engineering'),
    ('oecd.2.8',  'oecd.2', 8,  'Công nghệ sinh học môi trường', '環境バイオテクノロジー', 'Environmental biotechnology'),
    ('oecd.2.9',  'oecd.2', 9,  'Công nghệ sinh học công nghiệp', '産業バイオテクノロジー', 'Industrial biotechnology'),
    ('oecd.2.10', 'oecd.2', 10, 'Công nghệ nano', 'ナノテクノロジー', 'Nano-technology'),
    ('oecd.2.11', 'oecd.2', 11, 'Kỹ thuật và công nghệ khác', 'その他の工学・技術', 'Other engineering and technologies'),
    -- 3. Medical and health sciences
    ('oecd.3.1', 'oecd.3', 1, 'Y học cơ sở', '基礎医学', 'Basic medicine'),
    ('oecd.3.2', 'oecd.3', 2, 'Y học lâm sàng', '臨床医学', 'Clinical medicine'),
    ('oecd.3.3', 'oecd.3', 3, 'Khoa học sức khỏe', '保健科学', 'Health sciences'),
    ('oecd.3.4', 'oecd.3', 4, 'Công nghệ sinh học trong y học', '医療バイオテクノロジー', 'Medical biotechnology'),
    ('oecd.3.5', 'oecd.3', 5, 'Khoa học y, dược khác', 'その他の医学・保健科学', 'Other medical sciences'),
    -- 4. Agricultural and veterinary sciences
    ('oecd.4.1', 'oecd.4', 1, 'Nông nghiệp, lâm nghiệp và thủy sản', '農学・林学・水産学', 'Agriculture, forestry, and fisheries'),
    ('oecd.4.2', 'oecd.4', 2, 'Chăn nuôi và khoa học sữa', '畜産学・酪農学', 'Animal and dairy science'),
    ('oecd.4.3', 'oecd.4', 3, 'Thú y', '獣医学', 'Veterinary science'),
    ('oecd.4.4', 'oecd.4', 4, 'Công nghệ sinh học nông nghiệp', '農業バイオテクノロジー', 'Agricultural biotechnology'),
    ('oecd.4.5', 'oecd.4', 5, 'Khoa học nông nghiệp khác', 'その他の農学', 'Other agricultural sciences'),
    -- 5. Social sciences
    ('oecd.5.1', 'oecd.5', 1, 'Tâm lý học và khoa học nhận thức', '心理学・認知科学', 'Psychology and cognitive sciences'),
    ('oecd.5.2', 'oecd.5', 2, 'Kinh tế và kinh doanh', '経済学・経営学', 'Economics and business'),
    ('oecd.5.3', 'oecd.5', 3, 'Khoa học giáo dục', '教育学', 'Education'),
    ('oecd.5.4', 'oecd.5', 4, 'Xã hội học', '社会学', 'Sociology'),
    ('oecd.5.5', 'oecd.5', 5, 'Luật học', '法学', 'Law'),
    ('oecd.5.6', 'oecd.5', 6, 'Khoa học chính trị', '政治学', 'Political science'),
    ('oecd.5.7', 'oecd.5', 7, 'Địa lý kinh tế và xã hội', '社会地理学・経済地理学', 'Social and economic geography'),
    ('oecd.5.8', 'oecd.5', 8, 'Báo chí và truyền thông', 'メディア・コミュニケーション学', 'Media and communications'),
    ('oecd.5.9', 'oecd.5', 9, 'Khoa học xã hội khác', 'その他の社会科学', 'Other social sciences'),
    -- 6. Humanities and the arts
    ('oecd.6.1', 'oecd.6', 1, 'Lịch sử và khảo cổ học', '歴史学・考古学', 'History and archaeology'),
    ('oecd.6.2', 'oecd.6', 2, 'Ngôn ngữ học và văn học', '言語学・文学', 'Languages and literature'),
    ('oecd.6.3', 'oecd.6', 3, 'Triết học, đạo đức học và tôn giáo', '哲学・倫理学・宗教学', 'Philosophy, ethics and religion'),
    ('oecd.6.4', 'oecd.6', 4, 'Nghệ thuật (nghệ thuật, lịch sử nghệ thuật, nghệ thuật biểu diễn, âm nhạc)', '芸術（芸術学・美術史・舞台芸術・音楽）', 'Arts (arts, history of arts, performing arts, music)'),
    ('oecd.6.5', 'oecd.6', 5, 'Khoa học nhân văn khác', 'その他の人文学', 'Other humanities'),
    -- Strategic technologies named by Vietnam's programmes
    ('tech.ai',                     'tech', 1, 'Trí tuệ nhân tạo', '人工知能（AI）', 'Artificial intelligence'),
    ('tech.big_data',               'tech', 2, 'Dữ liệu lớn', 'ビッグデータ', 'Big data'),
    ('tech.quantum',                'tech', 3, 'Công nghệ lượng tử', '量子技術', 'Quantum technologies'),
    ('tech.new_materials',          'tech', 4, 'Vật liệu mới', '新材料', 'New materials'),
    ('tech.biotech',                'tech', 5, 'Công nghệ sinh học', 'バイオテクノロジー', 'Biotechnology'),
    ('tech.mobile_networks',        'tech', 6, 'Mạng di động 5G/6G', '移動通信ネットワーク（5G/6G）', 'Mobile networks (5G/6G)'),
    ('tech.cybersecurity',          'tech', 7, 'An ninh mạng', 'サイバーセキュリティ', 'Cybersecurity'),
    ('tech.robotics',               'tech', 8, 'Robot và tự động hóa', 'ロボティクス・自動化', 'Robotics and automation'),
    ('tech.digital_transformation', 'tech', 9, 'Chuyển đổi số', 'デジタルトランスフォーメーション（DX）', 'Digital transformation'),
    -- Semiconductors, the one industry the programmes break down by stage
    ('semi.chip_design', 'semi', 1, 'Thiết kế chip bán dẫn', '半導体設計', 'Chip design'),
    ('semi.materials',   'semi', 2, 'Vật liệu bán dẫn', '半導体材料', 'Semiconductor materials'),
    ('semi.packaging',   'semi', 3, 'Đóng gói tiên tiến', '先端パッケージング', 'Advanced packaging'),
    ('semi.fabrication', 'semi', 4, 'Chế tạo bán dẫn', '半導体製造', 'Semiconductor fabrication');

-- The eight things an overseas scientist can offer. Labels are the glossary's; each
-- description says, in one sentence, what the scientist would actually do.
insert into engagement_kinds
    (code, sort_order, label_vi, label_ja, label_en, description_vi, description_ja, description_en)
values
    ('joint_research', 1,
     'Hợp tác nghiên cứu chung', '共同研究', 'Joint research',
     'Cùng các đối tác Việt Nam thực hiện nghiên cứu chung để giải quyết bài toán công nghệ.',
     'ベトナムの機関と共同で研究を行い、技術課題の解決に取り組みます。',
     'Carry out research together with Vietnamese partners to solve a technology problem.'),
    ('host_trainees', 2,
     'Tiếp nhận đào tạo nhân lực ở nước ngoài', '研修生の受け入れ', 'Hosting trainees abroad',
     'Tiếp nhận sinh viên, nghiên cứu viên hoặc kỹ sư Việt Nam sang đào tạo tại phòng thí nghiệm của mình ở nước ngoài.',
     'ベトナムの学生・研究者・技術者を研修生として、海外にあるご自身の研究室に受け入れます。',
     'Receive Vietnamese students, researchers or engineers for training in your laboratory abroad.'),
    ('short_teaching', 3,
     'Giảng dạy có thời hạn tại Việt Nam', 'ベトナムでの短期講義', 'Short-term teaching in Vietnam',
     'Giảng dạy một học phần hoặc một chuỗi bài giảng tại Việt Nam trong một thời gian nhất định.',
     '一定期間ベトナムに滞在し、授業や集中講義を担当します。',
     'Teach a course or a series of lectures in Vietnam for a limited period.'),
    ('science_council', 4,
     'Tham gia hội đồng khoa học chuyên ngành', '専門科学評議会への参加', 'Specialised science councils',
     'Tham gia các hội đồng khoa học chuyên ngành và góp ý định hướng các chương trình khoa học và công nghệ quốc gia.',
     '専門科学評議会の委員として、国の科学技術プログラムの方向付けに参画します。',
     'Sit on specialised science councils and help guide national science and technology programmes.'),
    ('partner_introduction', 5,
     'Kết nối đối tác nước ngoài', '海外パートナーの紹介', 'Introducing foreign partners',
     'Giới thiệu, kết nối các tổ chức Việt Nam với trường đại học, viện nghiên cứu và doanh nghiệp nước ngoài.',
     'ベトナムの組織・機関に海外の大学・研究機関・企業を紹介し、連携の橋渡しをします。',
     'Introduce Vietnamese organisations to universities, research institutes and enterprises abroad.'),
    ('lead_rnd_project', 6,
     'Chủ trì nhiệm vụ KH&CN theo đặt hàng', '受託研究開発プロジェクトの主導', 'Leading a commissioned R&D project',
     'Chủ trì thực hiện nhiệm vụ khoa học và công nghệ được đặt hàng để đáp ứng nhu cầu của quốc gia.',
     '国のニーズに基づいて委託される研究開発プロジェクトを、研究代表者として主導します。',
     'Lead, as principal investigator, a science and technology project commissioned to meet a national need.'),
    ('advisory', 7,
     'Tư vấn chiến lược, chính sách, chuyển giao công nghệ', '戦略・政策・技術移転に関する助言', 'Strategy, policy and technology-transfer advice',
     'Tư vấn cho các bộ, ngành, địa phương và doanh nghiệp về chiến lược, chính sách và chuyển giao công nghệ.',
     '省庁・地方自治体・企業に対し、戦略・政策・技術移転について助言します。',
     'Advise ministries, localities and enterprises on strategy, policy and technology transfer.'),
    ('return_position', 8,
     'Về nước làm việc', '帰国しての就業', 'Returning to work in Vietnam',
     'Về nước làm việc lâu dài khi có vị trí phù hợp.',
     '適切なポストが得られた際に、ベトナムに帰国して就業します。',
     'Come back to work in Vietnam when a suitable position opens.');

insert into positions (code, sort_order, label_vi, label_ja, label_en) values
    ('professor',           1, 'Giáo sư', '教授', 'Professor'),
    ('associate_professor', 2, 'Phó giáo sư', '准教授', 'Associate professor'),
    ('lecturer',            3, 'Giảng viên', '講師', 'Lecturer'),
    ('researcher',          4, 'Nghiên cứu viên', '研究員', 'Researcher'),
    ('postdoc',             5, 'Nghiên cứu sau tiến sĩ', 'ポスドク研究員', 'Postdoctoral researcher'),
    ('engineer',            6, 'Kỹ sư', 'エンジニア', 'Engineer'),
    ('phd_student',         7, 'Nghiên cứu sinh', '博士課程学生', 'PhD student'),
    ('other',               8, 'Khác', 'その他', 'Other');

-- How a problem is funded or framed; labels are the glossary's.
insert into mechanisms
    (code, sort_order, label_vi, label_ja, label_en, description_vi, description_ja, description_en)
values
    ('joint_research_fund', 1,
     'Chương trình nghiên cứu chung của quỹ KH&CN hai nước', '両国の科学技術基金による共同研究プログラム', 'Joint research programme of the two countries'' S&T funds',
     'Nhiệm vụ được quỹ phát triển khoa học và công nghệ của Việt Nam và quỹ của nước sở tại cùng tài trợ theo một chương trình nghiên cứu chung.',
     'ベトナムと相手国の科学技術基金が共同で支援する研究プログラムの枠組みで実施します。',
     'The work is funded jointly by the science and technology funds of Vietnam and the host country under a joint research programme.'),
    ('strategic_cooperation', 2,
     'Hợp tác chiến lược', '戦略的協力', 'Strategic cooperation',
     'Nhiệm vụ nằm trong khuôn khổ hợp tác chiến lược giữa các bộ, ngành, địa phương, tổ chức hoặc doanh nghiệp của hai nước.',
     '両国の省庁・地方自治体・機関・企業間の戦略的協力の枠組みで実施します。',
     'The work is part of a strategic cooperation between ministries, localities, institutions or enterprises of the two countries.'),
    ('selection_call', 3,
     'Chương trình kêu gọi, tuyển chọn', '公募・選考', 'Call for selection',
     'Nhà khoa học ở nước ngoài được kêu gọi đăng ký và tuyển chọn để thực hiện nhiệm vụ.',
     '海外の研究者を公募し、選考を経て課題の実施者を決定します。',
     'Scientists abroad are invited to apply and are selected to carry out the task.'),
    ('enterprise_sponsorship', 4,
     'Doanh nghiệp tài trợ', '企業スポンサーシップ', 'Enterprise sponsorship',
     'Doanh nghiệp tài trợ kinh phí để giải quyết bài toán công nghệ của chính mình.',
     '企業が自社の技術課題を解決するために資金を提供します。',
     'An enterprise funds the work to solve its own technology problem.');

-- Each language is labelled in the interface language, not in itself, like every other label.
insert into languages (code, sort_order, label_vi, label_ja, label_en) values
    ('vi', 1, 'Tiếng Việt', 'ベトナム語', 'Vietnamese'),
    ('ja', 2, 'Tiếng Nhật', '日本語', 'Japanese'),
    ('en', 3, 'Tiếng Anh', '英語', 'English'),
    ('ko', 4, 'Tiếng Hàn', '韓国語', 'Korean'),
    ('zh', 5, 'Tiếng Trung', '中国語', 'Chinese'),
    ('fr', 6, 'Tiếng Pháp', 'フランス語', 'French'),
    ('de', 7, 'Tiếng Đức', 'ドイツ語', 'German');

-- Ordered from strongest to weakest, so sort_order can also rank a language match.
insert into language_levels (code, sort_order, label_vi, label_ja, label_en) values
    ('native',  1, 'Bản ngữ', '母語', 'Native'),
    ('fluent',  2, 'Thành thạo', '堪能', 'Fluent'),
    ('working', 3, 'Sử dụng được trong công việc', '業務で使用可能', 'Working proficiency'),
    ('basic',   4, 'Cơ bản', '基礎レベル', 'Basic');
