//! The texts of account emails, in the recipient's language.

use crate::i18n::Locale;

pub struct EmailText {
    pub subject: String,
    pub body: String,
}

pub fn verify_email(locale: Locale, name: &str, link: &str) -> EmailText {
    EmailText {
        subject: locale.t("email-verify-subject"),
        body: locale.t_args("email-verify-body", &[("name", name), ("link", link)]),
    }
}

pub fn already_registered(locale: Locale, name: &str, link: &str) -> EmailText {
    EmailText {
        subject: locale.t("email-already-registered-subject"),
        body: locale.t_args(
            "email-already-registered-body",
            &[("name", name), ("link", link)],
        ),
    }
}

pub fn reset_password(locale: Locale, name: &str, link: &str) -> EmailText {
    EmailText {
        subject: locale.t("email-reset-subject"),
        body: locale.t_args("email-reset-body", &[("name", name), ("link", link)]),
    }
}
