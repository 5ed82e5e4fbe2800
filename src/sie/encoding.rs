//! Teckenkodning: code page 437 (the specification's "PC8"), with detection of files that
//! are really UTF-8 or ISO-8859-1.

/// Teckenkodning (character encoding) of an SIE file.
///
/// The specification allows only IBM PC 8-bit extended ASCII, code page 437 (`#FORMAT
/// PC8`), but many exporters write UTF-8 or ISO-8859-1 while declaring PC8.
///
/// ```
/// use kommunal_redovisning::sie::{Encoding, detect_encoding};
///
/// // "Växjö" as UTF-8 bytes is detected, although the file declares PC8.
/// assert_eq!(detect_encoding("#FNAMN \"Växjö kommun\"".as_bytes()), Some(Encoding::Utf8));
/// // In code page 437, ä is 0x84 and ö is 0x94.
/// assert_eq!(Encoding::Cp437.encode("Växjö"), b"V\x84xj\x94");
/// assert_eq!(Encoding::Cp437.decode(b"V\x84xj\x94"), "Växjö");
/// ```
#[doc(alias = "teckenkodning")]
#[doc(alias = "PC8")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Encoding {
    /// IBM PC code page 437, `#FORMAT PC8`: what the specification requires.
    Cp437,
    /// UTF-8, as many modern exporters write despite declaring PC8.
    Utf8,
    /// ISO-8859-1 (Latin-1).
    Latin1,
}

impl Encoding {
    /// The encoding's usual name, as used in diagnostics.
    ///
    /// ```
    /// use kommunal_redovisning::sie::Encoding;
    /// assert_eq!(Encoding::Cp437.name(), "cp437");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Cp437 => "cp437",
            Encoding::Utf8 => "utf-8",
            Encoding::Latin1 => "iso-8859-1",
        }
    }

    /// Decodes bytes in this encoding into a string. Invalid UTF-8 becomes U+FFFD.
    ///
    /// ```
    /// use kommunal_redovisning::sie::Encoding;
    /// assert_eq!(Encoding::Cp437.decode(b"F\x94retag"), "Företag");
    /// assert_eq!(Encoding::Latin1.decode(b"F\xf6retag"), "Företag");
    /// ```
    #[must_use]
    pub fn decode(self, bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len());
        self.decode_into(bytes, &mut out);
        out
    }

    pub(crate) fn decode_into(self, bytes: &[u8], out: &mut String) {
        if bytes.is_ascii() {
            // ASCII is the same in all three encodings.
            out.push_str(std::str::from_utf8(bytes).unwrap_or_default());
            return;
        }
        match self {
            Encoding::Cp437 => {
                out.reserve(bytes.len() + 8);
                for &b in bytes {
                    out.push(cp437_char(b));
                }
            }
            Encoding::Latin1 => out.extend(bytes.iter().map(|&b| char::from(b))),
            Encoding::Utf8 => out.push_str(&String::from_utf8_lossy(bytes)),
        }
    }

    /// Encodes a string into this encoding; characters it cannot represent become `?`.
    ///
    /// ```
    /// use kommunal_redovisning::sie::Encoding;
    /// assert_eq!(Encoding::Cp437.encode("Företag"), b"F\x94retag");
    /// ```
    #[must_use]
    pub fn encode(self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len());
        self.encode_into(text, &mut out);
        out
    }

    pub(crate) fn encode_into(self, text: &str, out: &mut Vec<u8>) {
        match self {
            Encoding::Utf8 => out.extend_from_slice(text.as_bytes()),
            Encoding::Latin1 => out.extend(
                text.chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')),
            ),
            Encoding::Cp437 => out.extend(text.chars().map(cp437_byte)),
        }
    }

    /// Whether every character of `text` can be written in this encoding.
    #[must_use]
    pub fn can_encode(self, text: &str) -> bool {
        match self {
            Encoding::Utf8 => true,
            Encoding::Latin1 => text.chars().all(|c| u32::from(c) < 256),
            Encoding::Cp437 => text
                .chars()
                .all(|c| c.is_ascii() || CP437_HIGH.contains(&c)),
        }
    }
}

/// The characters of CP437 bytes 0x80–0xFF.
const CP437_HIGH: [char; 128] = [
    '\u{00c7}', '\u{00fc}', '\u{00e9}', '\u{00e2}', '\u{00e4}', '\u{00e0}', '\u{00e5}', '\u{00e7}',
    '\u{00ea}', '\u{00eb}', '\u{00e8}', '\u{00ef}', '\u{00ee}', '\u{00ec}', '\u{00c4}', '\u{00c5}',
    '\u{00c9}', '\u{00e6}', '\u{00c6}', '\u{00f4}', '\u{00f6}', '\u{00f2}', '\u{00fb}', '\u{00f9}',
    '\u{00ff}', '\u{00d6}', '\u{00dc}', '\u{00a2}', '\u{00a3}', '\u{00a5}', '\u{20a7}', '\u{0192}',
    '\u{00e1}', '\u{00ed}', '\u{00f3}', '\u{00fa}', '\u{00f1}', '\u{00d1}', '\u{00aa}', '\u{00ba}',
    '\u{00bf}', '\u{2310}', '\u{00ac}', '\u{00bd}', '\u{00bc}', '\u{00a1}', '\u{00ab}', '\u{00bb}',
    '\u{2591}', '\u{2592}', '\u{2593}', '\u{2502}', '\u{2524}', '\u{2561}', '\u{2562}', '\u{2556}',
    '\u{2555}', '\u{2563}', '\u{2551}', '\u{2557}', '\u{255d}', '\u{255c}', '\u{255b}', '\u{2510}',
    '\u{2514}', '\u{2534}', '\u{252c}', '\u{251c}', '\u{2500}', '\u{253c}', '\u{255e}', '\u{255f}',
    '\u{255a}', '\u{2554}', '\u{2569}', '\u{2566}', '\u{2560}', '\u{2550}', '\u{256c}', '\u{2567}',
    '\u{2568}', '\u{2564}', '\u{2565}', '\u{2559}', '\u{2558}', '\u{2552}', '\u{2553}', '\u{256b}',
    '\u{256a}', '\u{2518}', '\u{250c}', '\u{2588}', '\u{2584}', '\u{258c}', '\u{2590}', '\u{2580}',
    '\u{03b1}', '\u{00df}', '\u{0393}', '\u{03c0}', '\u{03a3}', '\u{03c3}', '\u{00b5}', '\u{03c4}',
    '\u{03a6}', '\u{0398}', '\u{03a9}', '\u{03b4}', '\u{221e}', '\u{03c6}', '\u{03b5}', '\u{2229}',
    '\u{2261}', '\u{00b1}', '\u{2265}', '\u{2264}', '\u{2320}', '\u{2321}', '\u{00f7}', '\u{2248}',
    '\u{00b0}', '\u{2219}', '\u{00b7}', '\u{221a}', '\u{207f}', '\u{00b2}', '\u{25a0}', '\u{00a0}',
];

/// The character of one CP437 byte.
#[inline]
pub(crate) fn cp437_char(b: u8) -> char {
    if b < 0x80 {
        char::from(b)
    } else {
        CP437_HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{fffd}')
    }
}

/// Whether `b` is printable ASCII (0x20–0x7E): the same character in every encoding.
#[inline(always)]
fn printable(b: u8) -> bool {
    b.wrapping_sub(b' ') < 0x5f
}

/// Length of the run of printable ASCII bytes that `bytes` starts with, eight bytes at
/// a time.
#[inline]
pub(crate) fn printable_prefix(bytes: &[u8]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0usize;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let w = u64::from_le_bytes(w);
        // Per byte, without carries between bytes: the high bit of `x + 0x60` is set
        // from 0x20 up, that of `x + 1` only at 0x7F; bytes from 0x80 have it in `w`.
        let x = w & !HI;
        let bad = (w | !x.wrapping_add(LO * 0x60) | x.wrapping_add(LO)) & HI;
        if bad != 0 {
            return base + (bad.trailing_zeros() / 8) as usize;
        }
        base += 8;
    }
    base + chunks
        .remainder()
        .iter()
        .position(|&b| !printable(b))
        .unwrap_or(chunks.remainder().len())
}

/// Decodes a field of printable ASCII and, when the encoding `enc` is known, its other
/// bytes from 0x80 into `out` (cleared first, its allocation reused). False when a byte
/// is a control character (below 0x20, or 0x7F), when a byte from 0x80 comes without a
/// known encoding, or when UTF-8 is not valid: `out` then holds nothing of use and the
/// caller decodes the field the general way. Where it returns true, the result is
/// exactly [`Encoding::decode`]'s.
#[inline(always)]
pub(crate) fn decode_plain_into(src: &[u8], enc: Option<Encoding>, out: &mut String) -> bool {
    out.clear();
    if src.len() >= 16 && printable_prefix(src) == src.len() {
        return copy_printable(src, out);
    }
    out.reserve(src.len());
    for &b in src {
        if printable(b) {
            // `& 0x7f` tells the compiler the character is one byte long.
            out.push(char::from(b & 0x7f));
        } else if b >= 0x80 {
            match enc {
                Some(Encoding::Latin1) => out.push(char::from(b)),
                Some(Encoding::Cp437) => out.push(cp437_char(b)),
                Some(Encoding::Utf8) => return utf8_into(src, out),
                None => return false,
            }
        } else {
            return false;
        }
    }
    true
}

/// A field in UTF-8 into `out`: the bytes as they are when they are valid UTF-8 without
/// control characters (validated once), else false.
#[inline(never)]
fn utf8_into(src: &[u8], out: &mut String) -> bool {
    out.clear();
    if src.iter().any(|&b| b < b' ' || b == 0x7f) {
        return false;
    }
    match std::str::from_utf8(src) {
        Ok(s) => {
            out.push_str(s);
            true
        }
        Err(_) => false,
    }
}

/// A long field of printable ASCII into `out` (empty): copied in one go and validated
/// once, cheaper than byte by byte from about 16 bytes on.
#[inline(never)]
fn copy_printable(src: &[u8], out: &mut String) -> bool {
    let mut v = std::mem::take(out).into_bytes();
    v.extend_from_slice(src);
    match String::from_utf8(v) {
        Ok(s) => {
            *out = s;
            true
        }
        // Cannot happen (printable ASCII); decoded the general way all the same.
        Err(_) => false,
    }
}

/// The CP437 byte of one character, `?` when it has none.
pub(crate) fn cp437_byte(c: char) -> u8 {
    if c.is_ascii() {
        return u8::try_from(u32::from(c)).unwrap_or(b'?');
    }
    CP437_HIGH
        .iter()
        .position(|&h| h == c)
        .and_then(|i| u8::try_from(i + 0x80).ok())
        .unwrap_or(b'?')
}

/// Guesses the encoding of a sample of an SIE file. `None` when the sample is pure ASCII
/// (nothing to decide yet).
///
/// UTF-8 wins when the non-ASCII bytes form valid UTF-8 sequences (a sequence cut at the
/// end of the sample is allowed). Otherwise the bytes that are Swedish letters in CP437
/// (0x80–0x9A, 0xA0–0xA5) are weighed against those that are Swedish letters in
/// ISO-8859-1 (0xC0–0xFF).
///
/// ```
/// use kommunal_redovisning::sie::{Encoding, detect_encoding};
/// assert_eq!(detect_encoding(b"#FNAMN \"F\x94retaget\""), Some(Encoding::Cp437));
/// assert_eq!(detect_encoding("#FNAMN \"Företaget\"".as_bytes()), Some(Encoding::Utf8));
/// assert_eq!(detect_encoding(b"#FNAMN \"F\xf6retaget\""), Some(Encoding::Latin1));
/// assert_eq!(detect_encoding(b"#FNAMN \"Foretaget\""), None);
/// ```
#[doc(alias = "teckenkodning")]
#[must_use]
pub fn detect_encoding(sample: &[u8]) -> Option<Encoding> {
    if sample.is_ascii() {
        return None;
    }
    let utf8_ok = match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && e.valid_up_to() + 4 > sample.len(),
    };
    if utf8_ok {
        return Some(Encoding::Utf8);
    }
    let mut cp437 = 0usize;
    let mut latin1 = 0usize;
    for &b in sample {
        match b {
            0x80..=0x9a | 0xa0..=0xa5 => cp437 += 1,
            0xc0..=0xff => latin1 += 1,
            _ => {}
        }
    }
    if latin1 > cp437 {
        Some(Encoding::Latin1)
    } else {
        Some(Encoding::Cp437)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_all_cp437_bytes() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        let text = Encoding::Cp437.decode(&bytes);
        assert_eq!(Encoding::Cp437.encode(&text), bytes);
    }

    /// Every byte alone and in fields across the short (< 8), byte-by-byte (< 16) and
    /// copied (≥ 16) lengths: the fast decoding is [`Encoding::decode`]'s wherever it
    /// accepts the field, and it refuses exactly control characters and, without a
    /// single-byte encoding, bytes from 0x80.
    #[test]
    fn plain_decoding_is_the_general_decoding() {
        let encodings = [
            None,
            Some(Encoding::Cp437),
            Some(Encoding::Latin1),
            Some(Encoding::Utf8),
        ];
        for high in encodings {
            for b in 0u8..=255 {
                for len in [1usize, 7, 8, 15, 16, 17, 40] {
                    for at in [0, len / 2, len - 1] {
                        let mut src = vec![b'a'; len];
                        src[at] = b;
                        let mut out = String::from("reused");
                        let ok = decode_plain_into(&src, high, &mut out);
                        // A lone byte from 0x80 is never valid UTF-8.
                        let refused = b < 0x20
                            || b == 0x7f
                            || (b >= 0x80 && matches!(high, None | Some(Encoding::Utf8)));
                        assert_eq!(ok, !refused, "{b:#x} {len} {at} {high:?}");
                        if ok {
                            let enc = high.unwrap_or(Encoding::Cp437);
                            assert_eq!(out, enc.decode(&src), "{b:#x} {len} {at} {high:?}");
                        }
                    }
                }
            }
        }
        // Valid UTF-8 in a UTF-8 file is taken as it is, anywhere in short and long
        // fields; a control character or a cut sequence sends it the general way.
        for text in [
            "å",
            "Öppen förskola",
            "€ 5",
            "Anna Åberg, kommunstyrelsen",
            "x\u{1f600}",
        ] {
            for extra in [&b""[..], b"\t", b"\xc3", b"\x7f"] {
                let src = [text.as_bytes(), extra].concat();
                let mut out = String::new();
                let ok = decode_plain_into(&src, Some(Encoding::Utf8), &mut out);
                assert_eq!(ok, extra.is_empty(), "{text} {extra:?}");
                if ok {
                    assert_eq!(out, Encoding::Utf8.decode(&src));
                }
                let ok = decode_plain_into(&src, None, &mut out);
                assert!(!ok, "{text}: without a known encoding");
            }
        }
    }

    proptest::proptest! {
        /// Any bytes, in every encoding: the plain decoding refuses exactly the fields
        /// with a control byte (and, without a known one-byte encoding, a byte from
        /// 0x80), and decodes the rest as the general decoding does.
        #[test]
        fn plain_decoding_of_any_bytes_is_the_general_one(
            src in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            enc in 0usize..2,
        ) {
            let enc = [Encoding::Cp437, Encoding::Latin1][enc];
            let mut out = String::from("reused");
            let ok = decode_plain_into(&src, Some(enc), &mut out);
            let control = src.iter().any(|&b| b < 0x20 || b == 0x7f);
            proptest::prop_assert_eq!(ok, !control);
            if ok {
                proptest::prop_assert_eq!(out, enc.decode(&src));
            }
        }
    }

    #[test]
    fn printable_prefix_finds_the_first_other_byte() {
        for len in 0..40 {
            for at in 0..=len {
                for b in [0u8, 0x1f, 0x7f, 0x80, 0xff] {
                    let mut src = vec![b'~'; len];
                    src.extend_from_slice(b" z");
                    if at < len {
                        src[at] = b;
                    }
                    let expected = if at < len { at } else { len + 2 };
                    assert_eq!(printable_prefix(&src), expected, "{len} {at} {b:#x}");
                }
            }
        }
    }

    #[test]
    fn swedish_letters() {
        assert_eq!(
            Encoding::Cp437.decode(&[0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]),
            "åäöÅÄÖ"
        );
        assert_eq!(cp437_char(0xff), '\u{a0}');
    }
}
