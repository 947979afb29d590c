#!/usr/bin/env bash
# Regenerates the sample PDFs in samples/pdf/ from their sources in samples/pdf/src/.
# Needs: pdflatex with texlive-latex-extra (moderncv, enumitem, fancyhdr, lastpage), LibreOffice Writer
# (soffice), pandoc, qpdf, poppler-utils (pdftoppm). Debian:
#   apt-get install -y texlive-latex-base texlive-latex-recommended texlive-latex-extra \
#     texlive-fonts-recommended libreoffice-writer-nogui pandoc qpdf poppler-utils
# After regenerating, rewrite the goldens: DOSSIER_UPDATE_GOLDENS=1 swift test --filter GoldenTests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src="$here/src"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Reproducible pdfTeX output: fixed dates and document ids.
export SOURCE_DATE_EPOCH=1735689600 FORCE_SOURCE_DATE=1

latex() { # stem
    cp "$src/$1.tex" "$work/"
    (cd "$work" && for _ in 1 2; do pdflatex -interaction=nonstopmode -halt-on-error "$1.tex" >/dev/null; done)
    cp "$work/$1.pdf" "$here/$1.pdf"
}

# 1. LaTeX moderncv: a narrow date column on the left of each entry.
latex moderncv-cv
# 2. LaTeX two-column, publication-heavy.
latex twocolumn-cv
# 3. LaTeX publication list over two pages: numbered references with hanging indents, bold self-name,
#    running header and footer, page numbers.
latex publications
# 3b. LaTeX résumé with dates and places set flush right beside each entry.
latex right-dates-resume
# 4. LibreOffice Writer from HTML: a side column (table) beside the main text.
cp "$src/libreoffice-cv.html" "$work/"
(cd "$work" && soffice --headless -env:UserInstallation=file://$work/lo-profile --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export libreoffice-cv.html >/dev/null 2>&1)
cp "$work/libreoffice-cv.pdf" "$here/libreoffice-cv.pdf"
# 5. pandoc (Markdown → LaTeX → PDF).
pandoc "$src/pandoc-cv.md" -o "$work/pandoc-cv.pdf" -V geometry:margin=2.5cm -V colorlinks=true
cp "$work/pandoc-cv.pdf" "$here/pandoc-cv.pdf"
# 6. Encrypted: opens only with a password.
qpdf --encrypt user-secret owner-secret 256 -- "$here/pandoc-cv.pdf" "$here/encrypted.pdf"
# 7. No text layer: page 1 of the pandoc CV rendered to an image and wrapped back into a PDF.
pdftoppm -r 60 -f 1 -l 1 -png -singlefile "$here/pandoc-cv.pdf" "$work/scanned-page"
cp "$src/scanned.tex" "$work/"
(cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error scanned.tex >/dev/null)
cp "$work/scanned.pdf" "$here/scanned.pdf"
# 8. Truncated: the first 40 % of a real PDF, as an interrupted download leaves it.
size=$(wc -c < "$here/twocolumn-cv.pdf")
head -c $((size * 2 / 5)) "$here/twocolumn-cv.pdf" > "$here/truncated.pdf"
echo "samples regenerated in $here"
