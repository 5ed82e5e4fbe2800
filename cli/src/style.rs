//! Colours on a terminal only: ANSI colours when standard output is a terminal and
//! `NO_COLOR` is not set (<https://no-color.org>), plain text otherwise.

use std::io::IsTerminal;

/// Whether to colour standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    enabled: bool,
}

impl Style {
    /// Colours when standard output is a terminal and `NO_COLOR` is unset or empty.
    pub fn for_stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            enabled: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// No colours.
    pub fn plain() -> Self {
        Style { enabled: false }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// An error: red.
    pub fn error(self, text: &str) -> String {
        self.paint("31", text)
    }

    /// A warning or a rounding difference: yellow.
    pub fn warning(self, text: &str) -> String {
        self.paint("33", text)
    }

    /// Agreement: green.
    pub fn ok(self, text: &str) -> String {
        self.paint("32", text)
    }

    /// A heading: bold.
    pub fn heading(self, text: &str) -> String {
        self.paint("1", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_is_unchanged_and_colour_wraps() {
        assert_eq!(Style::plain().error("fel"), "fel");
        let on = Style { enabled: true };
        assert_eq!(on.error("fel"), "\x1b[31mfel\x1b[0m");
        assert_eq!(on.ok("stämmer"), "\x1b[32mstämmer\x1b[0m");
    }
}
