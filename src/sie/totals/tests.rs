//! Unit tests of the sums: the fast lanes against the general route.

use super::*;
use proptest::prelude::*;

/// What the general route makes of a row: account key, (dimension, object key)
/// pairs and öre, when it takes the öre path.
type Keyed = (u64, Vec<(u32, u64)>, i64);

fn general(line: &[u8]) -> Option<Keyed> {
    let mut plain = PlainRow::EMPTY;
    if !scan_plain_row_head(line, &mut plain) {
        return None;
    }
    let cents = parse_cents(plain.amount.bytes(line))?;
    let mut keys = Keys::default();
    let mut scratch = Vec::new();
    let account = keys.key(token_bytes(&plain.account, line, &mut scratch), 0);
    let pairs = plain
        .pairs
        .iter()
        .take(plain.pairs_len)
        .map(|(d, t)| (*d, keys.key(token_bytes(t, line, &mut scratch), 0)))
        .collect();
    Some((account, pairs, cents))
}

fn digit_row_of(line: &[u8]) -> Option<DigitRow> {
    let mut row = DigitRow::EMPTY;
    digit_row(line, &mut row).map(|()| row)
}

fn same_as_general(line: &[u8]) {
    if let Some(row) = digit_row_of(line) {
        let fast = (
            row.account,
            row.pairs.iter().take(row.pairs_len).copied().collect(),
            row.cents,
        );
        assert_eq!(
            Some(fast),
            general(line),
            "{}",
            String::from_utf8_lossy(line)
        );
    }
}

#[test]
fn digit_rows_read_as_the_general_route_reads_them() {
    let lines: &[&[u8]] = &[
        b"#TRANS 3010 {1 \"1176\" 20 \"388\"} 11791.77 20251022 \"St\x84dning\"",
        b"#TRANS 1930 {} -17236.82 \"\" \"x\"",
        b"#TRANS 1930 {} -0.00",
        b"#TRANS  1930  {  1  7 }  5.5",
        b"#TRANS 1930 {1 7} 5\t20250101",
        b"#TRANS 1930 {1 7} 12345678901234.56",
        b"#TRANS 1930 {1 7} 123456789012345.6",
        b"#TRANS 1930 {1 7} 5.",
        b"#TRANS 1930 {1 7} .5",
        b"#TRANS 1930 {1 7} 5.555",
        b"#TRANS 1930 {1 7} 5x",
        b"#TRANS 1930 {1 7}5",
        b"#TRANS 1930 {1 \"\"} 5",
        b"#TRANS 1930 {1 \"7 \"} 5",
        b"#TRANS 1930 {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16} 5",
        b"#TRANS 1930 {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18} 5",
        b"#TRANS 0001930 {1 007} 5",
        b"#TRANS 1234567890123456 {} 5",
        b"#TRANS 1930 {1234567890 7} 5",
    ];
    let mut taken = 0;
    for line in lines {
        same_as_general(line);
        taken += usize::from(digit_row_of(line).is_some());
    }
    // The fast lane takes the plain rows, not only the near misses.
    assert!(taken >= 8, "{taken}");
    assert!(digit_row_of(b"#TRANS 1930 {1 7} 5.").is_none());
    assert!(digit_row_of(b"#TRANS 1930 {1 7} 5.555").is_none());
}

proptest! {
    /// The table of four-digit accounts and the map beside it sum as one map does.
    #[test]
    fn account_tables_sum_as_one_map(
        rows in prop::collection::vec(("[0-9]{1,6}", -1_000_000i64..1_000_000), 0..60),
    ) {
        let mut accounts = AccountTable::<Acc>::default();
        let mut reference = FastMap::<u64>::default();
        for (digits, cents) in &rows {
            let key = crate::sie::reader::digit_key(digits.as_bytes(), 15).unwrap_or_default();
            accounts.add_cents(key, i128::from(*cents));
            add_cents(&mut reference, key, i128::from(*cents));
        }
        let mut got: Vec<(u64, i128)> = accounts.into_iter().map(|(k, a)| (k, a.cents())).collect();
        got.sort_unstable();
        let mut expected: Vec<(u64, i128)> = reference.into_iter().map(|(k, a)| (k, a.cents())).collect();
        expected.sort_unstable();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn digit_rows_agree_with_the_general_route(
        tail in prop::collection::vec(prop::sample::select(b" 0123456789{}\".-\tx\x84".to_vec()), 0..40)
    ) {
        let mut line = b"#TRANS ".to_vec();
        line.extend_from_slice(&tail);
        same_as_general(&line);
        // Shaped like a row, so that the lane is really exercised.
        let mut row = b"#TRANS 1930 {1 \"7\"} ".to_vec();
        row.extend_from_slice(&tail);
        same_as_general(&row);
    }
}

/// Object groups: every sum handed over once, each group one whole object in account
/// order, the objects from the last to the first — also past the steps in which the vector is given back
/// (200 000 sums: three of them), and an error ends it at once.
#[test]
fn object_groups_hand_over_every_sum_once_per_object() {
    let mut sums = Vec::new();
    for i in 0..200_000u64 {
        // Objects of one to six accounts, in an order that is not theirs.
        let object = (i * 7_919) % 60_000;
        let key = ObjectKey {
            dimension: 1 + (object % 3) as u32,
            object,
            account: i,
        };
        sums.push((key, i));
    }
    let mut seen = vec![false; sums.len()];
    let mut last: Option<(u32, u64)> = None;
    let mut objects = std::collections::HashSet::new();
    let done: Result<(), ()> = object_groups(sums, |group| {
        let first = group.first().map(|(k, _)| (k.dimension, k.object));
        assert!(first.is_some());
        for (k, v) in group {
            assert_eq!(Some((k.dimension, k.object)), first);
            assert!(!std::mem::replace(&mut seen[*v as usize], true));
        }
        assert!(group.is_sorted_by_key(|(k, _)| k.account));
        assert!(
            last.is_none_or(|l| first < Some(l)),
            "{first:?} after {last:?}"
        );
        assert!(objects.insert(first));
        last = first;
        Ok(())
    });
    assert_eq!(done, Ok(()));
    assert!(seen.iter().all(|&s| s));
    assert_eq!(objects.len(), 60_000);
    // The first error is given back, and nothing after it is handed over.
    let sums: Vec<(ObjectKey, u64)> = (0..10u64)
        .map(|i| {
            let key = ObjectKey {
                dimension: 1,
                object: i,
                account: 0,
            };
            (key, i)
        })
        .collect();
    let mut calls = 0;
    let err = object_groups(sums, |group| {
        calls += 1;
        match group {
            [(k, _)] if k.object == 7 => Err(k.object),
            _ => Ok(()),
        }
    });
    assert_eq!((err, calls), (Err(7), 3));
}

/// Runs of object sums (keys unique within a run, in any order) merged as one sorted
/// vector with each key's sums added: what one map summing every run gives.
fn check_merged_runs(
    runs: Vec<Vec<(ObjectKey, Acc)>>,
    threads: usize,
) -> Result<(), TestCaseError> {
    let mut want: BTreeMap<(u32, u64, u64), i128> = BTreeMap::new();
    for (k, acc) in runs.iter().flatten() {
        *want.entry(object_order(k)).or_default() += acc.cents();
    }
    let got: Vec<((u32, u64, u64), i128)> = merged_object_sums(runs, threads)
        .into_iter()
        .map(|(k, acc)| (object_order(&k), acc.cents()))
        .collect();
    let want: Vec<_> = want.into_iter().collect();
    prop_assert_eq!(got.len(), want.len());
    let first_wrong = got.iter().zip(&want).find(|(g, w)| g != w);
    prop_assert!(first_wrong.is_none(), "first difference: {:?}", first_wrong);
    Ok(())
}

/// Runs of `keys` distinct (dimension, object, account) keys drawn from `space`, each
/// with its öre, in the order a hash table might give them.
fn runs_of(spec: &[(Vec<u16>, i64)]) -> Vec<Vec<(ObjectKey, Acc)>> {
    spec.iter()
        .map(|(keys, ore)| {
            let unique: std::collections::BTreeSet<u16> = keys.iter().copied().collect();
            let mut run: Vec<(ObjectKey, Acc)> = unique
                .into_iter()
                .map(|k| {
                    let mut acc = Acc::default();
                    acc.add(i128::from(*ore) * i128::from(k % 7) - 3);
                    let key = ObjectKey {
                        dimension: u32::from(k % 3),
                        object: u64::from(k / 9),
                        account: u64::from(k % 9),
                    };
                    (key, acc)
                })
                .collect();
            run.reverse();
            run
        })
        .collect()
}

/// A sum keyed by its place in [`object_order`], as the test below compares them.
type OrderedSum = ((u32, u64, u64), u16);

proptest! {
    /// Sums in any order, or already in order, repeated keys among them: the groups,
    /// read from the last to the first, are the sums sorted by [`object_order`], each
    /// sum once, each group one object.
    #[test]
    fn object_groups_give_the_sums_in_object_order(
        mut sums in prop::collection::vec(((0u32..3, 0u64..25, 0u64..12), any::<u16>()), 0..400),
        sorted in any::<bool>(),
    ) {
        let mut sums: Vec<(ObjectKey, u16)> = sums
            .drain(..)
            .map(|((dimension, object, account), v)| (ObjectKey { dimension, object, account }, v))
            .collect();
        if sorted {
            sums.sort_by_key(|(k, _)| object_order(k));
        }
        let mut want: Vec<OrderedSum> =
            sums.iter().map(|(k, v)| (object_order(k), *v)).collect();
        want.sort_unstable();
        let mut groups: Vec<Vec<OrderedSum>> = Vec::new();
        let done: Result<(), ()> = object_groups(sums, |group| {
            groups.push(group.iter().map(|(k, v)| (object_order(k), *v)).collect());
            Ok(())
        });
        prop_assert_eq!(done, Ok(()));
        for group in &groups {
            let object = group.first().map(|((d, o, _), _)| (*d, *o));
            prop_assert!(object.is_some());
            prop_assert!(group.iter().all(|((d, o, _), _)| Some((*d, *o)) == object));
        }
        let got: Vec<_> = groups.into_iter().rev().flatten().collect();
        prop_assert!(got.is_sorted_by_key(|(k, _)| *k));
        let mut got_sorted = got;
        got_sorted.sort_unstable();
        prop_assert_eq!(got_sorted, want);
    }

    /// Any number of runs, overlapping or not, some empty, on one thread or several.
    #[test]
    fn merged_object_runs_sum_as_one_map(
        spec in prop::collection::vec((prop::collection::vec(0u16..400, 0..60), -500i64..500), 0..5),
        threads in 1usize..4,
    ) {
        check_merged_runs(runs_of(&spec), threads)?;
    }
}

/// Runs large enough to be sorted on threads of their own, overlapping in part.
#[test]
fn large_object_runs_are_sorted_on_threads_and_merged() -> Result<(), TestCaseError> {
    let run = |from: u64, to: u64| -> Vec<(ObjectKey, Acc)> {
        (from..to)
            .rev()
            .map(|i| {
                let mut acc = Acc::default();
                acc.add(i128::from(i) - 40_000);
                let key = ObjectKey {
                    // Unique within a run: the object is `i` itself, written in an
                    // order that is not its own.
                    dimension: 1 + (i % 2) as u32,
                    object: (i * 7_919) % 100_003,
                    account: i % 5,
                };
                (key, acc)
            })
            .collect()
    };
    const { assert!(PARALLEL_SORT < 70_000) };
    for threads in [1, 2, 3] {
        check_merged_runs(
            vec![run(0, 70_000), run(30_000, 100_000), run(0, 10)],
            threads,
        )?;
    }
    Ok(())
}

/// Påhittad fil of about a mebibyte, so that two and three threads take many stretches
/// in turn: non-ASCII objects first seen late (the encoding is detected from the
/// numbers in the order they first appear in the file, whichever thread read them),
/// vouchers left open, rows with three decimals (exact sums) and a large voucher. The
/// sums are those of one reading.
#[test]
fn stretches_taken_in_turn_sum_as_one_reading() {
    let mut f = Vec::new();
    for i in 0..12_000u32 {
        f.extend_from_slice(format!("#VER A {i} 20250110\n{{\n").as_bytes());
        let object: &[u8] = match i % 5000 {
            4999 => b"\"\x94st\"",
            2500 => b"\"\xe5s\"",
            _ => b"\"7\"",
        };
        f.extend_from_slice(b"#TRANS 1930 {1 ");
        f.extend_from_slice(object);
        f.extend_from_slice(format!("}} {i}.505\n#TRANS 3010 {{}} -{i}.505\n").as_bytes());
        if i == 6000 {
            for k in 0..3000 {
                f.extend_from_slice(format!("#TRANS 5010 {{}} {k}\n").as_bytes());
            }
        }
        if i % 997 != 0 {
            f.extend_from_slice(b"}\n");
        }
    }
    assert!(chunk_cuts(&f, CHUNK).len() > 4);
    let one = sum_transactions(&f[..], None).map_err(|e| e.to_string());
    for threads in [2, 3] {
        let apart = sum_transactions_parallel(&f, None, threads).map_err(|e| e.to_string());
        assert_eq!(apart, one, "{threads} threads");
    }
    let totals = one.unwrap_or_default();
    assert_eq!(totals.vouchers, 12_000);
}
