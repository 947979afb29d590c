#!/usr/bin/env bash
# Runs every test: builds with warnings as errors, then the XCTest suites (golden files, validators, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
swift test -Xswiftc -warnings-as-errors "$@"
