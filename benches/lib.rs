//! Benchmarks of `kommunal-redovisning`: `cargo bench -p kommunal-benches`
//! (`--bench sie_read`, `--bench ledger`). This package is a workspace member of its
//! own so that criterion is compiled only for the benchmarks, not for the library's
//! tests and examples. The generator `sie_gen.rs` is shared with the `sie_generate` and
//! `sie_throughput` examples of the library package.
