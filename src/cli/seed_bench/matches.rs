//! Matches between the problems that were ever published and scientists of their fields, in
//! every state of the three-consent workflow, each step checked with the application's rules
//! ([`apply`]) and recorded as the workflow records it: the consents' who and when, a
//! `match_events` row per step (`activated` after the third consent), the reason of a decline or
//! withdrawal, the outcome of a completion, and a short message thread once active.

use time::{Duration, OffsetDateTime};

use super::copy::CopyRows;
use super::people::{ENGAGEMENT_KINDS, ScientistFacts};
use super::problems::ProblemFacts;
use super::rng::{Rng, Stream};
// The notes, reasons, outcomes and message threads are the demo seed's own.
use crate::cli::seed_demo::matches::{
    DECLINE_OWNER, DECLINE_SCIENTIST, INTEREST_NOTES, INVITATION_NOTES, OUTCOMES, PROPOSAL_NOTES,
    REJECT_STAFF, THREADS, WITHDRAW_REASONS,
};
use crate::matches::model::{Action, Consents, Party, State, apply};
use crate::matches::workflow::rules::{Origin, event_of};
use crate::problems::model::{Outcome, Status};

pub struct MatchRows {
    pub matches: CopyRows,
    pub events: CopyRows,
    pub messages: CopyRows,
}

impl MatchRows {
    pub fn new() -> MatchRows {
        MatchRows {
            matches: CopyRows::new(
                "matches (id, problem_id, scientist_id, origin, engagement_kind, note, \
                 created_by, state, scientist_consent_by, scientist_consent_at, owner_consent_by, \
                 owner_consent_at, staff_consent_by, staff_consent_at, ended_by, end_reason, \
                 ended_at, outcome_note, conflict_of_interest, created_at, updated_at)",
            ),
            events: CopyRows::new(
                "match_events (id, match_id, actor_id, event, reason, created_at)",
            ),
            messages: CopyRows::new("match_messages (id, match_id, author_id, body, created_at)"),
        }
    }
}

/// The ids the next rows take, and which states have not been produced yet (the first matches
/// of a run cover every state, so even a tiny run has them all).
pub struct MatchCursor {
    pub next_match: i64,
    pub next_event: i64,
    pub next_message: i64,
    pub missing: Vec<State>,
}

/// Scientists by field: `by_field[f]` lists the indexes (into the facts) of those holding `f`.
pub struct Pools<'a> {
    pub scientists: &'a [ScientistFacts],
    pub by_field: &'a [Vec<u32>],
    /// Staff account ids working for Japan and for Korea.
    pub staff: [&'a [i64]; 2],
}

/// The matches of problem `number` (its facts `problem`), appended to `rows`; returns how many.
pub fn generate(
    seed: u64,
    number: usize,
    problem: &ProblemFacts,
    pools: &Pools,
    cursor: &mut MatchCursor,
    rows: &mut MatchRows,
) -> anyhow::Result<usize> {
    let Some(published) = problem.published_at else {
        return Ok(0);
    };
    let mut rng = Rng::new(seed, Stream::Matches, number as u64);
    let count = rng.choose(&[
        (0usize, 22),
        (1, 20),
        (2, 17),
        (3, 13),
        (4, 10),
        (6, 8),
        (8, 5),
        (12, 3),
        (20, 2),
    ]);
    let allowed: &[(State, u32)] = match (problem.status, problem.outcome) {
        (Status::Published, _) => &[
            (State::Pending, 35),
            (State::Active, 22),
            (State::Declined, 20),
            (State::Withdrawn, 10),
            (State::Completed, 13),
        ],
        (Status::Closed, Some(Outcome::Fulfilled)) => &[
            (State::Completed, 50),
            (State::Declined, 30),
            (State::Withdrawn, 20),
        ],
        _ => &[(State::Declined, 60), (State::Withdrawn, 40)],
    };
    let mut chosen: Vec<u32> = Vec::new();
    for _ in 0..count {
        let Some((scientist, kind)) = pick_scientist(&mut rng, problem, pools, &chosen) else {
            continue;
        };
        chosen.push(scientist);
        let facts = &pools.scientists[scientist as usize];
        let forced = cursor
            .missing
            .iter()
            .position(|s| allowed.iter().any(|(a, _)| a == s));
        let state = match forced {
            Some(i) => cursor.missing.remove(i),
            None => rng.choose(allowed),
        };
        let staff_pool = pools.staff[facts.hub as usize];
        let people = [
            (Party::Scientist, facts.id),
            (Party::Owner, problem.author),
            (Party::Staff, *rng.pick(staff_pool)),
        ];
        let plan = plan(&mut rng, state, published, problem.until)?;
        write(rows, cursor, problem.id, facts.id, kind, &people, &plan);
    }
    Ok(chosen.len())
}

/// A scientist of one of the problem's fields, living in a hub it targets, offering a kind of
/// engagement it seeks and not already matched with it; with the first kind they share.
fn pick_scientist(
    rng: &mut Rng,
    problem: &ProblemFacts,
    pools: &Pools,
    chosen: &[u32],
) -> Option<(u32, &'static str)> {
    for _ in 0..40 {
        let field = *rng.pick(&problem.fields) as usize;
        let pool = &pools.by_field[field];
        if pool.is_empty() {
            continue;
        }
        let index = *rng.pick(pool);
        let s = &pools.scientists[index as usize];
        let shared = s.kinds & problem.kinds;
        let hub_ok = problem.hubs == 0 || problem.hubs & (1 << s.hub) != 0;
        if shared != 0 && hub_ok && !chosen.contains(&index) {
            let kind = ENGAGEMENT_KINDS[shared.trailing_zeros() as usize];
            return Some((index, kind));
        }
    }
    None
}

/// What happens to a match, in order.
enum Line {
    Event(Party, &'static str, Option<&'static str>),
    Message(Party, &'static str),
}

struct Plan {
    origin: Origin,
    state: State,
    note: &'static str,
    /// (line, at), oldest first.
    lines: Vec<(Line, OffsetDateTime)>,
    /// The party that ended it, and the reason or outcome.
    end: Option<(Party, &'static str)>,
}

fn plan(
    rng: &mut Rng,
    target: State,
    published: OffsetDateTime,
    until: OffsetDateTime,
) -> anyhow::Result<Plan> {
    use Action::*;
    use Party::*;
    let origin = rng.choose(&[
        (Origin::Interest, 50),
        (Origin::Invitation, 35),
        (Origin::Proposal, 15),
    ]);
    let creator = origin.creator();
    let others: Vec<Party> = [Scientist, Owner, Staff]
        .into_iter()
        .filter(|p| *p != creator)
        .collect();
    let (first, second) = match rng.chance(50) {
        true => (others[0], others[1]),
        false => (others[1], others[0]),
    };
    let steps: Vec<(Party, Action)> = match target {
        State::Pending if rng.chance(40) => vec![(first, Accept)],
        State::Pending => vec![],
        State::Active => vec![(first, Accept), (second, Accept)],
        State::Completed => {
            let closer = rng.choose(&[(Owner, 70), (Staff, 30)]);
            vec![(first, Accept), (second, Accept), (closer, Complete)]
        }
        State::Declined if rng.chance(35) => vec![(first, Accept), (second, Decline)],
        State::Declined => vec![(first, Decline)],
        State::Withdrawn => match rng.below(3) {
            0 => vec![(Scientist, Withdraw)],
            1 => vec![(first, Accept), (second, Accept), (Scientist, Withdraw)],
            _ => vec![(first, Accept), (Scientist, Withdraw)],
        },
    };
    let mut lines = vec![Line::Event(creator, "created", None)];
    let mut state = State::Pending;
    let mut consents = Consents::created_by(creator);
    let mut end = None;
    for (party, action) in steps {
        let outcome = apply(state, consents, party, action)
            .map_err(|e| anyhow::anyhow!("bench match step {party:?} {action:?} refused: {e:?}"))?;
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
        lines.push(Line::Event(party, event_of(party, action), text));
        if outcome.activated {
            lines.push(Line::Event(party, "activated", None));
            let thread = *rng.pick(THREADS);
            let length = rng.between(1, thread.len() as i64) as usize;
            lines.extend(
                thread[..length]
                    .iter()
                    .map(|(p, body)| Line::Message(*p, body)),
            );
        }
        if let Some(text) = text {
            end = Some((party, text));
        }
        (state, consents) = (outcome.state, outcome.consents);
    }
    anyhow::ensure!(
        state == target,
        "bench match plan ended {state:?}, not {target:?}"
    );
    // Times: increasing between publication and the end; `activated` with its consent.
    let start = published + Duration::hours(1);
    let span = (until - start).max(Duration::hours(2)).whole_seconds();
    let weights: Vec<i64> = lines
        .iter()
        .map(|line| match line {
            Line::Event(_, "activated", _) => 0,
            _ => rng.between(2, 10),
        })
        .collect();
    let total: i64 = weights.iter().sum::<i64>() + rng.between(1, 8);
    let mut cumulative = 0;
    let lines = lines
        .into_iter()
        .zip(weights)
        .map(|(line, weight)| {
            cumulative += weight;
            (line, start + Duration::seconds(span * cumulative / total))
        })
        .collect();
    let note = match origin {
        Origin::Interest => *rng.pick(INTEREST_NOTES),
        Origin::Invitation => *rng.pick(INVITATION_NOTES),
        Origin::Proposal => *rng.pick(PROPOSAL_NOTES),
    };
    Ok(Plan {
        origin,
        state,
        note,
        lines,
        end,
    })
}

fn write(
    rows: &mut MatchRows,
    cursor: &mut MatchCursor,
    problem_id: i64,
    scientist_id: i64,
    kind: &str,
    people: &[(Party, i64); 3],
    plan: &Plan,
) {
    let actor = |party: Party| people.iter().find(|(p, _)| *p == party).map_or(0, |p| p.1);
    cursor.next_match += 1;
    let id = cursor.next_match;
    // A consent is given by the creation or by an accept/approve event of that party.
    let consent = |party: Party| {
        plan.lines.iter().find_map(|(line, at)| match line {
            Line::Event(p, "created" | "accepted" | "approved", _) if *p == party => {
                Some((actor(party), *at))
            }
            _ => None,
        })
    };
    let (sc, ow, st) = (
        consent(Party::Scientist),
        consent(Party::Owner),
        consent(Party::Staff),
    );
    let created_at = plan.lines[0].1;
    let updated_at = plan.lines.last().map_or(created_at, |l| l.1);
    let ended_at = plan.end.map(|_| {
        plan.lines
            .iter()
            .rev()
            .find(|(line, _)| matches!(line, Line::Event(..)))
            .map_or(updated_at, |l| l.1)
    });
    let completed = plan.state == State::Completed;
    let text = plan.end.map(|(_, text)| text);
    rows.matches
        .int(id)
        .int(problem_id)
        .int(scientist_id)
        .text(plan.origin.code())
        .text(kind)
        .text(plan.note)
        .int(actor(plan.origin.creator()))
        .text(plan.state.code())
        .opt_int(sc.map(|c| c.0))
        .opt_time(sc.map(|c| c.1))
        .opt_int(ow.map(|c| c.0))
        .opt_time(ow.map(|c| c.1))
        .opt_int(st.map(|c| c.0))
        .opt_time(st.map(|c| c.1))
        .opt_int(plan.end.map(|(party, _)| actor(party)))
        .opt_text(text.filter(|_| !completed))
        .opt_time(ended_at)
        .opt_text(text.filter(|_| completed))
        // Affiliations are abroad and organisations in Vietnam: the application's test
        // (`is_conflict_of_interest`, same name) can never fire on this data.
        .boolean(false)
        .time(created_at)
        .time(updated_at)
        .end_row();
    for (line, at) in &plan.lines {
        match line {
            Line::Event(party, event, reason) => {
                cursor.next_event += 1;
                // `activated` is recorded under the party whose consent completed the three.
                rows.events
                    .int(cursor.next_event)
                    .int(id)
                    .int(actor(*party))
                    .text(event)
                    .opt_text(*reason)
                    .time(*at)
                    .end_row();
            }
            Line::Message(party, body) => {
                cursor.next_message += 1;
                rows.messages
                    .int(cursor.next_message)
                    .int(id)
                    .int(actor(*party))
                    .text(body)
                    .time(*at)
                    .end_row();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn every_target_state_is_reached_in_time_order() {
        let start = datetime!(2025-01-01 0:00 UTC);
        let until = datetime!(2026-06-01 0:00 UTC);
        let mut rng = Rng::new(5, Stream::Matches, 1);
        for _ in 0..50 {
            for state in State::ALL {
                let plan = plan(&mut rng, state, start, until).unwrap();
                assert_eq!(plan.state, state);
                assert!(plan.lines.windows(2).all(|w| w[0].1 <= w[1].1));
                assert!(plan.lines.iter().all(|l| l.1 > start && l.1 <= until));
                let ended = matches!(state, State::Declined | State::Withdrawn | State::Completed);
                assert_eq!(plan.end.is_some(), ended);
            }
        }
    }
}
