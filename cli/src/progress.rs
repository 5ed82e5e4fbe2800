//! Progress on large files: a reader that counts bytes and reports every 5 % on
//! standard error, only when standard error is a terminal (never into a pipe or a log).

use std::io::{IsTerminal, Read, Write};

/// Files from this size on show their progress.
pub const LARGE: u64 = 50 << 20;

/// Counts bytes and reports progress on standard error.
pub struct Progress<R> {
    inner: R,
    read: u64,
    total: u64,
    next_report: u64,
    enabled: bool,
}

impl<R: Read> Progress<R> {
    /// Wraps `inner`, a file of `total` bytes; reports only for a large file and when
    /// standard error is a terminal.
    pub fn new(inner: R, total: u64) -> Self {
        Progress {
            inner,
            read: 0,
            total,
            next_report: 0,
            enabled: shown(total),
        }
    }
}

/// Whether progress is shown for a file of `total` bytes.
pub fn shown(total: u64) -> bool {
    total > LARGE && std::io::stderr().is_terminal()
}

impl<R: Read> Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.enabled && self.read >= self.next_report && self.total > 0 {
            eprint!(
                "\rläser … {:>3} %",
                self.read.min(self.total) * 100 / self.total
            );
            let _ = std::io::stderr().flush();
            self.next_report += (self.total / 20).max(1);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_every_byte_through() {
        let data = vec![7u8; 100_000];
        let mut p = Progress::new(&data[..], data.len() as u64);
        let mut out = Vec::new();
        p.read_to_end(&mut out).unwrap();
        assert_eq!(out, data);
        assert_eq!(p.read, 100_000);
        // A small file never shows progress.
        assert!(!p.enabled);
    }
}
