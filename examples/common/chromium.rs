//! Headless Chromium for the examples and tests: HTML to PDF and to PNG.
//!
//! Chromium is not a dependency of the crate; the examples use it when it is installed
//! (Debian and Ubuntu: `apt-get install chromium`; elsewhere set `CHROMIUM` to the
//! browser's path, e.g. Google Chrome). Each run is bounded in time and killed when it
//! takes longer.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Chromium run may take.
const TIMEOUT: Duration = Duration::from_secs(90);

/// The Chromium to use: `$CHROMIUM`, or the first of `chromium`, `chromium-browser`,
/// `google-chrome` found on `PATH`.
pub fn find() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// `file://` URL of a path.
fn url(path: &Path) -> Result<String, String> {
    let abs = std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!("file://{}", abs.display()))
}

/// Runs Chromium headless with `args` and the page `html`, waiting at most `TIMEOUT`.
fn run(chromium: &Path, args: &[String], html: &Path) -> Result<(), String> {
    // A profile of its own, so that a run does not meet a browser the user has open.
    let profile = std::env::temp_dir().join(format!("kommunal-chromium-{}", std::process::id()));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url(html)?)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("kunde inte starta {}: {e}", chromium.display()))?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = std::fs::remove_dir_all(&profile);
                return Err(format!(
                    "Chromium svarade inte inom {} s",
                    TIMEOUT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(format!("Chromium: {e}")),
        }
    };
    let _ = std::fs::remove_dir_all(&profile);
    if status.success() {
        Ok(())
    } else {
        Err(format!("Chromium avslutades med {status}"))
    }
}

/// Prints the HTML page `html` to the PDF `pdf` (A4 and margins from the page's CSS,
/// no browser header or footer: the page numbers come from the CSS).
pub fn print_pdf(chromium: &Path, html: &Path, pdf: &Path) -> Result<(), String> {
    run(
        chromium,
        &[
            "--no-pdf-header-footer".to_owned(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
        html,
    )?;
    match std::fs::metadata(pdf) {
        Ok(m) if m.len() > 0 => Ok(()),
        _ => Err(format!("Chromium skrev ingen PDF till {}", pdf.display())),
    }
}

/// Takes a screenshot of the HTML page `html` into the PNG `png`, `width` × `height`
/// pixels.
pub fn screenshot(
    chromium: &Path,
    html: &Path,
    png: &Path,
    width: u32,
    height: u32,
) -> Result<(), String> {
    run(
        chromium,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
            "--hide-scrollbars".to_owned(),
        ],
        html,
    )?;
    match std::fs::metadata(png) {
        Ok(m) if m.len() > 0 => Ok(()),
        _ => Err(format!("Chromium skrev ingen bild till {}", png.display())),
    }
}
