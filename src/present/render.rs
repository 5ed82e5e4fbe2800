//! Renderers (återgivning) of a [`Table`]: plain text for a terminal, Markdown, CSV and
//! HTML.
//!
//! Every renderer prints the figures in the table's unit with the table's decimals
//! ([`Table::unit`], [`Table::decimals`]). The
//! [`NumberFormat`] given decides the minus sign, the thousands separator and the
//! decimal separator; its own `decimals` is replaced by the table's.

use std::fmt::Write as _;

use crate::money::Amount;
use crate::present::format::NumberFormat;
use crate::present::table::{QuantityRow, RatioRow, Table};
use crate::statement::StatementRowKind;

/// Text on one line: control characters (line breaks, tabs) become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The heading of the label column: "Belopp i tkr".
fn unit_heading(table: &Table) -> String {
    format!("Belopp i {}", table.unit.label())
}

/// The figure of a cell as text, empty for an empty cell.
fn figure(table: &Table, format: &NumberFormat, cell: Option<Amount>) -> String {
    cell.map_or_else(String::new, |a| {
        format.with_decimals(table.decimals).amount(a, table.unit)
    })
}

/// The figure of a ratio cell as text (`23,3 %`), empty for an empty cell.
fn ratio_figure(format: &NumberFormat, ratio: &RatioRow, column: usize) -> String {
    ratio
        .values
        .get(column)
        .copied()
        .flatten()
        .map_or_else(String::new, |p| {
            format.with_decimals(ratio.decimals).percent(p)
        })
}

/// The figure of a quantity cell as text (`12 345 kr/inv.`), empty for an empty cell.
fn quantity_figure(format: &NumberFormat, quantity: &QuantityRow, column: usize) -> String {
    quantity.value(column).map_or_else(String::new, |v| {
        let mut s = format.with_decimals(quantity.decimals).decimal(v);
        if let Some(unit) = &quantity.unit {
            s.push('\u{a0}');
            s.push_str(unit);
        }
        s
    })
}

/// A grid of text cells: the header, then one line per row and per ratio.
struct Grid {
    header: Vec<String>,
    lines: Vec<Vec<String>>,
}

fn grid(table: &Table, format: &NumberFormat, indent: &str) -> Grid {
    let notes = table.has_notes();
    let mut header = vec![unit_heading(table)];
    if notes {
        header.push("Not".to_owned());
    }
    header.extend(table.columns.iter().map(|c| one_line(&c.label)));
    let mut lines =
        Vec::with_capacity(table.rows.len() + table.ratios.len() + table.quantities.len());
    for row in &table.rows {
        let mut line = vec![format!(
            "{}{}",
            indent.repeat(usize::from(row.depth)),
            one_line(&row.label)
        )];
        if notes {
            line.push(one_line(row.note.as_deref().unwrap_or_default()));
        }
        for c in 0..table.columns.len() {
            line.push(if row.kind == StatementRowKind::Heading {
                String::new()
            } else {
                figure(table, format, row.cell(c))
            });
        }
        lines.push(line);
    }
    for ratio in &table.ratios {
        let mut line = vec![one_line(&ratio.label)];
        if notes {
            line.push(String::new());
        }
        for c in 0..table.columns.len() {
            line.push(ratio_figure(format, ratio, c));
        }
        lines.push(line);
    }
    for quantity in &table.quantities {
        let mut line = vec![one_line(&quantity.label)];
        if notes {
            line.push(String::new());
        }
        for c in 0..table.columns.len() {
            line.push(quantity_figure(format, quantity, c));
        }
        lines.push(line);
    }
    Grid { header, lines }
}

impl Table {
    /// Plain text for a terminal (klartext): the caption, a header line, then one line
    /// per row; labels left-aligned and indented two spaces per depth, note references
    /// and figures right-aligned, column widths from the content (counted in
    /// characters, not bytes), two spaces between columns, no trailing spaces.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// let mut t = Table::new("Ekonomisk ställning", Scale::Tkr, vec![Column::outcome("2025-06-30")]);
    /// t.push_row(TableRow::new("ek", "Eget kapital", StatementRowKind::Line, ValueKind::Stock, vec![Some(Amount::tkr(8_521))]))?;
    /// let text = t.to_text(&NumberFormat::swedish().with_group_separator(Some(' ')));
    /// assert_eq!(text, "Ekonomisk ställning\nBelopp i tkr  2025-06-30\nEget kapital       8 521\n");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "klartext")]
    #[must_use]
    pub fn to_text(&self, format: &NumberFormat) -> String {
        let g = grid(self, format, "  ");
        let columns = g.header.len();
        let mut widths = vec![0_usize; columns];
        for line in std::iter::once(&g.header).chain(&g.lines) {
            for (w, cell) in widths.iter_mut().zip(line) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        let caption = one_line(&self.caption);
        if !caption.trim().is_empty() {
            out.push_str(caption.trim_end());
            out.push('\n');
        }
        for line in std::iter::once(&g.header).chain(&g.lines) {
            let mut text = String::new();
            for (i, (cell, w)) in line.iter().zip(&widths).enumerate() {
                let pad = w.saturating_sub(cell.chars().count());
                if i == 0 {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                } else {
                    text.push_str("  ");
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
        out
    }
}

/// The kind of a row as a word for machine forms and class names.
fn kind_word(kind: StatementRowKind) -> (&'static str, &'static str) {
    // (Swedish word for CSV, English class name for HTML)
    match kind {
        StatementRowKind::Heading => ("rubrik", "heading"),
        StatementRowKind::Line => ("post", "line"),
        StatementRowKind::Subtotal => ("delsumma", "subtotal"),
        StatementRowKind::Total => ("summa", "total"),
        StatementRowKind::OfWhich => ("varav", "of-which"),
    }
}

/// Escapes text for a Markdown table cell.
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values: `&`, `<`, `>`, `"`
/// and `'`.
///
/// ```
/// assert_eq!(kommunal_redovisning::present::html_escape("<a href='x'>&</a>"),
///            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
/// ```
#[must_use]
#[doc(alias = "html")]
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Quotes a CSV field when it must be (RFC 4180): it holds the delimiter, a quote,
/// a line break, or leading or trailing white space.
fn csv_field(text: &str, delimiter: char) -> String {
    let needs = text.contains([delimiter, '"', '\r', '\n'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

impl Table {
    /// Markdown (a GitHub-flavoured pipe table): the caption in bold above, the label
    /// column left-aligned, note and figure columns right-aligned, sums in bold,
    /// indentation by two non-breaking spaces per depth; text is escaped.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// let mut t = Table::new("RS", Scale::Tkr, vec![Column::outcome("2019")]);
    /// t.push_row(TableRow::new("r", "Årets resultat", StatementRowKind::Total, ValueKind::Flow, vec![Some(Amount::tkr(12_043))]))?;
    /// let md = t.to_markdown(&NumberFormat::swedish().with_group_separator(Some(' ')));
    /// assert_eq!(md, "**RS**\n\n| Belopp i tkr | 2019 |\n|:---|---:|\n| **Årets resultat** | **12 043** |\n");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    #[doc(alias = "markdown")]
    pub fn to_markdown(&self, format: &NumberFormat) -> String {
        let g = grid(self, format, "\u{a0}\u{a0}");
        let mut out = String::new();
        let caption = one_line(&self.caption);
        if !caption.trim().is_empty() {
            let _ = write!(out, "**{}**\n\n", markdown_escape(caption.trim()));
        }
        let row = |out: &mut String, cells: &[String], bold: bool| {
            out.push('|');
            for cell in cells {
                let text = markdown_escape(cell);
                // Emphasis must not start with white space, so the indentation
                // (non-breaking spaces) stays outside the asterisks.
                let body = text.trim_start_matches('\u{a0}');
                let indent = text.strip_suffix(body).unwrap_or("");
                if bold && !body.is_empty() {
                    let _ = write!(out, " {indent}**{body}** |");
                } else if text.is_empty() {
                    out.push_str(" |");
                } else {
                    let _ = write!(out, " {text} |");
                }
            }
            out.push('\n');
        };
        row(&mut out, &g.header, false);
        out.push('|');
        for i in 0..g.header.len() {
            out.push_str(if i == 0 { ":---|" } else { "---:|" });
        }
        out.push('\n');
        for (i, cells) in g.lines.iter().enumerate() {
            let bold = self.rows.get(i).is_some_and(|r| {
                matches!(r.kind, StatementRowKind::Subtotal | StatementRowKind::Total)
            });
            row(&mut out, cells, bold);
        }
        out
    }

    /// CSV in machine form (UTF-8, RFC 4180 quoting, CRLF line ends): no grouping,
    /// ASCII minus, `decimal_separator` as the decimal sign; the field delimiter is `;`
    /// when the decimal sign is a comma (as Swedish spreadsheets expect) and `,`
    /// otherwise. Columns: `id`, `post`, `typ` (rubrik, post, delsumma, summa, varav,
    /// nyckeltal, storhet), `nivå`, `not`, then one per table column, in the table's unit.
    /// Key ratios are rows of type `nyckeltal`, in percent without the `%` sign; other
    /// figures (counts, kronor per invånare) are rows of type `storhet`, without unit.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// let mut t = Table::new("RS", Scale::Tkr, vec![Column::outcome("2019")]);
    /// t.push_row(TableRow::new("k", "Kostnader; övriga", StatementRowKind::Line, ValueKind::Flow, vec![Some(Amount::kr(-1_234_500))]))?;
    /// t.decimals = 1;
    /// assert_eq!(t.to_csv(','), "id;post;typ;nivå;not;2019\r\nk;\"Kostnader; övriga\";post;0;;-1234,5\r\n");
    /// assert_eq!(t.to_csv('.'), "id,post,typ,nivå,not,2019\r\nk,Kostnader; övriga,post,0,,-1234.5\r\n");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    #[doc(alias = "csv")]
    pub fn to_csv(&self, decimal_separator: char) -> String {
        let delimiter = if decimal_separator == ',' { ';' } else { ',' };
        let machine = NumberFormat::machine().with_decimal_separator(decimal_separator);
        let mut out = String::new();
        let mut line = |fields: Vec<String>| {
            let joined: Vec<String> = fields.iter().map(|f| csv_field(f, delimiter)).collect();
            out.push_str(&joined.join(&delimiter.to_string()));
            out.push_str("\r\n");
        };
        let mut header: Vec<String> = ["id", "post", "typ", "nivå", "not"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        header.extend(self.columns.iter().map(|c| c.label.clone()));
        line(header);
        for row in &self.rows {
            let mut fields = vec![
                row.id.clone(),
                row.label.clone(),
                kind_word(row.kind).0.to_owned(),
                row.depth.to_string(),
                row.note.clone().unwrap_or_default(),
            ];
            for c in 0..self.columns.len() {
                fields.push(figure(self, &machine, row.cell(c)));
            }
            line(fields);
        }
        for ratio in &self.ratios {
            let mut fields = vec![
                String::new(),
                ratio.label.clone(),
                "nyckeltal".to_owned(),
                "0".to_owned(),
                String::new(),
            ];
            for c in 0..self.columns.len() {
                fields.push(
                    ratio
                        .values
                        .get(c)
                        .copied()
                        .flatten()
                        .map_or_else(String::new, |p| {
                            machine
                                .with_decimals(ratio.decimals)
                                .decimal(p.as_decimal())
                        }),
                );
            }
            line(fields);
        }
        for quantity in &self.quantities {
            let mut fields = vec![
                String::new(),
                quantity.label.clone(),
                "storhet".to_owned(),
                "0".to_owned(),
                String::new(),
            ];
            for c in 0..self.columns.len() {
                fields.push(quantity.value(c).map_or_else(String::new, |v| {
                    machine.with_decimals(quantity.decimals).decimal(v)
                }));
            }
            line(fields);
        }
        out
    }

    /// HTML: a semantic `<table>` with `<caption>`, `<thead>` (`scope="col"`) and
    /// `<tbody>` whose row labels are `<th scope="row">`; figures right-aligned
    /// (`class="num"` and an inline `text-align:right`), negative figures with
    /// `class="num negative"`, rows classed by kind (`heading`, `line`, `subtotal`,
    /// `total`, `of-which`, `ratio`, `quantity`) and indented by depth. All text is escaped; no
    /// script, no external resources.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// let mut t = Table::new("R&R", Scale::Tkr, vec![Column::outcome("2019")]);
    /// t.push_row(TableRow::new("k", "<b>Kostnader</b>", StatementRowKind::Line, ValueKind::Flow, vec![Some(Amount::tkr(-5))]))?;
    /// let html = t.to_html(&NumberFormat::swedish());
    /// assert!(html.contains("<caption>R&amp;R</caption>"));
    /// assert!(html.contains("<th scope=\"row\">&lt;b&gt;Kostnader&lt;/b&gt;</th>"));
    /// assert!(html.contains("<td class=\"num negative\" style=\"text-align:right\">\u{2212}5</td>"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    #[doc(alias = "html")]
    pub fn to_html(&self, format: &NumberFormat) -> String {
        const NUM: &str = " style=\"text-align:right\"";
        let notes = self.has_notes();
        let mut out = String::from("<table>\n");
        let _ = writeln!(out, "<caption>{}</caption>", html_escape(&self.caption));
        out.push_str("<thead>\n<tr>");
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            html_escape(&unit_heading(self))
        );
        if notes {
            out.push_str("<th scope=\"col\">Not</th>");
        }
        for c in &self.columns {
            let _ = write!(out, "<th scope=\"col\"{NUM}>{}</th>", html_escape(&c.label));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        let cell = |out: &mut String, text: &str| {
            if text.is_empty() {
                out.push_str("<td></td>");
            } else {
                let class = if text.starts_with(format.minus.as_char()) {
                    "num negative"
                } else {
                    "num"
                };
                let _ = write!(out, "<td class=\"{class}\"{NUM}>{}</td>", html_escape(text));
            }
        };
        for row in &self.rows {
            let class = kind_word(row.kind).1;
            let _ = write!(out, "<tr class=\"{class}\">");
            if row.depth > 0 {
                let _ = write!(
                    out,
                    "<th scope=\"row\" style=\"padding-left:{}em\">",
                    row.depth
                );
            } else {
                out.push_str("<th scope=\"row\">");
            }
            let _ = write!(out, "{}</th>", html_escape(&row.label));
            if notes {
                let _ = write!(
                    out,
                    "<td>{}</td>",
                    html_escape(row.note.as_deref().unwrap_or(""))
                );
            }
            for c in 0..self.columns.len() {
                let text = if row.kind == StatementRowKind::Heading {
                    String::new()
                } else {
                    figure(self, format, row.cell(c))
                };
                cell(&mut out, &text);
            }
            out.push_str("</tr>\n");
        }
        for ratio in &self.ratios {
            let _ = write!(
                out,
                "<tr class=\"ratio\"><th scope=\"row\">{}</th>",
                html_escape(&ratio.label)
            );
            if notes {
                out.push_str("<td></td>");
            }
            for c in 0..self.columns.len() {
                cell(&mut out, &ratio_figure(format, ratio, c));
            }
            out.push_str("</tr>\n");
        }
        for quantity in &self.quantities {
            let _ = write!(
                out,
                "<tr class=\"quantity\"><th scope=\"row\">{}</th>",
                html_escape(&quantity.label)
            );
            if notes {
                out.push_str("<td></td>");
            }
            for c in 0..self.columns.len() {
                cell(&mut out, &quantity_figure(format, quantity, c));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Percent, Scale};
    use crate::present::table::{Column, TableRow, ValueKind};

    #[test]
    fn text_counts_characters_not_bytes() {
        let mut t = Table::new(
            "Å",
            Scale::Tkr,
            vec![Column::outcome("2025"), Column::outcome("2024")],
        );
        t.push_row(
            TableRow::new(
                "a",
                "Årets resultat",
                StatementRowKind::Total,
                ValueKind::Flow,
                vec![Some(Amount::tkr(-1_234)), None],
            )
            .with_note("7"),
        )
        .unwrap();
        t.push_row(
            TableRow::new(
                "b",
                "Övrigt",
                StatementRowKind::Line,
                ValueKind::Flow,
                vec![Some(Amount::tkr(5)), Some(Amount::kr(499))],
            )
            .with_depth(1),
        )
        .unwrap();
        t.push_ratio(RatioRow {
            label: "Soliditet".into(),
            values: vec![Some(Percent::new("23.26".parse().unwrap())), None],
            decimals: 1,
        })
        .unwrap();
        let text = t.to_text(&NumberFormat::swedish());
        let expected = "Å\n\
            Belopp i tkr    Not    2025  2024\n\
            Årets resultat    7  \u{2212}1\u{a0}234\n\
            \x20\x20Övrigt                  5     0\n\
            Soliditet            23,3\u{a0}%\n";
        assert_eq!(text, expected);
    }
}
