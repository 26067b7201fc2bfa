# statmgr for .NET: build, test and run targets.
# `make test` restores packages, builds everything and runs the whole test suite.
DOTNET      ?= dotnet
CONFIG      ?= Release
TESTPROJ    := test/statmgr.Tests/statmgr.Tests.csproj
RINGTOOL    := test/ewring/ewring.csproj
RID         ?= linux-x64
PUBLISHDIR  ?= out/publish/$(RID)
EW_BIN      ?=

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

.PHONY: all build test run bench fuzz soak publish install clean

all: build

build:
	$(DOTNET) build statmgr.csproj -c $(CONFIG) --nologo -v q
	$(DOTNET) build $(TESTPROJ) -c $(CONFIG) --nologo -v q

test: build
	$(DOTNET) test $(TESTPROJ) -c $(CONFIG) --no-build --nologo

run: build
	bash test/demo/run-demo.sh $(CONFIG)

# The ring table, then the statmgr table (BENCH_QUICK=1 for short runs; the statmgr table takes
# about ten minutes, and uses out/publish's statmgr when `make publish` has made one).
bench: build
	$(DOTNET) run --project test/bench/bench.csproj -c Release
	$(DOTNET) run --project test/stress/stress.csproj -c Release -- bench

fuzz: build
	STATMGR_FUZZ_INPUTS=10000000 $(DOTNET) test $(TESTPROJ) -c $(CONFIG) --no-build --nologo \
	  --filter "Category=Fuzz" --logger "console;verbosity=normal"

soak: build
	bash test/soak/run-soak.sh $(CONFIG)

publish:
	$(DOTNET) publish statmgr.csproj -c Release -r $(RID) --self-contained true \
	  -p:PublishSingleFile=true -p:PublishReadyToRun=true -o $(PUBLISHDIR) --nologo -v q
	@ls -l $(PUBLISHDIR)/statmgr | awk '{ printf "statmgr single-file binary: %s (%d bytes, %.1f MB)\n", $$9, $$5, $$5/1048576 }'

install: publish
	@test -n "$(EW_BIN)" || { echo "usage: make install EW_BIN=<earthworm bin directory>"; exit 1; }
	install -m 0755 $(PUBLISHDIR)/statmgr $(EW_BIN)/statmgr
	@echo "installed $(EW_BIN)/statmgr"

clean:
	$(DOTNET) clean statmgr.csproj --nologo -v q || true
	rm -rf bin obj out test/*/bin test/*/obj
