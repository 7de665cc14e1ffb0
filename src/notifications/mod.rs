//! Email: an outbox table written inside the caller's transaction, and a worker that delivers it.

pub mod inbox;
pub mod mailer;
pub mod outbox;
