#!/usr/bin/env bash
# `check` on registries full of mistakes: one network of 20,000 partners,
# each with a misspelt key, and 10,000 networks written as one inline array
# (no layout, so read as one document), each with an unknown key. Each
# mistake is found by reading again what is left (src/registry/recover.rs);
# a partner or network is read on its own, so this stays linear (it was
# 19 s for 8,000 such partners and 9.5 s for the 10,000 networks).
#
#   bash benches/check.sh
#
# Needs hyperfine and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
needs benches/check.sh hyperfine python3
in_scratch
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
out = ['[[networks]]', 'id = "a"', 'name = "A"', '']
for i in range(20000):
    out += ['[[networks.partners]]', f'name = "Town {i}"', 'contry = "IT"', '']
open(f"{work}/partners.toml", "w").write("\n".join(out))
out = ['networks = [']
out += [f'  {{id = "n{i}", name = "N {i}", colour = 1}},' for i in range(10000)]
open(f"{work}/inline.toml", "w").write("\n".join(out + [']', '']))
PY
hyperfine --warmup 1 --runs 5 --time-unit millisecond -i \
  --command-name 'check, 20,000 partners with a misspelt key' "$bin --registry $work/partners.toml check" \
  --command-name 'check, 10,000 inline networks with an unknown key' "$bin --registry $work/inline.toml check"
