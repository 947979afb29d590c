#!/usr/bin/env bash
# References parsed per second by `dossier references` on one core (a benchmark, not a test).
#
# Input: every labelled reference string of AnyStyle's data in ../shared/corpus (about 12,000, joined as
# AnyStyle joins them), repeated to at least 40,000 lines. Reference runs on the same file, in the same command:
#   - `wc -l`: reading the lines, nothing else (the floor of any tool);
#   - python3: reading each line and writing it back as a one-field JSON object (what a do-nothing parser costs).
# anystyle (Ruby) is not installable here, so it is not compared.
#
# Usage: Benchmarks/references.sh [LINES]     (builds release into .build-bench; DOSSIER=path skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-40000}
corpus=../shared/corpus/dev/references/inukshuk+anystyle/res/parser
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -d "$corpus" ]; then
    python3 - "$corpus" > "$work/once.txt" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
for path in sorted(glob.glob(sys.argv[1] + "/*.xml")):
    for sequence in ET.parse(path).getroot().iter("sequence"):
        text = " ".join(" ".join((child.text or "").split()) for child in sequence)
        if text.strip():
            print(text)
PY
else
    echo "no corpus at $corpus: using built-in sample references" >&2
    printf '%s\n' \
        "Xu, K., Smith, J. A., & van der Berg, P. (2019). Deep learning for reference parsing. Journal of Machine Learning Research, 20(3), 1–25. https://doi.org/10.1234/jmlr.2019.001" \
        "K. Xu and J. Smith. Attention is all you need. In Proceedings of NeurIPS, pages 5998–6008, 2017." \
        "Xu K, Smith JA, Doe J, et al. Genome-wide association study of height. Nat Genet. 2010;42(7):565-9." \
        > "$work/once.txt"
fi
: > "$work/input.txt"
while [ "$(wc -l < "$work/input.txt")" -lt "$want" ]; do cat "$work/once.txt" >> "$work/input.txt"; done
lines=$(wc -l < "$work/input.txt")

if [ -n "${DOSSIER:-}" ]; then
    dossier=$DOSSIER
else
    swift build -c release --scratch-path .build-bench --product dossier >/dev/null
    dossier=.build-bench/release/dossier
fi

seconds() { python3 -c 'import sys,time,subprocess; t=time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(f"{time.perf_counter()-t:.3f}")' "$@"; }
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$1" "$2"; }

ours=$(seconds taskset -c 0 "$dossier" references "$work/input.txt" --to ndjson)
floor=$(seconds taskset -c 0 wc -l "$work/input.txt")
python=$(seconds taskset -c 0 python3 -c 'import sys, json
with open(sys.argv[1]) as f:
    for line in f: sys.stdout.write(json.dumps({"raw": line.rstrip("\n")}) + "\n")' "$work/input.txt")

echo "references: $lines lines, one core (taskset -c 0)"
printf '%-44s %8s s  %12s refs/s\n' "dossier references --to ndjson" "$ours" "$(rate "$lines" "$ours")"
printf '%-44s %8s s  %12s refs/s\n' "wc -l (reading only)" "$floor" "$(rate "$lines" "$floor")"
printf '%-44s %8s s  %12s refs/s\n' "python3 read + json.dumps (no parsing)" "$python" "$(rate "$lines" "$python")"
