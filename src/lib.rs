//! knowbridge: connects scientists and engineers abroad with the technology problems of their
//! home country. The binary in `main.rs` only parses the command line and calls in here.

pub mod account;
pub mod app;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod error;
pub mod home;
pub mod i18n;
pub mod matches;
pub mod memory;
pub mod notifications;
pub mod orgs;
pub mod problems;
pub mod routes;
pub mod scientists;
pub mod search;
pub mod staff;
pub mod state;
pub mod taxonomy;
pub mod telemetry;
pub mod web;

pub use config::Config;
pub use state::AppState;
