#!/usr/bin/env bash
# Stop the app started by scripts/keystonemiddleware-up.sh.
#
# Usage:  bash scripts/keystonemiddleware-down.sh
#   KEYSTONE_DIR  the state directory it was started with (default: /tmp/effect-keystone-ks)
#
# Idempotent: exits 0 when nothing is running.
set -euo pipefail

KS_DIR="${KEYSTONE_DIR:-/tmp/effect-keystone-ks}"
case "$KS_DIR" in /*) ;; *) KS_DIR="$PWD/$KS_DIR" ;; esac
PIDFILE="${KS_DIR%/}/keystonemiddleware.pid"

log() { printf '[keystonemiddleware-down] %s\n' "$*" >&2; }

[[ -s "$PIDFILE" ]] || { log "not running (no $PIDFILE)"; exit 0; }
pid="$(tr -dc '0-9' <"$PIDFILE")"
# Only signal our own app (the pid may have been reused).
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null ||
  ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q keystonemiddleware_app.py; then
  log "not running (stale pidfile)"
  rm -f "$PIDFILE"
  exit 0
fi
log "stopping the keystonemiddleware app (pid $pid)"
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
rm -f "$PIDFILE"
log "stopped"
