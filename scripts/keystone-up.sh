#!/usr/bin/env bash
# Start a REAL OpenStack Keystone (Debian's `keystone` package) on loopback and
# seed it with test data through its REST API.
#
# Usage:  bash scripts/keystone-up.sh [port]
#
#   port           TCP port on 127.0.0.1 (default: $KS_PORT or 35357)
#   KEYSTONE_DIR   state directory, WIPED on every start
#                  (default: /tmp/effect-keystone-ks)
#   KS_ADMIN_PASSWORD  bootstrap admin password (default: admin-password)
#   KS_CACHE=0     disable Keystone's in-process cache (much slower; see [cache] below)
#   KS_WAIT_SECONDS  how long to wait for uwsgi to answer (default: 120)
#
# Afterwards `source "$KEYSTONE_DIR/env"` gives KS_* variables (see the end of
# this script).  The last line on stdout is the auth URL
# (http://127.0.0.1:<port>/v3); progress messages go to stderr.
# Stop it with scripts/keystone-down.sh.
#
# Keystone runs under uwsgi with one process and one thread, because the
# SQLite backend allows one writer only (more workers give lock waits and
# empty replies); the database is in WAL mode, see the note at db_sync.
# Needs root (or sudo) only to apt-get install packages.
#
# Seeded data (fixed test credentials, loopback only):
#   domain  default (Default)       bootstrap
#   domain  demo-domain             new
#   project admin   (default)       bootstrap; admin user has role admin on it
#   project demo    (default)       new
#   project demo2   (demo-domain)   new
#   user    admin / $KS_ADMIN_PASSWORD (default)  admin on project admin and on system "all"
#   user    demo  / demo-password  (default)  member on demo, demo2 and domain default;
#                                             default_project = demo
#   user    other / other-password (demo-domain)  member on demo2
#   application credential demo-appcred / demo-appcred-secret for user demo
#     (created with demo's token scoped to project demo)
#   regions RegionOne (bootstrap), RegionTwo
#   catalog (URLs need not answer; the region is in the host, the interface
#   in the port: public = base port, internal = +10000, admin = +20000):
#     identity  keystone  RegionOne public/internal/admin  (bootstrap, this Keystone)
#                         http://127.0.0.1:<port>/v3/  (note the trailing slash)
#     compute   nova      RegionOne+RegionTwo public/internal/admin
#                         http://127.0.0.1:8774/v2.1, http://127.0.0.2:8774/v2.1, ...
#     object-store swift  RegionOne public only
#                         http://127.0.0.1:8080/v1/AUTH_$(project_id)s
#                         (Keystone substitutes the project id; the endpoint is
#                         left out of catalogs of tokens without a project)
#     image     glance    RegionTwo public+internal  http://127.0.0.2:9292
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

PORT="${1:-${KS_PORT:-35357}}"
KS_DIR="${KEYSTONE_DIR:-/tmp/effect-keystone-ks}"
ADMIN_PASSWORD="${KS_ADMIN_PASSWORD:-admin-password}"
WAIT_SECONDS="${KS_WAIT_SECONDS:-120}"

DEMO_PASSWORD=demo-password
OTHER_PASSWORD=other-password
APPCRED_NAME=demo-appcred
APPCRED_SECRET=demo-appcred-secret

log() { printf '[keystone-up] %s\n' "$*" >&2; }
die() { printf '[keystone-up] ERROR: %s\n' "$*" >&2; exit 1; }

if ! [[ "$PORT" =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then die "invalid port: $PORT"; fi

# Make KS_DIR absolute (SQLite URL and uwsgi need it) and refuse silly values,
# because the directory is wiped.
case "$KS_DIR" in /*) ;; *) KS_DIR="$PWD/$KS_DIR" ;; esac
KS_DIR="${KS_DIR%/}"
case "$KS_DIR" in
  "" | / | /tmp | /root | /home | /usr | /etc | /var | /opt | /srv | /work | "$HOME" | "$PWD")
    die "refusing to use KEYSTONE_DIR=$KS_DIR (it gets wiped)" ;;
esac
MARKER=".effect-keystone"

BASE_URL="http://127.0.0.1:${PORT}"
AUTH_URL="${BASE_URL}/v3"
# The catalog lists identity WITH a trailing slash, as many clouds do (OVH's
# catalog has `https://image.compute.sbg1.cloud.ovh.net/`): clients that join
# an endpoint and a path by hand (`${endpoint}/auth/projects` → `/v3//auth/…`,
# answered 308) fail here, as they would there.
CATALOG_IDENTITY_URL="${AUTH_URL}/"

start_ts=$(date +%s)

# --------------------------------------------------------------------------
# 1. Packages
# --------------------------------------------------------------------------
SUDO=""
if [[ $EUID -ne 0 ]]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot install packages"
  SUDO="sudo"
fi

pkg_installed() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }

missing=()
for p in keystone uwsgi-core uwsgi-plugin-python3 curl jq; do
  pkg_installed "$p" || missing+=("$p")
done

stop_system_keystone() {
  # The package ships an init script / systemd unit that runs its own Keystone
  # (uwsgi on port 5000, /etc/keystone/keystone.conf).  We never use it.
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    $SUDO systemctl stop keystone.service >/dev/null 2>&1 || true
    $SUDO systemctl disable keystone.service >/dev/null 2>&1 || true
  elif [[ -x /etc/init.d/keystone ]]; then
    $SUDO /etc/init.d/keystone stop >/dev/null 2>&1 || true
  fi
}

if ((${#missing[@]})); then
  log "installing: ${missing[*]} (this takes a while the first time)"
  apt_install() {
    $SUDO env DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true \
      apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      "$@" </dev/null >&2
  }
  # Keep the package's configuration questions at their defaults: no
  # dbconfig database setup, no endpoint registration.
  if command -v debconf-set-selections >/dev/null; then
    $SUDO debconf-set-selections <<'EOF' || true
keystone keystone/configure_db boolean false
keystone keystone/register-endpoint boolean false
EOF
  fi
  if ! apt_install "${missing[@]}"; then
    log "apt-get install failed; running apt-get update and retrying"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2
    apt_install "${missing[@]}"
  fi
  stop_system_keystone
fi

WSGI_PUBLIC="$(command -v keystone-wsgi-public || true)"
[[ -n "$WSGI_PUBLIC" ]] || WSGI_PUBLIC=/usr/bin/keystone-wsgi-public
[[ -f "$WSGI_PUBLIC" ]] || die "keystone-wsgi-public not found"
UWSGI="$(command -v uwsgi || command -v uwsgi-core || true)"
[[ -n "$UWSGI" ]] || die "uwsgi not found (package uwsgi-core)"
KEYSTONE_VERSION="$(dpkg-query -W -f='${Version}' keystone)"

# --------------------------------------------------------------------------
# 2. Fresh state directory
# --------------------------------------------------------------------------
# Stop a previous instance that used this directory.
KEYSTONE_DIR="$KS_DIR" bash "$SCRIPT_DIR/keystone-down.sh" >&2

if [[ -e "$KS_DIR" ]]; then
  if [[ -e "$KS_DIR/$MARKER" ]] || [[ -z "$(ls -A "$KS_DIR")" ]]; then
    rm -rf "$KS_DIR"
  else
    die "$KS_DIR exists and was not created by this script; remove it or set KEYSTONE_DIR"
  fi
fi
mkdir -p "$KS_DIR"
touch "$KS_DIR/$MARKER"
chmod 700 "$KS_DIR"

# The port must be free (something else may be there, e.g. an old instance
# started with another KEYSTONE_DIR).
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "127.0.0.1:$PORT is already in use (another keystone? run keystone-down.sh with its KEYSTONE_DIR, or pick another port)"
fi

KS_USER="$(id -un)"
KS_GROUP="$(id -gn)"

cat >"$KS_DIR/keystone.conf" <<EOF
# Generated by scripts/keystone-up.sh -- test instance, loopback only.
[DEFAULT]
log_dir = $KS_DIR
log_file = keystone.log
use_stderr = false
debug = false
insecure_debug = false

[database]
connection = sqlite:///$KS_DIR/keystone.db

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = $KS_DIR/fernet-keys
max_active_keys = 3

[fernet_receipts]
key_repository = $KS_DIR/fernet-keys

[credential]
key_repository = $KS_DIR/credential-keys

[catalog]
driver = sql

[identity]
driver = sql
# bcrypt cost 4 instead of 12: password auth takes milliseconds, not ~250 ms.
password_hash_rounds = 4

# In-process cache (one uwsgi process, so it stays consistent).  Without it
# every request opens dozens of SQLite connections: ~700 ms per token
# validation instead of ~20 ms.  KS_CACHE=0 turns it off.
[cache]
enabled = $([[ "${KS_CACHE:-1}" == 0 ]] && echo false || echo true)
backend = dogpile.cache.memory

[auth]
# Keystone's default methods plus openid: federated logins (OpenID Connect) go
# through the mapped plugin, as behind Apache's mod_auth_openidc.
methods = external,password,token,oauth1,mapped,application_credential,openid

[federation]
# Only request variables with this prefix are claims (scripts/federation/
# claims-proxy.ts sets OIDC-* headers, which uwsgi passes as HTTP_OIDC_*);
# everything else in the WSGI environ is not part of the assertion.
assertion_prefix = HTTP_OIDC_

[openid]
remote_id_attribute = HTTP_OIDC_ISS

[oslo_policy]
# The defaults built into this Keystone release apply, whatever
# /etc/keystone/policy.yaml and /etc/keystone/policy.d contain.
policy_file = $KS_DIR/policy.yaml
policy_dirs = $KS_DIR/policy.d
EOF
printf '# empty: use the policy defaults built into Keystone\n{}\n' >"$KS_DIR/policy.yaml"
mkdir -p "$KS_DIR/policy.d"

# --------------------------------------------------------------------------
# 3. keystone-manage
# --------------------------------------------------------------------------
manage() {
  # Python prints some harmless warnings at exit; they go to manage-<cmd>.log.
  local out="$KS_DIR/manage-$1.log"
  if ! keystone-manage --config-file "$KS_DIR/keystone.conf" "$@" >"$out" 2>&1; then
    tail -n 40 "$out" >&2 || true
    die "keystone-manage $1 failed (see $out)"
  fi
}

log "keystone $KEYSTONE_VERSION: db_sync, fernet_setup, credential_setup, bootstrap"
# Each keystone-manage run spends seconds importing; the key setups do not
# touch the database, so they run alongside db_sync.
manage fernet_setup --keystone-user "$KS_USER" --keystone-group "$KS_GROUP" &
fernet_pid=$!
manage credential_setup --keystone-user "$KS_USER" --keystone-group "$KS_GROUP" &
credential_pid=$!
manage db_sync
wait "$fernet_pid" || die "keystone-manage fernet_setup failed"
wait "$credential_pid" || die "keystone-manage credential_setup failed"
# WAL journal mode (persistent in the file).  Needed, not just faster: Keystone
# (federation/backends/sql.py get_enabled_service_providers) returns a lazy
# query from a closed session, so rendering a token leaks a read transaction
# (oslo.db emits an explicit BEGIN on SQLite) until Python's GC collects it.
# With the default rollback journal that read lock makes the next write in
# the same request wait 5 s and fail with "database is locked" (HTTP 500,
# empty reply).  In WAL mode readers do not block the writer.
# Debian's interpreter (keystone's own); a pyenv/venv python3 earlier in PATH
# may lack the sqlite3 module.
journal_mode="$(/usr/bin/python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL").fetchone()[0])' "$KS_DIR/keystone.db")"
[[ "$journal_mode" == wal ]] || die "could not switch $KS_DIR/keystone.db to WAL (got: $journal_mode)"
manage bootstrap \
  --bootstrap-username admin \
  --bootstrap-password "$ADMIN_PASSWORD" \
  --bootstrap-project-name admin \
  --bootstrap-role-name admin \
  --bootstrap-service-name keystone \
  --bootstrap-admin-url "$CATALOG_IDENTITY_URL" \
  --bootstrap-public-url "$CATALOG_IDENTITY_URL" \
  --bootstrap-internal-url "$CATALOG_IDENTITY_URL" \
  --bootstrap-region-id RegionOne

# --------------------------------------------------------------------------
# 4. uwsgi
# --------------------------------------------------------------------------
cat >"$KS_DIR/uwsgi.ini" <<EOF
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$PORT
wsgi-file = $WSGI_PUBLIC
chdir = $KS_DIR
master = true
processes = 1
threads = 1
enable-threads = true
need-app = true
die-on-term = true
buffer-size = 65535
pidfile = $KS_DIR/uwsgi.pid
daemonize = $KS_DIR/uwsgi.log
# keystone/server/wsgi.py reads these instead of /etc/keystone/keystone.conf
env = OS_KEYSTONE_CONFIG_DIR=$KS_DIR
env = OS_KEYSTONE_CONFIG_FILES=keystone.conf
EOF

# From here on, a failure prints the logs and stops uwsgi again.
on_exit() {
  local rc=$?
  ((rc == 0)) && return
  log "failed; last lines of $KS_DIR/uwsgi.log:"
  tail -n 30 "$KS_DIR/uwsgi.log" >&2 2>/dev/null || true
  log "last lines of $KS_DIR/keystone.log:"
  tail -n 30 "$KS_DIR/keystone.log" >&2 2>/dev/null || true
  KEYSTONE_DIR="$KS_DIR" bash "$SCRIPT_DIR/keystone-down.sh" >&2 || true
}
trap on_exit EXIT

log "starting uwsgi on 127.0.0.1:$PORT"
"$UWSGI" --ini "$KS_DIR/uwsgi.ini" >>"$KS_DIR/uwsgi.log" 2>&1

deadline=$((SECONDS + WAIT_SECONDS))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$AUTH_URL" || true)" == 200 ]]; do
  if ((SECONDS >= deadline)); then
    die "keystone did not answer 200 on $AUTH_URL within ${WAIT_SECONDS}s"
  fi
  if [[ -s "$KS_DIR/uwsgi.pid" ]] && ! kill -0 "$(cat "$KS_DIR/uwsgi.pid")" 2>/dev/null; then
    die "uwsgi exited"
  fi
  sleep 0.3
done
log "keystone answers on $AUTH_URL after $(($(date +%s) - start_ts))s"

# --------------------------------------------------------------------------
# 5. Seed through the REST API
# --------------------------------------------------------------------------
TMP_BODY="$KS_DIR/.seed-body"
TMP_HEAD="$KS_DIR/.seed-headers"
TOKEN=""

# api METHOD PATH [JSON]  -> prints the response body, dies unless 2xx.
api() {
  local method=$1 path=$2 body=${3:-} code
  local args=(-sS -X "$method" -o "$TMP_BODY" -D "$TMP_HEAD" -w '%{http_code}'
    -H 'Accept: application/json' --max-time 30)
  [[ -n "$TOKEN" ]] && args+=(-H "X-Auth-Token: $TOKEN")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  code=$(curl "${args[@]}" "$BASE_URL$path") || die "$method $path: curl failed"
  if [[ "$code" != 2?? ]]; then
    cat "$TMP_BODY" >&2 || true
    die "$method $path -> HTTP $code"
  fi
  cat "$TMP_BODY"
}

# issue JSON -> prints the X-Subject-Token of POST /v3/auth/tokens
issue() {
  TOKEN="" api POST "/v3/auth/tokens?nocatalog" "$1" >/dev/null
  tr -d '\r' <"$TMP_HEAD" | awk 'tolower($1) == "x-subject-token:" { print $2 }'
}

password_body() { # user_id password [scope-json]
  jq -cn --arg id "$1" --arg pw "$2" --argjson scope "${3:-null}" '
    {auth: ({identity: {methods: ["password"],
                        password: {user: {id: $id, password: $pw}}}}
            + (if $scope == null then {} else {scope: $scope} end))}'
}

log "seeding"
TOKEN=$(TOKEN="" api POST /v3/auth/tokens?nocatalog "$(jq -cn --arg pw "$ADMIN_PASSWORD" '
  {auth: {identity: {methods: ["password"],
                     password: {user: {name: "admin", domain: {id: "default"}, password: $pw}}},
          scope: {project: {name: "admin", domain: {id: "default"}}}}}')" >/dev/null
  tr -d '\r' <"$TMP_HEAD" | awk 'tolower($1) == "x-subject-token:" { print $2 }')
[[ -n "$TOKEN" ]] || die "no admin token"

ADMIN_USER_ID=$(api GET "/v3/users?name=admin&domain_id=default" | jq -er '.users[0].id')
ADMIN_PROJECT_ID=$(api GET "/v3/projects?name=admin&domain_id=default" | jq -er '.projects[0].id')
role_id() { api GET "/v3/roles?name=$1" | jq -er '.roles[0].id'; }
ADMIN_ROLE_ID=$(role_id admin)
MEMBER_ROLE_ID=$(role_id member)
READER_ROLE_ID=$(role_id reader)

# bootstrap grants admin on the system scope since Queens/Rocky; make sure.
if ! api GET "/v3/system/users/$ADMIN_USER_ID/roles" | jq -e --arg r "$ADMIN_ROLE_ID" 'any(.roles[]; .id == $r)' >/dev/null; then
  log "granting admin on system all (bootstrap did not)"
  api PUT "/v3/system/users/$ADMIN_USER_ID/roles/$ADMIN_ROLE_ID" >/dev/null
fi

DEMO_DOMAIN_ID=$(api POST /v3/domains '{"domain":{"name":"demo-domain","description":"effect-keystone test domain","enabled":true}}' | jq -er .domain.id)

create_project() { # name domain_id
  api POST /v3/projects "$(jq -cn --arg n "$1" --arg d "$2" \
    '{project: {name: $n, domain_id: $d, description: "effect-keystone test project", enabled: true}}')" | jq -er .project.id
}
DEMO_PROJECT_ID=$(create_project demo default)
DEMO2_PROJECT_ID=$(create_project demo2 "$DEMO_DOMAIN_ID")

create_user() { # name domain_id password [default_project_id]
  api POST /v3/users "$(jq -cn --arg n "$1" --arg d "$2" --arg pw "$3" --arg p "${4:-}" '
    {user: ({name: $n, domain_id: $d, password: $pw, enabled: true,
             description: "effect-keystone test user"}
            + (if $p == "" then {} else {default_project_id: $p} end))}')" | jq -er .user.id
}
DEMO_USER_ID=$(create_user demo default "$DEMO_PASSWORD" "$DEMO_PROJECT_ID")
OTHER_USER_ID=$(create_user other "$DEMO_DOMAIN_ID" "$OTHER_PASSWORD")

api PUT "/v3/projects/$DEMO_PROJECT_ID/users/$DEMO_USER_ID/roles/$MEMBER_ROLE_ID" >/dev/null
api PUT "/v3/projects/$DEMO2_PROJECT_ID/users/$DEMO_USER_ID/roles/$MEMBER_ROLE_ID" >/dev/null
api PUT "/v3/domains/default/users/$DEMO_USER_ID/roles/$MEMBER_ROLE_ID" >/dev/null
api PUT "/v3/projects/$DEMO2_PROJECT_ID/users/$OTHER_USER_ID/roles/$MEMBER_ROLE_ID" >/dev/null

# Catalog
api POST /v3/regions '{"region":{"id":"RegionTwo","description":"second test region"}}' >/dev/null

create_service() { # type name
  api POST /v3/services "$(jq -cn --arg t "$1" --arg n "$2" \
    '{service: {type: $t, name: $n, enabled: true, description: ($n + " (test, not running)")}}')" | jq -er .service.id
}
create_endpoint() { # service_id region interface url
  api POST /v3/endpoints "$(jq -cn --arg s "$1" --arg r "$2" --arg i "$3" --arg u "$4" \
    '{endpoint: {service_id: $s, region_id: $r, interface: $i, url: $u, enabled: true}}')" | jq -er .endpoint.id >/dev/null
}
COMPUTE_SERVICE_ID=$(create_service compute nova)
for region in RegionOne RegionTwo; do
  host=127.0.0.1; [[ $region == RegionTwo ]] && host=127.0.0.2
  create_endpoint "$COMPUTE_SERVICE_ID" "$region" public "http://$host:8774/v2.1"
  create_endpoint "$COMPUTE_SERVICE_ID" "$region" internal "http://$host:18774/v2.1"
  create_endpoint "$COMPUTE_SERVICE_ID" "$region" admin "http://$host:28774/v2.1"
done
OBJECT_STORE_SERVICE_ID=$(create_service object-store swift)
# shellcheck disable=SC2016  # $(project_id)s is a Keystone URL template
create_endpoint "$OBJECT_STORE_SERVICE_ID" RegionOne public 'http://127.0.0.1:8080/v1/AUTH_$(project_id)s'
IMAGE_SERVICE_ID=$(create_service image glance)
create_endpoint "$IMAGE_SERVICE_ID" RegionTwo public "http://127.0.0.2:9292"
create_endpoint "$IMAGE_SERVICE_ID" RegionTwo internal "http://127.0.0.2:19292"
IDENTITY_SERVICE_ID=$(api GET "/v3/services?type=identity" | jq -er '.services[0].id')

# Application credential, created by demo itself with a token scoped to demo.
DEMO_TOKEN=$(issue "$(password_body "$DEMO_USER_ID" "$DEMO_PASSWORD" "$(jq -cn --arg p "$DEMO_PROJECT_ID" '{project: {id: $p}}')")")
[[ -n "$DEMO_TOKEN" ]] || die "no demo token"
APPCRED_ID=$(TOKEN="$DEMO_TOKEN" api POST "/v3/users/$DEMO_USER_ID/application_credentials" \
  "$(jq -cn --arg n "$APPCRED_NAME" --arg s "$APPCRED_SECRET" \
    '{application_credential: {name: $n, secret: $s, description: "effect-keystone test application credential"}}')" |
  jq -er .application_credential.id)

# Smoke test: the new credentials work.
[[ -n "$(issue "$(jq -cn --arg id "$APPCRED_ID" --arg s "$APPCRED_SECRET" \
  '{auth: {identity: {methods: ["application_credential"], application_credential: {id: $id, secret: $s}}}}')")" ]] ||
  die "application credential does not authenticate"
[[ -n "$(issue "$(password_body "$OTHER_USER_ID" "$OTHER_PASSWORD" "$(jq -cn --arg p "$DEMO2_PROJECT_ID" '{project: {id: $p}}')")")" ]] ||
  die "user other cannot authenticate"
rm -f "$TMP_BODY" "$TMP_HEAD"

# --------------------------------------------------------------------------
# 6. Env file
# --------------------------------------------------------------------------
cat >"$KS_DIR/env" <<EOF
# Generated by scripts/keystone-up.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Source it.
export KEYSTONE_AUTH_URL='$AUTH_URL'
export KS_AUTH_URL='$AUTH_URL'
export KS_BASE_URL='$BASE_URL'
export KS_PORT='$PORT'
export KS_DIR='$KS_DIR'
export KS_KEYSTONE_VERSION='$KEYSTONE_VERSION'
export KS_REGION_ID='RegionOne'
export KS_REGION2_ID='RegionTwo'

export KS_DEFAULT_DOMAIN_ID='default'
export KS_DEFAULT_DOMAIN_NAME='Default'
export KS_DEMO_DOMAIN_ID='$DEMO_DOMAIN_ID'
export KS_DEMO_DOMAIN_NAME='demo-domain'

export KS_ADMIN_USER_ID='$ADMIN_USER_ID'
export KS_ADMIN_USERNAME='admin'
export KS_ADMIN_PASSWORD='$ADMIN_PASSWORD'
export KS_ADMIN_PROJECT_ID='$ADMIN_PROJECT_ID'
export KS_ADMIN_PROJECT_NAME='admin'

export KS_DEMO_USER_ID='$DEMO_USER_ID'
export KS_DEMO_USERNAME='demo'
export KS_DEMO_PASSWORD='$DEMO_PASSWORD'
export KS_DEMO_PROJECT_ID='$DEMO_PROJECT_ID'
export KS_DEMO_PROJECT_NAME='demo'
export KS_DEMO2_PROJECT_ID='$DEMO2_PROJECT_ID'
export KS_DEMO2_PROJECT_NAME='demo2'

export KS_OTHER_USER_ID='$OTHER_USER_ID'
export KS_OTHER_USERNAME='other'
export KS_OTHER_PASSWORD='$OTHER_PASSWORD'

export KS_APPCRED_ID='$APPCRED_ID'
export KS_APPCRED_NAME='$APPCRED_NAME'
export KS_APPCRED_SECRET='$APPCRED_SECRET'

export KS_ADMIN_ROLE_ID='$ADMIN_ROLE_ID'
export KS_MEMBER_ROLE_ID='$MEMBER_ROLE_ID'
export KS_READER_ROLE_ID='$READER_ROLE_ID'

export KS_IDENTITY_SERVICE_ID='$IDENTITY_SERVICE_ID'
export KS_COMPUTE_SERVICE_ID='$COMPUTE_SERVICE_ID'
export KS_OBJECT_STORE_SERVICE_ID='$OBJECT_STORE_SERVICE_ID'
export KS_IMAGE_SERVICE_ID='$IMAGE_SERVICE_ID'
EOF

log "ready in $(($(date +%s) - start_ts))s; env file: $KS_DIR/env"
echo "$AUTH_URL"
