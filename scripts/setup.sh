#!/usr/bin/env bash
# Installs what Dossier needs on Debian (only what is missing), builds it, and converts the bundled samples
# so that a newcomer sees real output. Safe to run again. `--no-demo` only installs (CI).
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Dossier links, and the tools its tests use as validators.
packages=(
  pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown reader
  libxml2-dev                                    # HTML reader
  libpoppler-glib-dev                            # PDF reader
  libxml2-utils                                  # xmllint: validates JATS output in tests
  poppler-utils                                  # pdftotext: word-coverage tests of the PDF reader
  python3 python3-jsonschema                     # validates JSON output against the schemas
  python3-bibtexparser                           # reads BibTeX output back
  pandoc                                         # pandoc --citeproc reads our CSL-JSON
  qpdf                                           # makes the encrypted sample in samples/pdf/make-pdfs.sh
  chromium                                       # headless browser: the tests load the review site in it
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: swift not found; install Swift 6 from swift.org and put it on PATH" >&2; exit 1; }
[ "${1:-}" != "--no-demo" ] || exit 0

echo "setup: building" >&2
swift build -c release --static-swift-stdlib --product dossier >&2
dossier=$(swift build -c release --show-bin-path)/dossier
[ -x "$dossier" ] || { echo "setup: build failed" >&2; exit 1; }

mkdir -p out
echo "setup: converting samples/ with $dossier" >&2
set +e
"$dossier" convert samples/ --to ndjson -o out/samples.ndjson
status=$?
set -e
echo "setup: wrote out/samples.ndjson ($(wc -l < out/samples.ndjson) documents; exit status $status: the samples include deliberately broken PDFs)" >&2
echo "setup: the first publications found in samples/ (dossier convert samples/ --to csv, cut to 160 columns):" >&2
"$dossier" convert samples/ --to csv -q 2>/dev/null | head -8 | cut -c1-160 || true
echo "setup: a committee's view of samples/packets/ (three fictional applicants), one row per applicant:" >&2
"$dossier" convert samples/packets/ --group-by folder --to csv --table applicants -q | cut -c1-160 || true
"$dossier" review samples/packets/ -o out/review -q && echo "setup: review site: out/review/index.html" >&2
echo "setup: try: $dossier convert samples/markdown/apa-cv-bold-name.md | head -40" >&2
