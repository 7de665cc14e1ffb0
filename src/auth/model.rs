//! Who a user is: the four roles of DESIGN.md.

use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Scientist,
    Owner,
    Staff,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Scientist => "scientist",
            Role::Owner => "owner",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "scientist" => Some(Role::Scientist),
            "owner" => Some(Role::Owner),
            "staff" => Some(Role::Staff),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Staff pages are open to staff and to admins (who can do everything staff can).
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }

    /// The message key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Scientist => "role-scientist",
            Role::Owner => "role-owner",
            Role::Staff => "role-staff",
            Role::Admin => "role-admin",
        }
    }
}

/// The signed-in user, as loaded with the session on every request.
#[derive(Clone, Debug)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub email_verified: bool,
    /// Identifies the session row, so sign-out and rotation can remove exactly this one.
    pub session_id_hash: Vec<u8>,
}
