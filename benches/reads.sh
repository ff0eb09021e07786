#!/usr/bin/env bash
# Wall time of reads on the built-in registry, side by side with the same
# binary's `--version` (its start-up alone), in one hyperfine run, then a
# table of medians with their ratios to it.
#
#   bash benches/reads.sh             # needs hyperfine and python3 (apt-get install hyperfine python3)
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

hyperfine --shell=none --warmup 20 --min-runs 300 --time-unit millisecond \
  --export-json "$home/reads.json" \
  --command-name 'netreg --version' "$bin --version" \
  --command-name 'partners list --country Italy' "$bin partners list --country Italy" \
  --command-name 'networks list' "$bin networks list" \
  --command-name 'timeline show' "$bin timeline show" \
  --command-name 'check' "$bin check -q" \
  --command-name 'cities list' "$bin cities list" \
  --command-name 'cities show naples' "$bin cities show naples" \
  --command-name 'stats --by city' "$bin stats --by city" \
  "$@"

# Medians: on a busy machine a few slow runs move the means hyperfine sums up.
python3 - "$home/reads.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
bare = results[0]["median"]
print("\n| built-in registry | median ms | × --version |")
print("|---|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median'] * 1000:.2f} | {r['median'] / bare:.2f} |")
EOF
