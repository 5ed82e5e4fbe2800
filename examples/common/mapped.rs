//! A file read through memory-mapped windows, for the examples: the library takes
//! `&[u8]` and does no I/O; mapping a window at a time keeps the resident part of the
//! file (which counts in the process's peak memory) at the window size.
#![allow(unsafe_code, dead_code)]

use std::fs::File;
use std::io;

use memmap2::{Advice, MmapOptions};

/// Window mapped at a time.
pub const WINDOW: u64 = 16 << 20;

/// Feeds `file` (of `size` bytes) to `push(part, last) -> bytes taken` in mapped windows
/// of about [`WINDOW`] bytes; a window whose part is not taken at all is doubled.
pub fn for_each_window(
    file: &File,
    size: u64,
    mut push: impl FnMut(&[u8], bool) -> usize,
) -> io::Result<()> {
    let mut at = 0u64;
    let mut len = WINDOW;
    while at < size {
        let end = (at + len).min(size);
        let last = end == size;
        // SAFETY: the file is opened read-only by this process; another process
        // truncating it while mapped would be a fault, as with any mapped input.
        let map = unsafe {
            MmapOptions::new()
                .offset(at)
                .len(usize::try_from(end - at).map_err(io::Error::other)?)
                .map(file)?
        };
        let _ = map.advise(Advice::Sequential);
        let used = push(&map, last) as u64;
        drop(map);
        if used == 0 && !last {
            len *= 2;
            continue;
        }
        at += used;
        len = WINDOW;
    }
    Ok(())
}
