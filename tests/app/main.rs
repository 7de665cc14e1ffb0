//! Integration tests: the real router over real HTTP, each test on its own fresh database.

mod accounts;
mod authz;
mod cli;
mod helpers;
mod i18n;
mod idempotency;
mod limits;
mod matches;
mod outage;
mod outbox;
mod outbox_crash;
mod problems;
mod ranking;
mod scientists;
mod search_sample;
mod security;
mod seed_bench;
mod seed_demo;
mod sessions;
mod staff_admin;
mod staff_audit;
mod staff_dashboard;
mod staff_reports;
mod staff_review;
mod staff_users;
mod two_factor;
