#!/usr/bin/env bash
# Word coverage of the PDF reader: for each PDF, the share of the distinct words pdftotext finds that appear in
# our blocks (goal ≥ 99 %), and for labelled CVs (a FILE.pdf.json beside the PDF with "sections") how many of the
# labelled section headings come out as heading blocks.
#
# usage: Tests/Scripts/pdf-word-coverage.sh [PDF ...]
#   default: every PDF under ../shared/corpus and samples/pdf (the bad samples are skipped)
#   DOSSIER=path/to/dossier (default: .build/debug/dossier; build it first)
# Words are compared normalized: NFKC (ligatures), lowercase, leading/trailing punctuation stripped. A word that
# pdftotext splits at a line-end hyphen counts as found when we have the joined or the hyphenated form. Text the
# reader removed as a running header/footer or page number is reported in a diagnostic and counts as found.
# pdftotext itself joins words at line-end hyphens ("fine-grained" → "finegrained"): our hyphenated form counts.
# "pairs" is a reading-order check: the share of pdftotext's adjacent word pairs within a line that are adjacent
# in our text too (two columns read across would break most of them).
set -euo pipefail
cd "$(dirname "$0")/../.."
DOSSIER=${DOSSIER:-.build/debug/dossier}
if [ $# -eq 0 ]; then
    mapfile -t files < <( { find ../shared/corpus -name '*.pdf' 2>/dev/null; find samples/pdf -maxdepth 1 -name '*.pdf'; } \
        | grep -v -e encrypted -e scanned -e truncated | sort)
else
    files=("$@")
fi
python3 - "$DOSSIER" "${files[@]}" <<'PY'
import json, os, re, subprocess, sys, unicodedata

dossier, files = sys.argv[1], sys.argv[2:]
punct = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)

def norm(token):
    token = unicodedata.normalize("NFKC", token).lower().replace("\u00ad", "")
    return punct.sub("", token)

def words_of(text):
    return {w for w in (norm(t) for t in text.split()) if w}

def block_texts(blocks):
    for b in blocks:
        yield (b.get("marker") or "") + " " + b.get("text", "")
        for key in ("items", "blocks", "rows", "cells"):
            yield from block_texts(b.get(key) or [])

def heading_texts(blocks):
    for b in blocks:
        if b.get("type") == "heading":
            yield b.get("text", "")
        for key in ("items", "blocks", "rows", "cells"):
            yield from heading_texts(b.get(key) or [])

def key(text):
    return " ".join(unicodedata.normalize("NFKC", text).lower().replace(":", " ").split())

worst = 100.0
total_found = total_words = 0
for path in files:
    reference = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout
    run = subprocess.run([dossier, "convert", "--stages", "", "--to", "json", path], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAIL  {path}: {run.stderr.strip()}")
        worst = 0.0
        continue
    doc = json.loads(run.stdout)
    ours_text = "\n".join(block_texts(doc["blocks"]))
    ours_text += "\n" + "\n".join(d["message"] for d in doc.get("diagnostics", []) if d.get("stage") == "read-pdf")
    ours = words_of(ours_text)
    ours |= {w.replace("-", "") for w in ours}  # pdftotext drops the hyphen of "fine-\ngrained"
    ours |= {p for w in list(ours) for p in w.split("-") if p}
    # Reading order: the share of pdftotext's adjacent word pairs (inside a line) that are adjacent in our text.
    our_tokens = [norm(t) for t in ours_text.split()]
    our_pairs = set(zip(our_tokens, our_tokens[1:]))
    ref_pairs = set()
    for l in reference.splitlines():
        toks = [norm(t) for t in l.split()]
        ref_pairs |= {(a, b) for a, b in zip(toks, toks[1:]) if a and b}
    pairs = 100.0 * len(ref_pairs & our_pairs) / len(ref_pairs) if ref_pairs else 100.0
    lines = [l for l in reference.splitlines() if l.split()]
    hyphen = re.compile(r"\w[-\u00ad\u2010\u2011]$")
    wanted = {}  # word -> alternatives that also count
    for i, line in enumerate(lines):
        tokens = line.split()
        for j, tok in enumerate(tokens):
            w = norm(tok)
            if not w:
                continue
            alts = wanted.setdefault(w, set())
            if j == len(tokens) - 1 and hyphen.search(tok) and i + 1 < len(lines):
                tail = lines[i + 1].split()[0]
                alts.add(norm(tok[:-1] + tail)); alts.add(norm(tok[:-1] + "-" + tail))
            if j == 0 and i > 0 and hyphen.search(lines[i - 1].split()[-1]):
                head = lines[i - 1].split()[-1]
                alts.add(norm(head[:-1] + tok)); alts.add(norm(head[:-1] + "-" + tok))
    missing = sorted(w for w, alts in wanted.items() if w not in ours and not (alts & ours))
    found = len(wanted) - len(missing)
    share = 100.0 * found / len(wanted) if wanted else 100.0
    worst = min(worst, share)
    total_found += found; total_words += len(wanted)
    line = f"{share:6.2f}%  {found}/{len(wanted)} words  pairs {pairs:5.1f}%  {path}"
    label = path + ".json"
    if os.path.exists(label):
        sections = json.load(open(label)).get("sections", {})
        headings = {key(h) for h in heading_texts(doc["blocks"])}
        # A heading counts when it holds the label (icons and numbering around it are fine).
        hit = [s for s in sections if any(key(s) in h for h in headings)]
        line += f"  headings {len(hit)}/{len(sections)} (of {len(headings)} heading blocks)"
        miss_h = [s for s in sections if s not in hit]
        if miss_h and os.environ.get("VERBOSE"):
            line += "\n        missing headings: " + "; ".join(miss_h)
    print(line)
    if missing and os.environ.get("VERBOSE"):
        print("        missing: " + " ".join(missing[:40]))
if total_words:
    print(f"overall {100.0 * total_found / total_words:.2f}%  worst {worst:.2f}%")
PY
