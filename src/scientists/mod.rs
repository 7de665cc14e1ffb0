//! Scientists: the expertise profile, the public profile page and the directory.

pub mod directory;
pub mod forms;
pub mod handlers;
pub mod model;
pub mod queries;
pub mod views;
