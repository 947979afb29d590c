"""What a generated CV says: a fictional applicant, the publications (real metadata with the applicant
inserted into the author list), entries, talks, grants, referees, and headings phrased many ways."""
import copy
import random

GIVEN = ["Amara", "Bastian", "Chiara", "Dmitri", "Elif", "Fatima", "Gustavo", "Hanna", "Ingrid", "Jonas", "Kavya",
         "Léa", "Mateus", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomasz", "Ulrike", "Valentina",
         "Wen", "Xiomara", "Yusuf", "Zofia", "Aurélien", "Björn", "Catalina", "Dagny", "Emeka", "Frida", "Goran",
         "Hélène", "Ilias", "Jun", "Kwame", "Lucía", "Mei", "Niamh", "Orla", "Pavel", "Rafael", "Saoirse", "Thandiwe",
         "Ugo", "Vera", "Wiktor", "Yara", "Zeynep", "Anneliese", "Jean-Baptiste", "Mary-Kate", "Hiroshi", "Anaïs"]
FAMILY = ["Abernathy", "Brennan-Ó Dálaigh", "Castellanos", "Dvořáková", "Eriksen", "Fairweather", "Gallagher",
          "Halvorsen", "Iturbide", "Jankowski", "Kowalczyk", "Lindqvist", "Moreau", "Nakashima", "Okonkwo", "Pellegrini",
          "Quispe", "Rasmussen", "Szymańska", "Thorvaldsen", "Umarov", "Valdivieso", "Wainwright", "Xenakis", "Yamaguchi",
          "Zaragoza", "van der Meulen", "de la Fuente", "Achterberg", "Bergström", "Cárdenas", "Delacroix", "Esposito",
          "Fitzgerald", "Grünewald", "Hargreaves", "Ibáñez", "Järvinen", "Kristiansen", "Lefebvre", "Mbeki-Osei",
          "Nørgaard", "Ostrowski", "Papadopoulou", "Roussel", "Sandoval", "Tremblay", "Ueda", "Villanueva", "Whitfield",
          "Zimmermann-Roth", "Aldridge", "Beaumont", "Oyelaran", "Marchetti", "Sokolova", "Haddad", "Kirkpatrick"]
MIDDLE = ["A", "B", "C", "D", "E", "J", "K", "L", "M", "R", "S", "T"]

UNIVERSITIES = ["University of Northbridge", "Technische Universität Lindenau", "Université de Valmont", "Eastlake Institute of Technology",
                "Universidad de Sierra Alta", "Kingsford College London", "Universität Hohenfels", "University of Port Aurora",
                "Scuola Superiore di Montebello", "Nordvik University", "Qinghe University", "Institut Polytechnique de Rivebelle"]
CITIES = ["Northbridge, UK", "Lindenau, Germany", "Valmont, France", "Eastlake, USA", "Sierra Alta, Spain", "London, UK",
          "Hohenfels, Germany", "Port Aurora, Canada", "Montebello, Italy", "Nordvik, Norway", "Beijing, China", "Rivebelle, France"]
FIELDS = ["Computational Biology", "Physics", "Computer Science", "Neuroscience", "Ecology", "Economics", "Chemistry",
          "Applied Mathematics", "Epidemiology", "Materials Science", "Linguistics", "Geosciences"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CONFERENCES = ["Annual Meeting of the Society for Neuroscience", "European Geosciences Union General Assembly",
               "International Conference on Machine Learning (workshop)", "Gordon Research Conference", "APS March Meeting",
               "Department Seminar", "Keystone Symposium", "ISMB", "Deutsche Physikalische Gesellschaft Frühjahrstagung",
               "Journées scientifiques", "Colloquium"]
FUNDERS = ["National Science Foundation", "European Research Council", "Deutsche Forschungsgemeinschaft",
           "Agence Nationale de la Recherche", "Wellcome Trust", "Swiss National Science Foundation", "Marie Skłodowska-Curie Actions"]
AWARDS = ["Best Paper Award", "Outstanding Reviewer Award", "Dissertation Prize", "Early Career Fellowship",
          "Travel Grant", "Best Poster Award", "Teaching Excellence Award"]
SKILLS = ["Python, R, Julia, C++", "Bayesian statistics, mixed models", "Git, Docker, Slurm", "LaTeX, Markdown",
          "Confocal microscopy", "Field sampling and GIS"]
LANGS = ["English (fluent)", "German (native)", "French (C1)", "Spanish (B2)", "Mandarin (basic)", "Italian (A2)"]
TITLES = ["Professor", "Associate Professor", "Senior Lecturer", "Research Director", "Assistant Professor"]

# Headings: kind -> language -> phrasings.
HEADINGS = {
    "publications": {
        "en": ["Publications", "Selected Publications", "Peer-reviewed Publications", "Peer-reviewed research articles ({n})",
               "Refereed Journal Articles", "Research Papers", "Publications ({n})", "List of Publications", "Papers",
               "Bibliography", "Scientific Publications"],
        "de": ["Veröffentlichungen", "Publikationen", "Publikationsliste", "Veröffentlichungen ({n})"],
        "fr": ["Publications scientifiques", "Publications", "Liste des publications", "Articles publiés ({n})"],
        "zh": ["论文", "发表论文", "学术论文", "论文发表"],
        "es": ["Publicaciones", "Publicaciones científicas", "Lista de publicaciones"],
    },
    "sub:journal": {"en": ["Journal Articles", "Peer-reviewed journal papers", "Refereed Journal Publications", "Articles in Journals", "Peer-reviewed research articles ({n})"],
                    "de": ["Zeitschriftenartikel", "Begutachtete Zeitschriftenartikel"], "fr": ["Articles dans des revues à comité de lecture", "Articles de revues"],
                    "zh": ["期刊论文"], "es": ["Artículos en revistas"]},
    "sub:conference": {"en": ["Conference Papers", "Conference papers (archival)", "Refereed Conference Proceedings", "Proceedings"],
                       "de": ["Konferenzbeiträge", "Tagungsbände"], "fr": ["Communications dans des congrès", "Actes de conférences"],
                       "zh": ["会议论文"], "es": ["Actas de congresos"]},
    "sub:preprint": {"en": ["Manuscripts under review", "Pending review", "Preprints", "Submitted Manuscripts", "Working Papers", "Preprints ({n})"],
                     "de": ["Eingereichte Manuskripte", "Preprints"], "fr": ["Articles soumis", "Prépublications"],
                     "zh": ["预印本", "在审论文"], "es": ["Manuscritos enviados"]},
    "sub:book": {"en": ["Books and Book Chapters", "Book Chapters", "Monographs"], "de": ["Bücher und Buchkapitel", "Monographien"],
                 "fr": ["Ouvrages et chapitres", "Chapitres d'ouvrages"], "zh": ["专著"], "es": ["Libros y capítulos"]},
    "education": {"en": ["Education", "Academic Background", "Degrees"], "de": ["Ausbildung", "Studium"], "fr": ["Formation", "Diplômes"],
                  "zh": ["教育背景"], "es": ["Formación"]},
    "employment": {"en": ["Employment", "Academic Positions", "Professional Experience", "Appointments", "Research Experience"],
                   "de": ["Beruflicher Werdegang", "Berufserfahrung"], "fr": ["Expérience professionnelle", "Parcours professionnel"],
                   "zh": ["工作经历"], "es": ["Experiencia profesional"]},
    "talks": {"en": ["Invited Talks", "Presentations", "Talks and Posters", "Conference Presentations"], "de": ["Vorträge", "Eingeladene Vorträge"],
              "fr": ["Communications orales", "Exposés"], "zh": ["学术报告"], "es": ["Ponencias"]},
    "grants": {"en": ["Grants", "Funding", "Grants and Fellowships", "Research Funding"], "de": ["Drittmittel", "Fördermittel"],
               "fr": ["Financements"], "zh": ["科研项目"], "es": ["Financiación"]},
    "awards": {"en": ["Awards", "Honors and Awards", "Distinctions"], "de": ["Auszeichnungen", "Preise"], "fr": ["Prix et distinctions"],
               "zh": ["获奖情况"], "es": ["Premios"]},
    "teaching": {"en": ["Teaching", "Teaching Experience"], "de": ["Lehre", "Lehrtätigkeit"], "fr": ["Enseignement"], "zh": ["教学经历"], "es": ["Docencia"]},
    "service": {"en": ["Service", "Professional Service", "Reviewing"], "de": ["Gutachtertätigkeit"], "fr": ["Responsabilités collectives"],
                "zh": ["学术服务"], "es": ["Servicio académico"]},
    "skills": {"en": ["Skills", "Technical Skills"], "de": ["Kenntnisse"], "fr": ["Compétences"], "zh": ["技能"], "es": ["Habilidades"]},
    "languages": {"en": ["Languages"], "de": ["Sprachen"], "fr": ["Langues"], "zh": ["语言能力"], "es": ["Idiomas"]},
    "referees": {"en": ["References", "Referees"], "de": ["Referenzen"], "fr": ["Personnes de référence"], "zh": ["推荐人"], "es": ["Referencias"]},
    "research-statement": {"en": ["Research Interests"], "de": ["Forschungsinteressen"], "fr": ["Thèmes de recherche"], "zh": ["研究方向"],
                           "es": ["Líneas de investigación"]},
}
LEGENDS = {"*": ["* Equal contribution", "* These authors contributed equally", "*co-first author"],
           "†": ["† Co-first authors", "† Equal contribution"], "#": ["# Shared first authorship"]}
SUB_ORDER = ["sub:journal", "sub:conference", "sub:book", "sub:preprint"]
# Sub-headings that name a research topic, not a kind of publication: what no heading list can know, so a parser
# must tell them by their layout ("Publications" over "Climate Dynamics", "Methods", ...).
TOPIC_HEADINGS = {
    "en": ["Climate Dynamics", "Machine Learning", "Signal Processing", "Population Genetics", "Theory", "Methods",
           "Applications", "Neuroimaging", "Field Studies", "Quantum Optics", "Soil Ecology", "Health Economics"],
    "de": ["Klimadynamik", "Methoden", "Anwendungen", "Bodenökologie"],
    "fr": ["Dynamique du climat", "Méthodes", "Applications", "Écologie des sols"],
    "zh": ["机器学习", "信号处理", "气候动力学"],
    "es": ["Métodos", "Aplicaciones", "Dinámica del clima"],
}


def heading(rng, kind, lang, n=None):
    pool = HEADINGS[kind].get(lang) or HEADINGS[kind]["en"]
    h = rng.choice(pool)
    if "{n}" in h:
        h = h.replace("{n}", str(n if n is not None else 0))
    if lang != "zh" and rng.random() < 0.15:
        h = h.upper()
    return h


def make_person(rng):
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    middle = rng.choice(MIDDLE) if rng.random() < 0.25 else None
    ascii_family = _ascii(family).lower().replace(" ", "") or "x"
    ascii_given = _ascii(given).lower() or "y"
    email = rng.choice(["{g}.{f}@{d}", "{f}@{d}", "{g0}{f}@{d}"]).format(
        g=ascii_given.replace("-", ""), f=ascii_family.replace("-", ""), g0=ascii_given[0], d=rng.choice(["northbridge.ac.uk", "tu-lindenau.de", "univ-valmont.fr", "eit.edu", "mail.example.org"]))
    given_full = given + (" " + middle + "." if middle else "")
    return {"given": given_full, "family": family, "first": given, "middle": middle, "email": email,
            "name": given_full + " " + family, "field": rng.choice(FIELDS)}


def _ascii(text):
    import unicodedata
    return unicodedata.normalize("NFKD", text.replace("ø", "o").replace("ł", "l")).encode("ascii", "ignore").decode()


def _initials(given):
    out = []
    for part in given.replace(".", " ").split():
        if "-" in part:
            out.append("-".join(p[0] + "." for p in part.split("-") if p))
        else:
            out.append(part[0] + ".")
    return " ".join(out)


def applicant_name_variant(rng, person):
    """How the applicant appears in author lists: full given names or initials."""
    if rng.random() < 0.6:
        return {"family": person["family"], "given": _initials(person["given"]), "applicant": True}
    return {"family": person["family"], "given": person["given"], "applicant": True}


def place_applicant(rng, item, me, pool, long_lists):
    """Copies item and inserts the applicant at a position; returns (item, position)."""
    it = copy.deepcopy(item)
    authors = [a for a in it["author"] if a["family"].lower() != me["family"].lower()]
    if long_lists and rng.random() < 0.5:
        want = rng.randint(8, 45)
        donors = rng.sample(pool, 30)
        for d in donors:
            for a in d["author"]:
                if len(authors) >= want:
                    break
                if a["family"].lower() != me["family"].lower() and a not in authors:
                    authors.append(dict(a))
    r = rng.random()
    n = len(authors) + 1
    if r < 0.4 or n == 1:
        pos = 1
    elif r < 0.55:
        pos = min(2, n)
    elif r < 0.75:
        pos = n
    else:
        pos = rng.randint(1, n)
    authors.insert(pos - 1, dict(me))
    it["author"] = authors
    return it, pos


def make_cv(rng, person, pool, lang, n_pubs, long_lists):
    me = applicant_name_variant(rng, person)
    picks = rng.sample(pool, n_pubs + 8)
    pubs, talks_src = picks[:n_pubs], picks[n_pubs:]
    publications = []
    for i, item in enumerate(pubs):
        it, pos = place_applicant(rng, item, me, pool, long_lists)
        it["id"] = "p%d" % i
        it["_position"] = pos
        publications.append(it)
    # group into sub-lists
    group_mode = rng.choice(["single", "single", "subs", "subs-parent", "subs-flat"])
    for it in publications:
        if it["type"] == "book":
            it["_group"] = "sub:book"
        elif it["type"] == "paper-conference":
            it["_group"] = "sub:conference"
        else:
            it["_group"] = "sub:journal"
    if group_mode != "single":
        for it in publications:
            if it["_group"] == "sub:journal" and rng.random() < 0.15:
                it["_group"] = "sub:preprint"
    start = rng.randint(2008, 2016)
    cv = {"person": person, "me": me, "lang": lang, "publications": publications, "group_mode": group_mode,
          "education": [], "employment": [], "talks": [], "grants": [], "awards": [], "referees": [], "teaching": [], "service": []}
    uni = rng.sample(range(len(UNIVERSITIES)), 4)
    degrees = [("PhD in " + person["field"], start - 5, start), ("MSc in " + person["field"], start - 7, start - 5),
               ("BSc in " + person["field"], start - 10, start - 7)]
    for (deg, a, b), u in zip(degrees[:rng.randint(1, 3)], uni):
        cv["education"].append({"dates": _dates(rng, a, b), "title": deg, "org": UNIVERSITIES[u], "place": CITIES[u]})
    roles = ["Postdoctoral Researcher", "Research Fellow", "Assistant Professor", "Group Leader"]
    y = start
    for role, u in zip(roles[:rng.randint(1, 3)], uni[1:] + uni[:1]):
        end = y + rng.randint(2, 4)
        cv["employment"].append({"dates": _dates(rng, y, end if end < 2026 else None), "title": role, "org": UNIVERSITIES[u], "place": CITIES[u]})
        y = end
    for t in talks_src[:rng.randint(0, 5)]:
        ty = rng.randint(start, 2026)
        cv["talks"].append({"title": t["title"], "venue": rng.choice(CONFERENCES), "place": rng.choice(CITIES), "date": "%s %d" % (rng.choice(MONTHS), ty), "year": ty})
    for _ in range(rng.randint(0, 3)):
        a = rng.randint(start, 2024)
        cv["grants"].append({"dates": "%d–%d" % (a, a + rng.randint(1, 4)), "title": rng.choice(FUNDERS), "role": rng.choice(["PI", "Co-PI", "Co-investigator"]),
                             "amount": rng.choice(["€250,000", "$120,000", "CHF 80,000", "£45,000"])})
    for _ in range(rng.randint(0, 3)):
        cv["awards"].append({"year": rng.randint(start - 5, 2026), "title": rng.choice(AWARDS)})
    for _ in range(rng.randint(0, 2)):
        cv["teaching"].append({"dates": str(rng.randint(start, 2026)), "title": rng.choice(["Lecturer", "Teaching assistant", "Guest lecturer"]) + ", " + rng.choice(["Statistics I", "Introduction to " + person["field"], "Research Methods"])})
    if rng.random() < 0.5:
        cv["service"] = ["Reviewer for " + ", ".join(sorted({p.get("container-title", "Nature") for p in rng.sample(pool, 3)}))]
    if rng.random() < 0.45:
        for _ in range(rng.randint(2, 4)):
            u = rng.randrange(len(UNIVERSITIES))
            g, f = rng.choice(GIVEN), rng.choice(FAMILY)
            cv["referees"].append({"name": "%s %s" % (g, f), "title": rng.choice(TITLES), "org": UNIVERSITIES[u],
                                   "email": "%s.%s@%s" % (_ascii(g).lower(), _ascii(f).lower().replace(" ", ""), "example.edu")})
    cv["skills"] = rng.sample(SKILLS, rng.randint(0, 3))
    cv["languages"] = rng.sample(LANGS, rng.randint(0, 3))
    cv["interests"] = rng.random() < 0.3
    # co-first marks
    cv["cofirst"] = None
    if rng.random() < 0.2:
        mark = rng.choice(list(LEGENDS))
        cv["cofirst"] = {"mark": mark, "legend": rng.choice(LEGENDS[mark])}
        for it in publications:
            if it["_position"] <= 2 and len(it["author"]) >= 2 and rng.random() < 0.5:
                it["_cofirst"] = [0, 1]
    return cv


def _dates(rng, a, b):
    f = rng.random()
    if b is None:
        return rng.choice(["%d–present" % a, "%d – present" % a, "since %d" % a, "%s %d – now" % (rng.choice(MONTHS), a)])
    if f < 0.5:
        return "%d–%d" % (a, b)
    if f < 0.8:
        return "%s %d – %s %d" % (rng.choice(MONTHS), a, rng.choice(MONTHS), b)
    return "%d - %d" % (a, b)


def section_plan(rng, cv):
    """The ordered sections: (kind, heading) pairs plus the publication groups."""
    lang = cv["lang"]
    kinds = ["education", "employment"]
    if cv["interests"]:
        kinds.insert(0, "research-statement")
    rest = [k for k in ("talks", "grants", "awards", "teaching", "service") if cv[k]]
    rng.shuffle(rest)
    kinds += rest[:2] + ["publications"] + rest[2:]
    if rng.random() < 0.3:
        kinds.remove("publications")
        kinds.insert(rng.randint(1, len(kinds)), "publications")
    if cv["skills"]:
        kinds.append("skills")
    if cv["languages"]:
        kinds.append("languages")
    if cv["referees"]:
        kinds.append("referees")
    plan = []
    used = set()
    from refs import fold
    for k in kinds:
        for _ in range(10):
            h = heading(rng, k, lang, len(cv["publications"]))
            if fold(h) not in used:
                break
        used.add(fold(h))
        plan.append({"kind": k, "heading": h})
    # publication groups
    pubs = cv["publications"]
    groups = []
    # A list of one kind split by research topic, on a stream of its own so that every other document stays as it was.
    topics = random.Random("topics:%s:%d" % (cv["person"]["name"], len(pubs)))
    if cv["group_mode"] == "single" and len(pubs) >= 4 and topics.random() < 0.25:
        pool = TOPIC_HEADINGS.get(lang) or TOPIC_HEADINGS["en"]
        count = 3 if len(pubs) >= 9 and topics.random() < 0.5 else 2
        names = topics.sample(pool, min(count, len(pool)))
        size = (len(pubs) + len(names) - 1) // len(names)
        for n, name in enumerate(names):
            items = pubs[n * size:(n + 1) * size]
            if items and fold(name) not in used:
                used.add(fold(name))
                groups.append({"heading": name.upper() if topics.random() < 0.15 and lang != "zh" else name, "items": items})
            elif items and groups:
                groups[-1]["items"] = groups[-1]["items"] + items
        cv["group_mode"] = "topics"
    elif cv["group_mode"] == "single":
        groups.append({"heading": None, "items": pubs})
    else:
        for g in SUB_ORDER:
            items = [p for p in pubs if p["_group"] == g]
            if items:
                for _ in range(10):
                    h = heading(rng, g, lang, len(items))
                    if fold(h) not in used:
                        break
                used.add(fold(h))
                groups.append({"heading": h, "items": items})
        if len(groups) == 1:
            groups[0]["heading"] = None
    cv["groups"] = groups
    pub_section = next(s for s in plan if s["kind"] == "publications")
    # subs-flat: no parent heading, sub-lists are top-level sections
    if cv["group_mode"] == "subs-flat" and groups[0]["heading"]:
        i = plan.index(pub_section)
        plan[i:i + 1] = [{"kind": "publications", "heading": g["heading"], "groups": [dict(g, heading=None)]} for g in groups]
    else:
        pub_section["groups"] = groups
    return plan
