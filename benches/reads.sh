#!/usr/bin/env bash
# Wall time of reads on the built-in registry, side by side with the same
# binary's `--version` (its start-up alone), in rounds of hyperfine runs,
# then a table of medians with their ratios to it.
#
#   bash benches/reads.sh             # needs hyperfine and python3 (apt-get install hyperfine python3)
#   NETREG_BENCH_ROUNDS=30 bash benches/reads.sh    # more rounds (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "benches/reads.sh needs $tool: apt-get install hyperfine python3" >&2; exit 1; }
done
. benches/lib.sh
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
bin=$(built netreg --bin netreg)
bin=$(installed "$bin" "$home")
export HOME="$home" XDG_DATA_HOME="$home/data"   # a fresh user: the built-in registry
unset NETREG_REGISTRY

# In rounds: each round times every command in turn, so a machine that
# slows down or speeds up during the minute this takes weighs on all of them
# alike, not on whichever command hyperfine happened to time last.
rounds=${NETREG_BENCH_ROUNDS:-10}
for round in $(seq "$rounds"); do
  hyperfine --shell=none --warmup 5 --runs 30 --time-unit millisecond \
    --export-json "$home/reads.$round.json" \
    --command-name 'netreg --version' "$bin --version" \
    --command-name 'partners list --country Italy' "$bin partners list --country Italy" \
    --command-name 'networks list' "$bin networks list" \
    --command-name 'timeline show' "$bin timeline show" \
    --command-name 'check' "$bin check -q" \
    --command-name 'cities list' "$bin cities list" \
    --command-name 'cities show naples' "$bin cities show naples" \
    --command-name 'stats --by city' "$bin stats --by city" \
    "$@" >/dev/null
done

# Medians of every run of every round: on a busy machine a few slow runs
# move the means hyperfine sums up.
python3 - "$home" "$rounds" <<'EOF'
import json, statistics, sys
home, rounds = sys.argv[1], int(sys.argv[2])
times = {}
for round in range(1, rounds + 1):
    for r in json.load(open(f"{home}/reads.{round}.json"))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
medians = {command: statistics.median(runs) for command, runs in times.items()}
bare = medians["netreg --version"]
print(f"| built-in registry ({rounds} rounds of 30 runs) | median ms | × --version |")
print("|---|---:|---:|")
for command, median in medians.items():
    print(f"| {command} | {median * 1000:.2f} | {median / bare:.2f} |")
EOF
