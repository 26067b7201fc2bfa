# statmgr for .NET: build, test and run targets.
# `make test` restores packages, builds everything, publishes the native statmgr (the tests in
# test/statmgr.Tests/Published run it; the ReadyToRun one where no native toolchain can be had)
# and runs the whole test suite.
DOTNET      ?= dotnet
CONFIG      ?= Release
TESTPROJ    := test/statmgr.Tests/statmgr.Tests.csproj
RINGTOOL    := test/ewring/ewring.csproj
RID         ?= linux-x64
PUBLISHDIR  ?= out/publish/$(RID)
R2RDIR      ?= out/publish-r2r/$(RID)
EW_BIN      ?=
# A RID of another architecture than this host's (linux-arm64 on x64) is cross-compiled: the SDK
# then links with clang --target=<triple>, which gcc cannot do, against that architecture's C
# library and binutils (Debian: libc6-dev-arm64-cross, libgcc-12-dev-arm64-cross and
# binutils-aarch64-linux-gnu; not gcc-aarch64-linux-gnu, which removes gcc-multilib). CLANG names clang
# where it is not on PATH as `clang` (Debian's clang-14 package alone installs clang-14).
CLANG       ?= clang
HOSTARCH    := $(subst x86_64,x64,$(subst aarch64,arm64,$(shell uname -m)))
CROSS       := $(if $(filter %-$(HOSTARCH),$(RID)),,-p:CppCompilerAndLinker=$(CLANG))
# The tests that run statmgr as a process (`dotnet statmgr.dll`, or STATMGR_EXE when set): every
# such class carries [Category(TestCategory.WholeProcess)], wherever it lives.
WHOLEPROCESS := Category=WholeProcess
WHOLEPROCESS_NOT := Category!=WholeProcess

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

.PHONY: all build test run bench fuzz soak publish publish-r2r publish-for-tests install clean toolchain
# build and publish restore the same project: never run them side by side (make -j).
.NOTPARALLEL:

all: build

build:
	$(DOTNET) build statmgr.csproj -c $(CONFIG) --nologo -v q
	$(DOTNET) build $(TESTPROJ) -c $(CONFIG) --nologo -v q

# What the tests and the publish need besides .NET: gcc, and gcc -m32 for the ILP32 interop peer
# (gcc-multilib); a C compiler and objcopy to link the native binary (clang when nothing links);
# promtool, Prometheus and Chromium for the status listener's tests (prometheus, chromium).
# Installs what it can and never fails: tests the host cannot run are skipped, with the reason, and
# without a native toolchain the tests run the ReadyToRun binary.
toolchain:
	-@bash test/toolchain/ensure-gcc-m32.sh
	-@bash test/toolchain/ensure-native-toolchain.sh
	-@bash test/toolchain/ensure-status-tools.sh

# The Published tests run the published binary, so publish before testing; the whole-process tests
# then run once more against that binary (STATMGR_EXE): the native one, or the ReadyToRun one where
# this host cannot link a native binary (then out/publish holds none, so no old one is tested).
# Every test once: those that run statmgr as a process run against the binary we ship (the
# ReadyToRun one without a native toolchain), the rest in-process. A bare `dotnet test` runs the
# whole-process tests too, on `dotnet statmgr.dll`.
test: toolchain build publish-for-tests
	$(DOTNET) test $(TESTPROJ) -c $(CONFIG) --no-build --nologo --filter "$(WHOLEPROCESS_NOT)"
	@if [ -x $(PUBLISHDIR)/statmgr ]; then dir=$(PUBLISHDIR) kind=NativeAOT; else dir=$(R2RDIR) kind=ReadyToRun; fi; \
	echo "whole-process tests against: $$dir/statmgr ($$kind)"; \
	STATMGR_EXE=$$(cd $$dir && pwd)/statmgr $(DOTNET) test $(TESTPROJ) -c $(CONFIG) --no-build --nologo \
	  --filter "$(WHOLEPROCESS)"

# The native binary needs a C compiler and objcopy (test/toolchain/ensure-native-toolchain.sh) and
# the SDK's NativeAOT compiler package from NuGet; without either, the ReadyToRun binary is tested.
# Once both are there, a failed native publish (an AOT warning) fails `make test`.
publish-for-tests:
	@why=$$(bash test/toolchain/ensure-native-toolchain.sh --check) \
	  && { restore=$$($(DOTNET) restore statmgr.csproj -r $(RID) -p:PublishAot=true --nologo -v q 2>&1) \
	    || why="the NativeAOT compiler package cannot be restored: $$(echo "$$restore" | grep -m1 -o 'error .*')"; }; \
	if [ -z "$$why" ]; then \
	  $(MAKE) --no-print-directory publish; \
	else \
	  echo "native toolchain missing: $$why; testing the ReadyToRun binary instead"; \
	  rm -f $(PUBLISHDIR)/statmgr $(PUBLISHDIR)/statmgr.dbg; \
	  $(MAKE) --no-print-directory publish-r2r; \
	fi

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

# The shipped binary: NativeAOT, one native file with no .NET runtime to load (statmgr.dbg beside
# it holds its symbols). Needs a C compiler and objcopy (`make toolchain`). A trim or AOT warning
# is an error here (TreatWarningsAsErrors), so code that cannot be compiled ahead of time fails the
# publish instead of failing at run time.
publish:
	$(DOTNET) publish statmgr.csproj -c Release -r $(RID) -p:PublishAot=true $(CROSS) -o $(PUBLISHDIR) --nologo -v q
	@ls -l $(PUBLISHDIR)/statmgr | awk '{ printf "statmgr native binary (NativeAOT): %s (%d bytes, %.1f MB)\n", $$9, $$5, $$5/1048576 }'

# The previous default, for hosts that cannot link a native binary: self-contained, ReadyToRun,
# trimmed, one file; a trim warning is an error here too.
publish-r2r:
	$(DOTNET) publish statmgr.csproj -c Release -r $(RID) --self-contained true \
	  -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishTrimmed=true -o $(R2RDIR) --nologo -v q
	@ls -l $(R2RDIR)/statmgr | awk '{ printf "statmgr single-file binary (ReadyToRun): %s (%d bytes, %.1f MB)\n", $$9, $$5, $$5/1048576 }'

install: publish
	@test -n "$(EW_BIN)" || { echo "usage: make install EW_BIN=<earthworm bin directory>"; exit 1; }
	@test -d "$(EW_BIN)" || { echo "EW_BIN=$(EW_BIN) is not a directory"; exit 1; }
	install -m 0755 $(PUBLISHDIR)/statmgr $(EW_BIN)/statmgr
	@echo "installed $(EW_BIN)/statmgr"

clean:
	$(DOTNET) clean statmgr.csproj --nologo -v q || true
	rm -rf bin obj out test/*/bin test/*/obj
