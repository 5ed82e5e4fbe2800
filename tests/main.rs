//! Integration tests: one binary with modules, to keep link time low.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod check;
mod foundation;
mod tables;
