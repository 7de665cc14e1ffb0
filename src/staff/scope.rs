//! Which hubs a staff member works for. Admins work for every hub; staff for the hubs listed in
//! `staff_hubs`. Every staff page narrows what it shows and decides with this.

use sqlx::PgConnection;

use crate::auth::model::{Role, SessionUser};

#[derive(Clone, Debug)]
pub struct HubScope {
    pub user_id: i64,
    /// Admins: every hub, including hubs created after this request started.
    pub all_hubs: bool,
    /// The hub codes of a staff member (for admins: every hub, for filters and labels).
    pub hubs: Vec<String>,
}

impl HubScope {
    pub async fn load(conn: &mut PgConnection, user: &SessionUser) -> sqlx::Result<HubScope> {
        let all_hubs = user.role == Role::Admin;
        let hubs: Vec<String> = if all_hubs {
            sqlx::query_scalar("select code from hubs order by code")
                .fetch_all(conn)
                .await?
        } else {
            sqlx::query_scalar(
                "select hub_code from staff_hubs where user_id = $1 order by hub_code",
            )
            .bind(user.id)
            .fetch_all(conn)
            .await?
        };
        Ok(HubScope {
            user_id: user.id,
            all_hubs,
            hubs,
        })
    }

    pub fn covers(&self, hub_code: &str) -> bool {
        self.all_hubs || self.hubs.iter().any(|h| h == hub_code)
    }

    /// The hubs a page should count: one chosen hub if the reader may see it, else all of theirs.
    /// `None` from a hub the reader does not cover, so the handler can answer 403/404.
    pub fn narrowed_to(&self, chosen: Option<&str>) -> Option<Vec<String>> {
        match chosen.filter(|c| !c.is_empty()) {
            None => Some(self.hubs.clone()),
            Some(code) if self.covers(code) => Some(vec![code.to_string()]),
            Some(_) => None,
        }
    }
}
