//! Command-line tasks besides serving: bootstrapping the first admin, seeding demo data.

pub mod create_admin;
pub mod seed_bench;
pub mod seed_demo;
