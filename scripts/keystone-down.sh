#!/usr/bin/env bash
# Stop the Keystone started by scripts/keystone-up.sh.
#
# Usage:  bash scripts/keystone-down.sh
#   KEYSTONE_DIR  state directory used by keystone-up.sh
#                 (default: /tmp/effect-keystone-ks)
#
# Idempotent: exits 0 when nothing is running.  The state directory is kept
# (logs stay readable); keystone-up.sh wipes it on the next start.
set -euo pipefail

KS_DIR="${KEYSTONE_DIR:-/tmp/effect-keystone-ks}"
case "$KS_DIR" in /*) ;; *) KS_DIR="$PWD/$KS_DIR" ;; esac
PIDFILE="${KS_DIR%/}/uwsgi.pid"

log() { printf '[keystone-down] %s\n' "$*" >&2; }

# The keystonemiddleware app of scripts/keystonemiddleware-up.sh keeps its pid
# file in the same directory, which keystone-up.sh wipes: stop it first, so it
# is never orphaned (holding its port) by a Keystone restart.
KEYSTONE_DIR="$KS_DIR" bash "$(dirname "${BASH_SOURCE[0]}")/keystonemiddleware-down.sh" || true

if [[ ! -s "$PIDFILE" ]]; then
  log "not running (no $PIDFILE)"
  exit 0
fi

pid="$(tr -dc '0-9' <"$PIDFILE")"
# Only signal a live uwsgi process (the pid may have been reused).
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null ||
  ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q uwsgi; then
  log "not running (stale pidfile)"
  rm -f "$PIDFILE"
  exit 0
fi

log "stopping uwsgi (pid $pid)"
# SIGINT = uwsgi's "stop" (SIGTERM would mean "reload" without die-on-term).
kill -INT "$pid" 2>/dev/null || true
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  log "uwsgi did not stop in 10s; sending SIGKILL to it and its workers"
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
fi
rm -f "$PIDFILE"
log "stopped"
