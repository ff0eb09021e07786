#!/usr/bin/env bash
# Wall time of reads on the built-in registry, side by side with a bare
# process start (`true`), in one hyperfine run that prints the ratios.
#
#   bash benches/reads.sh            # needs hyperfine (apt-get install hyperfine)
#   STATIC=1 bash benches/reads.sh   # also a statically linked, non-PIE build
#                                    # (x86_64 Linux with glibc's static libraries)
#
# Most of a read's time here is the process start itself: loading and
# relocating a dynamically linked, position-independent binary. STATIC=1
# shows how much of it a static build saves.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { echo "benches/reads.sh needs hyperfine: apt-get install hyperfine" >&2; exit 1; }
cargo build --release --quiet
bin="$PWD/target/release/netreg"
extra=()
if [ "${STATIC:-}" = 1 ]; then
  # Not in .cargo/config.toml: without --target these flags would also apply
  # to the proc-macro crates, which cannot be built static.
  RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
    cargo build --release --quiet --target x86_64-unknown-linux-gnu --target-dir target/static
  static="$PWD/target/static/x86_64-unknown-linux-gnu/release/netreg"
  extra=(--command-name 'partners list --country Italy (static build)' "$static partners list --country Italy")
fi
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
  "${extra[@]}" \
  "$@"
