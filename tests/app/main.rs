//! Integration tests: the real router over real HTTP, each test on its own fresh database.

mod accounts;
mod authz;
mod cli;
mod helpers;
mod i18n;
mod matches;
mod outbox;
mod problems;
mod ranking;
mod scientists;
mod security;
mod seed_demo;
mod sessions;
mod staff_review;
