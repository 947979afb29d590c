#!/usr/bin/env python3
"""Large inputs for issue 12's speed figures (a 4,000-item reference list, a 5,000-row publication
table in Markdown and in HTML, 20,000 e-mails in one paragraph). Deterministic: the same files every run.

    python3 Benchmarks/stress/gen.py OUTDIR
"""
import argparse
import random
from pathlib import Path

SURNAMES = ["Smith", "García", "Müller", "Nguyen", "O'Brien", "van der Berg", "Kowalski", "Chen", "Rossi",
            "Dubois", "Johansson", "Tanaka", "Ivanov", "Silva", "Okafor", "Haddad", "Novak", "Larsen",
            "Fischer", "Moreau", "Schmidt", "Patel", "Kim", "Andersson", "Costa", "Walker", "Baker"]
GIVEN = ["J.", "A. B.", "M.", "K. L.", "R.", "S.", "P. Q.", "E.", "T.", "H.", "D. F.", "L."]
WORDS = ["adaptive", "learning", "networks", "protein", "folding", "dynamics", "of", "in", "the", "a",
         "stochastic", "models", "for", "graph", "inference", "climate", "variability", "soil", "microbial",
         "communities", "quantum", "transport", "efficient", "algorithms", "sparse", "regression", "urban",
         "mobility", "gene", "expression", "robust", "control", "language", "acquisition", "evidence"]
JOURNALS = ["Nature", "Journal of Applied Physics", "Physical Review Letters", "Cell", "PLoS ONE",
            "Bioinformatics", "IEEE Transactions on Pattern Analysis and Machine Intelligence",
            "Journal of Ecology", "Annals of Statistics", "Proceedings of the Royal Society B"]


def title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 11))]
    return (" ".join(words)).capitalize()


def authors(rng):
    names = [f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 6))]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def reference(rng, i):
    year = rng.randint(1985, 2025)
    volume = rng.randint(1, 300)
    first = rng.randint(1, 2000)
    pages = f"{first}–{first + rng.randint(3, 40)}"
    doi = f"10.{rng.randint(1000, 9999)}/{rng.choice(['j', 's', 'abc'])}.{year}.{i:05d}"
    style = rng.randint(0, 2)
    if style == 0:
        return f"{authors(rng)} ({year}). {title(rng)}. *{rng.choice(JOURNALS)}*, {volume}({rng.randint(1, 12)}), {pages}. https://doi.org/{doi}"
    if style == 1:
        return f"{authors(rng).rstrip('.')}. {title(rng)}. {rng.choice(JOURNALS)} {volume}, {pages} ({year}). doi:{doi}"
    return f"{authors(rng)}, \"{title(rng)},\" *{rng.choice(JOURNALS)}*, vol. {volume}, pp. {pages}, {year}, DOI: {doi}."


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", help="folder to write the four inputs into (created when absent)")
    out = Path(parser.parse_args().outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(12)
    lines = ["# Jane Example", "", "jane@example.org", "", "# Publications", ""]
    lines += [f"{i}. {reference(rng, i)}" for i in range(1, 4001)]
    (out / "refs4000.md").write_text("\n".join(lines) + "\n")

    rng = random.Random(13)
    rows = ["# Jane Example", "", "# Publications", "", "| Year | Authors | Title | Journal | DOI |", "| --- | --- | --- | --- | --- |"]
    html = ["<html><body><h1>Jane Example</h1><h2>Publications</h2><table>",
            "<tr><th>Year</th><th>Authors</th><th>Title</th><th>Journal</th><th>DOI</th></tr>"]
    for i in range(5000):
        y, a, t, j = rng.randint(1985, 2025), authors(rng), title(rng), rng.choice(JOURNALS)
        d = f"10.{rng.randint(1000, 9999)}/x.{y}.{i:05d}"
        rows.append(f"| {y} | {a} | {t} | {j} | {d} |")
        html.append(f"<tr><td>{y}</td><td>{a}</td><td>{t}</td><td>{j}</td><td>{d}</td></tr>")
    (out / "table5000.md").write_text("\n".join(rows) + "\n")
    (out / "table5000.html").write_text("\n".join(html) + "\n</table></body></html>\n")

    rng = random.Random(14)
    mails = [f"{rng.choice(SURNAMES).lower().replace(' ', '').replace(chr(39), '')}.{i}@{rng.choice(['example.org', 'uni.edu', 'lab.ac.uk'])}" for i in range(20000)]
    # One paragraph, ten addresses to a line (one line of 20,000 would be cut at the reader's 64 KB line budget).
    lines = [" ".join(mails[i:i + 10]) for i in range(0, len(mails), 10)]
    (out / "emails20000.md").write_text("# Jane Example\n\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
