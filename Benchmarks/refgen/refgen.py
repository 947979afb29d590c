#!/usr/bin/env python3
"""Training references in many citation styles, labelled by construction.

The corpus's labelled references (AnyStyle, ParsCit; read into CSL items by ../cvgen/refs.py) are rendered through
the CSL styles listed in styles.txt with pandoc's citeproc. Every field value goes in wrapped in private-use marker
characters (family names too), so the rendered string says which characters came from which field; the markers are
then removed and each token takes the label of its characters (tokens from no field — "vol.", "pp.", "In:",
initials, "et al." — by rules, see `label_tokens`). References whose labelling is not clean are dropped. A seeded
share of the strings then gets the damage PDF extraction does (separators moved onto the next token, glued and
split tokens, spaced identifiers, hyphenation, ligatures), labels carried along character by character.

Only references in the training share of `train-references --holdout 0.2` are used (the same FNV-1a hash of the
normalised text), and no PLOS reference at all: the AnyStyle/ParsCit held-out shares and PLOS stay unseen.

Output (AnyStyle XML, which `dossier train-references --data` reads), one file per style family:
    OUT/train/FAMILY.xml   rendered + noised references for training
    OUT/test/FAMILY.xml    the same styles over other items (a disjoint set, by item hash) for scoring
    OUT/test-noisy/FAMILY.xml  every test render again with PDF-extraction damage (its own random stream)
    OUT/validation/FAMILY.xml  the training styles over training items again, other picks and their own random
                           stream (train and test stay byte for byte as without it), never trained on: `train-references
                           --calibration-data` fits the confidence of rule-set fields on them, where the 5 % calibration
                           share alone holds too few (rules set about 11 of its 3,484 fields)
Usage: python3 Benchmarks/refgen/refgen.py --out .build-refgen --seed 1
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cvgen"))
import refs  # noqa: E402  (the corpus reader shared with cvgen)

STYLES_DIR = "/usr/share/citation-style-language/styles"
MARK_BASE = 0xE000  # field k: start U+E000+2k, end U+E001+2k
FIELDS = ["title", "container-title", "publisher", "publisher-place", "volume", "issue", "page", "DOI", "family"]
MARKS = {}
for _k, _f in enumerate(FIELDS):
    MARKS[chr(MARK_BASE + 2 * _k)] = (_f, True)
    MARKS[chr(MARK_BASE + 2 * _k + 1)] = (_f, False)


# ------------------------------------------------------------------ the hold-out hash of train-references

def fnv_bucket(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 10000


def normalized(fields):
    text = " ".join(" ".join(t.split()) for _, t in fields if " ".join(t.split()))
    return " ".join(text.lower().split())


def held_out_sources(root, fraction=0.2):
    """Source ids ("anystyle:core.xml#12", "parscit:FILE#3") of the references train-references holds out."""
    out = set()
    threshold = int(fraction * 10000)
    pdir = os.path.join(root, "inukshuk+anystyle", "res", "parser")
    for name in sorted(os.listdir(pdir)):
        if not name.endswith(".xml"):
            continue
        for i, seq in enumerate(ET.parse(os.path.join(pdir, name)).getroot().iter("sequence")):
            fields = [(el.tag, "".join(el.itertext())) for el in seq]
            if fnv_bucket(normalized(fields)) < threshold:
                out.add("anystyle:%s#%d" % (name, i))
    import glob
    import html
    for path in sorted(glob.glob(os.path.join(root, "knmnyn+ParsCit", "**", "*.tagged.txt"), recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, line in enumerate(f):
                fields = [(t, html.unescape(x)) for t, x in re.findall(r"<([a-z]+)>(.*?)</\1>", line)]
                if fields and fnv_bucket(normalized(fields)) < threshold:
                    out.add("parscit:%s#%d" % (os.path.basename(path), i))
    return out


# ------------------------------------------------------------------ rendering

def mark(field, value):
    k = FIELDS.index(field)
    return chr(MARK_BASE + 2 * k) + value + chr(MARK_BASE + 2 * k + 1)


def marked_item(item, ident):
    out = {"id": ident, "type": item["type"], "issued": item["issued"]}
    for key in ("title", "container-title", "publisher", "publisher-place", "volume", "issue", "page", "DOI"):
        if item.get(key):
            out[key] = mark(key, item[key])
    out["author"] = [{"family": mark("family", a["family"]), "given": a["given"]} for a in item["author"]]
    return out


def stringify(inlines):
    out = []
    for el in inlines:
        t, c = el.get("t"), el.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Emph", "Strong", "SmallCaps", "Superscript", "Subscript", "Strikeout", "Underline"):
            out.append(stringify(c))
        elif t == "Quoted":
            q = ("“", "”") if c[0]["t"] == "DoubleQuote" else ("‘", "’")
            out.append(q[0] + stringify(c[1]) + q[1])
        elif t in ("Span", "Link"):
            out.append(stringify(c[1]))
        elif t == "Code":
            out.append(c[1])
    return "".join(out)


def blocks_text(blocks):
    parts = []
    for b in blocks:
        if b["t"] in ("Para", "Plain"):
            parts.append(stringify(b["c"]))
        elif b["t"] == "Div":
            parts.append(blocks_text(b["c"][1]))
    return " ".join(p for p in parts if p)


def render(style, lang, items):
    """{item id: rendered string with markers} for one style."""
    meta = {"nocite": "@*", "references": items}
    if lang != "-":
        meta["lang"] = lang
    doc = "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n"
    proc = subprocess.run(["pandoc", "-f", "markdown", "-t", "json", "--citeproc", "--csl",
                           os.path.join(STYLES_DIR, style + ".csl")], input=doc.encode(), capture_output=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace")[:300])
    ast = json.loads(proc.stdout)
    out = {}

    def walk(blocks):
        for b in blocks:
            if b["t"] == "Div":
                ident = b["c"][0][0]
                if ident.startswith("ref-"):
                    out[ident[4:]] = " ".join(blocks_text(b["c"][1]).split())
                else:
                    walk(b["c"][1])
    walk(ast["blocks"])
    return out


# ------------------------------------------------------------------ labels by construction

def close_truncated(marked):
    """Styles that print only the first page ("page-first") drop the end marker: close it after the page number."""
    start, end = chr(MARK_BASE + 2 * FIELDS.index("page")), chr(MARK_BASE + 2 * FIELDS.index("page") + 1)
    i = marked.find(start)
    if i >= 0 and end not in marked[i:]:
        m = re.match(r"[\w\-–]*", marked[i + 1:])
        j = i + 1 + m.end()
        marked = marked[:j] + end + marked[j:]
    return marked


def strip_marks(marked):
    """(text, per-character field or None) from a marked string; None when markers are unbalanced."""
    marked = close_truncated(marked)
    chars, fields, stack = [], [], []
    for ch in marked:
        if ch in MARKS:
            f, opening = MARKS[ch]
            if opening:
                stack.append(f)
            elif stack and stack[-1] == f:
                stack.pop()
            else:
                return None
            continue
        chars.append(ch)
        fields.append(stack[-1] if stack else None)
    if stack:
        return None
    return "".join(chars), fields


def tokenize(text):
    """Token (start, end) offsets as ReferenceTokenizer makes them (whitespace, then after ,;: glued to a word)."""
    spans = []
    for m in re.finditer(r"\S+", text):
        s, e = m.start(), m.end()
        chunk = m.group()
        if "://" in chunk or re.search(r"(?<!\d)10\.\d+.*/", chunk) or chunk[:4].lower() in ("www.", "doi:", "arxi", "isbn", "pmid", "pmci"):
            spans.append((s, e))
            continue
        start = s
        for i in range(s, e - 1):
            ch, nxt = text[i], text[i + 1]
            if ch == "," and nxt.isdigit() and i > s and text[i - 1].isdigit():
                continue
            if ch in ",;:" and nxt != "/" and nxt not in ")],.;:\"" and i + 1 > start:
                spans.append((start, i + 1))
                start = i + 1
        if start < e:
            spans.append((start, e))
    return spans


CITATION_NUMBER = re.compile(r"^[\[(]?\d{1,3}[\]).]?\.?$")
CONNECTOR = {"and", "&", "und", "et", "al", "al.", "y", "e", "и", "др", "др.", "u.", "a.", "等", "와/과", "und", "ve", "og", "och",
             "и", "・", "others", "others."}


# Words that name the medium a work was published in (MLA 7's closing "Print."/"Web.", bracketed "[online]",
# "[Internet]", "[en ligne]", "[электронный ресурс]"): AnyStyle's data labels them `medium`. A bare "online" is not
# one ("Published online 2011" is the date's).
MEDIUM = re.compile(r"^((print|web)|[\[(](online|internet|en ligne|электронный ресурс|cd-rom|dvd|pdf)[\])])[.,;:]?$",
                    re.IGNORECASE)


def name_like(token, item):
    """Initials, given names of the item's authors, or list connectors."""
    bare = token.strip(",;:.()[]")
    if not bare or bare.lower() in CONNECTOR or token.lower() in CONNECTOR:
        return True
    givens = set()
    initials = set()
    for a in item["author"]:
        for w in re.split(r"[\s.\-]+", a["given"]):
            if w:
                givens.add(w.lower())
                initials.add(w[0].upper())
    letters = re.sub(r"[.\-‐\s]", "", bare)
    if letters.lower() in givens:
        return True
    return bool(letters) and len(letters) <= 4 and all(c.upper() in initials for c in letters) and (letters.isupper() or "." in bare)


def field_label(field, item):
    if field == "container-title":
        return "journal" if item["type"] == "article-journal" else "container-title"
    return {"title": "title", "publisher": "publisher", "publisher-place": "location", "volume": "volume", "issue": "volume",
            "page": "pages", "DOI": "doi", "family": "author", "date": "date"}[field]


def label_tokens(text, fields, item):
    """Char labels → token labels; None when the labelling is not clean."""
    year = str(item["issued"]["date-parts"][0][0])
    fields = list(fields)
    pos = 0
    found = False
    while True:
        i = text.find(year, pos)
        if i < 0:
            break
        if all(f is None for f in fields[i:i + 4]) and not (i > 0 and text[i - 1].isdigit()) and not text[i + 4:i + 5].isdigit():
            for j in range(i, i + 4):
                fields[j] = "date"
            found = True
            break
        pos = i + 1
    if not found:
        return None
    spans = tokenize(text)
    labels = []
    for s, e in spans:
        counts = {}
        for ch, f in zip(text[s:e], fields[s:e]):
            if f is not None:
                counts[f] = counts.get(f, 0) + (1 if ch.isalnum() else 0.01)
        if sum(1 for v in counts.values() if v >= 3) > 1:
            return None  # one token holding two fields ("Reasoning[C]//Aspects"): no single label is right
        labels.append(field_label(max(counts, key=counts.get), item) if counts else None)
    n = len(spans)
    tokens = [text[s:e] for s, e in spans]
    if "author" not in labels:
        return None
    first_author = labels.index("author")
    last_author = n - 1 - labels[::-1].index("author")
    # before the first author: a citation number, initials or given names
    for i in range(first_author):
        if labels[i] is not None:
            return None
        labels[i] = "citation-number" if i == 0 and CITATION_NUMBER.match(tokens[i]) else "author"
        if labels[i] == "author" and not name_like(tokens[i], item):
            return None
    for i in range(first_author, last_author):
        if labels[i] is None:
            labels[i] = "author"
        elif labels[i] != "author":
            return None  # author names interrupted by another field
    i = last_author + 1
    while i < n and labels[i] is None and name_like(tokens[i], item):
        labels[i] = "author"
        i += 1
    # the rest: medium words ("Print.", "Web.", "[online]") are `medium`, as AnyStyle labels them; punctuation joins
    # the field before it, words ("In:", "vol.", "pp.") the field after it
    for i in range(n):
        if labels[i] is not None:
            continue
        if MEDIUM.match(tokens[i]):
            labels[i] = "medium"
            continue
        if not re.search(r"\w", tokens[i]) and i > 0:
            labels[i] = labels[i - 1]
            continue
        nxt = next((labels[j] for j in range(i + 1, n) if labels[j] is not None), None)
        labels[i] = nxt or "note"
    return spans, labels


# ------------------------------------------------------------------ PDF-extraction noise (labels carried by character)

LIGATURES = [("ffi", "ﬃ"), ("ffl", "ﬄ"), ("fi", "ﬁ"), ("fl", "ﬂ"), ("ff", "ﬀ")]


def noise(text, fields, rng):
    """A few seeded edits of the kinds PDF extraction makes; returns new (text, fields)."""
    chars, labs = list(text), list(fields)
    kinds = rng.sample(["move", "glue", "space-dot", "hyphen", "ligature", "glue-label", "space-paren"], rng.randint(1, 3))
    for kind in kinds:
        n = len(chars)
        if kind == "move":  # "Title, Journal" -> "Title ,Journal"
            spots = [i for i in range(1, n - 2) if chars[i] in ",.;:" and chars[i + 1] == " " and chars[i - 1].isalnum()]
            for i in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
                chars[i], chars[i + 1] = " ", chars[i]
                labs[i], labs[i + 1] = labs[i + 1], labs[i]
        elif kind == "glue":  # a space lost between two tokens
            spots = [i for i in range(1, n - 1) if chars[i] == " "]
            for i in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))), reverse=True):
                del chars[i]
                del labs[i]
        elif kind == "glue-label":  # "Vol. 7" -> "Vol.7", "pp. 83" -> "pp.83", "(2014) 283" -> "(2014)283"
            spots = [i for i in range(1, n - 1) if chars[i] == " " and chars[i - 1] in ".)" and chars[i + 1].isalnum()]
            for i in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))), reverse=True):
                del chars[i]
                del labs[i]
        elif kind == "space-dot":  # "Rev. D" -> "Rev .D", "1702.01748" -> "1702 .01748"
            spots = [i for i in range(1, n - 1) if chars[i] == "." and chars[i - 1].isalnum()]
            for i in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))), reverse=True):
                if chars[i + 1] == " ":
                    chars[i], chars[i + 1] = " ", "."
                    labs[i], labs[i + 1] = labs[i + 1], labs[i]
                else:
                    chars.insert(i, " ")
                    labs.insert(i, labs[i])
        elif kind == "space-paren":  # "(2014)" -> "( 2014)"
            spots = [i for i in range(0, n - 1) if chars[i] == "(" and chars[i + 1].isalnum()]
            for i in sorted(rng.sample(spots, min(len(spots), 1)), reverse=True):
                chars.insert(i + 1, " ")
                labs.insert(i + 1, labs[i])
        elif kind == "hyphen":  # a word split at a line end ("inter- national") or joined with the hyphen kept
            words = [m for m in re.finditer(r"[A-Za-z]{8,}", "".join(chars))]
            if words:
                m = rng.choice(words)
                cut = m.start() + rng.randint(3, len(m.group()) - 3)
                piece = "- " if rng.random() < 0.7 else "-"
                for k, ch in enumerate(piece):
                    chars.insert(cut + k, ch)
                    labs.insert(cut + k, labs[cut - 1])
        elif kind == "ligature":
            s = "".join(chars)
            for a, b in LIGATURES:
                idx = s.find(a)
                while idx >= 0:
                    chars[idx:idx + len(a)] = [b]
                    labs[idx:idx + len(a)] = [labs[idx]]
                    s = "".join(chars)
                    idx = s.find(a)
    return "".join(chars), labs


# ------------------------------------------------------------------ output

def sequence_xml(text, spans, labels):
    runs = []
    for (s, e), lab in zip(spans, labels):
        if runs and runs[-1][0] == lab:
            runs[-1][2] = e
        else:
            runs.append([lab, s, e])
    return "  <sequence>\n" + "".join("    <%s>%s</%s>\n" % (lab, escape(text[s:e]), lab) for lab, s, e in runs) + "  </sequence>\n"


def variant(item, family, rng):
    """Per-family variations of the metadata: non-Latin volume/issue markers, physics references without titles."""
    item = dict(item)
    if family == "korean" and item.get("volume") and rng.random() < 0.3:
        item["volume"] = "제%s권" % item["volume"]
        if item.get("issue"):
            item["issue"] = "제%s호" % item["issue"]
    if family in ("chinese", "japanese") and item.get("volume") and rng.random() < 0.3:
        item["volume"] = "第%s卷" % item["volume"]
        if item.get("issue"):
            item["issue"] = "第%s期" % item["issue"]
    return item


# ------------------------------------------------------------------ CV-shaped references (no CSL style writes these)

def cv_given(given, how):
    """A given name as a CV writes it: in full, as dotted initials ("J.-C."), or as bare initials ("VCF")."""
    words = [w for w in re.split(r"[\s.]+", given) if w]
    if how == "full" and words and all(len(w.strip("-")) > 1 for w in words):
        return " ".join(words)
    if how == "bare":
        return "".join(w[0].upper() for w in words if w[0].isalpha())
    return " ".join(("-".join(p[0].upper() + "." for p in w.split("-") if p) if w[0].isalpha() else w) for w in words)


GIVEN_NAMES = []  # full given names seen in the corpus ("Marie", "Veljko"), filled by main()


def cv_authors(item, rng):
    """The author list as a CV writes it (without its final separator). Full given names, when the item has only
    initials, are borrowed from the corpus's given names with the same first letter."""
    names = item["author"]
    shape = rng.choice(["given-family", "given-family", "initials-family", "family-initials", "family-bare",
                        "family-comma-bare"])
    if shape == "given-family" and GIVEN_NAMES:
        def full(given):
            first = [w for w in re.split(r"[\s.\-]+", given) if w][:1]
            if not first or len(first[0]) > 1:
                return given
            same = [g for g in GIVEN_NAMES if g[0] == first[0].upper()]
            return rng.choice(same) if same else given
        names = [{"family": a["family"], "given": full(a["given"])} for a in names]
    how = {"given-family": "full", "initials-family": "dots", "family-initials": "dots", "family-bare": "bare",
           "family-comma-bare": "bare"}[shape]
    written = []
    for a in names:
        g = cv_given(a["given"], how)
        if not g:
            written.append(a["family"])
        elif shape in ("given-family", "initials-family"):
            written.append(g + " " + a["family"])
        elif shape == "family-bare":
            written.append(a["family"] + " " + g)
        else:
            written.append(a["family"] + ", " + g)
    if len(written) > 6 and rng.random() < 0.3:
        text = ", ".join(written[:rng.randint(1, 3)]) + ", et al."
    elif len(written) > 1 and shape in ("given-family", "initials-family") and rng.random() < 0.7:
        text = ", ".join(written[:-1]) + rng.choice([" and ", ", and ", " & "]) + written[-1]
    elif len(written) > 1 and shape == "family-initials" and rng.random() < 0.4:
        text = ", ".join(written[:-1]) + rng.choice([", & ", " and "]) + written[-1]
    else:
        text = ", ".join(written)
    return text


def cv_reference(item, rng):
    """(label, text) pieces of one reference in a shape CVs use and CSL styles do not: plain "Authors, Title, Venue,
    Place, Year" lists, the year first, numbered entries, full given names, titles in quotes, no venue at all."""
    year = str(item["issued"]["date-parts"][0][0])
    venue_label = "journal" if item["type"] == "article-journal" else "container-title"
    title = item["title"]
    venue = item.get("container-title") or ""
    order = rng.choice(["authors-title-venue-year", "authors-title-venue-year", "authors-year-title-venue",
                        "year-authors-title-venue", "title-authors-venue-year"])
    sep = rng.choice([", ", ", ", ". "])
    pieces = []
    if rng.random() < 0.25:
        n = rng.randint(1, 60)
        pieces.append(["citation-number", rng.choice(["[%d]" % n, "%d." % n, "(%d)" % n])])
    authors = cv_authors(item, rng)
    quoted = rng.random() < 0.2
    title_text = ("“%s,”" % title) if quoted and sep == ", " else ("“%s.”" % title if quoted else title + sep.strip())
    tail = []
    if venue and rng.random() < 0.9:
        prefix = "In " if venue_label == "container-title" and rng.random() < 0.3 else ""
        tail.append([venue_label, prefix + venue])
        if item.get("volume") and rng.random() < 0.7:
            vol = item["volume"] + ("(%s)" % item["issue"] if item.get("issue") and rng.random() < 0.6 else "")
            tail.append(["volume", rng.choice(["%s", "vol. %s", "%s"]) % vol])
        if item.get("page") and rng.random() < 0.7:
            tail.append(["pages", rng.choice(["%s", "pp. %s", "p. %s"]) % item["page"]])
    if item.get("publisher") and rng.random() < 0.5:
        tail.append(["publisher", item["publisher"]])
    if item.get("publisher-place") and rng.random() < 0.5:
        tail.append(["location", item["publisher-place"]])
    def joined(parts, end):
        """Each piece but the last ends in ",", the last in `end`."""
        return [[lab, txt + ("," if k < len(parts) - 1 else end)] for k, (lab, txt) in enumerate(parts)]
    if order == "authors-title-venue-year":
        pieces.append(["author", authors + (sep.strip() if not authors.endswith(".") else "")])
        pieces.append(["title", title_text])
        pieces += joined(tail, ",") if tail else []
        pieces.append(["date", year + "."])
    elif order == "authors-year-title-venue":
        pieces.append(["author", authors + ("" if authors.endswith(".") else ".")])
        pieces.append(["date", "(%s)." % year])
        pieces.append(["title", title_text if not quoted else "“%s.”" % title])
        pieces += joined(tail, ".")
    elif order == "year-authors-title-venue":
        pieces.append(["date", rng.choice([year, year + ".", year + ":", "(%s)" % year])])
        pieces.append(["author", authors + (sep.strip() if not authors.endswith(".") else "")])
        pieces.append(["title", title_text])
        pieces += joined(tail, ".")
    else:  # the title first, then the authors (publication pages list them so)
        pieces.append(["title", title_text if title_text[-1] in ".,”" else title_text + "."])
        pieces.append(["author", authors + ("" if authors.endswith(".") else ".")])
        pieces += joined(tail, ",") if tail else []
        pieces.append(["date", year + "."])
    if item.get("DOI") and rng.random() < 0.3:
        if pieces[-1][1].endswith("."):
            pieces[-1][1] = pieces[-1][1][:-1] + ","
        pieces.append(["doi", rng.choice(["doi:", "https://doi.org/", "DOI: "]) + item["DOI"]])
    return [(lab, " ".join(txt.split())) for lab, txt in pieces if txt.strip()]


def cv_sequence_xml(pieces):
    return "  <sequence>\n" + "".join("    <%s>%s</%s>\n" % (lab, escape(txt), lab) for lab, txt in pieces) + "  </sequence>\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=".build-refgen")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--references", default=os.path.join(HERE, "..", "..", "..", "shared", "corpus", "dev", "references"))
    ap.add_argument("--per-style", type=int, default=80, help="training references rendered per style")
    ap.add_argument("--test-per-style", type=int, default=60, help="test references rendered per style")
    ap.add_argument("--noise", type=float, default=0.35, help="share of strings given PDF-extraction damage")
    ap.add_argument("--cv-shaped", type=int, default=3000, help="CV-shaped training references (family cv)")
    ap.add_argument("--test-cv-shaped", type=int, default=400, help="CV-shaped test references")
    ap.add_argument("--validation-per-style", type=int, default=40, help="validation references rendered per style")
    ap.add_argument("--validation-cv-shaped", type=int, default=400, help="CV-shaped validation references")
    args = ap.parse_args()
    if not os.path.isdir(args.references):
        sys.exit("no corpus at %s" % args.references)
    rng = random.Random(args.seed)
    held = held_out_sources(args.references)
    items = [it for it in refs.load(args.references)
             if not it["_source"].startswith("plos:") and it["_source"] not in held]
    # items split in two by a hash of their title: training renders and test renders never share an item
    train_items = [it for it in items if fnv_bucket("refgen\x1f" + refs.fold(it["title"])) >= 2500]
    test_items = [it for it in items if fnv_bucket("refgen\x1f" + refs.fold(it["title"])) < 2500]
    styles = []
    with open(os.path.join(HERE, "styles.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                styles.append(line.split())
    os.makedirs(os.path.join(args.out, "train"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "test"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "test-noisy"), exist_ok=True)
    outputs = {}
    stats = []
    # every test render again with PDF-extraction damage, from its own random stream (train/ and test/ unchanged)
    noisy_rng = random.Random(args.seed * 15485863 + 3)
    for style, family, lang in styles:
        for part, pool, count in (("train", train_items, args.per_style), ("test", test_items, args.test_per_style)):
            chosen = rng.sample(pool, min(count, len(pool)))
            variants = [variant(it, family, rng) for it in chosen]
            by_id = {"r%d" % i: it for i, it in enumerate(variants)}
            rendered = render(style, lang, [marked_item(it, k) for k, it in by_id.items()])
            kept = 0
            for ident, marked in sorted(rendered.items(), key=lambda kv: int(kv[0][1:])):
                item = by_id.get(ident)
                stripped = strip_marks(unicodedata.normalize("NFC", marked)) if item else None
                if not stripped:
                    continue
                text, fields = stripped
                if part == "train" and rng.random() < args.noise:
                    text, fields = noise(text, fields, rng)
                result = label_tokens(text, fields, item)
                if not result:
                    continue
                spans, labels = result
                outputs.setdefault((part, family), []).append(sequence_xml(text, spans, labels))
                kept += 1
                if part == "test":
                    noisy_text, noisy_fields = noise(text, fields, noisy_rng)
                    damaged = label_tokens(noisy_text, noisy_fields, item)
                    if damaged:
                        outputs.setdefault(("test-noisy", family), []).append(sequence_xml(noisy_text, *damaged))
            stats.append((style, family, lang, part, len(chosen), kept))
    # CV-shaped references, with their own random stream (the CSL renders above stay as they were)
    cv_rng = random.Random(args.seed * 7919 + 13)
    GIVEN_NAMES[:] = sorted({w for it in train_items for a in it["author"] for w in a["given"].split()
                             if len(w) > 2 and w.isalpha() and w[0].isupper() and w[1:].islower()})
    for part, pool, count in (("train", train_items, args.cv_shaped), ("test", test_items, args.test_cv_shaped)):
        for item in cv_rng.sample(pool, min(count, len(pool))):
            if not item["author"]:
                continue
            outputs.setdefault((part, "cv"), []).append(cv_sequence_xml(cv_reference(item, cv_rng)))
        stats.append(("(cv-shaped)", "cv", "-", part, count, len(outputs.get((part, "cv"), []))))
    # Validation renders: training items and styles, their own random streams, after everything above
    if args.validation_per_style > 0:
        os.makedirs(os.path.join(args.out, "validation"), exist_ok=True)
        val_rng = random.Random(args.seed * 104729 + 71)
        for style, family, lang in styles:
            chosen = val_rng.sample(train_items, min(args.validation_per_style, len(train_items)))
            variants = [variant(it, family, val_rng) for it in chosen]
            by_id = {"r%d" % i: it for i, it in enumerate(variants)}
            rendered = render(style, lang, [marked_item(it, k) for k, it in by_id.items()])
            for ident, marked in sorted(rendered.items(), key=lambda kv: int(kv[0][1:])):
                item = by_id.get(ident)
                stripped = strip_marks(unicodedata.normalize("NFC", marked)) if item else None
                if not stripped:
                    continue
                text, fields = stripped
                if val_rng.random() < args.noise:
                    text, fields = noise(text, fields, val_rng)
                result = label_tokens(text, fields, item)
                if result:
                    outputs.setdefault(("validation", family), []).append(sequence_xml(text, result[0], result[1]))
        val_cv_rng = random.Random(args.seed * 104729 + 72)
        for item in val_cv_rng.sample(train_items, min(args.validation_cv_shaped, len(train_items))):
            if item["author"]:
                outputs.setdefault(("validation", "cv"), []).append(cv_sequence_xml(cv_reference(item, val_cv_rng)))
    for (part, family), seqs in sorted(outputs.items()):
        with open(os.path.join(args.out, part, family + ".xml"), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<dataset>\n' + "".join(seqs) + "</dataset>\n")
    for style, family, lang, part, asked, kept in stats:
        if part == "train":
            print("%-50s %-11s %-6s kept %d/%d" % (style, family, lang, kept, asked))
    print("items: %d for training renders, %d for test renders; references written: %s" % (
        len(train_items), len(test_items), {k: len(v) for k, v in sorted(outputs.items())}))


if __name__ == "__main__":
    main()
