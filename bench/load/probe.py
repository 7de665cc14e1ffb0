#!/usr/bin/env python3
"""HTTP chores of the load benchmark that a load generator cannot do (python3 alone):

    probe.py session  --base URL --email E [--forwarded-for IP]  prints "kb_session=…"
    probe.py check    --base URL [--cookie C] FILE…      every distinct URL answers 200
    probe.py cold-start --bin PATH --runs 5 --out F.json  exec → first 200 of /
    probe.py sign-in  --base URL --first K --workers W --seconds S --out F.json

Sign-in is the argon2 path: each attempt is a fresh visitor (GET /login for the CSRF cookie
and token, then POST /login) with its own bench account and its own X-Forwarded-For address,
so the per-account and per-address limits never trip (the server must run with
TRUST_PROXY_HEADERS=true). Only the POST is timed: that is where the hash is checked.
"""

import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode, urlsplit

PASSWORD = "knowbridge-bench-2026"
EMAIL = "bench.scientist.{n:06d}@bench.knowbridge.example"
TOKEN = re.compile(r'name="csrf" value="([^"]*)"')


def connect(base):
    parts = urlsplit(base)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def cookie_from(response, name):
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0]
    return None


def sign_in(base, email, forwarded_for=None):
    """Signs in like a browser; returns (POST status, session cookie or None, POST seconds)."""
    conn = connect(base)
    extra = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    conn.request("GET", "/login", headers=extra)
    page = conn.getresponse()
    body = page.read().decode("utf-8", "replace")
    csrf_cookie = cookie_from(page, "kb_csrf")
    token = TOKEN.search(body)
    if page.status != 200 or not csrf_cookie or not token:
        raise RuntimeError(f"GET /login: {page.status}, cookie {csrf_cookie}, token {bool(token)}")
    form = urlencode({"csrf": token.group(1), "email": email, "password": PASSWORD})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": csrf_cookie,
               "Origin": base, **extra}
    start = time.perf_counter()
    conn.request("POST", "/login", body=form, headers=headers)
    answer = conn.getresponse()
    answer.read()
    seconds = time.perf_counter() - start
    conn.close()
    return answer.status, cookie_from(answer, "kb_session"), seconds


def cmd_session(args):
    status, cookie, _ = sign_in(args.base, args.email, args.forwarded_for)
    if status != 303 or not cookie:
        sys.exit(f"sign-in of {args.email} failed: status {status}")
    print(cookie)


def cmd_check(args):
    """Every distinct URL of the lists (or the first --sample of each), once: a 200, not a
    redirect or an error page. A wrong list fails here, before minutes of load."""
    urls = []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            distinct = list(dict.fromkeys(line.strip() for line in f if line.strip()))
        urls += distinct[:args.sample] if args.sample else distinct
    bad, slow = [], 0
    conn = connect(args.base)
    headers = {"Cookie": args.cookie} if args.cookie else {}
    for url in sorted(set(urls)):
        target = url[len(args.base):] if url.startswith(args.base) else url
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status == 503:
            # Busy, or not answered within the server's page deadline: slow is what the
            # benchmark measures, not a wrong list.
            slow += 1
        elif response.status != 200:
            bad.append(f"{response.status} {target}")
    if bad:
        sys.exit("URLs not answering 200:\n  " + "\n  ".join(bad[:20]))
    if slow:
        print(f"{slow} of {len(set(urls))} URLs answered 503 (busy or too slow) when checked",
              file=sys.stderr)
    print(len(set(urls)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_ok(port, deadline):
    """Polls GET / every 2 ms until a 200; returns the time it came."""
    request = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode()
    while time.perf_counter() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(request)
                status_line = s.makefile("rb").readline()
                if status_line.split(b" ")[1:2] == [b"200"]:
                    return time.perf_counter()
        except (ConnectionRefusedError, ConnectionResetError, IndexError):
            pass
        time.sleep(0.002)
    raise RuntimeError("no 200 from / within the deadline")


def cmd_cold_start(args):
    times = []
    for _ in range(args.runs):
        port = free_port()
        env = dict(os.environ, BIND=f"127.0.0.1:{port}", BASE_URL=f"http://127.0.0.1:{port}", LOG="warn")
        start = time.perf_counter()
        server = subprocess.Popen([args.bin, "serve"], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            times.append((first_ok(port, start + 30) - start) * 1000)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        time.sleep(0.3)
    result = {"runs_ms": [round(t, 1) for t in times], "median_ms": round(statistics.median(times), 1),
              "max_ms": round(max(times), 1)}
    with open(args.out, "w") as f:
        json.dump(result, f)
    print(json.dumps(result))


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


def cmd_sign_in(args):
    """W workers sign in back to back for S seconds (saturation), after a few one at a time
    (the cost of one sign-in on an idle server)."""
    counter = iter(range(args.first, 10**9))
    lock = threading.Lock()
    results = []  # (status, seconds)

    def attempt():
        with lock:
            n = next(counter)
        address = f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"
        try:
            status, _, seconds = sign_in(args.base, EMAIL.format(n=n), address)
        except (OSError, RuntimeError, http.client.HTTPException):
            status, seconds = 0, 0.0
        return status, seconds

    idle = sorted(s * 1000 for status, s in (attempt() for _ in range(5)) if status == 303)
    end = time.perf_counter() + args.seconds

    def worker():
        while time.perf_counter() < end:
            outcome = attempt()
            with lock:
                results.append(outcome)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    ok = sorted(s * 1000 for status, s in results if status == 303)
    result = {
        "workers": args.workers, "seconds": round(elapsed, 1), "attempts": len(results),
        "signed_in": len(ok), "other_status": {str(k): sum(1 for s, _ in results if s == k)
                                               for k in sorted({s for s, _ in results if s != 303})},
        "per_second": round(len(ok) / elapsed, 1),
        "idle_ms": round(statistics.median(idle), 1) if idle else None,
        "p50_ms": round(percentile(ok, 50), 1), "p95_ms": round(percentile(ok, 95), 1),
        "p99_ms": round(percentile(ok, 99), 1), "max_ms": round(ok[-1], 1) if ok else 0,
    }
    with open(args.out, "w") as f:
        json.dump(result, f)
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("session")
    p.add_argument("--base", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--forwarded-for")
    p.set_defaults(run=cmd_session)
    p = sub.add_parser("check")
    p.add_argument("--base", required=True)
    p.add_argument("--cookie")
    p.add_argument("--sample", type=int, help="only the first N distinct URLs of each file")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("cold-start")
    p.add_argument("--bin", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--out", required=True)
    p.set_defaults(run=cmd_cold_start)
    p = sub.add_parser("sign-in")
    p.add_argument("--base", required=True)
    p.add_argument("--first", type=int, default=100)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--seconds", type=float, default=15)
    p.add_argument("--out", required=True)
    p.set_defaults(run=cmd_sign_in)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
