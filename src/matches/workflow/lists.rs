//! The statements behind the lists of matches: a scientist's own, a problem's, and the staff
//! approval queue.

use sqlx::PgConnection;
use time::OffsetDateTime;

use crate::matches::model::{Consents, State};

/// The facts every list shows about a match.
#[derive(Debug, sqlx::FromRow)]
pub struct ListedMatch {
    pub id: i64,
    pub problem_id: i64,
    pub problem_title: String,
    pub org_name_vi: String,
    pub org_name_en: String,
    pub org_name_ja: Option<String>,
    pub scientist_id: i64,
    pub scientist_name: String,
    pub origin: String,
    pub state: String,
    pub scientist_consent: bool,
    pub owner_consent: bool,
    pub staff_consent: bool,
    pub conflict_of_interest: bool,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

impl ListedMatch {
    pub fn state(&self) -> State {
        State::parse(&self.state).unwrap_or(State::Withdrawn)
    }

    pub fn consents(&self) -> Consents {
        Consents {
            scientist: self.scientist_consent,
            owner: self.owner_consent,
            staff: self.staff_consent,
        }
    }
}

const SELECT_LISTED: &str = "select m.id, m.problem_id, p.title as problem_title,
        o.name_vi as org_name_vi, o.name_en as org_name_en, o.name_ja as org_name_ja,
        m.scientist_id, s.full_name as scientist_name, m.origin, m.state,
        m.scientist_consent_at is not null as scientist_consent,
        m.owner_consent_at is not null as owner_consent,
        m.staff_consent_at is not null as staff_consent,
        m.conflict_of_interest, m.created_at, m.updated_at
   from matches m
   join problems p on p.id = m.problem_id
   join organisations o on o.id = p.org_id
   join scientist_profiles s on s.user_id = m.scientist_id";

/// A scientist's matches: live ones first, then the most recently changed.
pub async fn of_scientist(
    conn: &mut PgConnection,
    scientist_id: i64,
) -> sqlx::Result<Vec<ListedMatch>> {
    sqlx::query_as(&format!(
        "{SELECT_LISTED}
          where m.scientist_id = $1
          order by m.state in ('pending', 'active') desc, m.updated_at desc, m.id desc
          limit 200"
    ))
    .bind(scientist_id)
    .fetch_all(conn)
    .await
}

/// A problem's matches, the same order.
pub async fn of_problem(
    conn: &mut PgConnection,
    problem_id: i64,
) -> sqlx::Result<Vec<ListedMatch>> {
    sqlx::query_as(&format!(
        "{SELECT_LISTED}
          where m.problem_id = $1
          order by m.state in ('pending', 'active') desc, m.updated_at desc, m.id desc
          limit 200"
    ))
    .bind(problem_id)
    .fetch_all(conn)
    .await
}

/// Pending matches without the embassy's consent on problems of the staff member's hubs (all
/// hubs for admins), the longest-waiting first.
pub async fn waiting_for_staff(
    conn: &mut PgConnection,
    user_id: i64,
    all_hubs: bool,
) -> sqlx::Result<Vec<ListedMatch>> {
    sqlx::query_as(&format!(
        "{SELECT_LISTED}
          where m.state = 'pending' and m.staff_consent_at is null
            and ($2 or cardinality(p.target_hubs) = 0
                 or p.target_hubs && array(select hub_code from staff_hubs where user_id = $1))
          order by m.created_at, m.id
          limit 500"
    ))
    .bind(user_id)
    .bind(all_hubs)
    .fetch_all(conn)
    .await
}

/// Whether the scientist has a match on the problem that lets them read it while it is
/// invite-only: a live one, or one completed with them.
pub async fn is_invited(
    conn: &mut PgConnection,
    scientist_id: i64,
    problem_id: i64,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "select exists (select 1 from matches
                         where problem_id = $1 and scientist_id = $2
                           and state in ('pending', 'active', 'completed'))",
    )
    .bind(problem_id)
    .bind(scientist_id)
    .fetch_one(conn)
    .await
}

/// Whether `viewer_id` belongs to an organisation owning a problem the scientist has a match on.
pub async fn shares_a_match(
    conn: &mut PgConnection,
    viewer_id: i64,
    scientist_id: i64,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "select exists (select 1 from matches m
                          join problems p on p.id = m.problem_id
                          join org_members om on om.org_id = p.org_id
                         where m.scientist_id = $2 and om.user_id = $1)",
    )
    .bind(viewer_id)
    .bind(scientist_id)
    .fetch_one(conn)
    .await
}
