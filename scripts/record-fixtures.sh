#!/usr/bin/env bash
# Record REAL Keystone responses as test fixtures.
#
# Usage:  bash scripts/keystone-up.sh && bash scripts/record-fixtures.sh
#   KEYSTONE_DIR  state directory of keystone-up.sh (default: /tmp/effect-keystone-ks);
#                 its env file supplies the URL, ids and test credentials.
#   OUT           output folder (default: packages/schema/test/fixtures/recorded)
#
# For each recording <name> it writes:
#   <name>.headers.txt   status line + the headers that matter (original case)
#   <name>.json          response body, pretty-printed (only if there is a body)
#   <name>.request.json  request body, if any (.request.txt if it is not JSON)
# plus index.json (one entry per recording: method, path, request headers,
# status) and README.md.
#
# Sanitized: every token id becomes gAAAAAFAKE-TOKEN-<name of the recording
# that issued it> (gAAAAAFAKE-TOKEN-garbage for the invalid one); the
# application credential secret becomes FAKE-SECRET and the test passwords
# FAKE-PASSWORD.  Ids, timestamps, audit ids and request ids are real.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
KS_DIR="${KEYSTONE_DIR:-/tmp/effect-keystone-ks}"
OUT="${OUT:-$REPO_DIR/packages/schema/test/fixtures/recorded}"

log() { printf '[record-fixtures] %s\n' "$*" >&2; }
die() { printf '[record-fixtures] ERROR: %s\n' "$*" >&2; exit 1; }

[[ -f "$KS_DIR/env" ]] || die "$KS_DIR/env not found; run scripts/keystone-up.sh first"
# shellcheck source=/dev/null
source "$KS_DIR/env"
for tool in curl jq; do command -v "$tool" >/dev/null || die "$tool is required"; done
PYTHON="$(command -v /usr/bin/python3 || command -v python3 || true)"
[[ -n "$PYTHON" ]] || die "python3 is required"
[[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$KS_AUTH_URL")" == 200 ]] ||
  die "Keystone does not answer on $KS_AUTH_URL; run scripts/keystone-up.sh first"

mkdir -p "$OUT"
find "$OUT" -maxdepth 1 -type f \( -name '*.json' -o -name '*.headers.txt' -o -name '*.request.txt' \) -delete
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Known secrets -> placeholders (applied to everything written).
declare -A FAKE=(
  ["$KS_APPCRED_SECRET"]=FAKE-SECRET
  ["$KS_ADMIN_PASSWORD"]=FAKE-PASSWORD
  ["$KS_DEMO_PASSWORD"]=FAKE-PASSWORD
  ["$KS_OTHER_PASSWORD"]=FAKE-PASSWORD
)
GARBAGE_TOKEN="gAAAAABthis-is-not-a-valid-fernet-token-at-all"
FAKE["$GARBAGE_TOKEN"]=gAAAAAFAKE-TOKEN-garbage

sanitize_all() { # replace every known secret / token (literal strings) in all files of $OUT
  local real pairs=()
  for real in "${!FAKE[@]}"; do pairs+=("$real" "${FAKE[$real]}"); done
  "$PYTHON" - "$OUT" "${pairs[@]}" <<'PY'
import os, sys
out, flat = sys.argv[1], sys.argv[2:]
pairs = sorted(zip(flat[0::2], flat[1::2]), key=lambda p: -len(p[0]))
for name in sorted(os.listdir(out)):
    path = os.path.join(out, name)
    if not os.path.isfile(path):
        continue
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new = text
    for real, fake in pairs:
        new = new.replace(real, fake)
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
PY
}

INDEX="$WORK/index.jsonl"
: >"$INDEX"
TOKEN="" # X-Subject-Token of the last recording (real value)
STATUS=""

# rec NAME METHOD PATH [--auth TOKEN] [--subject TOKEN] [--body JSON] [--expect CODE]
rec() {
  local name=$1 method=$2 path=$3
  shift 3
  local auth="" subject="" body="" expect=""
  while (($#)); do
    case $1 in
      --auth) auth=$2 ;;
      --subject) subject=$2 ;;
      --body) body=$2 ;;
      --expect) expect=$2 ;;
      *) die "rec: unknown option $1" ;;
    esac
    shift 2
  done

  local args=(-sS -o "$WORK/body" -D "$WORK/head" --max-time 30 -H 'Accept: application/json')
  local reqh=('Accept: application/json')
  if [[ "$method" == HEAD ]]; then args+=(--head); else args+=(-X "$method"); fi
  if [[ -n "$auth" ]]; then args+=(-H "X-Auth-Token: $auth"); reqh+=("X-Auth-Token: $auth"); fi
  if [[ -n "$subject" ]]; then args+=(-H "X-Subject-Token: $subject"); reqh+=("X-Subject-Token: $subject"); fi
  if [[ -n "$body" ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$body")
    reqh+=('Content-Type: application/json')
  fi
  curl "${args[@]}" "$KS_BASE_URL$path" || die "$name: curl failed"
  # curl --head writes the headers to -o as well; a HEAD response has no body.
  if [[ "$method" == HEAD ]]; then : >"$WORK/body"; fi

  tr -d '\r' <"$WORK/head" >"$WORK/head.lf"
  STATUS="$(head -n 1 "$WORK/head.lf" | awk '{ print $2 }')"
  if [[ -n "$expect" && "$STATUS" != "$expect" ]]; then
    cat "$WORK/body" >&2 || true
    die "$name: expected HTTP $expect, got $STATUS"
  fi

  TOKEN="$(awk 'tolower($1) == "x-subject-token:" { print $2 }' "$WORK/head.lf")"
  if [[ "$method" == POST && -n "$TOKEN" && -z "${FAKE[$TOKEN]:-}" ]]; then
    FAKE["$TOKEN"]="gAAAAAFAKE-TOKEN-$name"
  fi

  {
    head -n 1 "$WORK/head.lf"
    grep -iE '^(content-type|x-subject-token|x-openstack-request-id|www-authenticate|openstack-auth-receipt|vary):' "$WORK/head.lf" || true
  } >"$OUT/$name.headers.txt"

  if [[ -s "$WORK/body" ]]; then
    jq . "$WORK/body" >"$OUT/$name.json" || die "$name: body is not JSON"
  fi
  if [[ -n "$body" ]]; then
    local req="$OUT/$name.request.json"
    # A deliberately malformed body is kept verbatim as .request.txt.
    jq . <<<"$body" >"$req" 2>/dev/null || { rm -f "$req"; req="$OUT/$name.request.txt"; printf '%s' "$body" >"$req"; }
  fi

  jq -cn --arg name "$name" --arg method "$method" --arg path "$path" \
    --argjson status "$STATUS" --arg status_line "$(head -n 1 "$WORK/head.lf")" \
    --argjson has_body "$([[ -s "$WORK/body" ]] && echo true || echo false)" \
    --argjson has_request_body "$([[ -n "$body" ]] && echo true || echo false)" \
    --args '{name: $name, method: $method, path: $path, request_headers: $ARGS.positional,
            status: $status, status_line: $status_line,
            has_body: $has_body, has_request_body: $has_request_body}' \
    "${reqh[@]}" >>"$INDEX"
  log "$(printf '%-44s %s %s -> %s' "$name" "$method" "$path" "$STATUS")"
}

# ---- request bodies --------------------------------------------------------
scope_project_id() { jq -cn --arg id "$1" '{project: {id: $id}}'; }
password_by_id() { # user_id password [scope]
  jq -cn --arg id "$1" --arg pw "$2" --argjson scope "${3:-null}" '
    {auth: ({identity: {methods: ["password"], password: {user: {id: $id, password: $pw}}}}
            + (if $scope == null then {} else {scope: $scope} end))}'
}
password_by_name() { # user_name domain_json password [scope]
  jq -cn --arg n "$1" --argjson d "$2" --arg pw "$3" --argjson scope "${4:-null}" '
    {auth: ({identity: {methods: ["password"], password: {user: {name: $n, domain: $d, password: $pw}}}}
            + (if $scope == null then {} else {scope: $scope} end))}'
}
appcred() { # identity-object
  jq -cn --argjson ac "$1" '{auth: {identity: {methods: ["application_credential"], application_credential: $ac}}}'
}

log "recording from $KS_AUTH_URL (keystone $KS_KEYSTONE_VERSION) into $OUT"

# ---- discovery -------------------------------------------------------------
rec versions GET / --expect 300
rec version-v3 GET /v3 --expect 200

# ---- issue (POST /v3/auth/tokens) ------------------------------------------
rec issue-password-admin-project POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_name admin '{"name":"Default"}' "$KS_ADMIN_PASSWORD" \
    "$(jq -cn '{project: {name: "admin", domain: {name: "Default"}}}')")"
ADMIN_TOKEN=$TOKEN

rec issue-password-user-id-unscoped POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_id "$KS_OTHER_USER_ID" "$KS_OTHER_PASSWORD")"

rec issue-password-user-id-default-project POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" "$KS_DEMO_PASSWORD")"

rec issue-password-explicit-unscoped POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" "$KS_DEMO_PASSWORD" '"unscoped"')"
UNSCOPED_TOKEN=$TOKEN

rec issue-password-name-domain-project-id POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_name demo '{"id":"default"}' "$KS_DEMO_PASSWORD" "$(scope_project_id "$KS_DEMO_PROJECT_ID")")"
PROJECT_TOKEN=$TOKEN

rec issue-password-project-name-domain POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_name demo '{"name":"Default"}' "$KS_DEMO_PASSWORD" \
    "$(jq -cn --arg d "$KS_DEMO_DOMAIN_NAME" '{project: {name: "demo2", domain: {name: $d}}}')")"

rec issue-password-domain-id POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" "$KS_DEMO_PASSWORD" '{"domain":{"id":"default"}}')"
DOMAIN_TOKEN=$TOKEN

rec issue-password-domain-name POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" "$KS_DEMO_PASSWORD" '{"domain":{"name":"Default"}}')"

rec issue-password-system POST /v3/auth/tokens --expect 201 \
  --body "$(password_by_name admin '{"id":"default"}' "$KS_ADMIN_PASSWORD" '{"system":{"all":true}}')"
SYSTEM_TOKEN=$TOKEN

rec issue-password-project-nocatalog POST '/v3/auth/tokens?nocatalog' --expect 201 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" "$KS_DEMO_PASSWORD" "$(scope_project_id "$KS_DEMO_PROJECT_ID")")"

rec issue-appcred-id POST /v3/auth/tokens --expect 201 \
  --body "$(appcred "$(jq -cn --arg id "$KS_APPCRED_ID" --arg s "$KS_APPCRED_SECRET" '{id: $id, secret: $s}')")"
APPCRED_TOKEN=$TOKEN

rec issue-appcred-name-user-id POST /v3/auth/tokens --expect 201 \
  --body "$(appcred "$(jq -cn --arg n "$KS_APPCRED_NAME" --arg s "$KS_APPCRED_SECRET" --arg u "$KS_DEMO_USER_ID" \
    '{name: $n, secret: $s, user: {id: $u}}')")"

rec issue-appcred-name-user-name-domain POST /v3/auth/tokens --expect 201 \
  --body "$(appcred "$(jq -cn --arg n "$KS_APPCRED_NAME" --arg s "$KS_APPCRED_SECRET" \
    '{name: $n, secret: $s, user: {name: "demo", domain: {name: "Default"}}}')")"

rec issue-token-rescope-project POST /v3/auth/tokens --expect 201 \
  --body "$(jq -cn --arg t "$UNSCOPED_TOKEN" --arg p "$KS_DEMO_PROJECT_ID" \
    '{auth: {identity: {methods: ["token"], token: {id: $t}}, scope: {project: {id: $p}}}}')"

rec issue-token-rescope-domain-nocatalog POST '/v3/auth/tokens?nocatalog' --expect 201 \
  --body "$(jq -cn --arg t "$UNSCOPED_TOKEN" \
    '{auth: {identity: {methods: ["token"], token: {id: $t}}, scope: {domain: {id: "default"}}}}')"

# ---- validate / check / revoke ---------------------------------------------
rec validate-project GET /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$PROJECT_TOKEN" --expect 200
rec validate-project-nocatalog GET '/v3/auth/tokens?nocatalog' --auth "$ADMIN_TOKEN" --subject "$PROJECT_TOKEN" --expect 200
rec validate-unscoped GET /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$UNSCOPED_TOKEN" --expect 200
rec validate-domain GET /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$DOMAIN_TOKEN" --expect 200
rec validate-system-self GET /v3/auth/tokens --auth "$SYSTEM_TOKEN" --subject "$SYSTEM_TOKEN" --expect 200
rec validate-appcred GET /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$APPCRED_TOKEN" --expect 200
rec validate-allow-expired GET '/v3/auth/tokens?allow_expired=1' --auth "$ADMIN_TOKEN" --subject "$PROJECT_TOKEN" --expect 200
rec check-head HEAD /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$PROJECT_TOKEN" --expect 200

rec issue-password-to-revoke POST '/v3/auth/tokens?nocatalog' --expect 201 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" "$KS_DEMO_PASSWORD" "$(scope_project_id "$KS_DEMO_PROJECT_ID")")"
REVOKED_TOKEN=$TOKEN
rec revoke-delete DELETE /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$REVOKED_TOKEN" --expect 204

# ---- auth scopes and catalog -------------------------------------------------
rec auth-catalog GET /v3/auth/catalog --auth "$PROJECT_TOKEN" --expect 200
rec auth-projects GET /v3/auth/projects --auth "$UNSCOPED_TOKEN" --expect 200
rec auth-domains GET /v3/auth/domains --auth "$UNSCOPED_TOKEN" --expect 200
rec auth-system GET /v3/auth/system --auth "$UNSCOPED_TOKEN" --expect 200
rec auth-system-admin GET /v3/auth/system --auth "$SYSTEM_TOKEN" --expect 200

# ---- errors ----------------------------------------------------------------
rec error-401-wrong-password POST /v3/auth/tokens --expect 401 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" wrong-password "$(scope_project_id "$KS_DEMO_PROJECT_ID")")"
rec error-401-unknown-user POST /v3/auth/tokens --expect 401 \
  --body "$(password_by_name no-such-user '{"id":"default"}' whatever)"
rec error-401-appcred-wrong-secret POST /v3/auth/tokens --expect 401 \
  --body "$(appcred "$(jq -cn --arg id "$KS_APPCRED_ID" '{id: $id, secret: "wrong-secret"}')")"
rec error-401-appcred-with-scope POST /v3/auth/tokens --expect 401 \
  --body "$(jq -cn --arg id "$KS_APPCRED_ID" --arg s "$KS_APPCRED_SECRET" --arg p "$KS_DEMO_PROJECT_ID" \
    '{auth: {identity: {methods: ["application_credential"], application_credential: {id: $id, secret: $s}},
             scope: {project: {id: $p}}}}')"
rec error-401-project-not-member POST /v3/auth/tokens --expect 401 \
  --body "$(password_by_id "$KS_OTHER_USER_ID" "$KS_OTHER_PASSWORD" "$(scope_project_id "$KS_DEMO_PROJECT_ID")")"
rec error-401-invalid-auth-token GET /v3/auth/catalog --auth "$GARBAGE_TOKEN" --expect 401
rec error-401-missing-auth-token GET /v3/auth/tokens --subject "$PROJECT_TOKEN" --expect 401
rec error-403-catalog-unscoped GET /v3/auth/catalog --auth "$UNSCOPED_TOKEN" --expect 403
# Only project-scoped tokens get /v3/auth/catalog (even though system- and
# domain-scoped token bodies carry a catalog).
rec error-403-catalog-system GET /v3/auth/catalog --auth "$SYSTEM_TOKEN" --expect 403
rec error-404-validate-revoked GET /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$REVOKED_TOKEN" --expect 404
rec error-404-check-head-revoked HEAD /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$REVOKED_TOKEN" --expect 404
rec error-404-validate-garbage GET /v3/auth/tokens --auth "$ADMIN_TOKEN" --subject "$GARBAGE_TOKEN" --expect 404
rec error-401-revoked-auth-token GET /v3/auth/catalog --auth "$REVOKED_TOKEN" --expect 401
rec error-400-two-scopes POST /v3/auth/tokens --expect 400 \
  --body "$(password_by_id "$KS_DEMO_USER_ID" "$KS_DEMO_PASSWORD" \
    "$(jq -cn --arg p "$KS_DEMO_PROJECT_ID" '{project: {id: $p}, domain: {id: "default"}}')")"
rec error-400-malformed-json POST /v3/auth/tokens --expect 400 --body '{"auth": {"identity": '
rec error-400-missing-method-object POST /v3/auth/tokens --expect 400 \
  --body '{"auth": {"identity": {"methods": ["password"]}}}'

# ---- index + README ----------------------------------------------------------
jq -s --arg v "$KS_KEYSTONE_VERSION" '{keystone_package_version: $v, recordings: .}' "$INDEX" >"$OUT/index.json"
sanitize_all

# Nothing real may be left behind.
for real in "${!FAKE[@]}"; do
  if grep -rqF -- "$real" "$OUT"; then die "a secret or token was not replaced in $OUT"; fi
done

cat >"$OUT/README.md" <<EOF
# Recorded Keystone responses

Real responses from OpenStack Keystone, Debian package \`keystone\`
$KS_KEYSTONE_VERSION (Keystone 22, Zed), run by \`scripts/keystone-up.sh\`: uwsgi
(one process, one thread) serving \`keystone-wsgi-public\` on
$KS_BASE_URL, SQLite, Fernet tokens, in-process cache. The data was seeded by
that script. Recorded by \`scripts/record-fixtures.sh\` on $(date -u +%Y-%m-%d).

Re-record with:

    bash scripts/keystone-up.sh && bash scripts/record-fixtures.sh && bash scripts/keystone-down.sh

Files per recording \`<name>\`:

- \`<name>.headers.txt\`: the status line as sent (Werkzeug phrases such as
  \`201 CREATED\`), then only these headers, in wire order and case:
  Content-Type, X-Subject-Token, x-openstack-request-id, WWW-Authenticate,
  Openstack-Auth-Receipt, Vary.
- \`<name>.json\`: the response body, pretty-printed with jq (key order kept).
  Missing when there is no body (HEAD, DELETE 204).
- \`<name>.request.json\`: the request body, when there is one
  (\`<name>.request.txt\` for the deliberately malformed one).
- \`index.json\`: every recording's method, path, request headers, status and
  status line.

## Replaced values

- Token ids (X-Subject-Token, X-Auth-Token, token.id in request bodies) are
  \`gAAAAAFAKE-TOKEN-<name>\`, where \`<name>\` is the recording that issued the
  token; the deliberately invalid token is \`gAAAAAFAKE-TOKEN-garbage\`.
- The application credential secret is \`FAKE-SECRET\`; the test passwords
  are \`FAKE-PASSWORD\`.

Everything else is as Keystone sent it: user, project, domain, role, service,
endpoint and application credential ids (random UUIDs of a throwaway
instance), timestamps, audit ids, request ids and URLs ($KS_BASE_URL).
Bodies were reformatted, so compare parsed JSON, not bytes.

## Seeded data (see scripts/keystone-up.sh)

- users: \`admin\` (Default; admin on project \`admin\` and on the system),
  \`demo\` (Default; member on projects \`demo\` and \`demo2\` and on domain
  Default; default project \`demo\`), \`other\` (\`demo-domain\`; member on \`demo2\`)
- application credential \`demo-appcred\` of \`demo\`, project \`demo\`
  (roles member + implied reader)
- catalog: identity (RegionOne), compute (RegionOne + RegionTwo, 3 interfaces),
  object-store (RegionOne public, URL template \`AUTH_\$(project_id)s\`),
  image (RegionTwo public + internal). Only identity answers.

## Observed behaviour (Keystone 22 / Zed, as recorded)

- Status lines carry Werkzeug's upper-case phrases: \`201 CREATED\`,
  \`204 NO CONTENT\`, \`300 MULTIPLE CHOICES\`, \`401 UNAUTHORIZED\`, ...
  Error bodies still say \`"title": "Unauthorized"\`.
- HEAD /v3/auth/tokens: 200 with Content-Type and X-Subject-Token, no body;
  404 (no body) for a revoked token. DELETE: 204, no Content-Type.
- A bad, missing or revoked X-Auth-Token gives the same 401 as bad
  credentials: same body, \`WWW-Authenticate: Keystone uri="<base>/v3"\`.
- 401/403 messages are generic; 400 and 404 messages are specific
  ("Could not recognize Fernet token", "Failed to validate token").
  An application credential with a scope is the exception: 401 with
  \`"identity": {}\` and a specific message.
- Unscoped tokens have neither \`roles\` nor \`catalog\`. Without a scope, a
  user with a default project gets a token for that project.
- Project-scoped tokens carry \`is_domain: false\`. A rescope by token has
  methods \`["password", "token"]\` and two audit ids.
- Domain- and system-scoped tokens carry a catalog, but endpoints whose URL
  needs \`\$(project_id)s\` are dropped (object-store shows \`"endpoints": []\`);
  GET /v3/auth/catalog is 403 for them (project scope only).
- Application-credential tokens are scoped to the credential's project and
  carry \`application_credential {id, name, restricted: true}\`; the name works
  with \`user {id}\` and with \`user {name, domain}\`.
- Times are \`....000000Z\`; \`password_expires_at\` is null. Tokens live 1 h
  (\`[token] expiration = 3600\`).

## Recordings

Token columns name the recording that issued the token (the header value is
\`gAAAAAFAKE-TOKEN-<that name>\`). Exact request headers are in index.json.

| name | request | X-Auth-Token | X-Subject-Token | status |
|---|---|---|---|---|
$(jq -r '.recordings[]
  | (.request_headers | map(capture("^(?<key>[^:]+): (?<value>.*)$")) | from_entries) as $h
  | "| \(.name) | \(.method) \(.path) | \($h["X-Auth-Token"] // "") | \($h["X-Subject-Token"] // "") | \(.status_line | sub("^HTTP/[0-9.]+ "; "")) |"' \
  "$OUT/index.json" | sed 's/gAAAAAFAKE-TOKEN-//g')
EOF

log "wrote $(jq '.recordings | length' "$OUT/index.json") recordings to $OUT"
