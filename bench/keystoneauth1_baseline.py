"""Baseline: keystoneauth1's cached-token and endpoint-lookup cost, on this machine.

Reads a v3 token body (JSON) from argv[1], preloads it into a v3 Password plugin as
its auth_ref (as after a login), then times Session.get_token() and
Session.get_endpoint(). No network: the token is valid and cached, and version
discovery is skipped when no version is asked for.
Prints one JSON line: {"get_token_ns": ..., "get_endpoint_ns": ..., "version": ...}
"""
import json
import sys
import time

import keystoneauth1
from keystoneauth1 import access, session
from keystoneauth1.identity import v3


def per_call_ns(fn, seconds=1.0, batch=1000):
    """Mean ns per call of `fn`, called in batches for `seconds`."""
    n = 0
    start = time.perf_counter_ns()
    deadline = start + int(seconds * 1e9)
    while True:
        for _ in range(batch):
            fn()
        n += batch
        now = time.perf_counter_ns()
        if now >= deadline:
            return (now - start) / n


def main():
    body = json.load(open(sys.argv[1]))
    service_type, interface, region = sys.argv[2], sys.argv[3], sys.argv[4]
    plugin = v3.Password(auth_url="http://127.0.0.1:1/v3", username="u", password="p",
                         user_domain_id="default", project_id="p")
    plugin.auth_ref = access.create(body=body, auth_token="gAAAAA-bench-token")
    sess = session.Session(auth=plugin)
    assert sess.get_token() == "gAAAAA-bench-token"
    url = sess.get_endpoint(service_type=service_type, interface=interface, region_name=region)
    assert url, "endpoint not found"
    per_call_ns(sess.get_token, 0.3)  # warm-up
    token_ns = per_call_ns(sess.get_token)
    endpoint_ns = per_call_ns(lambda: sess.get_endpoint(service_type=service_type, interface=interface, region_name=region))
    print(json.dumps({"get_token_ns": token_ns, "get_endpoint_ns": endpoint_ns, "url": url,
                      "version": keystoneauth1.__version__ if hasattr(keystoneauth1, "__version__") else "?"}))


if __name__ == "__main__":
    main()
