#!/usr/bin/env bash
# Builds dossier, generates the benchmark and scores it: bash Benchmarks/cvgen/run.sh [COUNT] [SEED]
# Writes out/cvgen/ (documents, labels, manifest.tsv, splits.json, eval.txt) and out/cvgen/report.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-2000}
SEED=${2:-1}
swift build -c release --product dossier >&2
python3 Benchmarks/cvgen/cvgen.py --count "$COUNT" --seed "$SEED" --jobs "${CVGEN_JOBS:-2}" --out out/cvgen
python3 Benchmarks/cvgen/score.py --out out/cvgen --dossier "$(swift build -c release --show-bin-path)/dossier" | tee out/cvgen/report.md
