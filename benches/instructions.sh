#!/bin/sh
# Counts the instructions each path executes on a file (callgrind, one run each) and
# prints them as a multiple of the sum path's. On a shared machine wall time varies by
# a third from one minute to the next (and the page cache may drop the file between
# runs); instruction counts repeat to a few in a million, so a change of 1 % shows.
# They are not time: a path that waits on memory more than another costs more time
# per instruction (compare with `against_cat.sh` in the same session).
#
#   cargo build --release --example sie_generate --example sie_throughput --example sie_statements
#   target/release/examples/sie_generate /tmp/kommun100k.SE 100000
#   sh benches/instructions.sh /tmp/kommun100k.SE
#
# Needs valgrind (Debian's package `valgrind`). A 100 000-voucher file takes about a
# minute a path. Set PATHS to choose the paths (default: every one-thread path).
set -eu
FILE=$1
BIN=${BIN:-target/release/examples}
PATHS=${PATHS:-"sum ledger statements typed"}
command -v valgrind > /dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cmd() {
  case $1 in
    sum) echo "$BIN/sie_throughput $FILE sum --threads 1" ;;
    ledger) echo "$BIN/sie_throughput $FILE ledger --threads 1" ;;
    statements) echo "$BIN/sie_statements $FILE --threads 1" ;;
    typed) echo "$BIN/sie_throughput $FILE typed" ;;
    *) echo "unknown path: $1" >&2; exit 2 ;;
  esac
}
for p in $PATHS; do
  c=$(cmd "$p")
  valgrind --tool=callgrind --callgrind-out-file="$TMP/$p.out" $c > /dev/null 2> "$TMP/$p.err" \
    || { echo "$p failed:" >&2; tail -5 "$TMP/$p.err" >&2; exit 1; }
  awk '/Collected :/ { print $NF }' "$TMP/$p.err" > "$TMP/$p"
done
BASE=$(cat "$TMP/$(echo $PATHS | awk '{ print $1 }')")
printf '%-12s %15s %8s\n' path instructions "x_$(echo $PATHS | awk '{ print $1 }')"
for p in $PATHS; do
  N=$(cat "$TMP/$p")
  printf '%-12s %15s %8.3f\n' "$p" "$N" "$(echo "$N $BASE" | awk '{ print $1 / $2 }')"
done
