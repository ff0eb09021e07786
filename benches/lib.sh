# Sourced by the benches.

# built NAME [CARGO BUILD ARGS...]: build in release mode and print the path of
# the executable NAME, wherever the configuration puts it (.cargo/config.toml
# names a target, so it is under target/<host tuple>/release/).
built() {
  local name=$1
  shift
  cargo build --release --quiet --message-format=json-render-diagnostics "$@" |
    python3 -c '
import json, sys
found = [m["executable"] for m in map(json.loads, sys.stdin)
         if m.get("reason") == "compiler-artifact" and m.get("executable")
         and m["target"]["name"] == sys.argv[1]]
if not found:
    sys.exit(f"benches: cargo built no executable named {sys.argv[1]}")
print(found[-1])
' "$name"
}

# installed EXECUTABLE DIR: copy the executable into DIR, as `cargo install`
# does, and print the copy's path. The benches time the copy: a file the
# linker has just written starts slower than a copy of the same bytes (on the
# built-in registry here, 120 minor page faults against 95 and ~0.25 ms more).
installed() {
  cp "$1" "$2/" && echo "$2/$(basename "$1")"
}

# needs SCRIPT TOOL...: stop, naming SCRIPT, unless every TOOL is on PATH.
needs() {
  local script=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$script needs $tool" >&2; exit 1; }
  done
}

# in_scratch: build netreg and copy it into a new scratch directory, removed
# on exit, whose subdirectories are a fresh user's home, cache and data (so
# no registry of the user's is read); sets $bin and $work.
in_scratch() {
  bin=$(built netreg --bin netreg)
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  bin=$(installed "$bin" "$work")
  export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
  unset NETREG_REGISTRY
  mkdir -p "$HOME"
}
