//! Integration tests: one binary with modules, to keep link time low.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod analysis;
mod balanced_budget;
mod check;
mod check_tables;
mod follow_up;
mod foundation;
mod goal;
mod group;
mod ledger;
mod ledger_properties;
mod new_user;
mod note;
mod publish;
mod published;
mod report;
mod sick_leave;
mod sie;
mod sie_hostile;
mod sie_parallel;
mod tables;
#[cfg(feature = "xlsx")]
mod xlsx;
