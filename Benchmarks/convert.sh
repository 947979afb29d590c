#!/usr/bin/env bash
# Benchmark (not a test): documents converted per second by `dossier convert` on a folder of copies of the
# samples, printed beside a reference tool run on the same files in the same command:
#   Markdown → pandoc -f markdown -t json, HTML → pandoc -f html -t json, PDF → pdftotext.
# Usage: Benchmarks/convert.sh [COPIES]   (default 200 copies of each sample; 10,000 files = 500 copies of 20 samples)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-200}
swift build -c release --product dossier >/dev/null
dossier=$(swift build -c release --show-bin-path)/dossier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for format in markdown html pdf; do
  mkdir -p "$work/$format"
  for sample in samples/$format/*.{md,html,pdf}; do
    [ -f "$sample" ] || continue
    case "$sample" in *encrypted*|*scanned*|*truncated*) continue ;; esac
    name=$(basename "$sample"); extension=${name##*.}; stem=${name%.*}
    for i in $(seq 1 "$copies"); do cp "$sample" "$work/$format/$stem-$i.$extension"; done
  done
done

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
rate() { echo "scale=1; $1 / $2" | bc; }
maxrss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

printf '%-9s %7s | %-34s %9s %9s | %-26s %9s\n' format files "dossier (all stages, ndjson)" "docs/s" "max KiB" reference "docs/s"
for format in markdown html pdf; do
  files=$(ls "$work/$format" | wc -l)
  [ "$files" -gt 0 ] || continue
  ours=$(seconds "$dossier" convert "$work/$format" --to ndjson -q)
  memory=$(maxrss "$dossier" convert "$work/$format" --to ndjson -q || echo "?")
  # The reference tool runs on a tenth of the files (one process per file), and its rate is per file.
  sample=$(ls "$work/$format" | head -n $(( files / 10 > 0 ? files / 10 : 1 )) || true)
  count=$(echo "$sample" | wc -l)
  case $format in
    markdown) reference="pandoc -t json (per file)"; theirs=$(seconds bash -c "cd '$work/$format' && for f in $(echo $sample); do pandoc -f markdown -t json \"\$f\"; done") ;;
    html) reference="pandoc -t json (per file)"; theirs=$(seconds bash -c "cd '$work/$format' && for f in $(echo $sample); do pandoc -f html -t json \"\$f\"; done") ;;
    pdf) reference="pdftotext (per file)"; theirs=$(seconds bash -c "cd '$work/$format' && for f in $(echo $sample); do pdftotext \"\$f\" -; done") ;;
  esac
  printf '%-9s %7s | %-34s %9s %9s | %-26s %9s\n' "$format" "$files" "$(printf '%.2f s' "$ours")" "$(rate "$files" "$ours")" "$memory" "$reference" "$(rate "$count" "$theirs")"
done
