//! Rendering a report: first into a [`Document`] (numbered sections of paragraphs,
//! tables and statements about what is absent), then into Markdown or a standalone
//! HTML document. Tables of amounts come from the presentation layer
//! ([`Table::to_markdown`], [`Table::to_html`]); tables of text or percentages are
//! [`Grid`]s. A part the source does not give is a [`Block::Absent`] sentence, never
//! numbers.

use std::fmt::Write as _;

use crate::present::{NumberFormat, REPORT_CSS, Table, html_escape, page_head};

/// Ett block i en rapport: a paragraph, a table, a list, a sub-heading, or a statement
/// that the source does not give a part.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025: 2.1 Resultaträkning was a picture in the PDF.
/// r.absent.push(AbsentPart { part: ReportPart::IncomeStatement, reason: "tabellen var en bild".into() });
/// let doc = r.document()?;
/// let rs = doc.sections.iter().find(|s| s.number == "2.1").ok_or("2.1")?;
/// // A sentence, never numbers.
/// assert_eq!(rs.blocks, [Block::Absent("Resultaträkningen finns inte i källan (tabellen var en bild). Inga siffror visas.".into())]);
/// # Ok(()) }
/// ```
#[doc(alias = "block")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Block {
    /// A paragraph of text.
    Paragraph(String),
    /// A sub-heading inside a section (e.g. "Målområde 1. Uppdrag", "Not 1. …").
    Heading(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table of amounts from the presentation layer.
    Table(Table),
    /// A table of text or percentages.
    Grid(Grid),
    /// The source does not give this part: the sentence says what and why.
    Absent(String),
}

/// Tabell med text: a caption, column headings and rows of already formatted cells;
/// `numeric` marks right-aligned columns.
///
/// ```
/// use kommunal_redovisning::NumberFormat;
/// use kommunal_redovisning::report::{Block, DocSection, Document, Grid};
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.2: the assessment criteria as a table of text.
/// let criteria = Grid {
///     caption: "Bedömningskriterier".into(),
///     header: vec!["Bedömning".into(), "Målvärdet uppnått med".into()],
///     rows: vec![vec!["Uppfyllt".into(), "99–100 %".into()], vec!["Delvis uppfyllt".into(), "81–89 %".into()]],
///     numeric: vec![false, true],
/// };
/// let mut s = DocSection::new("1.2", "Förväntad utveckling", 2);
/// s.blocks.push(Block::Grid(criteria));
/// let doc = Document { title: "Delårsrapport".into(), subtitle: String::new(), sections: vec![s] };
/// let md = doc.to_markdown(&NumberFormat::swedish());
/// assert!(md.contains("| Bedömning | Målvärdet uppnått med |\n|:---|---:|\n| Uppfyllt | 99–100 % |\n"));
/// ```
#[doc(alias = "tabell")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Grid {
    /// The caption (may be empty).
    pub caption: String,
    /// Column headings.
    pub header: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// Per column: right-aligned (figures) when `true`.
    pub numeric: Vec<bool>,
}

/// Ett avsnitt: a numbered heading ("1.3") at a level (1 for "1", 2 for "1.1") and
/// its blocks. An empty number is an unnumbered section (e.g. the appendix with the
/// checks).
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom's delårsrapport follows R17's outline: 1.5 is the financial position.
/// let doc = r.document()?;
/// let s15 = doc.sections.iter().find(|s| s.number == "1.5").ok_or("1.5")?;
/// assert_eq!(s15.heading(), "1.5 Utvärdering av ekonomisk ställning");
/// assert_eq!((s15.level, s15.anchor(0)), (2, "avsnitt-1-5".to_owned()));
/// # Ok(()) }
/// ```
#[doc(alias = "avsnitt")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DocSection {
    /// The number as printed, e.g. "1.3"; empty when unnumbered.
    pub number: String,
    /// The heading.
    pub title: String,
    /// 1 for a main section, 2 for a subsection.
    pub level: u8,
    /// The content.
    pub blocks: Vec<Block>,
}

impl DocSection {
    /// A section with no blocks yet.
    ///
    /// ```
    /// use kommunal_redovisning::NumberFormat;
    /// use kommunal_redovisning::report::{Block, DocSection, Document};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3, the text under the table.
    /// let mut s = DocSection::new("1.3", "Prognos för resultat i förhållande till budget", 2);
    /// s.blocks.push(Block::Paragraph("Helårsprognosen pekar på ett positivt resultat för Lystkom med 1 374 tkr.".into()));
    /// let doc = Document { title: "Delårsrapport".into(), subtitle: String::new(), sections: vec![s] };
    /// let md = doc.to_markdown(&NumberFormat::swedish());
    /// assert!(md.contains("### 1.3 Prognos för resultat i förhållande till budget\n"));
    /// assert!(md.contains("med 1 374 tkr."));
    /// ```
    #[must_use]
    pub fn new(number: impl Into<String>, title: impl Into<String>, level: u8) -> Self {
        DocSection {
            number: number.into(),
            title: title.into(),
            level,
            blocks: Vec::new(),
        }
    }

    /// The heading as printed: "1.3 Prognos …".
    #[must_use]
    pub fn heading(&self) -> String {
        if self.number.is_empty() {
            self.title.clone()
        } else {
            format!("{} {}", self.number, self.title)
        }
    }

    /// An anchor id for the section ("avsnitt-1-3"; unnumbered sections by position).
    #[must_use]
    pub fn anchor(&self, position: usize) -> String {
        if self.number.is_empty() {
            format!("bilaga-{position}")
        } else {
            format!("avsnitt-{}", self.number.replace('.', "-"))
        }
    }
}

/// Dokument: a rendered report before it is written out — a title, a subtitle and the
/// sections in order. [`Document::to_markdown`] and [`Document::to_html`] write it.
///
/// ```
/// use kommunal_redovisning::NumberFormat;
/// use kommunal_redovisning::report::{Block, DocSection, Document};
///
/// let mut s = DocSection::new("2.1", "Resultaträkning", 2);
/// s.blocks.push(Block::Absent("Resultaträkningen finns inte i källan.".into()));
/// let doc = Document { title: "A & B".into(), subtitle: String::new(), sections: vec![s] };
/// let html = doc.to_html(&NumberFormat::swedish());
/// assert!(html.contains("<title>A &amp; B</title>"));
/// assert!(html.contains("<h3 id=\"avsnitt-2-1\">2.1 Resultaträkning</h3>"));
/// assert!(doc.to_markdown(&NumberFormat::swedish()).contains("### 2.1 Resultaträkning"));
/// ```
#[doc(alias = "dokument")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Document {
    /// The title (e.g. "Kommunalförbundet Lystkom — Delårsrapport …").
    pub title: String,
    /// A line under the title.
    pub subtitle: String,
    /// The sections in order.
    pub sections: Vec<DocSection>,
}

impl Document {
    /// Markdown: `#` title, a table of contents, `##`/`###` numbered headings, tables via
    /// [`Table::to_markdown`], absent parts as quoted italic sentences. Text is escaped.
    #[must_use]
    pub fn to_markdown(&self, format: &NumberFormat) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", md_escape(&one_line(&self.title)));
        if !self.subtitle.trim().is_empty() {
            let _ = writeln!(out, "{}\n", md_escape(&one_line(&self.subtitle)));
        }
        out.push_str("## Innehåll\n\n");
        for s in &self.sections {
            let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
            let _ = writeln!(out, "{indent}- {}", md_escape(&one_line(&s.heading())));
        }
        out.push('\n');
        for s in &self.sections {
            let hashes = "#".repeat(usize::from(s.level.clamp(1, 4)) + 1);
            let _ = writeln!(out, "{hashes} {}\n", md_escape(&one_line(&s.heading())));
            for b in &s.blocks {
                match b {
                    Block::Paragraph(t) => {
                        for p in paragraphs(t) {
                            let _ = writeln!(out, "{}\n", md_escape(&p));
                        }
                    }
                    Block::Heading(t) => {
                        let _ = writeln!(out, "**{}**\n", md_escape(&one_line(t)));
                    }
                    Block::List(items) => {
                        for i in items {
                            let _ = writeln!(out, "- {}", md_escape(&one_line(i)));
                        }
                        out.push('\n');
                    }
                    Block::Table(t) => {
                        out.push_str(&t.to_markdown(format));
                        out.push('\n');
                    }
                    Block::Grid(g) => {
                        out.push_str(&grid_markdown(g));
                        out.push('\n');
                    }
                    Block::Absent(t) => {
                        let _ = writeln!(out, "> *{}*\n", md_escape(&one_line(t)));
                    }
                }
            }
        }
        out
    }

    /// A standalone HTML document (`<!DOCTYPE html>`, `lang="sv"`, UTF-8): inline
    /// print-friendly CSS, no script and no external resources, a table of contents
    /// linking to the numbered headings, tables via [`Table::to_html`], absent parts as
    /// `<p class="absent">`. All text is escaped.
    ///
    /// The style sheet is [`REPORT_CSS`]: on paper each main section starts a new
    /// page, pages are numbered and table headings repeat on every page.
    #[must_use]
    pub fn to_html(&self, format: &NumberFormat) -> String {
        self.to_html_with_css(format, REPORT_CSS)
    }

    /// [`Document::to_html`] with another style sheet, e.g. a kommun's graphic profile
    /// or [`REPORT_CSS`] with additions (the classes it can style are listed in
    /// [`REPORT_CSS`]'s module, [`crate::present`]).
    ///
    /// ```
    /// use kommunal_redovisning::NumberFormat;
    /// use kommunal_redovisning::present::REPORT_CSS;
    /// use kommunal_redovisning::report::{DocSection, Document};
    ///
    /// let doc = Document { title: "T".into(), subtitle: String::new(), sections: vec![DocSection::new("1", "A", 1)] };
    /// let css = format!("{REPORT_CSS}h2{{color:#005a9c}}");
    /// let html = doc.to_html_with_css(&NumberFormat::swedish(), &css);
    /// assert!(html.contains("h2{color:#005a9c}"));
    /// assert!(html.contains("<section class=\"level-1\">"));
    /// ```
    #[must_use]
    pub fn to_html_with_css(&self, format: &NumberFormat, css: &str) -> String {
        let mut out = page_head(&self.title, css);
        out.push_str("<body>\n<header>\n");
        let _ = writeln!(out, "<h1>{}</h1>", html_escape(&self.title));
        if !self.subtitle.trim().is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"subtitle\">{}</p>",
                html_escape(&self.subtitle)
            );
        }
        out.push_str("</header>\n");
        out.push_str(&self.toc_html());
        out.push_str("<main>\n");
        for (i, s) in self.sections.iter().enumerate() {
            let h = usize::from(s.level.clamp(1, 3)) + 1;
            let _ = writeln!(
                out,
                "<section class=\"level-{}\">\n<h{h} id=\"{}\">{}</h{h}>",
                s.level.clamp(1, 3),
                s.anchor(i),
                html_escape(&s.heading())
            );
            for b in &s.blocks {
                match b {
                    Block::Paragraph(t) => {
                        for p in paragraphs(t) {
                            let _ = writeln!(out, "<p>{}</p>", html_escape(&p));
                        }
                    }
                    Block::Heading(t) => {
                        let _ = writeln!(out, "<h{0}>{1}</h{0}>", (h + 1).min(6), html_escape(t));
                    }
                    Block::List(items) => {
                        out.push_str("<ul>\n");
                        for i in items {
                            let _ = writeln!(out, "<li>{}</li>", html_escape(i));
                        }
                        out.push_str("</ul>\n");
                    }
                    Block::Table(t) => out.push_str(&t.to_html(format)),
                    Block::Grid(g) => out.push_str(&grid_html(g)),
                    Block::Absent(t) => {
                        let _ = writeln!(out, "<p class=\"absent\">{}</p>", html_escape(t));
                    }
                }
            }
            out.push_str("</section>\n");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// The table of contents as nested ordered lists.
    fn toc_html(&self) -> String {
        let mut out = String::from("<nav>\n<h2>Innehåll</h2>\n<ol>\n");
        let mut open_sub = false;
        let mut open_item = false;
        for (i, s) in self.sections.iter().enumerate() {
            let link = format!(
                "<a href=\"#{}\">{}</a>",
                s.anchor(i),
                html_escape(&s.heading())
            );
            if s.level <= 1 {
                if open_sub {
                    out.push_str("</ol>\n");
                    open_sub = false;
                }
                if open_item {
                    out.push_str("</li>\n");
                }
                let _ = write!(out, "<li>{link}");
                open_item = true;
            } else {
                if !open_item {
                    out.push_str("<li>");
                    open_item = true;
                }
                if !open_sub {
                    out.push_str("\n<ol>\n");
                    open_sub = true;
                }
                let _ = writeln!(out, "<li>{link}</li>");
            }
        }
        if open_sub {
            out.push_str("</ol>\n");
        }
        if open_item {
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</nav>\n");
        out
    }
}

/// Escapes Markdown's inline syntax so text prints as written (HTML too).
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Text on one line (line breaks become spaces).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs of a text: split on blank lines, each on one line; empty ones dropped.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                out.push(one_line(&current));
            }
            current.clear();
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    if !current.trim().is_empty() {
        out.push(one_line(&current));
    }
    out
}

fn grid_markdown(g: &Grid) -> String {
    let mut out = String::new();
    if !g.caption.trim().is_empty() {
        let _ = write!(out, "**{}**\n\n", md_escape(&one_line(&g.caption)));
    }
    let width = g
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(g.header.len()))
        .max()
        .unwrap_or(0);
    if width == 0 {
        return out;
    }
    let row = |out: &mut String, cells: &[String]| {
        out.push('|');
        for i in 0..width {
            let cell = cells
                .get(i)
                .map_or(String::new(), |c| md_escape(&one_line(c)));
            if cell.is_empty() {
                out.push_str(" |");
            } else {
                let _ = write!(out, " {cell} |");
            }
        }
        out.push('\n');
    };
    row(&mut out, &g.header);
    out.push('|');
    for i in 0..width {
        let numeric = g.numeric.get(i).copied().unwrap_or(false);
        out.push_str(if numeric { "---:|" } else { ":---|" });
    }
    out.push('\n');
    for r in &g.rows {
        row(&mut out, r);
    }
    out
}

fn grid_html(g: &Grid) -> String {
    let mut out = String::from("<table>\n");
    if !g.caption.trim().is_empty() {
        let _ = writeln!(out, "<caption>{}</caption>", html_escape(&g.caption));
    }
    let class = |i: usize| {
        if g.numeric.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    if !g.header.is_empty() {
        out.push_str("<thead>\n<tr>");
        for (i, h) in g.header.iter().enumerate() {
            let _ = write!(out, "<th scope=\"col\"{}>{}</th>", class(i), html_escape(h));
        }
        out.push_str("</tr>\n</thead>\n");
    }
    out.push_str("<tbody>\n");
    for r in &g.rows {
        out.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", html_escape(c));
            } else {
                let _ = write!(out, "<td{}>{}</td>", class(i), html_escape(c));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(
            paragraphs("a\nb\n\n\nc  d\n"),
            vec!["a b".to_owned(), "c d".to_owned()]
        );
        assert!(paragraphs(" \n \n").is_empty());
    }

    #[test]
    fn markdown_escapes_inline_syntax() {
        assert_eq!(md_escape("a*b_c|d<e>"), "a\\*b\\_c\\|d&lt;e&gt;");
    }

    #[test]
    fn toc_nests_subsections() {
        let doc = Document {
            title: "T".into(),
            subtitle: String::new(),
            sections: vec![
                DocSection::new("1", "A", 1),
                DocSection::new("1.1", "B", 2),
                DocSection::new("2", "C", 1),
                DocSection::new("", "Bilaga", 1),
            ],
        };
        let toc = doc.toc_html();
        assert_eq!(
            toc,
            "<nav>\n<h2>Innehåll</h2>\n<ol>\n<li><a href=\"#avsnitt-1\">1 A</a>\n<ol>\n\
             <li><a href=\"#avsnitt-1-1\">1.1 B</a></li>\n</ol>\n</li>\n\
             <li><a href=\"#avsnitt-2\">2 C</a></li>\n<li><a href=\"#bilaga-3\">Bilaga</a></li>\n\
             </ol>\n</nav>\n"
        );
    }
}
