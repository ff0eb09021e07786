#!/usr/bin/env bash
# Wall time of reads on the built-in registry, side by side with a bare
# process start (`true`), in one hyperfine run, then a table of medians
# with their ratios to the bare start.
#
#   bash benches/reads.sh             # needs hyperfine and python3 (apt-get install hyperfine python3)
#   DYNAMIC=1 bash benches/reads.sh   # also a dynamically linked build
#
# Most of a read's time here is the process start itself. On glibc Linux
# netreg is linked statically (.cargo/config.toml); DYNAMIC=1 shows what
# loading the shared libraries and resolving their symbols would cost.
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
extra=()
if [ "${DYNAMIC:-}" = 1 ]; then
  # An empty RUSTFLAGS takes the place of the configuration's static flags.
  mkdir "$home/dynamic"
  dynamic=$(RUSTFLAGS= built netreg --bin netreg --target-dir target/dynamic)
  dynamic=$(installed "$dynamic" "$home/dynamic")
  extra=(--command-name 'partners list --country Italy (dynamically linked)' "$dynamic partners list --country Italy")
fi
export HOME="$home" XDG_DATA_HOME="$home/data"   # a fresh user: the built-in registry
unset NETREG_REGISTRY

hyperfine --shell=none --warmup 20 --min-runs 300 --time-unit millisecond \
  --export-json "$home/reads.json" \
  --command-name 'true (bare process start)' "$(command -v true)" \
  --command-name 'partners list --country Italy' "$bin partners list --country Italy" \
  --command-name 'networks list' "$bin networks list" \
  --command-name 'timeline show' "$bin timeline show" \
  --command-name 'check' "$bin check -q" \
  "${extra[@]}" \
  "$@"

# Medians: on a busy machine a few slow runs move the means hyperfine sums up.
python3 - "$home/reads.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
bare = results[0]["median"]
print("\n| built-in registry | median ms | × bare start |")
print("|---|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median'] * 1000:.2f} | {r['median'] / bare:.2f} |")
EOF
