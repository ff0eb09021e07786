#!/usr/bin/env bash
# `diff` at scale: two versions of a registry whose one network has 20,000
# partners (a few hundred renamed, removed or added, every tenth moved to
# another country) and 2,000 milestones, and two registries of 10,000
# networks with a tenth of them changed. Each diff is timed; the budget is
# 2 s (issue 24: it was 14-29 s when partners were matched pair by pair).
#
#   bash benches/diff.sh
#
# Needs hyperfine and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
needs benches/diff.sh hyperfine python3
in_scratch

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def big(version):
    out = ['format = 1', '', '[[networks]]', 'id = "big"', 'name = "Big"', '']
    for i in range(20000):
        if version == 1 and i % 97 == 0:
            continue                                   # removed
        name = f"Town {i}" if not (version == 1 and i % 89 == 0) else f"town  {i}"
        country = "IT" if not (version == 1 and i % 10 == 0) else "FR"
        out += ['[[networks.partners]]', f'name = "{name}"', f'country = "{country}"',
                f'role = "{"lead" if i == 0 else "partner"}"', '']
    if version == 1:
        for i in range(300):
            out += ['[[networks.partners]]', f'name = "New town {i}"', 'country = "ES"', '']
    for i in range(2000):
        out += ['[[networks.milestones]]', f'date = "{2000 + i % 25}"', f'title = "Meeting {i % 700}"', '']
    return "\n".join(out)
for version in (0, 1):
    open(f"{work}/big-{version}.toml", "w").write(big(version))
PY
python3 benches/generate.py 10000 > "$work/wide-0.toml"
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
text = open(f"{work}/wide-0.toml").read()
count = 0
def change(m):
    global count
    count += 1
    return m.group(0) if count % 10 else m.group(0).replace('name = "', 'name = "Renamed ')
open(f"{work}/wide-1.toml", "w").write(re.sub(r'\[\[networks\]\]\nid = "[^"]*"\nname = "', change, text))
PY

hyperfine --warmup 1 --runs 5 --time-unit millisecond \
  --command-name 'diff, one network of 20,000 partners' "$bin diff $work/big-0.toml $work/big-1.toml" \
  --command-name 'diff, 10,000 networks' "$bin diff $work/wide-0.toml $work/wide-1.toml"
echo "changes found: $("$bin" diff "$work/big-0.toml" "$work/big-1.toml" --format tsv | wc -l) and" \
  "$("$bin" diff "$work/wide-0.toml" "$work/wide-1.toml" --format tsv | wc -l)"
