#!/usr/bin/env python3
"""Checks a generated set against its own labels, without dossier: every labelled heading and title must be in
the document's text (HTML with tags stripped), folded as `dossier eval` folds. In PDFs (pdftotext, hyphens at
line ends joined) a title broken across columns or pages is accepted when all its words are in the document
and counted apart. Prints the documents and items that fail; exit 1 if any.

    python3 Benchmarks/cvgen/check.py --out out/cvgen
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refs import fold  # noqa: E402


def text_of(path):
    if path.endswith(".pdf"):
        # the whole page, then the columns of a two-column page and of a sidebar page (A4, 595 × 842 pt) one by one
        texts = []
        for crop in ([], ["-x", "0", "-y", "0", "-W", "298", "-H", "842"], ["-x", "298", "-y", "0", "-W", "297", "-H", "842"],
                     ["-x", "0", "-y", "0", "-W", "199", "-H", "842"], ["-x", "199", "-y", "0", "-W", "396", "-H", "842"]):
            texts.append(subprocess.run(["pdftotext", "-enc", "UTF-8"] + crop + [path, "-"], capture_output=True, text=True).stdout)
        return re.sub(r"-\n", "", "\n".join(texts))
    t = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        t = html.unescape(re.sub(r"<[^>]+>", "", t))
    return t.replace("\\", "")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="out/cvgen")
    a = ap.parse_args(argv)
    with open(os.path.join(a.out, "manifest.tsv"), encoding="utf-8") as f:
        next(f)
        docs = [line.split("\t")[0] for line in f if line.strip()]
    bad = titles = headings = scattered = 0
    for d in docs:
        path = os.path.join(a.out, d)
        label = json.load(open(path + ".json", encoding="utf-8"))
        text = fold(text_of(path))
        squeezed = text.replace(" ", "")
        words = set(text.split())
        missing = []
        for h in label["sections"]:
            headings += 1
            if fold(h) not in text and fold(h).replace(" ", "") not in squeezed:
                missing.append("heading: " + h)
        for p in label["publications"]:
            titles += 1
            if fold(p["title"]) not in text and fold(p["title"]).replace(" ", "") not in squeezed:
                if path.endswith(".pdf") and all(w in words or w in squeezed for w in fold(p["title"]).split()):
                    scattered += 1
                else:
                    missing.append("title: " + p["title"])
        if fold(label["name"]) not in text:
            missing.append("name: " + label["name"])
        if missing:
            bad += len(missing)
            print(d)
            for m in missing:
                print("  " + m)
    print("%d documents, %d headings, %d titles checked: %d not found in the text; %d PDF titles found only as words "
          "(broken across columns or pages)" % (len(docs), headings, titles, bad, scattered))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
