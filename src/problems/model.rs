//! The problem status machine, as a pure function (the database guards the same paths).
//!
//! draft → submitted → published | changes_requested | rejected;
//! changes_requested → submitted (after the author edits); published → closed | expired.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Draft,
    Submitted,
    Published,
    ChangesRequested,
    Rejected,
    Closed,
    Expired,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The author sends a draft (or a returned problem) for review.
    Submit,
    /// Staff publish it.
    Approve,
    /// Staff return it to the author with a reason.
    RequestChanges,
    /// Staff refuse it with a reason.
    Reject,
    /// The owner closes a published problem with an outcome.
    Close,
    /// The deadline passed (the background task).
    Expire,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::Published,
        Status::ChangesRequested,
        Status::Rejected,
        Status::Closed,
        Status::Expired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Published => "published",
            Status::ChangesRequested => "changes_requested",
            Status::Rejected => "rejected",
            Status::Closed => "closed",
            Status::Expired => "expired",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The author may change the content only before review or when asked to.
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Draft | Status::ChangesRequested)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Draft => "status-draft",
            Status::Submitted => "status-submitted",
            Status::Published => "status-published",
            Status::ChangesRequested => "status-changes-requested",
            Status::Rejected => "status-rejected",
            Status::Closed => "status-closed",
            Status::Expired => "status-expired",
        }
    }

    /// The tag colour for this status, the same everywhere.
    pub fn tag_class(self) -> &'static str {
        match self {
            Status::Draft => "tag--grey",
            Status::Submitted => "tag--blue",
            Status::Published => "tag--green",
            Status::ChangesRequested => "tag--yellow",
            Status::Rejected => "tag--red",
            Status::Closed => "tag--purple",
            Status::Expired => "tag--grey",
        }
    }
}

/// The status after `action`, or `None` when the action is not allowed from `status`.
pub fn transition(status: Status, action: Action) -> Option<Status> {
    use Action::*;
    use Status::*;
    match (status, action) {
        (Draft | ChangesRequested, Submit) => Some(Submitted),
        (Submitted, Approve) => Some(Published),
        (Submitted, RequestChanges) => Some(ChangesRequested),
        (Submitted, Reject) => Some(Rejected),
        (Published, Close) => Some(Closed),
        (Published, Expire) => Some(Expired),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIONS: [Action; 6] = [
        Action::Submit,
        Action::Approve,
        Action::RequestChanges,
        Action::Reject,
        Action::Close,
        Action::Expire,
    ];

    #[test]
    fn every_status_and_action_has_exactly_the_documented_outcome() {
        let allowed = [
            (Status::Draft, Action::Submit, Status::Submitted),
            (Status::ChangesRequested, Action::Submit, Status::Submitted),
            (Status::Submitted, Action::Approve, Status::Published),
            (
                Status::Submitted,
                Action::RequestChanges,
                Status::ChangesRequested,
            ),
            (Status::Submitted, Action::Reject, Status::Rejected),
            (Status::Published, Action::Close, Status::Closed),
            (Status::Published, Action::Expire, Status::Expired),
        ];
        for status in Status::ALL {
            for action in ACTIONS {
                let expected = allowed
                    .iter()
                    .find(|(s, a, _)| *s == status && *a == action)
                    .map(|(_, _, to)| *to);
                assert_eq!(
                    transition(status, action),
                    expected,
                    "{status:?} + {action:?}"
                );
            }
        }
    }

    #[test]
    fn final_states_accept_nothing() {
        for status in [Status::Rejected, Status::Closed, Status::Expired] {
            assert!(ACTIONS.iter().all(|a| transition(status, *a).is_none()));
        }
    }

    #[test]
    fn codes_round_trip() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.code()), Some(status));
        }
    }
}
