#!/usr/bin/env bash
# Wall time of reads on the built-in registry, side by side with a bare
# process start (`true`), in one hyperfine run that prints the ratios.
#
#   bash benches/reads.sh            # needs hyperfine (apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { echo "benches/reads.sh needs hyperfine: apt-get install hyperfine" >&2; exit 1; }
cargo build --release --quiet
bin="$PWD/target/release/netreg"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data"   # a fresh user: the built-in registry
unset NETREG_REGISTRY

hyperfine --shell=none --warmup 20 --min-runs 300 --time-unit millisecond \
  --command-name 'true (bare process start)' "$(command -v true)" \
  --command-name 'partners list --country Italy' "$bin partners list --country Italy" \
  --command-name 'networks list' "$bin networks list" \
  --command-name 'timeline show' "$bin timeline show" \
  --command-name 'check' "$bin check -q" \
  "$@"
