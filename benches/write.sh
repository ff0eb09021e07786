#!/usr/bin/env bash
# One `partners add` on a copy of the built-in registry: wall time (hyperfine,
# the file restored before every run) and peak memory (GNU time).
#
#   bash benches/write.sh            # needs hyperfine, GNU time and python3 (apt-get install hyperfine time python3)
set -euo pipefail
cd "$(dirname "$0")/.."

. benches/lib.sh
needs "benches/write.sh (apt-get install hyperfine time python3)" hyperfine /usr/bin/time python3
in_scratch
"$bin" --registry "$work/pristine.toml" init -q

hyperfine --shell=none --warmup 5 --min-runs 100 --time-unit millisecond \
  --prepare "cp $work/pristine.toml $work/registry.toml" \
  --command-name 'true (bare process start)' "$(command -v true)" \
  --command-name 'partners list --country Italy' "$bin --registry $work/pristine.toml partners list --country Italy" \
  --command-name 'partners add' "$bin --registry $work/registry.toml partners add creative-clusters Bench --country FR -q"

cp "$work/pristine.toml" "$work/registry.toml"
/usr/bin/time -f 'partners add: %e s wall, %M KiB peak resident memory' \
  "$bin" --registry "$work/registry.toml" partners add creative-clusters Bench --country FR -q
