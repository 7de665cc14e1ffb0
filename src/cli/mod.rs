//! Command-line tasks besides serving: bootstrapping the first admin.

pub mod create_admin;
