#!/usr/bin/env python3
"""Scores a reference model on every set the README reports, one table (Markdown) with micro-F1, exact share and ECE.

    python3 Benchmarks/refgen/score.py --model M.model [--families physics,chinese] [--dossier .build/release/dossier]

Sets: AnyStyle core/gold/good, the 20 % train-references holds out; PLOS mixed-citations (another source, common
fields); ParsCit, the 20 % held out (common fields); and refgen's test renders per family (`--refgen DIR`, default
.build-refgen/test; items never rendered for training). Without --model the compiled-in model is scored.
--families limits the per-family rows (e.g. to the families a leave-families-out model never saw).
"""
import argparse
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
REFS = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "dev", "references"))


def evaluate(dossier, model, gold, extra):
    cmd = [dossier, "eval-references", "--gold", *gold, *extra] + (["--model", model] if model else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    micro = re.search(r"^micro\s+\S+\s+\S+\s+(\S+)\s+(\d+)", out, re.M)
    exact = re.search(r"^exact references\s+(\d+)/(\d+) = (\S+ %)", out, re.M)
    ece = re.search(r"^ECE \(10 bins\)\s+(\S+)", out, re.M)
    return {"f1": float(micro.group(1)), "fields": int(micro.group(2)), "refs": int(exact.group(2)),
            "exact": exact.group(3), "ece": float(ece.group(1)) if ece else None, "output": out}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model")
    ap.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    ap.add_argument("--refgen", default=os.path.join(ROOT, ".build-refgen", "test"))
    ap.add_argument("--families", help="comma-separated families to score (default: all)")
    ap.add_argument("--skip-real", action="store_true", help="only the rendered families")
    args = ap.parse_args()
    rows = []
    if not args.skip_real:
        anystyle = os.path.join(REFS, "inukshuk+anystyle", "res", "parser")
        plos = os.path.join(ROOT, ".build-refgen", "plos.xml")
        if not os.path.exists(plos):
            articles = sorted(glob.glob(os.path.join(REFS, "PLOS+allofplos", "**", "*.xml"), recursive=True))
            with open(plos, "w") as f:
                subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "jats-to-anystyle.py"), *articles], stdout=f, check=True)
        sets = [
            ("AnyStyle core/gold/good, the 20 % held out", [os.path.join(anystyle, n) for n in ("core.xml", "gold.xml", "good.xml")], ["--holdout", "0.2"]),
            ("PLOS mixed-citations, another source, common fields", [plos], ["--common-fields"]),
            ("ParsCit tagged lines, the 20 % held out, common fields", [os.path.join(REFS, "knmnyn+ParsCit", "crfpp", "taggeddata")], ["--holdout", "0.2", "--common-fields"]),
        ]
        for name, gold, extra in sets:
            rows.append((name, evaluate(args.dossier, args.model, gold, extra)))
    wanted = set(args.families.split(",")) if args.families else None
    for path in sorted(glob.glob(os.path.join(args.refgen, "*.xml"))):
        family = os.path.basename(path)[:-4]
        if wanted is None or family in wanted:
            rows.append(("rendered: " + family, evaluate(args.dossier, args.model, [path], [])))
    print("| references | count | micro-F1 | exact | ECE |")
    print("| --- | --- | --- | --- | --- |")
    for name, r in rows:
        print("| %s | %d | %.3f | %s | %s |" % (name, r["refs"], r["f1"], r["exact"], "%.3f" % r["ece"] if r["ece"] is not None else "—"))
    rendered = [r for name, r in rows if name.startswith("rendered: ")]
    if rendered:
        fields = sum(r["fields"] for r in rendered)
        mean = sum(r["f1"] * r["fields"] for r in rendered) / fields
        print("| rendered families together (weighted by gold fields) | %d | %.3f | | |" % (sum(r["refs"] for r in rendered), mean))


if __name__ == "__main__":
    main()
