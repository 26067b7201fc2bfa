# statmgr for .NET: build, test and run targets.
# `make test` restores packages, builds everything, publishes the single-file statmgr (the
# tests in test/statmgr.Tests/Published run it) and runs the whole test suite.
DOTNET      ?= dotnet
CONFIG      ?= Release
TESTPROJ    := test/statmgr.Tests/statmgr.Tests.csproj
RINGTOOL    := test/ewring/ewring.csproj
RID         ?= linux-x64
PUBLISHDIR  ?= out/publish/$(RID)
EW_BIN      ?=
# The tests that run statmgr as a process (`dotnet statmgr.dll`, or STATMGR_EXE when set): every
# such class carries [Category(TestCategory.WholeProcess)], wherever it lives.
WHOLEPROCESS := Category=WholeProcess

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

.PHONY: all build test run bench fuzz soak publish install clean toolchain
# build and publish restore the same project: never run them side by side (make -j).
.NOTPARALLEL:

all: build

build:
	$(DOTNET) build statmgr.csproj -c $(CONFIG) --nologo -v q
	$(DOTNET) build $(TESTPROJ) -c $(CONFIG) --nologo -v q

# What the tests need besides .NET: gcc, and gcc -m32 for the ILP32 interop peer (gcc-multilib).
# Installs what it can and never fails: tests the host cannot run are skipped, with the reason.
toolchain:
	-@bash test/toolchain/ensure-gcc-m32.sh

# The Published tests run out/publish/$(RID)/statmgr, so publish before testing. The publish is
# trimmed: the whole-process tests then run once more against that binary (STATMGR_EXE).
test: toolchain build publish
	$(DOTNET) test $(TESTPROJ) -c $(CONFIG) --no-build --nologo
	STATMGR_EXE=$(abspath $(PUBLISHDIR))/statmgr $(DOTNET) test $(TESTPROJ) -c $(CONFIG) --no-build --nologo \
	  --filter "$(WHOLEPROCESS)"

run: build
	bash test/demo/run-demo.sh $(CONFIG)

# The ring table, then the statmgr table: a column for the native binary (make publish), one for
# the ReadyToRun binary (make publish-r2r) and C's figures, then the native binary's targets.
# About 25 minutes in full, the publishes included; BENCH_QUICK=1 shortens every run (about 10).
bench: build publish publish-r2r
	$(DOTNET) run --project test/bench/bench.csproj -c Release
	$(DOTNET) run --project test/stress/stress.csproj -c Release -- bench --rid $(RID)

fuzz: build
	STATMGR_FUZZ_INPUTS=10000000 $(DOTNET) test $(TESTPROJ) -c $(CONFIG) --no-build --nologo \
	  --filter "Category=Fuzz" --logger "console;verbosity=normal"

soak: build
	bash test/soak/run-soak.sh $(CONFIG)

# Trimmed: a trim warning is an error here (TreatWarningsAsErrors), so code the trimmer cannot
# follow fails the publish instead of failing at run time.
publish:
	$(DOTNET) publish statmgr.csproj -c Release -r $(RID) --self-contained true \
	  -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishTrimmed=true -o $(PUBLISHDIR) --nologo -v q
	@ls -l $(PUBLISHDIR)/statmgr | awk '{ printf "statmgr single-file binary: %s (%d bytes, %.1f MB)\n", $$9, $$5, $$5/1048576 }'

install: publish
	@test -n "$(EW_BIN)" || { echo "usage: make install EW_BIN=<earthworm bin directory>"; exit 1; }
	@test -d "$(EW_BIN)" || { echo "EW_BIN=$(EW_BIN) is not a directory"; exit 1; }
	install -m 0755 $(PUBLISHDIR)/statmgr $(EW_BIN)/statmgr
	@echo "installed $(EW_BIN)/statmgr"

clean:
	$(DOTNET) clean statmgr.csproj --nologo -v q || true
	rm -rf bin obj out test/*/bin test/*/obj
