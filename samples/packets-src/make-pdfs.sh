#!/usr/bin/env bash
# Regenerates the PDFs of samples/packets/ from their LaTeX sources here (pdflatex; Debian: texlive-latex-base,
# texlive-latex-recommended, texlive-fonts-recommended). Then rewrite the goldens:
#   DOSSIER_UPDATE_GOLDENS=1 swift test --filter PacketSampleTests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
packets="$here/../packets"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1735689600 FORCE_SOURCE_DATE=1
build() { # source stem, target path
    cp "$here/$1.tex" "$work/"
    (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error "$1.tex" >/dev/null)
    cp "$work/$1.pdf" "$packets/$2"
}
build amara-okafor-publications amara-okafor/publications.pdf
build jonas-lindqvist-cv jonas-lindqvist/cv.pdf
build lucia-ferrante-statement lucia-ferrante/statement.pdf
echo "PDFs regenerated in $packets"
