"""Reads the labelled references of the corpus (PLOS JATS, AnyStyle XML, ParsCit tagged lines) into CSL items.

Nothing read here is written into the repository: the items are built at generation time from
../shared/corpus/dev/references/ (or --references DIR) and only land in the generated output.
"""
import glob
import html
import os
import re
import xml.etree.ElementTree as ET

# Characters every renderer (pdflatex with T1 + utf8 included) can set: Latin-1, Latin Extended-A, usual punctuation.
SAFE = re.compile(r"^[\u0020-\u007e\u00a0-\u017f\u2010-\u2014\u2018-\u201d\u2026]*$")
YEAR = re.compile(r"\b(1[89]\d\d|20[0-2]\d)\b")


def _clean(text):
    text = html.unescape(re.sub(r"\s+", " ", text or "")).strip()
    return text


def _strip_punct(text):
    return re.sub(r"^[\s,.;:(\[]+|[\s,.;:)\]]+$", "", text or "").strip()


def _title(text):
    text = _clean(text)
    text = re.sub(r"^[‘“\"']+|[’”\"']+[.,]?$", "", text).strip()
    text = re.sub(r"[\s,.;:]+$", "", text).strip()
    return text


def _ok_title(title):
    if not title or len(title) < 12 or len(title) > 220 or not SAFE.match(title):
        return False
    words = title.split()
    if len(words) < 3:
        return False
    if re.search(r"https?:|doi|\bIn:|\bpp\.|[{}\\<>_^$#%&~*|«»]|,\s*in$", title, re.I):
        return False
    if sum(c.isalpha() for c in title) < 0.7 * len(title.replace(" ", "")):
        return False
    return True


NOT_FAMILY = {"jr", "sr", "ii", "iii", "group", "consortium", "team", "collaboration", "investigators", "network",
              "committee", "and", "und", "et", "al"}
NAME_WORD = re.compile(r"^[A-Za-z\u00c0-\u017f][A-Za-z\u00c0-\u017f'’\-]*$")


def _ok_name(family, given):
    if not family or not SAFE.match(family + given):
        return False
    parts = family.split()
    if len(parts) > 3 or not all(NAME_WORD.match(p) for p in parts):
        return False
    if not parts[-1][0].isupper():
        return False
    if family.lower() in {"et", "al", "and", "ed", "eds", "editor", "editors", "in", "et al"}:
        return False
    # suffixes, groups and connectives that a loose author string leaves in the family field
    if any(p.lower().strip(".") in NOT_FAMILY for p in parts):
        return False
    if given and not re.match(r"^[A-Za-z\u00c0-\u017f][A-Za-z\u00c0-\u017f.\-' ]*$", given):
        return False
    return True


def _initials_to_given(given):
    """'AF' (Vancouver) -> 'A. F.'; 'J.-P.' kept; full names kept."""
    g = given.strip()
    if re.fullmatch(r"[A-Z]{1,3}", g):
        return " ".join(c + "." for c in g)
    return g


# ---------------------------------------------------------------- PLOS JATS

def _text(el):
    return _clean("".join(el.itertext())) if el is not None else ""


def read_jats(path):
    items = []
    try:
        tree = ET.parse(path)
    except ET.ParseError:
        return items
    for ref in tree.iter("ref"):
        cit = ref.find("mixed-citation")
        if cit is None:
            cit = ref.find("element-citation")
        if cit is None:
            continue
        kind = cit.get("publication-type", "journal")
        names = []
        bad = False
        for el in cit.iter():
            if el.tag == "name":
                fam, giv = _text(el.find("surname")), _text(el.find("given-names"))
                if not _ok_name(fam, giv):
                    bad = True
                names.append({"family": fam, "given": _norm_given(_initials_to_given(giv))})
            elif el.tag in ("collab", "etal"):
                bad = True
        if bad or not names:
            continue
        title = _title(_text(cit.find("article-title")))
        source = _strip_punct(_text(cit.find("source")))
        year = _text(cit.find("year"))
        m = YEAR.search(year)
        if not m or not _ok_title(title) or not source or not SAFE.match(source):
            continue
        item = {"type": "article-journal" if kind == "journal" else ("book" if kind == "book" else "paper-conference"),
                "title": title, "author": names, "issued": {"date-parts": [[int(m.group(1))]]}}
        if kind == "book":
            item["publisher"] = source
            item["type"] = "book"
            if _text(cit.find("publisher-name")):
                item["publisher"] = _text(cit.find("publisher-name"))
            item["title"] = title
        else:
            item["container-title"] = source
        for tag, key in (("volume", "volume"), ("issue", "issue")):
            v = _text(cit.find(tag))
            if v and re.fullmatch(r"[0-9A-Za-z\-]{1,8}", v):
                item[key] = v
        fp, lp = _text(cit.find("fpage")), _text(cit.find("lpage"))
        if fp and re.fullmatch(r"[0-9A-Za-z]{1,8}", fp):
            item["page"] = fp + ("–" + lp if lp and re.fullmatch(r"[0-9A-Za-z]{1,8}", lp) else "")
        for pid in cit.iter("pub-id"):
            if pid.get("pub-id-type") == "doi" and re.fullmatch(r"10\.\S+", _text(pid)):
                item["DOI"] = _text(pid)
        item["_source"] = "plos:" + os.path.basename(path)
        items.append(item)
    return items


# ------------------------------------------------------ author strings (AnyStyle, ParsCit)

def parse_authors(text):
    """Splits an author string as printed into CSL names; None when it is not clearly a list of person names."""
    t = _clean(text)
    t = re.sub(r"\s*\((eds?|Hrsg)\.?\)\s*", " ", t, flags=re.I)
    t = re.sub(r"[\s.,;:]+$", "", t)
    if not t or re.search(r"\bet al\b|\d|[()\[\]/:]|\beds?\b|\bed\.", t, re.I):
        return None
    t = re.sub(r"\s*(,\s*)?(&|\band\b|\bund\b|\bet\b|\be\b|\by\b)\s+", ", ", t)
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", t) if p.strip()]
    names = []
    # "Family, G., Family, G." -> pairs (initials after a comma)
    if len(parts) >= 2 and all(re.fullmatch(r"(?:[A-Z][a-z]?\.?\s?-?)+", parts[i]) for i in range(1, len(parts), 2)) and len(parts) % 2 == 0:
        for i in range(0, len(parts), 2):
            names.append({"family": parts[i], "given": re.sub(r"\.(?=[A-Z])", ". ", parts[i + 1]).strip()})
    else:
        for p in parts:
            w = p.split()
            if len(w) >= 2 and re.fullmatch(r"[A-Z]{1,3}", w[-1]):  # Vancouver: Family AB
                names.append({"family": " ".join(w[:-1]), "given": _initials_to_given(w[-1])})
            elif len(w) >= 2 and re.fullmatch(r"(?:[A-Z]\.\s?-?)+", " ".join(w[:-1]).replace(" ", "") + "") or (len(w) >= 2 and all(re.fullmatch(r"[A-Z][a-z]*\.?|[A-Z]\.-[A-Z]\.", x) for x in w[:-1])):
                # G. Family / Given Family
                names.append({"family": w[-1], "given": re.sub(r"\.(?=[A-Z])", ". ", " ".join(w[:-1]))})
            else:
                return None
    for n in names:
        if not _ok_name(n["family"], n["given"]):
            return None
        n["given"] = _norm_given(n["given"])
        if n["family"].isupper() and len(n["family"]) > 2:
            n["family"] = n["family"].title()
    return names or None


def _norm_given(given):
    g = re.sub(r"\b([A-Z])$", r"\1.", given.strip())
    return re.sub(r"\b([A-Z])(?= [A-Z]\b)", r"\1.", g)


def _from_fields(fields, source):
    """fields: list of (label, text) in order."""
    d = {}
    for label, text in fields:
        d.setdefault(label, text)
    names = parse_authors(d.get("author", ""))
    title = _title(d.get("title", ""))
    if not names or not _ok_title(title):
        return None
    m = YEAR.search(d.get("date", ""))
    if not m:
        return None
    container = _strip_punct(re.sub(r"^(In|in)\s*:?\s+", "", d.get("journal") or d.get("container-title") or d.get("booktitle") or ""))
    item = {"title": title, "author": names, "issued": {"date-parts": [[int(m.group(1))]]}, "_source": source}
    if d.get("journal"):
        item["type"] = "article-journal"
    elif d.get("booktitle") or d.get("container-title"):
        item["type"] = "paper-conference"
    elif d.get("publisher"):
        item["type"] = "book"
    else:
        return None
    if container:
        if not SAFE.match(container) or len(container) > 150 or re.search(r"[{}\\<>_^$#%~*|]", container):
            return None
        item["container-title"] = container
    elif item["type"] != "book":
        return None
    if d.get("publisher"):
        pub = _strip_punct(d["publisher"])
        if SAFE.match(pub) and len(pub) < 80 and not re.search(r"[{}\\<>_^$#%~*|]", pub):
            item["publisher"] = pub
    if item["type"] == "book" and "publisher" not in item:
        return None
    vol = d.get("volume", "")
    mv = re.search(r"\b(\d{1,4})\b", vol)
    if mv:
        item["volume"] = mv.group(1)
        mi = re.search(r"\((\d{1,3})\)", vol)
        if mi:
            item["issue"] = mi.group(1)
    mp = re.search(r"(\d{1,5})\s*[-–]+\s*(\d{1,5})", d.get("pages", ""))
    if mp:
        item["page"] = mp.group(1) + "–" + mp.group(2)
    md = re.search(r"10\.\d{4,9}/[^\s]+", d.get("doi", ""))
    if md:
        item["DOI"] = md.group(0).rstrip(".,;")
    return item


def read_anystyle(path):
    items = []
    tree = ET.parse(path)
    for i, seq in enumerate(tree.getroot().iter("sequence")):
        fields = [(el.tag, "".join(el.itertext())) for el in seq]
        item = _from_fields(fields, "anystyle:%s#%d" % (os.path.basename(path), i))
        if item:
            items.append(item)
    return items


def read_parscit(path):
    items = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            fields = re.findall(r"<([a-z]+)>(.*?)</\1>", line)
            item = _from_fields(fields, "parscit:%s#%d" % (os.path.basename(path), i))
            if item:
                items.append(item)
    return items


def load(root):
    """All usable CSL items under root (…/dev/references), deduplicated by folded title, in a stable order."""
    items = []
    for p in sorted(glob.glob(os.path.join(root, "PLOS+allofplos", "**", "*.xml"), recursive=True)):
        items += read_jats(p)
    # bad.xml and ugly.xml are AnyStyle's deliberately messy sets: their fields are not clean enough for truth.
    for p in sorted(glob.glob(os.path.join(root, "inukshuk+anystyle", "res", "parser", "*.xml"))):
        if os.path.basename(p) in ("bad.xml", "ugly.xml"):
            continue
        items += read_anystyle(p)
    for p in sorted(glob.glob(os.path.join(root, "knmnyn+ParsCit", "**", "*.tagged.txt"), recursive=True)):
        items += read_parscit(p)
    seen, out = set(), []
    for it in items:
        key = fold(it["title"])
        if key in seen:
            continue
        seen.add(key)
        out.append(it)
    return out


def fold(text):
    import unicodedata
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^\w]+|_", " ", t).strip()


if __name__ == "__main__":
    import collections
    import json
    import sys
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/corpus/dev/references")
    its = load(root)
    print(len(its), collections.Counter(i["_source"].split(":")[0] for i in its), collections.Counter(i["type"] for i in its))
    for it in its[::400]:
        print(json.dumps(it, ensure_ascii=False))
