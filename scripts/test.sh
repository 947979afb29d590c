#!/usr/bin/env bash
# Runs every test: builds with warnings as errors, then the XCTest suites (golden files, validators, CLI).
# Ends with one "N passed, N skipped, N failed" line (the whole run's); the exit status is swift test's.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift test --disable-swift-testing -Xswiftc -warnings-as-errors "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The package's command plugin is registered (the build-tool plugin is exercised by DocumentResourcesExampleTests).
if ! swift package plugin --list 2>/dev/null | grep -q "export-documents"; then
  echo "test.sh: the export-documents command plugin is not listed by 'swift package plugin --list'" >&2
  status=1
fi
# The fuzz smoke (Fuzz/run.sh --smoke: every libFuzzer harness for a few seconds, about 3 minutes from a clean
# state with its instrumented build in .build-fuzz/). Skipped, with a line saying why, when the toolchain cannot
# build libFuzzer binaries, when arguments narrow the run (--filter ...), or with DOSSIER_FUZZ_SMOKE=0.
if [ "${DOSSIER_FUZZ_SMOKE:-1}" = 0 ]; then
  echo "test.sh: fuzz smoke skipped (DOSSIER_FUZZ_SMOKE=0)"
elif [ $# -gt 0 ]; then
  echo "test.sh: fuzz smoke skipped (arguments given: $*)"
elif ! why=$(bash Fuzz/run.sh --check 2>&1); then
  echo "test.sh: fuzz smoke skipped: ${why#fuzz: }"
elif ! bash Fuzz/run.sh --smoke; then
  echo "test.sh: the fuzz smoke failed: a finding under .build-fuzz/findings/ or a build error in .build-fuzz/logs/" >&2
  status=1
fi
# The last "Executed" line is the whole run's; with skipped tests it reads "with N tests skipped and M failures".
summary=$(grep -a -E "^[[:space:]]*Executed [0-9]+ tests?, with ([0-9]+ tests? skipped and )?[0-9]+ failures?" "$log" | tail -1)
if [ -n "$summary" ]; then
  executed=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) failures?.*/\1/')
  skipped=0
  if echo "$summary" | grep -q "skipped"; then skipped=$(echo "$summary" | sed -E 's/.*with ([0-9]+) tests? skipped.*/\1/'); fi
  echo "$((executed - failed - skipped)) passed, $skipped skipped, $failed failed"
fi
exit "$status"
