# newswire — `make help` lists the targets.
# Every target that needs Python creates .venv and installs into it from PyPI, so the commands
# work on a fresh machine with only Rust and CPython >= 3.10.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= ../shared/corpus/dev
.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

EXTRAS ?= test

.PHONY: dev
dev: $(PY) ## build the extension in release mode and install it with its test extras into .venv
	$(PY) -m pip install -q "maturin>=1.9.4,<2" "pytest>=8"
	$(VENV)/bin/maturin develop --release --extras $(EXTRAS) -q

.PHONY: run
run: dev ## parse the bundled reference article and print it as JSON
	$(VENV)/bin/newswire examples/fna-webinar.txt

.PHONY: test
test: EXTRAS = test,spark
test: dev ## every test: cargo test (Rust) and pytest (Python, with Dask and Spark)
	cargo test --quiet
	$(PY) -m pytest tests/python -q

.PHONY: lint
lint: dev ## rustfmt, clippy and the stub check
	cargo fmt --check
	cargo clippy --all-targets --all-features -- -D warnings
	$(PY) -m mypy.stubtest newswire._newswire --allowlist tests/python/stubtest-allowlist.txt

.PHONY: bench
bench: dev ## criterion benches and the Python throughput script
	cargo bench --bench pipeline
	$(PY) scripts/bench_python.py $(CORPUS)/reuters21578.jsonl

.PHONY: eval
eval: dev ## the official scorer on the dev corpus
	$(PY) ../shared/eval/score.py $(CORPUS)/*.jsonl

FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= parse parse_bytes parse_limited agencies_toml registry_lookup

.PHONY: fuzz
fuzz: ## run each cargo-fuzz target (fuzz/) for FUZZ_SECONDS; crashes land in fuzz/artifacts/
	command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
	for t in $(FUZZ_TARGETS); do \
	  seeds=fuzz/seeds/text; [ $$t = agencies_toml ] && seeds=fuzz/seeds/toml; \
	  mkdir -p fuzz/corpus/$$t; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -a $$t fuzz/corpus/$$t $$seeds -- \
	    -dict=$(CURDIR)/fuzz/wire.dict -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 || exit 1; \
	done
