//! The demo organisations and their technology problems, in every status.
//!
//! The words come from `problem_texts.rs`; the numbers (budgets, durations, engagement kinds,
//! working languages, mechanisms, times) are drawn here from the seed's PRNG, one stream per
//! topic, so every database gets the same problems. Dates are relative to the day of the run
//! (deadlines ahead for open problems, behind for expired ones), so the demo stays believable
//! whenever it is seeded, and the review queue's "oldest first" has something to order.
//!
//! A problem is saved the way the application saves one ([`insert_problem`]: the row, its
//! lists and its search document), as a draft, and then walked along the same status path as
//! the real review (draft → submitted → published …), one update per step, each with its
//! `problem_events` row: the database's status guard checks every step.
//!
//! **Idempotent.** Organisations are keyed on their English name, problems on their title
//! within their organisation; what exists is left alone.

use anyhow::Context;
use sqlx::PgConnection;
use time::{Date, Duration, OffsetDateTime};

use super::problem_texts::*;
use super::{Lang, Rng, SEED, SeedReport};
use crate::problems::model::{Outcome, Problem, Status};
use crate::problems::queries::insert_problem;

/// The demo problem owner, a member of some organisations and the author of their problems.
pub(super) const OWNER_EMAIL: &str = "demo-owner@knowbridge.demo";
/// The demo embassy officer, who took every decision the seed records.
pub(super) const STAFF_EMAIL: &str = "demo-staff@knowbridge.demo";

/// One move along the status machine, as the application makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Submit,
    Approve,
    RequestChanges,
    Reject,
    Close(Outcome),
    Expire,
}

use Move::*;

/// The moves that bring a new draft to where its plan ends.
fn moves(plan: Plan) -> &'static [Move] {
    match plan {
        Plan::Draft => &[],
        Plan::Submitted => &[Submit],
        Plan::Resubmitted => &[Submit, RequestChanges, Submit],
        Plan::ChangesRequested => &[Submit, RequestChanges],
        Plan::Published => &[Submit, Approve],
        Plan::Rejected => &[Submit, Reject],
        Plan::ClosedFulfilled => &[Submit, Approve, Close(Outcome::Fulfilled)],
        Plan::ClosedWithdrawn => &[Submit, Approve, Close(Outcome::Withdrawn)],
        Plan::Expired => &[Submit, Approve, Expire],
    }
}

/// Who makes a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Actor {
    /// The problem's author (nobody for an organisation the demo owner is not in).
    Author,
    Staff,
    /// The background expiry task.
    System,
}

impl Move {
    /// The status it leads to, the `problem_events.event` it writes and who makes it.
    fn effect(self) -> (Status, &'static str, Actor) {
        match self {
            Submit => (Status::Submitted, "submitted", Actor::Author),
            Approve => (Status::Published, "approved", Actor::Staff),
            RequestChanges => (Status::ChangesRequested, "changes_requested", Actor::Staff),
            Reject => (Status::Rejected, "rejected", Actor::Staff),
            Close(_) => (Status::Closed, "closed", Actor::Author),
            Expire => (Status::Expired, "expired", Actor::System),
        }
    }

    /// How many days pass before it, at least and at most.
    fn days_before(self) -> (i32, i32) {
        match self {
            Submit => (1, 5),
            Approve | RequestChanges | Reject => (2, 12),
            Close(_) => (30, 100),
            Expire => (40, 150),
        }
    }

    /// The reason a reviewer gives (or the note the owner closes with): the topic's own, or a
    /// stock one in the topic's language.
    fn reason(self, topic: &Topic) -> Option<String> {
        let en = topic.lang == Lang::En;
        let stock = match (self, en) {
            (RequestChanges, false) => CHANGES_VI,
            (RequestChanges, true) => CHANGES_EN,
            (Reject, false) => REJECT_VI,
            (Reject, true) => REJECT_EN,
            (Close(Outcome::Fulfilled), false) => FULFILLED_VI,
            (Close(Outcome::Fulfilled), true) => FULFILLED_EN,
            (Close(Outcome::Withdrawn), false) => WITHDRAWN_VI,
            (Close(Outcome::Withdrawn), true) => WITHDRAWN_EN,
            _ => return None,
        };
        let text = match topic.note {
            "" => stock[topic.title.len() % stock.len()],
            note => note,
        };
        Some(text.to_string())
    }
}

#[derive(Debug)]
struct Step {
    action: Move,
    reason: Option<String>,
    at: OffsetDateTime,
}

/// A problem ready to insert: its content (`org_id` still 0), when it was created, and the
/// steps that bring it to its status, oldest first.
#[derive(Debug)]
struct Planned {
    org: usize,
    problem: Problem,
    created_at: OffsetDateTime,
    steps: Vec<Step>,
}

/// Creates what is missing of the demo organisations and problems; counts it in `report`.
pub(super) async fn seed(conn: &mut PgConnection, report: &mut SeedReport) -> anyhow::Result<()> {
    let owner = user_id(conn, OWNER_EMAIL).await?;
    let staff = user_id(conn, STAFF_EMAIL).await?;
    let now = OffsetDateTime::now_utc();
    let mut org_ids = Vec::with_capacity(ORGS.len());
    for org in ORGS {
        org_ids.push(ensure_org(conn, org, owner, staff, now, report).await?);
    }
    for planned in plan_all(now) {
        let mut problem = planned.problem;
        problem.org_id = org_ids[planned.org];
        if problem_exists(conn, problem.org_id, &problem.title).await? {
            continue;
        }
        let people = People {
            author: ORGS[planned.org].owner_member.then_some(owner),
            owner,
            staff,
        };
        insert(conn, &problem, people, planned.created_at, &planned.steps)
            .await
            .with_context(|| format!("seeding the demo problem {:?}", problem.title))?;
        report.problems_created += 1;
    }
    Ok(())
}

async fn user_id(conn: &mut PgConnection, email: &str) -> anyhow::Result<i64> {
    sqlx::query_scalar("select id from users where lower(email) = lower($1)")
        .bind(email)
        .fetch_optional(conn)
        .await?
        .with_context(|| format!("the demo account {email} is missing"))
}

/// The organisation's id, inserting it (registered by the demo owner if a member, decided by
/// the demo staff unless still unverified) when no organisation has its English name.
async fn ensure_org(
    conn: &mut PgConnection,
    org: &DemoOrg,
    owner: i64,
    staff: i64,
    now: OffsetDateTime,
    report: &mut SeedReport,
) -> sqlx::Result<i64> {
    let existing: Option<i64> =
        sqlx::query_scalar("select min(id) from organisations where name_en = $1")
            .bind(org.name_en)
            .fetch_one(&mut *conn)
            .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let created = now - Duration::days(org.age_days);
    let decided = (org.status != "unverified").then(|| created + Duration::days(3));
    let id: i64 = sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, name_ja, kind, country_code, website,
                status, created_by, decided_by, decided_at, created_at, updated_at)
         values ($1, $2, $3, $4, 'VN', $5, $6, $7, $8, $9, $10, coalesce($9, $10))
         returning id",
    )
    .bind(org.name_vi)
    .bind(org.name_en)
    .bind(org.name_ja)
    .bind(org.kind)
    .bind(org.website)
    .bind(org.status)
    .bind(org.owner_member.then_some(owner))
    .bind(decided.map(|_| staff))
    .bind(decided)
    .bind(created)
    .fetch_one(&mut *conn)
    .await?;
    if org.owner_member {
        sqlx::query("insert into org_members (org_id, user_id) values ($1, $2)")
            .bind(id)
            .bind(owner)
            .execute(&mut *conn)
            .await?;
    }
    report.orgs_created += 1;
    Ok(id)
}

async fn problem_exists(conn: &mut PgConnection, org_id: i64, title: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("select exists (select 1 from problems where org_id = $1 and title = $2)")
        .bind(org_id)
        .bind(title)
        .fetch_one(conn)
        .await
}

#[derive(Clone, Copy)]
struct People {
    /// The problem's author: the demo owner in their organisations, nobody elsewhere.
    author: Option<i64>,
    owner: i64,
    staff: i64,
}

/// Saves the draft as the application does, dates it, then takes it step by step along its
/// path, writing the history as the real submit, review, close and expiry do.
async fn insert(
    conn: &mut PgConnection,
    problem: &Problem,
    people: People,
    created_at: OffsetDateTime,
    steps: &[Step],
) -> sqlx::Result<()> {
    // `insert_problem` wants an author; the update below sets the real one (maybe none).
    let id = insert_problem(&mut *conn, people.owner, problem).await?;
    sqlx::query(
        "update problems set author_id = $2, created_at = $3, updated_at = $3 where id = $1",
    )
    .bind(id)
    .bind(people.author)
    .bind(created_at)
    .execute(&mut *conn)
    .await?;
    for step in steps {
        let (to, event, actor) = step.action.effect();
        let outcome = match step.action {
            Close(outcome) => Some(outcome.code()),
            _ => None,
        };
        sqlx::query(
            "update problems
                set status = $2, updated_at = $3,
                    submitted_at = case when $2 = 'submitted' then $3 else submitted_at end,
                    published_at = case when $2 = 'published' then $3 else published_at end,
                    closed_at = case when $2 = 'closed' then $3 else closed_at end,
                    outcome = $4, outcome_note = case when $4 is null then null else $5 end
              where id = $1",
        )
        .bind(id)
        .bind(to.code())
        .bind(step.at)
        .bind(outcome)
        .bind(step.reason.as_deref())
        .execute(&mut *conn)
        .await?;
        let actor = match actor {
            Actor::Author => people.author,
            Actor::Staff => Some(people.staff),
            Actor::System => None,
        };
        sqlx::query(
            "insert into problem_events (problem_id, actor_id, event, reason, created_at)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(actor)
        .bind(event)
        .bind(step.reason.as_deref())
        .bind(step.at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

// --- generation: no I/O, so that it can be unit-tested ---------------------------------------

fn plan_all(now: OffsetDateTime) -> Vec<Planned> {
    TOPICS
        .iter()
        .enumerate()
        .map(|(index, topic)| {
            // Each topic has its own stream, so editing one does not change the others.
            let stream = (index as u64 + 1).wrapping_mul(0xd6e8_feb8_6659_fd93);
            plan(
                &mut Rng::new(SEED ^ 0x7072_6f62_6c65_6d73 ^ stream),
                topic,
                now,
            )
        })
        .collect()
}

fn plan(rng: &mut Rng, topic: &Topic, now: OffsetDateTime) -> Planned {
    let org = &ORGS[topic.org];
    let engagement_kinds: Vec<String> = match topic.engage {
        [] => draw_distinct(rng, engagement_weights(org.kind), 1, 3),
        kinds => kinds.iter().map(|k| k.to_string()).collect(),
    };
    // One problem in twenty names no mechanism: the form allows it.
    let mechanism = Some(rng.choose(mechanism_weights(org.kind))).filter(|_| !rng.chance(5));
    let (budget_min, budget_max, currency) = draw_budget(rng, topic.money);
    let duration = *rng.pick(&[3, 6, 6, 9, 12, 12, 12, 18, 18, 24, 24, 36]);
    let working_languages = draw_languages(rng, topic);
    let (created_at, steps, deadline) = draw_history(rng, topic, now);
    let particulars = Particulars {
        engagement_kinds: &engagement_kinds,
        mechanism,
        duration,
        languages: &working_languages,
    };
    let problem = Problem {
        org_id: 0,
        title: topic.title.into(),
        summary: topic.summary.into(),
        description_md: description(topic, org, particulars),
        fields: topic.fields.iter().map(|f| f.to_string()).collect(),
        keywords: topic.keywords.iter().map(|k| k.to_string()).collect(),
        engagement_kinds,
        mechanism: mechanism.map(String::from),
        budget_min,
        budget_max,
        currency: currency.map(String::from),
        location: Some(topic.location.unwrap_or(org.location).into()),
        duration_months: Some(duration),
        deadline: Some(deadline),
        target_hubs: topic.hubs.iter().map(|h| h.to_string()).collect(),
        working_languages,
        confidentiality: topic.conf,
    };
    Planned {
        org: topic.org,
        problem,
        created_at,
        steps,
    }
}

/// Between `low` and `high` different codes from the weighted list.
fn draw_distinct(rng: &mut Rng, weights: &[(&str, u32)], low: i32, high: i32) -> Vec<String> {
    let count = rng.between(low, high) as usize;
    let mut codes: Vec<String> = Vec::new();
    while codes.len() < count.min(weights.len()) {
        let code = rng.choose(weights);
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_string());
        }
    }
    codes
}

/// A range in round numbers: 0.5–20 billion đồng, 2–25 million yen or 20–200 thousand dollars.
fn draw_budget(rng: &mut Rng, money: Money) -> (Option<i64>, Option<i64>, Option<&'static str>) {
    let (unit, low, high, cap, currency) = match money {
        Money::Vnd => (500_000_000, 1, 16, 20_000_000_000, "VND"),
        Money::Jpy => (1_000_000, 2, 10, 25_000_000, "JPY"),
        Money::Usd => (10_000, 2, 10, 200_000, "USD"),
        Money::None => return (None, None, None),
    };
    let min = unit * i64::from(rng.between(low, high));
    let step = unit / 5;
    let max = (min * i64::from(rng.between(15, 30)) / 10 / step * step).min(cap);
    (Some(min), Some(max), Some(currency))
}

/// The problem's own language always, and often the others its readers would use.
fn draw_languages(rng: &mut Rng, topic: &Topic) -> Vec<String> {
    let mut wanted = |code: &str| match code {
        "vi" => topic.lang == Lang::Vi || rng.chance(60),
        "ja" => topic.hubs.contains(&"jp") && rng.chance(60),
        "en" => topic.lang == Lang::En || rng.chance(45),
        _ => topic.hubs.contains(&"kr") && rng.chance(60),
    };
    ["vi", "ja", "en", "ko"]
        .into_iter()
        .filter(|code| wanted(code))
        .map(String::from)
        .collect()
}

/// Some whole days plus up to eight hours, so that times do not all fall on the same minute.
fn gap(rng: &mut Rng, (low, high): (i32, i32)) -> Duration {
    Duration::days(i64::from(rng.between(low, high)))
        + Duration::minutes(i64::from(rng.between(0, 8 * 60)))
}

/// When the problem was created, its steps and its deadline. Built backwards from the last
/// step, so that every time is in the past and each step follows the one before.
fn draw_history(
    rng: &mut Rng,
    topic: &Topic,
    now: OffsetDateTime,
) -> (OffsetDateTime, Vec<Step>, Date) {
    let today = now.date();
    let past_deadline = today - Duration::days(i64::from(rng.between(3, 60)));
    // Days since the last step: the queue waits weeks at most, published problems run months.
    let quiet = match topic.plan {
        Plan::Draft => (1, 25),
        Plan::Submitted => (1, 30),
        Plan::Resubmitted => (1, 10),
        Plan::ChangesRequested => (2, 20),
        Plan::Published => (3, 150),
        Plan::Rejected => (5, 120),
        Plan::ClosedFulfilled | Plan::ClosedWithdrawn => (5, 60),
        Plan::Expired => (0, 0),
    };
    let last = match topic.plan {
        // The expiry task runs in the night after the deadline passed.
        Plan::Expired => (past_deadline + Duration::days(1)).midnight().assume_utc(),
        _ => now - gap(rng, quiet) - Duration::hours(1),
    };
    let moves = moves(topic.plan);
    let mut times = vec![last];
    for action in moves.iter().rev() {
        let earlier = times[times.len() - 1] - gap(rng, action.days_before());
        times.push(earlier);
    }
    times.reverse();
    let created_at = times[0];
    let steps = moves
        .iter()
        .zip(&times[1..])
        .map(|(action, at)| Step {
            action: *action,
            reason: action.reason(topic),
            at: *at,
        })
        .collect();
    let days = |rng: &mut Rng, low, high| Duration::days(i64::from(rng.between(low, high)));
    let deadline = match topic.plan {
        Plan::Expired => past_deadline,
        // Closed and rejected problems keep the deadline they had when they were decided.
        Plan::Rejected | Plan::ClosedFulfilled | Plan::ClosedWithdrawn => {
            created_at.date() + days(rng, 60, 150)
        }
        Plan::Published => today + days(rng, 14, 240),
        _ => today + days(rng, 45, 200),
    };
    (created_at, steps, deadline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problems::forms::{
        MAX_DESCRIPTION_CHARS, MAX_KEYWORD_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS,
    };
    use crate::problems::model::{Action, transition};

    const REFERENCE_DATA: &str =
        include_str!("../../../migrations/20261122000002_reference_data.sql");

    #[test]
    fn generation_is_deterministic_apart_from_the_clock() {
        let now = OffsetDateTime::now_utc();
        for (a, b) in plan_all(now).iter().zip(&plan_all(now)) {
            assert_eq!((&a.problem, a.created_at), (&b.problem, b.created_at));
        }
    }

    #[test]
    fn every_problem_passes_the_form_rules_with_known_codes() {
        let known = |code: &str| code == "kr" || REFERENCE_DATA.contains(&format!("('{code}'"));
        for p in plan_all(OffsetDateTime::now_utc())
            .iter()
            .map(|p| &p.problem)
        {
            assert!(
                p.title.chars().count() <= MAX_TITLE_CHARS
                    && p.summary.chars().count() <= MAX_SUMMARY_CHARS
            );
            assert!(p.description_md.chars().count() <= MAX_DESCRIPTION_CHARS);
            let lists = [&p.fields, &p.engagement_kinds, &p.working_languages];
            assert!(lists.iter().all(|l| !l.is_empty()), "{}", p.title);
            let codes = lists.into_iter().flatten().chain(&p.target_hubs);
            for code in codes.chain(&p.mechanism) {
                assert!(known(code), "{code} in {}", p.title);
            }
            for k in &p.keywords {
                assert!(
                    k.chars().count() <= MAX_KEYWORD_CHARS && !k.contains(','),
                    "{k}"
                );
            }
            match (p.budget_min, p.budget_max) {
                (Some(min), Some(max)) => assert!(0 < min && min <= max && p.currency.is_some()),
                _ => assert_eq!(p.currency, None),
            }
            assert!(p.description_md.starts_with("# ") && !p.description_md.contains(".."));
        }
    }

    #[test]
    fn histories_follow_the_status_machine_in_order_and_in_the_past() {
        let now = OffsetDateTime::now_utc();
        for (planned, topic) in plan_all(now).iter().zip(TOPICS) {
            let org_created = now - Duration::days(ORGS[topic.org].age_days);
            assert!(planned.created_at > org_created, "{}", topic.title);
            let (mut status, mut at) = (Status::Draft, planned.created_at);
            for step in &planned.steps {
                let action = match step.action {
                    Submit => Action::Submit,
                    Approve => Action::Approve,
                    RequestChanges => Action::RequestChanges,
                    Reject => Action::Reject,
                    Close(_) => Action::Close,
                    Expire => Action::Expire,
                };
                let (to, _, _) = step.action.effect();
                assert_eq!(transition(status, action), Some(to), "{}", topic.title);
                assert!(step.at > at && step.at < now, "{}", topic.title);
                let explained = matches!(step.action, RequestChanges | Reject | Close(_));
                assert_eq!(step.reason.is_some(), explained, "{}", topic.title);
                (status, at) = (to, step.at);
            }
            assert_eq!(status, topic.plan.status(), "{}", topic.title);
            let deadline = planned.problem.deadline.unwrap();
            match status {
                Status::Expired => assert!(deadline < now.date() && deadline < at.date()),
                Status::Rejected | Status::Closed => {}
                _ => assert!(deadline > now.date(), "{}", topic.title),
            }
        }
    }
}
