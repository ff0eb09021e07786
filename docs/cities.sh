#!/usr/bin/env bash
# Draws docs/cities.png: the places of the built-in registry on a map of
# Europe, joined where they share three networks or more. netreg's DOT gives
# every node a `pos` (longitude and latitude; a place without coordinates
# amid the places it shares networks with), which `neato -n` keeps; this
# script only leaves out the places overseas and the edges of one network.
#   bash docs/cities.sh           # needs graphviz and python3
set -euo pipefail
cd "$(dirname "$0")/.."
netreg=${NETREG:-target/release/netreg}
"$netreg" export --format dot | python3 -c '
import re, sys
lines = sys.stdin.read().split("\n")
keep = set()
for l in lines:
    m = re.match(r"  (\"[^\"]*\") \[.*pos=\"([-0-9.]+),([-0-9.]+)\"", l)
    if m and " -- " not in l:
        lon, lat = float(m.group(2)) / 23, float(m.group(3)) / 36
        if -25 <= lon <= 45 and 34 <= lat <= 72:   # Europe, without overseas places
            keep.add(m.group(1))
for l in lines:
    m = re.match(r"  (\"[^\"]*\")( -- (\"[^\"]*\"))? \[", l)
    if m and (m.group(1) not in keep or (m.group(3) and m.group(3) not in keep)):
        continue
    w = re.search(r" -- .*weight=(\d+)", l)
    if w and int(w.group(1)) < 3:
        continue
    print(l)
' | neato -n -Tpng -Gsplines=false -Goverlap=true -Gsize=7,7 -Gbgcolor=white -Gdpi=80 \
    -Nshape=point -Nwidth=0.06 -Ncolor="#303030" -Nlabel="" -Ecolor="#1d4fb840" -Epenwidth=0.6 > docs/cities.png
echo "wrote docs/cities.png"
