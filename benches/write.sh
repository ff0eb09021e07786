#!/usr/bin/env bash
# One `partners add` on a copy of the built-in registry: wall time (hyperfine,
# the file restored before every run) and peak memory (GNU time).
#
#   bash benches/write.sh            # needs hyperfine, GNU time and python3 (apt-get install hyperfine time python3)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "benches/write.sh needs $tool: apt-get install hyperfine time python3" >&2; exit 1; }
done
. benches/lib.sh
bin=$(built netreg --bin netreg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$(installed "$bin" "$work")
export HOME="$work" XDG_DATA_HOME="$work/data"
unset NETREG_REGISTRY
"$bin" --registry "$work/pristine.toml" init -q

hyperfine --shell=none --warmup 5 --min-runs 100 --time-unit millisecond \
  --prepare "cp $work/pristine.toml $work/registry.toml" \
  --command-name 'true (bare process start)' "$(command -v true)" \
  --command-name 'partners list --country Italy' "$bin --registry $work/pristine.toml partners list --country Italy" \
  --command-name 'partners add' "$bin --registry $work/registry.toml partners add creative-clusters Bench --country FR -q"

cp "$work/pristine.toml" "$work/registry.toml"
/usr/bin/time -f 'partners add: %e s wall, %M KiB peak resident memory' \
  "$bin" --registry "$work/registry.toml" partners add creative-clusters Bench --country FR -q
