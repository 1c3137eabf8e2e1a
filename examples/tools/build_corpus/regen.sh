#!/bin/sh
# Regenerate examples/articles (input files, gold.json, GOLD.md) from the sources here.
# Python 3 standard library only. Run from anywhere.
set -eu
export PYTHONDONTWRITEBYTECODE=1
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../articles"
python3 "$here/build.py" "$out"
python3 "$here/gold_md.py" "$out/gold.json" > "$out/GOLD.md"
