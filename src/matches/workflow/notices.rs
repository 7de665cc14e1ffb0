//! Telling the other parties what happened to a match, in-app and by email, inside the
//! transaction of the change: the scientist, every member of the owning organisation, and the
//! staff of the problem's hubs (all staff when it targets every hub).

use sqlx::PgConnection;

use crate::matches::model::Party;
use crate::matches::workflow::queries::{self, MatchRow};
use crate::matches::workflow::rules::{Happening, PARTIES, notice_key};
use crate::notifications::inbox::{Notice, notify};

/// The match an announcement is about.
pub struct About<'a> {
    pub match_id: i64,
    pub problem_title: &'a str,
    pub scientist_id: i64,
    pub scientist_name: &'a str,
    pub org_id: i64,
    pub target_hubs: &'a [String],
}

impl<'a> About<'a> {
    pub fn of(m: &'a MatchRow) -> About<'a> {
        About {
            match_id: m.id,
            problem_title: &m.problem_title,
            scientist_id: m.scientist_id,
            scientist_name: &m.scientist_name,
            org_id: m.org_id,
            target_hubs: &m.target_hubs,
        }
    }
}

/// Notifies every party except `actor`'s own. `text` is the reason, outcome or nothing.
pub async fn announce(
    conn: &mut PgConnection,
    base_url: &str,
    about: &About<'_>,
    actor: Party,
    happening: Happening,
    text: Option<&str>,
) -> sqlx::Result<()> {
    let link = format!("/matches/{}", about.match_id);
    let text = text.unwrap_or("");
    let args = [
        ("title", about.problem_title),
        ("scientist", about.scientist_name),
        ("reason", text),
        ("outcome", text),
    ];
    for recipient in PARTIES.into_iter().filter(|p| *p != actor) {
        let key = notice_key(happening, recipient, !text.is_empty());
        for user_id in recipients(conn, about, recipient).await? {
            let notice = Notice {
                user_id,
                message_key: key,
                args: &args,
                link: &link,
            };
            notify(conn, notice, base_url).await?;
        }
    }
    Ok(())
}

async fn recipients(
    conn: &mut PgConnection,
    about: &About<'_>,
    party: Party,
) -> sqlx::Result<Vec<i64>> {
    match party {
        Party::Scientist => Ok(vec![about.scientist_id]),
        Party::Owner => queries::org_member_ids(conn, about.org_id).await,
        Party::Staff => queries::hub_staff_ids(conn, about.target_hubs).await,
    }
}
