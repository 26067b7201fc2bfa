#!/usr/bin/env bash
# How long statmgr takes from process start to its startup report in the log
# ("<date>  <SYS_NAME>/statmgr Program starting. ...", not the descriptor dump's text: line).
#
#   bash test/bench/startup-time.sh [-n RUNS] [CMD ...]
#
# Each CMD (one word list in one argument, e.g. "dotnet bin/Release/net10.0/statmgr.dll") is run
# RUNS times (default 10) as "CMD statmgr.d" in a throw-away EW_PARAMS holding the demo tables
# (test/demo/params), the repository's statmgr.d and desc/ files, and a STATUS_RING created with
# test/ewring under a free key; mail goes to test/smtpsink. The clock starts just before the
# process is started and stops when the line is in the log file (polled every millisecond). After
# each run TERMINATE stops statmgr. Without CMD: the published binaries that exist (native from
# `make publish`, ReadyToRun from `make publish-r2r`) and dotnet statmgr.dll.
# Prints median, minimum and maximum in milliseconds per CMD. Needs `make build`.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=10
if [[ ${1:-} == -n ]]; then
    RUNS=$2
    shift 2
fi
if (($# == 0)); then
    for published in "$REPO/out/publish/linux-x64/statmgr" "$REPO/out/publish-r2r/linux-x64/statmgr"; do
        [[ -x $published ]] && set -- "$@" "$published"
    done
    set -- "$@" "dotnet $REPO/bin/Release/net10.0/statmgr.dll"
fi
TOOLS=$REPO/test
EWRING=$TOOLS/ewring/bin/Release/net10.0/ewring
SMTPSINK=$TOOLS/smtpsink/bin/Release/net10.0/smtpsink
for t in "$EWRING" "$SMTPSINK"; do
    [[ -x $t ]] || { echo "$t not built (make build)" >&2; exit 1; }
done
if [[ -z ${DOTNET_ROOT:-} ]]; then # the tools' apphosts need it when dotnet is not in a standard place
    DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")
    export DOTNET_ROOT
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/statmgr-startup.XXXXXX")
export EW_PARAMS="$WORK/params/" EW_INSTALLATION=INST_MENLO SYS_NAME=benchhost
mkdir -p "$EW_PARAMS"
SINK=""
RING_MADE=0
cleanup() {
    trap - EXIT INT TERM
    [[ -n $SINK ]] && kill "$SINK" 2>/dev/null && wait "$SINK" 2>/dev/null
    ((RING_MADE)) && "$EWRING" destroy STATUS_RING >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp "$REPO"/test/demo/params/*.d "$REPO/statmgr.d" "$REPO"/desc/* "$EW_PARAMS"
# A STATUS_RING key nobody uses now (System V keys are machine-wide).
while :; do
    KEY=$((45000 + RANDOM % 1000))
    printf -v HEX '0x%08x' "$KEY"
    ipcs -m | awk -v k="$HEX" '$1 == k { found = 1 } END { exit !found }' || break
done
sed -i -E "s/^( *Ring +STATUS_RING +)[0-9]+/\1$KEY/" "$EW_PARAMS/earthworm.d"
"$EWRING" create STATUS_RING 1024 >/dev/null || { echo "ewring create STATUS_RING failed" >&2; exit 1; }
RING_MADE=1

"$SMTPSINK" --port 0 > "$WORK/smtpsink.out" 2>&1 &
SINK=$!
PORT=""
for _ in $(seq 1 100); do
    PORT=$(sed -n 's/^smtpsink: listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$WORK/smtpsink.out")
    [[ -n $PORT ]] && break
    sleep 0.1
done
[[ -n $PORT ]] || { echo "smtpsink did not start" >&2; exit 1; }
sed -i -E "s/^(MailServer[[:space:]]+).*/\1127.0.0.1:$PORT/" "$EW_PARAMS/statmgr.d"

mkfifo "$WORK/tick"
exec 8<> "$WORK/tick" # `read -t` on a silent fifo: a millisecond's wait without a fork

# one_run CMD...: prints the milliseconds from start to "Program starting." in the log
one_run() {
    local log="" line="" partial="" t0 t1 pid
    export EW_LOG="$WORK/log.$RANDOM$RANDOM/"
    mkdir -p "$EW_LOG"
    t0=$EPOCHREALTIME
    (cd "$EW_PARAMS" && exec "$@" statmgr.d > /dev/null 2>&1) &
    pid=$!
    while [[ -z $log ]]; do
        for log in "$EW_LOG"statmgr_*.log; do [[ -f $log ]] || log=""; done
        [[ -n $log ]] || read -r -t 0.001 -u 8
        kill -0 "$pid" 2>/dev/null || [[ -n $log ]] || { echo "statmgr exited without a log" >&2; return 1; }
    done
    exec 9< "$log"
    while :; do
        if IFS= read -r line <&9; then
            partial+=$line
            [[ $partial == *"/statmgr Program starting."* ]] && break
            partial=""
        else
            partial+=$line
            read -r -t 0.001 -u 8
            kill -0 "$pid" 2>/dev/null || { echo "statmgr exited before its startup report" >&2; return 1; }
        fi
    done
    t1=$EPOCHREALTIME
    exec 9<&-
    "$EWRING" flag STATUS_RING TERMINATE >/dev/null
    wait "$pid"
    "$EWRING" flag STATUS_RING clear >/dev/null
    rm -rf "$EW_LOG"
    echo $(((${t1//[.,]/} - ${t0//[.,]/}) / 1000))
}

printf '%-70s %8s %8s %8s  (ms, %d runs)\n' "command" median min max "$RUNS"
for cmd in "$@"; do
    read -r -a words <<< "$cmd"
    for w in "${!words[@]}"; do # statmgr runs in EW_PARAMS: make relative file names absolute
        [[ ${words[w]} != /* && -f ${words[w]} ]] && words[w]=$PWD/${words[w]}
    done
    times=()
    for ((i = 0; i < RUNS; i++)); do
        ms=$(one_run "${words[@]}") || exit 1
        times+=("$ms")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    printf '%-70s %s  [%s]\n' "$cmd" "$(awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%8s %8d %8d", m, v[1], v[NR] }' <<< "$sorted")" "${times[*]}"
done
