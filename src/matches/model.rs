//! The three-consent match, as a pure function (the database guards the same invariants).
//!
//! A match is created by one party, whose consent is given on creation. It is `Pending` until
//! the scientist, the problem owner and the embassy staff have all consented, then `Active`.
//! Any party may decline while it is pending (staff "reject"); the scientist may withdraw while
//! it is pending or active; an active match is `Completed` with an outcome note by the owner
//! or staff.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    Pending,
    Active,
    Declined,
    Withdrawn,
    Completed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    Scientist,
    Owner,
    Staff,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Give this party's consent (staff: approve).
    Accept,
    /// Refuse the match (staff: reject); needs a reason.
    Decline,
    /// The scientist steps back.
    Withdraw,
    /// Record the outcome of an active match.
    Complete,
}

/// Which of the three consents have been given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Consents {
    pub scientist: bool,
    pub owner: bool,
    pub staff: bool,
}

impl Consents {
    pub fn given_by(self, party: Party) -> bool {
        match party {
            Party::Scientist => self.scientist,
            Party::Owner => self.owner,
            Party::Staff => self.staff,
        }
    }

    pub fn with(self, party: Party) -> Consents {
        match party {
            Party::Scientist => Consents {
                scientist: true,
                ..self
            },
            Party::Owner => Consents {
                owner: true,
                ..self
            },
            Party::Staff => Consents {
                staff: true,
                ..self
            },
        }
    }

    pub fn all(self) -> bool {
        self.scientist && self.owner && self.staff
    }

    /// The consents of a match just created by `creator`.
    pub fn created_by(creator: Party) -> Consents {
        Consents::default().with(creator)
    }
}

/// What an allowed action leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub state: State,
    pub consents: Consents,
    /// True when this action made the match active (all three consents now given).
    pub activated: bool,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The match is in a state where this action makes no sense (e.g. already ended).
    WrongState,
    /// This party has already given its consent.
    AlreadyConsented,
    /// This party may not take this action at all.
    NotAllowed,
}

pub fn apply(
    state: State,
    consents: Consents,
    party: Party,
    action: Action,
) -> Result<Outcome, Refusal> {
    use Action::*;
    use State::*;
    let keep = |state| Outcome {
        state,
        consents,
        activated: false,
    };
    match (state, action, party) {
        (Pending, Accept, _) if consents.given_by(party) => Err(Refusal::AlreadyConsented),
        (Pending, Accept, _) => {
            let consents = consents.with(party);
            let activated = consents.all();
            Ok(Outcome {
                state: if activated { Active } else { Pending },
                consents,
                activated,
            })
        }
        (Pending, Decline, _) => Ok(keep(Declined)),
        (Pending | Active, Withdraw, Party::Scientist) => Ok(keep(Withdrawn)),
        (_, Withdraw, Party::Owner | Party::Staff) => Err(Refusal::NotAllowed),
        (Active, Complete, Party::Owner | Party::Staff) => Ok(keep(Completed)),
        (_, Complete, Party::Scientist) => Err(Refusal::NotAllowed),
        _ => Err(Refusal::WrongState),
    }
}

impl State {
    pub const ALL: [State; 5] = [
        State::Pending,
        State::Active,
        State::Declined,
        State::Withdrawn,
        State::Completed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Active => "active",
            State::Declined => "declined",
            State::Withdrawn => "withdrawn",
            State::Completed => "completed",
        }
    }

    pub fn parse(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Live matches count for "at most one per problem and scientist".
    pub fn is_live(self) -> bool {
        matches!(self, State::Pending | State::Active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTIES: [Party; 3] = [Party::Scientist, Party::Owner, Party::Staff];
    const ACTIONS: [Action; 4] = [
        Action::Accept,
        Action::Decline,
        Action::Withdraw,
        Action::Complete,
    ];

    fn every_consents() -> Vec<Consents> {
        (0..8)
            .map(|bits| Consents {
                scientist: bits & 1 != 0,
                owner: bits & 2 != 0,
                staff: bits & 4 != 0,
            })
            .collect()
    }

    /// The rules written out once more, independently, for every combination.
    fn expected(
        state: State,
        consents: Consents,
        party: Party,
        action: Action,
    ) -> Result<State, Refusal> {
        match action {
            Action::Accept if state != State::Pending => Err(Refusal::WrongState),
            Action::Accept if consents.given_by(party) => Err(Refusal::AlreadyConsented),
            Action::Accept if consents.with(party).all() => Ok(State::Active),
            Action::Accept => Ok(State::Pending),
            Action::Decline if state == State::Pending => Ok(State::Declined),
            Action::Decline => Err(Refusal::WrongState),
            Action::Withdraw if party != Party::Scientist => Err(Refusal::NotAllowed),
            Action::Withdraw if state.is_live() => Ok(State::Withdrawn),
            Action::Withdraw => Err(Refusal::WrongState),
            Action::Complete if party == Party::Scientist => Err(Refusal::NotAllowed),
            Action::Complete if state == State::Active => Ok(State::Completed),
            Action::Complete => Err(Refusal::WrongState),
        }
    }

    #[test]
    fn every_action_by_every_party_in_every_state_follows_the_rules() {
        for state in State::ALL {
            for consents in every_consents() {
                for party in PARTIES {
                    for action in ACTIONS {
                        let got = apply(state, consents, party, action).map(|o| o.state);
                        assert_eq!(
                            got,
                            expected(state, consents, party, action),
                            "{state:?} {consents:?} {party:?} {action:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_third_consent_activates_and_says_so() {
        let created = Consents::created_by(Party::Scientist);
        let after_owner = apply(State::Pending, created, Party::Owner, Action::Accept).unwrap();
        assert_eq!(
            (after_owner.state, after_owner.activated),
            (State::Pending, false)
        );
        let after_staff = apply(
            State::Pending,
            after_owner.consents,
            Party::Staff,
            Action::Accept,
        )
        .unwrap();
        assert_eq!(
            (after_staff.state, after_staff.activated),
            (State::Active, true)
        );
        assert!(after_staff.consents.all());
    }

    #[test]
    fn accepting_twice_is_refused() {
        let created = Consents::created_by(Party::Owner);
        assert_eq!(
            apply(State::Pending, created, Party::Owner, Action::Accept),
            Err(Refusal::AlreadyConsented)
        );
    }
}
