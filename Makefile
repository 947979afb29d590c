# `make bench`: Dossier beside pandoc, pdftotext and PyMuPDF on the same files (see Benchmarks/bench.sh);
# `make bench ARGS=--quick` for the small smoke.
.PHONY: bench
bench:
	bash Benchmarks/bench.sh $(ARGS)

# `make fuzz SECONDS=60`: builds the libFuzzer harnesses (Fuzz/harnesses/, instrumented into .build-fuzz/) and runs
# each for SECONDS seconds (default 60); findings are kept under .build-fuzz/findings/. `make fuzz-smoke` for the
# few-seconds run CI does. ARGS passes more options to Fuzz/run.sh (e.g. ARGS="--only pdf,html --keep-corpus").
.PHONY: fuzz fuzz-smoke
fuzz:
	bash Fuzz/run.sh --seconds $(or $(SECONDS),60) $(ARGS)
fuzz-smoke:
	bash Fuzz/run.sh --smoke $(ARGS)
