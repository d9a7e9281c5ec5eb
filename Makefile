# Tianping — the two set-up commands are `make run` and `make test` (see README.md).
BUILD      ?= build
BUILD_TYPE ?= Release
JOBS       ?= $(shell nproc)
DEMO_DIR   ?= demo-data
DEMO_CASES ?= 200000
TIANPING    = $(BUILD)/src/cli/tianping

.PHONY: all deps build test run bench eval clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

run: build
	@scripts/run-demo "$(TIANPING)" "$(DEMO_DIR)" "$(DEMO_CASES)"

bench: build
	@scripts/bench "$(BUILD)"

eval: build
	@scripts/eval "$(TIANPING)"

clean:
	rm -rf $(BUILD)
