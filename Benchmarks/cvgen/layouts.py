"""Whole documents: Markdown as people write it, HTML as sites render it, LaTeX (moderncv styles, margin
headings, two columns, a sidebar). Each renderer walks the section plan and returns the source text."""
import random
import html as H
import os
import re

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

MD_LAYOUTS = ["md-numbered", "md-bracket", "md-dash", "md-reverse", "md-bullets", "md-paragraphs", "md-years"]
HTML_LAYOUTS = ["html-p-fields", "html-li-spans", "html-table", "html-ol", "html-divs"]
PANDOC_LAYOUTS = ["pandoc-html", "pandoc-pdf"]
MODERNCV = ["moderncv-classic", "moderncv-casual", "moderncv-banking", "moderncv-oldstyle", "moderncv-fancy"]
LATEX_LAYOUTS = MODERNCV + ["latex-margin", "latex-twocolumn", "latex-sidebar", "latex-article"]
ALL = MD_LAYOUTS + HTML_LAYOUTS + PANDOC_LAYOUTS + LATEX_LAYOUTS
NEEDS_PARTS = {"html-p-fields", "html-li-spans", "html-divs"}   # field-by-field layouts: hand styles only
NEEDS_LATEX = set(LATEX_LAYOUTS) | {"pandoc-pdf"}


# ----------------------------------------------------------------------------- inline

def md_escape(t):
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", t)


def md_inline(segs):
    out = []
    for t, m in segs:
        lead = t[:len(t) - len(t.lstrip())]
        trail = t[len(t.rstrip()):]
        core = md_escape(t.strip())
        if core and m:
            if "u" in m:
                core = "<u>" + core + "</u>"
            if "b" in m and "i" in m:
                core = "***" + core + "***"
            elif "b" in m:
                core = "**" + core + "**"
            elif "i" in m:
                core = "*" + core + "*"
        out.append(lead + core + trail)
    return "".join(out)


def html_inline(segs, b="strong", i="em"):
    out = []
    for t, m in segs:
        x = H.escape(t, quote=False)
        if "i" in m:
            x = "<%s>%s</%s>" % (i, x, i)
        if "b" in m:
            x = "<%s>%s</%s>" % (b, x, b)
        if "u" in m:
            x = "<u>" + x + "</u>"
        out.append(x)
    return "".join(out)


TEX_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
               "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", "…": r"\ldots{}", "†": r"\textdagger{}"}


def tex_escape(t):
    return "".join(TEX_SPECIAL.get(c, c) for c in t)


def tex_inline(segs):
    out = []
    for t, m in segs:
        x = tex_escape(t)
        if "i" in m:
            x = r"\textit{%s}" % x
        if "b" in m:
            x = r"\textbf{%s}" % x
        if "u" in m:
            x = r"\underline{%s}" % x
        out.append(x)
    return "".join(out)


# ----------------------------------------------------------------------------- content of other sections

def section_items(kind, cv, rng_choice):
    """Non-publication sections as lists of segment lists."""
    if kind == "education" or kind == "employment":
        return [[(e["dates"], "b"), ("  " if rng_choice else " · ", ""), (e["title"], ""), (", %s, %s" % (e["org"], e["place"]), "")] for e in cv[kind]]
    if kind == "talks":
        return [[("“%s”" % t["title"] if rng_choice else t["title"] + ".", ""), (" %s, %s, %s." % (t["venue"], t["place"], t["date"]), "")] for t in cv["talks"]]
    if kind == "grants":
        return [[(g["dates"], "b"), (": %s (%s), %s" % (g["title"], g["role"], g["amount"]), "")] for g in cv["grants"]]
    if kind == "awards":
        return [[(str(a["year"]), "b"), (" %s" % a["title"], "")] for a in cv["awards"]]
    if kind == "teaching":
        return [[(t["dates"], "b"), (" " + t["title"], "")] for t in cv["teaching"]]
    if kind == "service":
        return [[(s, "")] for s in cv["service"]]
    if kind == "skills":
        return [[(s, "")] for s in cv["skills"]]
    if kind == "languages":
        return [[(s, "")] for s in cv["languages"]]
    if kind == "referees":
        return [[(r["name"], "b"), (", %s, %s, %s" % (r["title"], r["org"], r["email"]), "")] for r in cv["referees"]]
    if kind == "research-statement":
        return [[("My research combines theory and experiments in %s, with a focus on reproducible methods." % cv["person"]["field"].lower(), "")]]
    return []


def year_of(e):
    return e.truth.get("year")


# ----------------------------------------------------------------------------- Markdown

def render_md(cv, plan, pubs, layout, rng):
    p = cv["person"]
    L = []
    L.append(rng.choice(["# %s" % p["name"], "%s\n%s" % (p["name"], "=" * len(p["name"]))]))
    L.append("")
    L.append(rng.choice(["Email: %s" % p["email"], "<%s>" % p["email"], "%s · %s" % (p["email"], "+44 20 7946 0%03d" % rng.randint(0, 999))]))
    L.append("")
    continuous = rng.random() < 0.5
    counter = [0]
    total = sum(len(g["items"]) for s in plan if s["kind"] == "publications" for g in s["groups"])
    rev = [total]
    bullet = rng.choice(["-", "*", "+"])
    choice = rng.random() < 0.5
    sub_level = "###"
    # Sub-headings as Markdown headings, or as people write them: a bold or italic line (a stream of its own, so that
    # everything else stays as it was).
    sub_form = random.Random("substyle:%s:%s" % (p["name"], layout)).choice(["### %s", "### %s", "#### %s", "**%s**", "**%s**", "*%s*", "__%s__"])
    for s in plan:
        L.append("## " + s["heading"])
        L.append("")
        if s["kind"] != "publications":
            items = section_items(s["kind"], cv, choice)
            for it in items:
                L.append(("%s " % bullet if s["kind"] != "research-statement" else "") + md_inline(it))
            L.append("")
            continue
        if cv.get("cofirst") and any(e.segments for g in s["groups"] for e in pubs[id(g)]):
            L.append(md_escape(cv["cofirst"]["legend"]))
            L.append("")
        for g in s["groups"]:
            if g["heading"]:
                L.append(sub_form % g["heading"])
                L.append("")
            entries = pubs[id(g)]
            if not continuous:
                counter[0] = 0
            if layout == "md-years":
                year = None
                for e in entries:
                    if year_of(e) != year:
                        year = year_of(e)
                        L.append("#### %d" % year if cv["_yearstyle"] else "**%d**" % year)
                        L.append("")
                    L.append("%s %s" % (bullet, md_inline(e.segments)))
                    if cv["_loose"]:
                        L.append("")
                L.append("")
                continue
            for e in entries:
                counter[0] += 1
                text = md_inline(e.segments)
                if layout == "md-numbered":
                    line = "%d. %s" % (counter[0], text)
                elif layout == "md-bracket":
                    line = "[%d] %s" % (counter[0], text)
                elif layout == "md-dash":
                    line = "%d- %s" % (counter[0], text)
                elif layout == "md-reverse":
                    line = ("%d. %s" if cv["_yearstyle"] else "%d %s") % (rev[0], text)
                    rev[0] -= 1
                elif layout == "md-bullets":
                    line = "%s %s" % (bullet, text)
                else:  # md-paragraphs: the style's own number, if any
                    line = (md_escape(e.number) + " " if getattr(e, "number", None) else "") + text
                L.append(line)
                if cv["_loose"] or layout in ("md-bracket", "md-dash", "md-paragraphs") or (layout == "md-reverse" and not cv["_yearstyle"]):
                    L.append("")
            L.append("")
    return "\n".join(L).rstrip() + "\n"


# ----------------------------------------------------------------------------- HTML

def render_html(cv, plan, pubs, layout, rng):
    p = cv["person"]
    b, i = rng.choice([("strong", "em"), ("b", "i")])
    L = ["<!DOCTYPE html>", '<html lang="%s">' % cv["lang"], "<head>", '<meta charset="utf-8">',
         "<title>%s</title>" % H.escape(rng.choice([p["name"], p["name"] + " – CV", "Publications"])), "</head>", "<body>"]
    L.append('<header><h1>%s</h1>' % H.escape(p["name"]))
    L.append('<p class="contact">%s <a href="mailto:%s">%s</a></p></header>' % (rng.choice(["Email:", "E-mail:", "✉"]), p["email"], p["email"]))
    L.append("<main>")
    choice = rng.random() < 0.5
    # Sub-headings as HTML headings, or as pages set them by hand: a paragraph in bold or italic (a stream of its own).
    sub_form = random.Random("substyle:%s:%s" % (p["name"], layout)).choice(
        ["<h3>%s</h3>", "<h3>%s</h3>", "<h4>%s</h4>", "<p><strong>%s</strong></p>", "<p><b>%s</b></p>", "<p><em>%s</em></p>",
         '<div class="subheading"><strong>%s</strong></div>'])
    for s in plan:
        L.append("<section>")
        L.append("<h2>%s</h2>" % H.escape(s["heading"]))
        if s["kind"] != "publications":
            items = section_items(s["kind"], cv, choice)
            if s["kind"] == "research-statement":
                L.append("<p>%s</p>" % html_inline(items[0], b, i))
            elif layout == "html-table" and s["kind"] in ("education", "employment"):
                L.append("<table>")
                for e in cv[s["kind"]]:
                    L.append("<tr><td>%s</td><td>%s, %s, %s</td></tr>" % tuple(H.escape(x) for x in (e["dates"], e["title"], e["org"], e["place"])))
                L.append("</table>")
            else:
                L.append("<ul>" + "".join("<li>%s</li>" % html_inline(it, b, i) for it in items) + "</ul>")
            L.append("</section>")
            continue
        if cv.get("cofirst"):
            L.append('<p class="note">%s</p>' % H.escape(cv["cofirst"]["legend"]))
        for g in s["groups"]:
            if g["heading"]:
                L.append(sub_form % H.escape(g["heading"]))
            entries = pubs[id(g)]
            if layout == "html-p-fields":
                for e in entries:
                    P = e.parts
                    L.append('<div class="publication">')
                    L.append('<p class="title">%s</p>' % html_inline([(P["title"][0][0], "b" if choice else "")], b, i))
                    L.append('<p class="authors">%s</p>' % html_inline(P["authors"], b, i))
                    L.append('<p class="venue">%s, %s</p>' % (html_inline(P["venue"], b, i), P["year"]))
                    if P.get("doi"):
                        L.append('<p class="doi"><a href="https://doi.org/%s">%s</a></p>' % (H.escape(P["doi"]), H.escape(P["doi"])))
                    L.append("</div>")
            elif layout == "html-li-spans":
                L.append("<ul class=\"publications\">")
                for e in entries:
                    P = e.parts
                    L.append('<li><span class="authors">%s</span>. <span class="title">%s</span>. <span class="venue">%s</span> <span class="year">(%s)</span></li>'
                             % (html_inline(P["authors"], b, i), H.escape(P["title"][0][0]), html_inline(P["venue"], b, i), P["year"]))
                L.append("</ul>")
            elif layout == "html-divs":
                L.append('<ol class="bibliography">')
                for e in entries:
                    P = e.parts
                    abbr = re.sub(r"[^A-Z]", "", P["venue"][0][0])[:6] or "J"
                    L.append('<li><div class="row"><div class="col-sm-2 abbr"><abbr class="badge">%s</abbr></div>' % H.escape(abbr))
                    L.append('<div class="col-sm-8"><div class="title">%s</div><div class="author">%s</div>'
                             % (H.escape(P["title"][0][0]), html_inline(P["authors"], b, i)))
                    L.append('<div class="periodical">%s, %s</div></div></div></li>' % (html_inline(P["venue"], b, i), P["year"]))
                L.append("</ol>")
            elif layout == "html-table":
                L.append("<table class=\"pubs\">")
                for n, e in enumerate(entries, 1):
                    left = str(year_of(e)) if choice else "[%d]" % n
                    L.append("<tr><td>%s</td><td>%s</td></tr>" % (left, html_inline(e.segments, b, i)))
                L.append("</table>")
            else:  # html-ol
                numbered = getattr(entries[0], "number", None)
                tag = "ul" if numbered else "ol"
                L.append("<%s>" % tag)
                for e in entries:
                    L.append("<li>%s%s</li>" % (H.escape(e.number) + " " if numbered and e.number else "", html_inline(e.segments, b, i)))
                L.append("</%s>" % tag)
        L.append("</section>")
    L += ["</main>", "</body>", "</html>"]
    return "\n".join(L) + "\n"


# ----------------------------------------------------------------------------- LaTeX

def _template(name):
    with open(os.path.join(TEMPLATES, name), encoding="utf-8") as f:
        return f.read()


def render_latex(cv, plan, pubs, layout, rng):
    p = cv["person"]
    choice = rng.random() < 0.5
    body = []
    side = []
    modern = layout.startswith("moderncv")
    number_mode = rng.choice(["year", "list", "number"])
    counter = 0

    def sec(h, out):
        if modern:
            out.append(r"\section{%s}" % tex_escape(h))
        elif layout == "latex-margin":
            out.append(r"\msection{%s}" % tex_escape(h))
        else:
            out.append(r"\section*{%s}" % tex_escape(h))

    # How sub-headings are set where the class does not fix it: as \subsection* does, or as people set them by hand at
    # body size (bold, italic, small capitals, underlined, bold italic), with or without space above. On a stream of
    # its own, so that everything else in the document stays as it was.
    hand = random.Random("substyle:%s:%s" % (p["name"], layout))
    sub_style = hand.choice(["class", "class", "bold", "bold", "italic", "smallcaps", "underline", "bolditalic"])
    sub_space = hand.choice([r"\par\smallskip", r"\par\medskip", r"\par"])
    set_by_hand = {"bold": r"\textbf{%s}", "italic": r"\textit{%s}", "smallcaps": r"\textsc{%s}",
                   "underline": r"\underline{%s}", "bolditalic": r"\textbf{\textit{%s}}"}

    def sub(h, out):
        if modern:
            out.append(r"\subsection{%s}" % tex_escape(h))
        elif layout == "latex-margin":
            out.append(r"\msubsection{%s}" % tex_escape(h))
        elif sub_style == "class":
            out.append(r"\subsection*{%s}" % tex_escape(h))
        else:
            out.append(sub_space + r"\noindent " + set_by_hand[sub_style] % tex_escape(h) + r"\par\nopagebreak")

    for s in plan:
        out = side if (layout == "latex-sidebar" and s["kind"] in ("skills", "languages", "referees")) else body
        sec(s["heading"], out)
        if s["kind"] != "publications":
            if modern and s["kind"] in ("education", "employment"):
                for e in cv[s["kind"]]:
                    out.append(r"\cventry{%s}{%s}{%s}{%s}{}{}" % tuple(tex_escape(x) for x in (e["dates"], e["title"], e["org"], e["place"])))
                continue
            items = section_items(s["kind"], cv, choice)
            if modern:
                for it in items:
                    out.append(r"\cvitem{}{%s}" % tex_inline(it))
            elif s["kind"] == "research-statement" or layout == "latex-sidebar" and out is side:
                for it in items:
                    out.append(tex_inline(it) + r"\par")
            else:
                out.append(r"\begin{itemize}[leftmargin=*,nosep]")
                out += [r"\item " + tex_inline(it) for it in items]
                out.append(r"\end{itemize}")
            continue
        if cv.get("cofirst"):
            out.append(tex_escape(cv["cofirst"]["legend"]) + r"\par\smallskip")
        for g in s["groups"]:
            if g["heading"]:
                sub(g["heading"], out)
            entries = pubs[id(g)]
            if modern:
                for e in entries:
                    counter += 1
                    if number_mode == "year":
                        out.append(r"\cvitem{%d}{%s}" % (year_of(e), tex_inline(e.segments)))
                    elif number_mode == "list":
                        out.append(r"\cvlistitem{%s}" % tex_inline(e.segments))
                    else:
                        out.append(r"\cvitem{[%d]}{%s}" % (counter, tex_inline(e.segments)))
            else:
                env = "enumerate" if number_mode != "list" else "itemize"
                label = "[label={[\\arabic*]}]" if number_mode == "number" and env == "enumerate" else ""
                if getattr(entries[0], "number", None):
                    out.append(r"\begin{list}{}{\leftmargin=1.5em\itemindent=-1.5em}")
                    out += [r"\item %s %s" % (tex_escape(e.number), tex_inline(e.segments)) for e in entries]
                    out.append(r"\end{list}")
                else:
                    out.append(r"\begin{%s}%s" % (env, label or "[leftmargin=*]"))
                    out += [r"\item " + tex_inline(e.segments) for e in entries]
                    out.append(r"\end{%s}" % env)
    if layout == "moderncv-fancy":
        # fancy's items start with \vspace*, which forbids a page break before them: without a break point
        # between items a long section runs off the bottom of the page and is lost from the PDF
        item = re.compile(r"\\cv(item|listitem|entry)\b")
        body = [r"\pagebreak[0]" + line if item.match(line) and k and item.match(body[k - 1]) else line for k, line in enumerate(body)]
    given, family = tex_escape(p["given"]), tex_escape(p["family"])
    email = tex_escape(p["email"])
    if modern:
        t = _template("moderncv.tex")
        t = t.replace("@STYLE@", layout.split("-")[1]).replace("@COLOR@", rng.choice(["blue", "green", "grey", "orange", "red", "purple", "black"]))
    else:
        t = _template(layout + ".tex")
    return (t.replace("@GIVEN@", given).replace("@FAMILY@", family).replace("@EMAIL@", email)
             .replace("@FONTSIZE@", rng.choice(["10pt", "11pt"])).replace("@SIDE@", "\n".join(side))
             .replace("@BODY@", "\n".join(body)))
