#!/bin/bash
# Stops the Kamailio started by rig/sip/start.sh, by the PID in RUNDIR/kamailio.pid only.
#
# usage: rig/sip/stop.sh RUNDIR [--crash]
#   --crash  SIGKILL (a crash, for fault tests) instead of SIGTERM
set -eu
RUNDIR=${1:?usage: stop.sh RUNDIR [--crash]}
PIDFILE="$RUNDIR/kamailio.pid"
[ -s "$PIDFILE" ] || exit 0
PID=$(cat "$PIDFILE")
SIG=TERM
[ "${2:-}" = "--crash" ] && SIG=KILL
# Kamailio's children share its process group only when it leads one; signal the PID, then its children.
CHILDREN=$(pgrep -P "$PID" 2>/dev/null || true)
kill "-$SIG" "$PID" 2>/dev/null || true
[ "$SIG" = KILL ] && [ -n "$CHILDREN" ] && kill -KILL $CHILDREN 2>/dev/null || true
i=0
while kill -0 "$PID" 2>/dev/null && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then
  kill -KILL "$PID" $CHILDREN 2>/dev/null || true
fi
# wait until the children let go of the ports
i=0
for c in $CHILDREN; do
  while kill -0 "$c" 2>/dev/null && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
done
rm -f "$PIDFILE"
