#!/usr/bin/env python3
"""Turns the <mixed-citation>s of JATS articles into AnyStyle-format XML, for a cross-source check of the
reference parser: `dossier eval-references --gold OUT.xml --common-fields`.

Usage: Benchmarks/jats-to-anystyle.py ARTICLE.xml... > OUT.xml

Each character inside a tagged element gets that element's field (person-group → author/editor, article-title
and chapter-title → title, source → journal or container-title (a book's source is its title), year/month/day →
date, volume+issue → volume, fpage/lpage/elocation-id → pages, publisher-name → publisher, publisher-loc →
location, pub-id[doi] → doi, ext-link/uri → url, comment → note, edition → edition; PubMed pub-ids, which PLOS
shows as links rather than text, are left out); text between elements
belongs to the field before it. Tokens (split as the parser splits them) take the field of their first letter
or digit. Citations with no field that the parser knows, or made only of fields, are kept as they are.
"""
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

FIELD = {
    "article-title": "title", "chapter-title": "title", "year": "date", "month": "date", "day": "date",
    "season": "date", "date": "date", "volume": "volume", "issue": "volume", "fpage": "pages", "lpage": "pages",
    "elocation-id": "pages", "page-range": "pages", "publisher-name": "publisher", "publisher-loc": "location",
    "ext-link": "url", "uri": "url", "comment": "note", "edition": "edition", "conf-name": "container-title",
    "isbn": "isbn",
}


def label_chars(element, citation, inherited, out):
    """Appends (character, field) pairs for `element` and its children."""
    tag = element.tag.split("}")[-1]
    field = inherited
    if inherited is None:
        if tag == "person-group":
            field = "editor" if element.get("person-group-type") == "editor" else "author"
        elif tag == "source":
            kind = citation.get("publication-type", "")
            has_title = citation.find("article-title") is not None or citation.find("chapter-title") is not None
            field = "journal" if kind == "journal" else ("container-title" if has_title else "title")
        elif tag == "pub-id":
            field = "doi" if element.get("pub-id-type") == "doi" else "note"
        elif tag in ("name", "collab", "etal", "string-name"):
            field = "author"
        else:
            field = FIELD.get(tag)
    for character in element.text or "":
        out.append((character, field))
    for child in element:
        child_tag = child.tag.split("}")[-1]
        # PubMed ids are links on the page, not printed text.
        if child_tag in ("pub-id", "object-id") and child.get("pub-id-type") in ("pmid", "pmcid"):
            for character in child.tail or "":
                out.append((character, inherited))
            continue
        # JATS leaves the space between surname and given names to the stylesheet.
        if child_tag in ("given-names", "surname", "suffix") and out and not out[-1][0].isspace():
            out.append((" ", field))
        label_chars(child, citation, field, out)
        for character in child.tail or "":
            out.append((character, inherited))


def tokens(text):
    for chunk in text.split():
        if "://" in chunk or chunk.lower().startswith(("doi:", "10.")):
            yield chunk
        else:
            yield from (piece for piece in re.split(r"(?<=[,;:])(?=[^\s/)\],.;:\"])", chunk) if piece)


def sequence(citation):
    pairs = []
    label_chars(citation, citation, None, pairs)
    # Text between elements belongs to the field before it (or after it, at the start).
    last = None
    filled = []
    for character, field in pairs:
        if field is not None:
            last = field
        filled.append((character, field or last))
    first = next((field for _, field in filled if field), None)
    filled = [(character, field or first) for character, field in filled]
    text = "".join(character for character, _ in filled)
    # Whitespace-normalised text with a field per character.
    fields = []
    position = 0
    labelled = []
    for token in tokens(text):
        start = text.index(token, position)
        position = start + len(token)
        span = filled[start:position]
        field = next((f for c, f in span if c.isalnum()), span[0][1])
        # Identifiers printed as plain text between elements are not the field before them.
        if re.search(r"10\.\d{4,}/", token):
            field = "doi"
        elif token.lower().rstrip(".") in ("doi:", "doi", "pubmed:", "pmid:", "pmcid:") or (
                labelled and labelled[-1][1].lower() in ("pubmed:", "pmid:", "pmcid:")):
            field = "note"
        labelled.append((field, token))
    for field, token in labelled:
        if fields and fields[-1][0] == field:
            fields[-1][1].append(token)
        else:
            fields.append((field, [token]))
    return [(field, " ".join(words)) for field, words in fields if field]


def main():
    print('<?xml version="1.0" encoding="UTF-8"?>\n<dataset>')
    for path in sys.argv[1:]:
        for citation in ET.parse(path).getroot().iter("mixed-citation"):
            fields = sequence(citation)
            if len(fields) < 2:
                continue
            print("  <sequence>")
            for field, text in fields:
                print(f"    <{field}>{escape(text)}</{field}>")
            print("  </sequence>")
    print("</dataset>")


if __name__ == "__main__":
    main()
