//! Deterministic generator of a municipal-style SIE 4E file (Kommun-Bas accounts, two
//! dimensions with objects, vouchers of 2–6 rows plus some very large ones, quoted texts
//! with å/ä/ö in CP437 and escaped quotes). Shared by the benchmark and the
//! `sie_generate` example.
#![allow(dead_code)]

/// A small deterministic PRNG (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// CP437 bytes of a string with Swedish letters.
fn cp437(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            'å' => 0x86,
            'ä' => 0x84,
            'ö' => 0x94,
            'Å' => 0x8f,
            'Ä' => 0x8e,
            'Ö' => 0x99,
            'é' => 0x82,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}

const BALANCE_ACCOUNTS: &[(&str, &str)] = &[
    ("1110", "Byggnader"),
    ("1119", "Ackumulerade avskrivningar byggnader"),
    ("1210", "Maskiner"),
    ("1220", "Inventarier"),
    ("1229", "Ackumulerade avskrivningar inventarier"),
    ("1510", "Kundfordringar"),
    ("1630", "Skattekonto"),
    ("1710", "Förutbetalda kostnader"),
    ("1930", "Bank, koncernkonto"),
    ("2010", "Eget kapital"),
    ("2440", "Leverantörsskulder"),
    ("2610", "Utgående moms"),
    ("2640", "Ingående moms"),
    ("2710", "Personalens källskatt"),
    ("2730", "Lagstadgade sociala avgifter"),
    ("2920", "Upplupna semesterlöner"),
];

const RESULT_ACCOUNTS: &[(&str, &str)] = &[
    ("3010", "Taxor och avgifter"),
    ("3110", "Hyror och arrenden"),
    ("3410", "Bidrag från staten"),
    ("3510", "Försäljning av verksamhet"),
    ("4010", "Inköp av material"),
    ("4310", "Entreprenad och köp av verksamhet"),
    ("4610", "Lämnade bidrag"),
    ("5010", "Lön månadsavlönade"),
    ("5410", "Arbetsgivaravgifter"),
    ("5610", "Pensionskostnader"),
    ("6110", "Lokalhyror"),
    ("6210", "Fastighetsentreprenad"),
    ("6410", "Förbrukningsinventarier"),
    ("6510", "Kontorsmaterial och trycksaker"),
    ("6710", "Resor och logi"),
    ("6910", "Övriga främmande tjänster"),
    ("7010", "Konsulttjänster"),
    ("7310", "Avskrivningar byggnader"),
    ("8010", "Skatteintäkter"),
    ("8410", "Räntekostnader"),
];

const TEXTS: &[&str] = &[
    "Faktura",
    "Leverantörsfaktura",
    "Lön",
    "Hyra lokal",
    "Städning skolor",
    "Måltidsservice",
    "Äldreomsorg hemtjänst",
    "Öppen förskola",
    "Återbetalning",
    "Omföring",
];

/// Generates a file with `vouchers` vouchers of 2–6 rows, every 10 000th one with
/// 2 000 rows, and 300 ansvar objects.
pub fn generate(vouchers: u64) -> Vec<u8> {
    generate_with(vouchers, 300)
}

/// [`generate`] with `ansvar` objects of dimension 1 (ansvar), each row on one of them
/// at random: how the cost grows with the number of objects.
pub fn generate_with(vouchers: u64, ansvar: u64) -> Vec<u8> {
    let ansvar = ansvar.max(1);
    let mut rng = Rng::new(0x5e5e_2025);
    let mut out = Vec::with_capacity((vouchers as usize).saturating_mul(360) + 65_536);
    let push = |out: &mut Vec<u8>, s: &str| out.extend_from_slice(&cp437(s));
    push(
        &mut out,
        "#FLAGGA 0\n#PROGRAM \"Kommunekonomi\" 7.4\n#FORMAT PC8\n#GEN 20260115 \"Ekonomiavdelningen\"\n#SIETYP 4\n",
    );
    push(
        &mut out,
        "#FNAMN \"Exempelstads kommun\"\n#ORGNR 212000-0000\n#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n#KPTYP EUBAS97\n#VALUTA SEK\n",
    );
    for (n, name) in BALANCE_ACCOUNTS.iter().chain(RESULT_ACCOUNTS) {
        push(&mut out, &format!("#KONTO {n} \"{name}\"\n"));
    }
    push(&mut out, "#DIM 1 \"Ansvar\"\n#DIM 20 \"Verksamhet\"\n");
    for a in 0..ansvar {
        push(
            &mut out,
            &format!("#OBJEKT 1 \"{}\" \"Ansvar {} förvaltning\"\n", 1000 + a, a),
        );
    }
    for v in 0..150 {
        push(
            &mut out,
            &format!(
                "#OBJEKT 20 \"{}\" \"Verksamhet {} äldreomsorg\"\n",
                100 + v * 3,
                v
            ),
        );
    }
    // Opening balances with the signs a balance sheet has (assets positive, accumulated
    // depreciation and liabilities negative), eget kapital balancing them.
    let mut opening = Vec::with_capacity(BALANCE_ACCOUNTS.len());
    for (n, _) in BALANCE_ACCOUNTS {
        let size = 1_000_000 + rng.below(24_000_000) as i64;
        let ib = if n.starts_with('1') && !n.ends_with('9') {
            size
        } else {
            -size / 4
        };
        opening.push((*n, ib));
    }
    let others: i64 = opening
        .iter()
        .filter(|(n, _)| *n != "2010")
        .map(|(_, b)| b)
        .sum();
    for (n, ib) in &mut opening {
        if *n == "2010" {
            *ib = -others;
        }
        push(&mut out, &format!("#IB 0 {n} {}\n", ore_text(*ib)));
    }
    let mut bank: i64 = 0;
    let mut line = String::with_capacity(256);
    for v in 1..=vouchers {
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(12);
        let text = TEXTS[rng.below(TEXTS.len() as u64) as usize];
        line.clear();
        if v % 50 == 0 {
            line.push_str(&format!("#VER A {v} 2025{month:02}{day:02} \"{text} \\\"{v}\\\" kvartal\" 2025{month:02}{day:02}\n{{\n"));
        } else {
            line.push_str(&format!("#VER A {v} 2025{month:02}{day:02} \"{text} {v}\" 2025{month:02}{day:02} \"Anna Åberg\"\n{{\n"));
        }
        let rows = if v % 10_000 == 0 {
            2_000
        } else {
            1 + rng.below(5)
        };
        let mut sum: i64 = 0;
        for _ in 0..rows {
            let (acct, _) = RESULT_ACCOUNTS[rng.below(RESULT_ACCOUNTS.len() as u64) as usize];
            let cents = rng.below(2_000_000) as i64 - 400_000;
            sum += cents;
            let object = 1000 + rng.below(ansvar);
            let verks = 100 + rng.below(150) * 3;
            let row_text = if rng.below(3) == 0 {
                String::new()
            } else {
                format!(
                    "{} {}",
                    TEXTS[rng.below(TEXTS.len() as u64) as usize],
                    10_000 + rng.below(90_000)
                )
            };
            line.push_str(&format!(
                "#TRANS {acct} {{1 \"{object}\" 20 \"{verks}\"}} {}{}.{:02} 2025{month:02}{day:02} \"{row_text}\"\n",
                if cents < 0 { "-" } else { "" },
                cents.abs() / 100,
                cents.abs() % 100
            ));
        }
        let bal = -sum;
        bank += bal;
        line.push_str(&format!(
            "#TRANS 1930 {{}} {}{}.{:02} \"\" \"{text}\"\n}}\n",
            if bal < 0 { "-" } else { "" },
            bal.abs() / 100,
            bal.abs() % 100
        ));
        push(&mut out, &line);
    }
    // Closing balances: the opening ones, the bank's with the year's payments.
    for (n, ib) in &opening {
        let ub = if *n == "1930" { ib + bank } else { *ib };
        push(&mut out, &format!("#UB 0 {n} {}\n", ore_text(ub)));
    }
    out
}

/// An amount in öre as SIE writes it (`-12.05`).
fn ore_text(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", ore.abs() / 100, ore.abs() % 100)
}
