"""One publication as printed: hand-written styles (the way people type their lists) and CSL styles through
pandoc's citeproc. An entry is a list of segments (text, marks) with marks drawn from 'b', 'i', 'u', plus the
truth about what the printed author list shows."""
import html
import json
import os
import re
import subprocess
import tempfile

from refs import fold

HAND_STYLES = ["hand-apa", "hand-vancouver", "hand-ieee", "hand-fullname", "hand-titlefirst", "hand-yearfirst"]
CSL_STYLES = ["apa", "vancouver", "ieee", "nature", "american-physics-society", "american-medical-association", "american-sociological-association", "din-1505-2",
              "institute-of-physics-numeric", "springer-lecture-notes-in-computer-science",
              "association-for-computing-machinery", "chicago-author-date", "harvard-cite-them-right",
              "modern-language-association", "elsevier-harvard", "springer-basic-author-date", "the-lancet", "bmj",
              "cell", "pnas", "plos", "annual-reviews", "apa-cv", "vancouver-brackets"]
CSL_DIR = "/usr/share/citation-style-language/styles"


class Entry:
    def __init__(self, segments, truth, parts=None):
        self.segments = segments      # [(text, marks)]
        self.truth = truth            # dict for the label
        self.parts = parts            # {'authors': segs, 'title': segs, 'venue': segs, 'year': str} (hand styles only)


def plain(segments):
    return "".join(t for t, _ in segments)


def _initials_compact(given):
    return re.sub(r"[.\s]", "", given) if re.fullmatch(r"[A-Z.\-\s]+", given) else "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w)


def _initials(given):
    if re.fullmatch(r"(?:[A-Z]\.[\s\-]?)+", given.strip()):
        return given.strip()
    return " ".join(w[0] + "." for w in re.split(r"[\s.]+", given) if w)


def name_as(a, fmt):
    f, g = a["family"], a.get("given", "")
    if fmt == "apa":
        return "%s, %s" % (f, _initials(g)) if g else f
    if fmt == "vancouver":
        return "%s %s" % (f, _initials_compact(g)) if g else f
    if fmt == "ieee":
        return "%s %s" % (_initials(g), f) if g else f
    if fmt == "full":
        return "%s %s" % (g, f) if g else f
    return "%s, %s" % (f, g) if g else f


def hand_authors(item, fmt, trunc, emph, cofirst_mark):
    """Segments for the author list and the truth (authors count, truncated, position)."""
    authors = item["author"]
    n = len(authors)
    pos = item["_position"]
    shown = list(range(n))
    tail = None
    if trunc and n > trunc["over"]:
        k = trunc["keep"]
        shown = list(range(k))
        if trunc["kind"] == "etal":
            tail = " et al."
        elif trunc["kind"] == "more":
            tail = " […%d more…]" % (n - k)
        else:
            tail = ", …"
    names = []
    for i in shown:
        text = name_as(authors[i], fmt)
        if cofirst_mark and i in item.get("_cofirst", []):
            text += cofirst_mark
        names.append((text, emph if authors[i].get("applicant") else ""))
    segs = []
    for j, (text, marks) in enumerate(names):
        if j > 0:
            last = j == len(names) - 1 and tail is None
            if fmt == "apa":
                sep = ", & " if last else ", "
            elif fmt == "ieee":
                sep = (", and " if len(names) > 2 else " and ") if last else ", "
            elif fmt == "full":
                sep = " and " if last else ", "
            elif fmt == "lastfirst":
                sep = "; "
            else:
                sep = ", "
            segs.append((sep, ""))
        segs.append((text, marks))
    if tail:
        if tail == ", …" and n - 1 not in shown:
            tail = ", … " if fmt != "apa" else ", . . . "
            segs.append((tail, ""))
            last = authors[-1]
            segs.append((name_as(last, fmt), emph if last.get("applicant") else ""))
        else:
            segs.append((tail, ""))
    truncated = len(shown) < n
    truth = {"authors": None if truncated else n, "authorsTruncated": truncated,
             "applicantPosition": pos if pos - 1 in shown else None}
    return segs, truth


def _venue(item, group):
    c = item.get("container-title") or item.get("publisher") or ""
    if group == "sub:preprint":
        return "Under review at " + c if c else "Submitted"
    return c


def hand_entry(item, style, rng, opts):
    fmt = {"hand-apa": "apa", "hand-vancouver": "vancouver", "hand-ieee": "ieee", "hand-fullname": "full",
           "hand-titlefirst": opts["namefmt"], "hand-yearfirst": opts["namefmt"]}[style]
    authors, truth = hand_authors(item, fmt, opts["trunc"], opts["emph"], opts.get("cofirst"))
    title = item["title"]
    year = item["issued"]["date-parts"][0][0]
    venue = _venue(item, item.get("_group"))
    vol, iss, page, doi = item.get("volume"), item.get("issue"), item.get("page"), item.get("DOI")
    I = "i"
    s = []
    if style == "hand-apa":
        s = authors + [(" (%d). " % year, ""), (title + ". ", ""), (venue, I)]
        if vol:
            s += [(", ", ""), (vol, I)] + ([("(%s)" % iss, "")] if iss else [])
        if page:
            s += [(", " + page, "")]
        s += [(".", "")] + ([(" https://doi.org/" + doi, "")] if doi and opts["doi"] else [])
    elif style == "hand-vancouver":
        tail = "%d" % year + (" " + rng.choice(["Jan", "Mar", "Jul", "Oct", "Dec"]) if opts["month"] else "")
        if vol:
            tail += ";%s" % vol + ("(%s)" % iss if iss else "")
        if page:
            tail += ":" + page.replace("–", "-")
        s = authors + [(". " + title + ". ", ""), (venue + ". " + tail + ".", "")] + ([(" doi:" + doi, "")] if doi and opts["doi"] else [])
    elif style == "hand-ieee":
        s = authors + [(", “" + title + ",” ", ""), (venue, I)]
        if vol:
            s.append((", vol. " + vol, ""))
        if iss:
            s.append((", no. " + iss, ""))
        if page:
            s.append((", pp. " + page, ""))
        s.append((", %d." % year, ""))
    elif style == "hand-fullname":
        s = authors + [(". ", ""), (title, "b"), (". ", ""), (venue, I)] + ([(" " + vol, "")] if vol else []) + ([(", " + page, "")] if page else []) + [(" (%d)." % year, "")]
    elif style == "hand-titlefirst":
        s = [(title, "b"), (". ", "")] + authors + [(". ", ""), (venue, I), (", %d." % year, "")]
    else:  # hand-yearfirst
        s = [("%d: " % year, "")] + authors + [(". " + title + ". ", ""), (venue, I)] + ([(" " + vol, "")] if vol else []) + [(".", "")]
    truth.update({"title": item["title"], "year": year})
    parts = {"authors": authors, "title": [(title, "")], "venue": [(venue, I)] + ([(", " + vol, "")] if vol else []) + ([(", " + page, "")] if page else []),
             "year": str(year), "doi": doi if opts["doi"] else None}
    return Entry([x for x in s if x[0]], truth, parts)


# ------------------------------------------------------------------ CSL through pandoc --citeproc

def csl_json(items):
    out = []
    for it in items:
        d = {k: v for k, v in it.items() if not k.startswith("_")}
        d["author"] = [{"family": a["family"], "given": a["given"]} for a in it["author"]]
        out.append(d)
    return out


def run_citeproc(items, style, workdir):
    """{id: html of the entry} in the style's order."""
    bib = os.path.join(workdir, "refs.json")
    with open(bib, "w", encoding="utf-8") as f:
        json.dump(csl_json(items), f, ensure_ascii=False)
    src = "---\nnocite: |\n  " + ", ".join("@" + it["id"] for it in items) + "\n---\n"
    r = subprocess.run(["pandoc", "-f", "markdown", "-t", "html", "--citeproc", "--bibliography", bib,
                        "--csl", os.path.join(CSL_DIR, style + ".csl"), "--wrap=none"],
                       input=src, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError("pandoc citeproc %s: %s" % (style, r.stderr[:300]))
    entries = {}
    for m in re.finditer(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)</div>\s*(?=<div id="ref-|</div>\s*$)', r.stdout, re.S):
        entries[m.group(1)] = m.group(2).strip()
    return entries


def html_to_segments(h):
    """Citeproc's HTML (i, em, b, strong, span small-caps, a, sup, divs for the number) as segments."""
    segs, marks = [], []
    h = re.sub(r'<div class="csl-left-margin">(.*?)</div>', r"\1 ", h, flags=re.S)
    h = re.sub(r"</?div[^>]*>", "", h)
    for tok in re.split(r"(<[^>]+>)", h):
        if not tok:
            continue
        if tok.startswith("<"):
            tag = re.match(r"</?\s*([a-z0-9]+)", tok)
            name = tag.group(1) if tag else ""
            closing = tok.startswith("</")
            mark = {"i": "i", "em": "i", "b": "b", "strong": "b"}.get(name, "")
            if name in ("i", "em", "b", "strong", "span", "a", "sup", "sub"):
                if closing:
                    if marks:
                        marks.pop()
                else:
                    marks.append(mark)
            continue
        text = html.unescape(tok)
        segs.append((text, "".join(sorted(set("".join(marks))))))
    # merge
    out = []
    for t, m in segs:
        if out and out[-1][1] == m:
            out[-1] = (out[-1][0] + t, m)
        else:
            out.append((t, m))
    if out:
        out[0] = (out[0][0].lstrip(), out[0][1])
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return [(re.sub(r"\s+", " ", t), m) for t, m in out if t]


def split_number(segs):
    """('[12] ' prefix, rest) for numeric styles whose left margin holds the number."""
    if segs and re.match(r"^\s*(\[\d+\]|\d+\.)\s", segs[0][0]):
        m = re.match(r"^\s*(\[\d+\]|\d+\.)\s+", segs[0][0])
        return m.group(1), [(segs[0][0][m.end():], segs[0][1])] + segs[1:]
    return None, segs


def emphasize(segs, me, emph):
    """Marks the applicant's name (as the style printed it) with emph."""
    if not emph:
        return segs
    fam = re.escape(me["family"])
    pat = re.compile(r"(?:(?:[A-Z][a-z]*\.?[\s\-]?){1,3}\s?)%s|%s(?:,?\s(?:[A-Z]\.(?:[\s\-]{0,2}[A-Z]\.){0,2}|[A-Z]{1,3}(?:-[A-Z]{1,2})?(?!\w)))?" % (fam, fam))
    out = []
    for t, m in segs:
        pos = 0
        for mm in pat.finditer(t):
            out.append((t[pos:mm.start()], m))
            out.append((mm.group(0).strip(), "".join(sorted(set(m + emph)))))
            if mm.group(0) != mm.group(0).rstrip():
                out.append((" ", m))
            pos = mm.end()
        out.append((t[pos:], m))
    return [x for x in out if x[0]]


def probe_style(style, workdir):
    """Which authors a style prints for lists of 1..45 authors (et al. rules), and whether it prints titles."""
    syll = ["ka", "lo", "mi", "nu", "pe", "ri", "so", "tu", "va", "zo"]
    fams = ["Q" + syll[i // 10] + syll[i % 10] + "xen" for i in range(60)]
    items = []
    for n in range(1, 61):
        items.append({"id": "n%d" % n, "type": "article-journal", "title": "Probe title number %s" % ("x" * (n % 7 + 1) + " " + str(n)),
                      "container-title": "Journal of Probes", "issued": {"date-parts": [[2000 + n % 20]]}, "volume": "3", "page": "1–9",
                      "author": [{"family": fams[(i + n) % 60], "given": "A. B."} for i in range(n)]})
    for t, kind in enumerate(["paper-conference", "book", "chapter"]):
        extra = {"id": "t%d" % t, "type": kind, "title": "Probe title of kind %s" % kind.replace("-", " "), "publisher": "Probe Press",
                 "issued": {"date-parts": [[2001]]}, "author": [{"family": "Typeprobe", "given": "C."}]}
        if kind != "book":
            extra["container-title"] = "Proceedings of Probes"
        items.append(extra)
    entries = run_citeproc(items, style, workdir)
    shown, titles = {}, 0
    for t, kind in enumerate(["paper-conference", "book", "chapter"]):
        titles += fold("Probe title of kind %s" % kind.replace("-", " ")) in fold(plain(html_to_segments(entries.get("t%d" % t, ""))))
    for n in range(1, 61):
        text = plain(html_to_segments(entries.get("n%d" % n, "")))
        shown[n] = [i for i in range(n) if re.search(r"\b%s\b" % fams[(i + n) % 60], text, re.I)]
        titles += fold("Probe title number %s" % ("x" * (n % 7 + 1) + " " + str(n))) in fold(text)
    return {"shown": shown, "titles": titles == 63}


def csl_entries(items, style, profile, me, emph, workdir):
    """Entries for items in the style's own order; truth from the style's et-al profile, checked against the text."""
    html_entries = run_citeproc(items, style, workdir)
    by_id = {it["id"]: it for it in items}
    out, problems = [], 0
    for key, h in html_entries.items():
        it = by_id[key]
        m = re.search(r'<div class="csl-left-margin">(.*?)</div>', h, re.S)
        number = plain(html_to_segments(m.group(1))).strip() if m else None
        if m:
            h = h[:m.start()] + h[m.end():]
        rest = html_to_segments(h)
        n = len(it["author"])
        shown = profile["shown"][str(n)] if isinstance(next(iter(profile["shown"])), str) else profile["shown"][n]
        pos = it["_position"]
        truncated = len(shown) < n
        position = pos if (pos - 1) in shown and (not truncated or all(i in shown for i in range(pos))) else None
        text = fold(plain(rest))
        if fold(it["title"]) not in text:
            problems += 1
        if position is not None and fold(me["family"]) not in text:
            problems += 1
            position = None
        truth = {"title": it["title"], "year": it["issued"]["date-parts"][0][0], "applicantPosition": position,
                 "authors": None if truncated else n, "authorsTruncated": truncated}
        e = Entry(emphasize(rest, me, emph), truth)
        e.number = number
        e.id = key
        out.append(e)
    return out, problems
