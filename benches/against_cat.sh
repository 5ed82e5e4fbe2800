#!/bin/sh
# Times each path against `cat FILE > /dev/null` on the same file, in the same run,
# interleaved, and prints the medians (wall and CPU seconds), the fastest wall time
# (on a shared machine the least disturbed run) and the ratio of the medians to cat.
#
#   cargo build --release --example sie_generate --example sie_throughput --example sie_statements
#   cargo build --release -p kommunal-cli
#   target/release/examples/sie_generate /tmp/kommun.SE 1000000
#   sh benches/against_cat.sh /tmp/kommun.SE 5
#
# Set PATHS to choose what to time (default: the paths the issue names). Peak memory
# (max RSS, KB) is the largest seen over the runs; `failed` counts runs that exited with
# a non-zero status (their times are of a failure, not of the path: `kommunal rapport`
# refuses a report whose notes have wrong signs, as random generated balances give). The load average is printed before and after:
# on a shared machine the ratios mean little without it.
set -eu
FILE=$1
RUNS=${2:-5}
BIN=${BIN:-target/release/examples}
CLI=${CLI:-target/release/kommunal}
PATHS=${PATHS:-"sum sum-t1 sum-t2 ledger-t1 ledger-t2 typed typed-t2 statements-t1 statements-t2"}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cmd() {
  case $1 in
    cat) echo "cat $FILE" ;;
    sum) echo "$BIN/sie_throughput $FILE sum" ;;
    sum-t1) echo "$BIN/sie_throughput $FILE sum --threads 1" ;;
    sum-t2) echo "$BIN/sie_throughput $FILE sum --threads 2" ;;
    ledger) echo "$BIN/sie_throughput $FILE ledger" ;;
    ledger-t1) echo "$BIN/sie_throughput $FILE ledger --threads 1" ;;
    ledger-t2) echo "$BIN/sie_throughput $FILE ledger --threads 2" ;;
    typed) echo "$BIN/sie_throughput $FILE typed" ;;
    typed-t2) echo "$BIN/sie_throughput $FILE typed --threads 2" ;;
    rapport) echo "$CLI rapport $FILE" ;;
    rapport-t1) echo "$CLI rapport --threads 1 $FILE" ;;
    rapport-t2) echo "$CLI rapport --threads 2 $FILE" ;;
    statements) echo "$BIN/sie_statements $FILE" ;;
    statements-t1) echo "$BIN/sie_statements $FILE --threads 1" ;;
    statements-t2) echo "$BIN/sie_statements $FILE --threads 2" ;;
    rapport-old) echo "${OLD:-/tmp/sie_rapport} $FILE" ;;
  esac
}
echo "load before: $(cat /proc/loadavg)"
i=0
while [ "$i" -lt "$RUNS" ]; do
  for p in cat $PATHS; do
    # Wall time from the clock in nanoseconds (`/usr/bin/time`'s %e has 10 ms steps,
    # as long as `cat` takes on a fast machine), which includes starting `time` (about
    # a millisecond, the same for every path); CPU, peak memory and status from it.
    t0=$(date +%s%N)
    /usr/bin/time -f "%U %S %M %x" -o "$TMP/t" $(cmd "$p") > /dev/null 2>&1 || true
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000 )) $(tail -1 "$TMP/t")" | awk '{ printf "%.6f %s %s %s %s\n", $1 / 1e6, $2, $3, $4, $5 }' >> "$TMP/$p"
  done
  i=$((i + 1))
done
echo "load after:  $(cat /proc/loadavg)"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
CAT=$(awk '{ print $1 }' "$TMP/cat" | median)
CATCPU=$(awk '{ print $2 + $3 }' "$TMP/cat" | median)
printf '%-13s %8s %8s %8s %8s %8s %9s %6s\n' path wall_s min_s cpu_s x_cat x_catcpu maxrss_kb failed
for p in cat $PATHS; do
  W=$(awk '{ print $1 }' "$TMP/$p" | median)
  L=$(awk '{ print $1 }' "$TMP/$p" | sort -n | head -1)
  C=$(awk '{ print $2 + $3 }' "$TMP/$p" | median)
  M=$(awk '{ print $4 }' "$TMP/$p" | sort -n | tail -1)
  F=$(awk '$5 != 0 { n++ } END { print n + 0 }' "$TMP/$p")
  printf '%-13s %8.4f %8.4f %8s %8.2f %8.2f %9s %6s\n' "$p" "$W" "$L" "$C" \
    "$(echo "$W $CAT" | awk '{ print $1 / $2 }')" \
    "$(echo "$C $CATCPU" | awk '{ if ($2 > 0) print $1 / $2; else print 0 }')" "$M" "$F"
done
