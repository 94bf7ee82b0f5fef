#!/usr/bin/env python3
"""Loopback servers for infertop's ingest tests: a real prometheus_client exporter and hostile peers.

Usage: test_servers.py [--page FILE] [--token TOKEN] [--basic USER:PASSWORD] [--cert PEM --key PEM] MODE [MODE ...]

Each MODE gets its own server on 127.0.0.1 with a port chosen by the OS. The first line written to
stdout is a JSON object {mode: port}. The process exits when its stdin closes, so a test that dies
leaves nothing behind.

Modes:
  vllm      prometheus_client registry with vLLM-like metrics (fixed values; gzip when asked)
  vllm-tls  the same registry over HTTPS (needs --cert/--key)
  page      serves --page as text/plain
  gzip      serves --page gzip-compressed (Content-Encoding: gzip)
  silent    accepts connections and never answers
  reset     reads the request, then resets the connection (RST)
  junk      200 with seeded binary junk
  endless   200 text/plain, streams sample lines without end
  trickle   200 text/plain at once, then one sample line every 0.2 s without end (a body that never finishes)
  404, 500  that status
  bearer    serves --page only with 'Authorization: Bearer TOKEN', else 401
  basic     serves --page only with HTTP basic auth of --basic USER:PASSWORD, else 401 (and records the
            Authorization header of the last request, served at /last-authorization)
  page-tls  serves --page over HTTPS (needs --cert/--key)
  redirect  redirects to itself forever
  query-api a Prometheus query API over one target 'a:1': its TTFT query answers once, then fails
            (HTTP 503); every answer takes 0.3 s; /stats tells the most queries it had in flight at once
"""
import argparse
import base64
import ssl
import gzip
import http.server
import json
import random
import socket
import socketserver
import struct
import sys
import threading
import time
import urllib.parse

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server


def vllm_registry():
    registry = CollectorRegistry()
    labels = ["model_name", "engine"]
    model = ("Qwen/Qwen2.5-0.5B", "0")
    Gauge("vllm:num_requests_running", "Number of requests in model execution batches.", labels,
          registry=registry).labels(*model).set(3)
    Gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", labels,
          registry=registry).labels(*model).set(2)
    Gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", labels,
          registry=registry).labels(*model).set(0.42)
    Counter("vllm:generation_tokens", "Number of generation tokens processed.", labels,
            registry=registry).labels(*model).inc(12345)
    ttft = Histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", labels,
                     buckets=[0.01, 0.05, 0.1, 0.5, 1.0], registry=registry).labels(*model)
    for value in [0.004, 0.03, 0.03, 0.07, 0.2, 0.9, 2.0]:
        ttft.observe(value)
    return registry


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = ""
    page = b""
    token = ""
    basic = ""
    seen = {"authorization": ""}

    def log_message(self, *args):
        pass

    def send_body(self, status, body, content_type="text/plain; version=0.0.4", extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        if self.mode != "query-api":
            return self.send_body(405, b"")
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        query = form.get("query", [""])[0]
        with QueryAPI.lock:
            QueryAPI.in_flight += 1
            QueryAPI.most = max(QueryAPI.most, QueryAPI.in_flight)
            QueryAPI.calls[query] = QueryAPI.calls.get(query, 0) + 1
            calls = QueryAPI.calls[query]
        try:
            time.sleep(0.3)
            now = time.time()

            def vector(items):
                result = [{"metric": labels, "value": [now, str(value)]} for labels, value in items]
                return json.dumps({"status": "success", "data": {"resultType": "vector", "result": result}}).encode()

            target = {"instance": "a:1"}
            if "count_over_time" in query:
                body = vector([])
            elif "timestamp(" in query:
                body = vector([(target, now - 0.5)])
            elif query.startswith('{__name__="up"'):
                body = vector([(dict(target, job="api", __name__="up"), 1)])
            elif "num_requests_running" in query:
                body = vector([(dict(target, model_name="m"), calls)])
            elif "time_to_first_token" in query and calls > 1:
                return self.send_body(503, b'{"status":"error","errorType":"unavailable","error":"overloaded"}',
                                      content_type="application/json")
            elif "time_to_first_token" in query:
                body = vector([(dict(target, model_name="m", le=le), rate)
                               for le, rate in [("0.1", 1), ("0.5", 3), ("+Inf", 4)]])
            else:
                body = vector([])
            self.send_body(200, body, content_type="application/json")
        finally:
            with QueryAPI.lock:
                QueryAPI.in_flight -= 1

    def do_GET(self):
        mode = self.mode
        if mode == "query-api":
            if self.path.startswith("/api/v1/label/__name__/values"):
                names = ["up", "vllm:num_requests_running", "vllm:time_to_first_token_seconds_bucket"]
                return self.send_body(200, json.dumps({"status": "success", "data": names}).encode(),
                                      content_type="application/json")
            if self.path == "/stats":
                return self.send_body(200, json.dumps({"most": QueryAPI.most}).encode(), content_type="application/json")
            return self.send_body(404, b"")
        if mode == "page":
            self.send_body(200, self.page)
        elif mode == "gzip":
            self.send_body(200, gzip.compress(self.page), extra={"Content-Encoding": "gzip"})
        elif mode == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif mode == "junk":
            rng = random.Random(7)
            self.send_body(200, bytes(rng.randrange(256) for _ in range(4096)), "application/octet-stream")
        elif mode == "endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Connection", "close")
            self.end_headers()
            line = b"endless_metric{i=\"0123456789\"} 1\n" * 1024
            try:
                while True:
                    self.wfile.write(line)
            except OSError:
                pass
            self.close_connection = True
        elif mode == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"trickle_metric 1\n")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            self.close_connection = True
        elif mode == "404":
            self.send_body(404, b"404 page not found\n")
        elif mode == "500":
            self.send_body(500, b"internal error\n")
        elif mode == "bearer":
            if self.headers.get("Authorization") == "Bearer " + self.token:
                self.send_body(200, self.page)
            else:
                self.send_body(401, b"Unauthorized\n", extra={"WWW-Authenticate": "Bearer"})
        elif mode == "llama":
            # llama.cpp: metrics without a model label; the name is at /v1/models.
            if self.path.startswith("/v1/models"):
                self.send_body(200, b'{"object":"list","data":[{"id":"tiny.gguf","object":"model"}]}', "application/json")
            else:
                self.send_body(200, b"# TYPE llamacpp:tokens_predicted_total counter\nllamacpp:tokens_predicted_total 12\n"
                                    b"# TYPE llamacpp:requests_processing gauge\nllamacpp:requests_processing 1\n")
        elif mode == "basic":
            if self.path == "/last-authorization":
                self.send_body(200, self.seen["authorization"].encode())
                return
            self.seen["authorization"] = self.headers.get("Authorization") or ""
            expected = "Basic " + base64.b64encode(self.basic.encode()).decode()
            if self.headers.get("Authorization") == expected:
                self.send_body(200, self.page)
            else:
                self.send_body(401, b"Unauthorized\n", extra={"WWW-Authenticate": 'Basic realm="metrics"'})
        elif mode == "redirect":
            self.send_response(302)
            self.send_header("Location", self.path + ("x" if len(self.path) < 200 else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # resets and abandoned connections are what these tests are about


class QueryAPI:
    """The query-api mode's counters, shared by its request threads."""
    lock = threading.Lock()
    in_flight = 0
    most = 0
    calls = {}


def silent_server():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    held = []

    def accept():
        while True:
            connection, _ = listener.accept()
            held.append(connection)  # keep it open, never answer

    threading.Thread(target=accept, daemon=True).start()
    return listener.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--page")
    parser.add_argument("--token", default="")
    parser.add_argument("--basic", default="")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("modes", nargs="+")
    args = parser.parse_args()
    page = open(args.page, "rb").read() if args.page else b"up 1\n"
    ports = {}
    for mode in args.modes:
        if mode == "vllm":
            server, _ = start_http_server(0, addr="127.0.0.1", registry=vllm_registry())
            ports[mode] = server.server_port
        elif mode == "vllm-tls":
            server, _ = start_http_server(0, addr="127.0.0.1", registry=vllm_registry(),
                                          certfile=args.cert, keyfile=args.key)
            ports[mode] = server.server_port
        elif mode == "silent":
            ports[mode] = silent_server()
        else:
            handler = type("H", (Handler,), {"mode": mode.removesuffix("-tls"), "page": page, "token": args.token,
                                             "basic": args.basic, "seen": {"authorization": ""}})
            server = Server(("127.0.0.1", 0), handler)
            if mode.endswith("-tls"):
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(args.cert, args.key)
                server.socket = context.wrap_socket(server.socket, server_side=True)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            ports[mode] = server.server_address[1]
    print(json.dumps(ports), flush=True)
    sys.stdin.read()  # until the test closes our stdin or dies


if __name__ == "__main__":
    main()
