//! Integration tests: one binary with modules, to keep link time low.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[cfg(feature = "serde")] // reads JSON fixtures or round-trips through serde
mod analysis;
mod balanced_budget;
mod bounded;
// The printed-report checks read their fixtures as JSON.
#[cfg(feature = "serde")]
mod check;
#[cfg(feature = "serde")] // reads JSON fixtures or round-trips through serde
mod check_tables;
mod follow_up;
mod foundation;
mod goal;
#[cfg(feature = "serde")] // reads JSON fixtures or round-trips through serde
mod group;
mod ledger;
mod ledger_properties;
mod ledger_summing;
mod new_user;
#[cfg(feature = "serde")] // reads JSON fixtures or round-trips through serde
mod note;
mod publish;
#[cfg(feature = "serde")] // reads JSON fixtures or round-trips through serde
mod published;
mod report;
mod sick_leave;
mod sie;
mod sie_hostile;
mod sie_parallel;
mod sie_parallel_records;
mod tables;
mod windows;
#[cfg(feature = "xlsx")]
mod xlsx;
