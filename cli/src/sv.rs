//! Swedish texts for the errors of `std::io` and `serde_json` that the tool shows a
//! person. The library's own errors have `Error::sv`; these come from elsewhere and
//! speak English, so the common cases are put into Swedish here and the rest are shown
//! as they are.

/// An I/O error: the common kinds in Swedish, otherwise its own text (which for
/// `InvalidData` is the library's Swedish message).
pub fn io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "filen finns inte".to_owned(),
        ErrorKind::PermissionDenied => "behörighet saknas".to_owned(),
        ErrorKind::UnexpectedEof => "filen tar slut för tidigt".to_owned(),
        _ => e.to_string(),
    }
}

/// A JSON error with serde's usual phrases in Swedish and the place as "rad N,
/// kolumn M". Names of fields, variants and types are shown as serde gives them.
pub fn json(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let (line, column) = (e.line(), e.column());
    let place = format!(" at line {line} column {column}");
    let body = text.strip_suffix(&place).unwrap_or(&text);
    let mut body = body.to_owned();
    for (english, swedish) in [
        ("unknown field ", "okänt fält "),
        ("missing field ", "fält saknas: "),
        ("duplicate field ", "fältet finns två gånger: "),
        ("unknown variant ", "okänd variant "),
        ("invalid type: ", "fel typ: "),
        ("invalid value: ", "ogiltigt värde: "),
        ("invalid length ", "fel längd "),
        (", expected one of ", ", väntade ett av "),
        (", there are no fields", ", det finns inga fält"),
        (", expected ", ", väntade "),
        (
            "EOF while parsing a value",
            "filen tar slut mitt i ett värde",
        ),
        (
            "EOF while parsing an object",
            "filen tar slut mitt i ett objekt",
        ),
        ("EOF while parsing a list", "filen tar slut mitt i en lista"),
        (
            "EOF while parsing a string",
            "filen tar slut mitt i en sträng",
        ),
        ("trailing characters", "tecken efter slutet"),
        ("expected value", "väntade ett värde"),
        ("key must be a string", "nyckeln måste vara en sträng"),
        ("` or `", "` eller `"),
    ] {
        body = body.replacen(english, swedish, 1);
    }
    // What serde found, right after "fel typ: " or "ogiltigt värde: ".
    for lead in ["fel typ: ", "ogiltigt värde: "] {
        if let Some(rest) = body.strip_prefix(lead) {
            let found = [
                ("floating point ", "flyttal "),
                ("integer ", "heltal "),
                ("string ", "sträng "),
                ("boolean ", "sanningsvärde "),
                ("sequence", "lista"),
                ("map", "objekt"),
                ("null", "null"),
            ]
            .into_iter()
            .find_map(|(english, swedish)| {
                rest.strip_prefix(english)
                    .map(|tail| format!("{lead}{swedish}{tail}"))
            });
            if let Some(translated) = found {
                body = translated;
            }
            break;
        }
    }
    if line > 0 {
        format!("{body} (rad {line}, kolumn {column})")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn serde_phrases_and_place_in_swedish() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            a: u32,
        }
        let e = serde_json::from_str::<S>("{\"b\": 1}").unwrap_err();
        assert_eq!(
            super::json(&e),
            "okänt fält `b`, väntade `a` (rad 1, kolumn 4)"
        );
        let e = serde_json::from_str::<S>("{\"a\": 1").unwrap_err();
        assert_eq!(
            super::json(&e),
            "filen tar slut mitt i ett objekt (rad 1, kolumn 7)"
        );
        let e = serde_json::from_str::<S>("{\"a\": 1.5}").unwrap_err();
        assert_eq!(
            super::json(&e),
            "fel typ: flyttal `1.5`, väntade u32 (rad 1, kolumn 9)"
        );
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(super::io(&e), "filen finns inte");
    }
}
