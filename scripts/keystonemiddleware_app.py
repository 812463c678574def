"""A tiny WSGI app behind the REAL keystonemiddleware ``auth_token``.

The interop tests (``*.keystone.test.ts``) send the same tokens to it and to
``@effect-keystone/middleware`` and compare the decisions and the identity
headers. Started by ``scripts/keystonemiddleware-up.sh``; run it with Debian's
interpreter (``/usr/bin/python3``), where the ``keystone`` package installed
keystonemiddleware and keystoneauth1.

Each mount is its own ``AuthProtocol`` against the same Keystone with the same
service user (``KSM_SERVICE_*`` in ``$KEYSTONE_DIR/keystonemiddleware.env``):

  /strict/...   service_token_roles_required = true (the recommended setting)
  /lenient/...  service_token_roles_required = false (keystonemiddleware's default)
  /delay/...    delay_auth_decision = true, service_token_roles_required = true

Behind it the app answers 200 with ``{"mount", "method", "path", "headers"}``:
every request header as auth_token left it, lower-case names, the tokens
themselves left out (never echoed). auth_token "sets" a header it has no value
for (``X-Domain-Id`` of a project token, ``OpenStack-System-Scope`` of a
non-system token) to Python's ``None`` in the WSGI environ; such headers are
left out, as they would be on the wire.

Every token validation it sends to Keystone carries ``ksm-probe=<mount>`` in
the query string (Keystone ignores it), so tests count them in Keystone's
request log (``$KEYSTONE_DIR/uwsgi.log``).
"""
import argparse
import json
import logging
import socketserver
import sys
from wsgiref import simple_server

from keystonemiddleware import auth_token

# The tokens are credentials: never echoed back.
SECRET_HEADERS = {"x-auth-token", "x-service-token", "x-storage-token"}

MOUNTS = {
    "strict": {"service_token_roles_required": "true"},
    "lenient": {"service_token_roles_required": "false"},
    "delay": {"service_token_roles_required": "true", "delay_auth_decision": "true"},
}


def read_env(path):
    """``export KEY='value'`` lines, as scripts/keystone-up.sh writes them."""
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("export ") and "=" in line:
                key, _, value = line[len("export "):].partition("=")
                out[key] = value.strip("'")
    return out


def middleware_conf(env, **overrides):
    """auth_token's options (paste-deploy style) for this Keystone and service user."""
    conf = {
        "www_authenticate_uri": env["KS_AUTH_URL"],
        "auth_type": "password",
        "auth_url": env["KS_AUTH_URL"],
        "username": env["KSM_SERVICE_USERNAME"],
        "password": env["KSM_SERVICE_PASSWORD"],
        "user_domain_id": "default",
        "project_name": env["KSM_SERVICE_PROJECT_NAME"],
        "project_domain_id": "default",
        "region_name": env.get("KS_REGION_ID", "RegionOne"),
        "service_token_roles": "service",
    }
    conf.update(overrides)
    return conf


def mark_validations(protocol, probe):
    """Adds ``ksm-probe=<probe>`` to the token validations auth_token sends.

    Also retries a request whose connection was reset, the service's own
    login included (auth_token retries only validations): the test Keystone
    (uwsgi with one process and one thread, http-socket) closes a kept-alive
    connection without saying so, and a request sent on it is reset
    (auth_token would answer 503).
    """
    session = protocol._session
    send = session.request

    def request(url, method, *args, **kwargs):
        if method.upper() in ("GET", "HEAD") and "/auth/tokens" in url:
            url = url + ("&" if "?" in url else "?") + "ksm-probe=" + probe
        kwargs.setdefault("connect_retries", 2)
        return send(url, method, *args, **kwargs)

    session.request = request
    return protocol


def echo(mount):
    def app(environ, start_response):
        headers = {}
        for key, value in environ.items():
            if key.startswith("HTTP_"):
                name = key[5:].replace("_", "-").lower()
                if name not in SECRET_HEADERS and value is not None:
                    headers[name] = value
        body = json.dumps({
            "mount": mount,
            "method": environ["REQUEST_METHOD"],
            "path": environ.get("PATH_INFO", ""),
            "headers": headers,
        }).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]

    return app


def make_app(env, probe_prefix="ksm"):
    protocols = {
        name: mark_validations(
            auth_token.AuthProtocol(echo(name), middleware_conf(env, **options)), f"{probe_prefix}-{name}"
        )
        for name, options in MOUNTS.items()
    }

    def dispatch(environ, start_response):
        path = environ.get("PATH_INFO", "")
        mount = path.split("/")[1] if path.startswith("/") else ""
        protocol = protocols.get(mount)
        if protocol is None:
            body = b'{"error": "no such mount; use /strict, /lenient or /delay"}'
            start_response("404 Not Found", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return protocol(environ, start_response)

    return dispatch


class ThreadingServer(socketserver.ThreadingMixIn, simple_server.WSGIServer):
    daemon_threads = True
    # the interop tests send up to 1,000 requests at once
    request_queue_size = 1024


class QuietHandler(simple_server.WSGIRequestHandler):
    def log_message(self, format, *args):
        logging.getLogger("access").info("%s %s", self.address_string(), format % args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", action="append", required=True, help="env file(s): KS_* and KSM_*")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    env = {}
    for path in args.env:
        env.update(read_env(path))
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    server = simple_server.make_server(
        args.host, args.port, make_app(env), server_class=ThreadingServer, handler_class=QuietHandler
    )
    logging.getLogger("app").info("listening on http://%s:%d", args.host, args.port)
    server.serve_forever()


if __name__ == "__main__":
    main()
