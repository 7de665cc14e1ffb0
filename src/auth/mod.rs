//! Accounts: registration, email verification, sign-in and sign-out, password reset.

pub mod emails;
pub mod forms;
pub mod handlers;
pub mod model;
pub mod password;
pub mod queries;
pub mod tokens;
pub mod two_factor;
pub mod views;
