"""Baseline: keystonemiddleware's auth_token, driven in-process, on this machine.

Reads one JSON object from stdin:
  {"auth_url", "username", "password", "project_name", "cached_token", "new_token", "concurrency"}
and builds auth_token.AuthProtocol (in-memory token cache, as without
memcached_servers) in front of a WSGI app that answers 200, against that
Keystone with that service user; warms the cache with one request carrying
cached_token and prints {"ready": true, "version": ...}. Then answers one
JSON command per stdin line with one JSON line, so that the benchmark can
alternate its rounds with ours (both seeing the same machine load):

  {"cmd": "cached", "seconds": s}: the mean time of a whole request through
          the middleware (webob Request.blank(...) → AuthProtocol → app →
          response), the token found in its cache: {"ns": ...}
  {"cmd": "bare", "seconds": s}: the same request straight to the app, no
          middleware (what webob itself costs): {"ns": ...}
  {"cmd": "concurrent"}: `concurrency` threads released together, each
          sending one request with new_token (never seen before): how many
          token validations auth_token sent to Keystone (counted on its
          session) and how many requests were answered 200:
          {"validations": ..., "ok": ..., "requests": ...}
  {"cmd": "quit"}
"""
import importlib.metadata
import json
import logging
import sys
import threading

import webob
from keystonemiddleware import auth_token

from keystoneauth1_baseline import per_call_ns  # this script's directory is on sys.path


def ok_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    logging.basicConfig(level=logging.ERROR)
    args = json.loads(sys.stdin.readline())
    conf = {
        "www_authenticate_uri": args["auth_url"],
        "auth_type": "password",
        "auth_url": args["auth_url"],
        "username": args["username"],
        "password": args["password"],
        "user_domain_id": "default",
        "project_name": args["project_name"],
        "project_domain_id": "default",
        "service_token_roles_required": "true",
    }
    protocol = auth_token.AuthProtocol(ok_app, conf)

    # Count the token validations auth_token sends (GET /v3/auth/tokens).
    validations = [0]
    lock = threading.Lock()
    send = protocol._session.request

    def counting(url, method, *a, **kw):
        if method.upper() in ("GET", "HEAD") and "/auth/tokens" in url:
            with lock:
                validations[0] += 1
        return send(url, method, *a, **kw)

    protocol._session.request = counting

    def call(app, token):
        return webob.Request.blank("/", headers={"X-Auth-Token": token}).get_response(app).status_int

    cached = args["cached_token"]
    assert call(protocol, cached) == 200, "the cached token was refused"
    assert call(ok_app, cached) == 200
    per_call_ns(lambda: call(protocol, cached), 0.3, batch=100)  # warm-up
    reply({"ready": True, "version": importlib.metadata.version("keystonemiddleware")})

    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "cached":
            before = validations[0]
            ns = per_call_ns(lambda: call(protocol, cached), command["seconds"], batch=100)
            assert validations[0] == before, "the cached path went to Keystone"
            reply({"ns": ns})
        elif command["cmd"] == "bare":
            reply({"ns": per_call_ns(lambda: call(ok_app, cached), command["seconds"], batch=100)})
        elif command["cmd"] == "concurrent":
            n = int(args["concurrency"])
            barrier = threading.Barrier(n)
            statuses = []

            def one():
                barrier.wait()
                status = call(protocol, args["new_token"])
                with lock:
                    statuses.append(status)

            validations[0] = 0
            threading.stack_size(256 * 1024)
            threads = [threading.Thread(target=one) for _ in range(n)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            reply({"validations": validations[0], "ok": sum(1 for s in statuses if s == 200), "requests": len(statuses)})
        else:
            return


if __name__ == "__main__":
    main()
