use time::macros::date;

use super::*;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn areas() -> Areas {
    Areas::from_pairs(&[
        ("semi.chip_design", "semi"),
        ("semi.materials", "semi"),
        ("semi.packaging", "semi"),
        ("oecd.2.2", "oecd.2"),
        ("oecd.2.5", "oecd.2"),
        ("oecd.3.1", "oecd.3"),
    ])
}

struct Problem {
    fields: Vec<String>,
    keywords: Vec<String>,
    kinds: Vec<String>,
    languages: Vec<String>,
    hubs: Vec<String>,
    window: Window,
}

impl Problem {
    fn chip() -> Problem {
        Problem {
            fields: strings(&["semi.chip_design", "oecd.2.2"]),
            keywords: strings(&["GaN", "Bán dẫn công suất", "xe điện"]),
            kinds: strings(&["joint_research", "advisory"]),
            languages: strings(&["vi", "en"]),
            hubs: strings(&["jp"]),
            window: Window::for_problem(
                date!(2026 - 11 - 22),
                Some(date!(2027 - 03 - 27)),
                Some(18),
            ),
        }
    }

    fn facts(&self) -> ProblemFacts<'_> {
        ProblemFacts {
            fields: &self.fields,
            keywords: &self.keywords,
            engagement_kinds: &self.kinds,
            languages: &self.languages,
            target_hubs: &self.hubs,
            window: self.window,
        }
    }
}

struct Scientist {
    fields: Vec<String>,
    keywords: Vec<String>,
    kinds: Vec<String>,
    languages: Vec<String>,
    hub: String,
    from: Option<Date>,
    until: Option<Date>,
}

impl Scientist {
    fn expert() -> Scientist {
        Scientist {
            fields: strings(&["semi.chip_design", "oecd.2.2"]),
            keywords: strings(&["ban dan cong suat", "GaN power devices"]),
            kinds: strings(&["joint_research", "advisory", "short_teaching"]),
            languages: strings(&["vi", "ja"]),
            hub: "jp".into(),
            from: Some(date!(2027 - 01 - 01)),
            until: Some(date!(2028 - 12 - 01)),
        }
    }

    fn facts(&self) -> ScientistFacts<'_> {
        ScientistFacts {
            fields: &self.fields,
            keywords: &self.keywords,
            engagement_kinds: &self.kinds,
            languages: &self.languages,
            hub: &self.hub,
            available_from: self.from,
            available_until: self.until,
        }
    }
}

fn total(p: &Problem, s: &Scientist, rank: f32) -> f64 {
    score(&p.facts(), &s.facts(), rank, &areas())
        .expect("scored")
        .total
}

fn points(scored: &Scored, term: Term) -> f64 {
    scored
        .why
        .parts
        .iter()
        .find(|(t, _)| *t == term)
        .map(|(_, p)| *p)
        .unwrap()
}

#[test]
fn the_weights_add_up_to_one_hundred() {
    let sum: f64 = Term::ALL.iter().map(|t| t.weight()).sum();
    assert!((sum - 100.0).abs() < 1e-9, "{sum}");
}

#[test]
fn a_perfect_pair_scores_every_point_and_says_why() {
    let p = Problem::chip();
    let s = Scientist::expert();
    let scored = score(&p.facts(), &s.facts(), 0.5, &areas()).unwrap();
    assert_eq!(
        scored.why.fields,
        strings(&["semi.chip_design", "oecd.2.2"])
    );
    assert!(scored.why.area_fields.is_empty());
    assert_eq!(scored.why.keywords, strings(&["GaN", "Bán dẫn công suất"]));
    assert_eq!(
        scored.why.engagement_kinds,
        strings(&["joint_research", "advisory"])
    );
    assert_eq!(scored.why.languages, strings(&["vi"]));
    assert_eq!(scored.why.availability, Availability::Overlaps);
    assert!(scored.why.same_hub);
    // Two of three keywords (saturation 3) is the only shortfall.
    assert!((points(&scored, Term::Keywords) - W_KEYWORDS * 2.0 / 3.0).abs() < 1e-9);
    let expected = 100.0 - W_KEYWORDS / 3.0;
    assert!((scored.total - expected).abs() < 1e-9, "{}", scored.total);
    let sum: f64 = scored.why.parts.iter().map(|(_, p)| p).sum();
    assert!(
        (sum - scored.total).abs() < 1e-9,
        "the parts add up to the total"
    );
}

#[test]
fn no_engagement_kind_in_common_excludes_the_pair() {
    let p = Problem::chip();
    let mut s = Scientist::expert();
    s.kinds = strings(&["return_position"]);
    assert_eq!(score(&p.facts(), &s.facts(), 1.0, &areas()), None);
}

#[test]
fn a_shared_area_counts_partly_between_exact_and_none() {
    let p = Problem::chip();
    let exact = Scientist::expert();
    let mut area = Scientist::expert();
    area.fields = strings(&["semi.materials", "oecd.2.5"]);
    let mut none = Scientist::expert();
    none.fields = strings(&["oecd.3.1"]);
    let (e, a, n) = (
        total(&p, &exact, 0.0),
        total(&p, &area, 0.0),
        total(&p, &none, 0.0),
    );
    assert!(e > a && a > n, "{e} > {a} > {n}");
    let scored = score(&p.facts(), &area.facts(), 0.0, &areas()).unwrap();
    assert!((points(&scored, Term::Fields) - W_FIELDS * AREA_CREDIT).abs() < 1e-9);
    assert_eq!(
        scored.why.area_fields,
        strings(&["semi.materials", "oecd.2.5"])
    );
    assert!(scored.why.fields.is_empty());
}

#[test]
fn text_relevance_grows_with_the_rank_and_saturates() {
    let p = Problem::chip();
    let s = Scientist::expert();
    let low = total(&p, &s, 0.05);
    let high = total(&p, &s, 0.15);
    assert!(high > low);
    assert_eq!(total(&p, &s, 0.2), total(&p, &s, 0.9), "saturated");
    let scored = score(&p.facts(), &s.facts(), 0.1, &areas()).unwrap();
    assert!((points(&scored, Term::Text) - W_TEXT / 2.0).abs() < 1e-6);
}

fn keyword_matches(wanted: &[String], offered: &[String]) -> Vec<String> {
    super::keyword_matches(wanted, &keyword_terms(wanted), &keyword_terms(offered))
}

#[test]
fn keywords_match_across_diacritics_case_and_as_runs_of_words() {
    let wanted = strings(&["Bán dẫn công suất", "GaN", "chip design", "半導体"]);
    let offered = strings(&[
        "BAN DAN CONG SUAT",
        "gan power devices",
        "design",
        "半導体材料",
    ]);
    assert_eq!(
        keyword_matches(&wanted, &offered),
        strings(&["Bán dẫn công suất", "GaN", "半導体"])
    );
    let words = strings(&["power", "chip"]);
    assert!(
        keyword_matches(&strings(&["power electronics"]), &words).is_empty(),
        "one word of a longer keyword is not a match"
    );
}

#[test]
fn languages_need_one_in_common_and_a_problem_without_any_is_neutral() {
    let mut p = Problem::chip();
    let mut s = Scientist::expert();
    s.languages = strings(&["ja"]);
    let scored = score(&p.facts(), &s.facts(), 0.0, &areas()).unwrap();
    assert_eq!(points(&scored, Term::Languages), 0.0);
    p.languages.clear();
    let scored = score(&p.facts(), &s.facts(), 0.0, &areas()).unwrap();
    assert_eq!(points(&scored, Term::Languages), W_LANGUAGES * NEUTRAL);
}

#[test]
fn availability_overlaps_is_outside_or_not_given() {
    let window = Window::for_problem(date!(2026 - 11 - 22), Some(date!(2027 - 03 - 27)), Some(3));
    assert_eq!(window.end, Some(date!(2027 - 06 - 27)));
    let check = |from, until| availability(window, from, until);
    assert_eq!(check(None, None), Availability::NotGiven);
    assert_eq!(
        check(Some(date!(2027 - 06 - 01)), None),
        Availability::Overlaps
    );
    assert_eq!(
        check(Some(date!(2027 - 07 - 01)), None),
        Availability::Outside
    );
    // "Until November 2026" lasts to the end of November, past today (the 22nd).
    assert_eq!(
        check(None, Some(date!(2026 - 11 - 01))),
        Availability::Overlaps
    );
    assert_eq!(
        check(None, Some(date!(2026 - 10 - 01))),
        Availability::Outside
    );
    let open = Window::for_problem(date!(2026 - 11 - 22), None, None);
    assert_eq!(open.end, None);
    assert_eq!(
        availability(open, Some(date!(2040 - 01 - 01)), None),
        Availability::Overlaps
    );
}

#[test]
fn the_hub_counts_when_targeted_or_when_every_hub_is() {
    let mut p = Problem::chip();
    let mut s = Scientist::expert();
    s.hub = "kr".into();
    let scored = score(&p.facts(), &s.facts(), 0.0, &areas()).unwrap();
    assert!(!scored.why.same_hub);
    assert_eq!(points(&scored, Term::Hub), 0.0);
    p.hubs.clear();
    let scored = score(&p.facts(), &s.facts(), 0.0, &areas()).unwrap();
    assert_eq!(points(&scored, Term::Hub), W_HUB);
}

#[test]
fn months_are_added_to_the_last_day_of_short_months() {
    assert_eq!(add_months(date!(2027 - 01 - 31), 1), date!(2027 - 02 - 28));
    assert_eq!(add_months(date!(2026 - 11 - 22), 14), date!(2028 - 01 - 22));
    assert_eq!(add_months(date!(2026 - 11 - 22), 0), date!(2026 - 11 - 22));
}

#[test]
fn neighbours_are_the_other_fields_of_the_same_areas() {
    let fields = strings(&["semi.chip_design"]);
    assert_eq!(
        areas().neighbours(&fields),
        strings(&["semi.materials", "semi.packaging"])
    );
}
