#!/usr/bin/env bash
# Builds dossier, generates the benchmark and scores it: bash Benchmarks/cvgen/run.sh [COUNT] [SEED]
# Writes out/cvgen/ (or $CVGEN_OUT): documents, labels, manifest.tsv, splits.json, eval.txt and report.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-2000}
SEED=${2:-1}
OUT=${CVGEN_OUT:-out/cvgen}
swift build -c release --static-swift-stdlib --product dossier >&2
python3 Benchmarks/cvgen/cvgen.py --count "$COUNT" --seed "$SEED" --jobs "${CVGEN_JOBS:-2}" --out "$OUT"
python3 Benchmarks/cvgen/score.py --out "$OUT" --dossier "$(swift build -c release --show-bin-path)/dossier" | tee "$OUT/report.md"
