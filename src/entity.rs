//! The reporting entity (redovisningsenhet): a kommun, a region or a kommunalförbund.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// What kind of body reports (huvudmannens form). LKBR applies to all three
/// (1 kap. 3 § extends it to kommunalförbund).
///
/// ```
/// use kommunal_redovisning::EntityKind;
/// assert!(EntityKind::Kommun.has_tax_revenue());
/// assert!(!EntityKind::Kommunalforbund.has_tax_revenue()); // no skatteintäkter in its RS
/// assert_eq!(EntityKind::Kommunalforbund.label(), "kommunalförbund");
/// ```
#[doc(alias = "kommun")]
#[doc(alias = "region")]
#[doc(alias = "kommunalförbund")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EntityKind {
    /// Kommun (municipality).
    Kommun,
    /// Region (formerly landsting).
    Region,
    /// Kommunalförbund (a federation of municipalities, KL 9 kap.). Has no
    /// skatteintäkter or generella statsbidrag: its resultaträkning leaves those lines out.
    Kommunalforbund,
}

impl EntityKind {
    /// `true` for kommuner and regioner, which levy tax and receive generella statsbidrag.
    #[must_use]
    pub fn has_tax_revenue(self) -> bool {
        !matches!(self, EntityKind::Kommunalforbund)
    }

    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Kommun => "kommun",
            EntityKind::Region => "region",
            EntityKind::Kommunalforbund => "kommunalförbund",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A Swedish organisationsnummer: ten digits, written `NNNNNN-NNNN`, the last digit a
/// Luhn (modulus 10) check digit. Kommuner and regioner have numbers beginning 212000
/// or 232100; kommunalförbund 222000 — not enforced, since the rule is practice.
///
/// ```
/// use kommunal_redovisning::OrganisationNumber;
///
/// let nr: OrganisationNumber = "212000-0142".parse()?;
/// assert_eq!(nr.to_string(), "212000-0142");
/// assert_eq!("2120000142".parse::<OrganisationNumber>()?, nr);
/// assert!("212000-0143".parse::<OrganisationNumber>().is_err()); // wrong check digit
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "organisationsnummer")]
#[doc(alias = "orgnr")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrganisationNumber([u8; 10]);

impl OrganisationNumber {
    /// The ten digits without hyphen.
    #[must_use]
    pub fn digits(&self) -> String {
        self.0.iter().map(|d| char::from(b'0' + d)).collect()
    }
}

impl FromStr for OrganisationNumber {
    type Err = Error;

    /// Accepts `NNNNNN-NNNN` or ten digits; surrounding whitespace is ignored.
    fn from_str(s: &str) -> Result<Self> {
        let invalid = |reason| Error::InvalidOrganisationNumber {
            input: s.to_owned(),
            reason,
        };
        let t = s.trim();
        let bytes = t.as_bytes();
        let compact: Vec<u8> = match bytes.len() {
            10 => bytes.to_vec(),
            11 if bytes.get(6) == Some(&b'-') => bytes
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 6)
                .map(|(_, b)| *b)
                .collect(),
            _ => return Err(invalid("väntade tio siffror, skrivna NNNNNN-NNNN")),
        };
        let mut digits = [0u8; 10];
        for (slot, b) in digits.iter_mut().zip(&compact) {
            if !b.is_ascii_digit() {
                return Err(invalid("väntade tio siffror, skrivna NNNNNN-NNNN"));
            }
            *slot = b - b'0';
        }
        if luhn_sum(&digits) % 10 != 0 {
            return Err(invalid("kontrollsiffran (Luhn, modulus 10) stämmer inte"));
        }
        Ok(OrganisationNumber(digits))
    }
}

/// The Luhn sum over all ten digits (weights 2,1,2,1,… from the left).
fn luhn_sum(digits: &[u8; 10]) -> u32 {
    digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = if i % 2 == 0 {
                u32::from(d) * 2
            } else {
                u32::from(d)
            };
            if v > 9 { v - 9 } else { v }
        })
        .sum()
}

impl fmt::Display for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.digits();
        let (a, b) = s.split_at(6);
        write!(f, "{a}-{b}")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OrganisationNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for OrganisationNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse::<OrganisationNumber>()
            .map_err(|e| serde::de::Error::custom(e.sv()))
    }
}

/// The body that reports (redovisningsenhet): name, organisation number when known,
/// and kind.
///
/// ```
/// use kommunal_redovisning::{Entity, EntityKind};
///
/// let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// assert!(lystkom.organisation_number.is_none()); // the report text does not give it
/// assert!(!lystkom.kind.has_tax_revenue());
/// ```
#[doc(alias = "redovisningsenhet")]
#[doc(alias = "huvudman")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Entity {
    /// Name, e.g. "Grästorps kommun".
    pub name: String,
    /// Organisationsnummer, when known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub organisation_number: Option<OrganisationNumber>,
    /// Kommun, region or kommunalförbund.
    pub kind: EntityKind,
}

impl Entity {
    /// An entity without organisation number.
    ///
    /// ```
    /// use kommunal_redovisning::{Entity, EntityKind};
    /// let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
    /// assert_eq!(lystkom.organisation_number, None);
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>, kind: EntityKind) -> Self {
        Entity {
            name: name.into(),
            organisation_number: None,
            kind,
        }
    }

    /// The same entity with an organisation number.
    ///
    /// ```
    /// use kommunal_redovisning::{Entity, EntityKind, OrganisationNumber};
    /// let nr: OrganisationNumber = "212000-0142".parse()?;
    /// let kommun = Entity::new("Exempelkommun (påhittad)", EntityKind::Kommun).with_organisation_number(nr);
    /// assert_eq!(kommun.organisation_number.map(|n| n.to_string()).as_deref(), Some("212000-0142"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_organisation_number(mut self, number: OrganisationNumber) -> Self {
        self.organisation_number = Some(number);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_examples() {
        // 2·2 + 1 + 2·2 + 0 + 0 + 0 + 0 + 1 + 2·4 = 18, so the check digit is 2.
        assert!("212000-0142".parse::<OrganisationNumber>().is_ok());
        // 5·2=10→1, 5, 6·2=12→3, 0, 3·2=6, 6, 0, 7, 9·2=18→9 = 37, check 3.
        assert!("556036-0793".parse::<OrganisationNumber>().is_ok());
        for bad in [
            "212000-0141",
            "21200-00142",
            "212000_0142",
            "21200001420",
            "abcdef-ghij",
            "",
        ] {
            assert!(bad.parse::<OrganisationNumber>().is_err(), "{bad}");
        }
        let err = "212000-0141"
            .parse::<OrganisationNumber>()
            .unwrap_err()
            .to_string();
        assert!(err.contains("kontrollsiffran"), "{err}");
    }

    #[test]
    fn non_ascii_input_does_not_panic() {
        assert!("ååååå-ååå".parse::<OrganisationNumber>().is_err());
        assert!("2120000-142".parse::<OrganisationNumber>().is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip() {
        let e = Entity::new("Stockholms stad", EntityKind::Kommun)
            .with_organisation_number("2120000142".parse().unwrap());
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains("\"212000-0142\""), "{json}");
        assert_eq!(serde_json::from_str::<Entity>(&json).unwrap(), e);
        assert!(serde_json::from_str::<OrganisationNumber>("\"212000-0143\"").is_err());
    }
}
