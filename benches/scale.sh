#!/usr/bin/env bash
# netreg at the scale of the EU's project databases: generated registries of
# 10, 1,000 and 10,000 networks (about ten partners each), every command timed
# side by side with jq on the same data exported as JSON and a bare process
# start, warm (the snapshot cache filled), in one hyperfine run per size; and
# the first read after a change (no snapshot yet) against the `toml` crate's
# own parse (examples/toml_baseline.rs).
#
#   bash benches/scale.sh [SIZES...]     # default: 10 1000 10000
#
# Needs hyperfine, GNU time, jq and python3 (apt-get install hyperfine time jq).
set -euo pipefail
cd "$(dirname "$0")/.."

. benches/lib.sh
needs benches/scale.sh hyperfine /usr/bin/time jq python3
# Built before in_scratch moves HOME (where cargo and rustup live).
baseline=$(built toml_baseline --example toml_baseline)
in_scratch

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 1000 10000)

for n in "${sizes[@]}"; do
  reg="$work/$n.toml"
  python3 benches/generate.py "$n" > "$reg"
  cp "$reg" "$work/$n.pristine"
  # The first read after the file changed: no snapshot yet, so netreg parses
  # and checks the file and keeps a snapshot; against the toml crate alone.
  hyperfine --shell=bash --warmup 1 --runs 10 --time-unit millisecond --export-json "$work/$n.cold.json" \
    --prepare "rm -rf $XDG_CACHE_HOME/netreg" \
    --command-name 'first read after a change' "$bin --registry $reg partners list --country Italy" \
    >/dev/null
  hyperfine --shell=none --warmup 1 --runs 10 --time-unit millisecond --export-json "$work/$n.toml.json" \
    --command-name 'toml crate: deserialize + filter' "$baseline $reg" \
    >/dev/null
  "$bin" --registry "$reg" export > "$work/$n.json"   # also fills the snapshot cache
  network=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['networks'][0]['id'])" "$work/$n.json")
  warm="cp $work/$n.pristine $reg && $bin --registry $reg networks list --limit 1 > /dev/null"

  hyperfine --shell=none --warmup 3 --runs 15 --time-unit millisecond --export-json "$work/$n.times.json" \
    --command-name 'true (bare process start)' "$(command -v true)" \
    --command-name 'partners list --country Italy' "$bin --registry $reg partners list --country Italy" \
    --command-name 'networks list' "$bin --registry $reg networks list" \
    --command-name 'timeline show' "$bin --registry $reg timeline show" \
    --command-name 'export --format json' "$bin --registry $reg export --format json" \
    --command-name 'check' "$bin --registry $reg check -q" \
    --command-name 'jq: Italian partners' "jq -r '.networks[] | .id as \$n | .partners[] | select(.country == \"IT\") | [\$n, .name] | @tsv' $work/$n.json" \
    >/dev/null
  hyperfine --shell=bash --warmup 2 --runs 15 --time-unit millisecond --export-json "$work/$n.add.json" \
    --prepare "$warm" \
    --command-name 'partners add' "$bin --registry $reg partners add $network Bench --country FR -q" \
    >/dev/null

  # Peak memory of each command, one run each.
  : > "$work/$n.mem"
  for cmd in "partners list --country Italy" "networks list" "timeline show" "export --format json" "check -q"; do
    kib=$(/usr/bin/time -f '%M' "$bin" --registry "$reg" $cmd 2>&1 >/dev/null | tail -1)
    echo "$cmd	$kib" >> "$work/$n.mem"
  done
  eval "$warm"
  kib=$(/usr/bin/time -f '%M' "$bin" --registry "$reg" partners add "$network" Bench --country FR -q 2>&1 | tail -1)
  echo "partners add	$kib" >> "$work/$n.mem"
  kib=$(/usr/bin/time -f '%M' jq -r '.networks[] | .id as $n | .partners[] | select(.country == "IT") | [$n, .name] | @tsv' "$work/$n.json" 2>&1 >/dev/null | tail -1)
  echo "jq: Italian partners	$kib" >> "$work/$n.mem"

  kib=$(/usr/bin/time -f '%M' "$baseline" "$reg" 2>&1 >/dev/null | tail -1)
  echo "toml crate: deserialize + filter	$kib" >> "$work/$n.mem"
  rm -rf "$XDG_CACHE_HOME/netreg"
  kib=$(/usr/bin/time -f '%M' "$bin" --registry "$reg" partners list --country Italy 2>&1 >/dev/null | tail -1)
  echo "first read after a change	$kib" >> "$work/$n.mem"

  python3 - "$n" "$reg" "$work/$n.times.json" "$work/$n.add.json" "$work/$n.cold.json" "$work/$n.toml.json" "$work/$n.mem" <<'EOF'
import json, os, sys
n, reg, times, add, cold, baseline, mem = sys.argv[1:]
results = sum((json.load(open(f))["results"] for f in (times, add, cold, baseline)), [])
memory = dict(line.rstrip("\n").split("\t") for line in open(mem))
median = {r["command"]: r["median"] * 1000 for r in results}
bare, jq = median["true (bare process start)"], median["jq: Italian partners"]
size = os.path.getsize(reg)
partners = sum(1 for line in open(reg, encoding="utf-8") if line.startswith("[[networks.partners]]"))
print(f"\n### {int(n):,} networks, {partners:,} partners, {size / 1e6:.1f} MB of TOML\n")
print("| command | median ms | peak MiB | × bare start | × jq |")
print("|---|---:|---:|---:|---:|")
for r in results:
    name = r["command"]
    kib = memory.get(name.replace("check", "check -q"), "")
    mib = f"{int(kib) / 1024:.1f}" if kib else "—"
    print(f"| {name} | {median[name]:.1f} | {mib} | {median[name] / bare:.1f} | {median[name] / jq:.2f} |")
add_kib = int(memory["partners add"])
print(f"\npartners add: peak memory {add_kib * 1024 / size:.1f}× the file;"
      f" first read after a change: {median['first read after a change'] / median['toml crate: deserialize + filter']:.2f}× the toml crate's parse")
EOF
done
