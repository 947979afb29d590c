# `make bench`: Dossier beside pandoc, pdftotext and PyMuPDF on the same files (see Benchmarks/bench.sh);
# `make bench ARGS=--quick` for the small smoke.
.PHONY: bench
bench:
	bash Benchmarks/bench.sh $(ARGS)
