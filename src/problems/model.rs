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

/// Who may see a published problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidentiality {
    /// Everyone, signed in or not.
    Public,
    /// Signed-in users whose email is confirmed (as for profiles).
    Members,
    /// Embassy staff, the owning organisation, and the scientists it invites.
    InviteOnly,
}

impl Confidentiality {
    pub const ALL: [Confidentiality; 3] = [
        Confidentiality::Public,
        Confidentiality::Members,
        Confidentiality::InviteOnly,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Confidentiality::Public => "public",
            Confidentiality::Members => "members",
            Confidentiality::InviteOnly => "invite_only",
        }
    }

    pub fn parse(code: &str) -> Option<Confidentiality> {
        Confidentiality::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Confidentiality::Public => "confidentiality-public",
            Confidentiality::Members => "confidentiality-members",
            Confidentiality::InviteOnly => "confidentiality-invite-only",
        }
    }
}

/// How a closed problem ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Fulfilled,
    Withdrawn,
}

impl Outcome {
    pub const ALL: [Outcome; 2] = [Outcome::Fulfilled, Outcome::Withdrawn];

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Fulfilled => "fulfilled",
            Outcome::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Outcome::Fulfilled => "outcome-fulfilled",
            Outcome::Withdrawn => "outcome-withdrawn",
        }
    }
}

/// The message key of a `problem_events.event` code.
pub fn event_label_key(event: &str) -> &'static str {
    match event {
        "submitted" => "event-submitted",
        "approved" => "event-approved",
        "changes_requested" => "event-changes-requested",
        "rejected" => "event-rejected",
        "closed" => "event-closed",
        _ => "event-expired",
    }
}

/// What the visibility rules need to know about whoever reads one problem.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reader {
    /// Signed in (issue 4: `members` problems are for signed-in users).
    pub member: bool,
    /// Embassy staff or an admin.
    pub staff: bool,
    /// A member of the organisation that owns the problem.
    pub in_owning_org: bool,
    /// A scientist with a match on the problem (invited, proposed, or interested while it was
    /// open to them): an invite-only problem is open to them.
    pub invited: bool,
}

/// Whether `reader` may see a problem at all. The owning organisation sees every state, staff
/// everything that has been submitted at least once, everyone else only published problems
/// their confidentiality allows.
pub fn may_view(status: Status, confidentiality: Confidentiality, reader: Reader) -> bool {
    if reader.in_owning_org {
        return true;
    }
    if reader.staff {
        return status != Status::Draft;
    }
    status == Status::Published
        && match confidentiality {
            Confidentiality::Public => true,
            Confidentiality::Members => reader.member,
            Confidentiality::InviteOnly => reader.invited,
        }
}

/// A problem as its author wrote it, validated (the status lives beside it, in the database).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub org_id: i64,
    pub title: String,
    pub summary: String,
    pub description_md: String,
    pub fields: Vec<String>,
    pub keywords: Vec<String>,
    pub engagement_kinds: Vec<String>,
    pub mechanism: Option<String>,
    pub budget_min: Option<i64>,
    pub budget_max: Option<i64>,
    pub currency: Option<String>,
    pub location: Option<String>,
    pub duration_months: Option<i32>,
    /// Required by the form; older or imported rows may lack one.
    pub deadline: Option<time::Date>,
    /// Empty means every hub.
    pub target_hubs: Vec<String>,
    pub working_languages: Vec<String>,
    pub confidentiality: Confidentiality,
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

    #[test]
    fn visibility_follows_status_confidentiality_and_reader() {
        let visitor = Reader::default();
        let member = Reader {
            member: true,
            ..Reader::default()
        };
        let staff = Reader {
            member: true,
            staff: true,
            ..Reader::default()
        };
        let owner = Reader {
            member: true,
            in_owning_org: true,
            ..Reader::default()
        };
        let invited = Reader {
            member: true,
            invited: true,
            ..Reader::default()
        };
        use Confidentiality::*;
        let published = Status::Published;
        // (confidentiality, visitor, member, staff, owner, invited) for a published problem
        for (c, expected) in [
            (Public, [true, true, true, true, true]),
            (Members, [false, true, true, true, true]),
            (InviteOnly, [false, false, true, true, true]),
        ] {
            let got = [visitor, member, staff, owner, invited].map(|r| may_view(published, c, r));
            assert_eq!(got, expected, "{c:?}");
        }
        for status in Status::ALL {
            let public = may_view(status, Public, member);
            assert_eq!(public, status == Status::Published, "{status:?}");
            assert!(may_view(status, InviteOnly, owner), "owners see {status:?}");
            assert_eq!(
                may_view(status, InviteOnly, invited),
                status == Status::Published,
                "the invited see {status:?} only while it is published"
            );
            assert_eq!(
                may_view(status, Public, staff),
                status != Status::Draft,
                "staff and {status:?}"
            );
        }
    }

    #[test]
    fn confidentiality_and_outcome_codes_round_trip() {
        for c in Confidentiality::ALL {
            assert_eq!(Confidentiality::parse(c.code()), Some(c));
        }
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.code()), Some(o));
        }
        assert_eq!(Confidentiality::parse("secret"), None);
    }
}
