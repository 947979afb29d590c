#!/usr/bin/env python3
"""Scores a generated set with `dossier eval` and prints Markdown tables per format, layout, style, language and
held-out split (from the generator's manifest.tsv and splits.json).

    python3 Benchmarks/cvgen/score.py --out out/cvgen            # builds nothing; finds .build/release/dossier
    python3 Benchmarks/cvgen/score.py --out out/cvgen --dossier /path/to/dossier
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def find_dossier():
    try:
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, timeout=120).stdout.strip()
        cand = os.path.join(bin_path, "dossier")
        if os.path.exists(cand):
            return cand
    except (OSError, subprocess.SubprocessError):
        pass
    return None


def frac(a, b):
    return "–" if b == 0 else "%d/%d (%.1f%%)" % (a, b, 100.0 * a / b)


def pct(a, b):
    return "–" if b == 0 else "%.1f%%" % (100.0 * a / b)


class Tally:
    def __init__(self):
        self.docs = self.names = self.counts = self.counted = 0
        self.titles = self.titles_n = self.pos = self.pos_n = self.sec = self.sec_n = 0
        self.failed = 0

    def add(self, r):
        self.docs += 1
        if r is None:
            self.failed += 1
            return
        self.names += r["name"] == "ok"
        if r["pub_expected"] is not None:
            self.counted += 1
            self.counts += r["pub_found"] == r["pub_expected"]
        self.titles += r["titles"][0]
        self.titles_n += r["titles"][1]
        self.pos += r["positions"][0]
        self.pos_n += r["positions"][1]
        self.sec += r["sections"][0]
        self.sec_n += r["sections"][1]

    def cells(self, fine):
        f = frac if fine else pct
        return [str(self.docs), f(self.titles, self.titles_n), f(self.pos, self.pos_n), f(self.counts, self.counted), f(self.sec, self.sec_n), f(self.names, self.docs - self.failed)]


HEAD = ["documents", "titles right", "positions right", "counts exact", "sections right", "names exact"]


def table(title, key_name, groups, fine=False):
    lines = ["", "### " + title, "", "| %s | %s |" % (key_name, " | ".join(HEAD)), "|" + "---|" * (len(HEAD) + 1)]
    for key in sorted(groups):
        lines.append("| %s | %s |" % (key, " | ".join(groups[key].cells(fine))))
    return lines


def parse_eval(text):
    rows = {}
    for line in text.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) != 9:
            if not line.strip():
                break
            continue
        doc, name, emails, sections, pubs, titles, positions, referees, entries = cols
        found, expected = pubs.split("/")

        def pair(x):
            a, b = x.split("/")
            return int(a), int(b)
        rows[os.path.basename(doc)] = {"name": name, "sections": pair(sections), "pub_found": int(found),
                                       "pub_expected": None if expected == "-" else int(expected),
                                       "titles": pair(titles), "positions": pair(positions), "referees": referees}
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="out/cvgen", help="the generator's output directory")
    ap.add_argument("--dossier", default=None, help="the dossier binary (default: the release build of this checkout)")
    ap.add_argument("--eval", default=None, help="reuse a saved `dossier eval` output instead of running it")
    a = ap.parse_args(argv)
    manifest = os.path.join(a.out, "manifest.tsv")
    if not os.path.exists(manifest):
        print("score: no %s (run cvgen.py first)" % manifest, file=sys.stderr)
        return 2
    with open(manifest, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        docs = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    if a.eval:
        text = open(a.eval, encoding="utf-8").read()
    else:
        binary = a.dossier or find_dossier()
        if not binary:
            print("score: no dossier binary (swift build -c release --static-swift-stdlib --product dossier, or pass --dossier)", file=sys.stderr)
            return 2
        r = subprocess.run([binary, "eval", a.out], capture_output=True, text=True)
        text = r.stdout
        with open(os.path.join(a.out, "eval.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        if r.stderr:
            with open(os.path.join(a.out, "eval-stderr.txt"), "w", encoding="utf-8") as f:
                f.write(r.stderr)
    results = parse_eval(text)
    splits = {}
    sp = os.path.join(a.out, "splits.json")
    if os.path.exists(sp):
        s = json.load(open(sp, encoding="utf-8"))
        for part in ("train", "test", "test-both"):
            for d in s.get(part, []):
                splits.setdefault(d, []).append(part)
    by = collections.defaultdict(lambda: collections.defaultdict(Tally))
    total = Tally()
    for d in docs:
        r = results.get(d["document"])
        total.add(r)
        family = d["layout"].split("-")[0] if not d["layout"].startswith("pandoc") else "pandoc"
        for dim, key in (("format", d["format"]), ("family", family), ("layout", d["layout"]), ("style", d["style"]),
                         ("lang", d["lang"]), ("groups", d["groups"]), ("truncated", "some et al." if d["truncated"] != "0" else "none")):
            by[dim][key].add(r)
        for part in splits.get(d["document"], []):
            by["split"][part].add(r)
    out = ["## cvgen: %d documents, %d layouts × styles" % (len(docs), len({(d["layout"], d["style"]) for d in docs})), "",
           "| | %s |" % " | ".join(HEAD), "|" + "---|" * (len(HEAD) + 1), "| all | %s |" % " | ".join(total.cells(True))]
    if total.failed:
        out.append("")
        out.append("%d documents were not scored (dossier eval could not read them; see eval-stderr.txt)" % total.failed)
    out += table("Held-out split (splits.json): train never sees the held-out layouts and styles", "part", by["split"], True)
    out += table("Per format", "format", by["format"], True)
    out += table("Per layout family", "family", by["family"])
    out += table("Per layout", "layout", by["layout"])
    out += table("Per style", "style", by["style"])
    out += table("Per heading language", "lang", by["lang"])
    out += table("Per publication grouping", "grouping", by["groups"])
    out += table("Lists cut by et al.", "cut", by["truncated"])
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
