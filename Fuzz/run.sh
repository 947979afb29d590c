#!/usr/bin/env bash
# libFuzzer harnesses for Dossier's readers, front matter and the reference parser (see Fuzz/README.md).
#
#   bash Fuzz/run.sh [--seconds N] [--smoke] [--seed N] [--only NAME[,NAME]] [--no-build] [--keep-corpus] [--check]
#
# Builds the package's library modules once with coverage + AddressSanitizer into .build-fuzz/ (SwiftPM, debug),
# links one libFuzzer binary per harness (Fuzz/harnesses/NAME.swift) with swiftc -sanitize=fuzzer,address, then
# runs each harness for N seconds (default 60; --smoke: 5, with --seed 1 so that a CI gate mutates the same way on
# every run; otherwise libFuzzer picks a random seed) on a corpus seeded at run time from samples/ and
# Fuzz/seeds/NAME/ (a temporary directory, or .build-fuzz/corpus/NAME with --keep-corpus). Crashes, timeouts and
# out-of-memory inputs are kept under .build-fuzz/findings/NAME/; a harness that finds something is restarted
# for the rest of its time. Prints executions and findings per harness; exit status 1 if anything was found,
# 2 on a usage or build error. --check only says whether this toolchain can build libFuzzer harnesses
# (exit 0) or not (exit 3, with the reason).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

all_harnesses=(markdown html pdf frontmatter reference)
seconds=60
smoke=0
only=""
build=1
keep_corpus=0
check_only=0
seed_value=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    --smoke) smoke=1; shift ;;
    --seed) seed_value=${2:?--seed needs a number}; shift 2 ;;
    --seed=*) seed_value=${1#--seed=}; shift ;;
    --only) only=${2:?--only needs harness names}; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    --no-build) build=0; shift ;;
    --keep-corpus) keep_corpus=1; shift ;;
    --check) check_only=1; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
if [ "$smoke" = 1 ]; then
  seconds=5
  seed_value=${seed_value:-1}
fi
case "$seed_value" in *[!0-9]*) echo "fuzz: --seed needs a whole number, not '$seed_value'" >&2; exit 2 ;; esac
case "$seconds" in ''|*[!0-9]*) echo "fuzz: --seconds needs a whole number of seconds, not '$seconds'" >&2; exit 2 ;; esac
harnesses=("${all_harnesses[@]}")
if [ -n "$only" ]; then
  IFS=, read -r -a harnesses <<<"$only"
  for h in "${harnesses[@]}"; do
    [ -f "Fuzz/harnesses/$h.swift" ] || { echo "fuzz: no harness '$h' (known: ${all_harnesses[*]})" >&2; exit 2; }
  done
fi

scratch=.build-fuzz
bin=$scratch/debug
out=$scratch/bin
findings=$scratch/findings
logs=$scratch/logs
mkdir -p "$out" "$findings" "$logs"

# --- can this toolchain build a libFuzzer binary at all? -------------------------------------------------------
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
cat >"$probe_dir/probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt { 0 }
EOF
if ! command -v swiftc >/dev/null 2>&1; then
  reason="swiftc is not on the PATH"
elif ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe_dir/probe.swift" -o "$probe_dir/probe" >"$probe_dir/log" 2>&1; then
  reason="swiftc -sanitize=fuzzer,address cannot link a harness: $(grep -m1 -i error "$probe_dir/log" || head -1 "$probe_dir/log")"
elif ! pkg-config --exists libcmark-gfm libxml-2.0 poppler-glib 2>/dev/null; then
  reason="pkg-config does not find libcmark-gfm, libxml-2.0 and poppler-glib"
else
  reason=""
fi
if [ "$check_only" = 1 ]; then
  if [ -n "$reason" ]; then echo "fuzz: $reason" >&2; exit 3; fi
  echo "fuzz: this toolchain can build libFuzzer harnesses"; exit 0
fi
if [ -n "$reason" ]; then echo "fuzz: $reason" >&2; exit 2; fi

# --- build ------------------------------------------------------------------------------------------------------
# What each harness links: its own reader (or the reference parser) and what that target depends on.
modules_for() {
  case "$1" in
    markdown|frontmatter) echo "DossierModel DossierText CSpawn DossierPipeline MarkdownReader Yams" ;;
    html) echo "DossierModel DossierText CSpawn DossierPipeline HTMLReader" ;;
    pdf) echo "DossierModel DossierText CSpawn CPoppler DossierPipeline PDFReader" ;;
    reference) echo "DossierModel DossierText ReferenceParser" ;;
  esac
}
target_for() {
  case "$1" in
    markdown|frontmatter) echo MarkdownReader ;;
    html) echo HTMLReader ;;
    pdf) echo PDFReader ;;
    reference) echo ReferenceParser ;;
  esac
}

build_started=$(date +%s)
if [ "$build" = 1 ]; then
  # Every Swift file of the modules gets -sanitize=fuzzer (which on objects means sanitizer coverage: inline
  # 8-bit counters, PC tables and comparison tracing, no libFuzzer main) and -sanitize=address; the C of Yams
  # (libyaml) gets the same through clang. The system C libraries are not instrumented.
  targets=()
  for h in "${harnesses[@]}"; do
    t=$(target_for "$h")
    case " ${targets[*]} " in *" $t "*) ;; *) targets+=("$t") ;; esac
  done
  for t in "${targets[@]}"; do
    echo "fuzz: building $t (instrumented, $scratch)"
    if ! swift build --scratch-path "$scratch" -c debug --target "$t" \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >"$logs/build-$t.log" 2>&1; then
      tail -30 "$logs/build-$t.log" >&2
      echo "fuzz: swift build --target $t failed (log: $logs/build-$t.log)" >&2
      exit 2
    fi
  done
  cflags=()
  for f in $(pkg-config --cflags libxml-2.0); do cflags+=(-Xcc "$f"); done
  for h in "${harnesses[@]}"; do
    objects=()
    for m in $(modules_for "$h"); do objects+=("$bin/$m.build/"*.o); done
    case "$h" in markdown|frontmatter) objects+=("$bin/CYaml.build/src/"*.o) ;; esac
    # Relink only when the harness or an object is newer than the binary.
    if [ -x "$out/fuzz-$h" ] && [ -z "$(find "Fuzz/harnesses/$h.swift" "${objects[@]}" -newer "$out/fuzz-$h" 2>/dev/null | head -1)" ]; then
      continue
    fi
    echo "fuzz: linking $out/fuzz-$h"
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone -I "$bin/Modules" \
        -Xcc "-fmodule-map-file=$root/Sources/CCMark/module.modulemap" \
        -Xcc "-fmodule-map-file=$root/Sources/CLibXML2/module.modulemap" \
        -Xcc "-fmodule-map-file=$root/Sources/CPoppler/include/module.modulemap" \
        -Xcc "-fmodule-map-file=$root/Sources/CSpawn/include/module.modulemap" \
        -Xcc "-fmodule-map-file=$root/$scratch/checkouts/Yams/Sources/CYaml/include/module.modulemap" \
        "${cflags[@]}" "Fuzz/harnesses/$h.swift" "${objects[@]}" \
        $(pkg-config --libs libcmark-gfm libxml-2.0) \
        -o "$out/fuzz-$h" >"$logs/link-$h.log" 2>&1; then
      grep -v "Cannot export local symbol" "$logs/link-$h.log" | tail -30 >&2
      echo "fuzz: linking the $h harness failed (log: $logs/link-$h.log)" >&2
      exit 2
    fi
  done
fi
build_seconds=$(( $(date +%s) - build_started ))
[ "$build" = 1 ] && echo "fuzz: build took ${build_seconds}s"

# --- seeds --------------------------------------------------------------------------------------------------------
# samples/ and Tests/Fixtures/hostile/ are copied into the corpus at run time (never committed as seeds);
# Fuzz/seeds/NAME/ holds small hand-written seeds.
seed() {
  local h=$1 dir=$2 f i=0
  case "$h" in
    markdown) cp samples/markdown/*.md "$dir/" ;;
    html) cp samples/html/*.html "$dir/" ;;
    pdf) cp samples/pdf/*.pdf "$dir/" ;;
    frontmatter)
      # The body between the fences of each sample that has front matter.
      for f in samples/markdown/*.md; do
        awk 'NR==1 && ($0=="---" || $0=="+++") {fence=$0; inside=1; next}
             inside && ($0==fence || (fence=="---" && $0=="...")) {exit}
             inside {print}' "$f" >"$dir/$(basename "$f" .md).fm"
        [ -s "$dir/$(basename "$f" .md).fm" ] || rm -f "$dir/$(basename "$f" .md).fm"
      done ;;
    reference)
      # Every list item and paragraph line of the samples' publication sections is one reference-like line.
      for f in samples/markdown/*.md; do
        grep -E '^ *([-*+]|[0-9]+\.) +[^ ]' "$f" | sed -E 's/^ *([-*+]|[0-9]+\.) +//' | while IFS= read -r line; do
          i=$((i + 1)); printf '%s\n' "$line" >"$dir/$(basename "$f" .md)-$i.txt"
        done
      done ;;
  esac
  # The known hostile inputs (Tests/Fixtures/hostile/, each fixed) so that mutations start near the limits.
  case "$h" in
    markdown) for f in Tests/Fixtures/hostile/*.md; do [ -f "$f" ] && cp "$f" "$dir/"; done ;;
    html) for f in Tests/Fixtures/hostile/*.html; do [ -f "$f" ] && cp "$f" "$dir/"; done ;;
    pdf)
      # The Form XObject fan-outs are left out of the smoke: a damaged object hides part of a fan-out from the
      # pre-check while poppler's repair still draws it, and poppler then spins for tens of seconds — the class
      # the worker timeout exists for (`dossier convert` isolates every PDF file), not a defect a CI gate can fix.
      for f in Tests/Fixtures/hostile/*.pdf; do
        [ -f "$f" ] || continue
        [ "$smoke" = 1 ] && case "$(basename "$f")" in *fanout*|*forms-drawn*) continue ;; esac
        cp "$f" "$dir/"
      done ;;
    frontmatter)
      for f in Tests/Fixtures/hostile/*.md; do
        awk 'NR==1 && ($0=="---" || $0=="+++") {fence=$0; inside=1; next}
             inside && ($0==fence || (fence=="---" && $0=="...")) {exit}
             inside {print}' "$f" >"$dir/hostile-$(basename "$f" .md).fm"
        [ -s "$dir/hostile-$(basename "$f" .md).fm" ] || rm -f "$dir/hostile-$(basename "$f" .md).fm"
      done ;;
  esac
  if [ -d "Fuzz/seeds/$h" ]; then
    for f in "Fuzz/seeds/$h"/*; do [ -f "$f" ] && cp "$f" "$dir/"; done
  fi
}

# Per-harness limits: the largest input libFuzzer makes (the PDF seeds are up to 165 KB), and the seconds one
# input may take before it is a "timeout" finding (instrumented debug code under ASan is slow).
max_len_for() {
  case "$1" in
    pdf) echo 200000 ;;
    markdown|html) echo 32768 ;;
    frontmatter) echo 8192 ;;
    reference) echo 1024 ;;
  esac
}
per_input_timeout=25

# --- run ------------------------------------------------------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1:handle_abort=1}
work=$(mktemp -d)
trap 'rm -rf "$probe_dir" "$work"' EXIT
summary=()
total_findings=0
run_started=$(date +%s)
for h in "${harnesses[@]}"; do
  if [ "$keep_corpus" = 1 ]; then corpus=$scratch/corpus/$h; else corpus=$work/corpus-$h; fi
  mkdir -p "$corpus" "$findings/$h"
  seed "$h" "$corpus"
  # Findings are crash-, timeout-, oom- and leak- files; libFuzzer's slow-unit- files (an input over 10 s, kept
  # for a look) are not, so that a loaded machine cannot fail the smoke with one.
  before=$(ls "$findings/$h" | grep -vc '^slow-unit-')
  started=$(date +%s)
  executions=0
  attempt=0
  log=$logs/run-$h.log
  : >"$log"
  echo "fuzz: $h for ${seconds}s ($(ls "$corpus" | wc -l) seeds)"
  while :; do
    left=$(( seconds - ($(date +%s) - started) ))
    [ "$left" -ge 1 ] || break
    attempt=$((attempt + 1))
    one=$work/$h-$attempt.log
    "$out/fuzz-$h" "$corpus" -max_total_time="$left" -max_len="$(max_len_for "$h")" -timeout="$per_input_timeout" \
      -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 ${seed_value:+-seed="$seed_value"} \
      -artifact_prefix="$findings/$h/" >"$one" 2>&1
    status=$?
    cat "$one" >>"$log"
    n=$(grep -a -m1 '^stat::number_of_executed_units:' "$one" | awk '{print $2}')
    [ -n "$n" ] || n=$(grep -a -oE '^#[0-9]+' "$one" | tail -1 | tr -d '#')
    executions=$((executions + ${n:-0}))
    [ "$status" = 0 ] && break
    artifact=$(grep -a -oE "Test unit written to [^ ]+" "$one" | tail -1 | sed 's/Test unit written to //')
    kind=$(grep -a -m1 -oE 'ERROR: (libFuzzer|AddressSanitizer): [a-z-]+|==[0-9]+== ERROR: [A-Za-z]+: [a-z-]+|Fatal error: [^\n]*|deadly signal|timeout after [0-9]+ seconds|out-of-memory[^\n]*' "$one" | head -1)
    echo "fuzz: $h found ${kind:-a failure (exit $status)}${artifact:+: $artifact}"
    if [ -z "$artifact" ]; then
      tail -20 "$one" >&2
      break
    fi
    # Keep going for the rest of the time, but not forever on one input that keeps reproducing.
    [ "$attempt" -ge 20 ] && break
  done
  after=$(ls "$findings/$h" | grep -vc '^slow-unit-')
  found=$((after - before))
  total_findings=$((total_findings + found))
  took=$(( $(date +%s) - started ))
  rate=$(( executions / (took > 0 ? took : 1) ))
  summary+=("$(printf '%-12s %6ss %12s execs %8s/s %4s findings' "$h" "$took" "$executions" "$rate" "$found")")
done

echo
echo "fuzz: $(( $(date +%s) - run_started ))s of fuzzing (build ${build_seconds}s); findings under $findings/, logs under $logs/"
printf '%s\n' "${summary[@]}"
[ "$total_findings" -eq 0 ] || exit 1
exit 0
