//! The inputs of the match workflow and their checks. Messages are i18n keys; errors are keyed
//! by the input's id. What needs the database (is the problem open, may this user see that
//! profile) is checked by the handlers.

use serde::Deserialize;

use crate::web::forms::{FieldErrors, clean_text};

/// Notes, reasons, outcomes and messages: at most this many characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// Trimmed, NFC, with browser line ends made `\n`.
fn cleaned(text: &str) -> String {
    clean_text(&text.replace("\r\n", "\n"))
}

/// A text that must be given and not be too long.
fn required(errors: &mut FieldErrors, field: &str, text: &str, missing: &'static str) -> String {
    let text = cleaned(text);
    if text.is_empty() {
        errors.add(field, missing);
    } else if text.chars().count() > MAX_TEXT_CHARS {
        errors.add(field, too_long_key(field));
    }
    text
}

fn too_long_key(field: &str) -> &'static str {
    match field {
        "note" => "match-error-note-too-long",
        "body" => "match-error-message-too-long",
        "outcome_note" => "match-error-outcome-too-long",
        _ => "match-error-reason-too-long",
    }
}

fn finish<T>(errors: FieldErrors, value: T) -> Result<T, FieldErrors> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// The engagement kind chosen among `allowed` (the kinds both sides have).
fn kind_in(
    errors: &mut FieldErrors,
    chosen: &str,
    allowed: &[String],
    missing: &'static str,
) -> String {
    let chosen = chosen.trim();
    if allowed.is_empty() {
        errors.add("engagement_kind", "match-error-kind-none-in-common");
    } else if chosen.is_empty() {
        errors.add("engagement_kind", missing);
    } else if !allowed.iter().any(|k| k == chosen) {
        errors.add("engagement_kind", "match-error-kind-not-in-common");
    }
    chosen.to_string()
}

/// `POST /problems/{id}/interest`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct InterestForm {
    pub engagement_kind: String,
    pub note: String,
}

impl InterestForm {
    /// The kind and the note to store, given the kinds the problem seeks and the scientist offers.
    pub fn validate(&self, allowed: &[String]) -> Result<(String, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let missing = "match-error-kind-missing";
        let kind = kind_in(&mut errors, &self.engagement_kind, allowed, missing);
        let note = required(
            &mut errors,
            "note",
            &self.note,
            "match-error-interest-note-missing",
        );
        finish(errors, (kind, note))
    }
}

/// `POST /problems/{id}/invitations`; the engagement kind is optional (agreed later if empty).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct InvitationForm {
    pub scientist_id: String,
    pub engagement_kind: String,
    pub note: String,
}

impl InvitationForm {
    pub fn validate(&self, allowed: &[String]) -> Result<(Option<String>, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = optional_kind(&mut errors, &self.engagement_kind, allowed);
        let note = required(
            &mut errors,
            "note",
            &self.note,
            "match-error-invitation-note-missing",
        );
        finish(errors, (kind, note))
    }
}

fn optional_kind(errors: &mut FieldErrors, chosen: &str, allowed: &[String]) -> Option<String> {
    let chosen = chosen.trim();
    if chosen.is_empty() {
        return None;
    }
    if !allowed.iter().any(|k| k == chosen) {
        errors.add("engagement_kind", "match-error-kind-not-in-common");
    }
    Some(chosen.to_string())
}

/// `POST /staff/matches`: the numbers of the problem and of the scientist, and why.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProposalForm {
    pub problem_id: String,
    pub scientist_id: String,
    pub engagement_kind: String,
    pub note: String,
}

impl ProposalForm {
    /// The two numbers as typed (spaces and a leading "#" forgiven), or the errors.
    pub fn ids(&self) -> (Option<i64>, Option<i64>) {
        (parse_id(&self.problem_id), parse_id(&self.scientist_id))
    }

    pub fn validate(&self, allowed: &[String]) -> Result<(Option<String>, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = optional_kind(&mut errors, &self.engagement_kind, allowed);
        let note = required(
            &mut errors,
            "note",
            &self.note,
            "match-error-proposal-note-missing",
        );
        finish(errors, (kind, note))
    }
}

/// A record number as a person may type it: "12", " #12 ".
pub fn parse_id(text: &str) -> Option<i64> {
    text.trim()
        .trim_start_matches('#')
        .parse()
        .ok()
        .filter(|n| *n > 0)
}

/// The body of every action on a match; each action reads its own field.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    /// Why a party declines (staff: rejects). Required.
    pub reason: String,
    /// Why the scientist withdraws. Optional.
    pub withdraw_reason: String,
    /// What happened, when the match is completed. Required.
    pub outcome_note: String,
}

impl ActionForm {
    /// A decline's reason; `missing` is the message for an empty one.
    pub fn decline_reason(&self, missing: &'static str) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reason = required(&mut errors, "reason", &self.reason, missing);
        finish(errors, reason)
    }

    pub fn withdraw_reason(&self) -> Result<Option<String>, FieldErrors> {
        let reason = cleaned(&self.withdraw_reason);
        let mut errors = FieldErrors::new();
        if reason.chars().count() > MAX_TEXT_CHARS {
            errors.add("withdraw_reason", "match-error-reason-too-long");
        }
        finish(errors, (!reason.is_empty()).then_some(reason))
    }

    pub fn outcome(&self) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::new();
        let outcome = required(
            &mut errors,
            "outcome_note",
            &self.outcome_note,
            "match-error-outcome-missing",
        );
        finish(errors, outcome)
    }

    /// The values as typed, kept when the page comes back with an error.
    pub fn kept(&self) -> ActionForm {
        ActionForm {
            reason: cleaned(&self.reason),
            withdraw_reason: cleaned(&self.withdraw_reason),
            outcome_note: cleaned(&self.outcome_note),
        }
    }
}

/// `POST /matches/{id}/messages`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub body: String,
}

impl MessageForm {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::new();
        let body = required(
            &mut errors,
            "body",
            &self.body,
            "match-error-message-missing",
        );
        finish(errors, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn interest_needs_a_kind_both_sides_have_and_a_note() {
        let allowed = kinds(&["advisory", "joint_research"]);
        let form = InterestForm {
            engagement_kind: " advisory ".into(),
            note: " Tôi có thể tư vấn\r\nvề GaN ".into(),
        };
        assert_eq!(
            form.validate(&allowed).unwrap(),
            ("advisory".into(), "Tôi có thể tư vấn\nvề GaN".into())
        );
        let errors = InterestForm::default().validate(&allowed).unwrap_err();
        assert_eq!(
            errors.get("engagement_kind"),
            Some("match-error-kind-missing")
        );
        assert_eq!(
            errors.get("note"),
            Some("match-error-interest-note-missing")
        );
        let other = InterestForm {
            engagement_kind: "host_trainees".into(),
            note: "x".into(),
        };
        let errors = other.validate(&allowed).unwrap_err();
        assert_eq!(
            errors.get("engagement_kind"),
            Some("match-error-kind-not-in-common")
        );
        let errors = other.validate(&[]).unwrap_err();
        assert_eq!(
            errors.get("engagement_kind"),
            Some("match-error-kind-none-in-common")
        );
    }

    #[test]
    fn a_note_may_have_2000_characters_but_not_more() {
        let longest = "ữ".repeat(MAX_TEXT_CHARS);
        let form = InvitationForm {
            note: longest.clone(),
            ..Default::default()
        };
        assert_eq!(form.validate(&[]).unwrap(), (None, longest.clone()));
        let form = InvitationForm {
            note: format!("{longest}a"),
            ..Default::default()
        };
        let errors = form.validate(&[]).unwrap_err();
        assert_eq!(errors.get("note"), Some("match-error-note-too-long"));
    }

    #[test]
    fn a_decline_needs_a_reason_and_a_withdrawal_may_go_without() {
        let form = ActionForm::default();
        let errors = form.decline_reason("missing").unwrap_err();
        assert_eq!(errors.get("reason"), Some("missing"));
        assert_eq!(form.withdraw_reason().unwrap(), None);
        let errors = form.outcome().unwrap_err();
        assert_eq!(
            errors.get("outcome_note"),
            Some("match-error-outcome-missing")
        );
        let long = ActionForm {
            withdraw_reason: "a".repeat(MAX_TEXT_CHARS + 1),
            ..Default::default()
        };
        let errors = long.withdraw_reason().unwrap_err();
        assert_eq!(
            errors.get("withdraw_reason"),
            Some("match-error-reason-too-long")
        );
    }

    #[test]
    fn messages_are_between_1_and_2000_characters() {
        let blank = MessageForm {
            body: " \r\n ".into(),
        };
        assert_eq!(
            blank.validate().unwrap_err().get("body"),
            Some("match-error-message-missing")
        );
        let long = MessageForm {
            body: "あ".repeat(MAX_TEXT_CHARS + 1),
        };
        assert_eq!(
            long.validate().unwrap_err().get("body"),
            Some("match-error-message-too-long")
        );
    }

    #[test]
    fn record_numbers_forgive_spaces_and_a_hash() {
        assert_eq!(parse_id(" #12 "), Some(12));
        assert_eq!(parse_id("12a"), None);
        assert_eq!(parse_id("0"), None);
        assert_eq!(parse_id(""), None);
    }
}
