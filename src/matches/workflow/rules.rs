//! The workflow's decisions that need no database: how a match started, what each action is
//! called in the history, the audit log and notifications, what the viewer should do next, and
//! the conflict-of-interest test. The consent rules themselves are `matches::model::apply`.

use unicode_normalization::UnicodeNormalization;

use crate::matches::model::{Action, Consents, Party, State};

/// Who started a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The scientist expressed interest.
    Interest,
    /// The problem owner invited the scientist.
    Invitation,
    /// Embassy staff proposed the match.
    Proposal,
}

impl Origin {
    pub const ALL: [Origin; 3] = [Origin::Interest, Origin::Invitation, Origin::Proposal];

    pub fn code(self) -> &'static str {
        match self {
            Origin::Interest => "interest",
            Origin::Invitation => "invitation",
            Origin::Proposal => "proposal",
        }
    }

    pub fn parse(code: &str) -> Option<Origin> {
        Origin::ALL.into_iter().find(|o| o.code() == code)
    }

    /// The party whose consent the creation itself gives.
    pub fn creator(self) -> Party {
        match self {
            Origin::Interest => Party::Scientist,
            Origin::Invitation => Party::Owner,
            Origin::Proposal => Party::Staff,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Origin::Interest => "match-origin-interest",
            Origin::Invitation => "match-origin-invitation",
            Origin::Proposal => "match-origin-proposal",
        }
    }
}

pub const PARTIES: [Party; 3] = [Party::Scientist, Party::Owner, Party::Staff];

pub fn party_code(party: Party) -> &'static str {
    match party {
        Party::Scientist => "scientist",
        Party::Owner => "owner",
        Party::Staff => "staff",
    }
}

pub fn party_label_key(party: Party) -> &'static str {
    match party {
        Party::Scientist => "match-party-scientist",
        Party::Owner => "match-party-owner",
        Party::Staff => "match-party-staff",
    }
}

/// The `match_events.event` code of an allowed action; the audit action is `match.<event>`.
/// Staff "approve" and "reject" what the other parties "accept" and "decline".
pub fn event_of(party: Party, action: Action) -> &'static str {
    match (party, action) {
        (Party::Staff, Action::Accept) => "approved",
        (_, Action::Accept) => "accepted",
        (Party::Staff, Action::Decline) => "rejected",
        (_, Action::Decline) => "declined",
        (_, Action::Withdraw) => "withdrawn",
        (_, Action::Complete) => "completed",
    }
}

pub fn audit_action(event: &str) -> &'static str {
    match event {
        "created" => "match.created",
        "accepted" => "match.accepted",
        "approved" => "match.approved",
        "declined" => "match.declined",
        "rejected" => "match.rejected",
        "withdrawn" => "match.withdrawn",
        "activated" => "match.activated",
        _ => "match.completed",
    }
}

pub fn event_label_key(event: &str) -> &'static str {
    match event {
        "created" => "match-event-created",
        "accepted" => "match-event-accepted",
        "approved" => "match-event-approved",
        "declined" => "match-event-declined",
        "rejected" => "match-event-rejected",
        "withdrawn" => "match-event-withdrawn",
        "activated" => "match-event-activated",
        _ => "match-event-completed",
    }
}

/// The success message after an action (`activated` when it was the third consent).
pub fn flash_key(event: &str, activated: bool) -> &'static str {
    if activated {
        return "flash-match-activated";
    }
    match event {
        "accepted" => "flash-match-accepted",
        "approved" => "flash-match-approved",
        "declined" => "flash-match-declined",
        "rejected" => "flash-match-rejected",
        "withdrawn" => "flash-match-withdrawn",
        _ => "flash-match-completed",
    }
}

/// The state's tag: its label and colour, the same on every page.
pub fn state_tag(state: State) -> (&'static str, &'static str) {
    match state {
        State::Pending => ("match-state-pending", "tag--yellow"),
        State::Active => ("match-state-active", "tag--green"),
        State::Declined => ("match-state-declined", "tag--red"),
        State::Withdrawn => ("match-state-withdrawn", "tag--grey"),
        State::Completed => ("match-state-completed", "tag--purple"),
    }
}

/// What happens next, from `viewer`'s side: their own consent first, then whoever the match
/// still waits for, in the order scientist, owner, embassy.
pub fn next_step_key(state: State, consents: Consents, viewer: Option<Party>) -> &'static str {
    match state {
        State::Active => "match-next-active",
        State::Completed | State::Declined | State::Withdrawn => "match-next-ended",
        State::Pending => match viewer {
            Some(party) if !consents.given_by(party) => "match-next-your-consent",
            _ if !consents.scientist => "match-next-waiting-scientist",
            _ if !consents.owner => "match-next-waiting-owner",
            _ => "match-next-waiting-staff",
        },
    }
}

/// What the other parties are told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Happening {
    Created(Origin),
    /// An allowed action by a party (`Accept` that activates is `Activated` instead).
    Acted(Party, Action),
    Activated,
    Message,
}

/// The notification sent to `recipient` about `happening` (`reason`: a reason was given).
pub fn notice_key(happening: Happening, recipient: Party, reason: bool) -> &'static str {
    use Happening::*;
    match happening {
        Created(Origin::Interest) => "notice-match-interest",
        Created(Origin::Invitation) if recipient == Party::Scientist => "notice-match-invited-you",
        Created(Origin::Invitation) => "notice-match-invitation",
        Created(Origin::Proposal) if recipient == Party::Scientist => "notice-match-proposed-you",
        Created(Origin::Proposal) => "notice-match-proposal",
        Acted(Party::Scientist, Action::Accept) => "notice-match-accepted-by-scientist",
        Acted(Party::Owner, Action::Accept) => "notice-match-accepted-by-owner",
        Acted(Party::Staff, Action::Accept) => "notice-match-approved",
        Acted(Party::Scientist, Action::Decline) => "notice-match-declined-by-scientist",
        Acted(Party::Owner, Action::Decline) => "notice-match-declined-by-owner",
        Acted(Party::Staff, Action::Decline) => "notice-match-rejected",
        Acted(_, Action::Withdraw) if reason => "notice-match-withdrawn-reason",
        Acted(_, Action::Withdraw) => "notice-match-withdrawn",
        Acted(_, Action::Complete) => "notice-match-completed",
        Activated => "notice-match-activated",
        Message => "notice-match-message",
    }
}

/// Flagged (not blocked): the scientist's affiliation is one of the owning organisation's
/// names, compared without case, surrounding spaces or Unicode composition differences.
pub fn is_conflict_of_interest(affiliation: &str, org_names: &[&str]) -> bool {
    let norm = |s: &str| s.trim().nfc().collect::<String>().to_lowercase();
    let affiliation = norm(affiliation);
    !affiliation.is_empty() && org_names.iter().any(|name| norm(name) == affiliation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matches::model::apply;

    const ACTIONS: [Action; 4] = [
        Action::Accept,
        Action::Decline,
        Action::Withdraw,
        Action::Complete,
    ];

    #[test]
    fn origins_round_trip_and_their_creator_has_consented() {
        for origin in Origin::ALL {
            assert_eq!(Origin::parse(origin.code()), Some(origin));
            assert!(Consents::created_by(origin.creator()).given_by(origin.creator()));
        }
        assert_eq!(Origin::parse("gift"), None);
    }

    #[test]
    fn every_event_has_its_audit_action_and_label() {
        for party in PARTIES {
            for action in ACTIONS {
                let event = event_of(party, action);
                assert_eq!(audit_action(event), format!("match.{event}"));
                assert_eq!(event_label_key(event), format!("match-event-{event}"));
            }
        }
        for event in ["created", "activated"] {
            assert_eq!(audit_action(event), format!("match.{event}"));
        }
    }

    #[test]
    fn staff_approve_and_reject_where_others_accept_and_decline() {
        assert_eq!(event_of(Party::Staff, Action::Accept), "approved");
        assert_eq!(event_of(Party::Owner, Action::Accept), "accepted");
        assert_eq!(event_of(Party::Staff, Action::Decline), "rejected");
        assert_eq!(event_of(Party::Scientist, Action::Decline), "declined");
    }

    #[test]
    fn the_next_step_is_the_viewers_consent_then_whoever_is_missing() {
        let by_scientist = Consents::created_by(Party::Scientist);
        let pending = State::Pending;
        assert_eq!(
            next_step_key(pending, by_scientist, Some(Party::Owner)),
            "match-next-your-consent"
        );
        assert_eq!(
            next_step_key(pending, by_scientist, Some(Party::Scientist)),
            "match-next-waiting-owner"
        );
        let both = by_scientist.with(Party::Owner);
        assert_eq!(
            next_step_key(pending, both, None),
            "match-next-waiting-staff"
        );
        let by_staff = Consents::created_by(Party::Staff);
        assert_eq!(
            next_step_key(pending, by_staff, Some(Party::Staff)),
            "match-next-waiting-scientist"
        );
        assert_eq!(
            next_step_key(State::Active, both, None),
            "match-next-active"
        );
        for ended in [State::Declined, State::Withdrawn, State::Completed] {
            assert_eq!(next_step_key(ended, both, None), "match-next-ended");
        }
    }

    #[test]
    fn an_allowed_action_always_has_a_notice_for_each_other_party() {
        for party in PARTIES {
            for action in ACTIONS {
                let allowed = apply(State::Pending, Consents::default(), party, action).is_ok()
                    || apply(State::Active, Consents::default(), party, action).is_ok();
                if allowed {
                    for recipient in PARTIES.into_iter().filter(|r| *r != party) {
                        let key = notice_key(Happening::Acted(party, action), recipient, false);
                        assert!(key.starts_with("notice-match-"), "{key}");
                    }
                }
            }
        }
    }

    #[test]
    fn invitations_and_proposals_speak_to_the_scientist_directly() {
        let invited = Happening::Created(Origin::Invitation);
        assert_eq!(
            notice_key(invited, Party::Scientist, false),
            "notice-match-invited-you"
        );
        assert_eq!(
            notice_key(invited, Party::Staff, false),
            "notice-match-invitation"
        );
        let withdrawn = Happening::Acted(Party::Scientist, Action::Withdraw);
        assert_eq!(
            notice_key(withdrawn, Party::Owner, true),
            "notice-match-withdrawn-reason"
        );
    }

    #[test]
    fn the_conflict_flag_compares_affiliation_with_every_name_of_the_organisation() {
        let names = [
            "Đại học Bách khoa Hà Nội",
            "Hanoi University of Science and Technology",
        ];
        assert!(is_conflict_of_interest(
            "  hanoi university of science and technology ",
            &names
        ));
        // A decomposed "ạ" (a + combining dot below) still matches the composed one.
        assert!(is_conflict_of_interest(
            "đa\u{0323}i học bách khoa hà nội",
            &names
        ));
        assert!(!is_conflict_of_interest("Tohoku University", &names));
        assert!(!is_conflict_of_interest("  ", &["", " "]));
    }
}
