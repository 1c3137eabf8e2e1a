#!/bin/sh
# Regenerate examples/articles (input files) and examples/gold (gold.json, GOLD.md) from the sources here.
# Python 3 standard library only. Run from anywhere.
set -eu
export PYTHONDONTWRITEBYTECODE=1
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../articles"
gold="$here/../../gold"
python3 "$here/build.py" "$out" "$gold"
python3 "$here/gold_md.py" "$gold/gold.json" > "$gold/GOLD.md"
