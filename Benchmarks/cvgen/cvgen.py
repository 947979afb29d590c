#!/usr/bin/env python3
"""Generates CVs whose truth is known by construction, each NAME.ext beside NAME.ext.json in the label format
`dossier eval` reads, plus manifest.tsv (layout, style, … per document) and splits.json (held-out templates).

    python3 Benchmarks/cvgen/cvgen.py --count 2000 --seed 1 --out out/cvgen
    python3 Benchmarks/cvgen/cvgen.py --smoke            # 12 Markdown/HTML documents, no LaTeX, a few seconds
"""
import argparse
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import content  # noqa: E402
import entries as E  # noqa: E402
import layouts as LY  # noqa: E402
import refs  # noqa: E402

EXT = {"md": "md", "html": "html", "pdf": "pdf"}
LANG_WEIGHTS = [("en", 70), ("de", 9), ("fr", 9), ("es", 6), ("zh", 6)]

# The default held-out split: these layouts and styles are never in "train"; "test" is every document that uses
# one of them (a layout or a style never seen), "test-both" those that use both.
HELD_OUT_LAYOUTS = ["md-dash", "html-divs", "moderncv-banking", "latex-sidebar", "pandoc-pdf"]
HELD_OUT_STYLES = ["hand-yearfirst", "ieee", "chicago-author-date", "the-lancet", "american-sociological-association", "cell"]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def assign(i, layouts, seed):
    """Layout and style of document i: layouts round-robin, styles round-robin within each layout."""
    layout = layouts[i % len(layouts)]
    k = i // len(layouts)
    if layout in LY.NEEDS_PARTS:
        styles = E.HAND_STYLES
    else:
        styles = E.HAND_STYLES + E.CSL_STYLES
    # a fixed permutation per layout so that styles are not aligned across layouts
    order = sorted(styles, key=lambda s: hash_str("%d:%s:%s" % (seed, layout, s)))
    return layout, order[k % len(order)]


def hash_str(s):
    import hashlib
    return hashlib.sha256(s.encode()).hexdigest()


def hand_opts(rng, layout):
    trunc = None
    if rng.random() < 0.35:
        kind = rng.choice(["etal", "etal", "more", "ellipsis"])
        keep = rng.choice([1, 3, 5, 6, 10])
        trunc = {"kind": kind, "keep": keep, "over": max(keep, rng.choice([3, 6, 10]))}
    return {"trunc": trunc, "emph": rng.choice(["", "b", "b", "u", "i", "bi"]), "doi": rng.random() < 0.3,
            "month": rng.random() < 0.3, "namefmt": rng.choice(["apa", "vancouver", "ieee", "full"])}


def order_items(rng, items, by_year):
    items = list(items)
    if by_year:
        items.sort(key=lambda it: -it["issued"]["date-parts"][0][0])
    return items


def generate_one(job):
    i, seed, out, layout, style, pool, profiles, keep_tex = job
    rng = random.Random("%d:%d" % (seed, i))
    lang = weighted(rng, LANG_WEIGHTS)
    if layout in LY.NEEDS_LATEX and lang == "zh":
        lang = "en"
    person = content.make_person(rng)
    n_pubs = rng.choice([3, 4, 5, 6, 8, 10, 12, 15, 18, 21, 25, 30, 40])
    cv = content.make_cv(rng, person, pool, lang, n_pubs, long_lists=rng.random() < 0.2)
    cv["_yearstyle"] = rng.random() < 0.5
    cv["_loose"] = rng.random() < 0.4
    plan = content.section_plan(rng, cv)
    by_year = layout == "md-years" or rng.random() < 0.7
    groups = [g for s in plan if s["kind"] == "publications" for g in s["groups"]]
    for g in groups:
        g["items"] = order_items(rng, g["items"], by_year)
    opts = hand_opts(rng, layout)
    if cv.get("cofirst") and style.startswith("hand-"):
        opts["cofirst"] = cv["cofirst"]["mark"]
    else:
        cv["cofirst"] = None
    problems = 0
    pubs = {}
    with tempfile.TemporaryDirectory(prefix="cvgen") as tmp:
        if style.startswith("hand-"):
            for g in groups:
                pubs[id(g)] = [E.hand_entry(it, style, rng, opts) for it in g["items"]]
        else:
            allitems = [it for g in groups for it in g["items"]]
            made, problems = E.csl_entries(allitems, style, profiles[style], cv["me"], opts["emph"], tmp)
            by_id = {e.id: e for e in made}
            order = {e.id: k for k, e in enumerate(made)}
            for g in groups:
                ids = sorted((it["id"] for it in g["items"]), key=lambda x: order[x])
                if layout == "md-years":
                    ids.sort(key=lambda x: -by_id[x].truth["year"])
                pubs[id(g)] = [by_id[x] for x in ids]
        source_layout = ""
        if layout in LY.MD_LAYOUTS:
            text, fmt = LY.render_md(cv, plan, pubs, layout, rng), "md"
        elif layout in LY.HTML_LAYOUTS:
            text, fmt = LY.render_html(cv, plan, pubs, layout, rng), "html"
        elif layout in LY.PANDOC_LAYOUTS:
            source_layout = rng.choice(LY.MD_LAYOUTS)
            md = LY.render_md(cv, plan, pubs, source_layout, rng)
            fmt = "html" if layout == "pandoc-html" else "pdf"
            text = md
        else:
            text, fmt = LY.render_latex(cv, plan, pubs, layout, rng), "pdf"
        name = "%05d-%s-%s.%s" % (i, layout, style, EXT[fmt])
        path = os.path.join(out, name)
        try:
            if layout == "pandoc-html":
                r = subprocess.run(["pandoc", "-f", "markdown", "-t", "html", "-s", "--metadata", "pagetitle=" + person["name"], "-o", path],
                                   input=text, capture_output=True, text=True, timeout=120)
                if r.returncode:
                    raise RuntimeError(r.stderr[:300])
            elif layout == "pandoc-pdf":
                src = os.path.join(tmp, "cv.md")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(text)
                r = subprocess.run(["pandoc", src, "-o", os.path.join(tmp, "cv.pdf"), "--pdf-engine=pdflatex", "-V", "geometry:margin=2.2cm",
                                    "-V", "fontsize=" + rng.choice(["10pt", "11pt", "12pt"])], capture_output=True, text=True, timeout=300, cwd=tmp)
                if r.returncode:
                    raise RuntimeError(r.stderr[-400:])
                shutil.copy(os.path.join(tmp, "cv.pdf"), path)
            elif fmt == "pdf":
                src = os.path.join(tmp, "cv.tex")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(text)
                r = subprocess.run(["pdflatex", "-interaction=batchmode", "-halt-on-error", "cv.tex"], capture_output=True, text=True, timeout=300, cwd=tmp)
                if r.returncode or not os.path.exists(os.path.join(tmp, "cv.pdf")):
                    log = open(os.path.join(tmp, "cv.log"), encoding="latin-1").read() if os.path.exists(os.path.join(tmp, "cv.log")) else ""
                    raise RuntimeError("pdflatex: " + "\n".join(l for l in log.splitlines() if l.startswith("!"))[:400])
                shutil.copy(os.path.join(tmp, "cv.pdf"), path)
                if keep_tex:
                    shutil.copy(src, path[:-4] + ".tex.txt")
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
        except Exception as exc:  # a document that did not typeset is reported, not labelled
            return {"error": "%s: %s" % (name, exc)}
    sections = {}
    for s in plan:
        sections[s["heading"]] = s["kind"]
        for g in s.get("groups", []):
            if g["heading"]:
                sections[g["heading"]] = "publications"
    labelled = []
    for g in groups:
        for e in pubs[id(g)]:
            t = e.truth
            row = {"title": t["title"], "year": t["year"], "applicantPosition": t["applicantPosition"], "authors": t["authors"],
                   "raw": E.plain(e.segments)}
            if t["authorsTruncated"]:
                row["authorsTruncated"] = True
            labelled.append(row)
    label = {"file": name, "generator": "Benchmarks/cvgen", "seed": seed, "index": i, "layout": layout, "style": style,
             "sourceLayout": source_layout or None, "lang": lang, "name": person["name"], "emails": [person["email"]],
             "sections": sections, "sectionsComplete": True, "publications": labelled, "referees": len(cv["referees"]),
             "notes": "generated; publication metadata from the corpus (%s)" % ", ".join(sorted({it["_source"].split(":")[0] for g in groups for it in g["items"]}))}
    with open(path + ".json", "w", encoding="utf-8") as f:
        json.dump(label, f, ensure_ascii=False, indent=1)
    return {"row": [name, layout, style, fmt, lang, str(len(labelled)), cv["group_mode"], source_layout or "-",
                    str(sum(1 for x in labelled if x.get("authorsTruncated"))), str(problems)]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=None, help="documents to generate (default 2000; 12 with --smoke)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="out/cvgen", help="output directory (emptied first)")
    ap.add_argument("--references", default=None, help="the corpus's dev/references directory (default: ../shared/corpus/dev/references beside the repository)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel documents (LaTeX runs inside; default 2)")
    ap.add_argument("--smoke", action="store_true", help="Markdown and HTML layouts only (no LaTeX), default 12 documents")
    ap.add_argument("--layouts", default=None, help="comma-separated layouts to use (default: all; see --list)")
    ap.add_argument("--keep-tex", action="store_true", help="keep each LaTeX source beside its PDF as NAME.tex.txt")
    ap.add_argument("--list", action="store_true", help="print the layouts and styles and exit")
    a = ap.parse_args(argv)
    if a.list:
        print("layouts:", " ".join(LY.ALL))
        print("styles:", " ".join(E.HAND_STYLES + E.CSL_STYLES))
        return 0
    count = a.count if a.count is not None else (12 if a.smoke else 2000)
    layouts = LY.MD_LAYOUTS + LY.HTML_LAYOUTS + ["pandoc-html"] if a.smoke else list(LY.ALL)
    if a.layouts:
        layouts = [x for x in a.layouts.split(",") if x]
        unknown = [x for x in layouts if x not in LY.ALL]
        if unknown:
            ap.error("unknown layouts: " + ", ".join(unknown))
    root = a.references
    if root is None:
        repo = os.path.abspath(os.path.join(HERE, "..", ".."))
        for cand in (os.path.join(repo, "..", "shared", "corpus", "dev", "references"), "/work/shared/corpus/dev/references"):
            if os.path.isdir(cand):
                root = cand
                break
    if not root or not os.path.isdir(root):
        print("cvgen: no references directory (pass --references …/corpus/dev/references)", file=sys.stderr)
        return 2
    t0 = time.time()
    pool = refs.load(root)
    print("cvgen: %d reference items from %s" % (len(pool), root), file=sys.stderr)
    if os.path.isdir(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    jobs = [(i,) + assign(i, layouts, a.seed) for i in range(count)]
    styles = sorted({s for _, _, s in jobs if not s.startswith("hand-")})
    profiles = {}
    with tempfile.TemporaryDirectory() as tmp:
        for s in styles:
            profiles[s] = E.probe_style(s, tmp)
    bad = [s for s in styles if not profiles[s]["titles"]]
    if bad:
        print("cvgen: styles without titles: %s" % bad, file=sys.stderr)
        return 2
    with open(os.path.join(a.out, "styles.json"), "w") as f:
        json.dump({s: {"shown": {n: len(v) for n, v in p["shown"].items()}} for s, p in profiles.items()}, f, indent=0)
    work = [(i, a.seed, a.out, layout, style, pool, profiles, a.keep_tex) for i, layout, style in jobs]
    rows, errors = [], []
    done = 0
    with multiprocessing.Pool(a.jobs) as mp:
        for res in mp.imap(generate_one, work, chunksize=1):
            done += 1
            if "error" in res:
                errors.append(res["error"])
            else:
                rows.append(res["row"])
            if done % 100 == 0:
                print("cvgen: %d/%d (%.0fs)" % (done, count, time.time() - t0), file=sys.stderr)
    header = ["document", "layout", "style", "format", "lang", "publications", "groups", "source_layout", "truncated", "check_problems"]
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    write_splits(a.out, rows, layouts, a.seed)
    if errors:
        with open(os.path.join(a.out, "errors.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(errors) + "\n")
    combos = {(r[1], r[2]) for r in rows}
    print("cvgen: %d documents (%d failed to typeset, see errors.txt), %d layouts x styles, %d layouts, %d styles, in %.0fs -> %s"
          % (len(rows), len(errors), len(combos), len({r[1] for r in rows}), len({r[2] for r in rows}), time.time() - t0, a.out), file=sys.stderr)
    return 0


def write_splits(out, rows, layouts, seed):
    def names(pred):
        return [r[0] for r in rows if pred(r)]
    split = {
        "description": "Leave-templates-out: 'train' never uses a held-out layout or style; 'test' uses at least one "
                       "(a layout or a style never seen in training), 'test-both' uses a held-out layout and a held-out style. "
                       "'folds' are leave-one-layout-out and leave-one-style-out: train on every other document, test on the one held out.",
        "seed": seed,
        "heldOut": {"layouts": HELD_OUT_LAYOUTS, "styles": HELD_OUT_STYLES},
        "train": names(lambda r: r[1] not in HELD_OUT_LAYOUTS and r[2] not in HELD_OUT_STYLES),
        "test": names(lambda r: r[1] in HELD_OUT_LAYOUTS or r[2] in HELD_OUT_STYLES),
        "test-both": names(lambda r: r[1] in HELD_OUT_LAYOUTS and r[2] in HELD_OUT_STYLES),
        "folds": [{"heldOut": {"layout": l}} for l in sorted({r[1] for r in rows})] + [{"heldOut": {"style": s}} for s in sorted({r[2] for r in rows})],
    }
    with open(os.path.join(out, "splits.json"), "w", encoding="utf-8") as f:
        json.dump(split, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
