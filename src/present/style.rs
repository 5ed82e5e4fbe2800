//! The style sheet (stilmall) of the HTML the crate writes, public so that a kommun can
//! read it, extend it or replace it with its own graphic profile.
//!
//! [`REPORT_CSS`] is used by [`Document::to_html`](crate::report::Document::to_html)
//! and [`Table::to_html_page`]; both have a variant that takes another style sheet
//! ([`Document::to_html_with_css`](crate::report::Document::to_html_with_css),
//! [`Table::to_html_page_with_css`]). The HTML it styles uses these classes:
//!
//! | Element | Class | What |
//! |---|---|---|
//! | `section` | `level-1`, `level-2` | a main section (huvudavsnitt, e.g. "1 Förvaltningsberättelse") and a subsection |
//! | `tr` | `heading`, `line`, `subtotal`, `total`, `of-which`, `ratio` | the kind of a table row |
//! | `td` | `num`, `num negative` | a figure, a negative figure |
//! | `p` | `absent`, `subtitle` | a part the source lacks (review only), the line under the title |
//!
//! On paper (`@media print`, e.g. Chromium's "print to PDF") every main section starts
//! on a new page, pages are numbered at the foot ("sida 3 av 12"), table headings
//! repeat on every page a table spans, and table rows are not split.

use std::fmt::Write as _;

use crate::present::format::NumberFormat;
use crate::present::render::html_escape;
use crate::present::table::Table;

/// The default style sheet of the crate's HTML (stilmall): readable on screen, A4 on
/// paper with page numbers, a page break before each main section and table headings
/// repeated on each page.
///
/// ```
/// use kommunal_redovisning::present::REPORT_CSS;
/// assert!(REPORT_CSS.contains("@page"));
/// assert!(REPORT_CSS.contains("section.level-1"));
/// ```
#[doc(alias = "stilmall")]
pub const REPORT_CSS: &str = "\
body{font-family:Georgia,'Times New Roman',serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.35em;margin-top:1.8em;border-bottom:1px solid #999}
h3{font-size:1.15em;margin-top:1.4em}h4{font-size:1em;margin:1.1em 0 .3em}
p.subtitle{color:#444;margin-top:0}
nav ol{list-style:none;padding-left:0}nav ol ol{padding-left:1.5em}
table{border-collapse:collapse;margin:.8em 0 1.2em;font-size:.92em}
caption{text-align:left;font-weight:bold;padding-bottom:.3em}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
th,td{padding:.2em .6em;border-bottom:1px solid #ddd;vertical-align:top}
thead th{border-bottom:2px solid #555;text-align:left}th[scope=row]{text-align:left;font-weight:normal}
tr.heading th{font-weight:bold;padding-top:.6em}
tr.subtotal th,tr.subtotal td,tr.total th,tr.total td{font-weight:bold}
tr.total td,tr.total th{border-top:1px solid #555}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
p.absent{border-left:4px solid #b35900;padding:.3em .8em;background:#fff6ec;font-style:italic}
@page{size:A4;margin:2cm 1.8cm 2.2cm;@bottom-center{content:\"sida \" counter(page) \" av \" counter(pages);font-family:Georgia,serif;font-size:9pt;color:#444}}
@media print{body{margin:0;max-width:none;font-size:10.5pt}nav{break-after:page;page-break-after:always}section.level-1{break-before:page;page-break-before:always}h2,h3,h4,caption{break-after:avoid;page-break-after:avoid}a{color:inherit;text-decoration:none}p.absent{background:none}}
";

/// The head of a standalone HTML page: doctype, language, charset, title and the style
/// sheet.
pub(crate) fn page_head(title: &str, css: &str) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n");
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", html_escape(title));
    // `</` cannot end the style element early: a style sheet given by a caller is
    // written with every "</" escaped as "<\/", which CSS reads the same.
    let _ = write!(
        out,
        "<style>\n{}</style>\n</head>\n",
        css.replace("</", "<\\/")
    );
    out
}

impl Table {
    /// The table as a standalone HTML page (fristående sida) with the default style
    /// sheet [`REPORT_CSS`]: the caption as the page's title, then [`Table::to_html`]. Open it in a browser, print it, or send it to Chromium for a
    /// PDF.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// let mut t = Table::new("Resultaträkning", Scale::Tkr, vec![Column::outcome("2025")]);
    /// t.push_row(TableRow::new("r", "Årets resultat", StatementRowKind::Total, ValueKind::Flow, vec![Some(Amount::tkr(12))]))?;
    /// let page = t.to_html_page(&NumberFormat::swedish());
    /// assert!(page.starts_with("<!DOCTYPE html>"));
    /// assert!(page.contains("<title>Resultaträkning</title>"));
    /// assert!(page.contains("<caption>Resultaträkning</caption>"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    #[doc(alias = "fristående sida")]
    pub fn to_html_page(&self, format: &NumberFormat) -> String {
        self.to_html_page_with_css(format, REPORT_CSS)
    }

    /// [`Table::to_html_page`] with another style sheet (e.g. the kommun's graphic
    /// profile, or [`REPORT_CSS`] with additions).
    ///
    /// ```
    /// use kommunal_redovisning::{NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, REPORT_CSS};
    ///
    /// let t = Table::new("T", Scale::Tkr, vec![Column::outcome("2025")]);
    /// let css = format!("{REPORT_CSS}body{{font-family:Arial}}");
    /// assert!(t.to_html_page_with_css(&NumberFormat::swedish(), &css).contains("font-family:Arial"));
    /// ```
    #[must_use]
    pub fn to_html_page_with_css(&self, format: &NumberFormat, css: &str) -> String {
        let mut out = page_head(&self.caption, css);
        out.push_str("<body>\n<main>\n");
        out.push_str(&self.to_html(format));
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }
}
