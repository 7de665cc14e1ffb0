//! The demo matches: about thirty pairs of a seeded problem and a seeded scientist, in every
//! state of the three-consent workflow, with their history and a few messages.
//!
//! Each match follows a [`Recipe`]: who started it and what happened next, one step at a time.
//! Every step is checked with [`apply`] (the same rules the application uses), and written the
//! way the workflow writes it: the consent's who and when, a `match_events` row with its actor,
//! `activated` after the third consent, the reason of a decline or withdrawal, the outcome of
//! a completion. Times lie between the problem's publication and its closing (or now), in the
//! order of the steps.
//!
//! Anything that needs the problem owner's consent happens on a problem of an organisation the
//! demo owner belongs to: elsewhere nobody could have given it.
//!
//! **Idempotent.** When any match refers to a seeded problem the matches are in place and
//! nothing is written.

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use sqlx::PgConnection;
use time::{Duration, OffsetDateTime};

use super::problem_texts::ORGS;
use super::problems::{OWNER_EMAIL, STAFF_EMAIL};
use super::{Rng, SEED, SeedReport};
use crate::matches::model::{Action, Consents, Party, State, apply};
use crate::matches::workflow::rules::{Origin, event_of, is_conflict_of_interest};

const DEMO_SCIENTIST_EMAIL: &str = "demo-scientist@knowbridge.demo";

/// Who plays the scientist in a recipe.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Who {
    Demo,
    Generated,
}

/// Which problems a recipe may use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Where {
    /// Any published problem.
    Any,
    /// A published problem of an organisation the demo owner belongs to.
    Owned,
    /// As `Owned`, and in the demo staff's review queue (every hub or Japan).
    OwnedQueued,
    /// A problem of the demo owner's organisations closed as fulfilled (else a published one).
    Fulfilled,
}

/// One match to create: how it started, and the steps after.
struct Recipe {
    origin: Origin,
    who: Who,
    place: Where,
    steps: &'static [(Party, Action)],
}

const fn r(origin: Origin, who: Who, place: Where, steps: &'static [(Party, Action)]) -> Recipe {
    Recipe {
        origin,
        who,
        place,
        steps,
    }
}

use Action::{Accept, Complete, Decline, Withdraw};
use Origin::{Interest, Invitation, Proposal};
use Party::{Owner, Scientist, Staff};
use Where::{Any, Fulfilled, Owned, OwnedQueued};
use Who::{Demo, Generated};

const RECIPES: &[Recipe] = &[
    // Pending with only the creator's consent.
    r(Invitation, Demo, Owned, &[]),
    r(Invitation, Generated, Owned, &[]),
    r(Invitation, Generated, Owned, &[]),
    r(Interest, Generated, Any, &[]),
    r(Interest, Generated, Any, &[]),
    r(Interest, Generated, Owned, &[]),
    r(Proposal, Generated, Any, &[]),
    r(Proposal, Generated, Any, &[]),
    // Pending with two consents: waiting for the embassy.
    r(Interest, Generated, OwnedQueued, &[(Owner, Accept)]),
    r(Invitation, Generated, OwnedQueued, &[(Scientist, Accept)]),
    r(Invitation, Generated, OwnedQueued, &[(Scientist, Accept)]),
    r(Interest, Generated, OwnedQueued, &[(Owner, Accept)]),
    r(Invitation, Demo, OwnedQueued, &[(Scientist, Accept)]),
    // Active.
    r(
        Invitation,
        Demo,
        Owned,
        &[(Scientist, Accept), (Staff, Accept)],
    ),
    r(
        Interest,
        Generated,
        Owned,
        &[(Owner, Accept), (Staff, Accept)],
    ),
    r(
        Proposal,
        Generated,
        Owned,
        &[(Scientist, Accept), (Owner, Accept)],
    ),
    r(
        Invitation,
        Generated,
        Owned,
        &[(Staff, Accept), (Scientist, Accept)],
    ),
    r(
        Interest,
        Generated,
        Owned,
        &[(Staff, Accept), (Owner, Accept)],
    ),
    r(
        Proposal,
        Generated,
        Owned,
        &[(Owner, Accept), (Scientist, Accept)],
    ),
    // Declined by each party.
    r(Invitation, Generated, Owned, &[(Scientist, Decline)]),
    r(Interest, Generated, Owned, &[(Owner, Decline)]),
    r(Interest, Generated, Any, &[(Staff, Decline)]),
    r(
        Invitation,
        Generated,
        Owned,
        &[(Scientist, Accept), (Staff, Decline)],
    ),
    // Withdrawn by the scientist, while pending or active.
    r(Interest, Generated, Any, &[(Scientist, Withdraw)]),
    r(Proposal, Generated, Any, &[(Scientist, Withdraw)]),
    r(
        Invitation,
        Generated,
        Owned,
        &[(Scientist, Accept), (Scientist, Withdraw)],
    ),
    r(
        Interest,
        Generated,
        Owned,
        &[(Owner, Accept), (Staff, Accept), (Scientist, Withdraw)],
    ),
    // Completed, with an outcome.
    r(
        Invitation,
        Generated,
        Fulfilled,
        &[(Scientist, Accept), (Staff, Accept), (Owner, Complete)],
    ),
    r(
        Interest,
        Generated,
        Fulfilled,
        &[(Owner, Accept), (Staff, Accept), (Owner, Complete)],
    ),
    r(
        Proposal,
        Generated,
        Owned,
        &[(Scientist, Accept), (Owner, Accept), (Staff, Complete)],
    ),
    r(
        Invitation,
        Demo,
        Fulfilled,
        &[(Scientist, Accept), (Staff, Accept), (Owner, Complete)],
    ),
];

pub(crate) const INTEREST_NOTES: &[&str] = &[
    "Tôi đã nghiên cứu vấn đề tương tự trong nhiều năm và rất muốn đóng góp cho dự án này.",
    "Nhóm của tôi có kinh nghiệm thực tế về chủ đề này, mong được trao đổi thêm với quý cơ quan.",
    "Tôi quan tâm đến đề bài và có thể dành khoảng 10 giờ mỗi tháng để hợp tác.",
    "I have worked on closely related problems and would be glad to help.",
];
pub(crate) const INVITATION_NOTES: &[&str] = &[
    "Chúng tôi đánh giá cao chuyên môn của anh/chị và trân trọng mời tham gia giải quyết đề bài.",
    "Hồ sơ của anh/chị rất phù hợp với nhu cầu của chúng tôi, mong nhận được phản hồi.",
    "We would be honoured to work with you on this problem.",
];
pub(crate) const PROPOSAL_NOTES: &[&str] = &[
    "Đại sứ quán đề xuất kết nối vì chuyên môn của nhà khoa học khớp với yêu cầu của đề bài.",
    "Đề xuất kết nối: nhà khoa học đã từng hợp tác thành công với các đơn vị trong nước.",
    "The embassy proposes this match: the scientist's expertise fits the problem well.",
];
pub(crate) const DECLINE_SCIENTIST: &[&str] = &[
    "Cảm ơn lời mời, nhưng trong năm nay tôi không thu xếp được thời gian.",
    "Thank you for the invitation; my current commitments do not leave enough time.",
];
pub(crate) const DECLINE_OWNER: &[&str] =
    &["Chúng tôi đã tìm được đối tác phù hợp hơn về kinh nghiệm triển khai thực tế."];
pub(crate) const REJECT_STAFF: &[&str] =
    &["Nội dung hợp tác chưa rõ ràng; đề nghị hai bên trao đổi thêm trước khi đề xuất lại."];
pub(crate) const WITHDRAW_REASONS: &[&str] = &[
    "Tôi chuyển công tác nên không thể tiếp tục tham gia.",
    "Kế hoạch nghiên cứu của nhóm thay đổi, tôi xin rút lui.",
    "My lab's funding changed and I can no longer commit the time.",
];
pub(crate) const OUTCOMES: &[&str] = &[
    "Đã khởi động dự án hợp tác nghiên cứu",
    "Đã giảng dạy khóa học ngắn hạn 2 tuần",
    "Đã tiếp nhận hai kỹ sư sang thực tập 3 tháng",
    "Completed the advisory report and handed it over to the organisation",
];
/// Short threads of an active match: (author, body).
pub(crate) const THREADS: &[&[(Party, &str)]] = &[
    &[
        (
            Owner,
            "Chào anh/chị, chúng tôi đề xuất họp trực tuyến vào tuần tới để thống nhất kế hoạch.",
        ),
        (
            Scientist,
            "Cảm ơn anh/chị, tôi có thể họp vào chiều thứ Năm (giờ Nhật Bản).",
        ),
        (Staff, "Đại sứ quán sẽ tham dự và hỗ trợ thủ tục nếu cần."),
    ],
    &[
        (
            Scientist,
            "Tôi đã gửi bản đề cương sơ bộ qua email, mong nhận được góp ý.",
        ),
        (Owner, "Chúng tôi đã nhận được, sẽ phản hồi trong tuần này."),
    ],
    &[
        (Staff, "Xin chúc mừng hai bên đã kết nối thành công."),
        (
            Scientist,
            "Cảm ơn Đại sứ quán. Tôi sẽ chuẩn bị danh sách tài liệu tham khảo.",
        ),
        (Owner, "Rất mong được hợp tác lâu dài với anh/chị."),
    ],
];

struct ProblemRow {
    id: i64,
    org_names: Vec<String>,
    owned: bool,
    queued: bool,
    fulfilled: bool,
    kinds: Vec<String>,
    target_hubs: Vec<String>,
    from: OffsetDateTime,
    until: Option<OffsetDateTime>,
}

struct ScientistRow {
    id: i64,
    affiliation: String,
    hub: String,
    kinds: Vec<String>,
    demo: bool,
}

/// Creates the demo matches unless they exist; counts them in `report`.
pub(super) async fn seed(conn: &mut PgConnection, report: &mut SeedReport) -> anyhow::Result<()> {
    let owner = user_id(conn, OWNER_EMAIL).await?;
    let staff = user_id(conn, STAFF_EMAIL).await?;
    let problems = load_problems(conn, owner).await?;
    let ids: Vec<i64> = problems.iter().map(|p| p.id).collect();
    let exists: bool = sqlx::query_scalar(
        "select exists (select 1 from matches m join problems p on p.id = m.problem_id
                          join organisations o on o.id = p.org_id where o.name_en = any($1))",
    )
    .bind(ORGS.iter().map(|o| o.name_en).collect::<Vec<_>>())
    .fetch_one(&mut *conn)
    .await?;
    if exists || ids.is_empty() {
        return Ok(());
    }
    let scientists = load_scientists(conn).await?;
    let now = OffsetDateTime::now_utc();
    let mut rng = Rng::new(SEED ^ 0x6d61_7463_6865_7321); // "matches!"
    let mut used_pairs: HashSet<(i64, i64)> = HashSet::new();
    let mut problem_uses: HashMap<i64, usize> = HashMap::new();
    let mut scientist_uses: HashMap<i64, usize> = HashMap::new();
    let mut thread = 0;
    for recipe in RECIPES {
        let Some((problem, scientist, kind)) = choose(
            &mut rng,
            recipe,
            &problems,
            &scientists,
            &used_pairs,
            &problem_uses,
            &scientist_uses,
        ) else {
            continue;
        };
        used_pairs.insert((problem.id, scientist.id));
        *problem_uses.entry(problem.id).or_default() += 1;
        *scientist_uses.entry(scientist.id).or_default() += 1;
        let people = [(Scientist, scientist.id), (Owner, owner), (Staff, staff)];
        let actor = |party: Party| people.iter().find(|(p, _)| *p == party).unwrap().1;
        let end = problem.until.unwrap_or(now - Duration::hours(1));
        let plan = plan_match(&mut rng, recipe, problem.from, end, &mut thread)?;
        let conflict = {
            let names: Vec<&str> = problem.org_names.iter().map(String::as_str).collect();
            is_conflict_of_interest(&scientist.affiliation, &names)
        };
        insert(
            conn,
            problem.id,
            scientist.id,
            recipe,
            kind,
            &plan,
            conflict,
            &actor,
        )
        .await
        .with_context(|| format!("seeding a demo match on problem {}", problem.id))?;
        report.matches_created += 1;
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

async fn load_problems(conn: &mut PgConnection, owner: i64) -> sqlx::Result<Vec<ProblemRow>> {
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        bool,
        String,
        Option<String>,
        Vec<String>,
        Vec<String>,
        OffsetDateTime,
        Option<OffsetDateTime>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "select p.id, o.name_vi, o.name_en, o.name_ja,
                exists (select 1 from org_members m where m.org_id = o.id and m.user_id = $2),
                p.status, p.outcome,
                array(select e.kind from problem_engagements e
                        join engagement_kinds k on k.code = e.kind
                       where e.problem_id = p.id order by k.sort_order),
                p.target_hubs, p.published_at, p.closed_at
           from problems p join organisations o on o.id = p.org_id
          where o.name_en = any($1) and p.status in ('published', 'closed')
            and p.published_at is not null
          order by p.title",
    )
    .bind(ORGS.iter().map(|o| o.name_en).collect::<Vec<_>>())
    .bind(owner)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, vi, en, ja, owned, status, outcome, kinds, hubs, published, closed)| {
                let closed_ok = status == "closed";
                ProblemRow {
                    id,
                    org_names: [Some(vi), Some(en), ja].into_iter().flatten().collect(),
                    owned,
                    queued: hubs.is_empty() || hubs.iter().any(|h| h == "jp"),
                    fulfilled: closed_ok && outcome.as_deref() == Some("fulfilled"),
                    kinds,
                    target_hubs: hubs,
                    from: published + Duration::hours(1),
                    until: if closed_ok {
                        closed.map(|c| c - Duration::hours(1))
                    } else {
                        None
                    },
                }
            },
        )
        .filter(|p| p.until.is_none() || p.fulfilled)
        .collect())
}

async fn load_scientists(conn: &mut PgConnection) -> sqlx::Result<Vec<ScientistRow>> {
    let rows: Vec<(i64, String, String, String, Vec<String>)> = sqlx::query_as(
        "select p.user_id, lower(u.email), p.affiliation, p.hub_code,
                array(select e.kind from profile_engagements e where e.user_id = p.user_id)
           from scientist_profiles p join users u on u.id = p.user_id
          where u.disabled_at is null
            and (lower(u.email) = $1 or lower(u.email) like 'demo.scientist.%@knowbridge.demo')
          order by lower(u.email)",
    )
    .bind(DEMO_SCIENTIST_EMAIL)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, email, affiliation, hub, kinds)| ScientistRow {
            id,
            demo: email == DEMO_SCIENTIST_EMAIL,
            affiliation,
            hub,
            kinds,
        })
        .collect())
}

/// A problem and a scientist for the recipe, and the kind of engagement they share: among the
/// least used problems and scientists that fit, one drawn at random.
fn choose<'a>(
    rng: &mut Rng,
    recipe: &Recipe,
    problems: &'a [ProblemRow],
    scientists: &'a [ScientistRow],
    used_pairs: &HashSet<(i64, i64)>,
    problem_uses: &HashMap<i64, usize>,
    scientist_uses: &HashMap<i64, usize>,
) -> Option<(&'a ProblemRow, &'a ScientistRow, String)> {
    let open = |p: &&ProblemRow| p.until.is_none();
    let mut places: Vec<&ProblemRow> = match recipe.place {
        Any => problems.iter().filter(open).collect(),
        Owned => problems.iter().filter(open).filter(|p| p.owned).collect(),
        OwnedQueued => problems
            .iter()
            .filter(open)
            .filter(|p| p.owned && p.queued)
            .collect(),
        Fulfilled => {
            let closed: Vec<&ProblemRow> =
                problems.iter().filter(|p| p.owned && p.fulfilled).collect();
            match closed.is_empty() {
                true => problems.iter().filter(open).filter(|p| p.owned).collect(),
                false => closed,
            }
        }
    };
    let fits = |p: &ProblemRow, s: &ScientistRow| {
        !used_pairs.contains(&(p.id, s.id))
            && (p.target_hubs.is_empty() || p.target_hubs.contains(&s.hub))
            && p.kinds.iter().any(|k| s.kinds.contains(k))
    };
    let people: Vec<&ScientistRow> = scientists
        .iter()
        .filter(|s| s.demo == (recipe.who == Demo))
        .collect();
    places.retain(|p| people.iter().any(|s| fits(p, s)));
    let least = places
        .iter()
        .map(|p| problem_uses.get(&p.id).copied().unwrap_or(0))
        .min()?;
    places.retain(|p| problem_uses.get(&p.id).copied().unwrap_or(0) == least);
    let problem = *rng.pick(&places);
    let mut candidates: Vec<&ScientistRow> =
        people.into_iter().filter(|s| fits(problem, s)).collect();
    let least = candidates
        .iter()
        .map(|s| scientist_uses.get(&s.id).copied().unwrap_or(0))
        .min()?;
    candidates.retain(|s| scientist_uses.get(&s.id).copied().unwrap_or(0) == least);
    let scientist = *rng.pick(&candidates);
    let kind = problem
        .kinds
        .iter()
        .find(|k| scientist.kinds.contains(k))?
        .clone();
    Some((problem, scientist, kind))
}

/// One timed line of a match's life.
struct Line {
    at: OffsetDateTime,
    party: Party,
    kind: LineKind,
}

enum LineKind {
    /// A `match_events` row (with its reason).
    Event(&'static str, Option<&'static str>),
    Message(&'static str),
}

/// The match's final columns and its timed history.
struct Plan {
    state: State,
    note: &'static str,
    consents: Vec<(Party, OffsetDateTime)>,
    end: Option<(Party, OffsetDateTime, &'static str)>,
    lines: Vec<Line>,
}

fn plan_match(
    rng: &mut Rng,
    recipe: &Recipe,
    start: OffsetDateTime,
    end: OffsetDateTime,
    thread: &mut usize,
) -> anyhow::Result<Plan> {
    let creator = recipe.origin.creator();
    // What happens, in order, before the times are known.
    let mut happenings: Vec<(Party, LineKind)> = vec![(creator, LineKind::Event("created", None))];
    let mut consents_order = vec![creator];
    let mut state = State::Pending;
    let mut consents = Consents::created_by(creator);
    let mut ended = None;
    for &(party, action) in recipe.steps {
        let outcome = apply(state, consents, party, action)
            .map_err(|e| anyhow::anyhow!("demo match recipe refused: {e:?}"))?;
        let text = match action {
            Accept => None,
            Decline => Some(*rng.pick(match party {
                Scientist => DECLINE_SCIENTIST,
                Owner => DECLINE_OWNER,
                Staff => REJECT_STAFF,
            })),
            Withdraw => Some(*rng.pick(WITHDRAW_REASONS)),
            Complete => Some(*rng.pick(OUTCOMES)),
        };
        happenings.push((party, LineKind::Event(event_of(party, action), text)));
        if action == Accept {
            consents_order.push(party);
        }
        if outcome.activated {
            happenings.push((party, LineKind::Event("activated", None)));
            let lines = THREADS[*thread % THREADS.len()];
            *thread += 1;
            happenings.extend(lines.iter().map(|(p, body)| (*p, LineKind::Message(body))));
        }
        if let Some(text) = text {
            ended = Some((party, text));
        }
        (state, consents) = (outcome.state, outcome.consents);
    }
    // Times: increasing, between the start and the end; `activated` shares its consent's.
    let span = (end - start).max(Duration::hours(2));
    let weights: Vec<i64> = happenings
        .iter()
        .map(|(_, k)| match k {
            LineKind::Event("activated", _) => 0,
            _ => i64::from(rng.between(2, 10)),
        })
        .collect();
    let total: i64 = weights.iter().sum::<i64>() + i64::from(rng.between(1, 6));
    let mut cumulative = 0;
    let mut lines = Vec::new();
    for ((party, kind), weight) in happenings.into_iter().zip(weights) {
        cumulative += weight;
        let at = start + span * (cumulative as f64 / total as f64);
        // Whole seconds, and never two lines at once unless `activated`.
        let at = at.replace_nanosecond(0).unwrap_or(at);
        lines.push(Line { at, party, kind });
    }
    let event_at = |lines: &[Line], party: Party, events: &[&str]| {
        lines
            .iter()
            .find(|l| {
                l.party == party && matches!(l.kind, LineKind::Event(e, _) if events.contains(&e))
            })
            .map(|l| l.at)
    };
    let consents = consents_order
        .iter()
        .map(|&p| {
            let at = event_at(&lines, p, &["created", "accepted", "approved"]).unwrap_or(start);
            (p, at)
        })
        .collect();
    let end = ended.map(|(party, text)| {
        let at = lines
            .iter()
            .rev()
            .find(|l| matches!(l.kind, LineKind::Event(..)))
            .map_or(end, |l| l.at);
        (party, at, text)
    });
    let note = match recipe.origin {
        Interest => *rng.pick(INTEREST_NOTES),
        Invitation => *rng.pick(INVITATION_NOTES),
        Proposal => *rng.pick(PROPOSAL_NOTES),
    };
    Ok(Plan {
        state,
        note,
        consents,
        end,
        lines,
    })
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    conn: &mut PgConnection,
    problem_id: i64,
    scientist_id: i64,
    recipe: &Recipe,
    kind: String,
    plan: &Plan,
    conflict: bool,
    actor: &dyn Fn(Party) -> i64,
) -> sqlx::Result<()> {
    let consent = |party: Party| {
        plan.consents
            .iter()
            .find(|(p, _)| *p == party)
            .map(|(p, at)| (actor(*p), *at))
    };
    let (sc, ow, st) = (consent(Scientist), consent(Owner), consent(Staff));
    let created_at = plan.lines[0].at;
    let updated_at = plan.lines.last().map_or(created_at, |l| l.at);
    let (ended_by, ended_at, text) = match plan.end {
        Some((party, at, text)) => (Some(actor(party)), Some(at), Some(text)),
        None => (None, None, None),
    };
    let completed = plan.state == State::Completed;
    let id: i64 = sqlx::query_scalar(
        "insert into matches (problem_id, scientist_id, origin, engagement_kind, note, created_by,
                state, scientist_consent_by, scientist_consent_at, owner_consent_by,
                owner_consent_at, staff_consent_by, staff_consent_at, ended_by, end_reason,
                ended_at, outcome_note, conflict_of_interest, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $19, $20)
         returning id",
    )
    .bind(problem_id)
    .bind(scientist_id)
    .bind(recipe.origin.code())
    .bind(kind)
    .bind(plan.note)
    .bind(actor(recipe.origin.creator()))
    .bind(plan.state.code())
    .bind(sc.map(|c| c.0))
    .bind(sc.map(|c| c.1))
    .bind(ow.map(|c| c.0))
    .bind(ow.map(|c| c.1))
    .bind(st.map(|c| c.0))
    .bind(st.map(|c| c.1))
    .bind(ended_by)
    .bind(text.filter(|_| !completed))
    .bind(ended_at)
    .bind(text.filter(|_| completed))
    .bind(conflict)
    .bind(created_at)
    .bind(updated_at)
    .fetch_one(&mut *conn)
    .await?;
    for line in &plan.lines {
        match line.kind {
            LineKind::Event(event, reason) => {
                sqlx::query(
                    "insert into match_events (match_id, actor_id, event, reason, created_at)
                     values ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(actor(line.party))
                .bind(event)
                .bind(reason)
                .bind(line.at)
                .execute(&mut *conn)
                .await?;
            }
            LineKind::Message(body) => {
                sqlx::query(
                    "insert into match_messages (match_id, author_id, body, created_at)
                     values ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(actor(line.party))
                .bind(body)
                .bind(line.at)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recipe_follows_the_rules_in_time_order() {
        let now = OffsetDateTime::now_utc();
        let start = now - Duration::days(3);
        let mut rng = Rng::new(SEED);
        let mut thread = 0;
        let mut states = HashSet::new();
        for recipe in RECIPES {
            let plan = plan_match(&mut rng, recipe, start, now, &mut thread).unwrap();
            states.insert(plan.state);
            assert!(plan.lines.windows(2).all(|w| w[0].at <= w[1].at));
            assert!(plan.lines.iter().all(|l| l.at > start && l.at < now));
            if matches!(plan.state, State::Active | State::Completed) {
                assert_eq!(plan.consents.len(), 3);
            }
        }
        assert_eq!(states.len(), State::ALL.len());
    }
}
