"""Baseline: keystonemiddleware's auth_token, driven in-process, on this machine.

Reads one JSON object from stdin:
  {"auth_url", "username", "password", "project_name", "cached_token", "new_token", "concurrency"}
and builds auth_token.AuthProtocol (in-memory token cache, as without
memcached_servers) in front of a WSGI app that answers 200, against that
Keystone with that service user. Then:

  cached: one request with cached_token warms the cache; then the time of a
          whole request through the middleware (webob Request.blank(...) →
          AuthProtocol → app → response), the token found in its cache.
  concurrent: `concurrency` threads released together, each sending one
          request with new_token (never seen before): how many token
          validations auth_token sent to Keystone (counted on its session)
          and how many requests were answered 200.

Prints one JSON line:
  {"cached_ns": ..., "validations": ..., "ok": ..., "requests": ..., "version": ...}
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


def main():
    logging.basicConfig(level=logging.ERROR)
    args = json.load(sys.stdin)
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

    def call(token):
        return webob.Request.blank("/", headers={"X-Auth-Token": token}).get_response(protocol).status_int

    assert call(args["cached_token"]) == 200, "the cached token was refused"
    before = validations[0]
    per_call_ns(lambda: call(args["cached_token"]), 0.3, batch=100)  # warm-up
    cached_ns = per_call_ns(lambda: call(args["cached_token"]), batch=100)
    assert validations[0] == before, "the cached path went to Keystone"

    n = int(args["concurrency"])
    barrier = threading.Barrier(n)
    statuses = []

    def one():
        barrier.wait()
        status = call(args["new_token"])
        with lock:
            statuses.append(status)

    validations[0] = 0
    threading.stack_size(256 * 1024)
    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({
        "cached_ns": cached_ns,
        "validations": validations[0],
        "ok": sum(1 for s in statuses if s == 200),
        "requests": len(statuses),
        "version": importlib.metadata.version("keystonemiddleware"),
    }))


if __name__ == "__main__":
    main()
