#!/bin/bash
# Starts the loopback Kamailio of Dialkit's SIP rig in the background.
#
# usage: rig/sip/start.sh [RUNDIR]
#   RUNDIR            a run directory (default: a new temporary one); it receives kamailio.cfg,
#                     kamailio.log and kamailio.pid
#   SIP_RIG_UDP_PORT  UDP port for SIPp far ends   (default 5160)
#   SIP_RIG_WS_PORT   WebSocket port for agents     (default 8188)
#   SIP_RIG_MAX_SECONDS  Kamailio is killed after this long whatever happens (default 1800)
# Prints the run directory. Stop with rig/sip/stop.sh RUNDIR (only that PID is touched).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
RUNDIR=${1:-$(mktemp -d "${TMPDIR:-/tmp}/dialkit-sip-rig.XXXXXX")}
UDP_PORT=${SIP_RIG_UDP_PORT:-5160}
WS_PORT=${SIP_RIG_WS_PORT:-8188}
MAX_SECONDS=${SIP_RIG_MAX_SECONDS:-1800}
KAMAILIO=${KAMAILIO:-/usr/sbin/kamailio}
mkdir -p "$RUNDIR"
rm -f "$RUNDIR/kamailio.pid"
sed -e "s#@RUNDIR@#$RUNDIR#g" -e "s#@UDP_PORT@#$UDP_PORT#g" -e "s#@WS_PORT@#$WS_PORT#g" \
  "$HERE/kamailio.cfg" > "$RUNDIR/kamailio.cfg"
"$KAMAILIO" -c -f "$RUNDIR/kamailio.cfg" > "$RUNDIR/check.log" 2>&1 || { cat "$RUNDIR/check.log" >&2; exit 1; }
# Foreground Kamailio (-DD) in its own session, bounded by timeout(1); Kamailio writes its PID.
setsid timeout -k 5 "$MAX_SECONDS" "$KAMAILIO" -f "$RUNDIR/kamailio.cfg" -DD -E -m 64 -M 8 \
  -Y "$RUNDIR" -P "$RUNDIR/kamailio.pid" >> "$RUNDIR/kamailio.log" 2>&1 < /dev/null &
# Ready when the PID file exists and the WebSocket port accepts connections (at most ~5 s).
i=0
while [ $i -lt 50 ]; do
  if [ -s "$RUNDIR/kamailio.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$WS_PORT") 2>/dev/null; then
    echo "$RUNDIR"
    exit 0
  fi
  i=$((i + 1))
  sleep 0.1
done
echo "kamailio did not start; see $RUNDIR/kamailio.log" >&2
tail -n 20 "$RUNDIR/kamailio.log" >&2 || true
[ -s "$RUNDIR/kamailio.pid" ] && kill "$(cat "$RUNDIR/kamailio.pid")" 2>/dev/null || true
exit 1
