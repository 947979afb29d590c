#!/usr/bin/env bash
# Dossier beside the tools underneath it, on the same files, in the same run (a benchmark, never a test:
# it prints timings and asserts nothing about them).
#
#   bash Benchmarks/bench.sh            # the full run (26 minutes on 2 cores at a load of 5 to 10; less when idle)
#   bash Benchmarks/bench.sh --quick    # a small smoke of every row, 2 repetitions (under a minute once built)
#   make bench                          # the same as the first line (make bench ARGS=--quick for the smoke)
#
# Options: --quick, --reps N (repetitions per row, default 3; the median is printed), --keep (keep the
# generated corpus and outputs in .build-bench/run.*), DOSSIER=path (skip the build, time that binary).
#
# What it does, from a clean clone:
#   1. installs what is missing (scripts/setup.sh --no-demo, plus GNU `time`), builds dossier in release
#      mode, and installs PyMuPDF from PyPI into a virtual environment in .build-bench/venv (gitignored);
#   2. builds a corpus from samples/ and, when present, ../shared/corpus/dev (skipped cleanly when absent):
#      every Markdown, HTML and PDF file that both Dossier and the reference tool read without error,
#      replicated round-robin (copies: `convert DIR` converts a hard-linked file once) to 400 Markdown, 300 HTML
#      and 80 PDF files;
#   3. times each row's commands interleaved (dossier, reference, reference, dossier, ... alternating the
#      order every repetition so that a change of load hits both) and prints the median of N runs:
#        Markdown / HTML → JATS and → JSON, dossier --jobs 2   vs pandoc, one process per file, 2 in parallel
#        50 Markdown files, one dossier process per file      vs pandoc per file (both 2 in parallel)
#        PDF → JSON, dossier --jobs 2                          vs pdftotext -bbox-layout per file, 2 in parallel
#                                                              vs PyMuPDF page.get_text("dict"), 2 processes
#        PDF → JSON, dossier --jobs 1                          vs PyMuPDF, one process
#        dossier references on one core (taskset -c 0)       vs a python3 floor that parses nothing
#        1,000 and 10,000 documents, dossier --jobs 2, with peak RSS (/usr/bin/time -v)
#   4. prints one Markdown table (work | dossier | reference | ratio reference÷dossier, above 1 means
#      Dossier is faster) with the date, the core count and the load average beside it; the same table is
#      written to .build-bench/last-run.md and every single timing to .build-bench/last-run.tsv.
{ # read whole before it runs, so that editing this file during a run cannot change that run
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=0 reps=3 reps_given=0 keep=0
while (($#)); do
    case $1 in
        --quick) quick=1 ;;
        --reps) reps=${2:?--reps needs a number} reps_given=1; shift ;;
        --reps=*) reps=${1#--reps=} reps_given=1 ;;
        --keep) keep=1 ;;
        -h | --help) sed -n '2,/^{ # read whole/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ $reps =~ ^[1-9][0-9]*$ ]] || { echo "bench: --reps needs a positive number" >&2; exit 2; }

if ((quick)); then
    n_md=12 n_html=6 n_pdf=4 n_perfile=6 n_refs=1000 n_docs=(20 60)
    ((reps_given)) || reps=2
else
    n_md=400 n_html=300 n_pdf=80 n_perfile=50 n_refs=40000 n_docs=(1000 10000)
fi
jobs=2
started=$(date +%s)
say() { echo "bench [$(($(date +%s) - started)) s]: $*" >&2; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. tools, build, PyMuPDF ---------------------------------------------------------------------------
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
install_debian() {
    say "installing $*"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
bash scripts/setup.sh --no-demo >&2 # the C libraries, pandoc and poppler-utils (pdftotext, pdfinfo)
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v taskset >/dev/null || missing+=(util-linux)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
((${#missing[@]} == 0)) || install_debian "${missing[@]}"

if [ -n "${DOSSIER:-}" ]; then
    dossier=$(realpath "$DOSSIER")
else
    say "building dossier (release)"
    swift build -c release --static-swift-stdlib --product dossier >&2
    dossier=$(swift build -c release --show-bin-path)/dossier
fi
[ -x "$dossier" ] || { say "no dossier binary at $dossier"; exit 1; }

mkdir -p .build-bench
# Pinned: the plain MuPDF binding (PyMuPDF 2 also imports a layout model and onnxruntime, 2 s per process).
pymupdf_pin=1.28.2
venv=$root/.build-bench/venv
if [ "$("$venv/bin/python" -c 'import pymupdf; print(pymupdf.__version__)' 2>/dev/null)" != "$pymupdf_pin" ]; then
    say "installing PyMuPDF $pymupdf_pin from PyPI into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "pymupdf==$pymupdf_pin" >&2 ||
        say "PyMuPDF could not be installed: its rows will say so"
fi
have_pymupdf=0
"$venv/bin/python" -c 'import pymupdf' 2>/dev/null && have_pymupdf=1

work=$(mktemp -d "$root/.build-bench/run.XXXXXX")
if ((keep)); then say "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
trap 'exit 130' INT TERM # so that the EXIT trap runs

cat >"$work/pymupdf_dict.py" <<'PY'
# PyMuPDF's raw spans of every page of every PDF named, in this one process: page.get_text("dict").
# With --failing: prints the paths it cannot read instead.
import sys
import pymupdf

def spans(path):
    count = 0
    with pymupdf.open(path) as document:
        for page in document:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", ()):
                    count += len(line["spans"])
    return count

if sys.argv[1:2] == ["--failing"]:
    pymupdf.TOOLS.mupdf_display_errors(False)
    for path in sys.argv[2:]:
        try:
            spans(path)
        except Exception:
            print(path)
else:
    print(sum(spans(path) for path in sys.argv[1:]))
PY

# --- 2. the corpus ----------------------------------------------------------------------------------------
# Base files are copied under unique, shell-safe names; those that Dossier or the reference tool cannot
# read are dropped (the three broken sample PDFs, and whatever in the shared corpus trips either side).
say "building the corpus"
base=$work/base
shared=../shared/corpus/dev
mkdir -p "$base/markdown" "$base/html" "$base/pdf"
sources_markdown=(samples/markdown/*.md) sources_html=(samples/html/*.html) sources_pdf=(samples/pdf/*.pdf)
corpus_note="samples/ only (no ../shared/corpus)"
if [ -d "$shared" ]; then
    corpus_note="samples/ + ../shared/corpus"
    while IFS= read -r -d '' file; do
        case ${file,,} in
            *.md | *.markdown) sources_markdown+=("$file") ;;
            *.html | *.htm) sources_html+=("$file") ;;
            *.pdf) sources_pdf+=("$file") ;;
        esac
    done < <(find "$shared" -type f \( -iname '*.md' -o -iname '*.markdown' -o -iname '*.html' -o -iname '*.htm' -o -iname '*.pdf' \) -print0 | sort -z)
else
    say "no ../shared/corpus: the corpus is built from samples/ alone"
fi
for format in markdown html pdf; do
    declare -n sources=sources_$format
    step=1
    ((quick)) && step=$(((${#sources[@]} + 7) / 8)) # --quick: at most 8 of each format, evenly spread
    for i in "${!sources[@]}"; do
        ((i % step == 0)) || continue
        file=${sources[i]}
        name=${file#"$shared"/}
        [ "$name" = "$file" ] || name=corpus/$name
        name=${name//[^A-Za-z0-9._-]/_} # never hidden: samples_… or corpus_…
        cp "$file" "$base/$format/$name"
    done
    unset -n sources
done
drop() { # FILE WHY
    say "  dropped $(basename "$1"): $2"
    rm -f "$1"
}
"$dossier" convert "$base" --to ndjson --jobs "$jobs" --progress never >/dev/null 2>"$work/base-errors.txt" || true
for file in "$base"/*/*; do
    grep -qF "$file:" "$work/base-errors.txt" && drop "$file" "dossier cannot read it"
done
failing() { # FORMAT COMMAND...: the files of base/FORMAT on which COMMAND (with the file last) fails
    local format=$1
    shift
    find "$base/$format" -type f -print0 |
        xargs -0 -P"$jobs" -n1 bash -c 'file=${@: -1}; "$@" >/dev/null 2>&1 || echo "$file"' bash "$@" 2>/dev/null | sort
}
for file in $(failing markdown pandoc -f markdown -t json -o /dev/null); do drop "$file" "pandoc cannot read it"; done
for file in $(failing html pandoc -f html -t json -o /dev/null); do drop "$file" "pandoc cannot read it"; done
for file in $(failing pdf sh -c 'pdftotext -bbox-layout "$0" /dev/null'); do drop "$file" "pdftotext cannot read it"; done
if ((have_pymupdf)); then
    for file in $("$venv/bin/python" "$work/pymupdf_dict.py" --failing "$base"/pdf/*); do drop "$file" "PyMuPDF cannot read it"; done
fi
count() { find "$1" -type f | wc -l; }
for format in markdown html pdf; do
    (($(count "$base/$format") > 0)) || { say "no usable $format file in the corpus"; exit 1; }
done

replicate() { # TARGET_DIR N SOURCE_DIR...: N copies, round-robin over the files. Never hard links: a folder walk
    # converts the same file (device and inode) once, so linked copies would time a handful of conversions.
    python3 - "$@" <<'PY'
import os, shutil, sys
target, n, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
files = sorted(os.path.join(d, f) for d in sources for f in os.listdir(d))
os.makedirs(target, exist_ok=True)
for i in range(n):
    source = files[i % len(files)]
    destination = os.path.join(target, "%05d-%s" % (i, os.path.basename(source)))
    shutil.copyfile(source, destination)
PY
}
replicate "$work/md" "$n_md" "$base/markdown"
replicate "$work/html" "$n_html" "$base/html"
replicate "$work/pdf" "$n_pdf" "$base/pdf"
replicate "$work/perfile" "$n_perfile" "$base/markdown"
# The 1,000 and 10,000 documents: Markdown, HTML and PDF in the proportions 40:30:8 of the full run's sets.
for n in "${n_docs[@]}"; do
    replicate "$work/docs$n" $((n * 40 / 78)) "$base/markdown"
    replicate "$work/docs$n" $((n * 30 / 78)) "$base/html"
    replicate "$work/docs$n" $((n - n * 40 / 78 - n * 30 / 78)) "$base/pdf"
done
pages=0
for file in "$work"/pdf/*; do
    pages=$((pages + $(pdfinfo "$file" 2>/dev/null | awk '/^Pages:/ {print $2}')))
done

# References: AnyStyle's labelled strings from the shared corpus, else the raw publications of the samples'
# expected JSON; repeated to n_refs lines.
anystyle=../shared/corpus/dev/references/inukshuk+anystyle/res/parser
python3 - "$anystyle" samples >"$work/refs-once.txt" <<'PY'
import glob, json, sys, xml.etree.ElementTree as ET
anystyle, samples = sys.argv[1], sys.argv[2]
lines = []
for path in sorted(glob.glob(anystyle + "/*.xml")):
    for sequence in ET.parse(path).getroot().iter("sequence"):
        text = " ".join(" ".join((child.text or "").split()) for child in sequence)
        if text.strip():
            lines.append(text)
if not lines:
    for path in sorted(glob.glob(samples + "/*/*.expected.json")):
        for publication in json.load(open(path, encoding="utf-8")).get("profile", {}).get("publications", []):
            raw = " ".join(publication.get("raw", "").split())
            if raw:
                lines.append(raw)
print("\n".join(lines))
PY
refs_source="AnyStyle's labelled references (../shared/corpus)"
[ -d "$anystyle" ] || refs_source="the publications of samples/*/*.expected.json"
: >"$work/refs.txt"
while (($(wc -l <"$work/refs.txt") < n_refs)); do cat "$work/refs-once.txt" >>"$work/refs.txt"; done
head -n "$n_refs" "$work/refs.txt" >"$work/refs-n.txt"

bases_md=$(count "$base/markdown") bases_html=$(count "$base/html") bases_pdf=$(count "$base/pdf")
say "corpus: $corpus_note; $bases_md Markdown, $bases_html HTML, $bases_pdf PDF base files ($pages pages in the $n_pdf PDFs)"

# --- 3. the commands ------------------------------------------------------------------------------------
# Each writes into $out, emptied before every run and outside the timing.
out=$work/out
in_parallel() { # DIR COMMAND...: COMMAND with {} = a file name of DIR, $jobs at a time
    (cd "$1" && shift && find . -maxdepth 1 -type f -printf '%f\n' | sort | xargs -P"$jobs" -I{} "$@")
}
halves() { # DIR COMMAND...: COMMAND with the files of DIR split between $jobs processes
    local dir=$1
    shift
    local n
    n=$(count "$dir")
    (cd "$dir" && find . -maxdepth 1 -type f -printf '%f\n' | sort | xargs -P"$jobs" -n $(((n + jobs - 1) / jobs)) "$@")
}
convert() { "$dossier" convert "$@" --progress never -q; }

dossier_md_jats() { convert "$work/md" --to jats --jobs "$jobs" -o "$out/"; }
pandoc_md_jats() { in_parallel "$work/md" pandoc -f markdown -t jats -s {} -o "$out/{}.xml"; }
dossier_md_json() { convert "$work/md" --to json --jobs "$jobs" -o "$out/"; }
pandoc_md_json() { in_parallel "$work/md" pandoc -f markdown -t json {} -o "$out/{}.json"; }
dossier_html_jats() { convert "$work/html" --to jats --jobs "$jobs" -o "$out/"; }
pandoc_html_jats() { in_parallel "$work/html" pandoc -f html -t jats -s {} -o "$out/{}.xml"; }
dossier_html_json() { convert "$work/html" --to json --jobs "$jobs" -o "$out/"; }
pandoc_html_json() { in_parallel "$work/html" pandoc -f html -t json {} -o "$out/{}.json"; }
dossier_perfile() { in_parallel "$work/perfile" "$dossier" convert {} --to json --progress never -q -o "$out/{}.json"; }
pandoc_perfile() { in_parallel "$work/perfile" pandoc -f markdown -t json {} -o "$out/{}.json"; }
dossier_pdf() { convert "$work/pdf" --to json --jobs "$jobs" -o "$out/"; }
pdftotext_pdf() { in_parallel "$work/pdf" pdftotext -bbox-layout {} "$out/{}.html"; }
pymupdf_pdf() { halves "$work/pdf" "$venv/bin/python" "$work/pymupdf_dict.py" >"$out/spans.txt"; }
dossier_pdf1() { convert "$work/pdf" --to json --jobs 1 -o "$out/"; }
pymupdf_pdf1() { (cd "$work/pdf" && "$venv/bin/python" "$work/pymupdf_dict.py" *) >"$out/spans.txt"; }
dossier_refs() { taskset -c 0 "$dossier" references "$work/refs-n.txt" --to ndjson >"$out/refs.ndjson"; }
python_refs() {
    taskset -c 0 python3 -c 'import sys, json
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f: sys.stdout.write(json.dumps({"raw": line.rstrip("\n")}) + "\n")' "$work/refs-n.txt" >"$out/refs.ndjson"
}

# --- timing -----------------------------------------------------------------------------------------------
tsv=$work/timings.tsv
printf 'row\tcommand\trepetition\tseconds\n' >"$tsv"
time_once() { # ROW FUNCTION REPETITION: runs it once, appends its wall time to the TSV
    rm -rf "$out" && mkdir -p "$out"
    sync
    local start end status=0
    start=$(date +%s%N)
    "$2" >/dev/null 2>"$work/stderr.txt" || status=$?
    end=$(date +%s%N)
    if ((status != 0)); then say "warning: $2 exited $status: $(head -c 300 "$work/stderr.txt")"; fi
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(awk -v ns=$((end - start)) 'BEGIN {printf "%.3f", ns / 1e9}')" >>"$tsv"
}
interleave() { # ROW FUNCTION...: REPS repetitions, the order reversed every other repetition
    local row=$1 r i
    shift
    local fns=("$@")
    say "timing: $row"
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    for ((r = 1; r <= reps; r++)); do
        if ((r % 2)); then
            for ((i = 0; i < ${#fns[@]}; i++)); do time_once "$row" "${fns[i]}" "$r"; done
        else
            for ((i = ${#fns[@]} - 1; i >= 0; i--)); do time_once "$row" "${fns[i]}" "$r"; done
        fi
    done
}
median() { # ROW FUNCTION: median seconds
    awk -F'\t' -v row="$1" -v fn="$2" '$1 == row && $2 == fn {print $4}' "$tsv" | sort -g |
        awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}
spread() { # ROW FUNCTION: "min–max" when there is more than one repetition
    ((reps > 1)) || return 0
    awk -F'\t' -v row="$1" -v fn="$2" '$1 == row && $2 == fn {print $4}' "$tsv" | sort -g |
        awk '{a[NR] = $1} END {printf " (%.2f–%.2f)", a[1], a[NR]}'
}
seconds() { awk -v s="$1" 'BEGIN {printf (s < 10 ? "%.2f s" : "%.1f s"), s}'; }
ratio() { awk -v r="$1" -v d="$2" 'BEGIN {printf "%.2f", r / d}'; }
commas() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }

rows=() loads=()
add_row() { # WORK DOSSIER_CELL REFERENCE_CELL RATIO
    rows+=("| $1 | $2 | $3 | $4 |")
}
compare() { # ROW WORK DOSSIER_FN REFERENCE_LABEL REFERENCE_FN
    local d r
    d=$(median "$1" "$3") r=$(median "$1" "$5")
    add_row "$2" "$(seconds "$d")$(spread "$1" "$3")" "$4: $(seconds "$r")$(spread "$1" "$5")" "$(ratio "$r" "$d")"
}

interleave md-jats dossier_md_jats pandoc_md_jats
interleave md-json dossier_md_json pandoc_md_json
interleave html-jats dossier_html_jats pandoc_html_jats
interleave html-json dossier_html_json pandoc_html_json
interleave perfile dossier_perfile pandoc_perfile
if ((have_pymupdf)); then
    interleave pdf dossier_pdf pdftotext_pdf pymupdf_pdf
    interleave pdf1 dossier_pdf1 pymupdf_pdf1
else
    interleave pdf dossier_pdf pdftotext_pdf
fi
interleave refs dossier_refs python_refs

compare md-jats "$(commas "$n_md") Markdown → JATS, $jobs jobs" dossier_md_jats "pandoc per file, $jobs in parallel" pandoc_md_jats
compare md-json "$(commas "$n_md") Markdown → JSON, $jobs jobs" dossier_md_json "pandoc per file, $jobs in parallel" pandoc_md_json
compare html-jats "$(commas "$n_html") HTML → JATS, $jobs jobs" dossier_html_jats "pandoc per file, $jobs in parallel" pandoc_html_jats
compare html-json "$(commas "$n_html") HTML → JSON, $jobs jobs" dossier_html_json "pandoc per file, $jobs in parallel" pandoc_html_json
compare perfile "one process per file: $n_perfile Markdown → JSON, $jobs in parallel" dossier_perfile "pandoc" pandoc_perfile
compare pdf "$n_pdf PDFs ($pages pages) → JSON, $jobs jobs" dossier_pdf "\`pdftotext -bbox-layout\` per file, $jobs in parallel" pdftotext_pdf
if ((have_pymupdf)); then
    pymupdf_version=$("$venv/bin/python" -c 'import pymupdf; print(pymupdf.__version__)')
    compare pdf "same" dossier_pdf "PyMuPDF $pymupdf_version \`get_text(\"dict\")\`, $jobs processes in-process" pymupdf_pdf
    compare pdf1 "same, 1 job" dossier_pdf1 "PyMuPDF, 1 process" pymupdf_pdf1
else
    add_row "same" "—" "PyMuPDF: not installed (pip failed)" "—"
fi
d=$(median refs dossier_refs) r=$(median refs python_refs)
add_row "$(commas "$n_refs") references → NDJSON, one core (\`taskset -c 0\`)" \
    "$(seconds "$d")$(spread refs dossier_refs): $(commas "$(awk -v n="$n_refs" -v s="$d" 'BEGIN {printf "%d", n / s}')") refs/s" \
    "floor, python3 reading lines + \`json.dumps\` (no parsing): $(seconds "$r")" "$(ratio "$r" "$d")"

# 1,000 and 10,000 documents: one run each, with peak RSS.
scale_seconds=() scale_rss=()
for n in "${n_docs[@]}"; do
    say "timing: $n documents (with /usr/bin/time -v)"
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    rm -rf "$out" && mkdir -p "$out"
    start=$(date +%s%N)
    status=0
    /usr/bin/time -v -o "$work/time-$n.txt" "$dossier" convert "$work/docs$n" --to ndjson --jobs "$jobs" --progress never -q >/dev/null 2>"$work/stderr.txt" || status=$?
    end=$(date +%s%N)
    ((status == 0)) || say "warning: $n documents: dossier exited $status"
    s=$(awk -v ns=$((end - start)) 'BEGIN {printf "%.3f", ns / 1e9}')
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$n.txt")
    printf 'docs%s\tdossier_docs\t1\t%s\n' "$n" "$s" >>"$tsv"
    printf 'docs%s\tpeak_rss_kib\t1\t%s\n' "$n" "$rss" >>"$tsv"
    scale_seconds+=("$s") scale_rss+=("$rss")
done
mix="Markdown, HTML and PDF 40:30:8"
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MiB", k / 1024}'; }
add_row "$(commas "${n_docs[0]}") documents ($mix) → NDJSON, $jobs jobs" "$(seconds "${scale_seconds[0]}"), $(mib "${scale_rss[0]}") peak RSS" "—" "—"
add_row "$(commas "${n_docs[1]}") documents, same mix" "$(seconds "${scale_seconds[1]}"), $(mib "${scale_rss[1]}") peak RSS" "—" \
    "×$(ratio "${scale_seconds[1]}" "${scale_seconds[0]}") time, ×$(ratio "${scale_rss[1]}" "${scale_rss[0]}") peak RSS for ×$((n_docs[1] / n_docs[0])) documents"

# --- 4. the table -----------------------------------------------------------------------------------------
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(($(date +%s) - started))
revision=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || revision="$revision+changes"
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
{
    echo
    echo "Dossier benchmark$( ((quick)) && echo " (--quick smoke: too small to quote)")"
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC') · machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "load average (1, 5, 15 min): $load_start at the start, $load_end at the end; 1-min load as each row began: ${loads[*]}"
    echo "dossier $revision · corpus: $corpus_note · median of $reps interleaved runs (min–max in parentheses) · run time $((elapsed / 60)) min $((elapsed % 60)) s"
    echo "ratio = reference ÷ dossier (time): above 1 means Dossier is faster"
    echo
    echo "| work | dossier | reference | ratio reference÷dossier |"
    echo "|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "references: $refs_source"
} | tee "$root/.build-bench/last-run.md"
cp "$tsv" "$root/.build-bench/last-run.tsv"
exit 0
}
