#!/usr/bin/env bash
# `make run`: a one-minute demonstration of statmgr on this machine, with no Earthworm installed.
#
#   bash test/demo/run-demo.sh [Release|Debug]
#
# It builds the stand-ins (test/tools.slnx), makes a throw-away EW_PARAMS and EW_LOG with the tables
# of test/demo/params/ (ring keys 41000-41999, far from a real installation's), copies the
# repository's statmgr.d and desc/ files, creates the rings with test/ewring, and starts, as
# startstop would:
#   - smtpsink     a local SMTP server that prints each mail statmgr sends;
#   - ewring sniff one per ring, printing what statmgr puts there (pages, restart requests);
#   - ewsupervisor a stand-in for startstop that answers status requests and restarts children;
#       pick_ew   (ewmodule) heartbeats with its pid, dies, is restarted on statmgr's request;
#       slink2ew  (ewmodule) heartbeats and sends errors faster than its descriptor allows;
#   - statmgr statmgr.d, with the working directory EW_PARAMS.
# After DEMO_SECONDS (default 45) it sets TERMINATE in every ring, shows the shutdown, removes every
# ring and semaphore (also on Ctrl-C or any failure), and prints where the log files are.
#
# DEMO_SECONDS=N      run time before TERMINATE (default 45)
# DEMO_STATMGR=CMD    run CMD instead of this repository's statmgr (e.g. a C statmgr, to compare);
#                     it is started as "CMD statmgr.d" in EW_PARAMS
# DEMO_BUILD=1        build the stand-ins even when they are there (test/tools.slnx)
set -uo pipefail

CONFIG=${1:-Release}
DEMO_SECONDS=${DEMO_SECONDS:-45}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TFM=net10.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# ---------------------------------------------------------------------------- output helpers
T0=$(printf '%(%s)T' -1)
say() { # say TAG TEXT: one timestamped line on the terminal
    local now
    printf -v now '%(%s)T' -1
    printf '%3ds  %-11s %s\n' "$((now - T0))" "[$1]" "$2"
}
banner() { printf '\n== %s\n' "$*"; }
show() { # show TAG: prefix every line of stdin
    local line
    while IFS= read -r line; do say "$1" "$line"; done
}
show_modules() { # ewsupervisor output: every line, but only the first heartbeat of each module pid
    local line key
    declare -A seen=()
    while IFS= read -r line; do
        if [[ $line == ewmodule*heartbeat* ]]; then
            key=${line%%:*}
            [[ -n ${seen[$key]:-} ]] && continue
            seen[$key]=1
            line="$line   (further heartbeats not shown)"
        fi
        say supervisor "$line"
    done
}
show_statmgr_log() { # statmgr's log from "Start Message Log" on, without blank lines
    local line started=0
    while IFS= read -r line; do
        if ((started == 0)); then
            [[ $line == *"Start Message Log"* ]] && started=1
            continue
        fi
        [[ -z ${line// /} ]] && continue
        say statmgr "$line"
    done
}
fail() { say demo "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------------------- build
tool() { # path of a stand-in's apphost
    echo "$REPO/test/$1/bin/$CONFIG/$TFM/$1"
}
# `make build` already built them (the test project references them); build only what is missing.
need_build=${DEMO_BUILD:-0}
for t in ewring ewmodule ewsupervisor smtpsink; do
    [[ -x $(tool $t) ]] || need_build=1
done
if [[ $need_build == 1 ]]; then
    banner "building the stand-ins ($CONFIG)"
    dotnet build "$REPO/test/tools.slnx" -c "$CONFIG" --nologo -v q -clp:NoSummary ||
        fail "dotnet build test/tools.slnx"
fi
for t in ewring ewmodule ewsupervisor smtpsink; do
    [[ -x $(tool $t) ]] || fail "$(tool $t) not built"
done
if [[ -n ${DEMO_STATMGR:-} ]]; then
    read -r -a STATMGR_CMD <<< "$DEMO_STATMGR"
else
    STATMGR_DLL="$REPO/bin/$CONFIG/$TFM/statmgr.dll"
    [[ -f $STATMGR_DLL ]] || fail "$STATMGR_DLL not built (run make build first)"
    STATMGR_CMD=(dotnet "$STATMGR_DLL")
fi
if [[ -z ${DOTNET_ROOT:-} ]]; then # the apphosts need it when dotnet is not in a standard place
    DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")
    export DOTNET_ROOT
fi
# startstop finds its children on PATH; so does ewsupervisor.
export PATH="$REPO/test/ewmodule/bin/$CONFIG/$TFM:$PATH"
EWRING=$(tool ewring)

# ---------------------------------------------------------------------------- environment
WORK=$(mktemp -d "${TMPDIR:-/tmp}/statmgr-demo.XXXXXX")
export EW_PARAMS="$WORK/params/" EW_LOG="$WORK/log/" # trailing '/' as the Earthworm env scripts set them
export EW_INSTALLATION=INST_MENLO EW_INST_ID=INST_MENLO
SYS_NAME=$(hostname 2>/dev/null || echo demohost)
export SYS_NAME
mkdir -p "$EW_PARAMS" "$EW_LOG"

declare -a PIDS=()   # every process this script started, stopped by pid at exit
declare -a RINGS=()  # every ring this script created, destroyed at exit
cleanup() {
    local pid ring key hex i
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for i in 1 2 3 4 5 6 7 8 9 10; do
        local alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        ((alive == 0)) && break
        sleep 0.3
    done
    for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null; done
    # Modules the supervisor started (it normally stops them itself).
    if [[ -f $WORK/supervisor.out ]]; then
        for pid in $(sed -n 's/^ewsupervisor: started .* pid \([0-9]*\).*/\1/p;s/^ewsupervisor: restarted .* new pid \([0-9]*\).*/\1/p' "$WORK/supervisor.out"); do
            kill -KILL "$pid" 2>/dev/null
        done
    fi
    for ring in "${RINGS[@]}"; do "$EWRING" destroy "$ring" >/dev/null 2>&1; done
    # Belt and braces: nothing with a demo key may survive (keys are 41000-41999).
    for key in $(awk '$1 == "Ring" && $3 ~ /^41[0-9][0-9][0-9]$/ { print $3 }' "$EW_PARAMS/earthworm.d" 2>/dev/null); do
        printf -v hex '0x%08x' "$key"
        ipcs -m 2>/dev/null | awk -v k="$hex" '$1 == k' | grep -q . && ipcrm -M "$key" 2>/dev/null
        ipcs -s 2>/dev/null | awk -v k="$hex" '$1 == k' | grep -q . && ipcrm -S "$key" 2>/dev/null
    done
    printf '\nlogs and configuration of this run: %s\n' "$WORK"
    ls "$EW_LOG"*.log 2>/dev/null | sed 's/^/  /'
}
trap cleanup EXIT
trap 'say demo "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------------------- tables
# The Earthworm tables live in test/demo/params/, shared with the tests of the published binary.
cp "$REPO"/test/demo/params/earthworm_global.d "$REPO"/test/demo/params/earthworm_commonvars.d \
    "$REPO"/test/demo/params/earthworm.d "$EW_PARAMS/" || fail "cannot copy test/demo/params"

# ---------------------------------------------------------------------------- statmgr.d and descriptors
if [[ -f $REPO/statmgr.d ]]; then
    cp "$REPO/statmgr.d" "$EW_PARAMS/statmgr.d"
    CONFIG_FROM="the repository's statmgr.d"
else
    CONFIG_FROM="the demo's own statmgr.d (the repository has none yet)"
    cat > "$EW_PARAMS/statmgr.d" <<'CONF'
MyModuleId      MOD_STATMGR
RingName        STATUS_RING
CheckAllRings   1
GetStatusFrom   ${EW_INST_ID}  MOD_WILDCARD
LogFile         1
heartbeatPageit 60
pagegroup       earthworm-ops
mail            earthworm-ops@example.org
Subject         "Earthworm status message"
Descriptor      statmgr.desc
Descriptor      startstop.desc
CONF
fi
if compgen -G "$REPO/desc/*.desc" >/dev/null; then
    cp "$REPO"/desc/*.desc "$EW_PARAMS/"
fi
if [[ ! -f $EW_PARAMS/statmgr.desc ]]; then
    cat > "$EW_PARAMS/statmgr.desc" <<'DESC'
modName  statmgr
modId    MOD_STATMGR
instId   ${EW_INST_ID}
tsec: 0  page: 0  mail: 0
err: 0  nerr: 1  tsec: 0  page: 1  mail: 1
text: "Program starting."
err: 1  nerr: 1  tsec: 0  page: 1  mail: 1
text: "Program stopping."
err: 2  nerr: 1  tsec: 0  page: 0  mail: 0
text: "Invalid module_id or instid received."
err: 3  nerr: 1  tsec: 0  page: 0  mail: 0
text: "Error decoding ascii heartbeat or error."
err: 4  nerr: 1  tsec: 0  page: 0  mail: 5
text: "Missed msg(s)."
err: 5  nerr: 1  tsec: 0  page: 0  mail: 5
text: "Msg too long for target."
err: 6  nerr: 1  tsec: 0  page: 0  mail: 5
text: "Transport tracking limit exceeded."
DESC
fi
if [[ ! -f $EW_PARAMS/startstop.desc ]]; then
    cat > "$EW_PARAMS/startstop.desc" <<'DESC'
modName  startstop
modId    MOD_STARTSTOP
instId   ${EW_INST_ID}
tsec: 60  page: 0  mail: 99
err: 1  nerr: 1  tsec: 0  page: 10  mail: 10
text: "Failed to start child process"
DESC
fi
# The two simulated modules' descriptors, and their .d files (statmgr reads HeartBeatInt there).
cat > "$EW_PARAMS/pick_ew.desc" <<'DESC'
modName  pick_ew
modId    MOD_PICK_EW
instId   ${EW_INST_ID}
restartMe
tsec: 4  page: 2  mail: 2
err: 1  nerr: 1  tsec: 0  page: 1  mail: 1
text: "Picker trouble."
DESC
echo "HeartBeatInt 1" > "$EW_PARAMS/pick_ew.d"
cat > "$EW_PARAMS/slink2ew.desc" <<'DESC'
modName  slink2ew
modId    MOD_SLINK2EW
instId   ${EW_INST_ID}
tsec: 10  page: 0  mail: 0
err: 3  nerr: 3  tsec: 10  page: 2  mail: 3
text: "Station data gap."
DESC
echo "HeartBeatInt 2" > "$EW_PARAMS/slink2ew.d"

# Adjust the copy only where the demonstration needs it: its own descriptors, every ring, a pageit
# beat every 10 s, the local SMTP sink as the only mail server, and a disk log.
sed -i -E \
    -e '/^[[:space:]]*Descriptor[[:space:]]/{/[[:space:]](statmgr|startstop)\.desc([[:space:]]|$)/!d}' \
    -e '/^[[:space:]]*(MailServer|MailProgram|CheckAllRings|heartbeatPageit)[[:space:]]/d' \
    -e 's/^([[:space:]]*LogFile[[:space:]]+)0\b/\11/' \
    "$EW_PARAMS/statmgr.d"
{
    echo ""
    echo "# ---- added by test/demo/run-demo.sh"
    echo "CheckAllRings   1"
    echo "heartbeatPageit 10"
    grep -Eq '^[[:space:]]*mail[[:space:]]' "$EW_PARAMS/statmgr.d" || echo "mail            earthworm-ops@example.org"
    echo "Descriptor      pick_ew.desc"
    echo "Descriptor      slink2ew.desc"
} >> "$EW_PARAMS/statmgr.d"

# Any module name the copied files use that the demo tables lack gets an id of its own.
next_id=200
for name in $(cat "$EW_PARAMS/statmgr.d" "$EW_PARAMS"/*.desc | grep -oE '\bMOD_[A-Za-z0-9_]+' | sort -u); do
    if ! grep -Eq "^ *Module +$name " "$EW_PARAMS/earthworm.d"; then
        echo " Module $name $next_id" >> "$EW_PARAMS/earthworm.d"
        next_id=$((next_id + 1))
    fi
done
STATUS_RING=$(awk '$1 == "RingName" { print $2; exit }' "$EW_PARAMS/statmgr.d")
[[ -n $STATUS_RING ]] || fail "no RingName in statmgr.d"
if ! grep -Eq "^ *Ring +$STATUS_RING " "$EW_PARAMS/earthworm.d"; then
    echo " Ring   $STATUS_RING 41100" >> "$EW_PARAMS/earthworm.d"
fi
WAVE=WAVE_RING
[[ $STATUS_RING == "$WAVE" ]] && WAVE=PICK_RING

banner "setup"
T0=$(printf '%(%s)T' -1) # the clock on the left starts here
say demo "EW_PARAMS=$EW_PARAMS  EW_LOG=$EW_LOG  EW_INSTALLATION=$EW_INSTALLATION  SYS_NAME=$SYS_NAME"
say demo "configuration: $CONFIG_FROM, with the demo's changes at its end"

# ---------------------------------------------------------------------------- rings
for ring in "$STATUS_RING" "$WAVE"; do
    "$EWRING" create "$ring" 1024 > "$WORK/ewring-create.out" 2>&1 ||
        { cat "$WORK/ewring-create.out"; fail "ewring create $ring"; }
    RINGS+=("$ring")
    say ewring "created $ring ($(awk -v r="$ring" '$1 == "Ring" && $2 == r { print "key " $3 }' "$EW_PARAMS/earthworm.d"), 1024 kb)"
done

# ---------------------------------------------------------------------------- SMTP sink
"$(tool smtpsink)" --port 0 --save "$WORK/mail" > >(tee "$WORK/smtpsink.out" | show smtpsink) 2>&1 &
PIDS+=($!)
PORT=""
for _ in $(seq 1 100); do
    PORT=$(sed -n 's/^smtpsink: listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$WORK/smtpsink.out" 2>/dev/null)
    [[ -n $PORT ]] && break
    sleep 0.1
done
[[ -n $PORT ]] || fail "smtpsink did not start"
echo "MailServer      127.0.0.1:$PORT" >> "$EW_PARAMS/statmgr.d"

# ---------------------------------------------------------------------------- sniffers
for ring in "$STATUS_RING" "$WAVE"; do
    "$EWRING" sniff "$ring" --logo "$EW_INSTALLATION" MOD_STATMGR TYPE_WILDCARD \
        > >(tee "$WORK/sniff-$ring.out" | show "$ring") 2>&1 &
    PIDS+=($!)
done

# ---------------------------------------------------------------------------- supervisor and modules
banner "starting ewsupervisor (startstop stand-in) with two modules, then statmgr"
(
    cd "$EW_PARAMS" || exit 1
    exec "$(tool ewsupervisor)" "$STATUS_RING" "$WAVE" --beat 15 --config startstop_demo.d \
        --child "ewmodule $WAVE $EW_INSTALLATION MOD_PICK_EW --beat 1 --die-after 8 --die-first-start-only" \
        --child "ewmodule $STATUS_RING $EW_INSTALLATION MOD_SLINK2EW --beat 2 --errors-per-min 30 --err 3 --note Station XYZ: no data for 30 s"
) > >(tee "$WORK/supervisor.out" | show_modules) 2>&1 &
SUPERVISOR=$!
PIDS+=("$SUPERVISOR")
for _ in $(seq 1 100); do
    [[ $(grep -c '^ewsupervisor: started ' "$WORK/supervisor.out" 2>/dev/null) -ge 2 ]] && break
    kill -0 "$SUPERVISOR" 2>/dev/null || fail "ewsupervisor exited"
    sleep 0.1
done

# ---------------------------------------------------------------------------- statmgr
( cd "$EW_PARAMS" && exec "${STATMGR_CMD[@]}" statmgr.d ) > "$WORK/statmgr.console" 2>&1 &
STATMGR=$!
PIDS+=("$STATMGR")
say demo "statmgr started, pid $STATMGR (cd $EW_PARAMS; statmgr statmgr.d)"
LOG=""
for _ in $(seq 1 100); do
    LOG=$(ls "$EW_LOG"statmgr_*.log 2>/dev/null | head -n 1)
    [[ -n $LOG ]] && break
    kill -0 "$STATMGR" 2>/dev/null || break
    sleep 0.1
done
if [[ -z $LOG ]]; then
    cat "$WORK/statmgr.console"
    fail "statmgr wrote no log file"
fi
tail -n +1 -F "$LOG" 2>/dev/null > >(show_statmgr_log) &
PIDS+=($!)

# ---------------------------------------------------------------------------- run
banner "running for $DEMO_SECONDS s: pick_ew dies after 8 s; slink2ew sends an error every 2 s"
END=$(($(printf '%(%s)T' -1) + DEMO_SECONDS))
while (($(printf '%(%s)T' -1) < END)); do
    if ! kill -0 "$STATMGR" 2>/dev/null; then
        wait "$STATMGR"
        say demo "statmgr exited early with status $?; its console output:"
        show statmgr < "$WORK/statmgr.console"
        exit 1
    fi
    sleep 0.5
done

# ---------------------------------------------------------------------------- shutdown
banner "setting TERMINATE in every ring"
for ring in "${RINGS[@]}"; do
    "$EWRING" flag "$ring" TERMINATE > /dev/null 2>&1 || say demo "ewring flag $ring TERMINATE failed"
done
for _ in $(seq 1 150); do # statmgr drains its mail queue for up to 10 s before it exits
    kill -0 "$STATMGR" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$STATMGR" 2>/dev/null; then
    say demo "statmgr still running 15 s after TERMINATE"
else
    wait "$STATMGR"
    say demo "statmgr exited with status $?"
fi
for _ in $(seq 1 100); do
    kill -0 "$SUPERVISOR" 2>/dev/null || break
    sleep 0.1
done
# The sniffers stopped at the TERMINATE flag, before statmgr's shutdown page: show what came after.
for ring in "${RINGS[@]}"; do
    shown=$(grep -vc ': flag -999, stopping$' "$WORK/sniff-$ring.out" 2>/dev/null)
    "$EWRING" sniff "$ring" --logo "$EW_INSTALLATION" MOD_STATMGR TYPE_WILDCARD 2>&1 |
        grep -v ': flag -999, stopping$' | tail -n +"$((shown + 1))" | tee -a "$WORK/sniff-$ring.out" | show "$ring"
done
sleep 1 # let the last mail and log lines through

# ---------------------------------------------------------------------------- summary
banner "summary"
sniffed() { cat "$WORK"/sniff-*.out 2>/dev/null | grep -c "$1"; }
say demo "report pages put by statmgr:  $(sniffed ' TYPE_PAGE .*: group: ')"
say demo "pageit heartbeats:            $(sniffed ' TYPE_PAGE .*: alive:')"
say demo "restart requests:             $(sniffed ' TYPE_RESTART ')"
say demo "restarts by the supervisor:   $(grep -c '^ewsupervisor: restarted ' "$WORK/supervisor.out")"
say demo "mails received:               $(grep -c '^smtpsink: mail ' "$WORK/smtpsink.out")"
say demo "statmgr log:                  $LOG"
exit 0
